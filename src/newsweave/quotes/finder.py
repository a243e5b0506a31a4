"""Find quoted words in a cleaned text: straight double quotes (clean normalised curly ones).

News convention handled: a quote that runs over several paragraphs leaves each paragraph but
the last unclosed, and reopens at the start of the next. Unbalanced marks never raise: the
finder makes a best guess and reports a warning.

Marks of other conventions are read by the way the received text faced them
(`mark_directions`): “…” and ‘…’ (English), „…“ and ‚…‘ (German: the mark that opens in
English closes after „ or ‚), «…» (French, spaces inside or not) and »…« (German). Single
marks count only as the unambiguous low ‚ and its closing ‘ or ’ (a straight or curly
apostrophe is too often a word's), and only outside double quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from ..clean import paragraph_spans
from ..clean.offsets import raw_offsets
from ..lexicon import INVERTED_CUES
from ..models import Source

_OPEN_BEFORE = set(" \t\n([{—–-/:;,")
_TRAILING = " ,;:"
# A double mark, or the typewriter digraphs of some archives (``like this'' or ''like this'').
_MARK = re.compile(r"\"|``|(?<!')''(?!')")
_DIGRAPH = {"``": "open"}
_WORD_AFTER = re.compile(r"[a-z]+")
_LOW_DOUBLE, _LOW_SINGLE = "\u201e", "\u201a"  # „ and ‚ always open
_CURLY = {
    "\u201c": "open",  # “ (closes after „)
    _LOW_DOUBLE: "open",
    "\u00ab": "open",  # « (closes after »)
    "\u201d": "close",
    "\u00bb": "close",  # » (opens a »…« quote)
}
_SINGLE_CLOSE = "\u2018\u2019"  # ‘ and ’ after ‚


@dataclass
class QuoteSpan:
    start: int  # first character inside the marks
    end: int  # just past the last character kept (trailing commas dropped)
    closed: bool


def find_quote_spans(
    text: str, warnings: list[str] | None = None, directions: dict[int, str] | None = None
) -> list[QuoteSpan]:
    """Spans of the words inside double quote marks, paragraph by paragraph, and inside the
    single marks ‚…‘ outside them.

    `directions` ({offset: "open" | "close"}) says which way the received text's curly marks
    faced, where it had them (see `mark_directions`); other marks are judged by their context.
    """
    spans: list[QuoteSpan] = []
    directions = directions or {}
    for start, end in paragraph_spans(text):
        spans.extend(_paragraph_quotes(text, start, end, warnings, directions))
    spans += [q for q in _single_quotes(text, directions) if not _inside(q, spans)]
    return sorted((s for s in spans if s.end > s.start), key=lambda s: s.start)


def mark_directions(source: Source) -> dict[int, str]:
    """{offset in the cleaned text: "open" | "close"} for each quote mark that was curly (or
    low, or a guillemet) in the received text: double marks, and the single ‚ with the ‘ or ’
    that closes it."""
    where = raw_offsets(source)
    out: dict[int, str] = {}
    opened: dict[str, str | None] = {'"': None, "'": None}  # the mark that opened, per kind
    for i, ch in enumerate(source.text):
        if ch in opened and where[i] < len(source.raw):
            glyph = source.raw[where[i]]
            way = _direction(glyph, opened[ch], source.raw, where[i])
            if way:
                out[i] = way
                opened[ch] = glyph if way == "open" else None
    return out


def _direction(glyph: str, opened: str | None, raw: str, j: int) -> str | None:
    """Which way the mark `glyph` at raw[j] faces, given the mark that opened the quote now
    open (None: none is)."""
    if glyph == _LOW_SINGLE:  # opens before a word, never a comma typed as ‚
        return "open" if _word_edge(raw, j - 1) and not _word_edge(raw, j + 1) else None
    if glyph in _SINGLE_CLOSE:  # closes after a word, never an apostrophe inside one (it’s)
        return "close" if opened == _LOW_SINGLE and _word_edge(raw, j + 1) else None
    if glyph == "\u201c" and opened == _LOW_DOUBLE:
        return "close"
    if glyph == "\u00ab" and opened == "\u00bb":
        return "close"
    if glyph == "\u00bb" and opened is None and j + 1 < len(raw) and raw[j + 1].isalnum():
        return "open"
    return _CURLY.get(glyph)


def _word_edge(raw: str, j: int) -> bool:
    """Is raw[j] outside any word: the text's edge, a space or a punctuation mark?"""
    return j < 0 or j >= len(raw) or not raw[j].isalnum()


def _single_quotes(text: str, directions: dict[int, str]) -> list[QuoteSpan]:
    """Spans inside single marks that `directions` pairs (an opening ‚, then its closing mark
    in the same paragraph)."""
    out = []
    for start, end in paragraph_spans(text):
        marks = [i for i in range(start, end) if text[i] == "'" and i in directions]
        for a, b in pairwise(marks):
            if directions[a] == "open" and directions[b] == "close":
                out.append(_span(text, a + 1, b, closed=True))
    return out


def _inside(quote: QuoteSpan, spans: list[QuoteSpan]) -> bool:
    return any(s.start <= quote.start and quote.end <= s.end for s in spans)


def _paragraph_quotes(
    text: str, start: int, end: int, warnings: list[str] | None, directions: dict[int, str]
) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    open_at: int | None = None  # just past the opening mark
    for m in _MARK.finditer(text, start, end):
        i, way = m.start(), directions.get(m.start()) or _DIGRAPH.get(m.group())
        if open_at is None:
            if way == "open" or (
                way is None and (_can_open(text, i, start) or _lost_break(text, i, end))
            ):
                open_at = m.end()
            else:
                _warn(warnings, f"closing quote mark with no opening mark at offset {i}")
        elif way == "open" and not _before_space(text, m.end(), end):
            _warn(
                warnings,
                f"quote opened at offset {open_at - 1} is not closed before the next opens",
            )
            open_at = m.end()
        elif (
            way == "close"
            or _can_close(text, m.end() - 1, end)
            or not _can_open(text, i, start)
            or _after_clause_end(text, i, open_at)
            or _cue_glued(text, m.end())
        ):
            out.append(_span(text, open_at, i, closed=True))
            open_at = None
    if open_at is not None:
        out.append(_span(text, open_at, end, closed=False))
    return out


def _warn(warnings: list[str] | None, message: str) -> None:
    if warnings is not None:
        warnings.append(message)


def _before_space(text: str, i: int, para_end: int) -> bool:
    """An opening mark comes before the words it opens; one before a space or the paragraph's
    end closes the open quote, whichever way it was typed (“Not now,“ he said)."""
    return i >= para_end or text[i].isspace()


def _after_clause_end(text: str, i: int, open_at: int) -> bool:
    """In an open quote, a mark glued to the comma or stop ending its words closes it, space
    or none after it ('"we are done,"she added')."""
    return i - 1 > open_at and text[i - 1] in ",.!?" and text[i - 2].isalnum()


def _cue_glued(text: str, i: int) -> bool:
    """In an open quote, a mark glued to the cue after it closes it ('hospitals, "said Fauzi':
    text rebuilt from tokens puts the space on the wrong side of the mark)."""
    word = _WORD_AFTER.match(text, i)
    return word is not None and word.group().lower() in INVERTED_CUES


def _can_open(text: str, i: int, para_start: int) -> bool:
    return i == para_start or text[i - 1] in _OPEN_BEFORE


def _lost_break(text: str, i: int, para_end: int) -> bool:
    """With no quote open, a mark glued between a sentence's end and a capital opens a quote
    ('with investigators."The state ...': text that lost its paragraph breaks)."""
    return (
        i >= 2
        and text[i - 1] in ".!?"
        and text[i - 2] not in "\"'"
        and i + 1 < para_end
        and text[i + 1].isupper()
    )


def _can_close(text: str, i: int, para_end: int) -> bool:
    return i + 1 >= para_end or not text[i + 1].isalnum()


def _span(text: str, start: int, end: int, *, closed: bool) -> QuoteSpan:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return QuoteSpan(start, end, closed)
