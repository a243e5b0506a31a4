"""Safe URL fetching: the only place newsweave touches the network.

`Fetcher.fetch(url)` returns a `Fetched` body or raises `FetchError` (the URL and a reason a
person can act on). The rules, all in `FetchPolicy`:

- only http and https; at most `max_redirects` redirects, each hop checked like the first;
- the host is resolved once per Fetcher and *every* address checked: private, loopback,
  link-local, multicast, reserved, unspecified and otherwise non-global addresses (IPv4-mapped,
  6to4 and Teredo IPv6 included) are refused unless `allow_private`;
- DNS rebinding: the connection goes to the address that was checked. The default transport's
  network backend connects to the checked IP itself (the Host header, SNI and certificate check
  keep the name), so a second, different DNS answer is never used. A custom `transport` (tests:
  `httpx.MockTransport`) gets the same checks before each request, but what it connects to is
  its own business. A host's checked addresses are kept for the Fetcher's life (DNS TTLs are
  not followed: use one Fetcher per run), and proxy settings from the environment are ignored;
- timeouts to connect and between bytes, and one deadline per URL over the connect, the headers,
  every redirect hop and the body (a server trickling its headers or its body is cut off);
- the body is streamed and cut at `max_bytes`, also after gzip/deflate decompression (a bomb
  is refused without inflating it);
- robots.txt is read once per host (cached in the Fetcher) and honoured for our user agent;
- conditional GET: with a `cache`, `If-None-Match` / `If-Modified-Since` are sent and a 304 is
  returned as `Fetched(not_modified=True)`.

The transport is the injection point for tests, as in httpx; `resolver` replaces DNS.
A Fetcher is not thread-safe; use one per thread.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
import time
import urllib.robotparser
import zlib
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, field, replace
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from .._version import __version__
from ..errors import FetchError
from ..fetchcache import CacheEntry, FetchCache, MemoryCache  # noqa: F401 (re-exported)
from .decode import MAX_BYTES
from .guard import (  # noqa: F401 (tests and callers import these from here)
    ALLOW_HINT,
    TOTAL_TIME,
    Resolver,
    _Guard,
    _pinned_transport,
    _PinnedBackend,
    refusal,
    system_resolver,
)

USER_AGENT = f"newsweave/{__version__} (+https://github.com/newsweave)"
ROBOTS_MAX_BYTES = 500_000
REDIRECTS = {301, 302, 303, 307, 308}
# Media types worth reading; anything else (images, PDF, video, archives) is refused unread.
TEXT_TYPES = {
    "application/xhtml+xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "application/json",
    "application/x-ndjson",
    "application/jsonl",
    "application/ld+json",
    "application/feed+json",
    "application/octet-stream",
    "",
}
ACCEPT = (
    "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
    "application/xml;q=0.9, text/plain;q=0.8, application/json;q=0.8, */*;q=0.1"
)


@dataclass(frozen=True, kw_only=True)
class FetchPolicy:
    """What a Fetcher may do. Timeouts are in seconds."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # the longest wait for the next bytes
    total_timeout: float = (
        60.0  # the longest a whole fetch may take: connect, headers, every redirect, body
    )
    max_bytes: int = MAX_BYTES
    user_agent: str = USER_AGENT
    allow_private: bool = (
        False  # allow private, loopback and link-local addresses (tests, intranets)
    )
    respect_robots: bool = True
    max_redirects: int = 5


@dataclass
class Fetched:
    """A fetched body. `url` as asked, `final_url` after redirects; `body` is decompressed."""

    url: str
    final_url: str
    status: int
    content_type: str = ""  # the media type, lower case, without parameters
    charset: str | None = None
    body: bytes = b""
    not_modified: bool = False  # a 304 answer to a conditional GET: `body` is empty
    headers: dict[str, str] = field(default_factory=dict)


def without_credentials(url: str) -> str:
    """The URL without its user name and password (http://user:pass@host/ -> http://host/):
    what is stored, cached and printed of a URL."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


def _scrubbed(text: str) -> str:
    """A message with the credentials of every URL in it left out."""
    return _USERINFO.sub(r"\1", text)


_USERINFO = re.compile(r"(https?://)[^/@\s]*@", re.IGNORECASE)


def _origin(url: str) -> tuple[str, str | None, int | None]:
    try:
        parts = urlsplit(url)
        return parts.scheme.lower(), parts.hostname, parts.port
    except ValueError:
        return "", None, None


def is_url(value: object) -> bool:
    """Is this input an http(s) URL rather than a path?"""
    return isinstance(value, str) and value[:8].lower().startswith(("http://", "https://"))


class Fetcher:
    """Fetches URLs under a FetchPolicy. `cache` enables conditional GET; `transport` (an
    httpx transport) and `resolver` ((host, port) -> addresses) are for tests."""

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        *,
        cache: FetchCache | None = None,
        transport: httpx.BaseTransport | None = None,
        resolver: Resolver | None = None,
    ):
        self.policy = policy or FetchPolicy()
        self.cache = cache
        self._guard = _Guard(
            resolver or system_resolver, self.policy.allow_private, lambda: self._deadline
        )
        self._robots: dict[str, urllib.robotparser.RobotFileParser | FetchError] = {}
        self._deadline = math.inf  # of the fetch under way
        timeout = httpx.Timeout(self.policy.read_timeout, connect=self.policy.connect_timeout)
        transport = transport or _pinned_transport(self._guard, lambda: self._deadline)
        self._client = httpx.Client(
            transport=transport,
            timeout=timeout,
            headers={
                "User-Agent": self.policy.user_agent,
                "Accept": ACCEPT,
                "Accept-Encoding": "gzip, deflate",
            },
            follow_redirects=False,
            trust_env=False,
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(self, url: str) -> Fetched:
        """The body at `url`; FetchError (naming the URL, with the reason) if it can't be had.
        A user name and password in the URL are sent to its own host only, and left out of
        what is returned, cached and said in errors."""
        shown = without_credentials(url)
        try:
            return self._fetch(url, shown)
        except FetchError as exc:
            if shown == url:
                raise
            raise FetchError(shown, _scrubbed(exc.reason)) from None

    def _fetch(self, url: str, shown: str) -> Fetched:
        known = self.cache.get(shown) if self.cache is not None else None
        self._deadline = time.monotonic() + self.policy.total_timeout
        response, final = self._follow(url, _validators(known), self.policy.respect_robots)
        final = without_credentials(final)
        with closing(response):
            if response.status_code == 304 and known is not None:
                self.cache.put(shown, replace(known, fetched_at=_now()))  # type: ignore[union-attr]
                return Fetched(shown, final, 304, not_modified=True, headers=dict(response.headers))
            fetched = self._accept(shown, final, response, self.policy.max_bytes)
        if self.cache is not None:
            self.cache.put(shown, _cache_entry(fetched))
        return fetched

    def _follow(
        self, url: str, headers: dict[str, str], robots: bool
    ) -> tuple[httpx.Response, str]:
        """The first response that is not a redirect, and its URL."""
        current = url
        for hop in range(self.policy.max_redirects + 1):
            try:
                self._admit(current, robots)
                response = self._send(current, headers)
            except FetchError as exc:
                reason = exc.reason if hop == 0 else f"after a redirect to {current}: {exc.reason}"
                raise FetchError(url, reason) from exc
            location = response.headers.get("location")
            if response.status_code not in REDIRECTS or not location:
                return response, current
            response.close()
            current = _next_hop(current, location)
        raise FetchError(
            url,
            f"more than {self.policy.max_redirects} redirects (last to {current}); "
            "check the URL in a browser",
        )

    def _admit(self, url: str, robots: bool) -> None:
        """Refuse a URL by scheme, address or robots.txt before anything is sent to it."""
        parts = _parse_url(url)
        if parts.scheme not in ("http", "https"):
            raise FetchError(
                url,
                f"only http and https URLs are fetched, not {parts.scheme or 'a bare path'}:; "
                "give an http(s) URL or a file",
            )
        if not parts.host:
            raise FetchError(url, "URL has no host name; check it")
        self._guard.addresses(
            parts.raw_host.decode("ascii"), _port(parts)
        )  # the name the connection uses
        if robots and not self._robots_for(parts).can_fetch(self.policy.user_agent, url):
            agent = self.policy.user_agent.split()[0]
            raise FetchError(
                url,
                f"robots.txt of {parts.host} disallows it for {agent}; save the page "
                "yourself if you may use it, or set respect_robots=False",
            )

    def _send(self, url: str, headers: dict[str, str]) -> httpx.Response:
        if time.monotonic() > self._deadline:  # a slow redirect chain
            raise FetchError(url, _too_slow(self.policy))
        try:
            return self._client.send(
                self._client.build_request("GET", url, headers=headers), stream=True
            )
        except httpx.HTTPError as exc:
            late = isinstance(exc, httpx.TimeoutException) and time.monotonic() >= self._deadline
            raise FetchError(
                url, _too_slow(self.policy) if late else _transport_reason(exc, self.policy)
            ) from exc
        except httpx.InvalidURL as exc:
            raise FetchError(url, f"not a valid URL ({exc}); check it") from exc

    def _accept(self, url: str, final: str, response: httpx.Response, cap: int) -> Fetched:
        """The body of a final response, if its status and type are fit to read."""
        _check_status(final, response)
        media, charset = _media_type(response.headers.get("content-type", ""))
        if not (media.startswith("text/") or media in TEXT_TYPES):
            raise FetchError(
                url,
                f"not text: {final} is {media}; newsweave reads HTML pages, feeds, "
                "JSON Lines and plain text",
            )
        body = read_body(response, cap, self._deadline)
        return Fetched(
            url, final, response.status_code, media, charset, body, headers=dict(response.headers)
        )

    def _robots_for(self, parts: httpx.URL) -> urllib.robotparser.RobotFileParser:
        """The host's robots.txt rules, read once; FetchError when the host gives none usable."""
        origin = str(parts.copy_with(path="/robots.txt", query=None, fragment=None, userinfo=b""))
        if origin not in self._robots:
            try:
                self._robots[origin] = self._read_robots(origin, parts.host)
            except FetchError as exc:
                self._robots[origin] = exc
        found = self._robots[origin]
        if isinstance(found, FetchError):
            raise found
        return found

    def _read_robots(self, url: str, host: str) -> urllib.robotparser.RobotFileParser:
        """RFC 9309: a 4xx robots.txt allows everything; a 5xx one nothing."""
        response, _ = self._follow(url, {}, robots=False)
        with closing(response):
            code = response.status_code
            if code >= 500:
                raise FetchError(
                    url,
                    f"robots.txt of {host} answered HTTP {code}; nothing is fetched from a host "
                    "whose robots.txt is unavailable (RFC 9309); try again later",
                )
            text = (
                ""
                if code >= 400
                else read_body(response, ROBOTS_MAX_BYTES, self._deadline).decode(
                    "utf-8", "replace"
                )
            )
        rules = urllib.robotparser.RobotFileParser(url)
        rules.parse(text.splitlines())
        return rules


def _next_hop(current: str, location: str) -> str:
    """Where a redirect leads; a user name and password go no further than their own origin
    (nor do ones the Location itself carries to another)."""
    target = urljoin(current, location)
    return target if _origin(target) == _origin(current) else without_credentials(target)


def _parse_url(url: str) -> httpx.URL:
    """The URL as httpx (and so the connection) sees it: scheme and host lower case, IDNA applied."""
    try:
        return httpx.URL(url)
    except (httpx.InvalidURL, ValueError, TypeError) as exc:
        raise FetchError(url, f"not a valid URL ({exc}); check it") from exc


def _port(parts: httpx.URL) -> int:
    return parts.port or (443 if parts.scheme == "https" else 80)


def read_body(response: httpx.Response, cap: int, deadline: float = math.inf) -> bytes:
    """The response body, decompressed, refused as soon as it passes `cap` bytes or the
    `deadline` (a `time.monotonic()` value) passes: a server trickling bytes is cut off too."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise FetchError(
            str(response.url),
            f"larger than {cap:,} bytes (Content-Length {int(declared):,}); "
            "save the article itself, or raise the limit",
        )
    inflate = _inflater(response.headers.get("content-encoding", ""), str(response.url))
    body = bytearray()
    try:
        for chunk in _chunks(response, deadline):
            body += inflate(chunk, cap + 1 - len(body))
            if len(body) > cap:
                raise FetchError(
                    str(response.url),
                    f"larger than {cap:,} bytes{_decoded(response)}; "
                    "save the article itself, or raise the limit",
                )
            if time.monotonic() > deadline:
                raise FetchError(str(response.url), _too_slow(None))
    except zlib.error as exc:
        raise FetchError(
            str(response.url), f"compressed body is corrupt ({exc}); try again later"
        ) from exc
    return bytes(body)


def _chunks(response: httpx.Response, deadline: float) -> Iterator[bytes]:
    try:
        yield from response.iter_raw()
    except httpx.HTTPError as exc:
        late = isinstance(exc, httpx.TimeoutException) and time.monotonic() >= deadline
        raise FetchError(
            str(response.url), _too_slow(None) if late else _transport_reason(exc, None)
        ) from exc


def _too_slow(policy: FetchPolicy | None) -> str:
    limit = f" of {policy.total_timeout:g} s" if policy is not None else ""
    return f"the server sends too slowly ({TOTAL_TIME}{limit}); try again later"


def _inflater(encoding: str, url: str) -> Callable[[bytes, int], bytes]:
    """A function (chunk, limit) -> at most `limit` decompressed bytes, for a Content-Encoding."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return lambda chunk, limit: chunk
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(
            url,
            f"unsupported Content-Encoding {encoding!r}; the server ignored our "
            "Accept-Encoding: gzip, deflate",
        )
    return _Inflater(encoding)


class _Inflater:
    """gzip or deflate, chunk by chunk; output is never inflated past the limit asked for."""

    def __init__(self, encoding: str):
        self.may_be_raw = (
            encoding == "deflate"
        )  # some servers send raw deflate without the zlib header
        self.inflate = zlib.decompressobj(zlib.MAX_WBITS | (16 if "gzip" in encoding else 0))

    def __call__(self, chunk: bytes, limit: int) -> bytes:
        try:
            out = self.inflate.decompress(chunk, limit)
        except zlib.error:
            if not self.may_be_raw:
                raise
            self.inflate = zlib.decompressobj(-zlib.MAX_WBITS)
            out = self.inflate.decompress(chunk, limit)
        self.may_be_raw = False
        return out


def _decoded(response: httpx.Response) -> str:
    encoding = response.headers.get("content-encoding", "")
    return f" once decompressed (Content-Encoding: {encoding})" if encoding else ""


def _check_status(url: str, response: httpx.Response) -> None:
    code = response.status_code
    if code >= 500:
        raise FetchError(
            url,
            f"HTTP {code} {response.reason_phrase} from {url}: the server failed; try again later",
        )
    if code >= 400:
        raise FetchError(url, f"HTTP {code} {response.reason_phrase} from {url}; check the URL")
    if code != 200:
        raise FetchError(
            url, f"HTTP {code} {response.reason_phrase} from {url}, expected 200 with the page"
        )


def _media_type(header: str) -> tuple[str, str | None]:
    """("text/html", "utf-8") from "text/html; charset=UTF-8"."""
    media, *params = header.split(";")
    values = (p.split("=", 1)[1] for p in params if p.strip().lower().startswith("charset="))
    charset = next((v.strip().strip("\"'") for v in values), None)
    return media.strip().lower(), charset or None


def _transport_reason(exc: Exception, policy: FetchPolicy | None) -> str:
    """A person's reason for an httpx transport error."""
    if isinstance(exc, httpx.ConnectTimeout):
        return f"connection timed out{_after(policy, 'connect')}; the server may be down, try again later"
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out waiting for the server{_after(policy, 'read')}; try again later"
    text = str(exc) or type(exc).__name__
    if isinstance(exc, httpx.ConnectError) and ("SSL" in text or "certificate" in text.lower()):
        return f"TLS error ({text}); the site's certificate could not be verified"
    if isinstance(exc, httpx.ConnectError):
        return f"could not connect ({text}); check the URL, or try again later"
    return f"HTTP failure ({type(exc).__name__}: {text}); try again later"


def _after(policy: FetchPolicy | None, which: str) -> str:
    if policy is None:
        return ""
    return f" after {policy.connect_timeout if which == 'connect' else policy.read_timeout:g} s"


def _validators(entry: CacheEntry | None) -> dict[str, str]:
    if entry is None:
        return {}
    headers = {"If-None-Match": entry.etag, "If-Modified-Since": entry.last_modified}
    return {key: value for key, value in headers.items() if value}


def _cache_entry(fetched: Fetched) -> CacheEntry:
    return CacheEntry(
        fetched.headers.get("etag"),
        fetched.headers.get("last-modified"),
        _now(),
        hashlib.sha256(fetched.body).hexdigest(),
    )


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
