"""Lineage of syndicated copies: what each copy changed against the earliest copy.

Paragraphs are compared by their lower-cased words; a paragraph only the copy has is "added"
(span into the copy), one only the earliest has is "cut" (span into the earliest), a reworded
paragraph is "edited", a differing figure in a matched paragraph is "number", and a different
headline is "title".
"""

from __future__ import annotations

import difflib
import re

from ..clean import paragraph_spans
from ..models import CopyChange, Source, Span

_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
EDITED = 0.6  # word-sequence similarity above which a replaced paragraph is an edit of the other

__all__ = ["changes"]


def changes(earliest: Source, copy: Source) -> list[CopyChange]:
    """What `copy` changed against `earliest` (both cleaned), in reading order."""
    out = _title_change(earliest, copy)
    old, new = _paragraphs(earliest), _paragraphs(copy)
    matcher = difflib.SequenceMatcher(a=[k for k, _ in old], b=[k for k, _ in new], autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            continue
        out += _replaced(earliest, copy, old[a0:a1], new[b0:b1])
    return out


def _paragraphs(source: Source) -> list[tuple[str, Span]]:
    return [
        (" ".join(_WORD.findall(source.text[s:e].lower())), Span(source.id, s, e))
        for s, e in paragraph_spans(source.text)
    ]


def _title_change(earliest: Source, copy: Source) -> list[CopyChange]:
    a, b = earliest.title, copy.title
    if a and b and _WORD.findall(a.lower()) != _WORD.findall(b.lower()):
        return [CopyChange("title", f"{a} -> {b}")]
    return []


def _replaced(earliest: Source, copy: Source, old: list, new: list) -> list[CopyChange]:
    """Pair replaced paragraphs that are edits of each other; the rest are cut or added."""
    out: list[CopyChange] = []
    unmatched = list(old)
    for key, span in new:
        match = max(unmatched, key=lambda o: _similar(o[0], key), default=None)
        if match is not None and _similar(match[0], key) >= EDITED:
            unmatched.remove(match)
            out += _edit(earliest, copy, match[1], span)
        else:
            out.append(CopyChange("added", span.slice(copy.text), span))
    out += [CopyChange("cut", span.slice(earliest.text), span) for _, span in unmatched]
    return out


def _edit(earliest: Source, copy: Source, old: Span, new: Span) -> list[CopyChange]:
    before, after = old.slice(earliest.text), new.slice(copy.text)
    a, b = _NUMBER.findall(before), _NUMBER.findall(after)
    if a != b:
        return [CopyChange("number", d, new) for d in _number_diffs(a, b)]
    return [CopyChange("edited", after, new)]


def _number_diffs(a: list[str], b: list[str]) -> list[str]:
    """The figures that differ ("12 -> 15"): position by position when both have as many,
    else aligned as sequences, a figure only one side has shown against nothing ("12 -> "),
    so one dropped figure does not shift all the rest."""
    if len(a) == len(b):
        return [f"{x} -> {y}" for x, y in zip(a, b) if x != y]
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    out = []
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "replace" and a1 - a0 == b1 - b0:
            out += [f"{x} -> {y}" for x, y in zip(a[a0:a1], b[b0:b1])]
        elif op != "equal":
            out.append(f"{' '.join(a[a0:a1])} -> {' '.join(b[b0:b1])}")
    return out


def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(a=a.split(), b=b.split(), autojunk=False).ratio()
