"""Micro-batch refinement of the stream: the open stories regrouped by the batch algorithm.

The at-arrival pass (`stream.py`) decides each article once, with what it has seen so far: an
early article may start a story of its own, or join a neighbour, before the story's vocabulary
and the corpus's document frequencies are known, and that choice is never revisited. Live news
clusterers therefore assign at arrival and re-cluster the recent window from time to time
(micro-batches). At a refinement point the articles of the open stories are vectorised again
with the document frequencies seen so far and grouped as `batch.py` groups a corpus (the same
similarity graph with its time factor, local scaling and average linkage, at the batch
threshold). The groups replace the open stories; later arrivals join them by the centroid rule.

Time is respected: closed stories are frozen. Refinement never sees their articles, so no
article joins or leaves a closed story and none is reopened; an article is regrouped only with
the articles of the open stories (those with an article in the last `window` days). A refined
group left with no article in the window closes at once, as it would at the next arrival.

Ids are stable: a story is known by its first article (its id is "s" + that article's id), so
an open story keeps its number when its first article still comes first in its group; the other
groups get new numbers, never those of closed stories.

When: every `every` arrivals (`cluster.REFINE_EVERY`), and at the end of each clustering call.
When the open set is larger than `every / REFINE_SHARE`, a point waits until the arrivals since
the last one reach `REFINE_SHARE` of the open set: a refinement costs about a batch run over the
open articles, and this way as many arrivals pay for it as it regroups, so refinement stays
within a constant factor of the at-arrival pass even where stories never close.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
from scipy import sparse

from . import batch
from .batch import LOCAL_K
from .stream import OpenBlock, OpenStory, StreamState, close_stale, strong_terms

REFINE_SHARE = 0.5

__all__ = ["REFINE_SHARE", "due", "regroup"]


def due(state: StreamState, every: int) -> bool:
    """Have enough articles arrived since the last refinement for another?"""
    arrived = len(state.label) - state.refined_at
    return arrived >= max(every, REFINE_SHARE * len(state.open))


def regroup(state: StreamState, *, threshold: float, window: int) -> None:
    """Re-cluster the open stories' articles by average linkage; closed stories stay as they are."""
    state.refined_at = len(state.label)
    articles = [a for a in state.open.ids if a in state.open.row]  # the open ones, in arrival order
    if len(articles) < 2:
        return
    x = state.vectorizer.transform([state.counts[a] for a in articles])
    raw = batch.similarity_graph(_used_columns(x), [state.dates[a] for a in articles])
    scaled = batch.local_scaling(raw)
    groups = _numbered(state, articles, batch.average_linkage(scaled, threshold))
    _rebuild(state, articles, sparse.csr_matrix(x), raw, groups)
    _norms(state, articles, scaled, groups)
    close_stale(state, state.today, window)


def _used_columns(x: sparse.csr_matrix) -> sparse.csr_matrix:
    """`x` with only the columns (terms) its rows use, in the same order: the same dot products,
    summed in the same order, where the vocabulary of every article seen is many times wider
    (the candidate graph's dense blocks are sized by the width)."""
    x = sparse.csr_matrix(x)
    used, inverse = np.unique(x.indices, return_inverse=True)
    return sparse.csr_matrix(
        (x.data, inverse.astype(x.indices.dtype), x.indptr), shape=(x.shape[0], len(used))
    )


def _numbered(state: StreamState, articles: list[int], labels: list[int]) -> dict[int, list[int]]:
    """Story number -> members (arrival order) of each group; a group whose first article was an
    open story's first keeps that story's number, the others get new ones."""
    founders = {story.members[0]: number for number, story in state.stories.items()}
    by_first: dict[int, list[int]] = {}
    for a, label in zip(
        articles, labels
    ):  # label: the group's first position, so by_first is in arrival order
        by_first.setdefault(articles[label], []).append(a)
    groups = {}
    for first, members in by_first.items():
        number = founders.get(first)
        if number is None:
            number, state.next_story = state.next_story, state.next_story + 1
        groups[number] = members
    return groups


def _rebuild(
    state: StreamState,
    articles: list[int],
    x: sparse.csr_matrix,
    raw: dict[int, dict[int, float]],
    groups: dict[int, list[int]],
) -> None:
    """Replace the open stories and the open block by the groups, with the fresh vectors and
    each article's best similarities among the open articles (its neighbours for local scaling)."""
    label = {a: number for number, members in groups.items() for a in members}
    block = OpenBlock()
    for k, a in enumerate(articles):
        lo, hi = x.indptr[k], x.indptr[k + 1]
        vector = (x.indices[lo:hi].copy(), x.data[lo:hi].copy())
        block.append(
            a,
            vector,
            state.dates[a],
            label[a],
            sorted(raw[k].values(), reverse=True)[:LOCAL_K],
            strong_terms(vector, state.vectorizer),
        )
        state.vectors[a], state.label[a] = vector, label[a]
    state.open = block
    state.oldest = dt.date.min  # unknown until close_stale walks the new stories
    state.stories = {
        number: OpenStory(number, members, _last([state.dates[a] for a in members]))
        for number, members in groups.items()
    }


def _norms(
    state: StreamState,
    articles: list[int],
    scaled: dict[int, dict[int, float]],
    groups: dict[int, list[int]],
) -> None:
    """Each group's squared centroid norm (for the centroid rule): its size plus its summed
    scaled similarities over ordered pairs, as the at-arrival pass accumulates it."""
    position = {a: k for k, a in enumerate(articles)}
    for number, members in groups.items():
        inside = {position[a] for a in members}
        state.sq[number] = len(members) + sum(
            v for i in inside for j, v in scaled[i].items() if j in inside
        )


def _last(dates: list[dt.date | None]) -> dt.date | None:
    return max(filter(None, dates), default=None)
