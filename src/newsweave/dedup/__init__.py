"""Stage 3, dedup: copies of one wire story count as one witness.

Two sources whose cleaned texts share most of their word 5-grams (containment of the smaller in
the larger) are copies of one story: they get the same `Source.witness`, the id of the earliest
published copy. Facts later count witnesses, not outlets.
"""

from __future__ import annotations

import re
import zlib

from ..models import Source

SHINGLE = 5
COPY_CONTAINMENT = 0.5
_WORD = re.compile(r"\w+")

__all__ = ["assign_witnesses", "containment", "shingles"]


def shingles(text: str, n: int = SHINGLE) -> set[int]:
    """Hashes of the lower-cased word n-grams of a text."""
    words = _WORD.findall(text.lower())
    return {zlib.crc32(" ".join(words[i : i + n]).encode()) for i in range(max(1, len(words) - n + 1))}


def containment(a: set[int], b: set[int]) -> float:
    """Share of the smaller set found in the larger one."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def assign_witnesses(sources: list[Source], *, threshold: float = COPY_CONTAINMENT) -> list[list[str]]:
    """Set `witness` on every source; returns the groups of copies (ids), largest first."""
    ordered = sorted(sources, key=lambda s: (s.published is None, s.published or 0, s.id))
    sets = {s.id: shingles(s.text) for s in ordered}
    for s in ordered:
        s.witness = s.id
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if b.witness == b.id and containment(sets[a.id], sets[b.id]) >= threshold:
                b.witness = a.witness
    groups: dict[str, list[str]] = {}
    for s in ordered:
        groups.setdefault(s.witness, []).append(s.id)
    return sorted(groups.values(), key=len, reverse=True)
