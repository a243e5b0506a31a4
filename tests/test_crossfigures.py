"""Figures compared across outlets by type and event, whatever facts their sentences are in
(align/crossfigures.py, issue 25)."""

from __future__ import annotations

from newsweave.models import Source


def _run(pipeline, *texts):
    return pipeline.run(
        [Source(id=f"s{i}", raw=t, outlet=f"Outlet {'ABCD'[i]}") for i, t in enumerate(texts)]
    )


def _numbers(brief):
    return [c for c in brief.conflicts if c.kind == "number"]


def _number(nlp, text, value):
    """(the number of `value` in the text, the text's parse)."""
    from newsweave.extract.numbers import find_numbers

    doc = nlp(text)
    (n,) = [n for n in find_numbers(text, "s", doc=doc) if n.value == value]
    return n, doc


def _cited(brief, value):
    return brief.source(value.source).text[value.start : value.end]


def test_values_in_sentences_stating_other_claims_are_compared(pipeline):
    brief = _run(
        pipeline,
        "Climber dies in the Alps\n\nA 41-year-old Dutch climber is dead after falling about 150 "
        "metres near the Dent Blanche glacier.\n\nRescuers reached the body by helicopter.",
        "Dutch climber killed\n\nOn Monday, 41-year-old Pieter Smit died after slipping and falling "
        "about 60 metres from a ridge near the Dent Blanche glacier.\n\nHe had been climbing with "
        "his brother.",
        "Alpine fall\n\nThe 41-year-old Dutchman slipped on Monday, falling about 60 metres from a "
        "ridge near the Dent Blanche glacier, police said.\n\nThe weather was clear.",
    )
    (conflict,) = _numbers(brief)
    assert {v.value for v in conflict.values} == {"150 metres", "60 metres"}
    assert all(_cited(brief, v) == v.value for v in conflict.values)
    (figure,) = [f for f in brief.figures if f.kind == "distance"]
    assert figure.verdict == "conflict" and len(figure.values) == 3
    assert figure.label == "distance (fall, Smit)"


def test_a_source_giving_two_values_of_one_thing_tells_of_two_things(pipeline):
    brief = _run(
        pipeline,
        "Navy seizes arms\n\nThe sailors seized six rifles from the skiff on Thursday. Over five "
        "operations the crew has seized 14 rifles in all.\n\nThe ship returns to port next week.",
        "Arms haul\n\nThe sailors seized six rifles from the skiff on Thursday, officials said.\n\n"
        "The crew has seized 14 rifles in five operations.",
        "Pirates disarmed\n\nThe warship's crew has now seized 14 rifles in five operations, the "
        "navy said.\n\nNo sailor was hurt.",
    )
    assert not _numbers(brief)


def test_figures_of_another_time_are_not_compared_with_the_story(pipeline):
    brief = _run(
        pipeline,
        "Quake hits coast\n\nA 6.1-magnitude quake struck the coast on Tuesday, officials "
        "said.\n\nIn 2004, a 9.1-magnitude quake struck the same coast.",
        "Strong quake\n\nThe 6.1-magnitude quake struck the coast on Tuesday morning.\n\nIn 2004, "
        "a 9.1-magnitude quake struck the coast, triggering a tsunami.",
        "Coast shaken\n\nA 9.1-magnitude quake struck the coast in 2004, and on Tuesday a "
        "6.1-magnitude quake struck again.\n\nSchools were closed.",
    )
    assert not [c for c in _numbers(brief) if "9.1" in {v.value for v in c.values}]


def test_counts_over_different_places_are_not_compared(pipeline):
    brief = _run(
        pipeline,
        "Storm toll\n\nThe storm destroyed 300 houses in the province, officials said.\n\nRoads "
        "were closed.",
        "Storm damage\n\nThe storm destroyed 300 houses in the province on Sunday.\n\nPower was "
        "cut.",
        "Storm hits\n\nAid groups said on Sunday that the storm destroyed 2,000 houses across the "
        "region, leaving families without shelter.\n\nSchools stayed shut.",
    )
    assert not _numbers(brief)


def test_every_source_giving_another_number_is_no_conflict(pipeline):
    brief = _run(
        pipeline,
        "Quake damage\n\nAt least 22 houses were damaged in the district, he said.\n\nMore later.",
        "Damage report\n\nAround 40 houses were damaged by the quake, an official said.\n\nMore "
        "later.",
        "Houses damaged\n\nThe quake damaged more than 300 houses, the agency said.\n\nMore later.",
    )
    assert not _numbers(brief)


def test_the_same_thing_told_two_ways_is_one_figure_that_agrees(pipeline):
    brief = _run(
        pipeline,
        "Quake hits\n\nThe quake struck at noon. Four other people died in hospitals in the "
        "district, officials said.\n\nMore later.",
        "Quake toll\n\nAnother four people died in hospitals in the district, an official "
        "said, after the quake struck.\n\nMore later.",
    )
    assert not _numbers(brief)


def test_one_event_dated_by_two_month_names_in_different_facts_is_a_date_conflict(pipeline):
    brief = _run(
        pipeline,
        "Composer's letter\n\nThe composer Ivan Petrov, who died last month aged 88, wrote a long "
        "emotional letter to Archbishop Lev in May 2012, church officials say.\n\nThe letter was "
        "typed on his own paper.",
        "Petrov letter published\n\nPetrov, who died in December at the age of 88, in April "
        "wrote a lengthy emotional letter to Archbishop Lev, a daily reported.\n\nHis daughter "
        "helped him.",
    )
    (conflict,) = [c for c in brief.conflicts if c.kind == "date"]
    assert {v.value for v in conflict.values} == {"May 2012", "April"}
    assert all(_cited(brief, v) == v.value for v in conflict.values)
    (month,) = [f for f in brief.figures if f.verdict == "conflict"]
    assert (month.kind, month.label) == ("month", "month (in dispute)")
    assert sorted(v.value for v in month.values) == [4, 5]


def test_a_source_dating_one_verb_on_two_days_tells_of_two_events(pipeline):
    brief = _run(
        pipeline,
        "Two climbers die\n\nJan Smit, a climber, died on Friday after a fall on Mount Dore.\n\n"
        "Tom Jones, a climber, died on Saturday after a fall on Mount Dore.",
        "Climber dies\n\nA climber from Leeds, Tom Jones, died on Saturday after a fall on Mount "
        "Dore, police said.\n\nHis companions were rescued by helicopter on Sunday.",
    )
    assert not [c for c in brief.conflicts if c.kind == "date"]


def test_a_year_or_day_outlets_give_for_one_verb_is_a_figure_whatever_the_facts(pipeline):
    brief = _run(
        pipeline,
        "Coach named\n\nThe new coach, a guard on the 1983 title team, played 11 seasons before "
        "retiring in 1993 and then moved into coaching.\n\nHe starts on Monday.",
        "Team hires coach\n\nThe club hired the former guard, who won a title in 1983 and later "
        "coached in Portland for four years, before retiring in 1993, officials said.\n\nFans "
        "cheered.",
    )
    (retired,) = [f for f in brief.figures if f.label == "year (retire)"]
    assert retired.verdict == "agree"
    assert {
        brief.source(v.span.source).text[v.span.start : v.span.end] for v in retired.values
    } == {"1993"}
    assert len(retired.values) == 2


def test_ages_said_two_ways_in_different_facts_are_one_figure(pipeline):
    brief = _run(
        pipeline,
        "Inventor's letter\n\nIvan Petrov, who died last month aged 94, wrote a letter to the "
        "archbishop, officials say.\n\nThe letter was typed.",
        "Letter published\n\nThe daily printed the letter of Petrov, who died in December at the "
        "age of 94.\n\nHis daughter helped.",
    )
    (age,) = [f for f in brief.figures if f.kind == "age"]
    assert age.verdict == "agree" and sorted(v.value for v in age.values) == [94, 94]


def _names(brief):
    return [c for c in brief.conflicts if c.kind == "name"]


def _holders(pipeline, first, second):
    return _run(
        pipeline,
        f"Receiver arrested\n\nThe team's receiver was arrested on Sunday. {first} said the "
        "club was aware of the arrest.\n\nThe player was released on bail.",
        f"Player held\n\nPolice held the receiver overnight. {second} declined to comment on "
        "the case.\n\nA hearing is set for May.",
    )


def test_one_post_given_to_two_names_is_a_conflict_of_names(pipeline):
    brief = _holders(
        pipeline, "Falcons general manager P.J. Harlow", "Falcons general manager P.J. Brennan"
    )
    (conflict,) = _names(brief)
    assert {v.value for v in conflict.values} == {"P.J. Harlow", "P.J. Brennan"}
    assert all(_cited(brief, v) == v.value for v in conflict.values)


def test_a_name_spelled_two_ways_or_another_post_is_no_conflict_of_names(pipeline):
    spelled = _holders(
        pipeline, "Falcons general manager Omar Morsi", "Falcons general manager Omar Mursi"
    )
    other_team = _holders(
        pipeline, "Falcons general manager P.J. Harlow", "Ravens head coach P.J. Brennan"
    )
    assert not _names(spelled) and not _names(other_team)


def test_a_figure_is_shown_once(pipeline):
    brief = _run(
        pipeline,
        "Flood in Tarvo\n\nThe flood destroyed 40 houses in Tarvo on Sunday, officials said.\n\n"
        "Rain fell for two days.",
        "Tarvo flood\n\nThe flood destroyed 40 homes in Tarvo on Sunday, officials said.\n\n"
        "Roads were closed.",
    )
    places = [frozenset((v.span.source, v.span.start) for v in f.values) for f in brief.figures]
    assert not any(a <= b for i, a in enumerate(places) for j, b in enumerate(places) if i != j)
    (houses,) = [f for f in brief.figures if f.kind.startswith("count:house")]
    assert houses.verdict == "agree" and len(houses.values) == 2


def test_one_event_told_in_other_words_and_dated_by_months_is_compared(pipeline):
    brief = _run(
        pipeline,
        "Tremor in Veska\n\nA 5.2-magnitude quake struck Veska on Monday, officials said.\n\n"
        "In April last year a 7.4-magnitude quake struck off the port of Dunmere, killing ten.",
        "Veska shaken\n\nThe 5.2-magnitude quake struck Veska on Monday morning.\n\n"
        "A 7.6-magnitude earthquake also hit off the port of Dunmere in May last year.",
    )
    (big,) = [c for c in _numbers(brief) if "7.4" in {v.value for v in c.values}]
    assert {v.value for v in big.values} == {"7.4", "7.6"}
    assert all(_cited(brief, v) == v.value for v in big.values)


def test_a_figure_dated_in_a_month_is_not_counted_over_a_place_and_hit_is_struck(nlp):
    from newsweave.extract.frames import figure_frame

    def frame(text):
        return figure_frame(*_number(nlp, text, 300))

    may = frame("In May a quake hit the coast, destroying 300 houses in Dunmere.")
    assert may.scope == frozenset({"dunmere"})
    april = frame("In April an earthquake struck the coast and destroyed 300 houses.")
    assert "april" not in april.scope and april.verb in {"strike", "destroy"}
    assert (
        frame("An earthquake hit 300 villages.").verb == frame("A quake struck 300 villages.").verb
    )
    assert frame("An earthquake hit 300 villages.").subject == "earthquake"
    assert frame("A quake struck 300 villages.").subject == "earthquake"


def test_a_toll_of_a_part_of_the_victims_is_its_own_figure(pipeline):
    brief = _run(
        pipeline,
        "Storm in Lamoro\n\nThe storm hit Lamoro on Monday, killing at least five people.\n\n"
        "A school roof fell on a classroom and killed three children, the mayor said.",
        "Lamoro storm\n\nAt least nine people died when the storm hit Lamoro on Monday.\n\n"
        "Three children were killed when a school roof fell on a classroom, officials said.",
    )
    dead = [f for f in brief.figures if f.kind == "dead"]
    (children,) = [f for f in dead if 3 in {v.value for v in f.values}]
    assert children.verdict == "agree" and {v.value for v in children.values} == {3}
    (toll,) = [f for f in dead if f is not children]
    assert {v.value for v in toll.values} == {5, 9}


def test_a_small_count_after_the_is_no_figure(pipeline):
    brief = _run(
        pipeline,
        "Trade talks resume\n\nThe two countries prepare for trade talks in Washington this week.",
        "Talks next week\n\nThe two countries prepare for more trade talks in Washington.",
    )
    assert not [f for f in brief.figures if f.kind.startswith("count")]


def test_a_lag_a_window_and_a_rate_are_not_how_long_something_lasted(nlp):
    from newsweave.extract.figures import figure_kind

    def kind(text, value):
        return figure_kind(*_number(nlp, text, value))

    assert kind("The refugees walked at least seven days to reach the camp.", 7) == "duration:"
    assert kind("The quake was felt for around 15 seconds.", 15) == "duration:"
    assert kind("The planes land six times a day, three days a week.", 3) is None
    assert kind("The raid came one day after bombings were reported.", 1) == "duration::after"
    assert kind("Talks resumed three years ago.", 3) == "duration::after"
    assert kind("He was fired three weeks following the end of the season.", 3) == "duration::after"
    assert kind("It was the second raid in the last three days.", 3) == "duration::window"


def test_lags_and_windows_of_different_events_are_no_conflict(pipeline):
    brief = _run(
        pipeline,
        "Camp shelled\n\nThe shelling of the Lomara refugee camp came one day after bombings "
        "were reported in the north, aid workers said.\n\nMore later.",
        "Lomara camp attacked\n\nThe shelling of the Lomara refugee camp was the second attack "
        "in the north in the last three days, aid workers said.\n\nMore later.",
        "Refugees flee\n\nThe refugees walked at least seven days to reach the Lomara camp. "
        "Planes drop food at the Lomara refugee camp three days a week, aid workers said.",
    )
    assert not _numbers(brief)
    assert not [f for f in brief.figures if f.kind.startswith("duration") and f.verdict != "agree"]


def test_one_value_of_one_kind_the_outlets_agree_on_is_one_figure(pipeline):
    brief = _run(
        pipeline,
        "Quake hits Lamoro\n\nA 6.1-magnitude quake struck Lamoro on Tuesday, killing five "
        "people.\n\nResidents said the 6.1-magnitude quake shook buildings in the capital for "
        "a minute.",
        "Lamoro quake\n\nA magnitude 6.1 earthquake struck Lamoro on Tuesday, killing five "
        "people, officials said.\n\nResidents said the 6.1-magnitude quake shook buildings in "
        "the capital for a minute.",
        "Strong quake\n\nThe 6.1-magnitude quake hit Lamoro on Tuesday and killed five.\n\n"
        "The 6.1-magnitude quake shook buildings in the capital for a minute, residents said.",
    )
    magnitudes = [f for f in brief.figures if f.kind == "magnitude"]
    assert len(magnitudes) == 1, [(f.label, [v.value for v in f.values]) for f in magnitudes]
    assert magnitudes[0].note.startswith(f"{len(magnitudes[0].values)} sources agree")


def test_a_distance_is_from_a_place_only_when_measured_from_it(pipeline):
    brief = _run(
        pipeline,
        "Climber killed\n\nA British climber fell about 600 metres near Mount Tarn on Saturday, "
        "police said. The quake was centred 55 km south of the provincial capital Lamoro.",
        "Fall on Mount Tarn\n\nThe British climber fell about 2,000 feet while climbing to a hut "
        "on Mount Tarn on Saturday, police said. The quake was centred 55 kilometres south of "
        "Lamoro.",
    )
    labels = {f.label for f in brief.figures if f.kind.startswith("distance")}
    assert "distance from Lamoro" in labels
    assert not [label for label in labels if "Mount" in label or "Tarn" in label], labels


def test_a_running_total_is_not_one_raids_count(nlp):
    from newsweave.extract.frames import figure_frame

    def total(text, value):
        return figure_frame(*_number(nlp, text, value)).total

    assert total("The ship has, thus far, confiscated a total of 14 rifles.", 14)
    assert total("In their five operations so far, the sailors have seized 14 rifles.", 14)
    assert total("So far, the navy has confiscated 14 rifles and 31 magazines.", 14)
    assert not total("Six rifles were seized from the skiff on Thursday.", 6)
    assert not total("The three boats had a total of 26 crew on board.", 26)  # a sum, not so far
    assert not total("The navy confiscated 14 rifles from the skiff, an officer said.", 14)


def test_one_hauls_counts_that_differ_are_a_conflict_and_not_a_running_total(pipeline):
    brief = _run(
        pipeline,
        "Navy foils pirate attack\n\nThe sailors seized six rifles, 12 magazines and about 300 "
        "rounds from the skiff on Thursday.\n\nSo far, the crew has confiscated 14 rifles, 31 "
        "magazines and 923 rounds.",
        "Pirates caught\n\nSix rifles, 12 magazines and about 300 rounds were seized from the "
        "skiff, officials said.\n\nThe crew has, thus far, confiscated a total of 14 rifles, 31 "
        "magazines and 923 rounds.",
        "Arms seized at sea\n\nThe navy confiscated 14 rifles, 31 magazines and 923 rounds from "
        "the skiff along with ladders, an officer said.\n\nNo sailor was hurt.",
    )
    rifles = [c for c in _numbers(brief) if {v.value.lower() for v in c.values} == {"six", "14"}]
    assert rifles, [[v.value for v in c.values] for c in _numbers(brief)]
    assert {v.source for v in rifles[0].values} >= {"s2"}
    assert "six (2 sources), 14 (1 source)" in rifles[0].note  # each value once, with its sources
    # the third outlet's 14 is in dispute: it is not also a value of the running total that agrees
    for f in brief.figures:
        if f.verdict == "agree" and {v.value for v in f.values} == {14}:
            assert "s2" not in {v.span.source for v in f.values}


def test_a_figures_subject_is_read_through_the_verbs_it_hangs_on(nlp):
    from newsweave.extract.frames import figure_frame

    def frame(text, value):
        return figure_frame(*_number(nlp, text, value))

    rait = frame(
        "On Friday, 36-year-old Duncan Smit died after slipping and falling 60 metres.", 60
    )
    assert (rait.who, rait.age) == ("smit", 36)
    brook = frame("Robert Brook, 32, fell about 600 metres while climbing to a hut.", 600)
    assert (brook.who, brook.age) == ("brook", 32)
    unnamed = frame("The 41-year-old, who lived in Lyon, slipped and fell about 200 metres.", 200)
    assert (unnamed.who, unnamed.age) == ("", 41)
    assert frame("He slipped and fell 200 metres down a gully.", 200).who == ""
    assert frame("Governor Jane Roe said the toll was 24.", 24).who == ""  # a speaker


def test_falls_of_two_climbers_are_two_figures_and_one_climbers_in_dispute(pipeline):
    brief = _run(
        pipeline,
        "Two climbers die\n\nOn Saturday, 32-year-old Robert Brook fell about 600 metres while "
        "climbing to a hut on Mount Tarn.\n\nPieter Smit, 41, died on Friday after slipping and "
        "falling about 60 metres from a ridge.",
        "Climber dies on Mount Tarn\n\nThe day after Smit's death, a mountain climber with rental "
        "gear, 31-year-old Robert Brook, slipped on ice and fell 700 meters to his death.\n\n"
        "Police said the weather was clear.",
        "Second death on Mount Tarn\n\nRobert Brook, 32, fell about 600 metres while climbing to "
        "a hut on Mount Tarn on Saturday.\n\nThe 41-year-old, who lived in Lyon, slipped and fell "
        "approximately 200 metres down an ice gully on Friday, police said.",
    )
    values = [{v.value for v in c.values} for c in _numbers(brief)]
    assert {"700 meters", "600 metres"} in values, values
    assert not any({"700 meters", "200 metres"} <= vs for vs in values)


def test_one_source_giving_one_fall_two_lengths_contradicts_itself(pipeline):
    brief = _run(
        pipeline,
        "Climber dies on Mount Tarn\n\nRobert Brook, 32, fell about 600 metres while climbing to a "
        'hut on Mount Tarn on Saturday.\n\n"One of the party slipped on the ice and has fallen some '
        '700 metres to his death," a police officer said.',
        "Briton killed in fall\n\nOn Saturday, 32-year-old Robert Brook fell about 600 metres while "
        "climbing to a small hut on Mount Tarn.\n\nHis companions were rescued on Sunday.",
        "Mount Tarn death\n\nA mountain climber with rental gear, 32-year-old Robert Brook, slipped "
        "on ice and fell 700 meters to his death.\n\nThe weather was clear, police said.",
    )
    (conflict,) = _numbers(brief)
    assert {v.value for v in conflict.values} == {"600 metres", "700 meters"}
    (figure,) = [f for f in brief.figures if f.kind == "distance"]
    assert figure.verdict == "conflict" and figure.label == "distance (fall, Brook)"
    assert "Outlet A gives both about 600 metres and some 700 metres" in figure.note


def test_one_source_giving_two_distances_of_two_verbs_tells_of_two_things(nlp):
    from newsweave.align.figurelinks import Item, self_contradiction
    from newsweave.extract.frames import figure_frame

    text = "The climber walked 700 metres to the hut and fell 600 metres from the ridge."
    items = []
    for value in (700, 600):
        n, doc = _number(nlp, text, value)
        items.append(Item(n, None, "distance", False, figure_frame(n, doc)))  # type: ignore[arg-type]
    assert not self_contradiction(*items)
    counted = [Item(i.number, i.vector, "count:rifle", False, i.frame) for i in items]
    assert not self_contradiction(*counted)


def test_an_age_given_without_a_name_joins_the_one_named_persons_age_of_that_value(pipeline):
    brief = _run(
        pipeline,
        "Climber dies\n\nOn Friday, 36-year-old Pieter Smit died after slipping and falling "
        "about 60 metres from a ridge.\n\nHe had been climbing with his brother.",
        "Climber killed\n\nOn Friday, 36-year-old Pieter Smitt died after slipping and falling "
        "about 60 metres from a ridge near the glacier.\n\nThe weather was clear.",
        "Fall at the glacier\n\nA 36-year-old man died on Friday after he slipped and fell about "
        "60 metres from a ridge.\n\nPolice are investigating.",
        "Glacier death\n\nA 36-year-old climber died on Friday after falling about 60 metres "
        "from a ridge, police said.\n\nRescuers recovered the body.",
    )
    ages = [f for f in brief.figures if f.kind.startswith("age")]
    assert [(f.kind, f.label, len(f.values)) for f in ages] == [("age:smit", "age of Smit", 4)]


def test_an_age_without_a_name_stays_apart_where_two_named_people_have_that_value(pipeline):
    brief = _run(
        pipeline,
        "Two climbers die\n\nPieter Smit, 36, and Jan Vos, 36, died on Friday after falling "
        "from a ridge.\n\nThe weather was clear.",
        "Climbers killed\n\nPieter Smit, 36, and Jan Vos, 36, were killed on Friday when they fell "
        "from a ridge.\n\nRescuers recovered the bodies.",
        "Glacier deaths\n\nA 36-year-old man died on Friday after he slipped and fell from a "
        "ridge.\n\nPolice are investigating.",
        "Ridge fall\n\nA 36-year-old climber died on Friday after falling from a ridge, police "
        "said.\n\nA second body was found.",
    )
    kinds = sorted(f.kind for f in brief.figures if f.kind.startswith("age"))
    assert kinds == ["age", "age:smit", "age:vos"], kinds


def test_a_measure_converted_in_brackets_is_no_figure_of_its_own(pipeline):
    brief = _run(
        pipeline,
        "Quake strikes\n\nThe quake's epicenter was located 55 kilometers (34 miles) west of the "
        "town of Bireun, officials said.\n\nHouses collapsed.",
        "Strong quake\n\nThe epicenter was situated 55 kilometers (34 miles) west of the town of "
        "Bireun on the island.\n\nSchools closed.",
        "Quake hits\n\nIts epicenter was located 55 kilometres (34 miles) west of the town of "
        "Bireun, the survey said.\n\nPeople fled.",
    )
    cited = [v.text for f in brief.figures for v in f.values]
    assert "34 miles" not in cited
    (distance,) = [f for f in brief.figures if f.kind.startswith("distance")]
    assert distance.label == "distance from Bireun" and len(distance.values) == 3


def test_the_year_a_figure_is_of_is_read_from_its_clause(nlp):
    from newsweave.extract.frames import figure_frame, year_of

    def when(text, value):
        return figure_frame(*_number(nlp, text, value)).when

    assert when("That is double the figure of 2015, when 21 cases were confirmed.", 21) == "2015"
    assert when("In 2015, 21 cases were confirmed.", 21) == "2015"
    assert when("So far 32 cases have been confirmed this year.", 32) == "this year"
    sold = "The company sold 5 million cars last year, up from 4 million in 2016."
    assert (when(sold, 5_000_000), when(sold, 4_000_000)) == ("last year", "2016")
    # a clause hanging on the figure's verb is not its time
    rise = "Through July, 32 cases were confirmed this year, a rise compared with last year."
    assert when(rise, 32) == "this year"
    assert when("At least 24 people were killed on Tuesday.", 24) == ""
    assert (year_of("2015", None), year_of("last year", 2016), year_of("this year", None)) == (
        2015,
        2015,
        None,
    )


def test_figures_of_different_years_in_one_fact_are_no_conflict(pipeline):
    brief = _run(
        pipeline,
        "Polio-like illness returns\n\nThe rare illness is on the rise again, the CDC said, "
        "nearly double the count of 2014, when 121 cases were confirmed across the country.\n\n"
        "Doctors are worried.",
        "Mystery illness spreads\n\nThe rare illness is on the rise again, the CDC said, more "
        "than double the count of 2015, when 21 cases were confirmed across the country.\n\n"
        "Parents are worried.",
    )
    assert not _numbers(brief)
    assert not any(f.verdict == "conflict" for f in brief.figures)


def test_a_date_of_a_clause_describing_a_noun_does_not_date_the_sentences_lag(nlp):
    from newsweave.extract.frames import dated_elsewhere

    def elsewhere(text, value, date):
        n, doc = _number(nlp, text, value)
        start = text.index(date)
        return dated_elsewhere(n, doc, [(start, start + len(date))])

    lag = (
        "Nearly three weeks after the Hawks ended their season, the owner fired Tom Reyes, who "
        "was hired on April 21, 2004."
    )
    assert elsewhere(lag, 3, "April 21, 2004")
    assert not elsewhere(
        "In April 2004, nearly three weeks after the Hawks ended their season, the owner fired "
        "Tom Reyes.",
        3,
        "April 2004",
    )


def test_one_lag_is_compared_though_a_sentence_dates_another_thing(pipeline):
    import datetime as dt

    brief = pipeline.run(
        [
            Source(
                id="s0",
                raw="Hawks fire coach\n\nIn a surprising move nearly three weeks following the "
                "end of their season, the Hawks fired Tom Reyes on Monday.\n\nHe was not told why.",
                outlet="Outlet A",
                published=dt.date(2005, 5, 24),
            ),
            Source(
                id="s1",
                raw="Reyes out\n\nNearly three weeks after the Hawks ended their season, the owner "
                "decided to fire Tom Reyes, who was hired on April 21, 2004.\n\nFans were glad.",
                outlet="Outlet B",
                published=dt.date(2005, 5, 24),
            ),
        ]
    )
    (lag,) = [f for f in brief.figures if f.kind == "duration::after"]
    assert lag.verdict == "agree" and {v.span.source for v in lag.values} == {"s0", "s1"}


def test_a_figure_of_another_year_says_which(pipeline):
    brief = _run(
        pipeline,
        "Polio-like illness returns\n\nThe CDC said on Monday that 50 cases were confirmed this "
        "year. That is more than double the count of 2015, when 21 cases were confirmed across "
        "the country.\n\nDoctors are worried.",
        "Mystery illness spreads\n\nThe CDC said on Monday that 50 cases have been confirmed this "
        "year, more than twice the count of 2015, when just 21 cases were confirmed.\n\nParents "
        "are worried.",
    )
    labels = {f.label for f in brief.figures if any(v.value == 21 for v in f.values)}
    assert labels and all(label.endswith("in 2015") for label in labels)


def test_a_figures_frame_is_computed_once_for_the_story(nlp, monkeypatch):
    """The figures of a fact and those compared across outlets share one `Frames`: a number's
    frame is computed on its first asking, whatever mention object carries it."""
    from dataclasses import replace

    from newsweave.extract import frames as frames_module

    calls = []
    real = frames_module.figure_frame
    monkeypatch.setattr(
        frames_module, "figure_frame", lambda n, d=None: calls.append(n) or real(n, d)
    )
    n, doc = _number(nlp, "The storm destroyed 300 houses in the province.", 300)
    frames = frames_module.Frames()
    first = frames.of(n, doc)
    assert frames.of(replace(n, kind="count:house"), doc) is first  # one span, one frame
    assert first == real(n, doc) and first.verb == "destroy"
    assert len(calls) == 1
    assert frames_module.Frames().of(n, doc) is not first  # a new story computes its own


def test_a_day_agreed_by_some_and_disputed_by_another_is_one_figure_in_dispute(pipeline):
    """Two outlets say Friday, a third, dated the day after them, says "Yesterday": the day of
    the death is one figure in dispute holding all three, not a Friday agreed beside it."""
    import datetime as dt

    texts = [
        (
            "Climber dies on Mount Dore\n\nOn Friday, 41-year-old Jan Smit died after slipping "
            "and falling from a ridge on Mount Dore, police said.\n\nHis body was recovered by "
            "helicopter.",
            dt.date(2024, 3, 9),
        ),
        (
            "Dutch climber killed\n\nJan Smit, a 41-year-old climber from Utrecht, died on Friday "
            "when he fell from a ridge on Mount Dore.\n\nRescuers flew to the mountain.",
            dt.date(2024, 3, 9),
        ),
        (
            "Alpine death\n\nYesterday, 41-year-old Jan Smit died after he slipped and fell from a "
            "ridge on Mount Dore, a police spokesman said.\n\nHe was climbing alone.",
            dt.date(2024, 3, 10),
        ),
    ]
    brief = pipeline.run(
        [
            Source(id=f"s{i}", raw=t, outlet=f"Outlet {'ABC'[i]}", published=day)
            for i, (t, day) in enumerate(texts)
        ]
    )
    assert any(c.kind == "date" for c in brief.conflicts)
    days = [f for f in brief.figures if f.kind in {"date", "weekday"}]
    (day,) = days
    assert day.verdict == "conflict" and day.label.endswith("in dispute)")
    assert sorted(v.text for v in day.values) == ["Friday", "Friday", "Yesterday"]
    assert all(_cited(brief, v.span) == v.text for v in day.values)


WIRE = (
    "Quake hits hill towns\n\nA strong earthquake struck the hill towns of Varna province on "
    "Tuesday, flattening houses and cutting roads. A doctor at the Lami clinic said around {} "
    "people were seriously injured and had been taken to the provincial capital in two trucks."
    "\n\nRescue teams were still searching the rubble late on Tuesday, officials said."
)
OTHER = (
    "Earthquake in Varna\n\nThe earthquake that shook Varna province on Tuesday damaged hundreds "
    "of buildings, the disaster agency said.\n\nPower was cut in several villages."
)


def _wire_brief(pipeline, copy_value):
    copy = WIRE.format(copy_value).replace("Quake hits hill towns", "Strong quake strikes Varna")
    return pipeline.run(
        [
            Source(id="s0", raw=WIRE.format(30), outlet="Outlet A"),
            Source(id="s1", raw=copy, outlet="Outlet B"),
            Source(id="s2", raw=OTHER, outlet="Outlet C"),
        ]
    )


def test_a_figure_copies_of_one_wire_story_give_is_shown_as_one_witness(pipeline):
    """Two outlets carrying one wire story give "around 30 people seriously injured": a figure
    that agrees, noted as one independent source, not left out."""
    brief = _wire_brief(pipeline, 30)
    assert {s.witness for s in brief.sources if s.id in {"s0", "s1"}} == {"s0"}
    (injured,) = [f for f in brief.figures if f.kind == "injured"]
    assert injured.verdict == "agree" and injured.note == "2 sources agree (1 independent)"
    assert sorted(v.span.source for v in injured.values) == ["s0", "s1"]
    # the story's first key figure is one two witnesses give; one witness's figures come last
    witnesses = [
        len({"s0" if v.span.source == "s1" else v.span.source for v in f.values})
        for f in brief.figures
    ]
    assert witnesses[0] == 2 and witnesses == sorted(witnesses, reverse=True)
    assert [f.id for f in brief.figures] == [f"g{n}" for n in range(1, len(brief.figures) + 1)]


def test_copies_of_one_wire_story_that_differ_are_no_conflict(pipeline):
    """A copy giving another value (an edit of one report) is no second witness: no conflict,
    no figure in dispute."""
    brief = _wire_brief(pipeline, 32)
    assert not _numbers(brief)
    assert not [f for f in brief.figures if f.kind == "injured"]


def test_figures_of_one_witness_come_after_those_of_two_and_are_numbered_again():
    from newsweave.align.crossfigures import independent_first
    from newsweave.models import Document, Figure, FigureValue, Span

    docs = [
        Document(Source(id=i, raw="x", witness=w)) for i, w in (("a", "a"), ("b", "a"), ("c", "c"))
    ]

    def figure(ident, *sources):
        values = [FigureValue(Span(s, 0, 1), "5", 5.0) for s in sources]
        return Figure(ident, "dead", "dead", "agree", values, "")

    copies, two, three = figure("g1", "a", "b"), figure("g2", "a", "c"), figure("g3", "b", "c")
    assert independent_first([copies, two, three], docs) == [two, three, copies]
    assert [f.id for f in (two, three, copies)] == ["g1", "g2", "g3"]
