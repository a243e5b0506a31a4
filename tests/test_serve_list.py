"""newsweave serve: the story list a page at a time, its order and size filter, each story's lede
and key figure, the one search box, and search hits with title and outlet apart (in process).
The same in a real browser, and the phone layout: tests/test_browser_list.py."""

from __future__ import annotations

import itertools
import warnings

import pytest

pytest.importorskip("fastapi")

with warnings.catch_warnings():  # newer Starlette warns that its TestClient wants httpx2
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

import newsweave
from corpus_fixtures import BRIDGE, COPY, ELECTION, FLOOD, write_articles
from newsweave.models import Source
from newsweave.report.lede import LEDE_CHARS, key_figure, lede
from newsweave.serve import create_app
from newsweave.store import Snapshot, StoredFigures
from test_serve import HTML, Tags, assert_error

# Two one-article stories, written for these tests: a figure in the lede, and a text that opens
# with its own title.
ZOO = (
    "Courier",
    "2023-03-10",
    "Easton zoo opens reptile house",
    "The Easton zoo opened a reptile house that cost $2.5 million on Friday, its director said.\n\n"
    "Visitors queued for an hour to see the crocodiles and the snakes from the southern deserts.",
)
LIBRARY = (
    "Post",
    "2023-03-05",
    "Library extends opening hours",
    "Library extends opening hours\n\nDr. Mira Hale said the Northfield library will stay open "
    "until late on weekdays from April, the council said. Students had asked for longer hours "
    "during the examination season for several years.",
)
ARTICLES = [*BRIDGE, COPY, *FLOOD, *ELECTION, ZOO, LIBRARY]


def make_list_store(folder):
    """Five stories: bridge (4 articles, 3 independent), floods (2), strike (2), zoo and library
    (1 each). Returns the store's path."""
    paths = write_articles(folder / "in", ARTICLES)
    with newsweave.open_store(folder / "news.db") as store:
        newsweave.ingest(paths, store)
    return folder / "news.db"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return make_list_store(tmp_path_factory.mktemp("list"))


@pytest.fixture(scope="module")
def client(db, pipeline):
    return TestClient(create_app(db, pipeline=pipeline))


@pytest.fixture(scope="module")
def everything(client):
    """Every story, newest first, on one page."""
    return client.get("/index.json", params={"per_page": 200}).json()["stories"]


def titled(stories, word: str) -> dict:
    return next(s for s in stories if word.lower() in s["title"].lower())


# --- pages --------------------------------------------------------------------------------------
def test_the_story_list_is_paged_and_its_links_walk_every_story(client, everything):
    assert len(everything) == 5
    first = client.get("/index.json", params={"per_page": 2}).json()
    assert (first["page"], first["pages"], first["per_page"], first["offset"]) == (1, 3, 2, 0)
    assert first["count"] == first["total"] == 5 and len(first["stories"]) == 2
    assert first["prev"] is None and first["next"] == "/index.json?per_page=2&page=2"
    seen, url = [], "/index.json?per_page=2"
    while url:
        page = client.get(url).json()
        seen += [s["id"] for s in page["stories"]]
        url = page["next"]
    assert seen == [s["id"] for s in everything]
    assert page["page"] == 3 and page["prev"] == "/index.json?per_page=2&page=2"


def test_a_page_past_the_end_is_empty_and_points_back(client):
    past = client.get("/index.json", params={"per_page": 2, "page": 9}).json()
    assert past["stories"] == [] and past["count"] == 5 and past["next"] is None
    assert past["prev"] == "/index.json?per_page=2&page=3"
    page = client.get("/", params={"per_page": 2, "page": 9}, headers=HTML)
    assert page.status_code == 200 and 'href="/?per_page=2&amp;page=3"' in page.text


@pytest.mark.parametrize("params", [{"page": 0}, {"per_page": 0}, {"per_page": 201}])
def test_a_bad_page_is_a_validation_error(client, params):
    assert_error(client.get("/index.json", params=params), 422, "ValidationError")


def test_the_page_links_in_html(client):
    page = client.get("/", params={"per_page": 2, "page": 2, "sort": "sources"}, headers=HTML)
    tags = Tags(page.text)
    rel = {a["rel"]: a["href"] for t, a in tags.tags if t == "a" and a.get("rel")}
    assert rel == {
        "prev": "/?sort=sources&per_page=2&page=1",
        "next": "/?sort=sources&per_page=2&page=3",
    }
    assert "page 2 of 3" in page.text
    assert len([h for h in tags.attr("a", "href") if h.startswith("/stories/")]) == 2
    assert "page 1 of" not in client.get("/", headers=HTML).text  # one page: no pager


def test_the_default_page_holds_fifty(client):
    data = client.get("/index.json").json()
    assert data["per_page"] == 50 and data["pages"] == 1 and len(data["stories"]) == 5
    assert data["next"] is None and data["prev"] is None


# --- order and size -----------------------------------------------------------------------------
def test_sort_by_most_sources_keeps_newest_first_among_equals(client, everything):
    by_sources = client.get("/index.json", params={"sort": "sources", "per_page": 200}).json()
    shown = by_sources["stories"]
    assert by_sources["filters"]["sort"] == "sources" and by_sources["sorts"] == [
        "newest",
        "sources",
    ]
    assert shown[0]["title"] == titled(everything, "bridge")["title"]
    keys = [(-s["independent"], -s["outlets"], -len(s["articles"])) for s in shown]
    assert keys == sorted(keys)
    newest = [s["id"] for s in everything]
    for a, b in itertools.pairwise(shown):
        if a["independent"] == b["independent"] and len(a["articles"]) == len(b["articles"]):
            assert newest.index(a["id"]) < newest.index(b["id"])
    assert [s["id"] for s in client.get("/api/stories", params={"sort": "sources"}).json()] == [
        s["id"] for s in shown
    ]
    assert_error(client.get("/index.json", params={"sort": "loudest"}), 422, "ValidationError")


def test_multi_hides_one_article_stories(client, everything):
    multi = client.get("/index.json", params={"multi": 1, "per_page": 2}).json()
    assert multi["count"] == 3 and multi["total"] == 5 and multi["filters"]["multi"] is True
    assert multi["next"] == "/index.json?multi=1&per_page=2&page=2"  # the filter goes along
    kept = multi["stories"] + client.get(multi["next"]).json()["stories"]
    assert [s["id"] for s in kept] == [s["id"] for s in everything if len(s["articles"]) > 1]
    page = client.get("/", params={"multi": "1"}, headers=HTML)
    checkbox = [a for t, a in Tags(page.text).tags if t == "input" and a.get("name") == "multi"]
    assert checkbox and "checked" in checkbox[0] and "with two or more articles" in page.text


# --- lede and key figure --------------------------------------------------------------------------
def test_each_story_has_a_cited_lede_from_its_earliest_article(client, db, everything):
    with newsweave.open_store(db, readonly=True) as store:
        for story in everything:
            found = story["lede"]
            earliest = min(story["articles"], key=lambda a: a["published"])["published"]
            lead = next(a for a in story["articles"] if a["id"] == found["article"])
            assert lead["published"] == earliest
            text = store.get([found["article"]])[0].text
            assert text[found["start"] : found["end"]] == found["text"]
    zoo = titled(everything, "zoo")["lede"]
    assert zoo["text"] == ZOO[3].split("\n")[0] and zoo["from"] == "text"
    library = titled(everything, "library")["lede"]
    assert library["text"].startswith("Dr. Mira Hale said") and library["text"].endswith("said.")


def test_the_key_figure_comes_from_the_lede_until_a_brief_is_made(tmp_path, pipeline):
    client = TestClient(create_app(make_list_store(tmp_path), pipeline=pipeline))
    listed = client.get("/index.json").json()["stories"]
    zoo = titled(listed, "zoo")["figure"]
    assert (zoo["text"], zoo["from"], zoo["verdict"]) == ("$2.5 million", "lede", None)
    with newsweave.open_store(tmp_path / "news.db", readonly=True) as store:
        text = store.get([zoo["article"]])[0].text
    assert text[zoo["start"] : zoo["end"]] == "$2.5 million"
    bridge = titled(listed, "bridge")
    assert bridge["figure"] is None  # its lede states no quantity
    brief = client.get(f"/stories/{bridge['id']}.json").json()["brief"]  # remembered
    figure = titled(client.get("/index.json").json()["stories"], "bridge")["figure"]
    first = brief["figures"][0]
    assert figure["from"] == "brief" and figure["made"]
    assert (figure["label"], figure["verdict"]) == (first["label"], first["verdict"])
    assert (figure["article"], figure["start"], figure["end"]) == tuple(
        first["values"][0][k] for k in ("source", "start", "end")
    )
    page = client.get("/", headers=HTML).text
    assert "key figure of the brief" in page and "first number in the lede" in page


def test_a_brief_of_other_articles_is_not_the_story_s_figure():
    listed = {"articles": [{"id": "a"}, {"id": "b"}]}
    value = {"source": "a", "start": 4, "end": 7, "text": "$4m", "qualifier": None}
    figures = [{"label": "money", "verdict": "agree", "values": [value]}]
    said = lede(Source("a", "", text="The quake killed 24 people on Monday. Then more."))
    assert key_figure(listed, said, StoredFigures("s", "t", ["a", "b"], figures))["from"] == "brief"
    stale = key_figure(listed, said, StoredFigures("s", "t", ["a"], figures))
    assert (stale["from"], stale["text"], stale["start"], stale["end"]) == ("lede", "24", 17, 19)
    assert key_figure(listed, said, StoredFigures("s", "t", ["a", "b"], []))["from"] == "lede"
    bare = lede(Source("a", "", text="H.R. 667, as the bill is known, would rename it. More."))
    assert key_figure(listed, bare, None) is None  # a number with no unit and no count


@pytest.mark.parametrize(
    "text, title, expected",
    [
        (
            "Mr. Lee and Dr. Ruiz met in St. Louis on Jan. 5. Later, more.",
            None,
            "Mr. Lee and Dr. Ruiz met in St. Louis on Jan. 5.",
        ),
        (
            'A jury acquitted Orenthal James "O.J." Simpson in 1995. Then more.',
            None,
            'A jury acquitted Orenthal James "O.J." Simpson in 1995.',
        ),
        (
            "Floods hit the valley\nRain fell all night. Rivers rose.",
            "Floods hit the valley",
            "Rain fell all night.",
        ),
        (
            "  No stop at all and no capital after it",
            None,
            "No stop at all and no capital after it",
        ),
        ("Fatal crash\nA car hit a wall on Monday. More.", None, "A car hit a wall on Monday."),
    ],
)
def test_the_lede_is_the_first_sentence_that_is_not_the_title(text, title, expected):
    found = lede(Source("x", "", title=title, text=text))
    assert found["text"] == expected and text[found["start"] : found["end"]] == expected
    assert found["from"] == "text" and not found["cut"]


def test_a_long_lede_is_cut_at_a_word_and_a_title_only_text_gives_the_title():
    long = "Word " * 200 + "end."
    found = lede(Source("x", "", text=long))
    assert found["cut"] and len(found["text"]) <= LEDE_CHARS and not found["text"].endswith(" ")
    assert long[found["start"] : found["end"]] == found["text"]
    only = lede(Source("x", "", title="Just a headline", text="Just a headline"), "Just a head…")
    assert (only["from"], only["text"], only["start"], only["is_title"]) == (
        "title",
        "Just a headline",
        None,
        True,
    )


def test_a_lede_that_is_the_story_title_is_shown_once(client, everything):
    page = client.get("/", params={"per_page": 200}, headers=HTML).text
    for story in everything:
        lede_text = story["lede"]["text"]
        escaped = lede_text.replace("&", "&amp;").replace('"', "&#34;").replace("'", "&#39;")
        shown = f'<p class="lede">{escaped}' in page
        assert shown == (not story["lede"]["is_title"]), story["title"]


# --- the store's figures of remembered briefs ---------------------------------------------------
def test_latest_figures_reads_the_newest_snapshot_of_each_story(tmp_path):
    from newsweave.store.base import Store

    with newsweave.open_store(tmp_path / "f.db") as store:
        for n, articles in enumerate((["a"], ["a", "b"])):
            figures = [{"label": f"toll {n}", "values": []}]
            store.put_snapshot(Snapshot("s1", f"2023-01-0{n + 1}", articles, {"figures": figures}))
        store.put_snapshot(Snapshot("s2", "2023-01-03", ["c"], {"facts": []}))
        found = store.latest_figures(["s1", "s2", "s9", "s1"])
        assert set(found) == {"s1", "s2"}
        assert found["s1"] == StoredFigures(
            "s1", "2023-01-02", ["a", "b"], [{"label": "toll 1", "values": []}]
        )
        assert found["s2"].figures == []
        assert Store.latest_figures(store, ["s1", "s2", "s9"]) == found  # the interface's default


# --- one search box; hits with title and outlet apart ---------------------------------------------
def test_one_search_box_on_every_page(client, everything):
    paths = ["/", "/?q=ferry", "/search", "/search?q=ferry", "/upload"]
    paths.append(f"/stories/{everything[0]['id']}")
    for path in paths:
        tags = Tags(client.get(path, headers=HTML).text)
        boxes = [a for t, a in tags.tags if t == "input" and a.get("type") == "search"]
        assert len(boxes) == 1, path
    for path in ("/?q=ferry", "/search?q=ferry"):
        box = [a for t, a in Tags(client.get(path, headers=HTML).text).tags if t == "input"]
        assert {"type": "search", "name": "q", "value": "ferry"}.items() <= next(
            a for a in box if a.get("type") == "search"
        ).items()
    kept = [a for t, a in Tags(client.get("/?q=ferry", headers=HTML).text).tags if t == "input"]
    assert {"type": "hidden", "name": "q", "value": "ferry"} in [
        {k: a.get(k) for k in ("type", "name", "value")} for a in kept
    ]  # changing the order or a filter keeps the search


class Hits(Tags):
    """The text of each element of a search hit's head, by class."""

    def __init__(self, text: str):
        self.parts: list[tuple[str, str]] = []
        self._open: str | None = None
        super().__init__(text)

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        cls = dict(attrs).get("class")
        if cls in {"title", "outlet", "published"}:
            self._open = cls
            self.parts.append((cls, ""))

    def handle_data(self, data):
        if self._open:
            self.parts[-1] = (self._open, self.parts[-1][1] + data)

    def handle_endtag(self, tag):
        self._open = None


def test_search_hits_show_title_and_outlet_apart(client, everything):
    data = client.get("/search.json", params={"q": "ferry"}).json()
    assert data["count"] >= 2
    bridge = titled(everything, "bridge")
    for hit in data["hits"]:
        assert hit["story"] == bridge["id"] and hit["story_title"] == bridge["title"]
        assert hit["story_articles"] == 4
    page = client.get("/search", params={"q": "ferry"}, headers=HTML).text
    parts = Hits(page).parts
    titles = [x for k, x in parts if k == "title"]
    outlets = [x for k, x in parts if k == "outlet"]
    assert titles == [h["title"] for h in data["hits"]]
    assert outlets == [h["outlet"] for h in data["hits"]] and all(
        o not in t for o, t in zip(outlets, titles)
    )
    assert 'href="/?q=ferry"' in page  # the stories these articles belong to


def test_the_kept_listing_follows_new_articles(tmp_path, pipeline):
    from test_serve import records

    client = TestClient(create_app(tmp_path / "grow.db", pipeline=pipeline))
    client.post("/api/articles", json=records(FLOOD))
    assert client.get("/index.json").json()["count"] == 1
    assert client.get("/index.json").json()["count"] == 1  # kept: the same store, the same list
    client.post("/api/articles", json=records([ZOO]))
    after = client.get("/index.json").json()
    assert after["count"] == after["total"] == 2 and "zoo" in after["stories"][0]["title"].lower()
    hits = client.get("/search.json", params={"q": "crocodiles"}).json()["hits"]
    assert hits[0]["story"] == after["stories"][0]["id"]


def test_search_says_when_it_shows_only_the_first_hits(client, db):
    from newsweave.serve import views

    with newsweave.open_store(db, readonly=True) as store:
        capped = views.search(store, "bridge", limit=2)
        assert capped.data["count"] == capped.data["limit"] == 2
    shown = client.app.state.pages.get_template("search.html")
    assert "The first 2 articles match" in shown.render(**capped.data, json_url=None, path="/")
    page = client.get("/search", params={"q": "bridge"}, headers=HTML).text
    data = client.get("/search.json", params={"q": "bridge"}).json()
    assert data["limit"] == 50 and data["count"] < 50
    assert f"{data['count']} articles match" in page and "The first" not in page


def test_the_list_search_reads_every_matching_article(tmp_path):
    from newsweave.store.base import Store

    with newsweave.open_store(make_list_store(tmp_path)) as store:
        found = store.matching("bridge")
        assert found == [h.article for h in store.search("bridge", limit=100)]
        assert len(found) == 4 and store.matching("bridge", limit=1) == found[:1]
        assert Store.matching(store, "bridge") == found  # the interface's default


def test_the_list_search_is_not_cut_at_the_search_page_s_limit(client, monkeypatch):
    from newsweave.serve import views

    every = client.get("/index.json", params={"q": "said"}).json()["count"]
    monkeypatch.setattr(views, "SEARCH_LIMIT", 1)  # the search page's: not the list's
    assert client.get("/index.json", params={"q": "said"}).json()["count"] == every >= 4
    monkeypatch.setattr(views, "LIST_MATCHES", 1)
    assert client.get("/index.json", params={"q": "said"}).json()["count"] == 1


def test_a_page_s_stories_keep_the_stories_contract(client):
    import json
    from importlib import resources

    import jsonschema

    schema = json.loads(
        resources.files("newsweave").joinpath("schema", "stories.schema.json").read_text()
    )
    page = client.get("/index.json", params={"per_page": 2, "page": 2}).json()
    jsonschema.validate(page["stories"], schema)
    jsonschema.validate(client.get("/api/stories").json(), schema)
