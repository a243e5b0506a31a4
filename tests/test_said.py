"""Who says so: a fact that a source reports as someone's words names its speaker."""

from __future__ import annotations

from newsweave.align import align
from newsweave.clean import clean
from newsweave.dedup import assign_witnesses
from newsweave.extract import extract
from newsweave.models import Source
from newsweave.quotes import described_speaker, find_quotes
from newsweave.report import render


def _fact(brief, words):
    return next(f for f in brief.facts if words in f.text)


def test_a_quoted_sentence_is_its_speakers_claim(example_brief):
    # the tweet, quoted by both outlets: Trump says so, neither outlet asserts it
    fact = _fact(example_brief, "Too many jobs in China lost")
    assert fact.status == "corroborated"
    assert {s.speaker for s in fact.said_by} == {"Donald Trump"}
    assert {s.span.source for s in fact.said_by} == set(fact.sources)
    groups = {g.id: g for g in example_brief.quotes}
    for said in fact.said_by:
        assert said.span in [m.span for m in groups[said.quote].mentions]


def test_reported_speech_is_a_claim_and_a_flat_statement_is_none(example_brief):
    # AP: "The foreign ministry said ..." (the ministry); Reuters: "He said ..." (Lu Kang)
    said = {
        (s.span.source, s.speaker)
        for s in _fact(example_brief, "Liu He will visit the U.S.").said_by
    }
    assert {speaker for _, speaker in said} == {"Foreign Ministry", "Lu Kang"} and len(said) == 2
    assert {s.kind for s in _fact(example_brief, "ZTE has asked the department").said_by} == {
        "indirect"
    }
    assert _fact(example_brief, "The U.S. Commerce Department last month blocked").said_by == []


def test_the_brief_says_who_said_it(example_brief, example_json):
    markdown = render(example_brief, "markdown", detail="full")
    line = next(
        ln for ln in markdown.splitlines() if ln.startswith("- Too many jobs in China lost.")
    )
    assert line.endswith("· said by Donald Trump")
    fact = next(f for f in example_json["facts"] if f["text"].startswith("Too many jobs"))
    texts = {s["id"]: s["text"] for s in example_json["sources"]}
    for said in fact["said_by"]:
        assert (
            said["speaker"] == "Donald Trump"
            and "Too many jobs" in texts[said["source"]][said["start"] : said["end"]]
        )


def _brief_facts(nlp, raw):
    sources = [clean(Source(id=f"s{i}", raw=r)) for i, r in enumerate(raw)]
    assign_witnesses(sources)
    docs, entities = extract(sources, nlp)
    for d in docs:
        d.quotes = find_quotes(d, entities)
    return align(docs, entities).facts


def test_one_outlet_quotes_what_the_other_states(nlp):
    raw = [
        "The Elm Street bridge will close for repairs on Monday, Mayor Ana Ruiz said. Drivers will be sent "
        "along Oak Road and the ring road until the work ends in June, and cyclists may use the ferry.",
        "The Elm Street bridge will close for repairs on Monday. School buses will stop at the library "
        "instead, the district wrote to parents, and the night market moves to the harbour.",
    ]
    fact = next(f for f in _brief_facts(nlp, raw) if "bridge" in f.text)
    assert fact.witnesses == 2
    assert [(s.span.source, s.speaker, s.kind) for s in fact.said_by] == [
        ("s0", "Ana Ruiz", "indirect")
    ]
    from newsweave.models import Brief
    from newsweave.report._common import said_line

    assert said_line(Brief(sources=[], facts=[fact]), fact) == "said by Ana Ruiz (in s0)"


def test_a_quoted_phrase_or_term_does_not_make_a_claim(nlp):
    raw = [
        'The council called the plan a "con" and voted 7-2 on Tuesday to close the old bridge for repairs.'
    ]
    assert _brief_facts(nlp, raw)[0].said_by == []


def test_a_speaker_the_text_describes_heads_its_quotes(pipeline):
    text = (
        'The House passed the bill on Friday. House Republicans said the vote was "a win for '
        'taxpayers and for the country."'
    )
    brief = pipeline.run([Source(id="a", raw=text, outlet="A")])
    who = render(brief, "markdown", detail="full").split("## Who said what")[1].split("## ")[0]
    assert "**House Republicans**" in who and "**House**" not in who and "unattributed" not in who
    assert (
        _fact(brief, "House Republicans said").said_by[0].speaker is None
    )  # no entity: JSON says null


def test_anonymous_sources_are_who_said_it(example_brief):
    # Reuters: "Sources briefed on the matter said Beijing had demanded ..." (no name, no quote marks)
    fact = _fact(example_brief, "Beijing had demanded the ZTE issue be resolved")
    assert [(s.kind, s.speaker) for s in fact.said_by] == [("indirect", None)]
    group = next(g for g in example_brief.quotes if g.id == fact.said_by[0].quote)
    assert [described_speaker(m) for m in group.mentions] == ["Sources"]
    who = (
        render(example_brief, "markdown", detail="full")
        .split("## Who said what")[1]
        .split("\n## ")[0]
    )
    assert "**Sources**" in who and "Beijing had demanded" in who.split("**Sources**")[1]
