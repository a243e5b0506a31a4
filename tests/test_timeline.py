"""The timeline: each statement placed by its own event's date, one entry per event, undated
events listed."""

from __future__ import annotations

import datetime as dt
import json

from newsweave.models import Source
from newsweave.report.json import to_json

D = dt.date
PUB = D(2013, 7, 3)  # a Wednesday


def _source(i: int, text: str, published: dt.date | None = PUB) -> Source:
    return Source(id=f"s{i}", raw=text, outlet=f"Outlet {i}", published=published)


def test_the_quake_is_dated_by_its_day_not_by_the_background_tsunami_year(pipeline):
    text = (
        "A strong earthquake struck the province of Aceh on Tuesday, killing 24 people in a "
        "region devastated by the tsunami of 2004.\n\n"
        "Rescue teams searched the rubble of the collapsed mosque for survivors."
    )
    brief = pipeline.run([_source(0, text)])
    quake = [e for e in brief.timeline if "strong earthquake" in e.text]
    assert [(e.date, e.end) for e in quake] == [(D(2013, 7, 2), None)]
    assert not [e for e in brief.timeline if e.date.year == 2004]


def test_a_statement_whose_only_date_is_background_is_undated_not_dated_by_it(pipeline):
    text = (
        "The strong quake left hundreds injured as it rocked a region that was devastated by "
        "the 2004 tsunami.\n\n"
        "Rescue teams searched the rubble of the collapsed mosque for survivors."
    )
    brief = pipeline.run([_source(0, text)])
    assert not [e for e in brief.timeline if "hundreds injured" in e.text]
    undated = [e for e in brief.undated if "hundreds injured" in e.text]
    assert len(undated) == 1 and undated[0].date is None
    assert undated[0].note == "its only dates name earlier things"
    cited = undated[0].mentions[0]
    assert brief.source(cited.source).text[cited.start : cited.end] == undated[0].text


def test_a_background_event_that_is_the_subject_keeps_its_year(pipeline):
    text = (
        "In 2004, a huge earthquake off Aceh triggered a tsunami that killed 230,000 people.\n\n"
        "Rescue teams searched the rubble of the collapsed mosque for survivors."
    )
    brief = pipeline.run([_source(0, text)])
    assert [e.date.year for e in brief.timeline if "tsunami" in e.text] == [2004]


def test_in_april_last_year_counts_from_the_publication_year(pipeline):
    text = (
        "In April last year an 8.6-magnitude quake struck off the coast, prompting a tsunami "
        "alert across the ocean.\n\n"
        "Rescue teams searched the rubble of the collapsed mosque for survivors."
    )
    brief = pipeline.run([_source(0, text, D(2013, 7, 2))])
    assert [(e.date, e.end) for e in brief.timeline if "8.6" in e.text] == [
        (D(2012, 4, 1), D(2012, 4, 30))
    ]


def test_the_same_event_told_by_three_articles_is_one_entry_citing_all_three(pipeline):
    texts = [  # three statements (not one fact) of the one event
        "The earthquake that struck Aceh on Tuesday measured 6.1 and was centred near the town "
        "of Takengon.",
        "Five people were killed and dozens injured when the earthquake hit Aceh on Tuesday.",
        "The earthquake on Tuesday flattened houses and a mosque in the highlands of Aceh.",
    ]
    tail = "\n\nRescue teams searched the rubble of the collapsed mosque for survivors."
    brief = pipeline.run([_source(i, t + tail) for i, t in enumerate(texts)])
    tuesday = [e for e in brief.timeline if e.date == D(2013, 7, 2)]
    assert len(tuesday) == 1, [e.text for e in tuesday]
    assert {m.source for m in tuesday[0].mentions} == {"s0", "s1", "s2"}
    assert tuesday[0].fact_id == tuesday[0].facts[0]
    for m in tuesday[0].mentions:
        assert brief.source(m.source).text[m.start : m.end] == "Tuesday"


def test_different_events_of_one_day_stay_apart(pipeline):
    text = (
        "A powerful earthquake struck Aceh province on Tuesday, flattening houses and killing "
        "five people.\n\n"
        "The central bank raised its benchmark interest rate on Tuesday to curb inflation."
    )
    brief = pipeline.run([_source(0, text)])
    assert len([e for e in brief.timeline if e.date == D(2013, 7, 2)]) == 2


def test_an_unresolved_date_lists_the_event_as_undated(pipeline):
    text = (
        "The old harbour bridge closed on Tuesday after engineers found a crack.\n\n"
        "Ferry services will run every twenty minutes from the north pier."
    )
    brief = pipeline.run([_source(0, text, None)])
    assert not brief.timeline
    (event,) = [e for e in brief.undated if "bridge closed" in e.text]
    assert "no publication date" in event.note
    data = json.loads(to_json(brief))
    assert data["undated"][0]["text"] == event.text
    assert data["undated"][0]["note"] == event.note


def test_an_article_date_line_dates_its_relative_days(pipeline):
    text = (
        "Quake hits Aceh\n\n"
        "Tue Jul 02 2013, 14:58 hrs\n\n"
        "A strong earthquake struck the province of Aceh today, injuring at least 50 people."
    )
    brief = pipeline.run([_source(0, text, None)])
    assert [e.date for e in brief.timeline if "injuring" in e.text] == [D(2013, 7, 2)]
    assert not brief.undated
