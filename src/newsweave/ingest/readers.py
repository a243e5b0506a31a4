"""The input readers, one entry a kind: how a file of each kind becomes `Record`s.

    READERS["csv"].read(opened) -> the CSV file's records

A reader gets the input `Opened` (its name, path, bytes unless the reader claims the file by
its path and streams it, and where skips and warnings go) and returns its records; a record
it cannot use is a `Skipped` with the reason, an input it cannot use at all raises `Unusable`.
Which reader reads a file: the first whose `claims` says so (WARC and Parquet files, read
from their path), else `formats.kind_of` by the name's ending and the content.

Adding a reader: a module with its `read` (and `claims`, when it reads from the path), a name
in `formats.InputKind`, and one entry here (tests/test_readers.py checks they agree).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import MissingExtraError
from ..models import Skipped
from .decode import Unusable, decode
from .feeds import feed_records
from .formats import (
    InputKind,
    Record,
    check_article_text,
    html_article,
    jsonl_records,
    summarised,
)
from .parquet import is_parquet, parquet_records
from .tabular import csv_records
from .warc import is_warc, warc_records

if TYPE_CHECKING:
    from .result import IngestResult
    from .urls import Web

__all__ = ["READERS", "Opened", "Reader", "claimed_kind", "table_records"]


@dataclass
class Opened:
    """One input as a reader gets it."""

    given: str  # the input as named to the user
    path: Path
    data: bytes  # the file's bytes, decompressed (empty for a reader that claims the path)
    max_bytes: int
    result: IngestResult  # where skipped records and warnings go
    web: Web  # for feed entries that carry only a summary (followed only when allowed)

    def text(self, *, html: bool = False) -> str:
        return decode(self.data, html=html)


@dataclass(frozen=True)
class Reader:
    read: Callable[[Opened], Iterable[Record]]
    own_metadata: bool = False  # records carry their metadata: no sidecar, no --meta
    claims: Callable[[Path], bool] | None = None  # reads files it claims from their path


def table_records(
    parse: Callable[[str, str, list[tuple[str, str]]], list[Record]],
    text: str,
    given: str,
    result: IngestResult,
) -> list[Record]:
    """The records of a JSON Lines or CSV text; its bad rows skipped (the first 20 named)."""
    problems: list[tuple[str, str]] = []
    records = parse(text, given, problems)
    result.skipped.extend(summarised([Skipped(w, reason) for w, reason in problems], given))
    return records


def _text(o: Opened) -> list[Record]:
    return [Record(check_article_text(o.text()), o.given)]


def _html(o: Opened) -> list[Record]:
    body, page = html_article(o.text(html=True))
    return [Record(check_article_text(body), o.given, page=page)]


def _jsonl(o: Opened) -> list[Record]:
    return table_records(jsonl_records, o.text(), o.given, o.result)


def _csv(o: Opened) -> list[Record]:
    return table_records(csv_records, o.text(), o.given, o.result)


def _feed(o: Opened) -> list[Record]:
    return feed_records(
        o.data, o.given, o.result.skipped, o.result.warnings, follow=o.web.follow(False)
    )


def _warc(o: Opened) -> Iterable[Record]:
    return warc_records(o.path, o.given, o.max_bytes, o.result.skipped, o.result.warnings)


def _parquet(o: Opened) -> Iterable[Record]:
    """A Parquet file's records; one that cannot be opened is skipped with the reason."""
    try:
        yield from parquet_records(o.path, o.given, o.max_bytes, o.result.skipped)
    except (Unusable, MissingExtraError) as exc:
        o.result.skip(o.given, str(exc))


READERS: dict[InputKind, Reader] = {
    "warc": Reader(_warc, own_metadata=True, claims=is_warc),
    "parquet": Reader(_parquet, own_metadata=True, claims=lambda path: is_parquet(path.name)),
    "text": Reader(_text),
    "html": Reader(_html),
    "jsonl": Reader(_jsonl, own_metadata=True),
    "csv": Reader(_csv, own_metadata=True),
    "feed": Reader(_feed, own_metadata=True),
}


def claimed_kind(path: Path) -> InputKind | None:
    """The kind of the first reader that claims the file by its path, if one does."""
    return next((kind for kind, r in READERS.items() if r.claims and r.claims(path)), None)
