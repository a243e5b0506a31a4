"""Streaming story clustering: articles arrive in time order; each joins the open story it is
most similar to on average (mean locally scaled cosine to the story's articles, the batch mode's
linkage) when that mean is at least the threshold, or starts a story. Local scaling uses each
article's neighbours seen so far (`batch.local_scaling`). A story closes once no article has
joined it for `window` days of publication time; a closed story takes no more articles.

Vectors are made at arrival with the document frequencies seen so far, as a live feed would
have them; the state (`StreamState`) can be kept between runs so new articles join old stories.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from .batch import FLOOR, GAP_DAYS, GAP_SCALE, LOCAL_ALPHA, LOCAL_K, kth_best
from .features import Vectorizer

WINDOW_DAYS = 3


@dataclass
class OpenStory:
    id: int
    members: list[int]
    last: dt.date | None


@dataclass
class StreamState:
    """What the stream remembers: the vectorizer, the open stories and their article vectors."""

    vectorizer: Vectorizer = field(default_factory=Vectorizer)
    stories: dict[int, OpenStory] = field(default_factory=dict)
    vectors: dict[int, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)  # open: (terms, weights)
    dates: dict[int, dt.date | None] = field(default_factory=dict)
    label: dict[int, int] = field(default_factory=dict)  # article -> story, every article seen
    next_story: int = 0
    open: "_OpenBlock" = field(default_factory=lambda: _OpenBlock())  # the open articles, as arrays

    @property
    def nearest(self) -> dict[int, list[float]]:
        """Open article -> its best similarities so far (at most LOCAL_K, best first)."""
        return self.open.nearest()


class _OpenBlock:
    """The open articles in arrival order as flat arrays (a CSR matrix's parts, dates, story
    labels, the LOCAL_K best similarities of each), so an arrival costs numpy work over the open
    articles rather than Python work per open article. Closed rows are masked and dropped when
    they are half of the block."""

    def __init__(self) -> None:
        self.ids: list[int] = []
        self.row: dict[int, int] = {}
        self.parts: list[tuple[np.ndarray, np.ndarray]] = []
        self.indices = np.zeros(0, dtype=np.int64)
        self.data = np.zeros(0)
        self.indptr = np.zeros(1, dtype=np.int64)
        self.days = np.zeros(0, dtype=np.int64)
        self.dated = np.zeros(0, dtype=bool)
        self.labels = np.zeros(0, dtype=np.int64)
        self.near = np.zeros((0, LOCAL_K))  # best first, -inf where fewer than LOCAL_K
        self.alive = np.zeros(0, dtype=bool)
        self.pending: list[tuple] = []  # rows added since the arrays were last built

    def __len__(self) -> int:
        return len(self.row)

    def append(self, article: int, vector: tuple[np.ndarray, np.ndarray], date: dt.date | None, label: int,
               near: list[float]) -> None:
        self.row[article] = len(self.ids) + len(self.pending)
        self.pending.append((article, vector, date, label, near))

    def close(self, article: int) -> None:
        self._flush()
        self.alive[self.row.pop(article)] = False

    def nearest(self) -> dict[int, list[float]]:
        self._flush()
        return {a: [v for v in self.near[r].tolist() if v != -np.inf] for a, r in self.row.items()}

    def arrays(self):
        """(matrix parts, alive mask) of every row, dead rows included; compacts first when half are dead."""
        self._flush()
        if len(self.ids) > 64 and 2 * len(self.row) < len(self.ids):
            self._compact()
        return self

    def _flush(self) -> None:
        if not self.pending:
            return
        rows = self.pending
        self.pending = []
        self.ids += [r[0] for r in rows]
        self.parts += [r[1] for r in rows]
        self.indices = np.concatenate([self.indices] + [r[1][0] for r in rows])
        self.data = np.concatenate([self.data] + [r[1][1] for r in rows])
        self.indptr = np.concatenate([self.indptr, self.indptr[-1] + np.cumsum([len(r[1][0]) for r in rows])])
        self.days = np.concatenate([self.days, [r[2].toordinal() if r[2] else 0 for r in rows]])
        self.dated = np.concatenate([self.dated, [r[2] is not None for r in rows]])
        self.labels = np.concatenate([self.labels, [r[3] for r in rows]])
        near = np.full((len(rows), LOCAL_K), -np.inf)
        for k, r in enumerate(rows):
            near[k, : len(r[4])] = r[4]
        self.near = np.concatenate([self.near, near])
        self.alive = np.concatenate([self.alive, np.ones(len(rows), dtype=bool)])

    def _compact(self) -> None:
        keep = np.flatnonzero(self.alive)
        self.ids = [self.ids[k] for k in keep.tolist()]
        self.parts = [self.parts[k] for k in keep.tolist()]
        self.row = {a: k for k, a in enumerate(self.ids)}
        lengths = np.array([len(p[0]) for p in self.parts], dtype=np.int64)
        self.indices = np.concatenate([np.zeros(0, dtype=np.int64)] + [p[0] for p in self.parts])
        self.data = np.concatenate([np.zeros(0)] + [p[1] for p in self.parts])
        self.indptr = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
        self.days, self.dated, self.labels = self.days[keep], self.dated[keep], self.labels[keep]
        self.near, self.alive = self.near[keep], self.alive[keep]


def add(state: StreamState, article: int, counts: Counter, date: dt.date | None, *,
        threshold: float, window: int = WINDOW_DAYS) -> int:
    """Assign one arriving article to a story; returns the story's number."""
    _close_stale(state, date, window)
    state.vectorizer.observe([counts])
    vector = state.vectorizer.transform_one(counts)
    best, mean, nearest = _best_story(state, vector, date)
    if best is None or mean < threshold:
        best = state.next_story
        state.next_story += 1
        state.stories[best] = OpenStory(best, [], None)
    story = state.stories[best]
    story.members.append(article)
    story.last = max(filter(None, [story.last, date]), default=None)
    state.vectors[article], state.dates[article], state.label[article] = vector, date, best
    state.open.append(article, vector, date, best, nearest)
    return best


def _best_story(state: StreamState, vector: tuple[np.ndarray, np.ndarray],
                date: dt.date | None) -> tuple[int | None, float, list[float]]:
    """The open story with the highest mean similarity to the article, that mean, and the
    article's best similarities (its neighbours so far)."""
    if not len(state.open):
        return None, 0.0, []
    block = state.open.arrays()
    width = len(state.vectorizer.vocabulary)
    matrix = sparse.csr_matrix((block.data, block.indices, block.indptr), shape=(len(block.ids), width))
    live = np.flatnonzero(block.alive)
    sims = (matrix @ _dense(vector, width))[live]
    sims *= _time_factors(date, block.days[live], block.dated[live])
    nearest = sorted(sims.tolist(), reverse=True)[:LOCAL_K]
    sims = _scaled(block, live, sims, kth_best(nearest))
    ids, inverse = np.unique(block.labels[live], return_inverse=True)
    means = np.bincount(inverse, weights=sims) / np.bincount(inverse)
    k = int(np.argmax(means))
    return int(ids[k]), float(means[k]), nearest


def _time_factors(date: dt.date | None, days: np.ndarray, dated: np.ndarray) -> np.ndarray:
    """`batch.time_factor` of the date against each open article's (the same float operations)."""
    if date is None:
        return np.ones(len(days))
    gap = np.abs(date.toordinal() - days)
    far = 1.0 / (1.0 + (gap - GAP_DAYS) / GAP_SCALE)
    return np.where(dated & (gap > GAP_DAYS), far, 1.0)


def _scaled(block: _OpenBlock, live: np.ndarray, sims: np.ndarray, sigma_new: float) -> np.ndarray:
    """Locally scale the new article's similarities; remember them as neighbours of the open side."""
    near = block.near[live]
    near = -np.sort(-np.concatenate([near, sims[:, None]], axis=1), axis=1)[:, :LOCAL_K]
    block.near[live] = near
    kth = near[:, LOCAL_K - 1]
    sigma = np.where(kth == -np.inf, FLOOR, np.maximum(kth, FLOOR))
    # Python's float power, not numpy's (which may differ in the last bit), as batch.scale does
    root = np.array([p ** (LOCAL_ALPHA / 2) for p in (sigma_new * sigma).tolist()])
    return np.minimum(1.0, sims / root)


def _dense(vector: tuple[np.ndarray, np.ndarray], width: int) -> np.ndarray:
    out = np.zeros(width)
    out[vector[0]] = vector[1]
    return out


def _close_stale(state: StreamState, date: dt.date | None, window: int) -> None:
    """Close the open stories that no article joined within `window` days before `date`."""
    if date is None:
        return
    for sid, story in list(state.stories.items()):
        if story.last is not None and (date - story.last).days > window:
            for a in story.members:
                if state.vectors.pop(a, None) is not None:
                    state.open.close(a)
            del state.stories[sid]


def closed(state: StreamState, story: int) -> bool:
    return story not in state.stories
