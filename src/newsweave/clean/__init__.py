"""Stage 2, clean: turn a source's received text into the cleaned text every offset refers to.

Removes datelines, agency credit lines and site furniture (recording each removal and its
reason), normalises whitespace and quote marks, and lays paragraphs out one per block
separated by a blank line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Removal, Skipped, Source
from . import rules

__all__ = ["clean", "clean_text", "paragraph_spans", "split_cleaned", "split_empty"]
EMPTY_REASON = (
    "nothing left after cleaning: only site furniture, a web-archive notice or an embed template"
)


@dataclass
class _Para:
    start: int  # offsets into the raw text
    end: int

    def text(self, raw: str) -> str:
        return raw[self.start : self.end]


def clean(source: Source) -> Source:
    """Fill `source.text` and `source.removed` from `source.raw`; returns the same source."""
    source.text, source.removed = clean_text(source.raw)
    return source


def split_empty(sources: list[Source]) -> tuple[list[Source], list[Skipped]]:
    """Clean every source; those with nothing left (only furniture, an archive notice) are skipped."""
    return split_cleaned([clean(source) for source in sources])


def split_cleaned(sources: list[Source]) -> tuple[list[Source], list[Skipped]]:
    """Cleaned sources, kept apart from those with nothing left (skipped, with the reason)."""
    kept, skipped = [], []
    for source in sources:
        if source.text.strip():
            kept.append(source)
            continue
        where = source.where or source.path or source.id
        where += (
            f" (id {source.input_id})" if source.input_id and source.input_id not in where else ""
        )
        skipped.append(Skipped(where, EMPTY_REASON))
    return kept, skipped


def clean_text(raw: str) -> tuple[str, list[Removal]]:
    """Clean one article text; returns the cleaned text and what was removed (raw offsets)."""
    paras = _split_paragraphs(raw)
    removed: list[Removal] = []
    kept: list[str] = []
    for i, para in enumerate(paras):
        text = _strip_removals(
            raw, para, first=(i == 0), last=(i == len(paras) - 1), removed=removed
        )
        if text:
            kept.append(_normalise(text))
    return "\n\n".join(kept), removed


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the paragraphs of a cleaned text."""
    spans, pos = [], 0
    for block in text.split("\n\n"):
        spans.append((pos, pos + len(block)))
        pos += len(block) + 2
    return [s for s in spans if s[1] > s[0]]


def _split_paragraphs(raw: str) -> list[_Para]:
    """Paragraphs are blank-line separated blocks; with no blank line at all, each line is one.
    A block of long lines (no hard wrapping) is one paragraph a line, as pasted web text is."""
    sep = rules.BLANK_LINE if rules.BLANK_LINE.search(raw) else re.compile(r"\n")
    paras = []
    for block in _pieces(raw, sep, 0, len(raw)):
        lines = raw[block.start : block.end].split("\n")
        if len(lines) > 1 and max(map(len, lines)) > rules.WRAPPED_LINE_MAX:
            paras.extend(_pieces(raw, re.compile(r"\n"), block.start, block.end))
        else:
            paras.append(block)
    return paras


def _pieces(raw: str, sep: re.Pattern, start: int, end: int) -> list[_Para]:
    """The non-empty stretches of raw[start:end] between matches of `sep`, trimmed."""
    out, pos = [], start
    for m in list(sep.finditer(raw, start, end)) + [None]:
        stop = m.start() if m else end
        out.append(_trimmed(raw, pos, stop))
        pos = m.end() if m else end
    return [p for p in out if p.end > p.start]


def _trimmed(raw: str, start: int, end: int) -> _Para:
    while start < end and raw[start].isspace():
        start += 1
    while end > start and raw[end - 1].isspace():
        end -= 1
    return _Para(start, end)


def _strip_removals(
    raw: str, para: _Para, *, first: bool, last: bool, removed: list[Removal]
) -> str:
    """The paragraph's text with removable parts recorded in `removed` and cut out."""
    text = para.text(raw)
    reason = _whole_paragraph_reason(text, last=last)
    if reason:
        removed.append(Removal(text=text, reason=reason, start=para.start, end=para.end))
        return ""
    start = para.start
    m = rules.LEADING_FURNITURE.match(text)
    if m and m.end() < len(text):
        removed.append(
            Removal(
                text=m.group(0).strip(),
                reason="site furniture",
                start=start,
                end=start + len(m.group(0).rstrip()),
            )
        )
        text, start = text[m.end() :], start + m.end()
    if first:
        at = _dateline_at(text)
        if at is not None:
            i, cut = at
            removed.append(
                Removal(
                    text=cut.strip(),
                    reason="dateline",
                    start=start + i,
                    end=start + i + len(cut.rstrip()),
                )
            )
            return text[:i] + text[i + len(cut) :]
    return text


def _dateline_at(text: str) -> tuple[int, str] | None:
    """Where the first paragraph's dateline is, and its words: at the start, or right after a
    headline run into the paragraph ("… vaccine plan. WASHINGTON (AP) — Dr. Bright warned")."""
    m = rules.DATELINE.match(text)
    if m and len(m.group("dateline")) < len(text):
        return 0, m.group("dateline")
    for end in rules.HEADLINE_END.finditer(text[: rules.HEADLINE_CHARS]):
        rest = text[end.end() :]
        m = rules.DATELINE.match(rest)
        if m and rules.DASHED.search(m.group("dateline")) and rest[m.end() : m.end() + 1].isupper():
            return end.end(), m.group("dateline")
    return None


def _whole_paragraph_reason(text: str, *, last: bool) -> str | None:
    flat = " ".join(text.split())
    if rules.CREDIT.match(flat):
        return "credit line" if last else "agency credit"
    words = len(flat.split())
    for pattern, max_words, reason in rules.WHOLE_PARAGRAPH:
        if (max_words is None or words <= max_words) and pattern.match(flat):
            return reason
    return None


def _normalise(text: str) -> str:
    text = rules.BROKEN_CLOSING_QUOTE.sub('"', text)
    text = rules.GLUED_SENTENCE.sub(". ", text)
    text = rules.ZERO_WIDTH.sub("", text).translate(rules.QUOTE_MAP)
    text = " ".join(line.strip() for line in text.splitlines())
    return rules.SPACES.sub(" ", text).strip()
