"""The same-claim decision (align/sameclaim.py) and how facts use it (align/facts.py): a lone
sentence shown with the sentence of another outlet that states its claim, sentences dated on
different days kept apart, spelling variants matched. Each story is written for its test."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from newsweave.models import Source
from newsweave.report import render

DAY = dt.date(2018, 5, 14)


def _run(pipeline, *texts):
    return pipeline.run(
        [
            Source(id=f"s{i}", raw=t, outlet=f"Outlet {'ABC'[i]}", published=DAY)
            for i, t in enumerate(texts)
        ]
    )


def _facts(brief, words):
    return [f for f in brief.facts if words in f.text]


def test_a_sentence_grouped_for_one_claim_also_corroborates_another(pipeline):
    # B's one sentence states both claims (no clause of its own for the winds); A and C each
    # state one of them: B's sentence sits in A's fact and also backs C's
    brief = _run(
        pipeline,
        "Residents said a storm flooded the harbour district of Riverton overnight.\n\n"
        "Schools stayed open.",
        "The storm flooded the harbour district of Riverton overnight with winds of 120 km/h.\n\n"
        "The mayor called it the worst in decades.",
        "Winds of 120 km/h hit Riverton overnight, the weather service said.\n\n"
        "Forecasters expect calm weather by Friday.",
    )
    (winds,) = _facts(brief, "Winds of 120 km/h")
    assert winds.status == "corroborated" and set(winds.sources) == {"s1", "s2"}
    (flooded,) = _facts(brief, "flooded the harbour")
    assert flooded.status == "corroborated" and set(flooded.sources) == {"s0", "s1"}
    b_sentence = {(m.start, m.end) for m in flooded.mentions if m.source == "s1"}
    assert b_sentence == {(m.start, m.end) for m in winds.mentions if m.source == "s1"}


def test_sentences_dated_on_different_days_are_two_events(pipeline):
    brief = _run(
        pipeline,
        "Vice Premier Liu He will visit Washington from Tuesday to Saturday for talks with "
        "Treasury Secretary Steven Mnuchin.\n\nMore later.",
        "During talks in Beijing earlier this month, Vice Premier Liu He told Treasury Secretary "
        "Steven Mnuchin that China wanted the sanctions eased.\n\nMore later.",
    )
    assert not [c for c in brief.conflicts if c.kind == "date"]
    (visit,) = _facts(brief, "will visit Washington")
    assert visit.status == "single-source"


def test_the_same_sentence_dated_two_ways_is_one_fact_in_conflict(pipeline):
    brief = _run(
        pipeline,
        "The minister resigned on Monday after the vote, officials said.\n\nMore later.",
        "The minister resigned on Sunday after the vote, officials said.\n\nMore later.",
    )
    assert [c.kind for c in brief.conflicts if c.kind == "date"] == ["date"]


def test_spelling_variants_state_one_claim(pipeline):
    brief = _run(
        pipeline,
        "The whale found on the beach was 18 metres long, rangers said.\n\nMore later.",
        "Rangers said the whale on the beach was 18 meters (59 feet) long.\n\nMore later.",
    )
    (whale,) = [f for f in _facts(brief, "whale") if f.status == "corroborated"]
    assert set(whale.sources) == {"s0", "s1"}


def test_probability_orders_paraphrase_above_topic_and_needs_shared_words(pipeline):
    from newsweave.align import sameclaim
    from newsweave.align.statements import is_statement
    from newsweave.align.vectors import sentence_vectors
    from newsweave.extract import extract

    sources = [
        Source(id=f"s{i}", raw=t, outlet=f"O{i}", published=DAY)
        for i, t in enumerate(
            [
                "Police arrested the driver a few blocks away.",
                "The driver was arrested by police a few blocks away.",
                "The driver had been drinking at a bar before the crash.",
                "Tickets for the concert go on sale on Friday.",
            ]
        )
    ]
    from newsweave.clean import clean

    for s in sources:
        clean(s)
    documents, _ = extract(sources, pipeline.nlp)
    a, b, c, d = sentence_vectors(documents, keep=is_statement)[:4]
    assert sameclaim.probability(a, b) >= sameclaim.SAME > sameclaim.probability(a, c)
    assert sameclaim.probability(a, d) == 0.0  # nothing shared: below the lexical floor


def test_a_single_source_fact_names_the_closest_statement_elsewhere(pipeline):
    lede = "A storm hit the coast of Portugal on Friday.\n\n"
    closed = "The storm closed the coastal highway near Lisbon for six hours."
    cleared = "Crews cleared fallen trees from the coastal highway near Lisbon."
    brief = _run(pipeline, lede + closed, lede + cleared)
    (fact,) = _facts(brief, "closed the coastal highway")
    assert fact.status == "single-source" and fact.nearest is not None
    near = fact.nearest
    assert brief.source(near.span.source).text[near.span.start : near.span.end] == cleared
    assert 0 < near.same_claim < 0.6  # below the bar for one fact
    (lead,) = _facts(brief, "A storm hit")
    assert lead.status == "corroborated" and lead.nearest is None
    assert "closest elsewhere: Outlet B (same claim:" in render(brief, "markdown", detail="full")
    assert "<summary>closest elsewhere</summary>" in render(brief, "html", detail="full")
    data = json.loads(render(brief, "json"))
    shown = next(f for f in data["facts"] if f["id"] == fact.id)
    assert shown["nearest"]["source"] == near.span.source
    assert shown["nearest"]["same_claim"] == near.same_claim


@pytest.mark.parametrize("rows", [512, 7])
def test_close_pairs_keeps_every_pair_whose_cosine_reaches_the_floor(monkeypatch, rows):
    # the sparse product sums in another order than `cosine`: every pair at or over the floor is
    # kept (duplicates, whose cosine is 1 up to rounding, at a floor of 1 too), and no pair under
    # it, whether the product is taken whole or a few rows at a time
    import math
    import random

    from newsweave.align import vectors as module
    from newsweave.align.vectors import SentenceVector, close_pairs, cosine

    monkeypatch.setattr(module, "_PRODUCT_ROWS", rows)
    rng = random.Random(7)
    vectors = []
    for _ in range(60):
        weights = {
            f"w:{rng.randrange(30)}": rng.uniform(0.1, 3.0) for _ in range(rng.randint(0, 6))
        }
        vectors.append(SentenceVector(None, None, {}, weights))
    vectors += [SentenceVector(None, None, {}, dict(v.weights)) for v in vectors[:5]]
    for v in vectors:
        v.norm = math.sqrt(sum(w * w for w in v.weights.values()))
    pairs = [(i, j) for i in range(len(vectors)) for j in range(i + 1, len(vectors))]
    for floor in (0.1, 0.5, 1.0):
        found = close_pairs(vectors, floor)
        assert {p for p in pairs if cosine(vectors[p[0]], vectors[p[1]]) >= floor} <= found
        assert all(cosine(vectors[i], vectors[j]) >= floor - 1e-6 for i, j in found)
    assert {(i, i + 60) for i in range(5) if vectors[i].norm} <= close_pairs(vectors, 1.0)


def test_a_sentence_with_asides_is_cited_whole_and_shown_once(pipeline):
    # A's sentence says more (who Gianforte is) than B's; its core (the main claim) is never shown
    lede = (
        "Greg Gianforte, the Montana congressman-elect who was accused of body slamming a "
        "reporter, pleaded guilty to misdemeanor assault Monday morning."
    )
    brief = _run(
        pipeline,
        f"{lede}\n\nThe weather in Bozeman was fine.",
        "Gianforte pleaded guilty and was sentenced to community service for the incident.\n\n"
        "He plans to run again next year.",
    )
    (fact,) = [f for f in brief.facts if f.status == "corroborated"]
    text = brief.source("s0").text
    assert {m.source for m in fact.mentions} == {"s0", "s1"}
    cited = next(m for m in fact.mentions if m.source == "s0")
    assert text[cited.start : cited.end] == lede  # the whole sentence cites its main claim
    assert not [f for f in brief.facts if f.text == lede and f.status == "single-source"]


def _sentences(*texts):
    """One whole-sentence vector per text, each from its own source, and the vector of its core."""
    from collections import Counter

    from newsweave.align.vectors import SentenceVector
    from newsweave.models import Document, Sentence, Span

    out = []
    for i, text in enumerate(texts):
        source = Source(id=f"s{i}", raw=text, text=text, published=DAY)
        sentence = Sentence(f"s{i}.0", Span(f"s{i}", 0, len(text)), text, 0)
        document = Document(source, [sentence])
        whole = SentenceVector(sentence, document, Counter(), {})
        core = SentenceVector(sentence, document, Counter(), {}, parent=sentence, core=("x",))
        out.append((whole, core))
    return out


def test_a_core_backs_a_lone_sentence_as_its_whole_sentence_once():
    from newsweave.align.facts import _grouped

    (a, a_core), (b, b_core) = _sentences(
        "Gianforte, who was accused of attacking a reporter, pleaded guilty on Monday.",
        "Gianforte pleaded guilty and was sentenced to community service.",
    )
    vectors = [a, a_core, b, b_core]
    # the core of B's sentence states A's claim: A is shown with B's sentence, B not again alone;
    # the fact holds the claims that paired (a core, its dates and figures those of its words)
    assert _grouped(vectors, [], {0: [(0.8, 3)]}) == [[a, b_core]]
    # A's core states B's claim: the same fact, with A's sentence (its core is never shown alone)
    assert _grouped(vectors, [], {1: [(0.8, 2)]}) == [[a_core, b]]
    # each cites its whole sentence
    for pair in ([a, b_core], [a_core, b]):
        assert [v.sentence for v in pair] == [a.sentence, b.sentence]
    # no support: two single-source facts, no core among them
    assert _grouped(vectors, [], {}) == [[a], [b]]


def test_a_lone_partner_backs_one_fact_and_the_next_likeliest_backs_the_next():
    from newsweave.align.facts import _grouped

    (a, _), (b, _), (c, _), (d, _) = _sentences(
        "The mayor opened the new bridge on Monday.",
        "The new bridge cost $4 million.",
        "The mayor opened the new bridge, which cost $4 million, on Monday.",
        "The city paid $4 million for the bridge.",
    )
    # C (lone) backs A; B's likeliest partner C is taken, so its next likeliest, D, backs it
    support = {0: [(0.8, 2)], 1: [(0.7, 2), (0.6, 3)]}
    assert _grouped([a, b, c, d], [], support) == [[a, c], [b, d]]
    # with no other partner, B is shown alone, not with C again
    assert _grouped([a, b, c, d], [], {0: [(0.8, 2)], 1: [(0.7, 2)]}) == [[a, c], [b], [d]]
    # without support, four single-source facts
    assert _grouped([a, b, c, d], [], {}) == [[a], [b], [c], [d]]


def test_a_predicate_of_a_sentence_is_cited_by_its_words_and_the_sentence_still_shown(pipeline):
    # B's sentence states two claims: its first predicate ("Gianforte pleaded guilty") backs A's
    # lone sentence and is cited by its own words; B's sentence is shown too, for the sentencing
    brief = _run(
        pipeline,
        "Greg Gianforte, the Montana congressman-elect who was accused of body slamming a "
        "reporter, pleaded guilty to misdemeanor assault Monday morning.\n\n"
        "The weather in Bozeman was fine.",
        "Gianforte pleaded guilty and was sentenced to community service for the incident.\n\n"
        "He plans to run again next year.",
    )
    (fact,) = [f for f in brief.facts if f.status == "corroborated"]
    cited = next(m for m in fact.mentions if m.source == "s1")
    assert brief.source("s1").text[cited.start : cited.end] == "Gianforte pleaded guilty"
    assert _facts(brief, "was sentenced to community service")


def test_a_date_in_an_aside_does_not_keep_a_main_claim_apart(pipeline):
    # A's sentence is dated in its relative clause (when O'Brien was hired), B's on the day of the
    # firing: the main claims (without the aside) state one event
    brief = _run(
        pipeline,
        "Nearly three weeks after the season ended, team president Billy King decided to fire "
        "coach Jim O'Brien, who was hired on April 21, 2004.\n\nThe weather was fine.",
        "In a surprising move nearly three weeks after the end of the season, the team fired "
        "coach Jim O'Brien on Monday.\n\nFans were pleased.",
    )
    (fact,) = _facts(brief, "decided to fire")
    assert fact.status == "corroborated" and set(fact.sources) == {"s0", "s1"}
    assert not [c for c in brief.conflicts if c.kind == "date"]


def _anchored_groups(pipeline, first, second):
    """The sentence groups of two one-sentence sources whose sentences carry one quote group."""
    from newsweave.align.facts import group_facts
    from newsweave.align.statements import is_statement
    from newsweave.align.vectors import sentence_vectors
    from newsweave.clean import clean
    from newsweave.extract import extract

    sources = [clean(Source(id=f"s{i}", raw=t)) for i, t in enumerate((first, second))]
    documents, _ = extract(sources, pipeline.nlp)
    anchors = {frozenset((d.source.id, d.sentences[0].span.start) for d in documents)}
    vectors = sentence_vectors(documents, keep=is_statement)
    return [{m.source for m in g} for g in group_facts(vectors, anchors)]


def test_one_quote_group_pairs_sentences_only_where_they_read_somewhat_alike(pipeline):
    # two quotes of one speaker that a quote group joined: they share his name and nothing else
    apart = _anchored_groups(
        pipeline,
        '"Of course we do not trust them," said Ahmed Saleh, a civil servant in the capital.',
        '"They will probably attack more and more, but we have no fear now," Saleh added.',
    )
    assert {"s0", "s1"} not in apart
    alike = _anchored_groups(
        pipeline,
        '"We do not trust the regime anymore," Ahmed Saleh said in a phone interview.',
        '"We don\'t trust the regime any more," said Saleh, a civil servant.',
    )
    assert {"s0", "s1"} in alike
    # one figure of one kind given two ways in one quote: one statement, whose values differ
    houses = _anchored_groups(
        pipeline,
        "He said at least 22 houses were badly damaged in the district.",
        "Around 40 houses were damaged by the quake, including some which were flattened, said "
        "disaster agency official Fauzi.",
    )
    assert {"s0", "s1"} in houses


def _described_pairs(pipeline, *texts):
    """The vectors of one-sentence sources and the pairs `facts._scores` keeps (i, j) with the
    apposition parts' described entities (`SentenceVector.about`)."""
    from newsweave.align.facts import _scores
    from newsweave.align.statements import is_statement
    from newsweave.align.vectors import sentence_vectors
    from newsweave.clean import clean
    from newsweave.extract import extract

    sources = [clean(Source(id=f"s{i}", raw=t)) for i, t in enumerate(texts)]
    documents, _ = extract(sources, pipeline.nlp)
    vectors = sentence_vectors(documents, keep=is_statement)
    return vectors, set(_scores(vectors, set()))


def test_descriptions_of_two_named_people_are_two_claims(pipeline):
    # each apposition states who one person is: alike titles of two people are no one claim,
    # whether the other side is that person's apposition or the sentence that holds it
    vectors, pairs = _described_pairs(
        pipeline,
        "Ahmad Fauzi, an official of the local disaster agency in Central Aceh, said rescuers had "
        "reached the village.",
        "Subhan Sahara, an official of the local disaster agency in Central Aceh, told reporters "
        "that schools would stay closed.",
    )
    about = {v.about for v in vectors if v.about}
    assert about == {"ahmad-fauzi", "subhan-sahara"}
    described = [k for k, v in enumerate(vectors) if v.about]
    assert not [p for p in pairs if set(p) & set(described)]
    # one person described by two outlets is one claim
    vectors, pairs = _described_pairs(
        pipeline,
        "Ahmad Fauzi, an official of the local disaster agency in Central Aceh, said rescuers had "
        "reached the village.",
        "Ahmad Fauzi, an official of the local disaster agency in Central Aceh, told reporters "
        "that schools would stay closed.",
    )
    described = [k for k, v in enumerate(vectors) if v.about]
    assert len(described) == 2 and tuple(described) in pairs
