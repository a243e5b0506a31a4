"""The corpus job on any executor: read, clean, sign, find copies, cluster, brief.

`ingest(paths, store, executor=...)` is `newsweave.ingest` with its independent parts handed
to the executor: each input read on its own (a worker reads a file, a WARC or a JSON Lines
shard), articles cleaned and signed in slices, the copy candidates found by a shuffle
(`lsh.py`, on Ray). What needs the network (URLs, and the teaser links of feeds) and what
needs the whole corpus at once (duplicates across inputs, the store's writes, the union of
copy groups, average linkage) stays with the caller. With `LOCAL` it is the embedded engine's
result exactly; the tests compare the two.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import time
from collections.abc import Iterable

from ..clean import clean, split_cleaned
from ..corpus import IngestRun, signature_bytes, store_cleaned
from ..ingest import (
    Fetcher,
    InputPart,
    ReadOptions,
    merge_parts,
    plan_inputs,
    read_input,
    unused_meta,
)
from ..ingest.files import Input
from ..ingest.urls import Web
from ..models import Source
from ..parallel import LOCAL, Executor
from ..store import Store

SIGN_SLICE = 256  # articles cleaned and signed per task

__all__ = ["clean_and_sign", "ingest"]


def ingest(
    paths: Iterable[str | os.PathLike],
    store: Store,
    *,
    executor: Executor = LOCAL,
    meta: str | os.PathLike | None = None,
    fetcher: Fetcher | None = None,
    follow_links: bool = False,
) -> IngestRun:
    """Read, clean and store articles with `executor`; update the copy groups. The run report,
    with the seconds each step took in `timings` (read, clean+sign, store+copies)."""
    clock = _Clock()
    steps, options = plan_inputs(paths, meta)
    options = dataclasses.replace(options, defer_feeds=follow_links)
    inputs = [step for step in steps if isinstance(step, Input)]
    parts = _resolved(
        inputs,
        executor.map(read_input, inputs, shared=options, chunk=1),
        options,
        fetcher,
        follow_links,
    )
    result = merge_parts(steps, parts)
    result.warnings += unused_meta(options.meta_file)
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
        candidates=_candidates(executor),
    )
    clock.lap("store+copies")
    run.timings = clock.laps
    return run


class _Clock:
    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name], self._last = round(now - self._last, 4), now


def clean_and_sign(source: Source) -> tuple[Source, bytes]:
    """The source cleaned, and its MinHash signature (empty when cleaning left nothing)."""
    clean(source)
    return source, signature_bytes(source) if source.text.strip() else b""


def _resolved(
    inputs: list[Input],
    parts: list[InputPart],
    options: ReadOptions,
    fetcher: Fetcher | None,
    follow_links: bool,
) -> list[InputPart]:
    """Each input's part, reading here what a worker left (URLs, feeds whose links it follows),
    and the `--meta` entries the workers used marked as used."""
    web = Web(fetcher, options.max_bytes, follow_links=follow_links)
    try:
        parts = [
            read_input(options, item, web) if part.deferred else part
            for item, part in zip(inputs, parts)
        ]
    finally:
        web.close()
    if options.meta_file is not None:
        for part in parts:
            options.meta_file.used |= part.used_meta
    return parts


def _candidates(executor: Executor):
    """How copy candidates are found: a shuffle on Ray, `minhash.candidate_pairs` here."""
    from .engine import RayExecutor
    from .lsh import candidate_pairs

    return (
        functools.partial(candidate_pairs, executor) if isinstance(executor, RayExecutor) else None
    )
