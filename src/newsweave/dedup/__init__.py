"""Stage 3, dedup: copies of one wire story, and the articles of one outlet, are one witness.

Two sources whose cleaned texts share most of their word 5-grams (containment of the smaller in
the larger, at least `COPY_CONTAINMENT`) are copies of one story. Two sources of one outlet
(`outlets.source_outlet_key`: "AP", "Associated Press" and an apnews.com address are one; a
source with neither outlet nor URL is never joined by outlet) are one witness too: an update
and its first version, or two pieces by one agency, do not corroborate each other. The union
of both relations (union-find) shares one `Source.witness`, the id of its earliest source
(first published, then first given); facts later count witnesses, not articles.

A brief compares every pair (`assign_witnesses`); a corpus finds candidate pairs with MinHash
LSH first (`copy_groups`, see `minhash.py`) and verifies each exactly, then records what every
copy changed against the earliest (`lineage.py`). A corpus keeps only copies as a witness
(clustering treats copies as one article; one outlet reports many stories); the brief of a
story joins its articles' outlets (`assign_witnesses`), and the story list counts
independent witnesses the same way (`independent`).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence

import numpy as np

from ..models import CopyGroup, Source
from ..outlets import known_outlet, outlet_key, shown_outlet, source_outlet_key
from . import minhash
from .lineage import changes

SHINGLE = 5
COPY_CONTAINMENT = 0.5

__all__ = [
    "assign_witnesses",
    "changes",
    "containment",
    "copy_groups",
    "independent",
    "joined",
    "minhash",
    "shingles",
]


def shingles(text: str, n: int = SHINGLE) -> set[int]:
    """Hashes of the lower-cased word n-grams of a text (the 64-bit hashes MinHash signs)."""
    return set(minhash.shingle_hashes(text, n).tolist())


def containment(a: set[int], b: set[int]) -> float:
    """Share of the smaller set found in the larger one."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def arrival_order(sources: list[Source]) -> list[Source]:
    """Earliest first: by publication date (undated last), then in the order given."""
    index = {id(s): i for i, s in enumerate(sources)}
    return sorted(sources, key=lambda s: (s.published is None, s.published or 0, index[id(s)]))


def assign_witnesses(
    sources: list[Source], *, threshold: float = COPY_CONTAINMENT, outlets: bool = True
) -> list[list[str]]:
    """Set `witness` on every source: copies (comparing every pair) and, with `outlets`, the
    articles of one outlet share the earliest one's id. Returns the groups (ids), largest first
    (with `outlets=False`, the groups of copies)."""
    ordered = arrival_order(sources)
    sets = {s.id: shingles(s.text) for s in ordered}
    for s in ordered:
        s.witness = s.id
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if b.witness == b.id and containment(sets[a.id], sets[b.id]) >= threshold:
                b.witness = a.witness
    name_outlets(ordered)
    if outlets:
        roots = joined([_independence_keys(s) for s in ordered])
        for s, root in zip(ordered, roots):
            s.witness = ordered[root].id
    return _groups(ordered)


def name_outlets(sources: Sequence[Source]) -> None:
    """Set `outlet_name` on every source: one name for one outlet however its articles give it
    (a listed outlet's name, "AP" for "Associated Press"; else the first spelling given: "The
    Jakarta Post" for "Jakarta Post" too), or the listed outlet its URL is on when it gives no
    outlet."""
    first: dict[str, str] = {}
    for s in sources:
        shown = shown_outlet(s.outlet, s.url)
        if shown is not None and known_outlet(s.outlet) is None and s.outlet:
            shown = first.setdefault(outlet_key(s.outlet), shown)  # not listed: first spelling
        s.outlet_name = shown


def _independence_keys(source: Source) -> list[Hashable]:
    """What makes a source one witness with others: its copy group, and its outlet if known."""
    outlet = source_outlet_key(source.outlet, source.url)
    keys: list[Hashable] = [("copy", source.witness or source.id)]
    return keys + ([("outlet", outlet)] if outlet else [])


def joined(keys: Sequence[Iterable[Hashable]]) -> list[int]:
    """Union-find over items that share a key: each item's group as the index of its first
    item (items given earliest first, so that is the group's earliest)."""
    parent = list(range(len(keys)))
    first: dict[Hashable, int] = {}
    for i, item in enumerate(keys):
        for key in item:
            j = first.setdefault(key, i)
            if j != i:
                _union(parent, i, j)
    return [_find(parent, i) for i in range(len(keys))]


def independent(articles: Iterable[tuple[str, str | None, str | None]]) -> int:
    """How many independent witnesses articles amount to, each given as (its copy group's
    earliest id, outlet, URL): copies of one story, and one outlet's articles, count once."""
    keys = [
        [("copy", copy)] + ([("outlet", o)] if (o := source_outlet_key(outlet, url)) else [])
        for copy, outlet, url in articles
    ]
    return len(set(joined(keys)))


def copy_groups(
    sources: list[Source],
    sigs: np.ndarray | None = None,
    *,
    threshold: float = COPY_CONTAINMENT,
    lineage: bool = True,
) -> list[CopyGroup]:
    """Groups of copies among many sources (cleaned), by MinHash LSH candidates verified exactly.

    `sigs` may hold precomputed signatures (rows in the order of `sources`). Sets `witness` on
    every source; returns only groups of two or more, each with the lineage of its copies.
    """
    arrays = None
    if sigs is None:
        arrays = minhash.shingle_arrays([s.text for s in sources])
        sigs = minhash.signatures_of(arrays)
    parent = list(range(len(sources)))
    verify = _verifier(sources, arrays, threshold)
    for i, j in minhash.candidate_pairs(sigs):
        if _find(parent, i) != _find(parent, j) and verify(int(i), int(j)):
            _union(parent, int(i), int(j))
    members: dict[int, list[Source]] = {}
    for i, s in enumerate(sources):
        members.setdefault(_find(parent, i), []).append(s)
    return [_group(arrival_order(g), lineage) for g in members.values() if _mark(g)]


def _verifier(
    sources: list[Source], arrays: list[np.ndarray] | None, threshold: float
) -> Callable[[int, int], bool]:
    """Exact containment of two sources' shingle sets (sorted hash arrays, made when first asked)."""
    cache: dict[int, np.ndarray] = {}
    words = minhash.word_codes()

    def sets(i: int) -> np.ndarray:
        if i not in cache:
            cache[i] = (
                minhash.distinct(arrays[i])
                if arrays is not None
                else minhash.shingle_hashes(sources[i].text, words=words)
            )
        return cache[i]

    def verify(i: int, j: int) -> bool:
        a, b = sets(i), sets(j)
        if not len(a) or not len(b):
            return False
        return len(np.intersect1d(a, b, assume_unique=True)) / min(len(a), len(b)) >= threshold

    return verify


def _mark(group: list[Source]) -> bool:
    """Set the witness of every source in the group to its earliest; True for real groups."""
    earliest = arrival_order(group)[0]
    for s in group:
        s.witness = earliest.id
    return len(group) > 1


def _group(ordered: list[Source], lineage: bool) -> CopyGroup:
    first = ordered[0]
    edits = {s.id: changes(first, s) for s in ordered[1:]} if lineage else {}
    return CopyGroup(first.id, [s.id for s in ordered], edits)


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _union(parent: list[int], i: int, j: int) -> None:
    a, b = _find(parent, i), _find(parent, j)
    parent[max(a, b)] = min(a, b)


def _groups(ordered: list[Source]) -> list[list[str]]:
    groups: dict[str, list[str]] = {}
    for s in ordered:
        groups.setdefault(s.witness, []).append(s.id)
    return sorted(groups.values(), key=len, reverse=True)
