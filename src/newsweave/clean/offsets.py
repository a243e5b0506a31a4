"""Where each character of a cleaned text came from in the received text.

Cleaning only deletes (removals, zero-width characters, runs of whitespace) and maps quote marks
and spaces one-for-one, so walking both texts together recovers the mapping. It lets a caller
point at the original document (a highlight in the saved page, a benchmark's gold offsets).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Removal, Source
from . import rules


def raw_offsets(source: Source) -> list[int]:
    """For each offset 0..len(text) of `source.text`, the matching offset in `source.raw`.

    Whitespace in the cleaned text that stands for a run of raw whitespace (or for a removed
    piece) maps to where that run starts; the final entry maps the end of the text.
    """
    return align(source.raw, source.text, source.removed)


def align(raw: str, text: str, removed: Sequence[Removal] = ()) -> list[int]:
    """Offsets map from `text` (cleaned from `raw`) back into `raw`; see `raw_offsets`."""
    skips = {r.start: r.end for r in removed}
    out: list[int] = []
    j = 0
    for ch in text:
        if j < len(raw) and raw[j] == ch and j not in skips:  # kept as it was: the common case
            out.append(j)
            j += 1
            continue
        j = _next_match(raw, j, ch, skips)
        out.append(min(j, len(raw)))
        if j < len(raw) and _same(raw[j], ch):
            j += 1
    out.append(min(_skip_noise(raw, j, skips, keep_space=False), len(raw)))
    return out


def _next_match(raw: str, j: int, ch: str, skips: dict[int, int]) -> int:
    """The raw offset of the character that became `ch`, skipping what cleaning deleted."""
    if ch.isspace():
        return _skip_noise(raw, j, skips, keep_space=True)
    start = j
    while j < len(raw) and not _same(raw[j], ch):
        j = skips.get(j, j + 1)
        if j - start > 10_000:  # not found nearby: the text was not cleaned from this raw
            return start
    return j


def _skip_noise(raw: str, j: int, skips: dict[int, int], *, keep_space: bool) -> int:
    while j < len(raw):
        if j in skips:
            j = skips[j]
        elif rules.ZERO_WIDTH.match(raw, j) or (raw[j].isspace() and not keep_space):
            j += 1
        else:
            break
    return j


def _same(raw_ch: str, ch: str) -> bool:
    return (
        raw_ch == ch
        or raw_ch.translate(rules.QUOTE_MAP) == ch
        or (raw_ch.isspace() and ch.isspace())
    )
