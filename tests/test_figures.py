"""Key figures: times of day with their zones, publication stamps read from a report's head, a
distance that agrees in value but not in direction, tolls said to have risen (issue 25)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsweave.extract.figures import figures_agree
from newsweave.extract.stamps import stamp, stamp_lines
from newsweave.extract.times import times_of_day
from newsweave.models import Source


def _time(text):
    (n,) = times_of_day(text, "s")
    return n


def _run(pipeline, *texts, published=None):
    published = published or (None,) * len(texts)
    return pipeline.run(
        [
            Source(id=f"s{i}", raw=t, outlet=f"Outlet {'ABCD'[i]}", published=published[i])
            for i, t in enumerate(texts)
        ]
    )


@pytest.mark.parametrize(
    "text, minutes, kind, qualifier",
    [
        ("It took place at 7:37 AM local time.", 7 * 60 + 37, "time:local", None),
        ("The quake struck inland at 0737 GMT.", 7 * 60 + 37, "time:utc", None),
        ("It struck at 3:37 p.m. WIB on Tuesday.", 8 * 60 + 37, "time:utc", None),  # UTC+7
        ("It happened at about 9:25 Thursday morning.", 9 * 60 + 25, "time:local", "about"),
        ("The crash happened around 7 p.m. on Friday.", 19 * 60, "time:local", "around"),
        ("He failed sobriety tests shortly after 2 a.m.", 120, "time:local", "shortly after"),
        ("The train left at 6:15 IST.", 6 * 60 + 15, "time:ist", None),  # India or Israel: kept
        ("They defied a midnight deadline.", 0, "time:local", None),
        ("The meeting began at 9:25 hours.", 9 * 60 + 25, "time:local", None),
    ],
)
def test_a_time_of_day_is_read_with_its_zone(text, minutes, kind, qualifier):
    n = _time(text)
    assert (n.value, n.kind, n.qualifier) == (minutes, kind, qualifier)
    assert text[n.span.start : n.span.end] == n.text


def test_no_time_of_day_in_scores_decimals_and_years():
    assert times_of_day("A 43-39 record, 3.5 points and 2013 sales; 1.5 million people.", "s") == []


def test_times_agree_within_their_qualifiers_and_one_zone_only():
    assert figures_agree(_time("just after 2:30 a.m."), _time("shortly after 2 a.m."))
    assert figures_agree(_time("at about 9:25"), _time("at 9.25 p.m."))  # 12-hour clock
    assert not figures_agree(_time("at 7:37 a.m."), _time("at 8:37 a.m."))
    assert figures_agree(_time("at 07:37 a.m. UTC"), _time("at 3:37 a.m. EDT"))  # UTC-4
    assert not figures_agree(_time("at 7 p.m."), _time("at about 7:30 p.m."))
    # rounded both ways to different half hours: two times; within a quarter hour: one
    assert not figures_agree(_time("about 10 a.m."), _time("around 10:30 a.m."))
    assert figures_agree(_time("about 10 a.m."), _time("around 10:15 a.m."))
    assert figures_agree(_time("about 10 a.m."), _time("around 10 a.m."))


@pytest.mark.parametrize(
    "head, day",
    [
        ("Tue Jul 2, 2013 1:28PM GMT", dt.date(2013, 7, 2)),
        ("WEDNESDAY 03 JULY 2013", dt.date(2013, 7, 3)),
        ("INDONESIA, July 2, 2013\n\nUpdated: July 3, 2013 15:01 IST", dt.date(2013, 7, 3)),
        ("3 July 2013 Last updated at 13:38 GMT", dt.date(2013, 7, 3)),
        ("Published on Jul 02, 2013 4:22 PM", dt.date(2013, 7, 2)),
    ],
)
def test_a_publication_stamp_in_the_head_gives_the_day(head, day):
    text = (
        f"Quake hits Aceh\n\n{head}\n\nA strong earthquake struck Aceh on Tuesday, officials said."
    )
    assert stamp(text)[0] == day


def test_a_date_in_a_sentence_or_headline_is_no_stamp():
    assert stamp("The quake struck on July 2, 2013 in Aceh province, killing five.") is None
    assert stamp("Magnitude-6.1 quake hits Indonesia; 1 dead\n\nMore text here.") is None
    # a time-only stamp is a stamp line (its time is no event time) but names no day
    assert [day for day, _, _ in stamp_lines("Quake\n\nUpdated 9:06 AM\n\nText.")] == [None]


def test_tolls_of_reports_stamped_on_different_days_are_an_update(pipeline):
    brief = _run(
        pipeline,
        "Quake hits Aceh\n\nTuesday, July 2, 2013\n\n"
        "The quake struck Aceh on Tuesday, killing five people.\n\nMore later.",
        "Quake toll in Aceh\n\nWEDNESDAY 03 JULY 2013\n\n"
        "The quake struck Aceh on Tuesday, killing 24 people.\n\nMore later.",
    )
    (toll,) = [f for f in brief.figures if f.kind == "dead"]
    assert toll.verdict == "updated"
    assert [v.published for v in toll.values] == [dt.date(2013, 7, 2), dt.date(2013, 7, 3)]


def test_unstamped_different_tolls_stay_a_conflict_that_may_be_an_update(pipeline):
    brief = _run(
        pipeline,
        "The quake struck Aceh on Tuesday, killing five people.\n\nMore later.",
        "The quake struck Aceh on Tuesday, killing 24 people.\n\nMore later.",
    )
    (toll,) = [f for f in brief.figures if f.kind == "dead"]
    assert toll.verdict == "conflict" and "may be a figure that changed" in toll.note


def test_a_toll_brought_to_a_new_figure_is_an_update(pipeline):
    brief = _run(
        pipeline,
        "The quake struck Aceh on Tuesday, killing five people.\n\nMore later.",
        "A mosque collapsed in Aceh, bringing the confirmed death toll from the quake to 11.\n\n"
        "More later.",
    )
    (toll,) = [f for f in brief.figures if f.kind == "dead"]
    assert toll.verdict == "updated"
    assert "said to have risen" in toll.note and "published later" not in toll.note


def test_event_times_are_compared_in_one_zone_and_stamps_are_no_event_time(pipeline):
    brief = _run(
        pipeline,
        "Quake hits Aceh\n\nTue Jul 2, 2013 1:28PM GMT\n\n"
        "The quake struck inland at 0737 GMT on Tuesday.\n\nMore later.",
        "Quake in Aceh\n\nUpdated: July 2, 2013 15:01 IST\n\n"
        "The quake struck at 07:37 a.m. UTC (3:37 a.m. EDT) on Tuesday.\n\nMore later.",
        "Quake in Aceh\n\nThe quake took place at 7:37 AM local time on Tuesday.\n\nMore later.",
    )
    times = [f for f in brief.figures if f.kind.startswith("time")]
    # the stamps are no event times; 07:37 UTC and 3:37 a.m. EDT agree; 7:37 local time is the
    # same clock reading in another zone: one of them names the wrong zone (a conflict of zones)
    assert [(f.kind, f.verdict, len(f.values)) for f in times] == [("time", "conflict", 3)]
    assert times[0].label == "time of day (UTC or local)"
    assert not [c for c in brief.conflicts if c.kind == "date"]


def test_different_first_times_of_two_ledes_are_left_uncompared(pipeline):
    brief = _run(
        pipeline,
        "Protesters in Philadelphia ignored a 5 p.m. Sunday deadline to leave the plaza.\n\nMore.",
        "Protesters in Los Angeles defied a midnight deadline to vacate the lawn.\n\nMore.",
    )
    assert not [f for f in brief.figures if f.kind.startswith("time:")]
    assert not brief.conflicts


def test_one_distance_in_two_directions_agrees_in_value_and_conflicts_in_place(pipeline):
    brief = _run(
        pipeline,
        "The epicenter was located 55 kilometers west of the town of Bireun.\n\nMore later.",
        "The quake hit inland, 55 kilometres south of Bireun, the survey said.\n\nMore later.",
    )
    (distance,) = [f for f in brief.figures if f.kind.startswith("distance:")]
    assert distance.verdict == "agree"
    (place,) = [c for c in brief.conflicts if c.kind == "place"]
    assert {v.value for v in place.values} == {"55 kilometers west", "55 kilometres south"}
    assert not [c for c in brief.conflicts if c.kind == "number"]


def test_a_toll_named_by_what_it_counts_is_that_kind(nlp):
    from newsweave.extract.figures import figure_kind
    from newsweave.extract.numbers import find_numbers

    for text, kind in [
        ("It brought the confirmed death toll from the disaster to 11.", "dead"),
        ("The injury toll rose to 40 on Monday.", "injured"),
        ("The quake left 14 others trapped when the mosque fell.", "trapped"),
        ("Rescuers struggle to evacuate 14 children still trapped under the rubble.", "trapped"),
        ("A report said that 14 were trapped under debris.", "trapped"),
    ]:
        doc = nlp(text)
        (n,) = find_numbers(text, "s", doc=doc)
        assert figure_kind(n, doc) == kind, text


def test_people_done_to_death_are_the_dead(nlp):
    from newsweave.extract.figures import figure_kind
    from newsweave.extract.numbers import find_numbers

    for text, kind in [
        ("A gunman shot to death one person at the office on Monday.", "dead"),
        ("Two people were beaten to death in the riot.", "dead"),
        ("A gunman shot three people at the office on Monday.", "count:person:shoot"),
    ]:
        doc = nlp(text)
        (n,) = find_numbers(text, "s", doc=doc)
        assert figure_kind(n, doc) == kind, text
    text = "The court sentenced two men to death on Monday."
    doc = nlp(text)
    (n,) = find_numbers(text, "s", doc=doc)
    assert figure_kind(n, doc) != "dead"


def test_an_age_before_a_name_is_that_persons_age(nlp):
    from newsweave.extract.figures import figure_kind
    from newsweave.extract.numbers import find_numbers

    for text, kind in [
        ("On Saturday, 32-year-old Englishman Robert Buckley fell.", "age:buckley"),
        ("Paramedics found the 49-year-old Sementilli on Monday.", "age:sementilli"),
        ("Cheeks, 48, logged a long career in the league.", "age:cheeks"),  # a name read as a noun
        ("A 59-year-old woman died on Friday.", "age"),
        ("A 36-year-old Australian climber died on Friday.", "age"),
    ]:
        doc = nlp(text)
        (n,) = find_numbers(text, "s", doc=doc)
        assert figure_kind(n, doc) == kind, text


def test_a_number_said_to_be_an_age_is_an_age(nlp):
    from newsweave.extract.figures import figure_kind
    from newsweave.extract.numbers import find_numbers

    for text, kind in [
        ("The inventor, who died last month aged 94, wrote a letter.", "age"),
        ("He first went into a church at the age of 91.", "age"),
        ("He stayed at the house for 91 nights.", "count:night:stay"),
    ]:
        doc = nlp(text)
        (n,) = find_numbers(text, "s", doc=doc)
        assert figure_kind(n, doc) == kind, text


def test_one_persons_age_given_two_ways_and_two_spellings_is_one_figure(pipeline):
    brief = _run(
        pipeline,
        "Climber dies\n\nThe 31-year-old Robert Buckley fell 700 meters on Saturday.\n\nMore.",
        "Climber dies\n\nRescuers said Robert Buckley, 32, fell on Saturday.\n\nMore.",
        "Second death\n\nThe body of 32-year-old Englishman Robert Bukley was found.\n\nMore.",
    )
    (age,) = [f for f in brief.figures if f.kind.startswith("age:")]
    assert age.verdict == "conflict" and len(age.values) == 3
    assert any(c.kind == "number" and c.subject == age.label for c in brief.conflicts)
    assert "may be a figure that changed" not in age.note  # an age is not revised as news breaks


def test_durations_in_different_units_are_compared():
    from newsweave.extract.numbers import find_numbers

    def duration(text):
        (n,) = find_numbers(text, "s")
        n.kind = "duration:"
        return n

    assert duration("for around 15 seconds").unit == "second"
    assert not figures_agree(duration("for around 15 seconds"), duration("for around one minute"))
    assert figures_agree(duration("for 120 seconds"), duration("for about two minutes"))
    assert figures_agree(duration("for 60 seconds"), duration("for one minute"))


def test_counts_of_one_thing_in_one_fact_agree_whatever_their_verbs(pipeline):
    brief = _run(
        pipeline,
        "Navy foils pirate attack\n\nIndian sailors seized six rifles from the pirates in the Gulf "
        "of Aden on Thursday, the Navy said.\n\nThe merchant ships continued their voyage to "
        "Mumbai under escort.",
        "Pirates caught\n\nThe Indian warship confiscated six rifles from the pirates in the Gulf "
        "of Aden on Thursday.\n\nOfficials in Delhi praised the crew for its quick response to "
        "the distress call.",
    )
    rifles = [f for f in brief.figures if "rifle" in f.kind]
    assert [(f.kind, f.verdict, len(f.values)) for f in rifles] == [("count:rifle", "agree", 2)]


def test_counts_that_differ_are_compared_only_under_one_verb(pipeline):
    brief = _run(
        pipeline,
        "Cheeks named Sixers coach\n\n"
        "Maurice Cheeks, the new Sixers coach, played 11 seasons with the Philadelphia team.\n\n"
        "He was fired by Portland in March after a losing run.",
        "Sixers hire Cheeks\n\n"
        "Maurice Cheeks, the new Sixers coach, served seven seasons with the Philadelphia team.\n\n"
        "General manager Billy King praised his patience with young players.",
    )
    (fact,) = [f for f in brief.facts if "seasons" in f.text]
    assert fact.status == "corroborated"  # one fact: its two counts of seasons meet
    assert not [f for f in brief.figures if "season" in f.kind]
    assert not [c for c in brief.conflicts if c.kind == "number"]


def test_years_and_ordinals_of_a_sentence_are_read(nlp):
    from newsweave.extract.ordinals import claim_marks

    text = (
        "This is the fifth successful anti-piracy operation since the ship, a 2008 model, "
        "joined the 79th fleet in 2011 on 117th Street; the 2003-04 season, $2013 and 8/2/2013 "
        "are no years."
    )
    found = claim_marks(text, "s", 0, len(text), nlp(text))
    assert [(n.text, n.value, n.kind) for n in found] == [
        ("fifth", 5, "ordinal:operation"),
        ("2008", 2008, "year"),
        ("79th", 79, "ordinal:fleet"),
        ("2011", 2011, "year"),
    ]


def test_a_year_one_fact_states_is_a_figure_and_different_years_are_left_uncompared(pipeline):
    same = _run(
        pipeline,
        "Driver held\n\nThe driver of a gray 2013 Toyota Camry struck the woman in Queens on "
        "Friday night.\n\nShe died at the scene, police said.",
        "Woman killed\n\nThe driver of a grey 2013 Toyota Camry struck a woman in Queens on "
        "Friday night.\n\nHer family gathered at the temple on Saturday.",
    )
    assert [(f.kind, f.verdict) for f in same.figures if f.kind == "year"] == [("year", "agree")]
    other = _run(
        pipeline,
        "Driver held\n\nThe driver of a gray 2013 Toyota Camry struck the woman in Queens on "
        "Friday night.\n\nShe died at the scene, police said.",
        "Woman killed\n\nThe driver of a grey 2012 Toyota Camry struck a woman in Queens on "
        "Friday night.\n\nHer family gathered at the temple on Saturday.",
    )
    assert next(f for f in other.facts if "Camry" in f.text).status != "single-source"
    assert not [f for f in other.figures if f.kind == "year"]


def test_one_fact_dated_by_two_weekday_names_is_a_date_conflict(pipeline):
    brief = _run(
        pipeline,
        "Kleiner seeks costs\n\nVenture firm Kleiner Perkins filed legal paperwork Wednesday "
        "seeking $972,814 in legal costs from Ellen Pao.\n\nThe firm won the case in March.",
        "Firm wants costs\n\nKleiner Perkins is seeking $972,814 in legal costs from Ellen Pao, "
        "according to a court filing on Thursday.\n\nPao has said she will appeal.",
    )
    (date,) = [c for c in brief.conflicts if c.kind == "date"]
    assert {v.value for v in date.values} == {"Wednesday", "Thursday"}


def test_two_events_of_one_fact_on_two_weekdays_are_no_conflict(pipeline):
    brief = _run(
        pipeline,
        "Jackson arrested\n\nChargers receiver Vincent Jackson was arrested on suspicion of drunk "
        "driving on Tuesday morning.\n\nHe was released on bail.",
        "Jackson to play\n\nThe arrest of Chargers receiver Vincent Jackson on suspicion of drunk "
        "driving will not affect his status for Sunday's playoff game.\n\nThe team declined to "
        "comment.",
    )
    (fact,) = [f for f in brief.facts if "Jackson" in f.text and "driving" in f.text]
    assert fact.status != "single-source"  # one fact: its two weekdays meet
    assert not [c for c in brief.conflicts if c.kind == "date"]


def test_a_day_given_to_a_noun_doing_something_dates_the_verb_it_hangs_on(pipeline):
    """ "foiled a raid on cargo ships crossing the Red Sea on Friday": what the ships were doing
    was at the time of the raid, so Friday dates "foiled" too, against another outlet's
    Thursday."""
    brief = _run(
        pipeline,
        "Navy foils raid\n\nA frigate foiled a pirate raid on cargo ships crossing the Red Sea on "
        "Friday, seizing two skiffs, the navy said.\n\nThe ships sailed on to Suez.",
        "Pirates thwarted\n\nThe frigate Hydra on Thursday foiled a raid by pirates on a convoy "
        "of cargo ships in the Red Sea.\n\nNo one was hurt.",
    )
    (date,) = [c for c in brief.conflicts if c.kind == "date"]
    assert {v.value for v in date.values} == {"Friday", "Thursday"}


def test_a_day_given_to_a_noun_in_a_past_participle_keeps_to_that_participle(pipeline):
    """ "charged a man questioned about the robbery on Monday": the questioning was on Monday,
    not the charge; another outlet's "charged ... on Friday" is no conflict."""
    brief = _run(
        pipeline,
        "Man charged\n\nPolice charged a man questioned about the robbery of a Leeds bank on "
        "Monday, a spokesman said.\n\nHe will appear in court.",
        "Robbery charge\n\nPolice charged a man with the robbery of a Leeds bank on Friday, a "
        "spokesman said.\n\nThe bank reopened.",
    )
    assert not [c for c in brief.conflicts if c.kind == "date"]


def test_the_days_a_sentence_names_are_figures_but_relative_days_are_not():
    from newsweave.extract.dates import find_dates
    from newsweave.extract.ordinals import date_marks

    text = (
        "The Navy said on Thursday that the attack of July 2, 2013 was foiled; the ship sailed in "
        "March, and yesterday the crew rested."
    )
    found = date_marks(find_dates(text, "s", None))
    assert [(n.text, n.value, n.kind) for n in found] == [
        ("Thursday", 4, "weekday"),
        ("July 2, 2013", 20130702, "date"),
        ("March", 3, "month"),
    ]


def test_a_day_and_month_with_no_year_to_place_them_is_a_mark():
    from newsweave.align.marks import days_of_month
    from newsweave.extract.dates import find_dates

    text = "She returns to court on Dec. 26; the hearing was in March; it began on July 2, 2013."
    found = days_of_month(find_dates(text, "s", None))
    assert [(n.text, n.value, n.kind) for n in found] == [("Dec. 26", 1226, "day")]
    assert not days_of_month(find_dates(text, "s", dt.date(2013, 12, 9)))  # on the calendar


def test_one_day_of_the_month_outlets_give_for_one_verb_is_a_figure(pipeline):
    brief = _run(
        pipeline,
        "Teacher charged\n\nThe teacher was denied bail on Monday, police said.\n\nShe is "
        "scheduled to return to court on Dec. 26, prosecutors said.",
        "Bail denied\n\nA judge denied the teacher bail.\n\nThe teacher was scheduled to "
        "return to court Dec. 26.",
    )
    (day,) = [f for f in brief.figures if f.kind == "day"]
    assert day.verdict == "agree" and {v.text for v in day.values} == {"Dec. 26"}
    assert {v.span.source for v in day.values} == {"s0", "s1"}


def test_every_time_two_ledes_share_is_a_figure(pipeline):
    brief = _run(
        pipeline,
        "Camp cleared\n\nPolice moved in at 4 a.m. on Wednesday to clear the protest camp.\n\n"
        "The protesters had ignored a 5 p.m. deadline on Sunday to leave the park.",
        "Protest camp cleared\n\nThe protesters had defied a deadline set for 5 p.m. Sunday.\n\n"
        "Officers arrived at about 4 a.m. on Wednesday and cleared the camp by dawn.",
    )
    times = sorted(
        (f.verdict, [v.text for v in f.values]) for f in brief.figures if f.kind == "time:local"
    )
    assert times == [("agree", ["4 a.m.", "4 a.m."]), ("agree", ["5 p.m.", "5 p.m."])]


def test_one_clock_time_in_utc_and_as_local_time_is_a_conflict_of_zones(pipeline):
    brief = _run(
        pipeline,
        "Quake hits island\n\nThe quake struck inland at 0737 GMT, the survey said.\n\nMore.",
        "Island quake\n\nThe quake hit inland at 0737 GMT on Tuesday.\n\nMore later.",
        "Quake felt\n\nA strong quake shook the island on Tuesday.\n\nIt took place at 7:37 AM "
        "local time, officials said.\n\nMore later.",
    )
    (figure,) = [f for f in brief.figures if f.kind == "time"]
    assert figure.verdict == "conflict" and len(figure.values) == 3
    (conflict,) = [c for c in brief.conflicts if c.kind == "number"]
    assert {v.value for v in conflict.values} == {"0737", "7:37 AM"}
    for v in conflict.values:
        assert brief.source(v.source).text[v.start : v.end] == v.value


def test_a_clock_time_with_no_zone_named_is_no_conflict_of_zones(pipeline):
    brief = _run(
        pipeline,
        "Quake hits island\n\nThe quake struck inland at 0737 GMT, the survey said.\n\nMore.",
        "Island quake\n\nThe quake hit inland at 0737 GMT on Tuesday.\n\nMore later.",
        "Quake felt\n\nA strong quake shook the island on Tuesday.\n\nIt took place at 7:37 AM, "
        "officials said.\n\nMore later.",
    )
    assert not [f for f in brief.figures if f.kind == "time"]
    assert not brief.conflicts


def test_a_toll_of_a_part_of_the_victims_is_no_story_toll_when_the_source_gives_the_toll(pipeline):
    brief = _run(
        pipeline,
        "The storm hit Lamoro on Monday, killing at least nine people.\n\nMore later.",
        "The storm hit Lamoro on Monday. A school roof fell and killed four children.\n\n"
        "Officials said the storm killed nine people in all.\n\nMore later.",
    )
    (toll,) = [f for f in brief.figures if f.kind == "dead"]
    assert toll.verdict == "agree"
    assert {v.value for v in toll.values} == {9}
    text = brief.source("s1").text
    (four,) = [v for v in toll.values if v.span.source == "s1"]
    assert text[four.span.start : four.span.end] == "nine"


def test_a_toll_of_children_is_the_toll_of_a_source_that_gives_no_other(pipeline):
    brief = _run(
        pipeline,
        "The bus fell into the Kivo river on Monday, killing 12 children.\n\nMore later.",
        "Twelve children died when their school bus plunged off a bridge near Kivo, police "
        "said on Monday.\n\nThe driver survived.",
    )
    (toll,) = [f for f in brief.figures if f.kind == "dead"]
    assert toll.verdict == "agree" and len(toll.values) == 2


@pytest.mark.parametrize(
    "a, b",
    [
        ("two grandkids", "two grandchildren"),
        ("three kids", "three children"),
        ("40 homes", "40 houses"),
        ("three townspeople", "three townsperson"),
    ],
)
def test_one_thing_counted_by_two_names_is_one_quantity(a, b):
    from newsweave.extract.numbers import find_numbers, same_quantity

    (x,) = find_numbers(f"She left {a}.", "s")
    (y,) = find_numbers(f"She left {b}.", "s")
    assert same_quantity(x, y)
    (z,) = find_numbers("She left two cousins.", "s")
    assert not same_quantity(x, z)


@pytest.mark.parametrize(
    "text, wins, losses",
    [
        ("The coach posted a 43-39 record last season.", "43", "39"),
        ("He had a mark of 162-139 (.538) in Portland.", "162", "139"),
        ("They finished with a record of 56-26.", "56", "26"),
    ],
)
def test_a_win_loss_record_is_read_as_wins_and_losses(text, wins, losses):
    from newsweave.extract.records import records

    found = records(text, "s", 0, len(text))
    assert [(n.kind, text[n.span.start : n.span.end]) for n in found] == [
        ("record:win", wins),
        ("record:loss", losses),
    ]


@pytest.mark.parametrize(
    "text", ["They won 3-1 on Sunday.", "He coached in 2003-04.", "A 10-12 marked change."]
)
def test_scores_and_seasons_are_no_records(text):
    from newsweave.extract.records import records

    assert records(text, "s", 0, len(text)) == []


def test_a_record_outlets_give_is_a_figure_of_wins_and_of_losses(pipeline):
    brief = _run(
        pipeline,
        "Coach fired\n\nThe Hawks fired coach Dan Reyes on Monday despite a 41-37 record in his "
        "only season.\n\nThe team missed the playoffs.",
        "Hawks let Reyes go\n\nReyes, who went 41-37 and posted a 41-37 record with the Hawks, was "
        "let go by the club on Monday.\n\nHe had a year left on his contract.",
    )
    shown = {f.kind: f for f in brief.figures if f.kind.startswith("record:")}
    assert shown["record:win"].verdict == "agree" and shown["record:loss"].verdict == "agree"
    assert {v.value for v in shown["record:win"].values} == {41}
    assert {v.value for v in shown["record:loss"].values} == {37}


def test_one_record_three_outlets_give_is_one_figure(pipeline):
    brief = _run(
        pipeline,
        "Coach fired\n\nThe Hawks fired coach Dan Reyes on Monday. He recorded a mark of 210-180 "
        "in five seasons with the club.\n\nThe team missed the playoffs.",
        "Hawks let Reyes go\n\nReyes was let go by the Hawks on Monday. He had a 210-180 record in "
        "five seasons with the club.\n\nHe had a year left on his contract.",
        "Reyes out\n\nThe Hawks dismissed Dan Reyes, who led the team to a 210-180 record.\n\n"
        "A search for a new coach begins this week.",
    )
    for kind, value in (("record:win", 210), ("record:loss", 180)):
        (figure,) = [f for f in brief.figures if f.kind == kind]
        assert figure.verdict == "agree" and {v.value for v in figure.values} == {value}
        assert figure.note == f"{len(figure.values)} sources agree"


def test_a_conflicts_note_gives_each_value_once_with_its_sources():
    from newsweave.align.verdicts import tally
    from newsweave.models import FigureValue, Span

    def value(i, text, number, unit=None, qualifier=None):
        return FigureValue(Span(f"s{i}", 0, len(text)), text, number, unit, qualifier)

    falls = [
        value(0, "200ft", 200, "ft", "around"),
        value(1, "150 metres", 150, "m", "about"),
        value(2, "60 metres", 60, "m", "about"),  # 200 ft converted: the same value
        value(3, "150 meters", 150, "m"),
    ]
    assert tally(falls, "distance") == "around 200ft (2 sources), about 150 metres (2 sources)"
    assert tally(falls[:2], "distance") == "around 200ft, about 150 metres"


def test_days_and_years_agree_only_when_equal():
    from newsweave.extract.dates import find_dates
    from newsweave.extract.ordinals import claim_marks, date_marks

    (a,) = date_marks(find_dates("He was hired on April 21, 2004.", "s", None))
    (b,) = date_marks(find_dates("He was fired on March 2.", "s", dt.date(2005, 4, 20)))
    assert (b.value, b.kind) == (20050302, "date")
    assert not figures_agree(a, b)  # 20050302 is no rounding of 20040421
    assert figures_agree(a, a)
    text = "She hosted in 2001 and in 2005."
    first, second = claim_marks(text, "s", 0, len(text), None)
    assert not figures_agree(first, second)


def test_a_toll_said_as_none_is_a_zero_toll(nlp):
    from newsweave.extract.figures import figure_kind, zero_tolls

    text = (
        "No arrests have yet been made. There were no reported deaths, and no more than three "
        "injuries. No one knows why."
    )
    doc = nlp(text)
    found = zero_tolls(text, "s")
    assert [(n.text, n.value, figure_kind(n, doc)) for n in found] == [
        ("No arrests", 0, "arrested"),
        ("no reported deaths", 0, "dead"),
    ]


def test_a_toll_said_as_none_as_yet_and_higher_elsewhere_is_an_update(pipeline):
    brief = _run(
        pipeline,
        "Camp cleared\n\nPolice cleared the protest camp in Veska on Monday. No arrests have yet "
        "been made, officials said.",
        "Veska camp\n\nPolice cleared the protest camp in Veska on Monday. Four demonstrators were "
        "arrested, officials said.",
    )
    (figure,) = [f for f in brief.figures if f.kind == "arrested"]
    assert figure.verdict == "updated"
    assert sorted(v.text for v in figure.values) == ["Four", "No arrests"]


def test_a_toll_said_as_none_outright_and_higher_elsewhere_is_a_conflict(pipeline):
    brief = _run(
        pipeline,
        "Camp cleared\n\nPolice cleared the protest camp in Veska on Monday. No arrests were "
        "made, officials said.",
        "Veska camp\n\nPolice cleared the protest camp in Veska on Monday. Four demonstrators were "
        "arrested, officials said.",
    )
    (figure,) = [f for f in brief.figures if f.kind == "arrested"]
    assert figure.verdict == "conflict"
    assert any(c.kind == "number" for c in brief.conflicts)


def test_one_persons_figure_is_named_as_most_sources_spell_the_name(pipeline):
    brief = _run(
        pipeline,
        "Climber dies\n\nOn Friday, 36-year-old Pieter Smitt died in a fall.\n\nMore.",
        "Climber killed\n\nOn Friday, 36-year-old Pieter Smit died in a fall.\n\nMore.",
        "Fall at the glacier\n\nOn Friday, 36-year-old Pieter Smit was killed in a fall.\n\nMore.",
    )
    (age,) = [f for f in brief.figures if f.kind.startswith("age")]
    assert age.label == "age of Smit" and len(age.values) == 3


def test_days_named_at_different_precisions_agree_at_the_coarser():
    from newsweave.extract.figures import days_agree

    assert days_agree(1223, 12)  # "on 23 December" / "in December"
    assert days_agree(20140302, 302)  # "March 2, 2014" / "the March 2 broadcast"
    assert days_agree(20140302, 3)  # "March 2, 2014" / "next March"
    assert not days_agree(20140302, 303)
    assert not days_agree(1223, 11)
    assert not days_agree(20040421, 20050302)


def test_one_day_named_as_a_day_and_as_its_month_is_one_figure(pipeline):
    brief = _run(
        pipeline,
        "Inventor dies\n\nThe inventor Ivan Petrov died on 23 December after a long illness, his "
        "family said.\n\nHe was 94.",
        "Petrov remembered\n\nIvan Petrov, the inventor who died in December after a long "
        "illness, was buried on Friday.\n\nHundreds came.",
    )
    (day,) = [f for f in brief.figures if f.kind in {"day", "month"}]
    assert day.kind == "day" and day.verdict == "agree"
    assert sorted(v.text for v in day.values) == ["23 December", "December"]


def test_one_verbs_days_in_different_months_are_no_agreed_figure(pipeline):
    brief = _run(
        pipeline,
        "Inventor dies\n\nThe inventor Ivan Petrov died on 23 December after a long illness, his "
        "family said.\n\nHe was 94.",
        "Petrov remembered\n\nIvan Petrov, the inventor who died in November after a long "
        "illness, was buried on Friday.\n\nHundreds came.",
    )
    assert not [f for f in brief.figures if f.kind in {"day", "month"} and f.verdict == "agree"]


def test_a_toll_said_as_none_deep_in_a_report_is_the_sources_toll(pipeline):
    lede = "Police cleared the protest camp in Veska on Monday. Officers lined the street. "
    brief = _run(
        pipeline,
        "Camp cleared\n\n" + lede * 4 + "\n\nNo arrests have yet been made, officials said.",
        "Veska camp\n\nPolice cleared the protest camp in Veska on Monday. Four demonstrators were "
        "arrested, officials said.",
    )
    (figure,) = [f for f in brief.figures if f.kind == "arrested"]
    assert figure.verdict == "updated" and "as of their reports" in figure.note


def test_a_toll_deep_in_a_report_is_no_story_toll_unless_said_as_none(pipeline):
    lede = "Police cleared the protest camp in Veska on Monday. Officers lined the street. "
    brief = _run(
        pipeline,
        "Camp cleared\n\n" + lede * 4 + "\n\nTwo demonstrators were arrested at the park.",
        "Veska camp\n\nPolice cleared the protest camp in Veska on Monday. Four demonstrators were "
        "arrested, officials said.",
    )
    assert not [f for f in brief.figures if f.kind == "arrested" and f.verdict != "agree"]


def test_a_toll_said_as_none_deep_in_a_report_but_not_as_of_it_is_no_story_toll(pipeline):
    lede = "A 6.1-magnitude quake struck Veska on Tuesday. Houses collapsed in the hills. "
    brief = _run(
        pipeline,
        "Quake hits Veska\n\n" + lede * 4 + "\n\nOn April 20, a 6.4-magnitude quake jolted "
        "Dunmere, but caused no casualties.",
        "Veska quake\n\nA 6.1-magnitude quake struck Veska on Tuesday, injuring 40 people, "
        "officials said.",
        "Strong quake\n\nA 6.1-magnitude quake struck Veska on Tuesday, injuring 40 people.",
    )
    (injured,) = [f for f in brief.figures if f.kind == "injured"]
    assert injured.verdict == "agree" and "no casualties" not in [v.text for v in injured.values]
