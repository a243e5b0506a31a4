"""newsweave serve: pages and their JSON twins, the API, errors, limits and escaping, in process.

The app runs under Starlette's TestClient (no socket, no network). Real-browser checks come later.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import threading
import time
from html.parser import HTMLParser
from importlib import resources

import pytest

pytest.importorskip("fastapi")

import warnings

import jsonschema

with (
    warnings.catch_warnings()
):  # newer Starlette warns that its TestClient wants httpx2; httpx works
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

import newsweave
from corpus_fixtures import BRIDGE, COPY, FLOOD, write_articles
from newsweave.serve import create_app, views

HTML = {"accept": "text/html,application/xhtml+xml"}
PAYLOADS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>']


@pytest.fixture(scope="module")
def pipeline():
    return newsweave.Pipeline()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("serve"))


def make_store(folder):
    """A store of two stories in `folder`: bridge repairs (Gazette, Herald, a WIBX copy with
    boilerplate; one quote worded two ways, $4m vs $4.5m) and floods. Returns its path."""
    outlet, published, title, text = BRIDGE[1]
    herald = (
        outlet,
        published,
        title,
        text.replace(
            '"There is no alternative," Ruiz told reporters',
            '"We simply have no choice," Ruiz told reporters',
        ),
    )
    paths = write_articles(folder / "in", [BRIDGE[0], herald, COPY] + FLOOD)
    with newsweave.open_store(folder / "news.db") as store:
        newsweave.ingest(paths, store)
    return folder / "news.db"


@pytest.fixture(scope="module")
def client(db, pipeline):
    return TestClient(create_app(db, pipeline=pipeline))


@pytest.fixture(scope="module")
def listed(client):
    return client.get("/index.json").json()["stories"]


def story_id(listed, word: str) -> str:
    return next(s["id"] for s in listed if word.lower() in s["title"].lower())


def assert_error(response, status: int, kind: str | None = None) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert (
        set(error) >= {"status", "message", "kind"}
        and error["status"] == status
        and error["message"]
    )
    if kind:
        assert error["kind"] == kind
    return error


class Tags(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self, text: str):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def attr(self, tag: str, name: str) -> list[str]:
        return [a[name] for t, a in self.tags if t == tag and a.get(name) is not None]

    def ids(self) -> set[str]:
        return {a["id"] for _, a in self.tags if a.get("id")}


# --- the story list, search and filters ---------------------------------------------------------
def test_list_page_and_its_twin_agree(client, listed):
    page = client.get("/", headers=HTML)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    links = [h for h in Tags(page.text).attr("a", "href") if h.startswith("/stories/")]
    assert links == [f"/stories/{s['id']}" for s in listed]
    assert len(listed) == 2 and listed[0]["title"].startswith("Marsh Valley")  # newest first
    bridge = listed[1]
    assert (len(bridge["articles"]), bridge["outlets"], bridge["independent"]) == (3, 3, 2)
    assert ">3</td>" in page.text and ">2</td>" in page.text
    assert client.get("/", headers={"accept": "application/json"}).json()["stories"] == listed
    assert client.get("/api/stories").json() == [plain(s) for s in listed]


def plain(listed_story: dict) -> dict:
    """A story of the list page without what only the page adds (its lede and key figure)."""
    return {k: v for k, v in listed_story.items() if k not in ("lede", "figure")}


def test_search_finds_articles_and_filters_the_list(client, listed):
    hits = client.get("/search.json", params={"q": "ferry"}).json()["hits"]
    bridge = story_id(listed, "bridge")
    assert hits and all(h["story"] == bridge for h in hits)
    page = client.get("/search", params={"q": "ferry"})
    assert "<mark>ferry</mark>" in page.text and f"/stories/{bridge}" in page.text
    assert [
        s["id"] for s in client.get("/index.json", params={"q": "ferry"}).json()["stories"]
    ] == [bridge]
    api = client.get("/api/search", params={"q": "flooded"}).json()
    assert api and {"article", "title", "snippet", "rank", "story"} <= set(api[0])
    assert client.get("/index.json", params={"q": "zeppelin"}).json()["stories"] == []


@pytest.mark.parametrize(
    "params, words",
    [
        ({"outlet": "wibx"}, ["bridge"]),
        ({"outlet": "Herald"}, ["Marsh", "bridge"]),
        ({"since": "2023-03-08"}, ["Marsh"]),
        ({"until": "2023-03-07"}, ["bridge"]),
        ({"since": "2023-03-07", "until": "2023-03-07"}, ["bridge"]),
    ],
)
def test_filters_by_outlet_and_date(client, params, words):
    shown = client.get("/index.json", params=params).json()["stories"]
    assert [next(w for w in words if w.lower() in s["title"].lower()) for s in shown] == words
    assert [s["id"] for s in client.get("/api/stories", params=params).json()] == [
        s["id"] for s in shown
    ]


def test_the_list_form_as_a_browser_sends_it(client, listed):
    """The filter form sends every field, the empty date fields too ("since=&until=")."""
    form = {"q": "ferry", "outlet": "", "since": "", "until": "", "mode": "batch"}
    assert client.get("/", params=form, headers=HTML).status_code == 200
    assert [s["id"] for s in client.get("/index.json", params=form).json()["stories"]] == [
        story_id(listed, "bridge")
    ]
    assert client.get("/api/stories", params={**form, "q": ""}).json() == [plain(s) for s in listed]


def test_a_bad_filter_is_a_validation_error(client):
    error = assert_error(
        client.get("/index.json", params={"since": "last tuesday"}), 422, "ValidationError"
    )
    assert "since" in error["message"] and error["details"]
    assert_error(client.get("/api/stories", params={"mode": "psychic"}), 422, "ValidationError")


# --- the story page -----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def bridge_page(client, listed):
    return client.get(f"/stories/{story_id(listed, 'bridge')}", headers=HTML)


def test_story_page_citations_point_at_marked_spans(bridge_page):
    assert bridge_page.status_code == 200
    tags = Tags(bridge_page.text)
    cites = [h[1:] for h in tags.attr("a", "href") if h.startswith("#s")]
    assert cites and set(cites) <= tags.ids()
    marked = {a["id"] for t, a in tags.tags if t == "mark" and a.get("id")}
    assert set(cites) & marked
    assert "<section id=summary>" in bridge_page.text
    assert {
        h[1:] for h in tags.attr("a", "href") if h.startswith("#") and not h.startswith("#s")
    } <= tags.ids()


def test_story_page_shows_facts_conflicts_quotes_timeline_and_sources(bridge_page):
    text = bridge_page.text
    assert "<section id=facts>" in text and "<h3>Corroborated (" in text
    assert "<section id=conflicts>" in text and "4.5 million" in text
    assert "<section id=who-said-what>" in text and "Ruiz" in text
    assert (
        "Herald: “We simply have no choice”" in text and "wording differs:" in text
    )  # per-outlet wording
    assert "<section id=timeline>" in text and "<b>2023-03-06</b>" in text
    assert "<section id=sources>" in text and text.count("<article class=src") == 3
    assert "<details><summary>boilerplate removed" in text and "More From WIBX" in text


def test_story_twin_is_the_brief_contract(client, listed):
    sid = story_id(listed, "bridge")
    twin = client.get(f"/stories/{sid}.json").json()
    schema = json.loads(
        resources.files("newsweave").joinpath("schema", "brief.schema.json").read_text()
    )
    jsonschema.validate(twin["brief"], schema)
    assert twin["story"]["id"] == sid and len(twin["brief"]["sources"]) == 3
    assert {f["status"] for f in twin["brief"]["facts"]} >= {"corroborated"}
    assert twin["brief"]["timeline"] and any(q["variant"] for q in twin["brief"]["quotes"])
    assert client.get(f"/api/stories/{sid}/brief").json() == twin["brief"]
    assert client.get(f"/stories/{sid}", headers={"accept": "application/json"}).json() == twin


def test_unknown_story_is_a_404_in_the_error_shape(client):
    error = assert_error(client.get("/stories/s0000"), 404, "NotFoundError")
    assert "s0000" in error["message"]
    assert_error(client.get("/stories/s0000.json"), 404, "NotFoundError")
    assert_error(client.get("/api/stories/s0000/brief"), 404, "NotFoundError")
    assert_error(client.get("/no/such/page"), 404, "NotFound")
    assert_error(client.delete("/api/stories"), 405, "MethodNotAllowed")
    page = client.get("/stories/s0000", headers=HTML)
    assert (
        page.status_code == 404
        and "text/html" in page.headers["content-type"]
        and "NotFoundError" in page.text
    )


def test_bad_since_is_a_400(client, listed):
    assert_error(
        client.get(f"/api/stories/{story_id(listed, 'bridge')}/brief", params={"since": "soon"}),
        400,
        "NewsweaveError",
    )


# --- upload -------------------------------------------------------------------------------------
def test_upload_form_and_its_twin(client):
    page = client.get("/upload", headers=HTML)
    tags = Tags(page.text)
    assert tags.attr("form", "enctype") == ["multipart/form-data"]
    assert {"text", "outlet", "title", "files"} <= set(
        tags.attr("input", "name") + tags.attr("textarea", "name")
    )
    assert client.get("/upload.json").json()["post"] == "/upload"


def test_pasted_texts_give_a_brief(client):
    form = {
        "text": [FLOOD[0][3], FLOOD[1][3], ""],
        "outlet": ["Gazette", "Herald", ""],
        "title": [FLOOD[0][2], FLOOD[1][2], ""],
        "published": ["2023-03-08", "", ""],
    }
    page = client.post("/upload", data=form, headers=HTML)
    assert (
        page.status_code == 200
        and "<section id=summary>" in page.text
        and "not stored" in page.text
    )
    twin = client.post("/upload.json", data=form).json()["brief"]
    assert (
        sorted(s["outlet"] for s in twin["sources"]) == ["Gazette", "Herald"] and twin["summary"]
    )  # canonical order
    assert all(s["path"].startswith("pasted-") for s in twin["sources"])


def test_uploaded_files_give_a_brief_without_a_store(client, db):
    before = client.get("/index.json").json()["total"]
    meta = json.dumps({"outlet": "Courier", "title": BRIDGE[2][2]}).encode()
    files = [
        ("files", ("../../courier.txt", BRIDGE[2][3].encode(), "text/plain")),
        ("files", ("courier.txt.meta.json", meta, "application/json")),
        ("files", ("herald.txt", BRIDGE[1][3].encode(), "text/plain")),
    ]
    twin = client.post("/upload.json", files=files).json()["brief"]
    assert sorted(s["path"] for s in twin["sources"]) == ["courier.txt", "herald.txt"]
    assert "Courier" in [s["outlet"] for s in twin["sources"]]
    assert client.get("/index.json").json()["total"] == before


def test_an_empty_upload_is_a_400(client):
    assert_error(client.post("/upload.json", data={"text": ["  "]}), 400, "NoArticlesError")


# --- the API: ingest, read-only -----------------------------------------------------------------
def records(articles):
    return [{"outlet": o, "published": p, "title": t, "text": x} for o, p, t, x in articles]


def test_api_ingest_then_stories(tmp_path, pipeline):
    client = TestClient(create_app(tmp_path / "api.db", pipeline=pipeline))
    report = client.post("/api/articles", json=records(FLOOD) + [{"text": "too short"}]).json()
    assert report["counts"] == {"ingested": 2, "duplicate": 0, "skipped": 1}
    assert report["store"]["articles"] == 2 and report["inputs"][-1]["input"] == "request: item 3"
    assert [len(s["articles"]) for s in client.get("/api/stories").json()] == [2]
    again = client.post("/api/articles", json=records(FLOOD)).json()
    assert again["counts"]["duplicate"] == 2
    assert_error(client.post("/api/articles", json={"text": "not a list"}), 422, "ValidationError")
    assert_error(
        client.post(
            "/api/articles", content=b"{oops", headers={"content-type": "application/json"}
        ),
        422,
        "ValidationError",
    )


def test_read_only_refuses_writes_and_still_reads(tmp_path, pipeline):
    path = tmp_path / "ro.db"
    with newsweave.open_store(path) as store:  # ingested, never clustered: stories are stale
        newsweave.ingest_records(records(FLOOD), store)
    client = TestClient(create_app(path, readonly=True, pipeline=pipeline))
    assert_error(client.post("/api/articles", json=records(BRIDGE)), 403, "ReadOnlyError")
    stories = client.get("/api/stories").json()
    assert len(stories) == 1
    assert client.get(f"/api/stories/{stories[0]['id']}/brief").json()["summary"]
    with newsweave.open_store(path) as store:
        assert store.count() == 2 and store.snapshots(stories[0]["id"]) == []


def test_read_only_needs_an_existing_store(tmp_path):
    with pytest.raises(newsweave.StoreError, match="no such database"):
        create_app(tmp_path / "missing.db", readonly=True)


# --- limits, paths, headers ---------------------------------------------------------------------
def test_oversized_bodies_are_refused_with_413(db, pipeline):
    client = TestClient(create_app(db, max_body=2000, pipeline=pipeline))
    big = records(BRIDGE * 3)
    assert_error(client.post("/api/articles", json=big), 413, "RequestTooLarge")

    def chunks():  # no Content-Length: counted as it streams
        for _ in range(10):
            yield b" " * 500

    assert_error(
        client.post(
            "/api/articles", content=chunks(), headers={"content-type": "application/json"}
        ),
        413,
        "RequestTooLarge",
    )
    assert_error(
        client.post("/upload", files=[("files", ("a.txt", b"x" * 5000, "text/plain"))]), 413
    )
    assert client.post("/api/articles", json=[]).status_code == 200


def raw_get(app, path: str) -> tuple[int, bytes]:
    """GET a path exactly as given (no client normalising "..")."""
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"testserver")],
        "client": ("127.0.0.1", 1),
        "server": ("testserver", 80),
    }
    asyncio.run(app(scope, receive, send))
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


@pytest.mark.parametrize(
    "path",
    [
        "/static/../../pyproject.toml",
        "/static/../../../../etc/passwd",
        "/static/..%2F..%2Fpyproject.toml",
        "/static/%2e%2e/%2e%2e/pyproject.toml",
        "/static/..",
        "/stories/..%2F..%2Fetc%2Fpasswd",
        "/stories/../../etc/passwd",
        "/api/stories/..%2F..%2Fetc%2Fpasswd/brief",
        "/static//etc/passwd",
        "/static/style.css/../../../pyproject.toml",
    ],
)
def test_no_path_reaches_the_file_system(client, path):
    status, body = raw_get(client.app, path)  # exactly as given
    assert status == 404, (path, body[:200])
    normalised = client.get(path).content  # as a client sends it ("/static/.." becomes "/")
    for seen in (body, normalised):
        assert b"[build-system]" not in seen and b"root:x:" not in seen


def test_static_files_and_security_headers(client):
    css = client.get("/static/style.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    page = client.get("/", headers=HTML)
    csp = page.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    assert (
        assert_error(client.get("/nothing"), 404)
        and client.get("/nothing").headers["content-security-policy"]
    )


def test_openapi_is_served_and_no_page_loads_outside_assets(client, bridge_page):
    spec = client.get("/openapi.json").json()
    assert {"/api/articles", "/api/stories", "/api/stories/{story_id}/brief", "/api/search"} <= set(
        spec["paths"]
    )
    assert client.get("/docs").status_code == 404  # Swagger UI would load assets from a CDN
    for page in (client.get("/", headers=HTML), bridge_page, client.get("/upload", headers=HTML)):
        tags = Tags(page.text)
        assert tags.attr("link", "href") == ["/static/style.css"]
        assert not any(t in {"script", "img", "iframe", "object", "embed"} for t, _ in tags.tags)
        assert all(a.startswith(("/", "#", "?")) for a in tags.attr("form", "action"))


# --- escaping: nothing from an article can run ----------------------------------------------------
def assert_inert(html: str, where: str) -> None:
    tags = Tags(html)
    for tag, attrs in tags.tags:
        assert tag not in {"script", "img", "svg", "iframe", "object", "embed"}, (where, tag, attrs)
        assert not [a for a in attrs if a.lower().startswith("on")], (where, tag, attrs)
        assert not (attrs.get("href") or "").lower().lstrip().startswith("javascript:"), (
            where,
            attrs,
        )
    for payload in PAYLOADS:
        assert payload not in html, (where, payload)


def test_article_text_is_always_escaped(tmp_path, pipeline):
    client = TestClient(create_app(tmp_path / "xss.db", pipeline=pipeline))
    evil = []
    for i, (outlet, published, title, text) in enumerate(BRIDGE):
        bad = PAYLOADS[i % 3]
        evil.append(
            {
                "outlet": f"{outlet} {bad}",
                "published": published,
                "title": f"{title} {bad}",
                "url": "javascript:alert(1)",
                "id": bad,
                "text": text.replace("Ruiz said", f"Ruiz said {bad}", 1)
                + f"\n\nMore {bad} text {PAYLOADS[2]}.",
            }
        )
    report = client.post("/api/articles", json=evil).json()
    assert report["counts"]["ingested"] == 3
    stories = client.get("/api/stories").json()
    pages = ["/", "/?q=alert", "/search?q=alert", "/search?q=script", "/upload", "/?outlet=Gazette"]
    pages += [f"/stories/{s['id']}" for s in stories]
    pages += [
        "/stories/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "/stories/x%22%3E%3Csvg%20onload=alert(1)%3E",
        "/search?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
    ]
    for path in pages:
        page = client.get(path, headers=HTML)
        assert page.headers["content-type"].startswith("text/html"), path
        assert_inert(page.text, path)
    story = client.get(f"/stories/{stories[0]['id']}", headers=HTML).text
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt;" in story
        and "&lt;img src=x onerror=alert(1)&gt;" in story
    )
    form = {
        "text": [e["text"] for e in evil[:2]],
        "outlet": [e["outlet"] for e in evil[:2]],
        "title": [e["title"] for e in evil[:2]],
    }
    assert_inert(client.post("/upload", data=form, headers=HTML).text, "POST /upload")
    files = [("files", ('"><svg onload=alert(1)>.txt', evil[2]["text"].encode(), "text/plain"))]
    assert_inert(client.post("/upload", files=files, headers=HTML).text, "POST /upload files")


def test_json_is_never_served_as_html(client, listed):
    for path in [
        "/index.json",
        f"/stories/{listed[0]['id']}.json",
        "/api/stories",
        "/search.json?q=x",
    ]:
        assert (
            client.get(path, headers=HTML).headers["content-type"].startswith("application/json")
        ), path


# --- the command and the optional extra ----------------------------------------------------------
def test_serve_command_is_thin(monkeypatch, tmp_path):
    import newsweave.serve
    from newsweave.cli import main

    calls = []
    monkeypatch.setattr(newsweave.serve, "run", lambda db, **kw: calls.append((db, kw)))
    assert main(["serve", "--db", str(tmp_path / "x.db"), "--port", "9000", "--read-only"]) == 0
    assert calls == [
        (str(tmp_path / "x.db"), {"host": "127.0.0.1", "port": 9000, "readonly": True})
    ]


def test_serve_with_paths_ingests_them_first(monkeypatch, tmp_path, capsys):
    import newsweave.serve
    from corpus_fixtures import FLOOD, write_articles
    from newsweave.cli import main

    monkeypatch.setattr(newsweave.serve, "run", lambda db, **kw: None)
    folder, db = tmp_path / "in", tmp_path / "x.db"
    write_articles(folder, FLOOD)
    (folder / "empty.txt").write_text("")
    assert main(["serve", str(folder), "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert "2 ingested" in err and "skipped" in err and "empty.txt" in err
    with newsweave.open_store(db) as store:
        assert store.count() == 2
    assert main(["serve", str(folder), "--db", str(db), "--read-only"]) == 1
    assert "--read-only forbids" in capsys.readouterr().err


def test_a_missing_extra_names_it(monkeypatch, tmp_path):
    monkeypatch.delitem(sys.modules, "newsweave.serve.app", raising=False)
    monkeypatch.setitem(sys.modules, "fastapi", None)
    with pytest.raises(newsweave.MissingExtraError, match=r"newsweave\[serve\]") as info:
        create_app(tmp_path / "x.db")
    assert info.value.package == "fastapi"


def test_brief_does_not_import_the_web_stack():
    code = (
        "import sys, newsweave, newsweave.cli; newsweave.cli.build_parser(); "
        "print(sorted(m for m in ('fastapi', 'uvicorn', 'jinja2', 'starlette') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


class _HeldUpload:
    """An upload pipeline that briefs nothing until released: a long upload in progress."""

    def __init__(self):
        self.started, self.release = threading.Event(), threading.Event()

    def brief_ingested(self, result):
        self.started.set()
        assert self.release.wait(30)
        return "upload brief"


def test_story_pages_are_briefed_while_an_upload_is_being_briefed(db, pipeline, listed):
    held = _HeldUpload()
    briefs = views.Briefs(pipeline, uploads=held)
    upload = threading.Thread(target=briefs.ingested, args=(None,))
    upload.start()
    try:
        assert held.started.wait(30)
        story = next(s for s in listed if len(s["articles"]) >= 2)["id"]
        with newsweave.open_store(db, readonly=True) as store:
            t0 = time.perf_counter()
            brief = briefs.story(store, story, mode="batch", since=None)  # not kept: briefed now
            assert brief.facts and time.perf_counter() - t0 < 20
            t0 = time.perf_counter()
            assert briefs.story(store, story, mode="batch", since=None) is brief  # kept
            assert time.perf_counter() - t0 < 0.5
        assert upload.is_alive()  # the upload was still being briefed all along
    finally:
        held.release.set()
        upload.join(30)


def test_uploads_are_briefed_on_a_fork_with_a_model_of_its_own(pipeline):
    fork = pipeline.fork()
    assert fork.nlp is not pipeline.nlp and fork.nlp is fork.nlp
    assert (fork.model, fork.words, fork.similarity) == (
        pipeline.model,
        pipeline.words,
        pipeline.similarity,
    )
