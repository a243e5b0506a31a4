"""Stage 4, cluster: articles into stories, in batch or as a stream, each story explaining itself.

Copies of one wire story (same `Source.witness`, from dedup) are clustered as one article and
always share a story. Batch mode is average linkage over all articles (`batch.py`); stream mode
takes articles in time order, assigns each at arrival and closes stories after a quiet window
(`stream.py`), and regroups the open stories with the batch algorithm every `REFINE_EVERY`
arrivals and at the end of each call (micro-batch refinement, `refine.py`; `refine=False` gives
the pure at-arrival result). All use the same vectors (`features.py`) and the same threshold
scale, chosen on NeuS val (`bench/clusters.py`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import astuple, dataclass

import numpy as np

from ..errors import NewsweaveError
from ..kinds import MODES, SIMILARITIES, Mode, Similarity, choose
from ..models import Membership, Source, Story
from ..parallel import LOCAL, Executor
from . import batch, stream
from . import checkpoint as checkpoints
from .explanation import StoryRows, explain, split
from .features import Vectorizer, embedding_text, names, terms
from .refine import due, regroup

EMBED_THRESHOLD = (
    0.53  # batch with --similarity embed; chosen on NeuS val (bench/clusters.py --embed --tune)
)
BATCH_THRESHOLD = (
    0.42  # on locally scaled similarities; chosen on NeuS val (bench/clusters.py --tune)
)
STREAM_THRESHOLD = 0.52
REFINE_THRESHOLD = (
    BATCH_THRESHOLD  # stream refinement regroups the open stories as batch groups a corpus
)
REFINE_EVERY = 25  # arrivals between refinement points; chosen on NeuS val with synthetic dates (bench/clusters.py --dated)
VERSION = 8  # bump when clustering changes: a store's cached stories are then recomputed

__all__ = [
    "BATCH_THRESHOLD",
    "MODES",
    "REFINE_EVERY",
    "REFINE_THRESHOLD",
    "SIMILARITIES",
    "STREAM_THRESHOLD",
    "VERSION",
    "StreamSettings",
    "article_embeddings",
    "cluster",
    "cluster_batch",
    "cluster_stream",
    "resume_stream",
]


def cluster(
    sources: Sequence[Source],
    mode: Mode = "batch",
    *,
    threshold: float | None = None,
    window: int = stream.WINDOW_DAYS,
    similarity: Similarity = "lexical",
    embeddings: dict[str, np.ndarray] | None = None,
    refine: bool = True,
    executor: Executor = LOCAL,
) -> list[Story]:
    """Stories of the given (cleaned, deduplicated) sources, in arrival order for "stream".

    `refine` (stream only): regroup the open stories from time to time (`cluster_stream`).
    `similarity` "embed" (batch only, the `embed` extra) mixes sentence embeddings of each
    article's headline and lede into the TF-IDF similarity; `embeddings` may hold them already
    (article id -> unit vector), the rest are computed. `executor` runs the independent parts
    (term counts, blocks of the similarity matrix: `newsweave.parallel`)."""
    similarity = choose("similarity", similarity, SIMILARITIES)
    if choose("mode", mode, MODES) == "stream":
        if similarity != "lexical":
            raise NewsweaveError("--similarity embed works in batch mode only; use --mode batch")
        return cluster_stream(
            sources,
            threshold=STREAM_THRESHOLD if threshold is None else threshold,
            window=window,
            refine=refine,
            executor=executor,
        )
    if similarity == "embed":
        threshold = EMBED_THRESHOLD if threshold is None else threshold
    return cluster_batch(
        sources,
        threshold=BATCH_THRESHOLD if threshold is None else threshold,
        embeddings=embeddings if similarity == "embed" else None,
        embed=similarity == "embed",
        executor=executor,
    )


def cluster_batch(
    sources: Sequence[Source],
    *,
    threshold: float = BATCH_THRESHOLD,
    embed: bool = False,
    embeddings: dict[str, np.ndarray] | None = None,
    executor: Executor = LOCAL,
) -> list[Story]:
    reps, counts = _representatives(sources, executor)
    vectorizer = Vectorizer()
    vectorizer.observe(counts)
    x = vectorizer.transform(counts)
    dates = [r.published for r in reps]
    if embed:
        graph = batch.mixed_graph(
            x, article_embeddings(reps, {} if embeddings is None else embeddings), dates
        )
    else:
        graph = batch.similarity_graph(x, dates, executor)
    graph = batch.local_scaling(graph)
    labels = batch.average_linkage(graph, threshold)
    return _stories(sources, reps, labels, x, vectorizer, closed=set())


def cluster_stream(
    sources: Sequence[Source],
    *,
    threshold: float = STREAM_THRESHOLD,
    window: int = stream.WINDOW_DAYS,
    refine: bool = True,
    refine_threshold: float = REFINE_THRESHOLD,
    refine_every: int = REFINE_EVERY,
    executor: Executor = LOCAL,
) -> list[Story]:
    """Sources must be in arrival order (publication time, then ingestion). Each article joins
    a story at arrival; with `refine`, the open stories are regrouped at `refine_threshold`
    every `refine_every` arrivals (fewer when the open set is large, `refine.due`) and once at
    the end (`refine.py`); without, the result is the pure at-arrival pass."""
    settings = StreamSettings(threshold, window, refine, refine_threshold, refine_every)
    return resume_stream(sources, settings, keep=False, executor=executor)[0]


@dataclass(frozen=True)
class StreamSettings:
    threshold: float = STREAM_THRESHOLD
    window: int = stream.WINDOW_DAYS
    refine: bool = True
    refine_threshold: float = REFINE_THRESHOLD
    refine_every: int = REFINE_EVERY


def resume_stream(
    sources: Sequence[Source],
    settings: StreamSettings = StreamSettings(),
    *,
    checkpoint: bytes | None = None,
    keep: bool = True,
    executor: Executor = LOCAL,
) -> tuple[list[Story], bytes | None]:
    """`cluster_stream`, going on from the `checkpoint` an earlier call returned when its
    articles are the first of these (the same representatives in the same order, the same
    settings and clusterer version): only the later arrivals are passed, with the same result
    as a pass over all. Otherwise (or with no checkpoint) every article is passed. Returns the
    stories and, with `keep`, the checkpoint for the next call (the state before the end-of-call
    refinement, so that going on from it is the same as never having stopped), else None."""
    reps, counts = _representatives(sources, executor)
    done, state = _resumed(checkpoint, reps, settings)
    for i in range(done, len(reps)):
        stream.add(
            state,
            i,
            counts[i],
            reps[i].published,
            threshold=settings.threshold,
            window=settings.window,
        )
        if settings.refine and due(state, settings.refine_every):
            regroup(state, threshold=settings.refine_threshold, window=settings.window)
    saved = (
        checkpoints.dump(
            {
                "version": VERSION,
                "settings": list(astuple(settings)),
                "reps": [r.id for r in reps],
                "state": state,
            }
        )
        if keep
        else None
    )
    if settings.refine and state.refined_at < len(reps):
        regroup(state, threshold=settings.refine_threshold, window=settings.window)
    labels = [state.label[i] for i in range(len(reps))]
    x = state.vectorizer.transform(counts)
    closed = {label for label in labels if stream.closed(state, label)}
    return _stories(sources, reps, labels, x, state.vectorizer, closed), saved


def _resumed(
    checkpoint: bytes | None, reps: list[Source], settings: StreamSettings
) -> tuple[int, stream.StreamState]:
    """(articles already passed, the state to go on from): from the checkpoint when it fits."""
    if checkpoint is not None:
        try:
            saved = checkpoints.load(checkpoint)
        except checkpoints.CheckpointError:
            saved = None
        if _fits(saved, reps, settings):
            return len(saved["reps"]), saved["state"]
    return 0, stream.StreamState()


def _fits(saved, reps: list[Source], settings: StreamSettings) -> bool:
    """A checkpoint of this clusterer and settings whose articles begin these representatives."""
    if not isinstance(saved, dict) or saved.get("version") != VERSION:
        return False
    ids = saved.get("reps")
    return (
        saved.get("settings") == list(astuple(settings))
        and isinstance(ids, list)
        and isinstance(saved.get("state"), stream.StreamState)
        and len(ids) <= len(reps)
        and ids == [r.id for r in reps[: len(ids)]]
    )


def article_embeddings(sources: Sequence[Source], known: dict[str, np.ndarray]) -> np.ndarray:
    """Unit sentence embeddings of the articles (rows in order), computing those not `known`
    (and adding them to it)."""
    from ..embedding import embed

    missing = [s for s in sources if s.id not in known]
    known.update(zip((s.id for s in missing), embed([embedding_text(s) for s in missing])))
    return (
        np.stack([np.asarray(known[s.id], dtype=np.float64) for s in sources])
        if sources
        else np.zeros((0, 384))
    )


def _representatives(
    sources: Sequence[Source], executor: Executor = LOCAL
) -> tuple[list[Source], list[Counter]]:
    """One source per witness (the earliest copy of a wire story), with its term counts."""
    seen: set[str] = set()
    reps = []
    for s in sources:
        key = s.witness or s.id
        if key not in seen:
            seen.add(key)
            reps.append(s)
    return reps, executor.map(terms, reps, chunk=512)


def _stories(sources, reps, labels, x, vectorizer, closed) -> list[Story]:
    copies: dict[str, list[Source]] = {}
    for s in sources:
        copies.setdefault(s.witness or s.id, []).append(s)
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(label, []).append(i)
    vocab = {j: t for t, j in vectorizer.vocabulary.items()}
    stories = [
        _story([reps[i] for i in members], rows, vocab, copies, label in closed)
        for (label, members), rows in zip(groups.items(), split(x, list(groups.values())))
    ]
    arrival = {s.id: i for i, s in enumerate(sources)}
    return sorted(
        stories,
        key=lambda s: (
            s.last is None,
            -(s.last or dt.date.min).toordinal(),
            -max(arrival[a] for a in s.articles),
        ),
    )


def _story(
    reps: list[Source], rows: StoryRows, vocab: dict[int, str], copies: dict, closed: bool
) -> Story:
    """One story of the representatives `reps` (article rows `rows`), with what explains it."""
    n = len(reps)
    why = explain(rows)
    articles = [c for r in reps for c in copies[r.witness or r.id]]
    dates = [a.published for a in articles if a.published]
    rep_names = [names(r) for r in reps]
    shared_names = _shared_names(rep_names)
    ranked = [name for name, _ in shared_names.most_common()]
    member_terms = [[vocab[j] for j in top] for top in why.member_terms]
    members = [
        _membership(copy, float(why.similarity[i]), member_terms[i], ranked, rep_names[i])
        for i, r in enumerate(reps)
        for copy in copies[r.witness or r.id]
    ]
    central = reps[int(np.argmax(why.similarity))]
    return Story(
        id="s" + articles[0].id,
        title=_title(central, reps),
        articles=[a.id for a in articles],
        copies=[
            [c.id for c in copies[r.witness or r.id]]
            for r in reps
            if len(copies[r.witness or r.id]) > 1
        ],
        first=min(dates, default=None),
        last=max(dates, default=None),
        entities=[name for name, k in shared_names.most_common(8) if k >= max(2, n / 2)],
        terms=[vocab[j] for j in why.terms],
        members=members,
        closed=closed,
    )


def _shared_names(rep_names: list[set[str]]) -> Counter:
    """Names in more than one article, counted; equal counts in alphabetical order (a set's
    order would change with the interpreter's hash seed, and stories with it)."""
    counts: Counter = Counter()
    for found in rep_names:
        counts.update(sorted(found))
    return Counter({k: v for k, v in counts.items() if v > 1})


def _membership(
    copy: Source, similarity: float, terms: list[str], ranked: list[str], mine: set[str]
) -> Membership:
    """Why `copy` is in its story: its similarity, the most shared names it has (`ranked`: the
    story's shared names, most shared first), and its heaviest terms."""
    entities = [n for n in ranked if n in mine][:6]
    return Membership(copy.id, round(similarity, 4), entities, list(terms))


def _title(central: Source, reps: list[Source]) -> str:
    for r in [central] + reps:
        if r.title:
            return r.title
    words = central.text.split()
    return " ".join(words[:14]) + (" …" if len(words) > 14 else "")
