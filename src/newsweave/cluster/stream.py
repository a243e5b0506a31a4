"""Streaming story clustering: articles arrive in time order; each joins the open story whose
centroid it is most similar to (cosine with the sum of the story's article vectors, on locally
scaled similarities) when that is at least the threshold, or starts a story. Local scaling uses
each article's neighbours seen so far (`batch.local_scaling`). On NeuS val the centroid rule beat
the mean similarity to the story's articles (82.8 against 81.9 B-cubed F1). A story closes once no article has
joined it for `window` days of publication time; a closed story takes no more articles.

Vectors are made at arrival with the document frequencies seen so far, as a live feed would
have them; the state (`StreamState`) can be kept between runs so new articles join old stories.
This is the pure at-arrival pass; `refine.py` regroups the open stories from time to time.

While at most `PRUNE_ABOVE` articles are open, an arrival is compared with every one of them.
Above, as the batch graph does above `neighbours.EXACT_UP_TO` articles, it is compared only with
candidates: the open articles sharing one of its `STRONG_TERMS` heaviest terms among theirs
(terms in more than `COMMON_DF` of the articles seen are not strong), found in an inverted index
kept as articles arrive, close and are regrouped. The candidates get their exact similarity;
the others count 0, as every pair sharing no term does in the exact pass, so the result is the
exact one whenever every open article the arrival shares a term with is a candidate.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain, repeat

import numpy as np
from scipy import sparse

from .batch import FLOOR, LOCAL_ALPHA, LOCAL_K, kth_best, time_factors
from .features import Vectorizer
from .neighbours import EXACT_UP_TO, MAX_DF, TERMS, common_cap

WINDOW_DAYS = 3
PRUNE_ABOVE = EXACT_UP_TO  # more open articles than this: an arrival meets candidates only
STRONG_TERMS = TERMS  # heaviest terms of an article that index it and find its candidates
COMMON_DF = MAX_DF  # terms in more than this share of the articles seen are never strong


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
    vectors: dict[int, tuple[np.ndarray, np.ndarray]] = field(
        default_factory=dict
    )  # open: (terms, weights)
    dates: dict[int, dt.date | None] = field(default_factory=dict)
    label: dict[int, int] = field(default_factory=dict)  # article -> story, every article seen
    next_story: int = 0
    sq: dict[int, float] = field(
        default_factory=dict
    )  # story -> squared norm of its summed vectors
    open: OpenBlock = field(default_factory=lambda: OpenBlock())  # the open articles, as arrays
    counts: dict[int, Counter] = field(
        default_factory=dict
    )  # open article -> term counts (for refinement)
    today: dt.date | None = None  # the latest publication date seen
    refined_at: int = 0  # how many articles had arrived at the last refinement
    checked: tuple | None = (
        None  # (date, window, next_story, refined_at) of the last close_stale walk
    )
    oldest: dt.date | None = None  # no open story's last date is earlier (None: none is dated)

    @property
    def nearest(self) -> dict[int, list[float]]:
        """Open article -> its best similarities so far (at most LOCAL_K, best first)."""
        return self.open.nearest()


class Postings:
    """Inverted index of the open block: strong term -> the rows listing it, ascending."""

    def __init__(self) -> None:
        self.lists: dict[int, list[int]] = {}

    def add(self, row: int, terms: np.ndarray) -> None:
        for t in terms.tolist():
            self.lists.setdefault(t, []).append(row)

    def rows(self, terms: np.ndarray, alive: np.ndarray) -> np.ndarray:
        """The rows listing any of the terms and alive (a mask over every row), ascending, each
        once (a mark per row: linear in the block, where sorting the hits was not)."""
        hits = [self.lists.get(t, ()) for t in terms.tolist()]
        flat = np.fromiter(chain.from_iterable(hits), dtype=np.intp, count=sum(map(len, hits)))
        mark = np.zeros(len(alive), dtype=bool)
        mark[flat] = True
        return np.flatnonzero(mark & alive)

    def renumber(self, new_of_old: np.ndarray) -> None:
        """Rows renumbered (-1: dropped), as the block compacts."""
        for t, rows in list(self.lists.items()):
            mapped = new_of_old[rows]
            mapped = mapped[mapped >= 0]
            if len(mapped):
                self.lists[t] = mapped.tolist()
            else:
                del self.lists[t]


class OpenBlock:
    """The open articles in arrival order as flat arrays (a CSR matrix's parts, dates, story
    labels, the LOCAL_K best similarities of each), so an arrival costs numpy work over the open
    articles rather than Python work per open article. The arrays grow by doubling; closed rows
    are masked and dropped once they are half of the block."""

    def __init__(self) -> None:
        self.ids: list[int] = []
        self.row: dict[int, int] = {}  # open article -> its row
        self.nnz = 0
        self.indices: np.ndarray = np.zeros(1024, dtype=np.int32)
        self.data = np.zeros(1024)
        self.indptr = np.zeros(65, dtype=np.int32)
        self.days = np.zeros(64, dtype=np.int64)
        self.dated = np.zeros(64, dtype=bool)
        self.labels = np.zeros(64, dtype=np.int64)
        self.near = np.full((64, LOCAL_K), -np.inf)  # best first, -inf where fewer than LOCAL_K
        self.alive = np.zeros(64, dtype=bool)
        self.postings = Postings()

    def __len__(self) -> int:
        return len(self.row)

    def append(
        self,
        article: int,
        vector: tuple[np.ndarray, np.ndarray],
        date: dt.date | None,
        label: int,
        near: list[float],
        strong: np.ndarray,
    ) -> None:
        k, length = len(self.ids), len(vector[0])
        if k + 1 >= len(self.days):
            self._grow_rows(2 * len(self.days))
        if self.nnz + length > len(self.data):
            self._grow_values(max(2 * len(self.data), self.nnz + length))
        self.indices[self.nnz : self.nnz + length] = vector[0]
        self.data[self.nnz : self.nnz + length] = vector[1]
        self.nnz += length
        self.indptr[k + 1] = self.nnz
        self.days[k], self.dated[k] = (date.toordinal(), True) if date else (0, False)
        self.labels[k], self.alive[k] = label, True
        self.near[k] = -np.inf
        self.near[k, : len(near)] = near
        self.row[article] = k
        self.ids.append(article)
        self.postings.add(k, strong)

    def close(self, article: int) -> None:
        self.alive[self.row.pop(article)] = False

    def candidates(self, strong: np.ndarray) -> np.ndarray:
        """The open rows sharing a strong term with `strong`, ascending."""
        return self.postings.rows(strong, self.alive[: len(self.ids)])

    def nearest(self) -> dict[int, list[float]]:
        return {a: [v for v in self.near[r].tolist() if v != -np.inf] for a, r in self.row.items()}

    def matrix(self, width: int) -> sparse.csr_matrix:
        """Every row, closed ones included (views of the arrays, not copies); compacts first
        when half the rows are closed."""
        if len(self.ids) > 64 and 2 * len(self.row) < len(self.ids):
            self._compact()
        n = len(self.ids)
        return sparse.csr_matrix(
            (self.data[: self.nnz], self.indices[: self.nnz], self.indptr[: n + 1]),
            shape=(n, width),
        )

    def _grow_rows(self, size: int) -> None:
        n = len(self.ids)
        for name in ("days", "dated", "labels", "alive"):
            old = getattr(self, name)
            grown = np.zeros(size, dtype=old.dtype)
            grown[:n] = old[:n]
            setattr(self, name, grown)
        near = np.full((size, LOCAL_K), -np.inf)
        near[:n] = self.near[:n]
        self.near = near
        indptr = np.zeros(size + 1, dtype=self.indptr.dtype)
        indptr[: n + 1] = self.indptr[: n + 1]
        self.indptr = indptr

    def _grow_values(self, size: int) -> None:
        index_type = np.int32 if size < 2**31 - 1 else np.int64
        indices, data = np.zeros(size, dtype=index_type), np.zeros(size)
        indices[: self.nnz], data[: self.nnz] = self.indices[: self.nnz], self.data[: self.nnz]
        self.indices, self.data = indices, data
        self.indptr = self.indptr.astype(index_type)

    def _compact(self) -> None:
        n = len(self.ids)
        keep = np.flatnonzero(self.alive[:n])
        starts, ends = self.indptr[keep], self.indptr[keep + 1]
        lengths = ends - starts
        take = np.repeat(ends - np.cumsum(lengths), lengths) + np.arange(
            lengths.sum()
        )  # the kept rows' values
        m, nnz = len(keep), int(lengths.sum())
        self.indices[:nnz], self.data[:nnz] = self.indices[take], self.data[take]
        self.indptr[: m + 1] = np.concatenate([[0], np.cumsum(lengths)])
        for name in ("days", "dated", "labels", "alive", "near"):
            arr = getattr(self, name)
            arr[:m] = arr[keep]
        self.nnz = nnz
        self.ids = [self.ids[k] for k in keep.tolist()]
        self.row = {a: k for k, a in enumerate(self.ids)}
        new_of_old = np.full(n, -1, dtype=np.int64)
        new_of_old[keep] = np.arange(m)
        self.postings.renumber(new_of_old)


def add(
    state: StreamState,
    article: int,
    counts: Counter,
    date: dt.date | None,
    *,
    threshold: float,
    window: int = WINDOW_DAYS,
) -> int:
    """Assign one arriving article to a story; returns the story's number."""
    close_stale(state, date, window)
    state.vectorizer.observe([counts])
    vector = state.vectorizer.transform_one(counts)
    strong = strong_terms(vector, state.vectorizer)
    best, score, nearest, sums = _best_story(state, vector, date, strong)
    if best is None or score < threshold:
        best = state.next_story
        state.next_story += 1
        state.stories[best] = OpenStory(best, [], None)
    state.sq[best] = state.sq.get(best, 0.0) + 2 * sums.get(best, 0.0) + 1.0
    story = state.stories[best]
    story.members.append(article)
    story.last = max(filter(None, [story.last, date]), default=None)
    if story.last is not None and (state.oldest is None or story.last < state.oldest):
        state.oldest = story.last
    state.vectors[article], state.dates[article], state.label[article] = vector, date, best
    state.counts[article] = counts
    state.today = max(filter(None, [state.today, date]), default=None)
    state.open.append(article, vector, date, best, nearest, strong)
    return best


def strong_terms(vector: tuple[np.ndarray, np.ndarray], vectorizer: Vectorizer) -> np.ndarray:
    """The vector's `STRONG_TERMS` heaviest terms not in more than `COMMON_DF` of the articles
    seen (ties: earlier entries first), as `neighbours.strong_terms` picks a row's."""
    index, weights = vector
    df = np.fromiter((vectorizer.df[j] for j in index.tolist()), dtype=np.int64, count=len(index))
    rare = df <= common_cap(vectorizer.documents, COMMON_DF)
    index, weights = index[rare], weights[rare]
    return index[np.argsort(-weights, kind="stable")[:STRONG_TERMS]]


def _best_story(
    state: StreamState,
    vector: tuple[np.ndarray, np.ndarray],
    date: dt.date | None,
    strong: np.ndarray,
) -> tuple[int | None, float, list[float], dict[int, float]]:
    """The open story whose centroid is most similar to the article, that cosine, the article's
    best similarities (its neighbours so far), and its summed similarity to each open story."""
    if not len(state.open):
        return None, 0.0, [], {}
    block = state.open
    width = len(state.vectorizer.vocabulary)
    matrix = block.matrix(width)
    if len(block) > PRUNE_ABOVE:
        live = block.candidates(strong)
        sims = matrix[live] @ _dense(vector, width)
    else:
        live = np.flatnonzero(block.alive[: len(block.ids)])
        sims = (matrix @ _dense(vector, width))[live]
    sims *= _time_factors(date, block.days[live], block.dated[live])
    nearest = _nearest(sims, min(LOCAL_K, len(block)))
    if not len(live):
        return None, 0.0, nearest, {}
    sims = _scaled(block, live, sims, kth_best(nearest))
    ids, inverse = np.unique(block.labels[live], return_inverse=True)
    sums = np.bincount(inverse, weights=sims)
    cosines = sums / np.sqrt(
        np.fromiter(map(state.sq.__getitem__, ids.tolist()), dtype=float, count=len(ids))
    )
    k = int(np.argmax(cosines))
    return int(ids[k]), float(cosines[k]), nearest, dict(zip(ids.tolist(), sums.tolist()))


def _nearest(sims: np.ndarray, k: int) -> list[float]:
    """The k best similarities, best first, as sorted(all, reverse=True)[:k] gives; the open
    articles not among `sims` (not candidates) count 0."""
    top = sims if len(sims) <= k else np.partition(sims, len(sims) - k)[-k:]
    return sorted(top.tolist() + [0.0] * (k - len(top)), reverse=True)


def _time_factors(date: dt.date | None, days: np.ndarray, dated: np.ndarray) -> np.ndarray:
    """`batch.time_factor` of the date against each open article's (the same float operations)."""
    if date is None:
        return np.ones(len(days))
    return time_factors(np.abs(date.toordinal() - days), dated)


def _scaled(block: OpenBlock, live: np.ndarray, sims: np.ndarray, sigma_new: float) -> np.ndarray:
    """Locally scale the new article's similarities; remember them as neighbours of the open side."""
    near = _inserted(block.near[live], sims)
    block.near[live] = near
    kth = near[:, LOCAL_K - 1]
    sigma = np.where(kth == -np.inf, FLOOR, np.maximum(kth, FLOOR))
    # Python's float power, not numpy's (which may differ in the last bit), as batch.scale does
    products = (sigma_new * sigma).tolist()
    root = np.fromiter(
        map(pow, products, repeat(LOCAL_ALPHA / 2, len(products))), dtype=float, count=len(products)
    )
    return np.minimum(1.0, sims / root)


def _inserted(near: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Each row's best LOCAL_K of its sorted (best first) similarities and one more value: the
    value moves down the row, as sorting the row with it would leave it."""
    out, carry = np.empty_like(near), values
    for k in range(near.shape[1]):
        out[:, k] = np.maximum(near[:, k], carry)
        carry = np.minimum(near[:, k], carry)
    return out


def _dense(vector: tuple[np.ndarray, np.ndarray], width: int) -> np.ndarray:
    out = np.zeros(width)
    out[vector[0]] = vector[1]
    return out


def close_stale(state: StreamState, date: dt.date | None, window: int) -> None:
    """Close the open stories that no article joined within `window` days before `date`. A
    story's last date only moves on while it is open, so the walk is skipped when the date and
    the stories (no new story, no refinement) are those of the last walk, or when no open story's
    last date (`state.oldest` bounds them from below) is old enough."""
    if date is None or state.checked == (date, window, state.next_story, state.refined_at):
        return
    state.checked = (date, window, state.next_story, state.refined_at)
    if state.oldest is None or (date - state.oldest).days <= window:
        return  # no story can be stale
    for sid, story in list(state.stories.items()):
        if story.last is not None and (date - story.last).days > window:
            for a in story.members:
                if state.vectors.pop(a, None) is not None:
                    state.open.close(a)
                    state.counts.pop(a, None)
            del state.stories[sid]
    state.oldest = min((s.last for s in state.stories.values() if s.last is not None), default=None)


def closed(state: StreamState, story: int) -> bool:
    return story not in state.stories
