"""Corpus mode: ingest into a store, syndicated copies, stories, and briefs of stored stories.

    >>> store = newsweave.open_store("news.db")
    >>> run = newsweave.ingest(["crawl/"], store)      # run report: ingested / duplicate / skipped
    >>> for story in newsweave.stories(store):         # batch clustering, cached until new articles
    ...     print(story.id, story.title, len(story.articles))
    >>> brief = newsweave.brief_story(store, story.id)
    >>> newsweave.ingest_records([{"outlet": "AP", "text": "..."}], store)   # records, as the web API gets them

Ingest is idempotent: article ids are content hashes, so a second run over the same inputs
reports every article as a duplicate and changes nothing. New articles are stored in
publication order (the streaming clusterer takes them in arrival order).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .clean import split_empty
from .dedup import arrival_order, minhash
from .dedup import copy_groups as find_copy_groups
from .errors import NewsweaveError, NotFoundError
from .ingest import Fetcher, IngestResult, read_paths, read_records
from .models import Brief, CopyGroup, RunEntry, Skipped, Source, Story
from .parallel import LOCAL, Executor
from .store import Snapshot, Store

if TYPE_CHECKING:
    import numpy as np

STREAM_CHECKPOINT = "stories.stream"
SIGN_CHUNK = 2000  # stored articles read back at a time to sign them
# (signatures (n, 128), mask of the texts whose pairs are wanted) -> candidate index pairs (k, 2),
# at least every pair that involves a masked text
Candidates = Callable[["np.ndarray", "np.ndarray"], "np.ndarray"]

__all__ = [
    "IngestRun",
    "brief_story",
    "ingest",
    "ingest_records",
    "stories",
    "story_sources",
    "write_briefs",
]


@dataclass
class IngestRun:
    """The run report of one ingest: every input with what happened to it."""

    entries: list[RunEntry] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # seconds a step (the Ray engine's job)

    def count(self, status: str) -> int:
        return sum(1 for e in self.entries if e.status == status)

    @property
    def added(self) -> list[str]:
        return [e.article for e in self.entries if e.status == "ingested" and e.article]


def ingest(
    paths: Iterable[str | os.PathLike],
    store: Store,
    *,
    meta: str | os.PathLike | None = None,
    fetcher: Fetcher | None = None,
    on_input: Callable[[str], None] | None = None,
    follow_links: bool = False,
) -> IngestRun:
    """Read, clean and store articles; update the copy groups. Returns the run report.

    URLs are fetched with `fetcher` (give it `store.fetch_cache()` for conditional GET across
    runs); `on_input` is called with each input as it is read."""
    return store_result(
        read_paths(paths, meta=meta, fetcher=fetcher, on_input=on_input, follow_links=follow_links),
        store,
    )


def ingest_records(records: Iterable[dict], store: Store, *, name: str = "request") -> IngestRun:
    """Ingest articles given as objects with the JSON Lines fields (`text` or `html`, and `id`,
    `outlet`, `url`, `published`, `title`); returns the run report, inputs named "name: item N"."""
    return store_result(read_records(records, name=name), store)


def store_result(result: IngestResult, store: Store) -> IngestRun:
    """Store what ingest read (in publication order) and regroup copies; the run report."""
    sources, empty = split_empty(result.sources)
    return store_cleaned(result, sources, empty, store)


def store_cleaned(
    result: IngestResult,
    sources: list[Source],
    empty: list[Skipped],
    store: Store,
    *,
    signatures: dict[str, bytes] | None = None,
    candidates: Candidates | None = None,
) -> IngestRun:
    """Store read and cleaned sources (`empty`: those cleaning left nothing of), sign them
    (unless their `signatures` are given) and regroup copies; the run report. `candidates`
    finds the LSH candidate pairs of all stored signatures (by default `minhash.candidate_pairs`)."""
    run = IngestRun(warnings=list(result.warnings))
    sources = arrival_order(sources)
    for source, new in zip(sources, store.add(sources)):
        where = source.where or source.path or source.id
        run.entries.append(
            RunEntry(
                where,
                "ingested" if new else "duplicate",
                source.id,
                "" if new else "already in the store (the same text)",
            )
        )
    run.entries += [
        RunEntry(d.path, "duplicate", None, d.reason) for d in result.duplicates + result.unchanged
    ]
    run.entries += [RunEntry(s.path, "skipped", None, s.reason) for s in result.skipped + empty]
    _sign_and_regroup(store, signatures or {}, candidates or minhash.candidate_pairs)
    return run


def _sign_and_regroup(store: Store, known: dict[str, bytes], candidates: Candidates) -> None:
    """Sign every unsigned article (this run's, and any an interrupted run left) and regroup copies.

    Storing the signatures and the new groups is one transaction: a run killed in between leaves
    the articles unsigned, for the next run to sign, and two ingests at once never regroup from
    stale copies. The signatures are computed before the lock is taken (the slow part); `known`
    holds those computed already."""
    pending = store.unsigned()
    signed = {i: known[i] for i in pending if i in known}
    signed.update(_stored_signatures(store, [i for i in pending if i not in signed]))
    with store.transaction():
        unsigned = store.unsigned()
        if unsigned:
            signed.update(_stored_signatures(store, [i for i in unsigned if i not in signed]))
            update_copies(store, unsigned, {i: signed[i] for i in unsigned}, candidates=candidates)


def _stored_signatures(store: Store, ids: list[str]) -> dict[str, bytes]:
    """Signatures of stored articles, read back `SIGN_CHUNK` at a time (a bulk load's articles
    are not all held a second time)."""
    words, out = minhash.word_codes(), {}
    for start in range(0, len(ids), SIGN_CHUNK):
        out.update(_signatures(store.get(ids[start : start + SIGN_CHUNK]), words))
    return out


def _signatures(sources: list[Source], words: dict[str, int] | None = None) -> dict[str, bytes]:
    words = minhash.word_codes() if words is None else words
    return {s.id: signature_bytes(s, words) for s in sources}


def signature_bytes(source: Source, words: dict[str, int] | None = None) -> bytes:
    """The MinHash signature of a cleaned source, as the store keeps it (`words`: a
    `minhash.word_codes()` table shared by the sources of one job)."""
    return minhash.signature(minhash.shingle_hashes(source.text, words=words)).tobytes()


def update_copies(
    store: Store,
    new: list[Source] | list[str],
    signatures: dict[str, bytes] | None = None,
    *,
    candidates: Candidates = minhash.candidate_pairs,
) -> list[CopyGroup]:
    """Sign the new articles (unless their `signatures` are given) and regroup copies: LSH over
    every stored signature (`candidates`), verifying only the candidate pairs that involve a new
    article; groups that changed get fresh lineage. `new` may be the stored articles' ids when
    their `signatures` are given."""
    import numpy as np  # loaded with minhash already

    store.put_signatures(_signatures(new) if signatures is None else signatures)
    stored = store.signatures()
    ids = list(stored)
    sigs = minhash.from_bytes([stored[i] for i in ids])
    fresh = {s if isinstance(s, str) else s.id for s in new}
    among = np.fromiter((i in fresh for i in ids), bool, len(ids))
    found = candidates(sigs, among)
    pairs = [(ids[i], ids[j]) for i, j in found[among[found[:, 0]] | among[found[:, 1]]].tolist()]
    existing = store.copies()
    touched = {a for pair in pairs for a in pair}
    touched |= {a for g in existing if touched & set(g.articles) for a in g.articles}
    if not touched:
        return existing
    kept = [g for g in existing if not touched & set(g.articles)]
    arrival = store.seqs(touched)  # same-day copies: the first to arrive is the earliest
    touched_sources = store.get(sorted(touched, key=arrival.__getitem__))
    position = {a: i for i, a in enumerate(ids)}  # the stored signatures, not signed again
    groups = kept + find_copy_groups(
        touched_sources, sigs[[position[s.id] for s in touched_sources]]
    )
    store.put_copies(groups)
    return groups


def stories(
    store: Store, mode: str = "batch", *, similarity: str | None = None, executor: Executor = LOCAL
) -> list[Story]:
    """The store's stories in one clustering mode, reclustered when articles were added since
    (in memory only, when the store was opened read-only). `similarity` "lexical" or "embed"
    (batch, the `embed` extra); None keeps whichever the stored stories were made with.
    `executor` runs clustering's independent parts (`newsweave.parallel`)."""
    fresh = _recluster_if_stale(store, mode, similarity, executor)
    return fresh if fresh is not None else store.stories(mode)


def _recluster_if_stale(
    store: Store, mode: str, similarity: str | None = None, executor: Executor = LOCAL
) -> list[Story] | None:
    """Recluster when articles arrived (or the clusterer or the similarity changed) since the
    stored stories were made; a read-only store gets them in memory (returned), any other stores
    them (None)."""
    from .cluster import MODES, VERSION, cluster  # numpy/scipy: only when clustering

    if mode not in MODES:
        raise NewsweaveError(
            f"unknown clustering mode {mode!r}; expected one of {', '.join(MODES)}"
        )
    key, stored = f"stories.{mode}", store.get_state(f"stories.{mode}")
    if similarity is None:
        similarity = stored[2] if isinstance(stored, list) and len(stored) == 3 else "lexical"
    current = [store.last_seq(), VERSION, similarity]
    if stored == current:
        return None
    articles = [s for _, s in store.articles()]
    known = _stored_embeddings(store) if similarity == "embed" else None
    before = set(known or ())
    if mode == "stream" and similarity == "lexical":
        found = _stream_from_checkpoint(store, articles, executor)
    else:
        found = cluster(articles, mode, similarity=similarity, embeddings=known, executor=executor)
    if getattr(store, "readonly", False):
        return found
    if known is not None:
        _keep_embeddings(store, {a: v for a, v in known.items() if a not in before})
    store.put_stories(mode, found)
    store.put_state(key, current)
    return None


def _stream_from_checkpoint(
    store: Store, articles: list[Source], executor: Executor
) -> list[Story]:
    """Stream stories going on from the store's checkpoint (only articles that arrived since it
    are passed), keeping the new checkpoint unless the store is read-only."""
    from .cluster import resume_stream

    found, checkpoint = resume_stream(
        articles, checkpoint=store.get_checkpoint(STREAM_CHECKPOINT), executor=executor
    )
    if not getattr(store, "readonly", False):
        store.put_checkpoint(STREAM_CHECKPOINT, checkpoint)
    return found


def _stored_embeddings(store: Store) -> dict:
    import numpy as np

    return {a: np.frombuffer(v, dtype=np.float32) for a, v in store.embeddings().items()}


def _keep_embeddings(store: Store, new: dict) -> None:
    """Store the embeddings clustering computed (those not read from the store)."""
    import numpy as np

    if new:
        store.put_embeddings({a: np.asarray(v, dtype=np.float32).tobytes() for a, v in new.items()})


def story_sources(store: Store, story_id: str, mode: str = "batch") -> tuple[Story, list[Source]]:
    """The story and its stored articles (cleaned, with witnesses)."""
    fresh = _recluster_if_stale(store, mode)
    if fresh is not None:  # read-only and stale: clustered in memory
        found = next((s for s in fresh if s.id == story_id), None)
    else:
        found = store.find_story(mode, story_id)  # that story only, not every story of the store
    if found is None:
        raise NotFoundError(
            store.path,
            f"no story {story_id!r} in {mode} mode; list them with: "
            f"newsweave stories --db {store.path}",
        )
    return found, store.get(found.articles)


def brief_story(
    store: Store, story_id: str, *, mode: str = "batch", pipeline=None, since: str | None = None
) -> Brief:
    """The brief of a stored story; with `since`, also what changed since the brief shown then
    ("last": the previous brief of this story; or an ISO date/time). The brief is remembered."""
    from .pipeline import Pipeline
    from .report.changes import compare
    from .report.json import to_dict

    _, sources = story_sources(store, story_id, mode)
    brief = (pipeline or Pipeline()).run(sources)
    data = to_dict(brief)
    if since is not None:
        before = _snapshot_before(store.snapshots(story_id), since)
        brief.changes = compare(
            before.brief if before else None, data, before.created_at if before else None
        )
    _remember(store, story_id, [s.id for s in brief.sources], data)
    return brief


def _snapshot_before(snapshots: list[Snapshot], since: str) -> Snapshot | None:
    if not snapshots:
        return None
    if since == "last":
        return snapshots[-1]
    when = _parse_since(since)
    earlier = [s for s in snapshots if s.created_at <= when]
    return earlier[-1] if earlier else None


def _parse_since(since: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(since)
    except ValueError as exc:
        raise NewsweaveError(
            f"--since {since!r}: expected 'last' or a date/time like 2024-05-01 or 2024-05-01T12:00"
        ) from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    try:
        return moment.astimezone(dt.UTC).isoformat(timespec="seconds")
    except OverflowError:  # before year 1 or after 9999 in UTC: before or after every snapshot
        edge = dt.datetime.min if moment.year == 1 else dt.datetime.max
        return edge.replace(tzinfo=dt.UTC).isoformat(timespec="seconds")


def _remember(store: Store, story_id: str, articles: list[str], data: dict) -> None:
    """Keep the brief as a snapshot when its articles differ from the last one kept."""
    articles = sorted(articles)
    previous = store.snapshots(story_id)
    if previous and sorted(previous[-1].articles) == articles:
        return
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    if not getattr(store, "readonly", False):
        store.put_snapshot(Snapshot(story_id, now, articles, data))


BRIEFS_AT_ONCE = 64  # stories briefed per round: the articles of a round are in memory together


def write_briefs(
    store: Store,
    folder: str | os.PathLike,
    *,
    mode: str = "batch",
    fmt: str = "markdown",
    detail: str = "brief",
    min_articles: int = 2,
    pipeline=None,
    executor: Executor = LOCAL,
    only: Iterable[str] | None = None,
) -> list[tuple[Story, str]]:
    """Write the brief of every story with at least `min_articles` articles (among the stories
    `only` names, when given) into `folder`, one file a story (`<story id>.<ext>`), and
    `index.json` listing them; returns (story, file name). `detail` as `newsweave brief
    --detail`. `executor` makes the briefs (on Ray: an actor pool, the language model loaded
    once a worker)."""
    from pathlib import Path

    from .pipeline import Pipeline

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    model = functools.partial(_given, pipeline or Pipeline())
    wanted = None if only is None else set(only)
    chosen = [
        s
        for s in stories(store, mode, executor=executor)
        if len(s.articles) >= min_articles and (wanted is None or s.id in wanted)
    ]
    written = []
    try:
        for start in range(0, len(chosen), BRIEFS_AT_ONCE):
            part = chosen[start : start + BRIEFS_AT_ONCE]
            made = _largest_first(
                executor, model, [(store.get(s.articles), fmt, detail) for s in part]
            )
            for story, (data, text) in zip(part, made):
                name = f"{story.id}.{_EXTENSIONS[fmt]}"
                (out / name).write_text(text, encoding="utf-8")
                _remember(store, story.id, story.articles, data)
                written.append((story, name))
    finally:
        executor.release()
    index = [
        {"id": s.id, "title": s.title, "articles": len(s.articles), "brief": name}
        for s, name in written
    ]
    (out / "index.json").write_text(
        json.dumps(index, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    return written


def _largest_first(
    executor: Executor, model, jobs: list[tuple[list[Source], str, str]]
) -> list[tuple[dict, str]]:
    """The briefs of the jobs, in order, handed out largest story first: workers then finish
    together (longest-processing-time-first scheduling)."""
    order = sorted(range(len(jobs)), key=lambda k: -sum(len(s.raw) for s in jobs[k][0]))
    made = executor.map_model(model, brief_and_render, [jobs[k] for k in order])
    out: list = [None] * len(jobs)
    for k, result in zip(order, made):
        out[k] = result
    return out


def brief_and_render(pipeline, job: tuple) -> tuple[dict, str]:
    """The brief of one story's sources as (JSON data, the brief rendered in the format and
    detail): what a worker sends back (small, picklable; no language-model objects). `job` is
    (sources, format, detail), or (sources, format) for the default detail."""
    from .report import render
    from .report.json import to_dict

    sources, fmt, *detail = job
    brief = pipeline.run(sources)
    return to_dict(brief), render(brief, fmt, detail=detail[0] if detail else "brief")


def _given(value):
    return value


_EXTENSIONS = {"markdown": "md", "json": "json", "html": "html", "text": "txt"}
