"""Batch story clustering: average linkage over a sparse, locally scaled similarity graph.

Similarities are cosines of the article vectors (`features.py`), computed in row blocks and
kept when at least `FLOOR` (each article keeps its `NEIGHBOURS` best; above
`neighbours.EXACT_UP_TO` articles, its best among pruned candidates), then lowered for
articles published far apart (`time_factor`). Local scaling (as in self-tuning spectral
clustering) divides each similarity by (σᵢσⱼ)^(α/2), σ being an article's similarity to its
`LOCAL_K`-th nearest neighbour: in a crowded topic (many similar stories) the bar rises, for a
story with few neighbours it falls. Two clusters merge while the mean scaled similarity over all
their article pairs (a missing edge counts 0) is at least the threshold: textbook average
linkage when no edge is dropped, at sparse cost.
"""

from __future__ import annotations

import datetime as dt
import heapq

import numpy as np
from scipy import sparse

from ..parallel import LOCAL, Executor
from . import neighbours

FLOOR = 0.05
NEIGHBOURS = 64
BLOCK = 2048
GAP_DAYS = 3  # articles this many days apart or fewer are not kept apart by time
GAP_SCALE = 7.0
LOCAL_K = 3
LOCAL_ALPHA = 0.5

EMBED_WEIGHT = 0.3  # with sentence embeddings: 0.7 × TF-IDF cosine + 0.3 × embedding cosine
EMBED_BLOCK = 256

__all__ = [
    "average_linkage",
    "block_rows",
    "local_scaling",
    "mixed_graph",
    "scale",
    "similarity_graph",
    "time_factor",
    "time_factors",
]


def time_factor(a: dt.date | None, b: dt.date | None) -> float:
    """How much publication dates weaken a similarity: 1 within GAP_DAYS, then falling off."""
    if a is None or b is None:
        return 1.0
    gap = abs((a - b).days)
    return 1.0 if gap <= GAP_DAYS else 1.0 / (1.0 + (gap - GAP_DAYS) / GAP_SCALE)


def similarity_graph(
    x: sparse.csr_matrix, dates: list[dt.date | None], executor: Executor = LOCAL
) -> dict[int, dict[int, float]]:
    """Article i -> {article j: similarity} for similar pairs (symmetric, no self-pairs): exact
    all pairs up to `neighbours.EXACT_UP_TO` articles, among pruned candidates above
    (`neighbours.py`). The row blocks are independent (each row's products do not depend on
    the other rows of its block), so `executor` may compute them anywhere, in blocks of any
    size, with the same result."""
    n = x.shape[0]
    if n > neighbours.EXACT_UP_TO:
        p = neighbours.strong_terms(x, neighbours.TERMS, neighbours.MAX_DF)
        parts = _blocks(
            neighbours.block_candidates,
            (x, p, p.T.tocsr()),
            n,
            neighbours.block_size(x.shape[1]),
            executor,
        )
    else:
        parts = _blocks(_block_pairs, x, n, BLOCK, executor)
    return _graph(n, *_best(*_joined(parts)), dates)


def _blocks(fn, shared, n: int, size: int, executor: Executor) -> list:
    """`fn(shared, (start, size))` over the row blocks, smaller blocks for parallel workers."""
    if executor.workers > 1:
        size = min(size, max(128, -(-n // (4 * executor.workers))))
    return executor.map(fn, [(start, size) for start in range(0, n, size)], shared=shared, chunk=1)


def _block_pairs(
    x: sparse.csr_matrix, block: tuple[int, int]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`block_rows` as (rows, columns, similarities) arrays."""
    return _pairs(block_rows(x, block), block[0])


def _pairs(
    kept: list[tuple[np.ndarray, np.ndarray]], start: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per-row (columns, values) of rows start, start + 1, ... as (rows, columns, values) arrays."""
    rows = np.repeat(np.arange(start, start + len(kept)), [len(c) for c, _ in kept])
    return (
        rows,
        np.concatenate([c for c, _ in kept] + [np.zeros(0, int)]),
        np.concatenate([v for _, v in kept] + [np.zeros(0)]),
    )


def _joined(parts: list) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rows, cols, vals = (
        np.concatenate([part[k] for part in parts] + [np.zeros(0)]) for k in range(3)
    )
    return rows.astype(np.int64), cols.astype(np.int64), vals


def _best(
    rows: np.ndarray, cols: np.ndarray, vals: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each row's `NEIGHBOURS` best pairs of at least `FLOOR` (ties: smaller column first)."""
    keep = vals >= FLOOR
    rows, cols, vals = rows[keep], cols[keep], vals[keep]
    order = np.lexsort((cols, -vals, rows))
    rows, cols, vals = rows[order], cols[order], vals[order]
    starts = np.searchsorted(rows, rows)
    keep = np.arange(len(rows)) - starts < NEIGHBOURS
    return rows[keep], cols[keep], vals[keep]


def block_rows(x: sparse.csr_matrix, block: tuple[int, int]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Rows start .. start + size of the similarity matrix as the (columns, similarities) each
    keeps: its `NEIGHBOURS` best of at least `FLOOR`, not itself, before the time factor."""
    start, size = block
    rows = (x[start : start + size] @ x.T.tocsc()).tocsr()
    return [_kept(rows, r, start + r) for r in range(rows.shape[0])]


def mixed_graph(
    x: sparse.csr_matrix, e: np.ndarray, dates: list[dt.date | None]
) -> dict[int, dict[int, float]]:
    """`similarity_graph` of the mixed similarity (1 - EMBED_WEIGHT) × TF-IDF cosine +
    EMBED_WEIGHT × embedding cosine (`e`: unit rows, negative cosines count 0), in dense blocks."""
    n = x.shape[0]
    parts = []
    xt = x.T.tocsc()
    for start in range(0, n, EMBED_BLOCK):
        lexical = (x[start : start + EMBED_BLOCK] @ xt).toarray()
        mixed = (1 - EMBED_WEIGHT) * lexical + EMBED_WEIGHT * np.clip(
            e[start : start + EMBED_BLOCK] @ e.T, 0, None
        )
        block = sparse.csr_matrix(np.where(mixed >= FLOOR, mixed, 0.0))
        parts.append(_pairs([_kept(block, r, start + r) for r in range(block.shape[0])], start))
    return _graph(n, *_joined(parts), dates)


def _kept(block: sparse.csr_matrix, r: int, i: int) -> tuple[np.ndarray, np.ndarray]:
    """Row r of a block (article i): the columns and values kept (at least FLOOR, not i, the best)."""
    lo, hi = block.indptr[r], block.indptr[r + 1]
    cols, vals = block.indices[lo:hi], block.data[lo:hi]
    keep = (vals >= FLOOR) & (cols != i)
    cols, vals = cols[keep], vals[keep]
    if len(cols) > NEIGHBOURS:
        top = np.argpartition(-vals, NEIGHBOURS)[:NEIGHBOURS]
        cols, vals = cols[top], vals[top]
    return cols, vals


def time_factors(gap: np.ndarray, dated: np.ndarray) -> np.ndarray:
    """`time_factor` for arrays of day gaps (`dated`: both dates known), the same float operations."""
    far = 1.0 / (1.0 + (gap - GAP_DAYS) / GAP_SCALE)
    return np.where(dated & (gap > GAP_DAYS), far, 1.0)


def _graph(
    n: int, rows: np.ndarray, cols: np.ndarray, vals: np.ndarray, dates: list
) -> dict[int, dict[int, float]]:
    """The symmetric graph of directed pairs: each pair's similarity times its time factor, the
    larger of its two directions."""
    days = np.array([d.toordinal() if d else 0 for d in dates], dtype=np.int64)
    dated = np.array([d is not None for d in dates], dtype=bool)
    vals = vals * time_factors(np.abs(days[rows] - days[cols]), dated[rows] & dated[cols])
    rows, cols, vals = (
        np.concatenate([rows, cols]),
        np.concatenate([cols, rows]),
        np.concatenate([vals, vals]),
    )
    order = np.lexsort((cols, rows))
    rows, cols, vals = rows[order], cols[order], vals[order]
    if len(rows):
        first = np.flatnonzero(np.r_[True, (rows[1:] != rows[:-1]) | (cols[1:] != cols[:-1])])
        rows, cols, vals = rows[first], cols[first], np.maximum.reduceat(vals, first)
    bounds = np.searchsorted(rows, np.arange(n + 1))
    cols, vals = cols.tolist(), vals.tolist()
    return {
        i: dict(zip(cols[bounds[i] : bounds[i + 1]], vals[bounds[i] : bounds[i + 1]]))
        for i in range(n)
    }


def local_scaling(graph: dict[int, dict[int, float]]) -> dict[int, dict[int, float]]:
    """The graph with every similarity scaled by its two articles' neighbourhood density."""
    sigma = {i: kth_best(list(nbrs.values())) for i, nbrs in graph.items()}
    return {
        i: {j: scale(v, sigma[i], sigma[j]) for j, v in nbrs.items()} for i, nbrs in graph.items()
    }


def kth_best(similarities: list[float], k: int = LOCAL_K) -> float:
    """An article's similarity to its k-th nearest neighbour (FLOOR when it has fewer)."""
    if len(similarities) < k:
        return FLOOR
    return max(sorted(similarities, reverse=True)[k - 1], FLOOR)


def scale(similarity: float, sigma_a: float, sigma_b: float) -> float:
    return min(1.0, similarity / (sigma_a * sigma_b) ** (LOCAL_ALPHA / 2))


def average_linkage(graph: dict[int, dict[int, float]], threshold: float) -> list[int]:
    """A cluster label per article (the smallest article index in its cluster).

    Only articles with a similarity at or above the threshold can merge (a mean is never above
    the largest similarity it averages), so the others, and every pair touching them, are left
    out: the same merges in the same order, without their bookkeeping."""
    active = {i for i, nbrs in graph.items() if any(v >= threshold for v in nbrs.values())}
    state = _Linkage({i: {j: v for j, v in graph[i].items() if j in active} for i in active})
    heap = [
        (-v, i, j) for i, nbrs in graph.items() for j, v in nbrs.items() if i < j and v >= threshold
    ]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if not state.current(a, b, -neg):
            continue
        keep = state.merge(a, b)
        for other in state.sums[keep]:
            mean = state.mean(keep, other)
            if mean >= threshold:
                heapq.heappush(heap, (-mean, min(keep, other), max(keep, other)))
    return state.labels(len(graph))


class _Linkage:
    """Clusters during average linkage: sizes, summed similarities to neighbours, members."""

    def __init__(self, graph: dict[int, dict[int, float]]):
        self.size = dict.fromkeys(graph, 1)
        self.sums = {i: dict(nbrs) for i, nbrs in graph.items()}
        self.members = {i: [i] for i in graph}

    def mean(self, a: int, b: int) -> float:
        return self.sums[a].get(b, 0.0) / (self.size[a] * self.size[b])

    def current(self, a: int, b: int, value: float) -> bool:
        """Is a heap entry still true (both clusters alive, mean unchanged)?"""
        return a in self.size and b in self.size and abs(value - self.mean(a, b)) <= 1e-12

    def merge(self, a: int, b: int) -> int:
        """Merge clusters a and b into the one with the smaller index; returns it."""
        keep, gone = min(a, b), max(a, b)
        for other, v in self.sums.pop(gone).items():
            if other != keep:
                self.sums[keep][other] = self.sums[keep].get(other, 0.0) + v
                self.sums[other][keep] = self.sums[other].get(keep, 0.0) + v
                del self.sums[other][gone]
        self.sums[keep].pop(gone, None)
        self.size[keep] += self.size.pop(gone)
        self.members[keep] += self.members.pop(gone)
        return keep

    def labels(self, n: int) -> list[int]:
        out = list(range(n))  # an article never merged is its own cluster
        for label, members in self.members.items():
            for i in members:
                out[i] = label
        return out
