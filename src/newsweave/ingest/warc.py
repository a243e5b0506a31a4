"""WARC web archives (`.warc`, `.warc.gz`, or any file starting with "WARC/1."), read as a stream.

A WARC file is what a crawler saved: requests, responses, metadata, of any size (the whole-file
size limit does not apply; each record's payload is capped instead). An article is a `response`
record with a 2xx status and an HTML content type (`text/html`, `application/xhtml+xml`); its page
goes through the same extraction as an HTML file. Every other record (requests, `warcinfo`,
metadata, images and other non-HTML responses, redirects, errors) is passed over, counted, and
reported in ONE warning per file.

Metadata: `url` is the WARC-Target-URI, `input_id` the WARC-Record-ID; title, publication date
and site name are what the page itself says (the crawl date, WARC-Date, is not a publication
date and is not used); a page that names no site gets the URL's host as its outlet. The page is decoded by the charset of its HTTP Content-Type, else its
`<meta charset>`, else as UTF-8 with bad bytes replaced.

Where: a page is reported as "file#<WARC-Target-URI>" (the URL names the page; search for it with
`warcio index`), or "file@<offset>" when it has no URI; a file that breaks off (a cut gzip
member, a bad record header) keeps the pages before the break and gets a Skipped at
"file@<offset>", the byte offset of the record that could not be read.
"""

from __future__ import annotations

import codecs
import io
import os
import re
from collections import Counter
from collections.abc import Generator, Iterator
from contextlib import redirect_stderr
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..models import Diagnostics, Skipped
from .decode import Unusable, bom_codec, declared_charset, open_regular
from .formats import Record, check_article_text, html_article, kind_of
from .gz import GZIP_MAGIC, gunzip_head

HTML_TYPES = {"text/html", "application/xhtml+xml"}
_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)


def is_warc(path: Path) -> bool:
    """Named `.warc` / `.warc.gz`, or starting with "WARC/1." (plain or gzip-compressed)?"""
    return kind_of(path.name, b"") == "warc" or kind_of("", _head(path)) == "warc"


def warc_records(
    path: Path, given: str, max_bytes: int, skipped: list[Skipped], warnings: list[str]
) -> Iterator[Record]:
    """The article pages of a WARC file, one at a time; the rest is counted into one warning.
    Problems go to `skipped` and `warnings` (one `Diagnostics` over both lists)."""
    notes = Diagnostics(warnings=warnings, skipped=skipped)
    passed: Counter[str] = Counter()
    before = len(skipped)
    found = yield from _pages(path, given, max_bytes, passed, notes)
    if found or len(skipped) > before:
        if passed:
            notes.warn(_passed_over(passed), about=given)
    else:
        notes.skip(given, _nothing_in(passed))


def _passed_over(passed: Counter[str]) -> str:
    total = sum(passed.values())
    if total == 1:
        return f"1 record is not an article page ({_kinds(passed)}) and was passed over"
    return f"{total} records are not article pages ({_kinds(passed)}) and were passed over"


def _nothing_in(passed: Counter[str]) -> str:
    """Why a WARC file gave no article and no page was skipped: only other records, or none at all."""
    if not passed:
        return "no WARC records in it; expected a web archive (WARC/1.0 or 1.1) as written by a crawler"
    total = sum(passed.values())
    return (
        f"no article pages in it: {total} record{'' if total == 1 else 's'} ({_kinds(passed)}), none "
        "an HTML page with a 2xx status; expected a crawl of article pages"
    )


def _head(path: Path) -> bytes:
    """The start of the file, decompressed if it is gzip."""
    head = _head_bytes(path)
    return gunzip_head(head) if head.startswith(GZIP_MAGIC) else head


def _head_bytes(path: Path) -> bytes:
    try:
        with open_regular(path) as fh:
            return fh.read(512)
    except (OSError, Unusable):
        return b""  # reading it again reports the problem


def _pages(
    path: Path,
    given: str,
    max_bytes: int,
    passed: Counter[str],
    notes: Diagnostics,
) -> Generator[Record, None, int]:
    """Each article page; returns how many there were. A break in the file ends it with a Skipped."""
    from warcio.archiveiterator import ArchiveIterator

    found, archive, noise = 0, None, io.StringIO()
    try:
        with open_regular(path) as fh:
            archive = ArchiveIterator(fh)
            for record in _quietly(archive, noise):
                with redirect_stderr(noise):
                    page = _page(record, given, archive.offset, max_bytes, passed, notes)
                if page is not None:
                    found += 1
                    yield page
            _check_end(archive.offset, os.fstat(fh.fileno()).st_size, given, found, notes)
    except OSError as exc:
        notes.skip(given, f"cannot read it ({exc.strerror or exc}); check its permissions")
    except Unusable as exc:  # not a regular file
        notes.skip(given, str(exc))
    except Exception as exc:
        _break_at(getattr(archive, "offset", 0), exc, path, given, found, notes)
    _report_noise(noise.getvalue(), given, notes)
    return found


def _break_at(
    offset: int, exc: Exception, path: Path, given: str, found: int, notes: Diagnostics
) -> None:
    what = _what(exc, _head_bytes(path).startswith(GZIP_MAGIC))
    notes.skip(f"{given}@{offset}", _broken(what, found, offset))


def _quietly(records: Iterator[Any], sink: io.StringIO) -> Iterator[Any]:
    """The records, with what warcio writes to stderr while reading them caught in `sink`."""
    while True:
        with redirect_stderr(sink):
            record = next(records, None)
        if record is None:
            return
        yield record


def _report_noise(noise: str, given: str, notes: Diagnostics) -> None:
    """warcio's own complaints (a wrong Content-Length, a corrupt gzip block) as one warning."""
    lines = [line.strip() for line in noise.splitlines() if line.strip()]
    if lines:
        said = _printable("; ".join(lines[:2]).removeprefix("WARNING: "))
        notes.warn(
            f"some records may be damaged (warcio: {said}); pages near there may be "
            "cut short or run together",
            about=given,
        )


def _check_end(offset: int, size: int, given: str, found: int, notes: Diagnostics) -> None:
    """warcio stops quietly at a cut gzip member: the bytes after the last record read tell."""
    if offset < size:
        what = f"{size - offset:,} bytes at the end are not a whole record"
        notes.skip(f"{given}@{offset}", _broken(what, found, offset))


def _printable(text: str, limit: int = 120) -> str:
    """`text` fit for a one-line message: control and other unprintable characters as "?", cut at `limit`."""
    shown = "".join(c if c.isprintable() else "?" for c in text)
    return shown if len(shown) <= limit else shown[: limit - 3] + "..."


def _what(exc: Exception, compressed: bool) -> str:
    message = _printable(str(exc).strip().splitlines()[0]) if str(exc).strip() else ""
    if type(exc).__name__ == "ArchiveLoadFailed":
        # warcio reads a gzip member it cannot decompress as raw bytes, and finds no WARC header there
        return (
            "corrupt gzip data, not a readable record"
            if compressed and "first line" in message
            else message
        )
    return f"a malformed record ({type(exc).__name__}{': ' + message if message else ''})"


def _broken(what: str, found: int, offset: int) -> str:
    if offset == 0:
        return f"not readable as a WARC file: {what}; expected a web archive (WARC/1.0 or 1.1) from a crawler"
    kept = (
        f"the {found} article page{' before it was' if found == 1 else 's before it were'} read"
        if found
        else "no article page came before it"
    )
    return f"the WARC file breaks off here: {what} (cut short?); {kept}, the rest is lost; download or copy it again"


def _page(
    record: Any,
    given: str,
    offset: int,
    max_bytes: int,
    passed: Counter[str],
    notes: Diagnostics,
) -> Record | None:
    """The record as an article page, or None (counted in `passed`, or a Skipped with the reason)."""
    reason = pass_over(record)
    if reason is not None:
        passed[reason] += 1
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI")
    where = f"{given}#{uri}" if uri else f"{given}@{offset}"
    try:
        text, page = html_article(_html(record, max_bytes))
        page = {**page, "outlet": page.get("outlet") or site_of(uri)}
        return Record(
            check_article_text(text),
            where,
            {"url": uri},
            page,
            record.rec_headers.get_header("WARC-Record-ID"),
        )
    except Unusable as exc:
        notes.skip(where, str(exc))
        return None


def site_of(uri: str | None) -> str | None:
    """The outlet to show for a page that names none: its host ("news.example.com"), without "www."."""
    try:
        host = urlsplit(uri or "").hostname or ""
    except ValueError:
        return None
    return host.removeprefix("www.") or None


def pass_over(record: Any) -> str | None:
    """What a WARC record is if not an article page ("request record", "redirect", ...), else None."""
    if record.rec_type != "response":
        kind = record.rec_type
        return (
            f"{kind} record"
            if isinstance(kind, str) and kind.isascii() and kind.isalpha()
            else "unknown record"
        )
    http = record.http_headers
    if http is None or not http.protocol.upper().startswith("HTTP"):
        return "non-HTTP response"
    status = http.get_statuscode() or "?"
    if not status.startswith("2"):
        return "redirect" if status.startswith("3") else f"{status[0]}xx response"
    if _media_type(http.get_header("Content-Type")) not in HTML_TYPES:
        return "non-HTML response"
    return None


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def _html(record: Any, max_bytes: int) -> str:
    """The page's HTML: the payload (at most `max_bytes`) decoded by its charset."""
    try:
        payload = record.content_stream().read(max_bytes + 1)
    except Exception as exc:
        raise Unusable(
            f"the page's body could not be read ({type(exc).__name__}: {_printable(str(exc))}); "
            "the record is damaged, or compressed in a way warcio cannot undo"
        ) from exc
    if len(payload) > max_bytes:
        raise Unusable(
            f"page too big: over {max_bytes:,} bytes, the limit for one record; "
            "raise the limit to read it"
        )
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:
        raise Unusable(
            f"the record is cut short: {missing:,} of its bytes are missing (the file ends "
            "early?); download or copy the file again"
        )
    return payload.decode(
        page_charset(payload, record.http_headers.get_header("Content-Type")), "replace"
    )


def page_charset(payload: bytes, content_type: str | None) -> str:
    """The codec of a page: its byte-order mark, else the HTTP charset, else `<meta charset>`, else UTF-8."""
    return bom_codec(payload) or _known(content_type) or declared_charset(payload) or "utf-8"


def _known(content_type: str | None) -> str | None:
    m = _CHARSET.search(content_type or "")
    try:
        return codecs.lookup(m.group(1)).name if m else None
    except LookupError:
        return None


def _kinds(passed: Counter[str]) -> str:
    return ", ".join(f"{n} {kind}{'' if n == 1 else 's'}" for kind, n in passed.most_common())
