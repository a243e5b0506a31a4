"""The numbers a story explains itself with, computed on its sparse article rows.

Each story shows its members' mean similarity to the rest, its heaviest centroid terms and,
per member, the terms weighing most in member row × centroid. These used to be computed on
vocabulary-wide dense arrays (`x[members]`, `x @ x.T`, `x.mean(axis=0)`, dense rows and a
vocabulary-wide `np.argsort` per member), which at 100k articles cost about a tenth of the
stream's time. Here they are computed on the columns the story's rows use, with the same bits:

- the centroid adds each term's weights × (1 / members) in member order, from 0, as the sparse
  `x.mean(axis=0)` does (`np.bincount` adds in input order);
- a similarity adds a row's products in the row's stored order, as the sparse `x @ x.T` does,
  and each row of similarities is summed by the same `ndarray.sum` call as before;
- the top-k lists are the heaviest first and, among equal weights, the lower term index
  first: what `np.argsort(-dense, kind="stable")[:k]` gives on the vector made dense. (Until
  clustering version 8 they followed the default, unstable `np.argsort`, whose order among equal
  values depends on the CPU's sort kernel, so the same corpus could show other terms on another
  machine; in the 20k-article synthetic stream a tenth of the members and a sixth of the stories
  had such a tie.)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

STORY_TERMS = 8  # terms shown for a story
MEMBER_TERMS = 6  # terms shown for each member

__all__ = [
    "MEMBER_TERMS",
    "STORY_TERMS",
    "Explanation",
    "StoryRows",
    "centroid_of",
    "explain",
    "split",
    "top",
]


@dataclass(frozen=True)
class StoryRows:
    """A story's article rows as CSR pieces, each row's entries in the order the matrix stores them."""

    cols: np.ndarray  # term of each entry
    vals: np.ndarray  # weight of each entry
    indptr: np.ndarray  # where each row's entries begin (from 0), and the end

    @property
    def n(self) -> int:
        return len(self.indptr) - 1

    @classmethod
    def of(cls, x: sparse.csr_matrix) -> StoryRows:
        """All rows of x as one story."""
        return split(x, [list(range(x.shape[0]))])[0]


@dataclass(frozen=True)
class Explanation:
    similarity: np.ndarray  # each member's mean similarity to the others (1 for a story of one)
    terms: list[int]  # the story's heaviest centroid terms, heaviest first
    member_terms: list[list[int]]  # each member's heaviest terms of row × centroid


def split(x: sparse.csr_matrix, groups: list[list[int]]) -> list[StoryRows]:
    """Each group's rows of x (as `x[group]` stores them), with one row index for all groups
    rather than a sparse matrix per group."""
    grouped = x[np.concatenate(groups).astype(np.int64)] if groups else x
    ends = np.cumsum([len(g) for g in groups])
    out = []
    for lo, hi in zip(np.concatenate(([0], ends[:-1])), ends):
        indptr = grouped.indptr[lo : hi + 1]
        start, stop = indptr[0], indptr[-1]
        out.append(StoryRows(grouped.indices[start:stop], grouped.data[start:stop], indptr - start))
    return out


def explain(
    rows: StoryRows, story_k: int = STORY_TERMS, member_k: int = MEMBER_TERMS
) -> Explanation:
    """Mean similarities, story terms and member terms of one story (what `_story` shows)."""
    used, centroid, inverse = centroid_of(rows)
    weights = rows.vals * centroid[inverse]
    members = [
        top(rows.cols[lo:hi], weights[lo:hi], member_k)
        for lo, hi in zip(rows.indptr[:-1].tolist(), rows.indptr[1:].tolist())
    ]
    return Explanation(_mean_similarity(rows, inverse), top(used, centroid, story_k), members)


def centroid_of(rows: StoryRows) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(the terms the rows use, the centroid's weight on each, each entry's index among those
    terms): the nonzero part of the dense `x.mean(axis=0)` with its bits, which adds each term's
    weights × (1 / rows) in row order from 0, as `np.bincount` adds in input order."""
    used, inverse = np.unique(rows.cols, return_inverse=True)
    return (
        used,
        np.bincount(inverse, weights=rows.vals * (1.0 / rows.n), minlength=len(used)),
        inverse,
    )


def _mean_similarity(rows: StoryRows, inverse: np.ndarray) -> np.ndarray:
    """Each row's mean cosine with the other rows, as `(x @ x.T).toarray()` summed per row gave
    it: entry e of row i times each entry of e's term (in row j), added to cell (i, j) over e in
    stored order, as the sparse product adds them (`np.bincount` adds in input order)."""
    n = rows.n
    if n == 1:
        return np.ones(1)
    local = np.repeat(np.arange(n), np.diff(rows.indptr))
    e, partner = _pairs(inverse)
    cells = local[e] * n + local[partner]
    sims = np.bincount(cells, weights=rows.vals[e] * rows.vals[partner], minlength=n * n).reshape(
        n, n
    )
    return (sims.sum(axis=1) - 1.0) / (n - 1)


def _pairs(inverse: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every (entry, entry of the same term) pair, the first ascending: entry e (term
    `inverse[e]`) with each entry of its term, these in stored order."""
    by_term = np.argsort(inverse, kind="stable")
    size = np.bincount(inverse)
    start = np.cumsum(size) - size
    times = size[inverse]
    e = np.repeat(np.arange(len(inverse)), times)
    offset = np.arange(len(e)) - np.repeat(np.cumsum(times) - times, times)
    return e, by_term[start[inverse][e] + offset]


def top(cols: np.ndarray, values: np.ndarray, k: int) -> list[int]:
    """The k heaviest positive terms of a sparse vector (terms `cols`, weights `values`), equal
    weights in term order: `np.argsort(-dense, kind="stable")[:k]` on the vector made dense."""
    order = np.lexsort((cols, -values))[:k]
    return cols[order][values[order] > 0].tolist()
