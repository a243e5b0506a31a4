"""Stage 1, ingest: files and folders to `Source`s (raw text + metadata).

Plain text (metadata from a `<file>.meta.json` sidecar or `--meta`), HTML (main text via
trafilatura) and JSON Lines. Anything unusable (missing, empty, binary, not UTF-8, too big, no
article in the HTML, too short, a bad JSON line) becomes a `Skipped` with the file and the
reason; everything else still comes through. Ids are content hashes: the same text, the same id.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..models import Skipped, Source
from .decode import Unusable, decode, read_bytes
from .formats import Record, check_article_text, html_article, jsonl_records, kind_of
from .meta import MetaProblem, clean_meta, meta_for, read_meta_file, sidecar

MAX_BYTES = 20_000_000
EXAMPLE = "examples/zte-2018"

__all__ = ["IngestResult", "read_paths", "example_sources", "source_id", "MAX_BYTES"]


@dataclass
class IngestResult:
    sources: list[Source] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def source_id(text: str) -> str:
    """The content hash that identifies an article: 16 hex digits of SHA-256 of its text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def read_paths(paths: Iterable[str | os.PathLike], *, meta: str | os.PathLike | None = None,
               max_bytes: int = MAX_BYTES) -> IngestResult:
    """Read every article in the given files and folders (recursively, in sorted order)."""
    result = IngestResult()
    shared = _shared_meta(meta, result)
    seen: dict[str, str] = {}
    for given, path in _files(paths, result):
        for record in _records(given, path, max_bytes, result):
            _add(record, path, given, shared, seen, result)
    return result


def example_sources() -> IngestResult:
    """The bundled example story: an AP and a Reuters report of one May 2018 story."""
    folder = resources.files("newsweave").joinpath("data", *EXAMPLE.split("/"))
    with resources.as_file(folder) as real:
        result = read_paths([real])
    for source in result.sources:
        source.path = f"{EXAMPLE}/{Path(source.path or '').name}"
    return result


def _shared_meta(meta: str | os.PathLike | None, result: IngestResult) -> dict[str, Any] | None:
    if meta is None:
        return None
    try:
        return read_meta_file(Path(meta))
    except MetaProblem as exc:
        result.warnings.append(f"--meta {exc}; going on without it")
        return None


def _files(paths: Iterable[str | os.PathLike], result: IngestResult) -> Iterator[tuple[str, Path]]:
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for found in sorted(p for p in path.rglob("*") if _wanted(p, path)):
                yield str(found), found
        elif path.is_file():
            yield str(given), path
        else:
            result.skipped.append(Skipped(str(given), "no such file or folder"))


def _wanted(path: Path, root: Path) -> bool:
    hidden = any(part.startswith(".") for part in path.relative_to(root).parts)
    return path.is_file() and not hidden and not path.name.endswith(".meta.json")


def _records(given: str, path: Path, max_bytes: int, result: IngestResult) -> list[Record]:
    try:
        data = read_bytes(path, max_bytes)
        kind = kind_of(path.suffix, data[:4096].decode("utf-8", "ignore"))
        text = decode(data, html=(kind == "html"))
        if kind == "jsonl":
            problems: list[tuple[str, str]] = []
            records = list(jsonl_records(text, given, problems))
            result.skipped.extend(Skipped(where, reason) for where, reason in problems)
            return records
        if kind == "html":
            text, found = html_article(text)
            return [Record(check_article_text(text), given, found)]
        return [Record(check_article_text(text), given)]
    except Unusable as exc:
        result.skipped.append(Skipped(given, str(exc)))
        return []


def _add(record: Record, path: Path, given: str, shared: dict[str, Any] | None,
         seen: dict[str, str], result: IngestResult) -> None:
    sid = source_id(record.text)
    if sid in seen:
        result.skipped.append(Skipped(record.where, f"duplicate of {seen[sid]} (same text)"))
        return
    seen[sid] = record.where
    meta = _merged_meta(record, path, given, shared, result.warnings)
    result.sources.append(Source(id=sid, raw=record.text, path=given, input_id=record.input_id, **meta))


def _merged_meta(record: Record, path: Path, given: str, shared: dict[str, Any] | None,
                 warnings: list[str]) -> dict[str, Any]:
    """Record fields first, then the file's sidecar, then --meta."""
    layers = [record.meta]
    car = sidecar(path)
    if car.exists():
        try:
            layers.append(read_meta_file(car))
        except MetaProblem as exc:
            warnings.append(f"{exc}; {given} is used without metadata")
    layers.append(meta_for(path, given, shared))
    merged = {k: next((layer[k] for layer in layers if layer.get(k) not in (None, "")), None)
              for k in ("outlet", "url", "published", "title")}
    return clean_meta(merged, record.where, warnings)
