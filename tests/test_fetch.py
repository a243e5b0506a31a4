"""Safe URL fetching against a loopback HTTP server (and httpx.MockTransport); URL inputs in ingest."""

from __future__ import annotations

import datetime as dt
import gzip
import http.server
import socket
import threading
import time
import tracemalloc
from collections.abc import Callable

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsweave.errors import FetchError, InputError, NewsweaveError
from newsweave.ingest import read_paths
from newsweave.ingest.fetch import (
    CacheEntry,
    Fetched,
    Fetcher,
    FetchPolicy,
    MemoryCache,
    _Guard,
    _PinnedBackend,
    refusal,
)

BODY = (
    "The council voted on Tuesday to approve the new budget after a long debate. "
    "Members said the plan would fund schools and roads. The mayor welcomed the vote.\n\n"
    "Opponents said the budget was too large and promised to challenge it next year."
)
OTHER = (
    "Heavy rain flooded the river valley overnight and forced hundreds of families from their homes. "
    "Rescue teams worked through the night.\n\nOfficials said the water would recede by the weekend."
)


def page(text: str, title: str = "Budget passes", head: str = "") -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    return (
        f"<html><head><title>{title}</title>{head}</head><body><nav>Home | News</nav><article><h1>{title}</h1>"
        f"{paras}</article><footer>Copyright Example</footer></body></html>"
    ).encode()


HTML = {"Content-Type": "text/html; charset=utf-8"}
Route = Callable[[http.server.BaseHTTPRequestHandler], tuple[int, dict[str, str], bytes]] | tuple


class Server:
    """A loopback HTTP server whose answers are set per test: path -> (status, headers, body) or a function."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                owner.requests.append((self.path, dict(self.headers)))
                route = owner.routes.get(self.path, (404, {}, b"not here"))
                answer = route(self) if callable(route) else route
                if answer is None:  # the route wrote its own answer
                    return
                status, headers, body = answer
                self.send_response(status)
                for key, value in headers.items():
                    if value is not None:  # None: leave the header out
                        self.send_header(key, value)
                if "Content-Length" not in headers and status != 304:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.handle_error = lambda *args: (
            None
        )  # a client that hung up (timeout tests) is expected
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.02,), daemon=True)

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)


@pytest.fixture
def server():
    s = Server()
    s.thread.start()
    yield s
    s.httpd.shutdown()
    s.httpd.server_close()


LOOPBACK = FetchPolicy(allow_private=True, connect_timeout=2, read_timeout=2)


@pytest.fixture
def fetcher():
    with Fetcher(LOOPBACK) as f:
        yield f


def _fail(fetcher: Fetcher, url: str) -> str:
    with pytest.raises(FetchError) as info:
        fetcher.fetch(url)
    assert info.value.path == url and isinstance(info.value, InputError)
    return info.value.reason


# --- plain fetching -------------------------------------------------------------------------------


def test_an_article_page_is_fetched_with_our_user_agent(server, fetcher):
    server.routes["/a"] = (200, HTML, page(BODY))
    fetched = fetcher.fetch(server.url("/a"))
    assert (fetched.status, fetched.content_type, fetched.charset, fetched.final_url) == (
        200,
        "text/html",
        "utf-8",
        server.url("/a"),
    )
    assert fetched.body == page(BODY)
    ((_, headers),) = [r for r in server.requests if r[0] == "/a"]
    assert headers["User-Agent"].startswith("newsweave/") and "gzip" in headers["Accept-Encoding"]


def test_a_redirect_chain_is_followed_to_the_final_url(server, fetcher):
    server.routes.update(
        {
            "/r1": (302, {"Location": "/r2"}, b""),
            "/r2": (301, {"Location": server.url("/a")}, b""),
            "/a": (200, HTML, page(BODY)),
        }
    )
    fetched = fetcher.fetch(server.url("/r1"))
    assert (fetched.url, fetched.final_url) == (server.url("/r1"), server.url("/a"))


def test_too_many_redirects(server, fetcher):
    server.routes["/loop"] = (302, {"Location": "/loop"}, b"")
    reason = _fail(fetcher, server.url("/loop"))
    assert reason.startswith("more than 5 redirects") and server.hits("/loop") == 6


@pytest.mark.parametrize(
    "status, expected", [(404, "HTTP 404 Not Found from"), (500, "the server failed")]
)
def test_http_errors(server, fetcher, status, expected):
    server.routes["/e"] = (status, {}, b"oops")
    reason = _fail(fetcher, server.url("/e"))
    assert expected in reason and server.url("/e") in reason


def test_an_image_is_refused_unread(server, fetcher):
    server.routes["/pic"] = (200, {"Content-Type": "image/png"}, b"\x89PNG" + b"x" * 100)
    assert _fail(fetcher, server.url("/pic")).startswith(
        f"not text: {server.url('/pic')} is image/png"
    )


def test_a_slow_server_hits_the_read_timeout(server):
    def slow(handler):
        time.sleep(1.5)
        return 200, HTML, page(BODY)

    server.routes["/slow"] = slow
    start = time.perf_counter()
    with Fetcher(FetchPolicy(allow_private=True, connect_timeout=0.5, read_timeout=0.5)) as f:
        reason = _fail(f, server.url("/slow"))
    assert (
        reason.startswith("timed out waiting for the server after 0.5 s")
        and time.perf_counter() - start < 1.4
    )


def _trickle(
    server: Server, path: str, pieces: list[bytes], pause: float, *, head: bool = True
) -> None:
    """A route that writes `pieces` one at a time, `pause` seconds apart (after its own 200
    text/plain header when `head`)."""

    def answer(handler):
        if head:
            handler.send_response(200)
            handler.send_header("Content-Type", "text/plain")
            handler.end_headers()
        for piece in pieces:
            handler.wfile.write(piece)
            handler.wfile.flush()
            time.sleep(pause)

    server.routes[path] = answer


def _timed_fail(server: Server, path: str, policy: FetchPolicy) -> tuple[str, float]:
    start = time.perf_counter()
    with Fetcher(policy) as f:
        reason = _fail(f, server.url(path))
    return reason, time.perf_counter() - start


def test_a_server_trickling_bytes_hits_the_total_time_limit(server):
    _trickle(server, "/trickle", [b"word "] * 40, 0.05)
    reason, seconds = _timed_fail(
        server, "/trickle", FetchPolicy(allow_private=True, read_timeout=0.5, total_timeout=0.4)
    )
    assert reason.startswith("the server sends too slowly") and seconds < 1.2


def test_a_server_trickling_its_headers_hits_the_deadline(server):
    """One header byte at a time, each well inside the read timeout: the 60 s total used to run
    only while the body streamed (a byte every 5 s held a fetch 150 s)."""
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Padding: " + b"x" * 200 + b"\r\n\r\n"
    _trickle(server, "/headers", [bytes([byte]) for byte in head], 0.1, head=False)
    reason, seconds = _timed_fail(
        server, "/headers", FetchPolicy(allow_private=True, read_timeout=1, total_timeout=2)
    )
    assert reason.startswith(
        "the server sends too slowly (the fetch took longer than its total time limit of 2 s"
    )
    assert seconds < 3


def test_slow_redirect_hops_share_one_deadline(server):
    def hop(n):
        def answer(handler):
            time.sleep(0.8)
            return 302, {"Location": f"/hop{n + 1}"}, b""

        return answer

    for n in range(5):
        server.routes[f"/hop{n}"] = hop(n)
    server.routes["/hop5"] = (200, HTML, page(BODY))
    reason, seconds = _timed_fail(
        server,
        "/hop0",
        FetchPolicy(allow_private=True, read_timeout=1, total_timeout=2, respect_robots=False),
    )
    assert "total time limit of 2 s" in reason and seconds < 3


def test_a_refused_connection_and_a_tls_error(server, fetcher):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{s.getsockname()[1]}/"
    assert _fail(fetcher, closed).startswith("could not connect")
    server.routes["/a"] = (200, HTML, page(BODY))
    assert _fail(fetcher, server.url("/a").replace("http:", "https:")).startswith("TLS error")


@pytest.mark.parametrize(
    "url, expected",
    [
        ("ftp://example.com/a.txt", "only http and https URLs are fetched, not ftp:"),
        ("file:///etc/passwd", "only http and https URLs are fetched, not file:"),
        ("http://example.com:port/", "not a valid URL"),
        ("http:///path", "URL has no host name"),
    ],
)
def test_only_valid_http_and_https_urls(fetcher, url, expected):
    assert _fail(fetcher, url).startswith(expected)


# --- size caps ------------------------------------------------------------------------------------


def test_a_body_over_the_cap_is_refused(server):
    server.routes["/big"] = (200, HTML, b"x" * 2000)
    with Fetcher(FetchPolicy(allow_private=True, max_bytes=1000)) as f:
        assert _fail(f, server.url("/big")).startswith(
            "larger than 1,000 bytes (Content-Length 2,000)"
        )


def test_a_streamed_body_without_length_is_cut_at_the_cap(server):
    # HTTP/1.0 without Content-Length: the body ends when the connection closes
    server.routes["/stream"] = (
        200,
        {"Content-Type": "text/plain", "Content-Length": None},
        b"word " * 1000,
    )
    with Fetcher(FetchPolicy(allow_private=True, max_bytes=1000)) as f:
        assert (
            _fail(f, server.url("/stream"))
            == "larger than 1,000 bytes; save the article itself, or raise the limit"
        )


def test_a_gzip_bomb_is_refused_with_bounded_memory(server):
    bomb = gzip.compress(b"\0" * 50_000_000, compresslevel=9)
    server.routes["/bomb"] = (200, {**HTML, "Content-Encoding": "gzip"}, bomb)
    tracemalloc.start()
    with Fetcher(FetchPolicy(allow_private=True, max_bytes=100_000)) as f:
        reason = _fail(f, server.url("/bomb"))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert reason.startswith("larger than 100,000 bytes once decompressed (Content-Encoding: gzip)")
    assert peak < 5_000_000


def test_gzip_and_deflate_bodies_are_decompressed(server, fetcher):
    import zlib

    server.routes["/gz"] = (200, {**HTML, "Content-Encoding": "gzip"}, gzip.compress(page(BODY)))
    server.routes["/raw"] = (
        200,
        {**HTML, "Content-Encoding": "deflate"},
        zlib.compress(page(BODY))[2:-4],
    )
    assert (
        fetcher.fetch(server.url("/gz")).body
        == page(BODY)
        == fetcher.fetch(server.url("/raw")).body
    )


# --- robots.txt and conditional GET ---------------------------------------------------------------


def test_robots_txt_is_honoured_and_read_once_per_host(server):
    server.routes["/robots.txt"] = (
        200,
        {"Content-Type": "text/plain"},
        b"User-agent: newsweave\nDisallow: /private/\n\nUser-agent: *\nDisallow:\n",
    )
    server.routes["/a"] = server.routes["/private/b"] = (200, HTML, page(BODY))
    with Fetcher(LOOPBACK) as f:
        assert f.fetch(server.url("/a")).status == 200
        reason = _fail(f, server.url("/private/b"))
    assert reason.startswith("robots.txt of 127.0.0.1 disallows it for newsweave/")
    assert server.hits("/robots.txt") == 1 and server.hits("/private/b") == 0
    with Fetcher(FetchPolicy(allow_private=True, respect_robots=False)) as f:
        assert f.fetch(server.url("/private/b")).status == 200


def test_an_unavailable_robots_txt_means_disallow(server, fetcher):
    server.routes["/robots.txt"] = (503, {}, b"down")
    server.routes["/a"] = (200, HTML, page(BODY))
    assert _fail(fetcher, server.url("/a")).startswith(
        "robots.txt of 127.0.0.1 answered HTTP 503; nothing is fetched"
    )
    assert (
        _fail(fetcher, server.url("/a"))
        and server.hits("/robots.txt") == 1
        and server.hits("/a") == 0
    )


def test_conditional_get_with_etag_and_last_modified(server):
    stamp = "Tue, 05 Jan 2021 10:00:00 GMT"

    def versioned(handler):
        if handler.headers.get("If-None-Match") == '"v1"':
            return 304, {}, b""
        return 200, {**HTML, "ETag": '"v1"', "Last-Modified": stamp}, page(BODY)

    server.routes["/v"] = versioned
    cache = MemoryCache()
    with Fetcher(LOOPBACK, cache=cache) as f:
        first = f.fetch(server.url("/v"))
        entry = cache.get(server.url("/v"))
        second = f.fetch(server.url("/v"))
        refreshed = cache.get(server.url("/v"))
        result = read_paths([server.url("/v")], fetcher=f)
    assert (first.status, first.not_modified, second.status, second.not_modified) == (
        200,
        False,
        304,
        True,
    )
    assert (entry.etag, entry.last_modified, len(entry.content_hash)) == ('"v1"', stamp, 64)
    assert isinstance(entry, CacheEntry) and entry.fetched_at.tzinfo is dt.UTC
    assert refreshed.content_hash == entry.content_hash and refreshed.fetched_at >= entry.fetched_at
    sent = [h for p, h in server.requests if p == "/v"][1]
    assert (sent["If-None-Match"], sent["If-Modified-Since"]) == ('"v1"', stamp)
    (skip,) = result.unchanged
    assert not result.sources and not result.skipped
    assert skip.reason.startswith("not modified since it was last fetched (HTTP 304)")


def test_conditional_get_across_ingest_runs_with_the_store_as_cache(server, tmp_path):
    from newsweave.corpus import ingest
    from newsweave.store import open_store

    def versioned(handler):
        if handler.headers.get("If-None-Match") == '"v1"':
            return 304, {}, b""
        return 200, {**HTML, "ETag": '"v1"'}, page(BODY)

    server.routes["/v"] = versioned
    runs = []
    for _ in range(2):  # two separate runs: a new Fetcher and a reopened store each time
        with (
            open_store(tmp_path / "n.db") as store,
            Fetcher(LOOPBACK, cache=store.fetch_cache()) as f,
        ):
            runs.append(ingest([server.url("/v")], store, fetcher=f))
    assert [e.status for e in runs[0].entries] == ["ingested"]
    (again,) = runs[1].entries
    assert again.status == "duplicate" and "HTTP 304" in again.reason
    assert [h.get("If-None-Match") for p, h in server.requests if p == "/v"] == [None, '"v1"']


def test_credentials_in_a_url_reach_its_own_host_only_and_are_never_stored(
    server, tmp_path, capsys
):
    """http://user:pass@host/ was stored in articles.url, articles.path and the fetch cache,
    and printed; a redirect to another host must not carry it either."""
    import sqlite3

    from newsweave.cli import main

    server.routes["/start"] = (302, {"Location": server.url("/next", host="localhost")}, b"")
    server.routes["/next"] = (200, {**HTML, "ETag": '"v1"'}, page(BODY))
    server.routes["/gone"] = (404, {}, b"no")
    url = server.url("/start").replace("://", "://reader:s3cret@")
    db = tmp_path / "n.db"
    code = main(
        [
            "ingest",
            url,
            url.replace("/start", "/gone"),
            "--db",
            str(db),
            "--allow-private",
            "--format",
            "json",
        ]
    )
    out = capsys.readouterr()
    assert code == 3 and '"ingested": 1' in out.out
    auth = {path: headers.get("Authorization") for path, headers in server.requests}
    assert auth["/start"] and auth["/start"].startswith("Basic ") and auth["/next"] is None
    with sqlite3.connect(db) as con:
        dump = "\n".join(con.iterdump())
    assert "s3cret" not in dump and "reader" not in dump and "127.0.0.1" in dump
    assert "s3cret" not in out.out + out.err and "HTTP 404" in out.out


def test_without_credentials():
    from newsweave.ingest.fetch import without_credentials

    assert (
        without_credentials("http://u:p@example.com:8080/a?b#c") == "http://example.com:8080/a?b#c"
    )
    assert without_credentials("https://u@[::1]/x") == "https://[::1]/x"
    assert without_credentials("http://example.com/@x") == "http://example.com/@x"


# --- addresses ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "address, expected",
    [
        ("127.0.0.1", "a loopback address"),
        ("::1", "a loopback address"),
        ("10.0.0.1", "a private address"),
        ("192.168.1.1", "a private address"),
        ("172.16.0.1", "a private address"),
        ("fc00::1", "a private address"),
        ("169.254.169.254", "a link-local address"),
        ("fe80::1", "a link-local address"),
        ("224.0.0.1", "a multicast address"),
        ("ff02::1", "a multicast address"),
        ("0.0.0.0", "an unspecified address"),
        ("::", "an unspecified address"),
        ("240.0.0.1", "a reserved address"),
        ("64:ff9b::7f00:1", "a reserved address"),
        ("100.64.0.1", "a non-public address"),
        ("::ffff:127.0.0.1", "a loopback address inside an IPv6 address"),
        ("::ffff:10.1.2.3", "a private address inside an IPv6 address"),
        ("2002:7f00:1::1", "a loopback address inside an IPv6 address"),
        ("93.184.216.34", None),
        ("2606:4700::1111", None),
        ("::ffff:93.184.216.34", None),
    ],
)
def test_the_address_checker(address, expected):
    assert refusal(address) == expected


def test_loopback_is_refused_by_default_with_a_clear_reason(server):
    server.routes["/a"] = (200, HTML, page(BODY))
    with Fetcher() as f:
        reason = _fail(f, server.url("/a"))
    assert reason.startswith(
        "127.0.0.1 is a loopback address; refused so that inputs cannot reach private"
    )
    assert "allow_private=True (--allow-private)" in reason and server.requests == []
    result = read_paths([server.url("/a")])
    assert not result.sources and result.skipped[0].reason == reason


def _resolver(table: dict[str, list[str]], calls: list[str] | None = None):
    def resolve(host: str, port: int) -> list[str]:
        if calls is not None:
            calls.append(host)
        if host not in table:
            raise socket.gaierror(-2, "Name or service not known")
        return table[host]

    return resolve


def test_every_resolved_address_is_checked():
    resolver = _resolver({"mixed.test": ["93.184.216.34", "10.0.0.7"], "nowhere.test": []})
    with Fetcher(
        resolver=resolver, transport=httpx.MockTransport(lambda r: httpx.Response(200))
    ) as f:
        assert _fail(f, "http://mixed.test/a").startswith(
            "mixed.test resolves to 10.0.0.7, a private address"
        )
        assert (
            _fail(f, "http://nowhere.test/a") == "host nowhere.test has no address; check the URL"
        )
        assert "could not be resolved" in _fail(f, "http://unknown.test/a")


@pytest.mark.parametrize(
    "target, expected",
    [
        ("http://127.0.0.1/admin", "127.0.0.1 is a loopback address"),
        ("http://10.0.0.1/meta", "10.0.0.1 is a private address"),
        (
            "http://[::ffff:169.254.169.254]/",
            "::ffff:169.254.169.254 is a link-local address inside",
        ),
        ("http://intranet.test/", "intranet.test resolves to 192.168.0.2,"),
    ],
)
def test_a_redirect_to_a_private_address_is_refused(target, expected):
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(302, headers={"Location": target})

    resolver = _resolver({"news.test": ["93.184.216.34"], "intranet.test": ["192.168.0.2"]})
    with Fetcher(resolver=resolver, transport=httpx.MockTransport(handler)) as f:
        reason = _fail(f, "http://news.test/story")
    assert reason.startswith(f"after a redirect to {target}: {expected}")
    assert seen == [
        "http://news.test/robots.txt",
        "http://news.test/story",
    ]  # nothing sent to the target


def test_connections_go_to_the_checked_address_and_keep_the_host_name(server):
    """DNS rebinding: the first answer is checked and connected to; later answers are never used."""
    calls: list[str] = []
    answers = iter([["127.0.0.1"], ["10.66.66.66"], ["10.66.66.66"]])
    server.routes["/a"] = server.routes["/b"] = (200, HTML, page(BODY))
    with Fetcher(LOOPBACK, resolver=lambda host, port: calls.append(host) or next(answers)) as f:
        assert f.fetch(server.url("/a", host="rebind.test")).status == 200
        assert f.fetch(server.url("/b", host="rebind.test")).status == 200
    assert calls == ["rebind.test"]
    assert {h["Host"] for _, h in server.requests} == {f"rebind.test:{server.port}"}


def test_an_international_name_is_resolved_once_in_its_idna_form(server):
    calls: list[str] = []
    server.routes["/a"] = (200, HTML, page(BODY))
    with Fetcher(LOOPBACK, resolver=lambda host, port: calls.append(host) or ["127.0.0.1"]) as f:
        assert f.fetch(server.url("/a", host="bücher.test")).status == 200
    assert calls == ["xn--bcher-kva.test"]


def test_the_network_backend_refuses_an_unchecked_private_answer():
    backend = _PinnedBackend(_Guard(_resolver({"evil.test": ["10.0.0.9"]}), allow_private=False))
    with pytest.raises(FetchError, match=r"evil\.test resolves to 10\.0\.0\.9, a private address"):
        backend.connect_tcp("evil.test", 80, timeout=0.5)


# --- URL inputs in ingest -------------------------------------------------------------------------


def _feed(server: Server, items: list[tuple[str, str]]) -> bytes:
    entries = "".join(
        f"<item><guid isPermaLink='false'>{guid}</guid><title>Story {guid}</title>"
        f"<link>{server.url(path)}</link><description>Read the full story.</description>"
        "<pubDate>Tue, 05 Jan 2021 10:00:00 GMT</pubDate></item>"
        for guid, path in items
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>The Gazette</title>{entries}'
        "</channel></rss>"
    ).encode()


def test_a_feed_url_whose_teasers_link_to_article_pages(server, fetcher):
    server.routes.update(
        {
            "/feed": (
                200,
                {"Content-Type": "application/rss+xml"},
                _feed(server, [("g1", "/story/1"), ("g2", "/story/2"), ("g3", "/gone")]).replace(
                    server.url("/story/2").encode(), b"/story/2"
                ),
            ),  # a relative link
            "/story/1": (200, HTML, page(BODY)),
            "/story/2": (301, {"Location": "/story/2b"}, b""),
            "/story/2b": (200, HTML, page(OTHER, title="Floods")),
        }
    )
    result = read_paths([server.url("/feed")], fetcher=fetcher)
    a, b = result.sources
    assert (a.path, a.input_id, a.url, a.title, a.outlet, a.published) == (
        server.url("/feed"),
        "g1",
        server.url("/story/1"),
        "Story g1",
        "The Gazette",
        dt.date(2021, 1, 5),
    )
    assert (b.input_id, b.url) == ("g2", server.url("/story/2b")) and "river valley" in b.raw
    (skip,) = result.skipped
    assert skip.path == f"{server.url('/feed')}#entry 3"
    assert skip.reason.startswith(
        "the feed carries only a summary; fetching its link failed: HTTP 404"
    )


def test_a_feed_file_follows_teaser_links_only_when_asked(server, fetcher, tmp_path, capsys):
    """A local feed file fetched its entries' links whenever a Fetcher was at hand (the CLI's
    ingest always has one, for its cache), though the README says the network is used only
    for URLs given; now only with follow_links (--follow-links)."""
    from newsweave.cli import main

    server.routes["/story/1"] = (200, HTML, page(BODY))
    f = tmp_path / "saved.rss"
    f.write_bytes(_feed(server, [("g1", "/story/1")]))
    offline = read_paths([f], fetcher=fetcher)
    assert (
        not offline.sources
        and "give " + server.url("/story/1") + " as an input" in offline.skipped[0].reason
    )
    assert "--follow-links" in offline.skipped[0].reason
    assert main(["ingest", str(f), "--db", str(tmp_path / "a.db"), "--allow-private", "-q"]) == 3
    assert server.requests == []
    (s,) = read_paths([f], fetcher=fetcher, follow_links=True).sources
    assert (s.path, s.input_id, s.url) == (str(f), "g1", server.url("/story/1"))
    assert (
        main(
            [
                "ingest",
                str(f),
                "--db",
                str(tmp_path / "b.db"),
                "--allow-private",
                "--follow-links",
                "-q",
            ]
        )
        == 0
    )
    assert server.hits("/story/1") == 2


def test_url_pages_go_through_the_same_dispatch_as_files(server, fetcher, tmp_path):
    canonical = '<link rel="canonical" href="https://gazette.test/budget">'
    server.routes.update(
        {
            "/html": (200, HTML, page(BODY, head=canonical)),
            "/plain": (
                200,
                {"Content-Type": "text/plain; charset=iso-8859-1"},
                OTHER.replace("night", "nuit é").encode("latin-1"),
            ),
            "/records": (
                200,
                {"Content-Type": "application/x-ndjson"},
                b'{"id": "j1", "outlet": "Wire", "text": "'
                + BODY.replace("\n\n", " ").encode()
                + b' Again."}\n{bad\n',
            ),
            "/x.rss": (200, {"Content-Type": "application/octet-stream"}, _feed(server, [])),
        }
    )
    local = tmp_path / "a.txt"
    local.write_text(OTHER + " Local.")
    urls = [server.url(p) for p in ("/html", "/plain", "/records", "/x.rss")]
    result = read_paths([urls[0], local, *urls[1:], urls[0]], fetcher=fetcher)
    html, text, plain, record = result.sources
    assert (html.path, html.url, html.title) == (
        urls[0],
        "https://gazette.test/budget",
        "Budget passes",
    )
    assert "Home | News" not in html.raw and text.path == str(local)
    assert (plain.url, "nuit é" in plain.raw) == (urls[1], True)
    assert (record.input_id, record.outlet, record.path) == ("j1", "Wire", urls[2])
    assert [(s.path, s.reason.split(" (")[0].split(";")[0]) for s in result.skipped] == [
        (f"{urls[2]}:2", "not valid JSON"),
        (
            urls[3],
            "expected an RSS 2.0, RSS 1.0 or Atom feed with entries, found a feed with no entries",
        ),
    ]


def test_fetch_errors_are_in_the_one_hierarchy():
    assert issubclass(FetchError, NewsweaveError) and FetchError("u", "r").reason == "r"
    assert Fetched("u", "u", 200).not_modified is False


# --- never raise ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shared_server():
    s = Server()
    s.thread.start()
    s.fetcher = Fetcher(FetchPolicy(allow_private=True, respect_robots=False))
    yield s
    s.fetcher.close()
    s.httpd.shutdown()
    s.httpd.server_close()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.binary(max_size=300),
        st.sampled_from(
            [
                b"<rss><channel><item>",
                b'<?xml version="1.0"?><feed>',
                b"<rdf:RDF",
                b"<!DOCTYPE rss [<!ENTITY",
            ]
        ).flatmap(lambda head: st.binary(max_size=200).map(lambda tail: head + tail)),
    )
)
def test_random_bytes_served_as_a_feed_never_raise(shared_server, data):
    shared_server.routes["/f"] = (200, {"Content-Type": "application/rss+xml"}, data)
    result = read_paths([shared_server.url("/f")], fetcher=shared_server.fetcher)
    assert len(result.sources) + len(result.skipped) >= 1


def test_a_resolver_that_hangs_is_cut_off_by_the_fetch_deadline():
    """The system resolver has no timeout: a lookup that hangs ends the fetch at its total time."""
    release = threading.Event()

    def stuck(host, port):
        release.wait(30)
        return ["93.184.216.34"]

    policy = FetchPolicy(total_timeout=0.5, respect_robots=False)
    transport = httpx.MockTransport(lambda r: httpx.Response(200))
    try:
        with Fetcher(policy, resolver=stuck, transport=transport) as f:
            start = time.perf_counter()
            reason = _fail(f, "https://slow-dns.test/a")
        assert reason.startswith("host slow-dns.test did not resolve within the fetch's total")
        assert time.perf_counter() - start < 2
    finally:
        release.set()
