"""One outlet is one witness: outlet names merged by the alias table (`newsweave.outlets`), the
witnesses of a brief and of a story list, what the reports and the caveats say of them."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from newsweave.caveats import caveats
from newsweave.clean import clean
from newsweave.dedup import assign_witnesses, independent
from newsweave.models import Source, Story
from newsweave.outlets import canonical_outlet, outlet_key, registered_domain, source_outlet_key
from newsweave.report._common import headline, labels, witness_line
from newsweave.report.corpus import stories_list
from newsweave.report.json import to_dict

DAY = dt.date(2024, 3, 1)


@pytest.mark.parametrize(
    ("names", "key"),
    [
        (["AP", "Associated Press", "The Associated Press", "A.P.", "www.apnews.com"], "ap"),
        (["AFP", "Agence France-Presse", "Agence France Presse", "afp.com"], "afp"),
        (
            ["Reuters", "REUTERS", "Thomson Reuters", "reuters.com", "https://www.reuters.com/x"],
            "reuters",
        ),
        (["BBC", "BBC News", "https://www.bbc.co.uk/news/world-1"], "bbc"),
        (["NYT", "The New York Times", "New York Times", "nytimes.com"], "new york times"),
        (["Yonhap", "Yonhap News Agency", "en.yna.co.kr"], "yonhap"),
        (["ABC News", "abcnews.go.com"], "abc news"),
        (["The Jakarta Post", "Jakarta Post", "jakarta post"], "jakarta post"),
    ],
)
def test_every_name_of_an_outlet_has_one_key(names, key):
    assert {outlet_key(n) for n in names} == {key}


def test_an_outlet_carried_by_another_is_the_origin():
    assert outlet_key("Associated Press (republished by WIBX 950)") == "ap"
    assert outlet_key("Reuters via Yahoo News") == "reuters"
    assert outlet_key("The Guardian (via AP)") == "ap"
    assert canonical_outlet("Associated Press (republished by WIBX 950)") == (
        "AP (republished by WIBX 950)"
    )
    assert outlet_key("Jakarta Post (via the town crier)") != outlet_key("Jakarta Post")


def test_a_feeds_section_is_its_outlets():
    assert outlet_key("BBC News - World") == outlet_key(
        "Reuters: World News".replace("Reuters", "BBC")
    )
    assert canonical_outlet("Reuters: Top News") == "Reuters"
    assert canonical_outlet("The Guardian | World news") == "The Guardian"
    assert canonical_outlet("CNN.com - RSS Channel - World") == "CNN"
    assert outlet_key("Jakarta Post - Jakarta") == "jakarta post jakarta"  # not listed: as given


def test_outlets_not_alike_keep_apart():
    keys = [outlet_key(n) for n in ("AP", "AFP", "ABC News", "BBC", "Bloomberg", "Jakarta Globe")]
    assert len(set(keys)) == len(keys)


def test_the_name_shown_is_the_listed_one_else_the_given_one():
    assert canonical_outlet("Associated Press") == canonical_outlet("The Associated Press") == "AP"
    assert canonical_outlet("agence france-presse") == "AFP"
    assert canonical_outlet("  The   Jakarta Post ") == "The Jakarta Post"
    assert canonical_outlet("") is None and canonical_outlet(None) is None


def test_a_url_says_the_outlet_unless_it_names_none():
    assert registered_domain("https://www.thestar.com.my/news/a") == "thestar.com.my"
    assert source_outlet_key(None, "https://www.reuters.com/world/a") == "reuters"
    assert source_outlet_key("The Jakarta Post", "https://www.reuters.com/a") == "jakarta post"
    for url in (
        "http://127.0.0.1:8000/a",
        "https://news.yahoo.com/a",
        "https://example.com/a",
        "a.txt",
    ):
        assert source_outlet_key(None, url) is None, url
    assert source_outlet_key(None, None) is None and source_outlet_key("  ", "") is None


# --- witnesses ------------------------------------------------------------------------------------

FIRST = (
    "Flooding closed the main bridge in Riverton on Monday, the mayor said. Crews worked through "
    "the night to clear debris from the river bank near the old mill."
)
UPDATE = (
    "The main bridge in Riverton will stay closed until Friday, city engineers said on Tuesday. "
    "Inspectors found cracks in two of its supports after the flood waters fell."
)
OTHER = (
    "Residents of Riverton queued for sandbags at the fire station as the river kept rising. "
    "Schools in the valley stayed shut and buses were rerouted around the town centre."
)


def _source(ident: str, raw: str, outlet: str | None = None, days: int = 0, url: str | None = None):
    return clean(
        Source(id=ident, raw=raw, outlet=outlet, url=url, published=DAY + dt.timedelta(days=days))
    )


def test_one_outlets_articles_are_one_witness_the_earliest():
    update = _source("u", UPDATE, "Thomson Reuters", days=1)
    first = _source("f", FIRST, "Reuters")
    ap = _source("a", OTHER, "Associated Press")
    assign_witnesses([update, first, ap])
    assert update.witness == first.witness == "f"  # the earliest, whatever order given
    assert ap.witness == "a"
    assert update.outlet_name == first.outlet_name == "Reuters" and ap.outlet_name == "AP"


def test_sources_with_no_outlet_are_never_joined_by_outlet():
    a, b = _source("a", FIRST), _source("b", UPDATE, url="https://example.com/b")
    assign_witnesses([a, b])
    assert (a.witness, b.witness) == ("a", "b")


def test_without_an_outlet_the_url_domain_joins():
    a = _source("a", FIRST, url="https://www.reuters.com/world/a")
    b = _source("b", UPDATE, "Reuters", days=1)
    c = _source("c", OTHER, url="https://www.apnews.com/article/c")
    assign_witnesses([a, b, c])
    assert (a.witness, b.witness, c.witness) == ("a", "a", "c")
    assert a.outlet_name == "Reuters" and c.outlet_name == "AP"


def test_copies_and_outlets_join_through_each_other():
    """A copy of a Reuters story by another site, and another Reuters story: one witness."""
    first = _source("f", FIRST + "\n\n" + OTHER, "Reuters")
    copy = _source("y", FIRST + "\n\n" + OTHER, "Yahoo News", days=1)
    update = _source("u", UPDATE, "Reuters", days=2)
    groups = assign_witnesses([copy, update, first])
    assert {first.witness, copy.witness, update.witness} == {"f"}
    assert groups == [["f", "y", "u"]]
    assert [len(g) for g in assign_witnesses([first, copy, update], outlets=False)] == [2, 1]


def test_agreeing_values_say_how_many_are_independent():
    from newsweave.align.verdicts import agree_note
    from newsweave.models import FigureValue, Span

    values = [FigureValue(Span(i, 0, 1), "5", 5.0) for i in "abc"]
    assert agree_note(values, {"a": "a", "b": "a", "c": "c"}) == "3 sources agree (2 independent)"
    assert agree_note(values, {}) == "3 sources agree"


def test_unknown_outlets_show_one_spelling():
    a, b = _source("a", FIRST, "The Jakarta Post"), _source("b", UPDATE, "Jakarta Post", days=1)
    assign_witnesses([a, b])
    assert a.witness == b.witness and a.label == b.label == "The Jakarta Post"


# --- caveats --------------------------------------------------------------------------------------


def test_one_outlet_alone_is_one_witness_and_says_so():
    srcs = [_source("f", FIRST, "Reuters"), _source("u", UPDATE, "Thomson Reuters", days=1)]
    assign_witnesses(srcs)
    found = {c.kind: c for c in caveats(srcs)}
    assert "2 articles, all from Reuters" in found["one-witness"].message
    assert "every fact comes from Reuters alone" in found["one-witness"].message
    assert "(Thomson Reuters)" not in found["one-witness"].message


def test_two_stories_of_one_outlet_still_read_as_two_stories():
    stock = (
        "Shares of Acme Motors fell 12 percent after the carmaker cut its sales forecast for the "
        "year, blaming weak demand for electric vans in Europe and higher battery costs."
    )
    srcs = [_source("f", FIRST, "Reuters"), _source("s", stock, "Reuters")]
    assign_witnesses(srcs)
    assert {"not-one-story", "one-witness"} <= {c.kind for c in caveats(srcs)}


# --- the story list -------------------------------------------------------------------------------


def test_a_story_counts_one_outlet_once():
    catalog = {
        "a": {"outlet": "AP", "witness": "a"},
        "b": {"outlet": "Associated Press", "witness": "b"},
        "c": {"outlet": None, "url": "https://www.apnews.com/c", "witness": "c"},
        "d": {"outlet": "Yahoo", "witness": "e"},  # a copy of e
        "e": {"outlet": "Reuters", "witness": "e"},
        "f": {"outlet": None, "witness": "f"},
    }
    story = Story(id="sa", title="t", articles=list(catalog))
    [data] = stories_list([story], catalog)
    assert data["outlets"] == 4  # AP (its names and its domain), Yahoo, Reuters, f as itself
    assert data["independent"] == 3  # AP (a, b, c), Reuters and its copy (d, e), f
    assert independent([("a", "AP", None), ("b", "AP", None), ("c", None, None)]) == 2


# --- the brief ------------------------------------------------------------------------------------

BRIDGE = "Flooding closed the main bridge in Riverton on Monday, the mayor said."
SCHOOLS = "Schools in the valley stayed shut and buses were rerouted around the town centre."
RECORDS = [
    {
        "id": "r1",
        "outlet": "Reuters",
        "published": "2024-03-01",
        "text": f"{BRIDGE} Crews worked through the night to clear debris near the old mill.\n\n{SCHOOLS}",
    },
    {
        "id": "r2",
        "outlet": "Thomson Reuters",
        "published": "2024-03-02",
        "text": (
            "Engineers will inspect the span on Wednesday before any decision on reopening it. "
            f"{BRIDGE}\n\nThe city council met in an emergency session on Tuesday evening."
        ),
    },
    {
        "id": "a1",
        "outlet": "Associated Press",
        "published": "2024-03-02",
        "text": (
            "Residents queued for sandbags at the fire station as the river kept rising. "
            f"{SCHOOLS}\n\nVolunteers handed out hot meals to families moved from low streets."
        ),
    },
]


@pytest.fixture(scope="module")
def outlet_brief(pipeline, tmp_path_factory):
    path = tmp_path_factory.mktemp("outlets") / "flood.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS), encoding="utf-8")
    return pipeline.brief_paths([path])


def _fact(brief, words: str):
    return next(f for f in brief.facts if words in f.text)


def test_a_fact_two_pieces_of_one_outlet_state_is_single_source(outlet_brief):
    fact = _fact(outlet_brief, "main bridge in Riverton")
    assert len(fact.sources) == 2 and fact.witnesses == 1
    assert fact.status == "single-source"
    assert witness_line(outlet_brief, fact) == "single source: Reuters (2 articles)"


def test_one_outlet_and_another_corroborate(outlet_brief):
    fact = _fact(outlet_brief, "Schools in the valley")
    assert fact.status == "corroborated" and fact.witnesses == 2
    assert witness_line(outlet_brief, fact) == "2 outlets / 2 independent: Reuters, AP"
    assert headline(outlet_brief) == "3 sources, 2 independent"


def test_every_format_shows_the_outlet_by_one_name(outlet_brief):
    data = to_dict(outlet_brief)
    assert [s["outlet"] for s in data["sources"]] == [
        "Reuters",
        "Thomson Reuters",
        "Associated Press",
    ]
    assert [s["outlet_name"] for s in data["sources"]] == ["Reuters", "Reuters", "AP"]
    assert len({s["witness"] for s in data["sources"]}) == 2
    assert labels(outlet_brief, [s.id for s in outlet_brief.sources]) == "Reuters (2 articles), AP"
    from newsweave.report import render

    for fmt in ("markdown", "html"):
        text = render(outlet_brief, fmt)
        assert "Thomson Reuters" not in text and "Associated Press" not in text, fmt


def test_outlet_names_are_one_entity(nlp):
    from newsweave.extract import extract

    src = clean(
        Source(
            id="e",
            raw=(
                "The quake killed five people, Kyodo News reported, citing police.\n\n"
                "Kyodo said later that Thomson Reuters and Xinhua News Agency had the same toll. "
                "Reuters and Xinhua said rescuers were still searching. The New York Times and "
                "the NYT's reporters saw the damage."
            ),
        )
    )
    assign_witnesses([src])
    _, entities = extract([src], nlp)
    names = {e.name for e in entities if e.type == "organisation"}
    assert {"Kyodo", "Reuters", "Xinhua"} <= names
    assert not names & {"Kyodo News", "Thomson Reuters", "Xinhua News Agency", "NYT"}


def test_a_listed_newspaper_is_an_organisation_not_a_person(nlp):
    from newsweave.extract import extract

    # the small model tags "Haaretz" here as a person
    src = clean(Source(id="t", raw='"It is over," she told Haaretz on Monday.\n\nMore later.'))
    assign_witnesses([src])
    _, entities = extract([src], nlp)
    assert {e.name: e.type for e in entities}.get("Haaretz") == "organisation"


# --- the corpus path ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def flood_store():
    from newsweave.corpus import ingest_records
    from newsweave.store import open_store

    store = open_store("memory:")
    ingest_records([{**r, "id": r["id"]} for r in RECORDS], store)
    return store


def test_a_stored_story_counts_one_outlet_once(flood_store):
    from newsweave.corpus import stories

    found = stories(flood_store, "batch")
    assert [len(s.articles) for s in found] == [3]
    [data] = stories_list(found, flood_store.catalog(found[0].articles))
    assert (data["outlets"], data["independent"]) == (2, 2)
    assert sorted(a["outlet_name"] for a in data["articles"]) == ["AP", "Reuters", "Reuters"]
    # the store keeps copies only: every article is its own copy group's witness
    assert all(a["witness"] == a["id"] for a in data["articles"])


def test_a_stored_storys_brief_joins_one_outlets_articles(flood_store, pipeline):
    from newsweave.corpus import brief_story, stories

    story = stories(flood_store, "batch")[0]
    brief = brief_story(flood_store, story.id, pipeline=pipeline)
    assert len({s.witness for s in brief.sources}) == 2
    assert _fact(brief, "main bridge in Riverton").status == "single-source"


def test_the_web_list_filters_and_lists_an_outlet_by_any_name(flood_store):
    from newsweave.serve.views import ListQuery, found_stories

    for name in ("AP", "Associated Press", "apnews.com", "Thomson Reuters"):
        shown, _ = found_stories(flood_store, ListQuery(outlet=name))
        assert len(shown) == 1, name
    assert found_stories(flood_store, ListQuery(outlet="AFP"))[0] == []


def test_the_web_lists_each_outlet_once(flood_store):
    from newsweave.serve.views import ListQuery, story_list

    assert story_list(flood_store, ListQuery()).data["outlets"] == ["AP", "Reuters"]
