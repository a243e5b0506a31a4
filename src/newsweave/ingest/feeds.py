"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one `Record` per entry (via feedparser).

An entry's text is its full content (`content:encoded`, Atom `<content>`), else its summary,
converted from HTML to text with paragraphs as blank-line separated blocks. An entry with only
a teaser is fetched through its link when ingest may fetch (`follow`), else skipped with the
reason. A feed that declares XML entities is refused before parsing (no billion laughs, no
external entities); a malformed feed with no entries is `Unusable`; one with entries keeps them
and adds a warning.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..models import Diagnostics, Skipped
from .decode import Unusable, bom_codec, refuse_binary
from .fetch import is_url
from .formats import MIN_WORDS, Record

FEED_SUFFIXES = {".rss", ".atom", ".xml"}
FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}
_ROOT = re.compile(
    r"\A\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*|<!DOCTYPE(?:[^\[>]|\[.*?\])*>\s*)*<(?:rss|feed|rdf:RDF)\b",
    re.DOTALL,
)
_ENTITY = re.compile(r"<!ENTITY\s+(?:%\s*)?([^\s>]+)")
_BLOCKS = (
    "p",
    "div",
    "section",
    "article",
    "blockquote",
    "pre",
    "li",
    "ul",
    "ol",
    "table",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "figure",
    "figcaption",
    "header",
    "footer",
    "hr",
    "dd",
    "dt",
)
_BLOCK, _LINE = "\ue000", "\ue001"  # private-use marks: a paragraph break, a line break
# characters XML text cannot hold: C0 controls but tab/newline/CR, lone surrogates, U+FFFE/U+FFFF
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_DROP = ("script", "style", "noscript", "iframe", "object", "embed", "template")
EXPECTED = "expected an RSS 2.0, RSS 1.0 or Atom feed"


@dataclass
class FeedEntry:
    """One feed entry as read: where it is, its text, its metadata, its id and link."""

    where: str  # "file#entry N"
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    input_id: str | None = None
    link: str | None = None

    @property
    def words(self) -> int:
        return len(self.text.split())


Follow = Callable[[FeedEntry], Record]  # fetch a teaser entry's link: a Record, or Unusable


def looks_like_feed(head: str) -> bool:
    """Is the document's root element `<rss`, `<feed` or `<rdf:RDF`?"""
    return _ROOT.match(head.lstrip("\ufeff")) is not None


def feed_records(
    data: bytes,
    where: str,
    skipped: list[Skipped],
    warnings: list[str],
    *,
    follow: Follow | None = None,
    headers: dict[str, str] | None = None,
) -> list[Record]:
    """The articles of a feed; each unusable entry is added to `skipped` with its reason (one
    `Diagnostics` over `skipped` and `warnings`).

    `headers` are the HTTP response's (Content-Type for the charset, Content-Location for
    relative links) when the feed was fetched.
    """
    notes = Diagnostics(warnings=warnings, skipped=skipped)
    records: list[Record] = []
    ids: dict[str, str] = {}
    for entry in read_feed(data, where, notes, headers):
        try:
            _check_new_id(entry, ids)
            records.append(_entry_record(entry, follow))
        except Unusable as exc:
            notes.skip(entry.where, str(exc))
    return records


def read_feed(
    data: bytes, where: str, notes: Diagnostics, headers: dict[str, str] | None = None
) -> list[FeedEntry]:
    """The entries of a feed, in order; Unusable if it is not a feed or has none."""
    _screen(data, headers or {})
    parsed = _parse(data, headers or {})
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if isinstance(problem, _soft_problems()):
        problem = None
    if not parsed.entries:
        found = f"not well-formed ({_describe(problem)})" if problem else "a feed with no entries"
        raise Unusable(f"{EXPECTED} with entries, found {found}; check the feed in a validator")
    if problem:
        notes.warn(
            f"feed is not well-formed XML ({_describe(problem)}); its "
            f"{len(parsed.entries)} entries were read leniently, check them",
            about=where,
        )
    outlet = parsed.feed.get("title") or None
    return [_entry(raw, f"{where}#entry {n}", outlet) for n, raw in enumerate(parsed.entries, 1)]


def _screen(data: bytes, headers: dict[str, str]) -> None:
    """Refuse empty and binary data, and any feed that declares XML entities, before parsing.
    The whole document is searched, as the bytes read and as the XML parser will read them
    (feedparser's decoding: an EBCDIC or UTF-16 feed hides nothing): a DOCTYPE can hide its
    declarations behind a quoted "<x", and a literal "<!ENTITY" has no place in a feed's text."""
    if not data.strip():
        raise Unusable(f"empty feed (only whitespace or nothing); {EXPECTED}")
    refuse_binary(data)
    names: list[str] = []
    for text in (data.decode(bom_codec(data) or "utf-8", "ignore"), _as_parsed(data, headers)):
        names += [n for n in _ENTITY.findall(text) if n not in names]
    if names:
        shown = ", ".join(names[:5]) + (", ..." if len(names) > 5 else "")
        raise Unusable(
            f"feed declares XML entities ({shown}); refused for safety (entity expansion "
            "and external entities); remove the DOCTYPE's entity declarations"
        )


def _as_parsed(data: bytes, headers: dict[str, str]) -> str:
    """The feed as feedparser hands it to the XML parser: converted to UTF-8 by its own rules."""
    from feedparser.encodings import convert_to_utf8

    try:
        return convert_to_utf8(dict(headers), data, {"bozo": False}).decode("utf-8", "ignore")
    except Exception:
        return ""


def _parse(data: bytes, headers: dict[str, str]) -> Any:
    import feedparser

    try:
        return feedparser.parse(
            io.BytesIO(data), response_headers=headers, resolve_relative_uris=False
        )
    except Exception as exc:
        raise Unusable(f"feed could not be parsed ({type(exc).__name__}); {EXPECTED}") from exc


def _soft_problems() -> tuple[type, ...]:
    """feedparser's complaints that do not make a feed malformed (a content type, a charset label)."""
    import feedparser

    return (feedparser.NonXMLContentType, feedparser.CharacterEncodingOverride)


def _describe(problem: Any) -> str:
    text = str(problem).strip() or type(problem).__name__
    return text[:200]


def _entry(raw: Any, where: str, outlet: str | None) -> FeedEntry:
    link = (
        raw.get("link") if is_url(raw.get("link")) else None
    )  # an RSS guid may stand in for a link
    meta = {
        "title": raw.get("title") or None,
        "url": link,
        "outlet": outlet,
        "published": _published(raw),
    }
    entry_id = raw.get("id") or link
    return FeedEntry(where, _entry_text(raw), meta, str(entry_id) if entry_id else None, link)


def _entry_text(raw: Any) -> str:
    """The entry's full content if it has one, else its summary, as text."""
    parts = [c for c in raw.get("content") or [] if (c.get("value") or "").strip()]
    detail = parts[0] if parts else raw.get("summary_detail") or {"value": raw.get("summary", "")}
    value = detail.get("value") or ""
    return _plain(value) if detail.get("type") == "text/plain" else html_text(value)


def _published(raw: Any) -> str | None:
    """The date as written (feedparser's own parse is too lenient: it turns month 13 into January)."""
    return next(
        (raw[key] for key in ("published", "updated") if (raw.get(key) or "").strip()), None
    )


def html_text(html: str) -> str:
    """Text of an HTML fragment: block elements become blank-line separated paragraphs."""
    if "<" not in html:
        return _plain(html)
    import lxml.etree
    import lxml.html

    html = _NOT_XML.sub(
        lambda m: "\ufffd" if m[0] >= "\ud800" else "", html
    )  # lxml refuses to store them
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return _plain(html)
    for element in list(root.iter(*_DROP)):
        element.drop_tree()
    for element in root.iter(*_BLOCKS):
        element.text, element.tail = _BLOCK + (element.text or ""), _BLOCK + (element.tail or "")
    for element in root.iter("br"):
        element.tail = _LINE + (element.tail or "")
    return _plain(root.text_content())


def _plain(text: str) -> str:
    """Whitespace tidied: paragraphs (marked, or apart by a blank line) apart by one blank line."""
    text = re.sub(r"\n[ \t]*\n", _BLOCK, text.replace("\r\n", "\n"))
    blocks = (
        "\n".join(" ".join(line.split()) for line in block.split(_LINE)).strip("\n")
        for block in text.split(_BLOCK)
    )
    return "\n\n".join(b for b in blocks if b.strip())


def _check_new_id(entry: FeedEntry, ids: dict[str, str]) -> None:
    if entry.input_id is None:
        return
    if entry.input_id in ids:
        raise Unusable(
            f"repeats the id of {ids[entry.input_id]} ({entry.input_id!r}); "
            "only the first entry with an id is used"
        )
    ids[entry.input_id] = entry.where


def _entry_record(entry: FeedEntry, follow: Follow | None) -> Record:
    if entry.words >= MIN_WORDS:
        return Record(entry.text, entry.where, entry.meta, input_id=entry.input_id)
    summary = (
        f"the feed carries only a summary of this entry ({entry.words} words), not the article"
    )
    if not entry.link:
        raise Unusable(f"{summary}, and no link to it; save the article itself as a file")
    if follow is None:
        raise Unusable(
            f"{summary}; fetch its link: give {entry.link} as an input, read the feed "
            "from its URL, or ask for its links with --follow-links"
        )
    return follow(entry)
