"""The web app under hostile payloads (issue 29): articles too long to brief, crashes, overflowing
dates, corrupt uploads. Every answer keeps the security headers and the one error shape, and no
article can break a story for good. In process (Starlette's TestClient, no socket)."""

from __future__ import annotations

import threading
import time
import warnings

import pytest

pytest.importorskip("fastapi")

with (
    warnings.catch_warnings()
):  # newer Starlette warns that its TestClient wants httpx2; httpx works
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

import newsweave
from corpus_fixtures import ELECTION, FLOOD
from newsweave.ingest.formats import MAX_ARTICLE_CHARS
from newsweave.serve import create_app

HTML = {"accept": "text/html,application/xhtml+xml"}
SECURITY_HEADERS = {
    "content-security-policy",
    "x-content-type-options",
    "x-frame-options",
    "referrer-policy",
}


def records(articles):
    return [{"outlet": o, "published": p, "title": t, "text": x} for o, p, t, x in articles]


@pytest.fixture(scope="module")
def pipeline():
    return newsweave.Pipeline()


@pytest.fixture()
def client(tmp_path, pipeline):
    return TestClient(
        create_app(tmp_path / "news.db", pipeline=pipeline), raise_server_exceptions=False
    )


def long_text() -> str:
    sentence = "The council met again on Monday and the mayor said the plan would go ahead. "
    return sentence * (MAX_ARTICLE_CHARS // len(sentence) + 1)


def test_an_article_too_long_to_brief_is_skipped_by_the_api_and_the_story_still_answers(client):
    """A 1.05 MB article posted to /api/articles was stored and joined a story whose page, twin
    and brief then answered 500 for good."""
    outlet, published, title, text = FLOOD[0]
    posted = records(FLOOD) + [
        {
            "outlet": outlet,
            "published": published,
            "title": title,
            "text": text + "\n\n" + long_text(),
        }
    ]
    report = client.post("/api/articles", json=posted).json()
    assert report["counts"] == {"ingested": 2, "duplicate": 0, "skipped": 1}
    assert "article too long" in report["inputs"][-1]["reason"]
    (story,) = client.get("/api/stories").json()
    for path in (
        f"/stories/{story['id']}",
        f"/stories/{story['id']}.json",
        f"/api/stories/{story['id']}/brief",
    ):
        assert client.get(path, headers=HTML).status_code == 200, path


def test_an_upload_too_long_to_brief_is_named_and_the_rest_briefed(client):
    good = FLOOD[0][3]
    page = client.post("/upload.json", data={"text": [good, long_text()]})
    assert page.status_code == 200, page.text[:300]
    brief = page.json()["brief"]
    assert len(brief["sources"]) == 1
    assert any("too long" in s["reason"] for s in brief["skipped"])


def test_a_crash_answers_500_with_the_security_headers_and_a_page_for_a_browser(
    client, monkeypatch
):
    """500s were answered outside the middleware that adds the headers, and in JSON to browsers."""
    from newsweave.serve import views

    def crash(*args, **kwargs):
        raise RuntimeError("a bug at /srv/secret/place")

    monkeypatch.setattr(views, "story_list", crash)
    page = client.get("/", headers=HTML)
    assert page.status_code == 500 and page.headers["content-type"].startswith("text/html")
    twin = client.get("/index.json")
    assert twin.status_code == 500 and twin.json()["error"]["kind"] == "InternalError"
    for response in (page, twin):
        assert set(response.headers) >= SECURITY_HEADERS, response.headers
        assert "secret" not in response.text


def test_error_messages_name_the_store_by_its_file_name_only(client, tmp_path):
    for path in ("/stories/s0000000000000000", "/api/stories/s0000000000000000/brief"):
        response = client.get(path, headers=HTML)
        assert response.status_code == 404 and set(response.headers) >= SECURITY_HEADERS
        assert "news.db" in response.text and str(tmp_path) not in response.text


@pytest.mark.parametrize("since", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"])
def test_since_dates_at_the_ends_of_the_calendar_are_answered(client, since):
    """They overflowed in the conversion to UTC: a 500 on the story page."""
    client.post("/api/articles", json=records(FLOOD))
    (story,) = client.get("/api/stories").json()
    assert (
        client.get(f"/api/stories/{story['id']}/brief").status_code == 200
    )  # a snapshot to compare with
    for path in (f"/stories/{story['id']}", f"/api/stories/{story['id']}/brief"):
        response = client.get(path, params={"since": since}, headers=HTML)
        assert response.status_code == 200, response.text[:300]


def test_a_corrupt_parquet_upload_is_a_skipped_file_not_a_500(client, tmp_path):
    pytest.importorskip("pyarrow")
    from test_parquet import _corrupt_parquet

    _corrupt_parquet(tmp_path / "c.parquet")
    files = [
        ("files", ("c.parquet", (tmp_path / "c.parquet").read_bytes(), "application/octet-stream")),
        ("files", ("good.txt", FLOOD[0][3].encode(), "text/plain")),
    ]
    response = client.post("/upload.json", files=files)
    assert response.status_code == 200, response.text[:300]
    assert any("damaged after row" in s["reason"] for s in response.json()["brief"]["skipped"])


class _Counting:
    """The pipeline, counting the briefs it makes."""

    def __init__(self, pipeline):
        self.pipeline, self.runs = pipeline, 0

    def run(self, sources):
        self.runs += 1
        return self.pipeline.run(sources)

    def __getattr__(self, name):
        return getattr(self.pipeline, name)


def test_a_kept_story_brief_is_not_made_again_when_other_stories_get_articles(tmp_path, pipeline):
    """Briefs were kept by the store's newest article: while articles of any story were posted,
    every story page made its brief again (issue 29: story pages under 1 s meanwhile)."""
    counting = _Counting(pipeline)
    client = TestClient(create_app(tmp_path / "news.db", pipeline=counting))
    client.post("/api/articles", json=records(FLOOD))
    (story,) = client.get("/api/stories").json()
    assert client.get(f"/stories/{story['id']}", headers=HTML).status_code == 200
    assert counting.runs == 1
    report = client.post("/api/articles", json=records(ELECTION)).json()
    assert report["counts"]["ingested"] == len(ELECTION)
    assert len(client.get("/api/stories").json()) == 2  # a story of their own
    for path in (f"/stories/{story['id']}", f"/api/stories/{story['id']}/brief"):
        assert client.get(path, headers=HTML).status_code == 200
    assert counting.runs == 1  # the kept brief: the story's articles are the same
    client.post("/api/articles", json=records([_ANOTHER_FLOOD_REPORT]))
    assert client.get(f"/api/stories/{story['id']}/brief").json()["sources"][2:]  # a third source
    assert counting.runs == 2  # the story changed: briefed again


_ANOTHER_FLOOD_REPORT = (
    "Courier",
    "2023-03-09",
    "Marsh Valley families wait for flood water to fall",
    "Families forced from their homes by the Marsh Valley floods waited in shelters on Thursday, "
    "emergency services said.\n\nThe river rose two metres overnight on Tuesday and rescue boats "
    "worked through the night. Officials still expect the water to recede by the weekend.",
)


class _Held(_Counting):
    """The pipeline, making no brief until released (or failing when told to)."""

    def __init__(self, pipeline, fail: bool = False):
        super().__init__(pipeline)
        self.release, self.fail = threading.Event(), fail

    def run(self, sources):
        assert self.release.wait(30)
        if self.fail:
            raise RuntimeError("a bug in the brief")
        return super().run(sources)


def _story_client(tmp_path, pipeline, page_wait=0.2):
    client = TestClient(
        create_app(tmp_path / "news.db", pipeline=pipeline, page_wait=page_wait),
        raise_server_exceptions=False,
    )
    client.post("/api/articles", json=records(FLOOD))
    (story,) = client.get("/api/stories").json()
    return client, f"/stories/{story['id']}"


def test_a_story_page_whose_brief_takes_long_says_it_is_being_prepared_and_reloads(
    tmp_path, pipeline
):
    """A story page waited for its whole brief (1.4 s of CPU for 10 ECB+ articles): with
    `page_wait` a browser gets, within that time, a page that reloads itself (no script) while
    the brief is made in the background, then the brief. Scripts and the API still wait."""
    held = _Held(pipeline)
    client, path = _story_client(tmp_path, held)
    t0 = time.perf_counter()
    page = client.get(path, headers=HTML)
    assert time.perf_counter() - t0 < 5
    assert page.status_code == 202 and set(page.headers) >= SECURITY_HEADERS
    assert '<meta http-equiv="refresh" content="2">' in page.text
    assert "Floods force families" in page.text and "being prepared" in page.text
    assert "<script" not in page.text
    assert client.get(path, headers=HTML).status_code == 202  # one brief in the making, not two
    held.release.set()
    for _ in range(100):
        page = client.get(path, headers=HTML)
        if page.status_code == 200:
            break
        time.sleep(0.1)
    assert page.status_code == 200 and "being prepared" not in page.text
    assert held.runs == 1
    assert client.get(path + ".json").json()["brief"]["sources"]  # the twin: the kept brief


def test_without_a_browser_a_story_page_still_waits_for_its_brief(tmp_path, pipeline):
    held = _Held(pipeline)
    held.release.set()
    client, path = _story_client(tmp_path, held, page_wait=0.0)
    for headers in ({"accept": "*/*"}, {"accept": "application/json"}):
        response = client.get(path, headers=headers)
        assert response.status_code == 200 and "being prepared" not in response.text


def test_a_brief_that_fails_in_the_background_answers_500_not_a_page_that_reloads_for_ever(
    tmp_path, pipeline
):
    held = _Held(pipeline, fail=True)
    client, path = _story_client(tmp_path, held, page_wait=0.0)
    assert client.get(path, headers=HTML).status_code == 202
    held.release.set()
    for _ in range(100):
        page = client.get(path, headers=HTML)
        if page.status_code != 202:
            break
        time.sleep(0.1)
    assert page.status_code == 500 and set(page.headers) >= SECURITY_HEADERS
    assert "being prepared" not in page.text
