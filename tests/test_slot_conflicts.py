"""Conflicts of a closed category (align.slots): a colour, the kind of a named ship, on land or at
sea, the named place of a thing, where a person lives, a rank; and a month of one year. Each rule
on short texts written for it, with the cases that must raise nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from newsweave.models import Source

DAY = dt.date(2024, 3, 6)


def _conflicts(pipeline, *texts: str, kind: str | None = None):
    sources = [
        Source(id=f"s{i}", raw=text, outlet=f"Outlet {i}", published=DAY)
        for i, text in enumerate(texts)
    ]
    brief = pipeline.run(sources)
    return [c for c in brief.conflicts if kind is None or c.kind == kind], brief


def _slot(conflicts, words: str):
    return [c for c in conflicts if words in c.subject]


def _cited(brief, conflict) -> list[str]:
    return [brief.source(v.source).text[v.start : v.end] for v in conflict.values]


# --- colours ---------------------------------------------------------------------------------


CAR = (
    "A pedestrian was killed on Elm Street on Friday evening when she was hit by a {} Honda "
    "Accord that drove off, police said.\n\nThe driver was arrested two blocks away."
)
# Another outlet's words (two texts alike but for one word are copies of one wire story, one witness)
CAR_B = (
    "Police say the woman, 71, was struck on Elm Street by a {} Honda Accord on Friday night "
    "and the car sped away.\n\nOfficers found it in a garage hours later."
)


def test_one_car_given_two_colours_is_a_conflict(pipeline):
    conflicts, brief = _conflicts(
        pipeline, CAR.format("silver"), CAR_B.format("blue"), kind="detail"
    )
    (c,) = _slot(conflicts, "colour")
    assert {"silver", "blue"} <= set(c.note.split(": ")[1].split("; ")[0].split(" / "))
    assert sorted(_cited(brief, c)) == ["blue Honda Accord", "silver Honda Accord"]
    assert "one claim" in c.note


def test_spellings_of_one_colour_are_no_conflict(pipeline):
    conflicts, _ = _conflicts(pipeline, CAR.format("gray"), CAR_B.format("grey"))
    assert not _slot(conflicts, "colour")


def test_colour_words_in_unrelated_sentences_are_no_conflict(pipeline):
    conflicts, _ = _conflicts(
        pipeline,
        "A white car hit a cyclist on Elm Street on Friday evening, police said.",
        "The mayor said the city would paint its red car park barriers before the winter.",
        "Officials at the White House said a silver car was parked at the gate all week.",
    )
    assert not _slot(conflicts, "colour")


def test_a_source_with_two_cars_of_two_colours_raises_nothing(pipeline):
    conflicts, _ = _conflicts(
        pipeline,
        "A white car and a silver car collided on Elm Street on Friday evening, police said.",
        "A white car collided with a truck on Elm Street on Friday evening, police said.",
    )
    assert not _slot(conflicts, "colour")


def test_medals_of_two_colours_are_no_conflict(pipeline):
    conflicts, _ = _conflicts(
        pipeline,
        "Anna Berg won a gold medal in the 100 metres in Paris on Sunday, officials said.",
        "On Sunday in Paris, Lena Holt won a silver medal in the 100 metres, officials said.",
    )
    assert not _slot(conflicts, "colour")


def test_two_peoples_cars_of_two_colours_are_no_conflict(pipeline):
    conflicts, _ = _conflicts(
        pipeline,
        "Anna Berg drove a red Ford Focus to the stadium on Sunday, her coach said.",
        "On Sunday Lena Holt drove a blue Ford Focus to the stadium, her coach said.",
    )
    assert not _slot(conflicts, "colour")


# --- kinds of a named ship -------------------------------------------------------------------


SHIP = (
    "The {} INS Talwar intercepted two pirate skiffs in the Arabian Sea on Tuesday and "
    "detained 12 suspects, the navy said."
)
SHIP_B = (
    "Navy officials said the {} INS Talwar had foiled a pirate attack on merchant ships in the "
    "Arabian Sea on Tuesday.\n\nTwelve men were held."
)


def test_one_named_ship_called_two_kinds_is_a_conflict(pipeline):
    conflicts, brief = _conflicts(
        pipeline, SHIP.format("frigate"), SHIP_B.format("patrol vessel"), kind="detail"
    )
    (c,) = _slot(conflicts, "ship")
    assert "INS Talwar" in c.subject
    assert sorted(_cited(brief, c)) == ["frigate INS Talwar", "patrol vessel INS Talwar"]


@pytest.mark.parametrize("other", ["warship", "ship", "frigate"])
def test_a_generic_word_or_the_same_kind_is_no_conflict(pipeline, other):
    conflicts, _ = _conflicts(pipeline, SHIP.format("frigate"), SHIP_B.format(other))
    assert not _slot(conflicts, "ship")


# --- on land or at sea ---------------------------------------------------------------------


def test_a_quake_inland_and_off_a_coast_is_a_conflict(pipeline):
    conflicts, brief = _conflicts(
        pipeline,
        "A strong earthquake struck inland on Tuesday, damaging dozens of houses, officials said.",
        "Officials said a quake of magnitude 6 struck off Sumatra on Tuesday and many homes were "
        "damaged.",
    )
    (c,) = _slot(conflicts, "on land or at sea")
    assert c.kind == "place"
    assert sorted(_cited(brief, c)) == [
        "earthquake struck inland",
        "quake of magnitude 6 struck off Sumatra",
    ]


def test_a_quake_of_another_time_off_a_coast_is_no_conflict(pipeline):
    conflicts, _ = _conflicts(
        pipeline,
        "A strong earthquake struck inland on Tuesday, damaging dozens of houses, officials said.",
        "In 2004 a huge earthquake struck off Sumatra, triggering a tsunami, officials said.",
    )
    assert not _slot(conflicts, "on land or at sea")


def test_a_phrasal_verb_with_off_is_no_setting(pipeline):
    conflicts, _ = _conflicts(
        pipeline,
        "The earthquake struck inland on Tuesday, officials said.",
        "The earthquake set off landslides on Tuesday, officials said.",
    )
    assert not _slot(conflicts, "on land or at sea")


# --- the named place of a thing -------------------------------------------------------------


SCHOOL = (
    "Two teachers were charged after a fire at a {} school in which three pupils were hurt, "
    "police said on Monday."
)
SCHOOL_B = (
    "Police on Monday charged two teachers after a fire at a {} school in which three pupils "
    "were hurt.\n\nThe school was closed for the week."
)


def test_one_claim_naming_two_places_of_a_thing_is_a_conflict(pipeline):
    conflicts, brief = _conflicts(
        pipeline, SCHOOL.format("Maple Grove"), SCHOOL_B.format("Cedar Hill"), kind="place"
    )
    (c,) = _slot(conflicts, "place of the school")
    assert sorted(_cited(brief, c)) == ["Cedar Hill school", "Maple Grove school"]


def test_a_place_the_other_source_names_too_is_no_conflict(pipeline):
    conflicts, _ = _conflicts(
        pipeline,
        SCHOOL.format("Maple Grove") + "\n\nMaple Grove is a district of Springfield.",
        SCHOOL_B.format("Springfield"),
    )
    assert not _slot(conflicts, "place of the school")


# --- where a person lives --------------------------------------------------------------------


def test_one_person_living_in_two_places_is_a_conflict(pipeline):
    conflicts, brief = _conflicts(
        pipeline,
        "Maria Lopez, 61, of Oak Park, was hit by a bus on Friday, police said.",
        "A bus struck and injured Maria Lopez, who lived in Elmwood Heights, on Friday morning.",
        kind="place",
    )
    (c,) = _slot(conflicts, "lives")
    assert "Maria Lopez" in c.subject
    assert sorted(_cited(brief, c)) == [
        "Maria Lopez, 61, of Oak Park",
        "Maria Lopez, who lived in Elmwood Heights",
    ]


def test_a_city_and_a_district_the_source_names_are_no_conflict(pipeline):
    conflicts, _ = _conflicts(
        pipeline,
        "Maria Lopez, 61, of Chicago, was hit by a bus on Friday, police said.",
        "A bus in Chicago struck and injured Maria Lopez, who lived in Oak Park, on Friday morning.",
    )
    assert not _slot(conflicts, "lives")


def test_one_place_is_no_conflict(pipeline):
    conflicts, _ = _conflicts(
        pipeline,
        "Maria Lopez, 61, of Oak Park, was hit by a bus on Friday, police said.",
        "A bus struck and injured Maria Lopez, who lived in Oak Park, on Friday morning.",
    )
    assert not _slot(conflicts, "lives")


# --- ranks -----------------------------------------------------------------------------------


def test_two_ranks_of_one_ladder_are_a_conflict(pipeline):
    conflicts, _ = _conflicts(
        pipeline,
        "The firm is seeking costs from former partner Jane Morrow, who lost her lawsuit.",
        "After the verdict, the company asked the former associate, Jane Morrow, to pay its bills.",
        kind="role",
    )
    (c,) = _slot(conflicts, "rank")
    assert "Jane Morrow" in c.subject and "partner" in c.note and "associate" in c.note


@pytest.mark.parametrize(
    "a, b",
    [
        ("White House spokesman", "deputy press secretary"),  # titles that can both be true
        ("former associate", "partner"),  # was one, is the other
        ("Sgt.", "Sergeant"),  # one rank written two ways
        ("former business partner", "former associate"),  # a relation, not a rank
    ],
)
def test_titles_that_can_both_be_true_are_no_rank_conflict(pipeline, a, b):
    conflicts, _ = _conflicts(
        pipeline,
        f"The statement was read by {a} Tom Hale, who answered questions for an hour.",
        f"Reporters heard {b} Tom Hale read the statement on Monday before he left.",
    )
    assert not _slot(conflicts, "rank")


# --- a month of one year ---------------------------------------------------------------------


def test_one_past_event_dated_by_two_months_of_one_year_is_a_conflict(pipeline):
    conflicts, _ = _conflicts(
        pipeline,
        "A quake shook the coast on Tuesday.\n\nIn April last year an 8.6-magnitude quake struck "
        "400 kilometres off Valparaiso, prompting a tsunami alert.",
        "Houses swayed on Tuesday as the ground shook.\n\nAn 8.7-magnitude earthquake also hit off "
        "the city of Valparaiso in May 2023, triggering regional tsunami alerts.",
        kind="date",
    )
    assert any({"April last year", "May 2023"} == {v.value for v in c.values} for c in conflicts)


def test_two_months_of_two_years_are_no_conflict(pipeline):
    conflicts, _ = _conflicts(
        pipeline,
        "A quake shook the coast on Tuesday.\n\nIn April 2021 an 8.6-magnitude quake struck "
        "400 kilometres off Valparaiso, prompting a tsunami alert.",
        "Houses swayed on Tuesday as the ground shook.\n\nAn 8.7-magnitude earthquake also hit off "
        "the city of Valparaiso in May 2023, triggering regional tsunami alerts.",
        kind="date",
    )
    assert not conflicts


# --- a day in one speaker's quoted words -----------------------------------------------------


def test_one_quote_giving_two_days_is_a_conflict(pipeline):
    conflicts, brief = _conflicts(
        pipeline,
        '"This morning I was pulled over by a state trooper," Dale Moss said in a statement.'
        "\n\nMoss, 28, joined the Rams in May.",
        "The Rams receiver apologised to fans on Monday.\n\n"
        '"Yesterday I was pulled over by a state trooper," Dale Moss said in the statement.',
        kind="date",
    )
    (c,) = _slot(conflicts, "quoted words")
    assert sorted(_cited(brief, c)) == ["This morning", "Yesterday"]


def test_relative_days_outside_quotes_are_no_quoted_conflict(pipeline):
    conflicts, _ = _conflicts(
        pipeline,
        "Dale Moss was pulled over by a state trooper this morning, police said.",
        "Police said Dale Moss was pulled over by a state trooper yesterday near the bridge.",
    )
    assert not _slot(conflicts, "quoted words")


# --- how well a thing was done ------------------------------------------------------------------


EQUIPPED = (
    "Climber dies on glacier\n\nA British climber, Tom Harker, died on Sunday after a fall on the "
    "Fox Glacier. Police said Mr Harker was {} at the time of the fall."
)
EQUIPPED_B = (
    "Climber killed in fall\n\nTom Harker, a British climber, died after falling on the Fox "
    "Glacier on Sunday. Mr Harker's party appeared to be {} for the climb, a ranger said."
)


@pytest.mark.parametrize(
    "good, bad",
    [
        ("well equipped", '"insufficiently" equipped'),
        ("properly equipped", "ill-equipped"),
        ("well equipped", "not properly equipped"),
    ],
)
def test_one_person_said_well_and_ill_equipped_is_a_conflict(pipeline, good, bad):
    conflicts, brief = _conflicts(pipeline, EQUIPPED.format(good), EQUIPPED_B.format(bad))
    (c,) = _slot(conflicts, "how well equipped")
    assert c.kind == "detail" and "adequately / inadequately" in c.note
    assert {w.strip('"') for w in _cited(brief, c)} >= {good}
    assert any(bad.rsplit(" ", 1)[0].strip('"-') in w for w in _cited(brief, c))


def test_one_way_of_saying_how_well_is_no_conflict(pipeline):
    conflicts, _ = _conflicts(
        pipeline, EQUIPPED.format("poorly equipped"), EQUIPPED_B.format("insufficiently equipped")
    )
    assert not _slot(conflicts, "how well")


def test_two_peoples_or_one_sources_two_manners_are_no_conflict(pipeline):
    other = EQUIPPED_B.replace("Mr Harker's party", "Ms Lund's party").replace(
        "Tom Harker, a British climber,", "Anna Lund, a Swedish climber,"
    )
    conflicts, _ = _conflicts(
        pipeline, EQUIPPED.format("well equipped"), other.format("ill-equipped")
    )
    assert not _slot(conflicts, "how well")
    both = EQUIPPED.format("well equipped") + " The rescuers were poorly equipped."
    conflicts, _ = _conflicts(pipeline, both, EQUIPPED_B.format("ill-equipped"))
    assert not _slot(conflicts, "how well")


# --- what happened to a number of people --------------------------------------------------------


RAID = (
    "Navy foils raid\n\nThe navy patrolling the Red Sea on Monday foiled a raid by armed men on "
    "two cargo ships, {} and seizing their guns.\n\nThe ships sailed on."
)
RAID_B = (
    "Warship stops raid\n\nA frigate escorting cargo ships in the Red Sea foiled a raid by armed "
    "men on Monday and {}, officials said.\n\nNo one was hurt."
)


def test_one_number_of_people_held_and_freed_is_a_conflict(pipeline):
    conflicts, brief = _conflicts(
        pipeline,
        RAID.format("apprehending 14 Yemeni smugglers"),
        RAID_B.format("rescued 14 Yemeni fishermen"),
    )
    (c,) = _slot(conflicts, "what happened to the 14")
    assert c.kind == "detail" and "held / freed" in c.note
    assert sorted(_cited(brief, c)) == [
        "apprehending 14 Yemeni smugglers",
        "rescued 14 Yemeni fishermen",
    ]


@pytest.mark.parametrize(
    "a, b",
    [
        ("apprehending 14 Yemeni smugglers", "arrested 14 Yemeni smugglers"),  # one fate
        ("apprehending 14 Yemeni smugglers", "rescued 3 Yemeni fishermen"),  # two groups
        ("apprehending 14 Yemeni smugglers", "released 14 Yemeni fishermen"),  # maybe later
    ],
)
def test_one_fate_or_two_numbers_are_no_conflict(pipeline, a, b):
    conflicts, _ = _conflicts(pipeline, RAID.format(a), RAID_B.format(b))
    assert not _slot(conflicts, "what happened")


def test_a_number_held_and_freed_in_unrelated_sentences_is_no_conflict(pipeline):
    other = (
        "Floods hit coast\n\nHeavy rain flooded villages along the coast on Monday, and "
        "lifeboat crews rescued 14 Yemeni fishermen from a sinking dhow.\n\nRoads were closed."
    )
    conflicts, _ = _conflicts(pipeline, RAID.format("apprehending 14 Yemeni smugglers"), other)
    assert not _slot(conflicts, "what happened")


# --- the weapon of one attacker ------------------------------------------------------------------

GUNMAN = (
    "A gunman walked into a bank in Millbrook with a {} on Tuesday and shot two tellers, "
    "police said.\n\nThe bank was closed for the day."
)
SHOOTER = (
    "Witnesses told a local station that the shooter was a former customer who brought a {} "
    "into the building.\n\nThe two tellers were taken to a hospital.{}"
)


def test_one_attackers_weapon_given_two_kinds_is_a_conflict(pipeline):
    conflicts, brief = _conflicts(
        pipeline, GUNMAN.format("shotgun"), SHOOTER.format("rifle", ""), kind="detail"
    )
    (c,) = _slot(conflicts, "weapon")
    assert "rifle / shotgun" in c.note or "shotgun / rifle" in c.note
    cited = " | ".join(_cited(brief, c))
    assert "shotgun" in cited and "rifle" in cited


def test_weapons_of_one_kind_or_both_named_or_held_by_police_are_no_conflict(pipeline):
    # a pistol is a handgun
    conflicts, _ = _conflicts(pipeline, GUNMAN.format("pistol"), SHOOTER.format("handgun", ""))
    assert not _slot(conflicts, "weapon")
    # a source that names both kinds tells of two weapons
    both = SHOOTER.format("rifle", " Officers later found a shotgun in his car.")
    conflicts, _ = _conflicts(pipeline, GUNMAN.format("shotgun"), both)
    assert not _slot(conflicts, "weapon")
    # the police's rifles are not the attacker's weapon
    police = (
        "Officers armed with rifles surrounded the bank in Millbrook on Tuesday, police said."
        "\n\nThe two tellers were taken to a hospital."
    )
    conflicts, _ = _conflicts(pipeline, GUNMAN.format("shotgun"), police)
    assert not _slot(conflicts, "weapon")


# --- where the one dead person died ----------------------------------------------------------------

STORE_A = (
    "A gunman killed {} and wounded two others at a store in Millbrook on Tuesday, police "
    "said.\n\nThe victim died {}, police said."
)
STORE_B = (
    "{} killed and two were hurt in a shooting at a Millbrook store on Tuesday.\n\n"
    "A spokeswoman said the woman died {}."
)


def test_one_dead_said_to_die_in_two_places_is_a_conflict(pipeline):
    conflicts, brief = _conflicts(
        pipeline,
        STORE_A.format("one person", "at the scene"),
        STORE_B.format("One person was", "on the way to the hospital"),
        kind="place",
    )
    (c,) = _slot(conflicts, "died")
    assert sorted(_cited(brief, c)) == ["died at the scene", "died on the way to the hospital"]
    assert "one dead" in c.note


def test_places_of_death_of_a_story_with_more_dead_are_no_conflict(pipeline):
    conflicts, _ = _conflicts(
        pipeline,
        STORE_A.format("three people", "at the scene"),
        STORE_B.format("Three people were", "on the way to the hospital"),
    )
    assert not _slot(conflicts, "died")
    # one place said two ways is no conflict either
    conflicts, _ = _conflicts(
        pipeline,
        STORE_A.format("one person", "at the scene"),
        STORE_B.format("One person was", "on the scene"),
    )
    assert not _slot(conflicts, "died")


# --- the year a named thing began ------------------------------------------------------------------

FOUNDED = (
    "Dr. Ruth Okafor, the new health commissioner, founded the Millbrook Free Clinic in {}.\n\n"
    "She will start the new job next month."
)
SINCE = (
    "The Millbrook Free Clinic has served uninsured residents since {}, and Okafor still sees "
    "patients there.\n\nThe clinic has three doctors."
)


def test_a_thing_said_to_exist_before_its_founding_is_a_conflict(pipeline):
    conflicts, brief = _conflicts(pipeline, FOUNDED.format(1990), SINCE.format(1987), kind="date")
    (c,) = [c for c in conflicts if "began" in c.subject]
    assert "founded in 1990" in c.note and "since 1987" in c.note
    cited = " | ".join(_cited(brief, c))
    assert "1990" in cited and "since 1987" in cited
    # two founding years of one name conflict too
    other = (
        "The Millbrook Free Clinic was founded in 1988, its website says.\n\nIt has three doctors."
    )
    conflicts, _ = _conflicts(pipeline, FOUNDED.format(1990), other, kind="date")
    assert [c for c in conflicts if "began" in c.subject]


def test_a_thing_existing_since_its_founding_or_after_is_no_conflict(pipeline):
    for since in (1990, 1995):
        conflicts, _ = _conflicts(pipeline, FOUNDED.format(1990), SINCE.format(since))
        assert not [c for c in conflicts if "began" in c.subject], since
