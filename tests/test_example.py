"""End to end on the bundled example story (AP 2018-05-14, Reuters/Straits Times 2018-05-15)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import jsonschema
import pytest

from conftest import SHARED


def _source_by_outlet(brief, word):
    return next(s for s in brief.sources if word in (s.outlet or ""))


def _ap(brief):
    return _source_by_outlet(brief, "Associated Press")


def _reuters(brief):
    return _source_by_outlet(brief, "Reuters")


def test_boilerplate_removed_and_recorded(example_brief):
    ap, rt = _ap(example_brief), _reuters(example_brief)
    assert not ap.text.startswith("WASHINGTON") and "More From WIBX" not in ap.text
    assert not rt.text.startswith("WASHINGTON") and not rt.text.rstrip().endswith("REUTERS")
    assert {(r.text, r.reason) for r in ap.removed} == {
        ("WASHINGTON (AP) —", "dateline"),
        ("More From WIBX 950", "site furniture"),
    }
    assert {r.reason for r in rt.removed} == {"dateline", "credit line"}


def test_named_quotes_have_their_speakers(example_brief):
    said = {
        (m.span.source, g.speaker): m.text
        for g in example_brief.quotes
        for m in g.mentions
        if m.kind != "indirect"
    }
    ap, rt = _ap(example_brief).id, _reuters(example_brief).id
    for speaker in [
        "Eswar Prasad",
        "Amanda DeBusk",
        "Scott Kennedy",
        "Wilbur Ross",
        "Adam Schiff",
        "Lu Kang",
        "Lindsay Walters",
        "Donald Trump",
    ]:
        assert (ap, speaker) in said, speaker
    assert (
        said[(rt, "Lindsay Walters")] == "free, fair, balanced and mutually beneficial"
    )  # "She said ..."
    assert said[(rt, "Lu Kang")] == "greatly appreciates the positive US position on the ZTE issue"


def test_reported_speech_is_attributed(example_brief):
    reported = {
        (g.speaker, m.text)
        for g in example_brief.quotes
        for m in g.mentions
        if m.kind == "indirect"
    }
    assert any(who == "Lu Kang" and "Liu" in what for who, what in reported), reported


def test_lu_kang_quotes_grouped_with_wording_difference(example_brief):
    group = next(g for g in example_brief.quotes if g.speaker == "Lu Kang")
    assert {m.span.source for m in group.mentions} == {
        _ap(example_brief).id,
        _reuters(example_brief).id,
    }
    assert group.variant
    texts = [m.text for m in group.mentions]
    assert "We think highly of the U.S. statement regarding ZTE's case" in texts
    assert any(op == "+" for op, _ in group.diff) and any(op == "-" for op, _ in group.diff)
    assert not any(
        c.kind == "quote" for c in example_brief.conflicts
    )  # the group shows the wording


def test_mnuchin_merged(example_brief):
    found = [e for e in example_brief.entities if "Mnuchin" in e.name]
    assert len(found) == 1
    forms = {found[0].name, *found[0].aliases}
    assert {"Steve Mnuchin", "Steven Mnuchin"} <= forms
    assert len(found[0].sources) == 2


def test_liu_he_resolved_with_aliases_and_role(example_brief):
    liu = next(e for e in example_brief.entities if e.name == "Liu He")
    assert "Mr Liu" in liu.aliases
    assert any("Vice" in r.text and "Premier" in r.text for r in liu.roles)


def test_sunday_resolves_to_may_13(example_brief):
    sundays = [d for doc in example_brief.documents for d in doc.dates if d.text == "Sunday"]
    assert len(sundays) >= 2 and all(d.date == dt.date(2018, 5, 13) for d in sundays)


def test_liu_he_visit_on_timeline_from_both_sources(example_brief):
    visits = [
        t
        for t in example_brief.timeline
        if (t.date, t.end) == (dt.date(2018, 5, 15), dt.date(2018, 5, 19))
    ]
    sources = {m.source for t in visits for m in t.mentions}
    assert sources == {_ap(example_brief).id, _reuters(example_brief).id}


def test_70000_employees_single_source(example_brief):
    fact = next(f for f in example_brief.facts if "70,000 employees" in f.text)
    assert fact.status == "single-source"
    assert fact.sources == [_ap(example_brief).id]


def test_seven_year_ban_corroborated(example_brief):
    texts = {s.id: s.text for s in example_brief.sources}
    facts = [
        f
        for f in example_brief.facts
        if all("seven year" in m.slice(texts[m.source]) for m in f.mentions)
    ]
    assert any(f.status == "corroborated" and len(f.sources) == 2 for f in facts)


def test_summary_cites_and_leads_with_corroborated(example_brief):
    summary = example_brief.summary
    assert 3 <= len(summary) <= 7
    assert summary[0].status == "corroborated"
    texts = {s.id: s.text for s in example_brief.sources}
    for s in summary:
        assert s.citations and s.citations[0].slice(texts[s.citations[0].source]) == s.text


def test_every_offset_slices_back(example_json):
    texts = {s["id"]: s["text"] for s in example_json["sources"]}
    spans = [
        m
        for key in ("facts", "numbers", "timeline")
        for item in example_json[key]
        for m in item["mentions"]
    ]
    spans += [c for s in example_json["summary"] for c in s["citations"]]
    spans += [v for c in example_json["conflicts"] for v in c["values"]]
    for item in example_json["quotes"]:
        for m in item["mentions"]:
            assert texts[m["source"]][m["start"] : m["end"]] == m["text"]
            spans.append(m)
    for f in example_json["facts"]:
        first = f["mentions"][0]
        assert texts[first["source"]][first["start"] : first["end"]] == f["text"]
    assert spans
    for m in spans:
        assert 0 <= m["start"] < m["end"] <= len(texts[m["source"]])


def test_json_validates_against_schema(example_json, brief_schema):
    jsonschema.validate(example_json, brief_schema)


@pytest.mark.shared
@pytest.mark.skipif(
    not (SHARED / "tools" / "check_brief_contract.py").exists(), reason="../shared not present"
)
def test_shared_contract_checker_passes(example_json):
    checker = SHARED / "tools" / "check_brief_contract.py"
    done = subprocess.run(
        [sys.executable, str(checker)],
        input=json.dumps(example_json),
        text=True,
        capture_output=True,
    )
    assert done.returncode == 0, done.stdout
