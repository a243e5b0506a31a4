"""Parquet files (a data lake's shards, or what `newsweave ingest --parquet` wrote): one article
a row, the JSON Lines fields as columns (`text` or `html`, and `id`, `outlet`, `url`,
`published`, `title`; other columns are ignored). Read in row batches, so a shard's size is not
capped as a whole file is; a row whose article is bigger than the input cap is skipped. Needs
pyarrow (the `ray` extra, or `pip install pyarrow`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import MissingExtraError
from ..models import Skipped
from .decode import Unusable, open_regular
from .formats import Record, record_from_fields, summarised

COLUMNS = ("id", "outlet", "url", "published", "title", "text", "html")
SUFFIXES = (".parquet", ".pq")
BATCH_ROWS = 256
# A few KB of Parquet can declare millions of rows (5,000,000 rows in 14 KB took 3.9 GB and
# 34 s to read): a file is refused past either cap, read from its footer before any row.
MAX_ROWS = 100_000
MAX_DECOMPRESSED = 100_000_000  # bytes of the columns read, uncompressed; 5 x the file cap

__all__ = ["COLUMNS", "is_parquet", "parquet_records"]


def is_parquet(name: str) -> bool:
    return name.lower().endswith(SUFFIXES)


def parquet_records(
    path: Path, given: str, max_bytes: int, skipped: list[Skipped]
) -> Iterator[Record]:
    """The articles of a Parquet file, row by row ("file: row N"); bad rows go to `skipped`."""
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise MissingExtraError("pyarrow", "ray", f"reading Parquet ({given})") from exc
    try:
        fh = open_regular(path)
    except OSError as exc:
        raise Unusable(f"cannot read it ({exc.strerror or exc}); check its permissions") from exc
    with fh:
        shard, columns = _open(pq, fh)
        yield from _rows(shard, columns, given, max_bytes, skipped)


def _open(pq: Any, fh: Any) -> tuple[Any, list[str]]:
    """The Parquet file and the article columns it has; Unusable if it is damaged, has no text
    column, or declares more rows or uncompressed bytes than the caps."""
    try:
        shard = pq.ParquetFile(fh)
        columns = [c for c in COLUMNS if c in shard.schema_arrow.names]
        size = _uncompressed(shard.metadata, columns)
    except Exception as exc:
        raise Unusable(
            f"not a readable Parquet file ({type(exc).__name__}: {exc}); write it again"
        ) from exc
    if "text" not in columns and "html" not in columns:
        raise Unusable(
            f"no 'text' or 'html' column (found: {', '.join(shard.schema_arrow.names[:8])}); "
            "put the article in a column named text (plain) or html (a web page)"
        )
    rows = shard.metadata.num_rows
    if rows > MAX_ROWS or size > MAX_DECOMPRESSED:
        raise Unusable(
            f"too big to read: {rows:,} rows, {size:,} bytes uncompressed; the limits are "
            f"{MAX_ROWS:,} rows and {MAX_DECOMPRESSED:,} bytes a file; split it into smaller files"
        )
    return shard, columns


def _uncompressed(metadata: Any, columns: list[str]) -> int:
    """The uncompressed size the footer declares for the columns read."""
    total = 0
    for g in range(metadata.num_row_groups):
        group = metadata.row_group(g)
        chunks = (group.column(c) for c in range(group.num_columns))
        total += sum(c.total_uncompressed_size for c in chunks if c.path_in_schema in columns)
    return total


def _rows(
    shard: Any, columns: list[str], given: str, max_bytes: int, skipped: list[Skipped]
) -> Iterator[Record]:
    """Each row's record; bad rows are listed (the first few, then a count), and a damaged
    part ends the file with its reason, the rows before it read."""
    number, problems = 0, []
    try:
        for batch in shard.iter_batches(columns=columns, batch_size=BATCH_ROWS):
            for row in batch.to_pylist():
                number += 1
                try:
                    yield _record(row, f"{given}: row {number}", max_bytes)
                except Unusable as exc:
                    problems.append(Skipped(f"{given}: row {number}", str(exc)))
    except Exception as exc:
        problems.append(
            Skipped(
                given,
                f"damaged after row {number:,} ({type(exc).__name__}: {exc}); "
                "the rows before it are read; write it again",
            )
        )
    finally:
        skipped.extend(summarised(problems, given))


def _record(row: dict[str, Any], where: str, max_bytes: int) -> Record:
    fields = {k: _plain(v) for k, v in row.items() if v is not None}
    size = max(len(fields.get("text") or ""), len(fields.get("html") or ""))
    if size > max_bytes:
        raise Unusable(f"article too big: {size:,} characters, the limit is {max_bytes:,}")
    return record_from_fields(fields, where)


def _plain(value: Any) -> Any:
    """Parquet dates and timestamps as the ISO strings the JSON Lines fields are."""
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value
