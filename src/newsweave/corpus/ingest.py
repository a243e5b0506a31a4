"""Corpus ingest: read, clean, sign and store articles, then regroup copies; the run report.

One path over any executor (`newsweave.parallel`): `LOCAL` reads each input, cleans and signs
the articles in this process (the embedded engine); the Ray engine's executor does the same
work on its workers and finds the copy candidates by a shuffle. What needs the network (URLs,
the teaser links of feeds) and what needs the whole corpus at once (duplicates across inputs,
the store's writes, the union of copy groups) stays with the caller.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..clean import clean, split_cleaned
from ..dedup import arrival_order
from ..ingest import Fetcher, IngestResult, read_paths, read_records
from ..models import RunEntry, Skipped, Source
from ..parallel import LOCAL, Executor
from ..store import Store
from . import copies

SIGN_SLICE = 256  # articles cleaned and signed per task

__all__ = ["IngestRun", "clean_and_sign", "ingest", "ingest_records", "store_cleaned"]


@dataclass
class IngestRun:
    """The run report of one ingest: every input with what happened to it, and the store's
    totals after it (articles, copy groups)."""

    entries: list[RunEntry] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # seconds a step
    totals: dict[str, int] = field(default_factory=dict)  # {"articles": n, "copy_groups": n}

    def count(self, status: str) -> int:
        return sum(1 for e in self.entries if e.status == status)

    @property
    def added(self) -> list[str]:
        return [e.article for e in self.entries if e.status == "ingested" and e.article]


def ingest(
    paths: Iterable[str | os.PathLike],
    store: Store,
    *,
    executor: Executor = LOCAL,
    meta: str | os.PathLike | None = None,
    fetcher: Fetcher | None = None,
    on_input: Callable[[str], None] | None = None,
    follow_links: bool = False,
) -> IngestRun:
    """Read, clean and store articles; update the copy groups. The run report, with the
    seconds each step took in `timings` (read, clean+sign, store+copies).

    URLs are fetched with `fetcher` (give it `store.fetch_cache()` for conditional GET across
    runs); `on_input` is called with each input as it is read; `executor` runs the independent
    parts (each input read, slices of articles cleaned and signed)."""
    clock = _Clock()
    result = read_paths(
        paths,
        meta=meta,
        fetcher=fetcher,
        on_input=on_input,
        follow_links=follow_links,
        executor=executor,
    )
    clock.lap("read")
    prepared = executor.map(clean_and_sign, result.sources, chunk=SIGN_SLICE)
    kept, empty = split_cleaned([source for source, _ in prepared])
    clock.lap("clean+sign")
    run = store_cleaned(
        result,
        kept,
        empty,
        store,
        signatures={s.id: sig for s, sig in prepared if sig},
        candidates=copies.candidates_of(executor),
    )
    clock.lap("store+copies")
    run.timings = clock.laps
    return run


def ingest_records(records: Iterable[dict], store: Store, *, name: str = "request") -> IngestRun:
    """Ingest articles given as objects with the JSON Lines fields (`text` or `html`, and `id`,
    `outlet`, `url`, `published`, `title`); returns the run report, inputs named "name: item N"."""
    result = read_records(records, name=name)
    kept, empty = split_cleaned([clean(source) for source in result.sources])
    return store_cleaned(result, kept, empty, store)


def clean_and_sign(source: Source) -> tuple[Source, bytes]:
    """The source cleaned, and its MinHash signature (empty when cleaning left nothing)."""
    clean(source)
    return source, copies.signature_bytes(source) if source.text.strip() else b""


def store_cleaned(
    result: IngestResult,
    sources: list[Source],
    empty: list[Skipped],
    store: Store,
    *,
    signatures: dict[str, bytes] | None = None,
    candidates: copies.Candidates | None = None,
) -> IngestRun:
    """Store read and cleaned sources (`empty`: those cleaning left nothing of) in publication
    order, sign them (unless their `signatures` are given) and regroup copies; the run report.
    `candidates` finds the LSH candidate pairs of all stored signatures (by default
    `minhash.candidate_pairs`)."""
    run = IngestRun(warnings=list(result.warnings))
    sources = arrival_order(sources)
    for source, new in zip(sources, store.add(sources)):
        where = source.where or source.path or source.id
        reason = "" if new else "already in the store (the same text)"
        run.entries.append(RunEntry(where, "ingested" if new else "duplicate", source.id, reason))
    run.entries += [
        RunEntry(d.path, "duplicate", None, d.reason) for d in result.duplicates + result.unchanged
    ]
    run.entries += [RunEntry(s.path, "skipped", None, s.reason) for s in result.skipped + empty]
    copies.sign_and_regroup(store, signatures or {}, candidates)
    run.totals = totals(store)
    return run


def totals(store: Store) -> dict[str, int]:
    """What the store holds: articles, and groups of copies (the run report's last line)."""
    return {"articles": store.count(), "copy_groups": len(store.copies())}


class _Clock:
    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name], self._last = round(now - self._last, 4), now
