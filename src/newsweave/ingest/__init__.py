"""Stage 1, ingest: files and folders to `Source`s (raw text + metadata).

Plain text (metadata from a `<file>.meta.json` sidecar or `--meta`), HTML (main text via
trafilatura), JSON Lines, CSV/TSV (one article a row, `tabular`), WARC web archives (the HTML
pages a crawler saved, streamed, `warc`), and JSON Lines or CSV compressed with gzip (`gz`).
Anything unusable (missing, empty, binary, not UTF-8, too big, no article in the HTML, too short,
a bad JSON line or CSV row, a WARC page with no article) becomes a `Skipped` with the file (or
"file:line", "file:row N", "file#URL") and the reason; everything else still comes through. Ids
are content hashes: the same text, the same id.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..models import Skipped, Source
from .decode import Unusable, decode, read_bytes
from .files import Input, folder_files, resolved, walk_inputs
from .formats import Record, check_article_text, html_article, is_gzipped, jsonl_records, kind_of
from .gz import read_gzip
from .meta import MetaFile, MetaProblem, clean_meta, load_meta_option, merge_meta, read_meta_file, sidecar
from .tabular import csv_records
from .warc import is_warc, warc_records

MAX_BYTES = 20_000_000  # per file; for WARC, per record; for gzip, decompressed
# kinds whose records carry their own metadata (no sidecar, no --meta)
RECORD_KINDS = {"jsonl", "csv", "warc"}
EXAMPLE = "examples/zte-2018"

__all__ = ["IngestResult", "read_paths", "example_sources", "source_id", "MAX_BYTES"]


@dataclass
class IngestResult:
    """What ingest made of its inputs: the articles, the inputs not used, and lesser problems."""

    sources: list[Source] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)  # not used: path + a reason a person can act on
    warnings: list[str] = field(default_factory=list)  # used, but with a problem
    duplicates: list[Skipped] = field(default_factory=list)  # the same text as an earlier input


def source_id(text: str) -> str:
    """The content hash that identifies an article: 16 hex digits of SHA-256 of its text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def read_paths(paths: Iterable[str | os.PathLike], *, meta: str | os.PathLike | None = None,
               max_bytes: int = MAX_BYTES, on_input: Callable[[str], None] | None = None) -> IngestResult:
    """Read every article in the given files and folders (recursively, in sorted order).

    Bad inputs are reported in `skipped`, never raised; only a missing or malformed `meta` file
    (which the user asked for explicitly) raises `MetadataError`. `on_input` is called with each
    input as it is read (for progress display).
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    meta_file = load_meta_option(meta)
    exclude = {resolved(Path(meta))} if meta is not None else set()
    result = IngestResult()
    inputs = walk_inputs(paths, exclude, result.skipped)
    _read_inputs(inputs if on_input is None else _announced(inputs, on_input), meta_file, max_bytes, result)
    if meta_file is not None:
        result.warnings.extend(f"--meta {meta_file.path}: entry {key!r} names no input file; check the name"
                               for key in meta_file.unused())
    return result


def example_sources() -> IngestResult:
    """The bundled example story: an AP and a Reuters report of one May 2018 story."""
    folder = resources.files("newsweave").joinpath("data", *EXAMPLE.split("/"))
    result = IngestResult()
    with resources.as_file(folder) as real:
        root = Path(real)
        inputs = [Input(f"{EXAMPLE}/{rel.as_posix()}", root / rel, (rel.name,))
                  for rel in folder_files(root, result.skipped)]
        _read_inputs(inputs, None, MAX_BYTES, result)
    return result


def _announced(inputs: Iterable[Input], on_input: Callable[[str], None]) -> Iterable[Input]:
    for item in inputs:
        on_input(item.given)
        yield item


def _read_inputs(inputs: Iterable[Input], meta_file: MetaFile | None, max_bytes: int,
                 result: IngestResult) -> None:
    seen: dict[str, str] = {}
    for item in inputs:
        kind, records = _records(item, max_bytes, result)
        for record in records:
            _add(record, item, kind, meta_file, seen, result)


def _records(item: Input, max_bytes: int, result: IngestResult) -> tuple[str, Iterable[Record]]:
    """The file's kind ("text", "html", "jsonl", "csv", "warc") and its articles (a WARC file's
    lazily, as it is read); a bad file goes to `result.skipped`."""
    if is_warc(item.path):
        return "warc", warc_records(item.path, item.given, max_bytes, result.skipped, result.warnings)
    kind = "text"
    try:
        data = _read(item, max_bytes, result.skipped)
        kind = kind_of(item.path.name, data)
        return kind, _parse(kind, decode(data, html=kind == "html"), item.given, result.skipped)
    except Unusable as exc:
        result.skipped.append(Skipped(item.given, str(exc)))
        return kind, []


def _read(item: Input, max_bytes: int, skipped: list[Skipped]) -> bytes:
    """The file's bytes; decompressed for `.jsonl.gz` and the like, where a cut-off end is skipped."""
    if not is_gzipped(item.path.name):
        return read_bytes(item.path, max_bytes)
    inflated = read_gzip(item.path, max_bytes)
    if inflated.problem:
        skipped.append(Skipped(item.given, inflated.problem))
    return inflated.data


_READERS = {"jsonl": jsonl_records, "csv": csv_records}


def _parse(kind: str, text: str, given: str, skipped: list[Skipped]) -> list[Record]:
    if kind in _READERS:
        problems: list[tuple[str, str]] = []
        records = _READERS[kind](text, given, problems)
        skipped.extend(Skipped(where, reason) for where, reason in problems)
        return records
    if kind == "html":
        body, page = html_article(text)
        return [Record(check_article_text(body), given, page=page)]
    return [Record(check_article_text(text), given)]


def _add(record: Record, item: Input, kind: str, meta_file: MetaFile | None,
         seen: dict[str, str], result: IngestResult) -> None:
    """Make the record a Source, unless the same text was already read (then it is a duplicate)."""
    sid = source_id(record.text)
    if sid in seen:
        result.duplicates.append(Skipped(record.where, f"duplicate of {seen[sid]} (the same text); "
                                                       "only the first copy is used"))
        return
    seen[sid] = record.where
    file_meta = {} if kind in RECORD_KINDS else _file_meta(item, meta_file, result.warnings)
    layers = [clean_meta(layer, record.where, result.warnings) for layer in (record.meta, file_meta, record.page)]
    result.sources.append(Source(id=sid, raw=record.text, path=item.given, input_id=record.input_id,
                                 where=record.where, **merge_meta(layers)))


def _file_meta(item: Input, meta_file: MetaFile | None, warnings: list[str]) -> dict[str, Any]:
    """A plain or HTML file's metadata: its sidecar if it has one, else its `--meta` entry."""
    car = sidecar(item.path)
    if car.is_file():
        try:
            return read_meta_file(car, item.sidecar_name)
        except MetaProblem as exc:
            warnings.append(f"{exc}; {item.given} is used without metadata")
            return {}
    return meta_file.for_file(list(item.names)) if meta_file is not None else {}
