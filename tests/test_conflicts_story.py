"""Number conflicts on a small two-outlet story: approximations agree, a later higher toll is
flagged as a possible update rather than a plain contradiction."""

from __future__ import annotations

import datetime as dt

from newsweave.models import Source

EARLY = (
    "A fire at a textile factory in Dhaka killed 20 workers on Monday, officials said. "
    "Firefighters fought the blaze for six hours before bringing it under control.\n\n"
    "At least 100 workers were inside the building when the fire started, the fire service said."
)
LATER = (
    "The fire at a textile factory in Dhaka killed 35 workers on Monday, officials said on Tuesday. "
    "Rescue teams searched the burned floors through the night.\n\n"
    "About 120 workers were inside the building when the fire started, according to the fire service."
)


def _brief(pipeline, early_date, later_date):
    sources = [
        Source(id="early", raw=EARLY, outlet="Wire A", published=early_date),
        Source(id="later", raw=LATER, outlet="Wire B", published=later_date),
    ]
    return pipeline.run(sources)


def _same_day(pipeline, text_a: str, text_b: str):
    day = dt.date(2024, 3, 6)
    return pipeline.run(
        [
            Source(id="a", raw=text_a, outlet="A", published=day),
            Source(id="b", raw=text_b, outlet="B", published=day),
        ]
    )


def test_a_later_higher_toll_is_flagged_as_a_possible_update(pipeline):
    brief = _brief(pipeline, dt.date(2024, 3, 4), dt.date(2024, 3, 5))
    tolls = [c for c in brief.conflicts if c.kind == "number" and "20" in c.note and "35" in c.note]
    assert len(tolls) == 1 and tolls[0].update and "Wire B was published later" in tolls[0].note


def test_same_day_reports_are_a_plain_conflict(pipeline):
    brief = _brief(pipeline, dt.date(2024, 3, 4), dt.date(2024, 3, 4))
    tolls = [c for c in brief.conflicts if c.kind == "number" and "20" in c.note and "35" in c.note]
    assert len(tolls) == 1 and not tolls[0].update


def test_approximate_counts_that_overlap_are_not_a_conflict(pipeline):
    brief = _brief(pipeline, dt.date(2024, 3, 4), dt.date(2024, 3, 5))
    inside = [f for f in brief.facts if "inside the building" in f.text]
    assert len(inside) == 1 and inside[0].status == "corroborated"  # both figures are in one fact
    assert not [c for c in brief.conflicts if c.kind == "number" and "100" in c.note]


def test_a_fact_dated_differently_is_disputed_on_the_timeline(pipeline):
    brief = _same_day(
        pipeline,
        "The minister resigned on Monday after the vote, officials said.\n\nMore later.",
        "The minister resigned on Tuesday after the vote, officials said.\n\nMore later.",
    )
    assert [c.kind for c in brief.conflicts if c.kind == "date"] == ["date"]
    events = [e for e in brief.timeline if "resigned" in e.text]
    assert len(events) == 2 and all(e.disputed for e in events)


def test_a_figure_in_a_wire_story_and_its_copy_conflicts_once(pipeline):
    import datetime as dt

    from corpus_fixtures import BRIDGE, COPY
    from newsweave.models import Source

    sources = [
        Source(
            id=f"b{i}", raw=text, outlet=outlet, title=title, published=dt.date.fromisoformat(day)
        )
        for i, (outlet, day, title, text) in enumerate([BRIDGE[0], BRIDGE[1], COPY])
    ]
    brief = pipeline.run(sources)
    assert brief.source("b2").witness == "b0"  # the station's copy of the Gazette story
    money = [
        c
        for c in brief.conflicts
        if c.kind == "number" and "million" in " ".join(v.value for v in c.values)
    ]
    assert len(money) == 1, [(c.values, c.note) for c in money]


def test_a_date_that_names_a_thing_does_not_place_the_sentence(pipeline):
    # "a 2019 plan" names the plan; the event (the vote) happened on Monday
    a = Source(
        id="a",
        raw="The council on Monday approved a 2019 plan to rebuild the pier.\n\n"
        "The 2019 plan was drawn up by the harbour board.",
        outlet="A",
        published=dt.date(2024, 3, 6),
    )
    brief = pipeline.run([a])
    assert [e.date for e in brief.timeline if "approved" in e.text] == [dt.date(2024, 3, 4)]
    # alone in its sentence, the date is all there is: it stays
    assert [e.date.year for e in brief.timeline if "drawn up" in e.text] == [2019]


def test_a_caption_date_is_no_event(pipeline):
    a = Source(
        id="a",
        raw="Rockets hit the town of Sderot on Monday, the army said. July 31, 2014 (AFP)\n\n"
        "Three people were hurt.",
        outlet="A",
        published=dt.date(2014, 7, 31),
    )
    brief = pipeline.run([a])
    assert [e.date for e in brief.timeline] == [dt.date(2014, 7, 28)]


def test_lists_of_figures_are_not_paired_value_by_value(pipeline):
    brief = _same_day(
        pipeline,
        "The survival rates in the study were 40 percent, 30 percent and 20 percent.",
        "The survival rates in the study were 45 percent, 35 percent and 25 percent.",
    )
    assert [f.status for f in brief.facts] == ["corroborated"]
    assert not [
        c for c in brief.conflicts if c.kind == "number"
    ]  # 9 pairs, none of them a real clash


def _dated(pipeline, text_a: str, day_a: dt.date, text_b: str, day_b: dt.date):
    return pipeline.run(
        [
            Source(id="a", raw=text_a, outlet="A", published=day_a),
            Source(id="b", raw=text_b, outlet="B", published=day_b),
        ]
    )


def test_today_one_day_off_a_named_day_is_no_conflict(pipeline):
    # a report stamped in another time zone calls the event's day "today", a day after it
    monday = "The minister resigned on Monday after the vote, officials said.\n\nMore later."
    brief = _dated(
        pipeline,
        monday,
        dt.date(2024, 3, 4),
        "The minister resigned today after the vote, officials said.\n\nMore later.",
        dt.date(2024, 3, 5),
    )
    assert not [c for c in brief.conflicts if c.kind == "date"]
    # two days off is more than a time zone
    for text, day in [("today", dt.date(2024, 3, 6))]:
        brief = _dated(
            pipeline,
            monday,
            dt.date(2024, 3, 4),
            f"The minister resigned {text} after the vote, officials said.\n\nMore later.",
            day,
        )
        assert [c.kind for c in brief.conflicts if c.kind == "date"] == ["date"], text


def test_one_names_initials_in_two_orders_are_a_name_conflict(pipeline):
    a = (
        "Shots were fired at the offices of C&G Accounting in Millbrook on Monday, police said."
        "\n\nNo one was hurt."
    )
    b = (
        "A gunman fired shots on Monday at the Millbrook offices of G&C, a small accounting firm."
        "\n\nThe building was evacuated."
    )
    brief = _same_day(pipeline, a, b)
    (c,) = [c for c in brief.conflicts if c.subject.startswith("initials")]
    assert c.kind == "name" and sorted(v.value for v in c.values) == ["C&G", "G&C"]
    # a source that gives both orders tells of two names
    both = b.replace("The building was evacuated.", "C&G, a sister firm, was closed.")
    brief = _same_day(pipeline, a, both)
    assert not [c for c in brief.conflicts if c.subject.startswith("initials")]
    # one order in both: no conflict
    brief = _same_day(pipeline, a, b.replace("G&C", "C&G"))
    assert not [c for c in brief.conflicts if c.subject.startswith("initials")]
