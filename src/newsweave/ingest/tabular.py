"""CSV and TSV files: a header row, then one article a row.

The columns are the fields of a JSON Lines record, matched case-insensitively (spaces and hyphens
count as underscores), each also under common other names:

    id         id, article_id, guid
    outlet     outlet, source, site, publisher
    url        url, link
    published  published, date, published_at, publish_date, pubdate
    title      title, headline
    text       text, body, content, article
    html       html

Only `text` or `html` is required; other columns are ignored. The delimiter of a `.tsv` file is a
tab; a `.csv` file's is whichever of `,` `;` and tab its header line uses most. Quoted fields may
span lines. Bad rows are reported one by one as "file:row N", N as a spreadsheet numbers the rows
(the header is row 1); the good rows are kept.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from .decode import Unusable
from .formats import Record, record_from_fields

FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("id", "article_id", "guid"),
    "outlet": ("outlet", "source", "site", "publisher"),
    "url": ("url", "link"),
    "published": ("published", "date", "published_at", "publish_date", "pubdate"),
    "title": ("title", "headline"),
    "text": ("text", "body", "content", "article"),
    "html": ("html",),
}
DELIMITERS = (",", ";", "\t")
EXPECTED = "id, outlet, url, published, title, and text (or body, content, article) or html"


def csv_records(text: str, name: str, problems: list[tuple[str, str]]) -> list[Record]:
    """Articles of a CSV/TSV file; each bad row is added to `problems` as ("file:row N", reason)."""
    _allow_fields_of(len(text))
    rows = enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text, name)), 1)
    number, header = _header(rows)
    columns = _columns(header)
    records: list[Record] = []
    before = len(problems)
    try:
        for number, row in rows:
            if any(cell.strip() for cell in row):
                _row_or_problem(row, header, columns, f"{name}:row {number}", records, problems)
    except csv.Error as exc:  # the reader cannot go on past this point
        problems.append(
            (
                f"{name}:row {number + 1}",
                f"not readable as CSV ({exc}); the rows after it are lost; check the quoting there",
            )
        )
    if not records and len(problems) == before:
        raise Unusable("a header row but no rows under it; expected one article a row")
    return records


def _allow_fields_of(size: int) -> None:
    """Let one field be as big as the whole (already size-checked) file; the csv default is 128 KiB."""
    if csv.field_size_limit() < size + 1:
        csv.field_size_limit(size + 1)


def _delimiter(text: str, name: str) -> str:
    if name.lower().removesuffix(".gz").endswith(".tsv"):
        return "\t"
    first = text.lstrip("\ufeff\r\n ").split("\n", 1)[0]
    return max(DELIMITERS, key=first.count) if any(d in first for d in DELIMITERS) else ","


def _header(rows) -> tuple[int, list[str]]:
    """The header row (its number and cells); Unusable, naming the columns expected, if it has no text column."""
    number, found = 0, []
    try:
        for number, row in rows:  # noqa: B007
            if any(cell.strip() for cell in row):
                found = row
                break
    except csv.Error as exc:
        raise Unusable(
            f"not readable as CSV ({exc}); expected a header row naming the columns: {EXPECTED}"
        ) from exc
    if not found:
        raise Unusable(f"no rows in it; expected a header row naming the columns: {EXPECTED}")
    if not {"text", "html"} & set(_columns(found)):
        shown = ", ".join(repr(cell[:30]) for cell in found[:8]) + (
            ", ..." if len(found) > 8 else ""
        )
        raise Unusable(
            f"no usable header row: its first row ({shown}) has no text or html column; "
            f"the first row should name the columns: {EXPECTED}"
        )
    return number, found


def _columns(header: list[str]) -> dict[str, int]:
    """Field name -> column index; the field's own name wins over its other names."""
    names = [
        cell.strip().lstrip("\ufeff").lower().replace(" ", "_").replace("-", "_") for cell in header
    ]
    found: dict[str, int] = {}
    for field, aliases in FIELDS.items():
        index = next((names.index(alias) for alias in aliases if alias in names), None)
        if index is not None:
            found[field] = index
    return found


def _row_or_problem(
    row: list[str],
    header: list[str],
    columns: dict[str, int],
    where: str,
    records: list[Record],
    problems: list[tuple[str, str]],
) -> None:
    try:
        records.append(record_from_fields(_fields(row, header, columns), where))
    except Unusable as exc:
        problems.append((where, str(exc)))


def _fields(row: list[str], header: list[str], columns: dict[str, int]) -> dict[str, Any]:
    """The row as record fields; empty cells are missing values."""
    width = len(header)
    if len(row) != width and not (len(row) > width and not "".join(row[width:]).strip()):
        raise Unusable(
            f"{len(row)} fields where the header has {width}; a delimiter or quote inside "
            "a cell needs the whole cell in double quotes"
        )
    fields = {field: row[index] if row[index].strip() else None for field, index in columns.items()}
    if fields.get("text") is None and fields.get("html") is None:
        empty = [
            repr(header[columns[name]].strip()) for name in ("text", "html") if name in columns
        ]
        cells = " and ".join(empty) + (" cell is" if len(empty) == 1 else " cells are")
        raise Unusable(
            f"no article: the {cells} empty; put the article text in it, or remove the row"
        )
    return fields
