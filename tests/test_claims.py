"""Claims, not sentences (issue 25): typed figures, key figures with verdicts, conflicts only between
claims about the same thing, claim parts matched on their own, one brief whatever the input order.
Each story below is written for the behaviour it tests."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from newsweave.extract.figures import figure_kind, figures_agree
from newsweave.models import NumberMention, Source, Span
from newsweave.report import render

DAY = dt.date(2013, 7, 2)


def _numbers(nlp, text):
    from newsweave.extract.figures import same_kind_in_brackets
    from newsweave.extract.numbers import find_numbers

    doc = nlp(text)
    found = find_numbers(text, "s", doc=doc)
    for n in found:
        n.kind = figure_kind(n, doc)
    same_kind_in_brackets(found, text)
    return {n.text: n.kind for n in found}


def _run(pipeline, *texts, published=(DAY, DAY)):
    return pipeline.run(
        [
            Source(id=f"s{i}", raw=t, outlet=f"Outlet {'AB'[i]}", published=published[i])
            for i, t in enumerate(texts)
        ]
    )


@pytest.mark.parametrize(
    "text, number, kind",
    [
        ("The quake flattened buildings on Tuesday, killing at least five people.", "five", "dead"),
        ("Officials say at least 24 people were killed and more than 200 injured.", "24", "dead"),
        (
            "Officials say at least 24 people were killed and more than 200 injured.",
            "200",
            "injured",
        ),
        (
            "Indonesia earthquake: 24 dead and over 200 injured as quake hits Aceh.",
            "200",
            "injured",
        ),
        ("The 6.1-magnitude quake struck inland on Tuesday.", "6.1", "magnitude"),
        (
            "It struck at a depth of 10 kilometers (6 miles) under the town.",
            "10 kilometers",
            "depth",
        ),
        ("It struck at a depth of 10 kilometers (6 miles) under the town.", "6 miles", "depth"),
        (
            "The epicenter was 55 kilometers west of the town of Bireun.",
            "55 kilometers",
            "distance",
        ),
        ("It killed one man and left two others missing.", "two", "missing"),
        ("Raj Chohan, 59, was killed by a drunk driver.", "59", "age:chohan"),
    ],
)
def test_a_figure_says_what_it_measures(nlp, text, number, kind):
    assert _numbers(nlp, text)[number] == kind


def test_a_house_number_is_a_street_number_not_a_count(nlp):
    text = (
        "She was struck outside the store at 200 W. American Blvd. on Wednesday. Police closed "
        "the 1500 block of Main Street and three districts."
    )
    kinds = _numbers(nlp, text)
    assert kinds["200"] == "address:blvd" and kinds["1500"] == "address:block"
    assert kinds["three"].startswith("count:district")


def test_a_count_of_other_things_is_no_toll(nlp):
    kinds = _numbers(
        nlp,
        "A mother of two died when a driver struck her. Injured people came in two trucks, she said.",
    )
    assert "dead" not in kinds.values() and "injured" not in kinds.values()


def _n(value, unit=None, qualifier=None):
    return NumberMention(Span("s", 0, 1), str(value), value, unit, None, qualifier)


def test_figures_agree_across_units_qualifiers_and_rounding():
    assert figures_agree(_n(10, "km"), _n(6, "mile"))  # "10 kilometers (6 miles)"
    assert figures_agree(_n(55, "km"), _n(34, "mile"))
    assert figures_agree(_n(20, qualifier="at least"), _n(25))
    assert not figures_agree(_n(5), _n(24))
    assert not figures_agree(_n(6.4), _n(8.6))
    # "nearly two decades" / "19 years"; "18 months" / "a year and a half" (1.5 years)
    assert figures_agree(_n(2, "decade", qualifier="nearly"), _n(19, "year"))
    assert figures_agree(_n(18, "month"), _n(1.5, "year"))
    assert not figures_agree(_n(2, "decade"), _n(12, "year"))


def test_different_tolls_are_a_conflict_not_a_corroborated_fact(pipeline):
    brief = _run(
        pipeline,
        "A strong earthquake struck Aceh province on Tuesday, killing at least five people.\n\n"
        "Rescuers searched collapsed homes in the mountains.",
        "Officials said at least 24 people were killed when the quake hit Aceh on Tuesday.\n\n"
        "Hundreds slept outdoors for fear of aftershocks.",
    )
    toll = [f for f in brief.figures if f.kind == "dead"]
    assert (
        len(toll) == 1
        and toll[0].verdict == "conflict"
        and {v.text for v in toll[0].values} == {"five", "24"}
    )
    assert any(c.kind == "number" and c.subject == "dead" for c in brief.conflicts)
    for fact in brief.facts:  # never one fact citing both tolls as agreement
        assert not (
            fact.status == "corroborated" and "killing" in fact.text and len(fact.sources) == 2
        )


def test_a_later_higher_toll_of_dated_sources_is_an_update(pipeline):
    brief = _run(
        pipeline,
        "The quake struck Aceh on Tuesday, killing five people.\n\nMore later.",
        "The quake struck Aceh on Tuesday, killing 24 people.\n\nMore later.",
        published=(dt.date(2013, 7, 2), dt.date(2013, 7, 3)),
    )
    (toll,) = [f for f in brief.figures if f.kind == "dead"]
    assert toll.verdict == "updated" and "Outlet B" in toll.note


def test_figures_of_different_kinds_are_never_compared(pipeline):
    brief = _run(
        pipeline,
        "The quake struck 34 miles west of the town of Bireun. Five people died, and the magnitude was 6.1.",
        "The quake originated six miles beneath the surface. About 300 people slept outdoors, two said.",
    )
    assert not [c for c in brief.conflicts if c.kind in ("number", "place")]


def test_one_distance_in_two_directions_is_a_conflict_of_place(pipeline):
    brief = _run(
        pipeline,
        "The epicenter was located 55 kilometers west of the town of Bireun.\n\nMore later.",
        "The quake hit inland, 55 kilometres south of Bireun, the survey said.\n\nMore later.",
    )
    (place,) = [c for c in brief.conflicts if c.kind == "place"]
    assert {v.value for v in place.values} == {"55 kilometers west", "55 kilometres south"}


def test_names_spelled_with_another_case_or_first_name_form_are_no_conflict(pipeline):
    brief = _run(
        pipeline,
        "DONALD TRUMP met Steve Mnuchin in Washington on Monday.\n\nMore later.",
        "Donald Trump met Steven Mnuchin in Washington on Monday.\n\nMore later.",
    )
    assert not [c for c in brief.conflicts if c.kind == "name"]


def test_a_claim_inside_a_longer_sentence_is_matched(pipeline):
    brief = _run(
        pipeline,
        "Officials say at least 24 people were killed by the quake, which struck the western tip of Sumatra island.",
        "The quake struck the western tip of Sumatra island on Tuesday.",
    )
    matched = [f for f in brief.facts if f.status == "corroborated"]
    assert matched and any("western tip" in f.text for f in matched)
    part = next(f for f in matched if "western tip" in f.text)
    text = brief.source("s0").text
    cited = next(m for m in part.mentions if m.source == "s0")
    assert (
        "24" not in text[cited.start : cited.end]
    )  # the cited span states the claim, not the toll


def test_an_apposition_is_cited_with_the_name_it_describes(pipeline):
    brief = _run(
        pipeline,
        "Rescue teams were sent on Tuesday, said Subhan Sahara, the head of the local disaster agency.",
        "Subhan Sahara, the head of the local disaster agency, said the road to the village was cut.",
    )
    texts = [f.text for f in brief.facts if f.status == "corroborated"]
    assert "Subhan Sahara, the head of the local disaster agency" in texts
    assert "the head of the local disaster agency" not in texts  # not a claim without its name


def test_a_paragraph_a_page_repeats_is_one_fact(pipeline):
    lede = "The European Union foreign policy chief met the deposed president on Monday night."
    brief = _run(
        pipeline,
        f"{lede}\n\nShe said he was well.\n\n{lede}",
        "The EU foreign policy chief met the deposed president late on Monday night, officials said.",
    )
    facts = [f for f in brief.facts if f.text == lede]
    assert len(facts) == 1
    assert [m.start for m in facts[0].mentions if m.source == "s0"] == [0]


def test_datelines_and_update_stamps_are_no_facts(pipeline):
    brief = _run(
        pipeline,
        "Updated: July 2, 2013 15:01 IST\n\nA quake struck Aceh on Tuesday, officials said.",
        "Tue Jul 02 2013, 14:58 hrs\n\nA quake struck Aceh on Tuesday, officials said.",
    )
    assert not [f for f in brief.facts if "2013" in f.text]


def test_a_corroborated_fact_says_why(pipeline):
    brief = _run(
        pipeline,
        "A quake killed five people in Aceh province on Tuesday, officials said.\n\nMore later.",
        "Five people were killed in Aceh province on Tuesday by a quake, officials said.\n\nMore later.",
    )
    fact = next(f for f in brief.facts if f.status == "corroborated")
    assert fact.why is not None and fact.why.score > 0 and any("Aceh" in n for n in fact.why.names)
    assert fact.why.same_claim is not None and 0.6 <= fact.why.same_claim <= 1.0
    html = render(brief, "html")
    assert "<details><summary>why grouped</summary>" in html and "<script" not in html
    assert f"same claim: {fact.why.same_claim:.0%}" in html
    data = json.loads(render(brief, "json"))
    (shown,) = [f for f in data["facts"] if f["id"] == fact.id]
    assert shown["why"]["same_claim"] == fact.why.same_claim


def test_figures_are_in_every_format_and_the_json_contract(pipeline, brief_schema):
    import jsonschema

    brief = _run(
        pipeline,
        "The 6.1-magnitude quake struck Aceh, killing five people.\n\nRoads were blocked.",
        "Five people died when a magnitude 6.1 quake hit Aceh on Tuesday.\n\nSchools were closed.",
    )
    data = json.loads(render(brief, "json"))
    jsonschema.validate(data, brief_schema)
    kinds = {f["kind"]: f for f in data["figures"]}
    assert kinds["magnitude"]["verdict"] == "agree" and kinds["dead"]["verdict"] == "agree"
    for f in data["figures"]:
        for v in f["values"]:
            text = next(s["text"] for s in data["sources"] if s["id"] == v["source"])
            assert text[v["start"] : v["end"]] == v["text"]
    assert "Key figures" in render(brief, "markdown") and "Key figures" in render(brief, "html")


def test_the_same_articles_in_any_order_give_the_same_brief(pipeline):
    from newsweave.pipeline import example_sources

    forward = example_sources().sources
    backward = list(reversed(example_sources().sources))
    a, b = (json.loads(render(pipeline.run(s), "json")) for s in (forward, backward))
    for data in (a, b):
        for s in data["sources"]:
            s.pop("input_id", None)
    assert a == b


def test_a_summary_sentence_cites_only_spans_that_state_its_figures(pipeline):
    brief = _run(
        pipeline,
        "A strong earthquake struck Aceh province on Tuesday, killing five people, officials said.\n\n"
        "Rescuers searched collapsed homes in the mountains of Aceh province for survivors.",
        "A strong earthquake struck Aceh province on Tuesday, officials said.\n\n"
        "Rescuers searched collapsed homes in the mountains of Aceh province for survivors.",
    )
    texts = {s.id: s.text for s in brief.sources}
    for sentence in brief.summary:
        if "five" in sentence.text:
            assert all("five" in texts[c.source][c.start : c.end] for c in sentence.citations)


def _core(nlp, text):
    from newsweave.align.claims import claim_core
    from newsweave.models import Document, Sentence

    sentence = Sentence("s0.0", Span("s0", 0, len(text)), text, 0)
    document = Document(Source(id="s0", raw=text, text=text), [sentence], nlp=nlp(text))
    return " ".join(t.text for t in claim_core(document, sentence) if not t.is_punct)


@pytest.mark.parametrize(
    "text, core",
    [
        (
            "Greg Gianforte, the Montana congressman-elect who was accused of assault, pleaded "
            "guilty to misdemeanor assault on Monday.",
            "Greg Gianforte pleaded guilty to misdemeanor assault on Monday",
        ),
        (
            "The quake struck Aceh province on Tuesday, killing at least five people in the hills.",
            "The quake struck Aceh province on Tuesday",
        ),
        (
            "Officials say the quake, which struck the western tip of Sumatra island, killed 24 "
            "people.",
            "Officials say the quake killed 24 people",
        ),
        (
            "The driver fled the scene but was arrested by police a few blocks away.",
            "The driver fled the scene",
        ),
        ("The quake struck Aceh province on Tuesday.", ""),  # no aside: the sentence is its claim
        ("The driver fled the scene, police said.", ""),  # an aside of two words
    ],
)
def test_the_core_of_a_sentence_is_its_main_claim_without_asides(nlp, text, core):
    assert _core(nlp, text) == core


def _predicates(nlp, text):
    from newsweave.align.claims import claim_predicates
    from newsweave.models import Document, Sentence

    sentence = Sentence("s0.0", Span("s0", 0, len(text)), text, 0)
    document = Document(Source(id="s0", raw=text, text=text), [sentence], nlp=nlp(text))
    return [
        (" ".join(t.text for t in tokens if not t.is_punct), part is not None and part.text)
        for part, tokens in claim_predicates(document, sentence)
    ]


@pytest.mark.parametrize(
    "text, claims",
    [
        (
            "Gianforte pleaded guilty and was sentenced to community service for the incident.",
            [
                (
                    "Gianforte pleaded guilty",
                    "Gianforte pleaded guilty",
                ),  # its words stand together
                ("Gianforte was sentenced to community service for the incident", False),
            ],
        ),
        (  # an apposition is left out of the predicate it stands in
            "Gianforte apologized to the reporter, Ben Jacobs, and pledged to donate $50,000.",
            [
                ("Gianforte apologized to the reporter", "Gianforte apologized to the reporter"),
                ("Gianforte pledged to donate $ 50,000", False),
            ],
        ),
        (
            "He talked to his managers, went on vacation for a week, then announced his decision.",
            [
                ("He talked to his managers", "He talked to his managers"),
                ("He went on vacation for a week", False),
                ("He then announced his decision", False),
            ],
        ),
        (  # a clause with a subject of its own is read with it, not with the first one
            "Two boats managed to escape, but the other three boats were intercepted by the navy.",
            [
                ("Two boats managed to escape", "Two boats managed to escape"),
                (
                    "the other three boats were intercepted by the navy",
                    "the other three boats were intercepted by the navy",
                ),
            ],
        ),
        (  # "Police arrested him" says too little beside its subject
            "Police arrested him and he was charged with murder.",
            [("he was charged with murder", "he was charged with murder")],
        ),
        ("He was arrested and charged.", []),  # too little to match on
        ("The quake struck Aceh province on Tuesday.", []),  # one predicate: the sentence
    ],
)
def test_each_predicate_of_one_subject_is_a_claim_with_that_subject(nlp, text, claims):
    assert _predicates(nlp, text) == claims
