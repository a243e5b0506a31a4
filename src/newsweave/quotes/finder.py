"""Find quoted words in a cleaned text: straight double quotes (clean normalised curly ones).

News convention handled: a quote that runs over several paragraphs leaves each paragraph but
the last unclosed, and reopens at the start of the next. Unbalanced marks never raise: the
finder makes a best guess and reports a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
_CURLY = {
    "\u201c": "open",
    "\u201e": "open",
    "\u00ab": "open",
    "\u201d": "close",
    "\u00bb": "close",
}


@dataclass
class QuoteSpan:
    start: int  # first character inside the marks
    end: int  # just past the last character kept (trailing commas dropped)
    closed: bool


def find_quote_spans(
    text: str, warnings: list[str] | None = None, directions: dict[int, str] | None = None
) -> list[QuoteSpan]:
    """Spans of the words inside double quote marks, paragraph by paragraph.

    `directions` ({offset: "open" | "close"}) says which way the received text's curly marks
    faced, where it had them (see `mark_directions`); other marks are judged by their context.
    """
    spans: list[QuoteSpan] = []
    for start, end in paragraph_spans(text):
        spans.extend(_paragraph_quotes(text, start, end, warnings, directions or {}))
    return [s for s in spans if s.end > s.start]


def mark_directions(source: Source) -> dict[int, str]:
    """{offset in the cleaned text: "open" | "close"} for each double mark that was curly."""
    where = raw_offsets(source)
    out = {}
    for i, ch in enumerate(source.text):
        if ch == '"' and where[i] < len(source.raw):
            kind = _CURLY.get(source.raw[where[i]])
            if kind:
                out[i] = kind
    return out


def _paragraph_quotes(
    text: str, start: int, end: int, warnings: list[str] | None, directions: dict[int, str]
) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    open_at: int | None = None  # just past the opening mark
    for m in _MARK.finditer(text, start, end):
        i, way = m.start(), directions.get(m.start()) or _DIGRAPH.get(m.group())
        if open_at is None:
            if way == "open" or (way is None and _can_open(text, i, start)):
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


def _can_close(text: str, i: int, para_end: int) -> bool:
    return i + 1 >= para_end or not text[i + 1].isalnum()


def _span(text: str, start: int, end: int, *, closed: bool) -> QuoteSpan:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return QuoteSpan(start, end, closed)
