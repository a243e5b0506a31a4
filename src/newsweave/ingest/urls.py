"""URL inputs: fetch with a `Fetcher`, then read the body like a file of the same kind.

The kind comes from the Content-Type, then the URL's suffix, then sniffing. A feed's teaser
entries are fetched through their links: always for a feed read from a URL, for a feed file only
when the caller asks (`follow_links`, `--follow-links`: a local file is no consent to go online).
"""

from __future__ import annotations

import codecs
import posixpath
from urllib.parse import urlsplit

from ..errors import FetchError
from .decode import MAX_BYTES, Unchanged, Unusable, bom_codec, decode, peek, refuse_binary
from .feeds import FEED_TYPES, FeedEntry, Follow, looks_like_feed
from .fetch import Fetched, Fetcher, FetchPolicy
from .formats import InputKind, Record, check_article_text, html_article, kind_of

# a page's kind by its Content-Type
KINDS: dict[str, InputKind] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "application/json": "jsonl",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
}


class Web:
    """Ingest's way to the network: one Fetcher (made on first use) for URLs and teaser links."""

    def __init__(
        self, fetcher: Fetcher | None, max_bytes: int = MAX_BYTES, *, follow_links: bool = False
    ):
        self.given = fetcher is not None
        self.follow_links = follow_links
        self._fetcher = fetcher
        self._max_bytes = max_bytes

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(FetchPolicy(max_bytes=self._max_bytes))
        return self._fetcher

    def close(self) -> None:
        """Close the Fetcher if ingest made it (a given one is the caller's)."""
        if self._fetcher is not None and not self.given:
            self._fetcher.close()

    def get(self, url: str) -> Fetched:
        """The body at `url`; Unusable (the reason) if it can't be fetched or has not changed."""
        try:
            fetched = self.fetcher.fetch(url)
        except FetchError as exc:
            raise Unusable(exc.reason) from exc
        if fetched.not_modified:
            raise Unchanged(
                "not modified since it was last fetched (HTTP 304); nothing new to read"
            )
        return fetched

    def follow(self, from_url: bool) -> Follow | None:
        """How to fetch a feed's teaser entries, or None when this ingest may not go online for them."""
        return self._follow_link if from_url or self.follow_links else None

    def _follow_link(self, entry: FeedEntry) -> Record:
        assert entry.link is not None
        try:
            fetched = self.get(entry.link)
        except Unusable as exc:
            raise Unusable(
                f"the feed carries only a summary; fetching its link failed: {exc}"
            ) from exc
        kind = page_kind(fetched)
        if kind not in ("html", "text"):
            raise Unusable(
                f"the feed carries only a summary, and its link {fetched.final_url} is "
                f"{kind}, not an article page; give the article's own URL"
            )
        body, page = article(fetched, kind)
        meta = dict(entry.meta, url=page.pop("url", None) or fetched.final_url)
        return Record(check_article_text(body), entry.where, meta, page, entry.input_id)


def page_kind(fetched: Fetched) -> InputKind:
    """ "html", "feed", "jsonl" or "text": by Content-Type, else by the URL's suffix and content."""
    if fetched.content_type in FEED_TYPES or looks_like_feed(peek(fetched.body)):
        return "feed"
    if fetched.content_type in KINDS:
        return KINDS[fetched.content_type]
    return kind_of(posixpath.splitext(urlsplit(fetched.final_url).path)[1], fetched.body)


def feed_headers(fetched: Fetched) -> dict[str, str]:
    """What feedparser needs of the response: the charset, and the final URL for relative links."""
    headers = {"content-location": fetched.final_url}
    if fetched.content_type:
        headers["content-type"] = fetched.headers.get("content-type", fetched.content_type)
    return headers


def page_text(fetched: Fetched, kind: InputKind) -> str:
    """The body as text: the HTTP charset when it is given and works, else as for a file."""
    codec = _codec(fetched.charset)
    if codec and not bom_codec(fetched.body) and fetched.body.strip():
        refuse_binary(fetched.body)
        try:
            return fetched.body.decode(codec)
        except UnicodeDecodeError:
            pass
    return decode(fetched.body, html=kind == "html")


def article(fetched: Fetched, kind: InputKind) -> tuple[str, dict]:
    """An HTML or plain-text page's article text and page metadata (its URL: canonical, else final)."""
    text = page_text(fetched, kind)
    body, page = html_article(text) if kind == "html" else (text, {})
    return body, dict(page, url=page.get("url") or fetched.final_url)


def _codec(charset: str | None) -> str | None:
    if not charset:
        return None
    try:
        return codecs.lookup(charset).name
    except LookupError:
        return None
