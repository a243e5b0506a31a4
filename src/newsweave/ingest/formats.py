"""Readers for each input format: plain text, HTML (main text via trafilatura, `ingest.html`), JSON Lines.

A reader returns `Record`s (article text + the metadata found inside the input) or raises
`Unusable` for the whole file; JSON Lines reports bad lines one by one and keeps the good ones.
`record_from_fields` is the one "fields to Record" step, shared with the CSV reader (`tabular`).
CSV/TSV and WARC have their own modules; `kind_of` names every kind.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from ..models import Skipped
from .decode import Unusable, peek
from .html import html_article  # the HTML reader lives in ingest.html; importable from here too
from .meta import META_KEYS, json_type, scrub

# The kinds of input ingest reads, owned here; each has its reader in `readers.READERS`.
InputKind = Literal["text", "html", "jsonl", "csv", "feed", "warc", "parquet"]
MIN_WORDS = 25
# The longest article text ingest accepts (about 160,000 words; spaCy's own default limit). A
# longer one is parsed in pieces, but briefing it takes minutes (bench/length.py: 100,000 words,
# 620,000 characters, 46 s of CPU), so it is skipped with the reason instead.
MAX_ARTICLE_CHARS = 1_000_000
# A JSON Lines record says itself that it is an article: a one-sentence lede is enough.
MIN_RECORD_WORDS = 12
# end of one sentence and start of the next: ". The", "?\u201d He"
_SENTENCE_BREAK = re.compile(r"[.!?][\"\u201d\u2019)]?\s+[\"\u201c]?[A-Z]")
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
CSV_SUFFIXES = {".csv", ".tsv"}
WARC_SUFFIXES = (".warc", ".warc.gz")
# gzip-compressed inputs read whole (decompressed, capped); any other ".gz" is refused as binary
GZIP_SUFFIXES = (".jsonl.gz", ".ndjson.gz", ".csv.gz", ".tsv.gz")
WARC_MAGIC = b"WARC/1."
EXAMPLE_RECORD = (
    '{"id": ..., "outlet": ..., "url": ..., "published": "YYYY-MM-DD", "title": ..., "text": ...}'
)
_TAG = re.compile(
    r"<\s*(?:html|head|body|title|meta|article|section|div|p|h[1-6]|!doctype)\b", re.IGNORECASE
)


@dataclass
class Record:
    """One article as read, before it becomes a `Source`."""

    text: str
    where: str  # "file", "file:line", "file:row N" or "file#<WARC-Target-URI>"
    meta: dict[str, Any] = field(
        default_factory=dict
    )  # the record's own fields (JSON Lines, CSV, WARC URL)
    page: dict[str, Any] = field(default_factory=dict)  # what trafilatura found in the HTML
    input_id: str | None = None


def kind_of(name: str, data: bytes) -> InputKind:
    """The input's kind by the file name's ending, else by sniffing the content: "text",
    "html", "jsonl", "csv", "feed" or "warc" (Parquet files are claimed by their reader).

    `name` is the file name (two-part endings such as ".warc.gz" count); a bare suffix works too.
    Content starting with "WARC/1." is a WARC file whatever its name.
    """
    from .feeds import FEED_SUFFIXES, looks_like_feed  # feeds builds on this module

    name = name.lower()
    if name.endswith(WARC_SUFFIXES) or data.startswith(WARC_MAGIC):
        return "warc"
    suffix = _suffix(name.removesuffix(".gz") if is_gzipped(name) else name)
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in CSV_SUFFIXES:
        return "csv"
    if suffix in FEED_SUFFIXES or looks_like_feed(peek(data)):
        return "feed"
    return "text" if suffix in TEXT_SUFFIXES or not looks_like_html(peek(data)) else "html"


def is_gzipped(name: str) -> bool:
    """Is this a gzip-compressed JSON Lines or CSV file (read decompressed), by its name?"""
    return name.lower().endswith(GZIP_SUFFIXES)


def _suffix(name: str) -> str:
    """ ".txt" for "a.txt" and for ".txt" itself; "" when there is no dot."""
    return "." + name.rsplit(".", 1)[1] if "." in name else ""


def looks_like_html(head: str) -> bool:
    """Does the text start like markup, with HTML tags near the start?"""
    return head.lstrip().startswith("<") and _TAG.search(head[:2048]) is not None


def summarised(problems: list[Skipped], given: str, listed: int = 20) -> list[Skipped]:
    """The first `listed` problems of one input (`Skipped`s), then one for the rest with their
    count: a file of a million bad rows gives a report a person can read."""
    if len(problems) <= listed + 1:
        return problems
    more = problems[listed:]
    reasons = sorted({p.reason.split(";")[0] for p in more})
    shown = "; ".join(reasons[:3]) + ("; ..." if len(reasons) > 3 else "")
    return problems[:listed] + [Skipped(given, f"{len(more):,} more bad records skipped ({shown})")]


def check_article_length(text: str) -> None:
    """Unusable (with the reason) if the text is longer than MAX_ARTICLE_CHARS."""
    if len(text) > MAX_ARTICLE_CHARS:
        raise Unusable(
            f"article too long: {len(text):,} characters, the limit is {MAX_ARTICLE_CHARS:,} "
            "(about 160,000 words); split it into its articles"
        )


def check_article_text(text: str, min_words: int = MIN_WORDS) -> str:
    """The text if it looks like an article; Unusable (with the reason) if it is too short."""
    words = len(text.split())
    lines = sum(1 for line in text.splitlines() if line.strip())
    one_sentence = lines == 1 and not _SENTENCE_BREAK.search(text.strip())
    if words < min_words:
        where = (
            "in one sentence" if one_sentence else f"in {lines} line" + ("" if lines == 1 else "s")
        )
        count = f"{words} word" + ("" if words == 1 else "s")
        raise Unusable(
            f"only {count} {where}; an article needs at least a few sentences ({min_words}+ words)"
        )
    return text


def jsonl_records(text: str, name: str, problems: list[tuple[str, str]]) -> list[Record]:
    """Articles of a JSON Lines file (or a `.json` array); each bad one is added to `problems`."""
    items = _whole_json(text, name) if name.lower().endswith(".json") else None
    if items is None:
        items = _json_lines(text, name)
    if not items:
        raise Unusable(f"no records in it; expected one object per line like {EXAMPLE_RECORD}")
    if all(isinstance(obj, _BadJson) for _, obj in items):
        where, first = items[0]
        raise Unusable(
            f"not JSON Lines: no line is valid JSON (line {where.rsplit(':', 1)[-1]}: {first.msg}); "
            f"expected one object per line like {EXAMPLE_RECORD}"
        )
    return [
        r for where, obj in items if (r := _record_or_problem(obj, where, problems)) is not None
    ]


@dataclass
class _BadJson:
    msg: str


def _whole_json(text: str, name: str) -> list[tuple[str, Any]] | None:
    """A `.json` file that is one JSON document: an array of records, or one record."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return None
    if isinstance(data, list):
        return [(f"{name}: item {i}", obj) for i, obj in enumerate(data, 1)]
    return [(name, data)]


def _json_lines(text: str, name: str) -> list[tuple[str, Any]]:
    """(where, parsed object) per non-blank line; lines end at "\n" only (U+2028 is valid inside JSON)."""
    return [
        (f"{name}:{number}", _parse_line(line))
        for number, line in enumerate(text.split("\n"), 1)
        if line.strip()
    ]


def _parse_line(line: str) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        return _BadJson(f"{exc.msg} at column {exc.colno}")
    except RecursionError:
        return _BadJson("nested too deeply")


def _record_or_problem(obj: Any, where: str, problems: list[tuple[str, str]]) -> Record | None:
    try:
        return _record(obj, where)
    except Unusable as exc:
        problems.append((where, str(exc)))
        return None


def _record(obj: Any, where: str) -> Record:
    if isinstance(obj, _BadJson):
        raise Unusable(
            f"not valid JSON ({obj.msg}); expected one object per line like {EXAMPLE_RECORD}"
        )
    if not isinstance(obj, dict):
        raise Unusable(f"expected a JSON object like {EXAMPLE_RECORD}, found {json_type(obj)}")
    return record_from_fields(obj, where)


def record_from_fields(obj: dict[str, Any], where: str) -> Record:
    """A record from its fields (`id`, `outlet`, `url`, `published`, `title`, `text` or `html`)."""
    body, is_html = _body(obj)
    meta = {key: obj.get(key) for key in META_KEYS}
    input_id = None if obj.get("id") is None else scrub(str(obj["id"]))
    page: dict[str, Any] = {}
    if is_html:
        body, page = html_article(body)
    return Record(check_article_text(body, MIN_RECORD_WORDS), where, meta, page, input_id)


def _body(obj: dict[str, Any]) -> tuple[str, bool]:
    """The record's article: its "text", else its "html" (True when it is HTML)."""
    text, html = obj.get("text"), obj.get("html")
    if text is None and html is None:
        raise Unusable(
            "record has neither 'text' nor 'html'; put the article in \"text\" (plain) "
            'or "html" (a web page)'
        )
    if text is not None:
        if not isinstance(text, str):
            raise Unusable(f"'text' should be a string, found {json_type(text)}")
        if text.strip() or html is None:
            return scrub(text), False
    if not isinstance(html, str):
        raise Unusable(f"'html' should be a string, found {json_type(html)}")
    return scrub(html), True
