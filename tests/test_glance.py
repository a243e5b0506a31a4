"""The brief an editor reads in two minutes: at a glance, who reports what, `--detail`.

The multi-article stories are written for these tests: a ferry sinking reported by up to 20
outlets, each telling it with some of the same facts, one giving another death toll.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re

import jsonschema
import pytest

from newsweave.align import rank
from newsweave.cli import main
from newsweave.models import Brief, Document, Entity, Fact, Sentence, Source, Span
from newsweave.report import render
from newsweave.report import view as v
from newsweave.report.html import to_html

GLANCE_CAP, TERMINAL_CAP = 250, 350
LEDES = [
    "A passenger ferry sank off Port Alder on Monday, killing {dead} people, the coast guard said.",
    "{dead} people died when a ferry went down off Port Alder on Monday, officials said.",
    "A ferry capsized near Port Alder on Monday and {dead} people were killed.",
]
BODY = [
    "The Sea Lark was carrying 140 passengers from Port Alder to Gull Island.",
    "Rescue boats pulled 96 survivors from the water before nightfall.",
    '"We searched through the night and we will keep searching," said coast guard commander '
    "Mara Lind.",
    "Governor Tomas Reyes said the province would pay for the funerals of the victims.",
    "Witnesses said the ferry listed sharply to one side in high winds before it capsized.",
    "The ferry operator, Alder Lines, said it was cooperating fully with investigators.",
    "Relatives waited at the harbour for news as divers searched the wreck.",
    "The transport ministry has ordered every ferry of Alder Lines to stay in port.",
    "Storm warnings had been issued for the strait on Sunday evening.",
    "The Sea Lark was built in 1998 and had passed an inspection in March.",
    "Hospitals in Port Alder treated 31 people for hypothermia.",
    "Fishermen joined the search at dawn with their own boats.",
]


SYLLABLES = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "vo", "de", "ba"]
VERBS = [
    "painted",
    "mended",
    "sold",
    "bought",
    "carried",
    "cleaned",
    "counted",
    "stacked",
    "loaded",
    "lifted",
    "washed",
    "dried",
    "sorted",
    "marked",
    "hid",
    "found",
    "lent",
    "kept",
    "moved",
    "fixed",
]
NOUNS = [
    "nets",
    "oars",
    "ropes",
    "crates",
    "barrels",
    "buoys",
    "flares",
    "jackets",
    "tarps",
    "lanterns",
    "anchors",
    "hooks",
    "pails",
    "sails",
    "masts",
    "kegs",
    "bells",
    "maps",
    "tents",
    "boots",
]


def name(n: int) -> str:
    """A made-up name of its own for each number below 1,000: "Lokamin", "Nesuvon", ..."""
    return "".join(SYLLABLES[int(d)] for d in f"{n:03d}").capitalize() + "n"


def article(i: int) -> str:
    """Article i: a lede (outlet 2 gives another toll), three body sentences (a rotating window,
    so facts are told by different subsets of outlets) and short sentences only it has (made-up
    names, a verb and noun pair no other article uses), so no two read as one wire story."""
    dead = 15 if i == 2 else 12
    body = [BODY[(i + k) % len(BODY)] for k in range(3)]
    own = [
        f"{name(40 * i + k)} {VERBS[(i + k) % 20]} {NOUNS[(3 * i + 7 * k) % 20]} near "
        f"{name(40 * i + 20 + k)}."
        for k in range(12)
    ]
    return "\n\n".join([LEDES[i % len(LEDES)].format(dead=dead), *body, " ".join(own)])


def story(pipeline, n: int) -> Brief:
    day = dt.date(2024, 3, 4)
    return pipeline.run(
        [
            Source(id=f"s{i:02d}", raw=article(i), outlet=f"Outlet {i}", published=day)
            for i in range(n)
        ]
    )


@pytest.fixture(scope="module")
def stories(pipeline):
    return {n: story(pipeline, n) for n in (2, 5, 10, 20)}


def glance_words(text: str) -> int:
    return len(text.split(v.COVERAGE_TITLE)[0].split())


# --- length ------------------------------------------------------------------------------------
def test_the_example_reads_in_two_minutes(example_brief):
    text = render(example_brief, "text", width=100)
    assert glance_words(text) <= GLANCE_CAP and len(text.split()) <= TERMINAL_CAP
    assert "At a glance" in text and "Key claims" in text and "more" in text
    markdown = render(example_brief, "markdown")
    assert len(markdown.split(f"## {v.COVERAGE_TITLE}")[0].split()) <= GLANCE_CAP


@pytest.mark.parametrize("n", [2, 5, 10, 20])
def test_a_story_of_many_articles_stays_short(stories, n):
    brief = stories[n]
    text = render(brief, "text", width=100)
    assert len(brief.sources) == n
    assert glance_words(text) <= GLANCE_CAP and len(text.split()) <= TERMINAL_CAP, text
    full = render(brief, "text", width=100, detail="full")
    assert len(full.split()) > len(text.split())


def test_single_source_facts_are_ranked_and_capped(example_brief):
    single = [f for f in example_brief.facts if f.status == "single-source"]
    text = " ".join(render(example_brief, "text", width=100).split())
    assert len(single) > v.SINGLE_SHOWN
    shown = [f for f in single if " ".join(f.text.split()) in text]
    assert len(shown) < len(single)
    more = len(single) - v.SINGLE_SHOWN
    assert f"… {more} more" in text and f"Only one source says ({len(single)})" in text


# --- --detail full keeps everything -------------------------------------------------------------
def test_full_detail_has_every_fact_quote_and_section(example_brief):
    flat = " ".join(render(example_brief, "text", width=10_000, detail="full").split())
    for fact in example_brief.facts:
        assert " ".join(fact.text.split()) in flat, fact.text
    for group in example_brief.quotes:
        for m in group.mentions:
            assert " ".join(m.text.split()) in flat, m.text
    for event in example_brief.timeline:
        assert " ".join(event.text.split()) in flat
    for entity in example_brief.entities:
        assert entity.name in flat
    sections = v.sections(example_brief)
    assert {s.id for s in sections} >= {"summary", "facts", "who-said-what", "sources"}
    for section in sections:
        assert section.title in flat
    markdown = render(example_brief, "markdown", detail="full")
    assert all(f"## {s.title}" in markdown for s in sections)
    short = render(example_brief, "markdown")
    assert "## Facts" not in short and "## Who said what" not in short


def test_cli_detail_option(tmp_path, capsys):
    folder = tmp_path / "story"
    folder.mkdir()
    for i in range(2):
        (folder / f"outlet{i}.txt").write_text(article(i), encoding="utf-8")
    assert main(["brief", str(folder), "-f", "markdown"]) == 0
    short = capsys.readouterr().out
    assert main(["brief", str(folder), "-f", "markdown", "--detail", "full"]) == 0
    full = capsys.readouterr().out
    assert "## At a glance" in short and "## Facts" not in short and "--detail full" in short
    assert "## At a glance" in full and "## Facts" in full
    with pytest.raises(SystemExit):
        main(["brief", str(folder), "--detail", "everything"])


def test_render_refuses_an_unknown_detail(example_brief):
    with pytest.raises(ValueError, match="detail"):
        render(example_brief, "text", detail="most")


# --- HTML ----------------------------------------------------------------------------------------
def test_html_folds_every_section_and_runs_no_script(example_brief):
    page = to_html(example_brief)
    assert "<script" not in page.lower()
    assert page.index("id=at-a-glance") < page.index("id=coverage") < page.index("<details")
    for s in v.sections(example_brief):
        assert re.search(rf"<details class=section( open)?><summary>{s.title} \(\d+\)", page)
        assert f"<section id={s.id}>" in page
    assert "<details class=section><summary>Facts" in page  # folded
    full = to_html(example_brief, detail="full")
    assert "<details class=section open><summary>Facts" in full


# --- the coverage grid ---------------------------------------------------------------------------
def test_coverage_cells_cite_what_they_claim(stories):
    brief = stories[5]
    texts = {s.id: s.text for s in brief.sources}
    claims = rank.key_claims(brief)
    grid = rank.coverage(brief, claims)
    states = contradicts = 0
    for claim, row in zip(claims, grid, strict=True):
        assert [c.source for c in row.cells] == [s.id for s in brief.sources]
        for cell in row.cells:
            if cell.state == "omits":
                assert cell.span is None and cell.source not in claim.sources
                continue
            said = texts[cell.source][cell.span.start : cell.span.end]
            if cell.state == "states":
                states += 1
                shared = rank.content_words(said) & rank.content_words(claim.text)
                assert len(shared) >= 0.5 * len(rank.content_words(claim.text)), (said, claim)
            else:
                contradicts += 1
                shown = texts[claim.span.source][claim.span.start : claim.span.end]
                assert said and said not in shown, (said, shown)
    assert states and contradicts  # outlet 2's toll of 15 contradicts the others' 12


def test_the_grid_in_every_format(stories):
    brief = stories[5]
    report = v.build(brief)
    assert report.coverage and all(len(r.cells) == 5 for r in report.coverage)
    text = render(brief, "text", width=100)
    assert "12345" in text and "✕" in text
    page = to_html(brief)
    assert "<table class=coverage>" in page and "class=contradicts" in page
    assert "| claim | [1] | [2] | [3] | [4] | [5] |" in render(brief, "markdown")


def test_json_adds_key_claims_coverage_and_speakers(stories, brief_schema):
    data = json.loads(render(stories[10], "json"))
    jsonschema.validate(data, brief_schema)
    assert data["key_claims"] and data["speakers"]
    assert data["coverage"]["sources"] == [s["id"] for s in data["sources"]]
    texts = {s["id"]: s["text"] for s in data["sources"]}
    for row in data["coverage"]["claims"]:
        for cell in row["cells"]:
            span = cell["span"]
            assert (span is None) == (cell["state"] == "omits")
            if span:
                assert 0 <= span["start"] < span["end"] <= len(texts[span["source"]])
    names = [s["name"] for s in data["speakers"]]
    claims = " ".join(k["text"] for k in data["key_claims"])
    assert "Tomas Reyes" in names or "Tomas Reyes" in claims


# --- ranking -------------------------------------------------------------------------------------
def _hand_brief(facts: list[Fact]) -> Brief:
    text = "x" * 400
    sources = [Source(id=i, raw=text, text=text, outlet=i.upper()) for i in "abc"]
    docs = [
        Document(
            s, [Sentence(f"{s.id}{k}", Span(s.id, k * 100, k * 100 + 90), "", k) for k in range(4)]
        )
        for s in sources
    ]
    return Brief(sources=sources, documents=docs, facts=facts, entities=[])


def test_more_independent_outlets_rank_first():
    lone = Fact(
        "f1", "The ferry sank off Port Alder killing twelve people on Monday.", "single-source",
        [Span("a", 0, 90)], ["a"], 1,
    )  # fmt: skip
    shared = Fact(
        "f2", "Divers found the wreck of the ferry in deep water at noon.", "corroborated",
        [Span("b", 300, 390), Span("c", 300, 390)], ["b", "c"], 2,
    )  # fmt: skip
    claims = rank.key_claims(_hand_brief([lone, shared]))
    assert [k.fact_id for k in claims] == ["f2", "f1"]
    assert claims[0].witnesses == 2 and claims[1].lede > claims[0].lede


def test_a_claim_that_repeats_one_above_is_left_out():
    first = Fact(
        "f1", "The ferry sank off Port Alder killing twelve people on Monday.", "corroborated",
        [Span("a", 0, 90), Span("b", 0, 90)], ["a", "b"], 2,
    )  # fmt: skip
    again = Fact(
        "f2", "On Monday the ferry sank off Port Alder, killing twelve people.", "single-source",
        [Span("c", 0, 90)], ["c"], 1,
    )  # fmt: skip
    other = Fact(
        "f3", "Divers found the wreck of the ferry in deep water at noon.", "single-source",
        [Span("c", 100, 190)], ["c"], 1,
    )  # fmt: skip
    assert [k.fact_id for k in rank.key_claims(_hand_brief([first, again, other]))] == ["f1", "f3"]


@pytest.mark.parametrize(
    "text, reads",
    [
        ("The quake, which hit at a shallow depth of just 10 kilometres", False),
        ("Subhan Sahara, the head of the local disaster management agency", False),
        ("The quake, which hit at a shallow depth, damaged houses in Aceh.", True),
        ("Powerful earthquake injures dozens in Indonesia's Aceh province", True),
    ],
)
def test_a_noun_and_its_description_alone_is_no_key_claim(text, reads):
    assert rank.usable(Fact("f1", text, "corroborated", [Span("a", 0, 90)])) is reads


def test_a_claim_naming_the_main_entities_is_more_central():
    brief = _hand_brief([])
    brief.entities = [
        Entity("e1", "Port Alder", "place", sources=["a", "b", "c"], mentions=[Span("a", 5, 15)])
    ]
    named = Fact("f1", "Port Alder waited for news all night long.", "single-source",
                 [Span("a", 0, 90)], ["a"], 1)  # fmt: skip
    plain = Fact("f2", "Divers found the wreck in deep water at noon.", "single-source",
                 [Span("b", 0, 90)], ["b"], 1)  # fmt: skip
    brief.facts = [named, plain]
    by_id = {k.fact_id: k for k in rank.key_claims(brief)}
    assert by_id["f1"].central > by_id["f2"].central


def test_story_briefs_of_a_corpus_take_the_detail(tmp_path, capsys):
    from corpus_fixtures import BRIDGE, write_articles

    write_articles(tmp_path / "in", BRIDGE)
    db, short, full = tmp_path / "n.db", tmp_path / "short", tmp_path / "full"
    assert (
        main(["ingest", str(tmp_path / "in"), "--db", str(db), "--briefs", str(short), "-q"]) == 0
    )
    command = ["stories", "--db", str(db), "--briefs", str(full), "--briefs-detail", "full"]
    assert main(command) == 0
    capsys.readouterr()
    (a,) = short.glob("*.md")
    (b,) = full.glob("*.md")
    assert "## At a glance" in a.read_text() and "## Facts" not in a.read_text()
    assert "## At a glance" in b.read_text() and "## Facts" in b.read_text()


def test_the_short_form_opens_with_what_changed_capped(example_brief):
    brief = copy.copy(example_brief)
    brief.changes = {
        "since": "2024-03-01T10:00:00",
        "baseline": True,
        "new_sources": [],
        "new_facts": [f.id for f in example_brief.facts[:8]],
        "status_changed": [],
        "new_quotes": [],
        "conflicts_opened": [],
        "conflicts_resolved": [],
    }
    text = render(brief, "text", width=100)
    assert text.index("What changed") < text.index("At a glance")
    assert "Since the brief of 2024-03-01T10:00:00" in text and "… 4 more" in text
    markdown = render(brief, "markdown")
    assert markdown.index("## What changed") < markdown.index("## At a glance")
    assert render(example_brief, "text", width=100).count("What changed") == 0


def test_a_quote_ranks_below_a_statement_of_as_many_outlets_never_above_one_of_more():
    def fact(ident, text, sources):
        spans = [Span(s, 0, 90) for s in sources]
        return Fact(ident, text, "corroborated", spans, list(sources), len(sources))

    quoted = fact("f1", '"We will rebuild every house in the valley," the governor said.', "ab")
    plain = fact("f2", "Floodwater cut the only road between the two mountain towns.", "bc")
    lone = fact("f3", "Engineers began surveying the damaged bridge over the river.", "a")
    order = [k.fact_id for k in rank.key_claims(_hand_brief([quoted, plain, lone]))]
    assert order.index("f2") < order.index("f1") < order.index("f3")


def test_a_piece_of_a_quote_running_across_sentences_is_no_key_claim():
    piece = Fact("f1", 'Commerce Department has been instructed to get it done!"',
                 "corroborated", [Span("a", 0, 60), Span("b", 0, 60)], ["a", "b"], 2)  # fmt: skip
    whole = Fact("f2", "The Commerce Department was told to lift the ban on the company.",
                 "single-source", [Span("c", 0, 60)], ["c"], 1)  # fmt: skip
    assert not rank.usable(piece) and rank.usable(whole)
    assert [k.fact_id for k in rank.key_claims(_hand_brief([piece, whole]))] == ["f2"]


def test_a_caveat_opens_the_glance_and_one_witness_lists_no_single_source_part(example_brief):
    from newsweave.models import Caveat

    brief = copy.copy(example_brief)
    message = "articles a.txt and b.txt may not be one story"
    brief.caveats = [Caveat("not-one-story", message, ["a", "b"], [["a"], ["b"]])]
    for fmt in ("text", "markdown", "html"):
        out = " ".join(render(brief, fmt, width=200).split())
        assert "Caution:" in out and message in out
        assert out.index("Caution:") < out.index("Key claims")
    one = copy.copy(example_brief)
    one.sources = [example_brief.sources[0]]
    one.facts = [f for f in example_brief.facts if f.sources == [one.sources[0].id]]
    text = render(one, "text", width=100)
    assert "nothing can be corroborated" in text and "Only one source says" not in text


def test_every_grid_citation_has_its_marked_span(stories):
    page = to_html(stories[5])
    grid = page.split("<table class=coverage>")[1].split("</table>")[0]
    targets = set(re.findall(r"href='#(s\d+-\d+-\d+)'", grid))
    marked = set(re.findall(r"<(?:mark|span) id=(s\d+-\d+-\d+)>", page))
    assert targets and targets <= marked


def test_background_ranks_after_the_story_s_own_news_however_many_outlets_tell_it():
    news = Fact(
        "f1", "The ferry sank off Port Alder killing twelve people on Monday.", "corroborated",
        [Span("a", 0, 90), Span("b", 0, 90)], ["a", "b"], 2,
    )  # fmt: skip
    past = Fact(
        "f2", "In 2004, a storm sank another ferry in the strait, killing 300 people.",
        "corroborated", [Span(s, 100, 190) for s in "abc"], ["a", "b", "c"], 3, background=True,
    )  # fmt: skip
    assert [k.fact_id for k in rank.key_claims(_hand_brief([past, news]))] == ["f1", "f2"]


def test_a_background_fact_is_marked_and_its_toll_is_no_key_conflict(pipeline):
    from newsweave.ingest import IngestResult
    from newsweave.models import Source

    past = "In 2004, a tsunami off Aceh killed {n} people in {c} countries."
    texts = [
        "A strong earthquake struck Aceh on Tuesday, killing 24 people, officials said. "
        + past.format(n="230,000", c=14)
        + " Rescuers searched collapsed homes in the villages.",
        "An earthquake hit Aceh province on Tuesday and killed 24 people, officials said. "
        + past.format(n="230,000", c=13)
        + " Soldiers joined the search for survivors.",
    ]
    sources = [
        Source(id=f"s{i}", raw=t, text=t, outlet=o, published=dt.date(2013, 7, 2))
        for i, (t, o) in enumerate(zip(texts, ["Gazette", "Herald"]))
    ]
    brief = pipeline.brief_ingested(IngestResult(sources=sources))
    tsunami = [f for f in brief.facts if "2004" in f.text]
    assert tsunami and all(f.background for f in tsunami)
    assert not any(f.background for f in brief.facts if "Tuesday" in f.text)
    ids = {f.id for f in tsunami}
    assert any(c.fact_id in ids for c in brief.conflicts)  # 14 vs 13 countries: in full detail
    assert all(c.fact_id not in ids for c in rank.real_conflicts(brief))  # not at a glance


def test_a_day_or_year_named_in_a_fact_is_no_key_figure_at_a_glance():
    from newsweave.models import Figure, FigureValue

    def figure(kind, label, text, value):
        spans = [Span(s, 10, 13) for s in "ab"]
        return Figure(kind, kind, label, "agree", [FigureValue(x, text, value) for x in spans])

    brief = _hand_brief([])
    brief.figures = [figure("weekday", "day", "Sunday", 7), figure("dead", "dead", "12", 12)]
    assert [f.label for f in v._figures(brief)] == ["dead"]
    assert [f.label for f in brief.figures] == ["day", "dead"]  # the full section keeps both
