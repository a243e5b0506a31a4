"""Stage 1, ingest: files, folders and URLs to `Source`s (raw text + metadata).

Plain text (metadata from a `<file>.meta.json` sidecar or `--meta`), HTML (main text via
trafilatura), JSON Lines, CSV/TSV (one article a row, `tabular`), RSS/Atom feeds (one article
per entry, `feeds`), WARC web archives (the HTML pages a crawler saved, streamed, `warc`), and
JSON Lines or CSV compressed with gzip (`gz`). http(s) URLs are fetched safely (`fetch.Fetcher`:
no private addresses, size caps, robots.txt) and read like a file of their kind; a feed's teaser
entries are fetched through their links. Anything unusable (missing, empty, binary, not UTF-8,
too big, no article in the HTML, too short, a bad JSON line, CSV row or feed entry, a WARC page
with no article, a URL that fails or is refused) becomes a `Skipped` with the input (or
"file:line", "file:row N", "file#URL", "file#entry N") and the reason; everything else still
comes through. Ids are content hashes: the same text, the same id.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

from ..models import Diagnostics, Skipped, Source
from ..parallel import LOCAL, Executor, chunks
from .decode import MAX_BYTES, Unchanged, Unusable, open_regular, read_bytes
from .feeds import feed_records
from .fetch import CacheEntry, FetchCache, Fetched, Fetcher, FetchPolicy, MemoryCache
from .files import Input, folder_files, resolved, walk_inputs
from .formats import (
    InputKind,
    Record,
    check_article_length,
    check_article_text,
    is_gzipped,
    jsonl_records,
    kind_of,
    record_from_fields,
)
from .gz import read_gzip
from .meta import (
    MetaFile,
    MetaProblem,
    clean_meta,
    json_type,
    load_meta_option,
    merge_meta,
    read_meta_file,
    sidecar,
)
from .readers import READERS, Opened, claimed_kind, table_records
from .result import IngestResult
from .urls import Web, article, feed_headers, page_kind, page_text

# kinds whose records carry their own metadata (no sidecar, no --meta)
RECORD_KINDS = {kind for kind, reader in READERS.items() if reader.own_metadata}
EXAMPLE = "examples/zte-2018"

__all__ = [
    "MAX_BYTES",
    "CacheEntry",
    "FetchCache",
    "FetchPolicy",
    "Fetched",
    "Fetcher",
    "IngestResult",
    "Input",
    "InputPart",
    "MemoryCache",
    "ReadOptions",
    "example_sources",
    "merge_parts",
    "plan_inputs",
    "read_input",
    "read_paths",
    "read_records",
    "source_id",
    "unused_meta",
]


def source_id(text: str) -> str:
    """The content hash that identifies an article: 16 hex digits of SHA-256 of its text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def read_paths(
    paths: Iterable[str | os.PathLike],
    *,
    meta: str | os.PathLike | None = None,
    max_bytes: int = MAX_BYTES,
    fetcher: Fetcher | None = None,
    on_input: Callable[[str], None] | None = None,
    follow_links: bool = False,
    executor: Executor = LOCAL,
) -> IngestResult:
    """Read every article in the given files, folders (recursively, in sorted order) and URLs.

    Each input is read on its own by `executor` (in this process with `LOCAL`; on a Ray worker
    with the Ray engine's): a file, a WARC or a JSON Lines shard. What may go online (URLs, and
    feed files whose teaser entries are followed) is read here, with `fetcher` (by default a
    `Fetcher()` with the default policy and `max_bytes`); then the parts are merged in input
    order, a text read before making later readings duplicates. Teaser entries of a feed are
    fetched through their links when the feed came from a URL, or from a file with
    `follow_links`. Bad inputs are reported in `skipped`, never raised; only a missing or
    malformed `meta` file (which the user asked for explicitly) raises `MetadataError`.
    `on_input` is called with each input before it is read (for progress; inputs are then
    handed to the executor one at a time)."""
    steps, options = plan_inputs(paths, meta)
    options = replace(options, max_bytes=max_bytes, defer_feeds=follow_links)
    inputs = [step for step in steps if isinstance(step, Input)]
    parts = _read_parts(executor, inputs, options, on_input)
    parts = _read_deferred(inputs, parts, options, fetcher, follow_links)
    result = merge_parts(steps, parts)
    result.warnings += unused_meta(options.meta_file)
    return result


def _read_parts(
    executor: Executor,
    inputs: list[Input],
    options: ReadOptions,
    on_input: Callable[[str], None] | None,
) -> list[InputPart]:
    """Each input read by the executor; with `on_input`, handed out a round of one input a
    worker at a time, each announced before its round."""
    if on_input is None:
        return executor.map(read_input, inputs, shared=options, chunk=1)
    parts: list[InputPart] = []
    for round_ in chunks(inputs, executor.workers):
        for item in round_:
            on_input(item.given)
        parts += executor.map(read_input, round_, shared=options, chunk=1)
    return parts


def _read_deferred(
    inputs: list[Input],
    parts: list[InputPart],
    options: ReadOptions,
    fetcher: Fetcher | None,
    follow_links: bool,
) -> list[InputPart]:
    """Each input's part, reading here what the executor left (URLs, feeds whose links are
    followed), and the `--meta` entries the parts used marked as used."""
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


def unused_meta(meta_file: MetaFile | None) -> list[str]:
    """Warnings for `--meta` entries that named no input file (most likely a typo)."""
    if meta_file is None:
        return []
    return [
        f"--meta {meta_file.path}: entry {key!r} names no input file; check the name"
        for key in meta_file.unused()
    ]


@dataclass(frozen=True)
class ReadOptions:
    """What every input of one ingest is read with (shipped to each worker once)."""

    meta_file: MetaFile | None = None
    max_bytes: int = MAX_BYTES
    defer_feeds: bool = False  # feed files go back to the caller, who fetches their teasers' links


@dataclass
class InputPart:
    """What one input gave, read on its own: a parallel ingest's unit of work. Its sources are
    every record in order, duplicates included (`merge_parts` finds those), each with the
    warnings its metadata raised (`notes`)."""

    result: IngestResult
    notes: list[list[str]] = field(default_factory=list)
    used_meta: set[str] = field(default_factory=set)  # the `--meta` entries it used
    deferred: bool = False  # not read: a URL or (with `defer_feeds`) a feed, for the caller to read


def plan_inputs(
    paths: Iterable[str | os.PathLike], meta: str | os.PathLike | None = None
) -> tuple[list[Input | Skipped], ReadOptions]:
    """The steps of an ingest in order: each input (files inside folders in sorted order), and
    each path that is no usable file or folder (skipped) where a walk meets it; and the options
    to read the inputs with."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    skipped: list[Skipped] = []
    exclude = {resolved(Path(meta))} if meta is not None else set()
    steps: list[Input | Skipped] = []
    for item in walk_inputs(paths, exclude, skipped):
        steps += skipped + [item]
        skipped.clear()
    return steps + skipped, ReadOptions(load_meta_option(meta))


def read_input(options: ReadOptions, item: Input, web: Web | None = None) -> InputPart:
    """Read one input alone, every record kept (duplicates too). Without `web`, URLs and (when
    `defer_feeds`) feeds are left `deferred`: reading them may go online, which the caller does."""
    if web is None and (item.path is None or (options.defer_feeds and _is_feed(item.path))):
        return InputPart(IngestResult(), deferred=True)
    meta_file = options.meta_file
    before = set(meta_file.used) if meta_file is not None else set()
    part = InputPart(IngestResult())
    web = web or Web(None, options.max_bytes)
    kind, records = _records(item, options.max_bytes, part.result, web)
    for record in records:
        _add(record, item, kind, meta_file, None, part.result, part.notes)
    part.used_meta = (set(meta_file.used) - before) if meta_file is not None else set()
    return part


def merge_parts(steps: list[Input | Skipped], parts: Iterable[InputPart]) -> IngestResult:
    """The inputs read apart, merged in order as one `read_paths` run makes them: a text read
    before makes its later readings duplicates (their metadata warnings dropped)."""
    into, seen, parts = IngestResult(), dict[str, str](), iter(parts)
    for step in steps:
        if isinstance(step, Skipped):
            into.skipped.append(step)
            continue
        part = next(parts)
        for source, notes in zip(part.result.sources, part.notes):
            if source.id in seen:
                into.duplicates.append(Skipped(source.where or "", _duplicate_of(seen[source.id])))
                continue
            seen[source.id] = source.where or ""
            into.sources.append(source)
            into.warnings += notes
        into.skipped += part.result.skipped
        into.warnings += part.result.warnings
        into.unchanged += part.result.unchanged
    return into


def _is_feed(path: Path) -> bool:
    try:
        with open_regular(path) as f:
            head = f.read(65536)
    except (OSError, Unusable):
        return False  # read_input reports it
    return kind_of(path.name, head) == "feed"


def _duplicate_of(first: str) -> str:
    return f"duplicate of {first} (the same text); only the first copy is used"


def read_records(records: Iterable[Any], *, name: str = "records") -> IngestResult:
    """Articles given as objects with the JSON Lines fields (`id`, `outlet`, `url`, `published`,
    `title`, `text` or `html`), as a web API receives them; a bad one is skipped as "name: item N"."""
    result = IngestResult()
    item, seen = Input(name, None, (name,)), dict[str, str]()
    for number, obj in enumerate(records, 1):
        where = f"{name}: item {number}"
        try:
            if not isinstance(obj, dict):
                raise Unusable(f"expected an object with a 'text', found {json_type(obj)}")
            _add(record_from_fields(obj, where), item, "jsonl", None, seen, result)
        except Unusable as exc:
            result.skip(where, str(exc))
    return result


def example_sources() -> IngestResult:
    """The bundled example story: an AP and a Reuters report of one May 2018 story."""
    folder = resources.files("newsweave").joinpath("data", *EXAMPLE.split("/"))
    skipped: list[Skipped] = []
    with resources.as_file(folder) as real:
        root = Path(real)
        inputs = [
            Input(f"{EXAMPLE}/{rel.as_posix()}", root / rel, (rel.name,))
            for rel in folder_files(root, skipped)
        ]
        steps: list[Input | Skipped] = [*skipped, *inputs]
        return merge_parts(steps, [read_input(ReadOptions(), item) for item in inputs])


def _records(
    item: Input, max_bytes: int, result: IngestResult, web: Web
) -> tuple[InputKind, Iterable[Record]]:
    """The input's kind and its articles, by the reader `readers.READERS` has for the kind (a
    WARC or Parquet file's lazily, as it is read); a bad one goes to `result.skipped`."""
    kind: InputKind = "text"
    try:
        if item.path is None:
            return _url_records(item.url, result, web)
        claimed = claimed_kind(item.path)
        opened = Opened(item.given, item.path, b"", max_bytes, result, web)
        if claimed is None:
            opened.data = _read(item.path, item.given, max_bytes, result)
        kind = claimed or kind_of(item.path.name, opened.data)
        return kind, READERS[kind].read(opened)
    except Unusable as exc:
        (result.unchanged if isinstance(exc, Unchanged) else result.skipped).append(
            Skipped(item.given, str(exc))
        )
        return kind, []


def _read(path: Path, given: str, max_bytes: int, notes: Diagnostics) -> bytes:
    """The file's bytes; decompressed for `.jsonl.gz` and the like, where a cut-off end is skipped."""
    if not is_gzipped(path.name):
        return read_bytes(path, max_bytes)
    inflated = read_gzip(path, max_bytes)
    if inflated.problem:
        notes.skip(given, inflated.problem)
    return inflated.data


def _url_records(url: str, result: IngestResult, web: Web) -> tuple[InputKind, list[Record]]:
    """A fetched page read by its kind: a feed's entries, JSON Lines records, or one article."""
    fetched = web.get(url)
    kind, shown = page_kind(fetched), fetched.url  # without credentials
    if kind == "feed":
        return kind, feed_records(
            fetched.body,
            shown,
            result.skipped,
            result.warnings,
            follow=web.follow(True),
            headers=feed_headers(fetched),
        )
    if kind == "jsonl":
        return kind, table_records(jsonl_records, page_text(fetched, kind), shown, result)
    body, page = article(fetched, kind)
    return kind, [Record(check_article_text(body), shown, page=page)]


def _add(
    record: Record,
    item: Input,
    kind: InputKind,
    meta_file: MetaFile | None,
    seen: dict[str, str] | None,
    result: IngestResult,
    notes: list[list[str]] | None = None,
) -> None:
    """Make the record a Source, unless the same text was already read (then it is a duplicate;
    with `seen` None every record is kept, its warnings in a list of its own in `notes`); a
    text too long to brief is skipped."""
    try:
        check_article_length(record.text)
    except Unusable as exc:
        result.skip(record.where, str(exc))
        return
    sid = source_id(record.text)
    if seen is not None and sid in seen:
        result.duplicates.append(Skipped(record.where, _duplicate_of(seen[sid])))
        return
    if seen is not None:
        seen[sid] = record.where
    warnings = result.warnings if notes is None else []
    file_meta = (
        {}
        if READERS[kind].own_metadata or item.path is None
        else _file_meta(item, meta_file, warnings)
    )
    layers = [
        clean_meta(layer, record.where, warnings) for layer in (record.meta, file_meta, record.page)
    ]
    result.sources.append(
        Source(
            id=sid,
            raw=record.text,
            path=item.given,
            input_id=record.input_id,
            where=record.where,
            **merge_meta(layers),
        )
    )
    if notes is not None:
        notes.append(warnings)


def _file_meta(item: Input, meta_file: MetaFile | None, warnings: list[str]) -> dict[str, Any]:
    """A plain or HTML file's metadata: its sidecar if it has one, else its `--meta` entry."""
    assert item.path is not None  # URLs have no file metadata
    car = sidecar(item.path)
    if car.is_file():
        try:
            return read_meta_file(car, item.sidecar_name)
        except MetaProblem as exc:
            warnings.append(f"{exc}; {item.given} is used without metadata")
            return {}
    return meta_file.for_file(list(item.names)) if meta_file is not None else {}
