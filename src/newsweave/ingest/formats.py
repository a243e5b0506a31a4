"""Readers for each input format: plain text, HTML (main text via trafilatura), JSON Lines.

Each reader returns article records (plain dicts of text + metadata) or raises `Unusable` for
the whole file; JSON Lines reports bad lines one by one and keeps the good ones.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .decode import Unusable

MIN_WORDS = 25
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
_TAG = re.compile(r"<\s*(?:html|body|p|div|article|head|title|!doctype)\b", re.IGNORECASE)


@dataclass
class Record:
    """One article as read, before it becomes a `Source`."""

    text: str
    where: str  # "file" or "file:line"
    meta: dict[str, Any] = field(default_factory=dict)
    input_id: str | None = None


def kind_of(suffix: str, text: str) -> str:
    """"text", "html" or "jsonl", by extension, else by sniffing the content."""
    suffix = suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix not in TEXT_SUFFIXES and text.lstrip().startswith("<") and _TAG.search(text[:2048]):
        return "html"
    return "text"


def check_article_text(text: str) -> str:
    """The text if it looks like an article; Unusable (with the reason) if it is too short."""
    words = len(text.split())
    lines = [line for line in text.splitlines() if line.strip()]
    if words < MIN_WORDS or (len(lines) == 1 and words < 2 * MIN_WORDS):
        where = "on one line" if len(lines) == 1 else f"in {len(lines)} lines"
        raise Unusable(f"only {words} words {where}; an article needs at least a few sentences")
    return text


def html_article(html: str) -> tuple[str, dict[str, Any]]:
    """Main text and metadata (title, date, url, site name) of an HTML page."""
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - a core dependency
        raise Unusable("reading HTML needs trafilatura and lxml-html-clean: pip install trafilatura lxml-html-clean") from exc
    try:
        doc = trafilatura.bare_extraction(html, include_comments=False, include_tables=False,
                                          favor_precision=True, with_metadata=True)
    except Exception as exc:  # noqa: BLE001 - a third-party parser on hostile input
        raise Unusable(f"HTML could not be parsed ({type(exc).__name__})") from exc
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise Unusable("HTML page with no article text found (navigation or scripts only?)")
    meta = {"title": getattr(doc, "title", None), "published": getattr(doc, "date", None),
            "url": getattr(doc, "url", None), "outlet": getattr(doc, "sitename", None)}
    return text, meta


def jsonl_records(text: str, name: str, problems: list[tuple[str, str]]) -> Iterator[Record]:
    """Articles of a JSON Lines file; each bad line is added to `problems` and skipped."""
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            yield _jsonl_record(line, where)
        except Unusable as exc:
            problems.append((where, str(exc)))


def _jsonl_record(line: str, where: str) -> Record:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise Unusable(f"not valid JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(obj, dict):
        raise Unusable(f"expected a JSON object per line, found {type(obj).__name__}")
    text, html = obj.get("text"), obj.get("html")
    if text is None and html is None:
        raise Unusable("record has neither 'text' nor 'html'")
    if not isinstance(text if text is not None else html, str):
        raise Unusable("'text'/'html' must be a string")
    meta = {k: obj.get(k) for k in ("outlet", "url", "published", "title")}
    input_id = None if obj.get("id") is None else str(obj["id"])
    if text is None:
        text, found = html_article(html)
        meta = {k: meta.get(k) or found.get(k) for k in found}
    return Record(check_article_text(text), where, meta, input_id)
