"""What changed since an earlier brief, over typed snapshots (`corpus.changes`), and the
typed cluster cache key (`corpus.stories.ClusterKey`). No language model: briefs built here."""

from __future__ import annotations

from newsweave.corpus import ClusterKey
from newsweave.corpus.changes import BriefMarks, compare
from newsweave.models import (
    Brief,
    Conflict,
    ConflictValue,
    Fact,
    QuoteGroup,
    QuoteMention,
    Source,
    Span,
)
from newsweave.report.changes import change_lines
from newsweave.report.json import to_dict


def _brief(n_sources: int, statuses: list[str], conflict_values: list[str]) -> Brief:
    sources = [
        Source(id=f"s{i}", raw="x", text="The toll rose to 12. He said it.")
        for i in range(n_sources)
    ]
    facts = [
        Fact(
            f"f{i + 1}",
            "The toll rose to 12.",
            status,
            [Span(f"s{j}", 0, 20) for j in range(i + 1)],
        )
        for i, status in enumerate(statuses)
    ]
    quote = QuoteGroup("q1", "Ana", None, [QuoteMention(Span("s0", 21, 32), "He said it.")])
    conflicts = (
        [
            Conflict(
                "number",
                [ConflictValue(f"s{i}", v, 17, 19) for i, v in enumerate(conflict_values)],
                "toll",
                "differs",
                "f1",
            )
        ]
        if conflict_values
        else []
    )
    return Brief(sources=sources, facts=facts, quotes=[quote], conflicts=conflicts)


def test_marks_read_back_from_a_snapshot_are_the_briefs_own():
    brief = _brief(2, ["single-source", "corroborated"], ["12", "13"])
    assert BriefMarks.from_json(to_dict(brief)) == BriefMarks.of(brief)


def test_changes_name_new_sources_facts_quotes_and_conflicts():
    before = BriefMarks.of(_brief(1, ["single-source"], []))
    after_brief = _brief(2, ["corroborated", "single-source"], ["12", "13"])
    changes = compare(before, BriefMarks.of(after_brief), "2023-03-06T10:00:00+00:00")
    assert changes["baseline"] is True and changes.new_sources == ["s1"]
    assert changes.new_facts == [] and changes.new_quotes == []
    assert [(s.fact, s.before, s.after) for s in changes.status_changed] == [
        ("f1", "single-source", "corroborated")
    ]
    assert [c.kind for c in changes.conflicts_opened] == ["number"]
    after_brief.changes = changes
    data = to_dict(after_brief)["changes"]
    assert list(data) == [
        "since",
        "baseline",
        "new_sources",
        "new_facts",
        "status_changed",
        "new_quotes",
        "conflicts_opened",
        "conflicts_resolved",
    ]
    assert data["status_changed"] == [{"fact": "f1", "from": "single-source", "to": "corroborated"}]
    assert data["conflicts_opened"] == to_dict(after_brief)["conflicts"]
    lines = change_lines(changes, {}, {}, {"s0": "AP"})
    assert "conflict opened (number): AP: 12; s1: 13" in lines
    resolved = compare(
        BriefMarks.of(after_brief), BriefMarks.of(_brief(2, ["corroborated"], [])), "t"
    )
    assert [c.subject for c in resolved.conflicts_resolved] == ["toll"]


def test_no_earlier_brief_is_no_baseline():
    changes = compare(None, BriefMarks.of(_brief(1, ["single-source"], [])), None)
    assert changes["baseline"] is False and changes.new_facts == ["f1"]
    try:
        changes["not_a_field"]
    except KeyError:
        pass
    else:
        raise AssertionError("unknown keys are a KeyError")


def test_the_cluster_key_round_trips_and_refuses_what_is_not_one():
    key = ClusterKey(41, 8, "embed")
    assert key.to_state() == [41, 8, "embed"]  # what stores have always held
    assert ClusterKey.from_state(key.to_state()) == key
    for bad in (None, [], [1, 2], ["1", 8, "lexical"], [1, 8, "magic"], {"last_seq": 1}):
        assert ClusterKey.from_state(bad) is None


def test_changes_read_back_from_their_json_as_code_that_set_a_dict_does():
    from newsweave.models import Changes

    before = BriefMarks.of(_brief(1, ["single-source"], ["12", "13"]))
    after = _brief(2, ["corroborated", "single-source"], [])
    after.changes = compare(before, BriefMarks.of(after), "2023-03-06T10:00:00+00:00")
    data = to_dict(after)["changes"]
    assert Changes.of(data) == after.changes and Changes.of(after.changes) is after.changes
    after.changes = data  # a dict, as the field once held: rendered the same
    assert to_dict(after)["changes"] == data
