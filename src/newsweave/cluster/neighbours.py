"""Pruned candidate neighbours for the batch similarity graph of a large corpus.

The exact graph (`batch.block_rows`) multiplies every article with every other: its cost grows
with the sum over terms of their document frequency squared, which common words make
quadratic in the corpus (about n^1.75 measured). Above `EXACT_UP_TO` articles the graph's
neighbours are found instead among candidates: articles sharing one of their `TERMS`
strongest terms (highest TF-IDF weight), not counting terms in more than `MAX_DF` of the
articles (those link everything to everything and name no story). Each article's `CANDIDATES`
best candidates by that partial score get their exact cosine (the full vectors' dot product),
and the best `NEIGHBOURS` of those of at least `FLOOR` are kept, as the exact graph keeps them.
A pair is lost only when it shares no strong term or ranks below the candidates kept: weak
pairs, far under the clustering threshold.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

EXACT_UP_TO = 4000  # corpora of at most this many articles get the exact all-pairs graph
TERMS = 24  # strongest terms of an article that find its candidates
MAX_DF = 0.05  # terms in more than this share of the articles find no candidates
MIN_DF_CAP = 50  # ... but a term in at most this many articles always may
CANDIDATES = 128  # candidates per article whose exact cosine is computed
CANDIDATE_FLOOR = 0.01  # candidates whose strong terms give less are not considered
DENSE_CELLS = 2**23  # a block of rows is made dense for the exact cosines: at most this many cells

__all__ = ["EXACT_UP_TO", "block_candidates", "block_size", "common_cap", "strong_terms"]


def strong_terms(
    x: sparse.csr_matrix, terms: int = TERMS, max_df: float = MAX_DF
) -> sparse.csr_matrix:
    """`x` keeping, per row, its `terms` heaviest entries among the terms not too common."""
    n = x.shape[0]
    df = np.bincount(x.indices, minlength=x.shape[1])
    x = sparse.csr_matrix(x, copy=True)  # eliminate_zeros works in place, on shared arrays too
    x.data = np.where(df[x.indices] <= common_cap(n, max_df), x.data, 0.0)
    x.eliminate_zeros()
    keep = _ranks(x.indptr, x.data) < terms
    rows = np.repeat(np.arange(n), np.diff(x.indptr))
    return sparse.csr_matrix((x.data[keep], (rows[keep], x.indices[keep])), shape=x.shape)


def common_cap(n: int, max_df: float = MAX_DF) -> float:
    """The most articles of `n` a term may be in and still find candidates."""
    return max(max_df * n, MIN_DF_CAP)


def _ranks(indptr: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Each entry's rank within its row by descending value (ties: earlier entries first)."""
    rows = np.repeat(np.arange(len(indptr) - 1), np.diff(indptr))
    order = np.lexsort((-values, rows))
    ranks = np.empty(len(values), dtype=np.int64)
    ranks[order] = np.arange(len(values)) - indptr[rows[order]]
    return ranks


def _top(indptr: np.ndarray, values: np.ndarray, m: int) -> np.ndarray:
    """Mask of each row's `m` largest entries (ties at the m-th: earlier entries first); a
    partition per long row, cheaper than ranking every entry."""
    keep = np.ones(len(values), dtype=bool)
    for r in np.flatnonzero(np.diff(indptr) > m).tolist():
        lo, hi = indptr[r], indptr[r + 1]
        row = values[lo:hi]
        kth = np.partition(row, len(row) - m)[len(row) - m]
        mine = row > kth
        mine[np.flatnonzero(row == kth)[: m - int(mine.sum())]] = True
        keep[lo:hi] = mine
    return keep


def block_size(width: int) -> int:
    """Rows per block so that a dense block of `width` columns stays under DENSE_CELLS."""
    return int(min(2048, max(64, DENSE_CELLS // max(1, width))))


def block_candidates(
    shared: tuple, block: tuple[int, int]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows start .. start + size: (rows, columns, exact cosines) of each row's best
    `CANDIDATES` candidates, not itself; `shared` is (x, strong terms, their transpose)."""
    x, p, pt = shared
    start, size = block
    s = (p[start : start + size] @ pt).tocsr()
    s.data[
        (s.data < CANDIDATE_FLOOR)
        | (s.indices == np.repeat(np.arange(start, start + s.shape[0]), np.diff(s.indptr)))
    ] = 0.0
    s.eliminate_zeros()
    rows = np.repeat(np.arange(s.shape[0]), np.diff(s.indptr))
    keep = _top(s.indptr, s.data, CANDIDATES)
    rows, cols = rows[keep], s.indices[keep]
    return rows + start, cols, _dots(x, start, size, rows, cols)


def _dots(
    x: sparse.csr_matrix, start: int, size: int, rows: np.ndarray, cols: np.ndarray
) -> np.ndarray:
    """x[start + rows[k]] · x[cols[k]] for every k (the block made dense, the other side gathered)."""
    if not len(rows):
        return np.zeros(0)
    dense = x[start : start + size].toarray()
    lo, lengths = x.indptr[cols], np.diff(x.indptr)[cols]
    ends = np.cumsum(lengths)
    take = np.repeat(lo - (ends - lengths), lengths) + np.arange(ends[-1])
    flat = np.repeat(rows * dense.shape[1], lengths) + x.indices[take]
    products = np.take(dense.ravel(), flat) * x.data[take]
    sums = np.add.reduceat(products, ends - lengths) if ends[-1] else np.zeros(len(rows))
    return np.where(lengths > 0, sums, 0.0)
