"""Which type an entity takes when the model typed its name one way and a person's surname
another (extract.resolve), on mentions written for each case."""

from __future__ import annotations

from newsweave.extract.resolve import resolve_entities
from newsweave.models import EntityMention, Span


def _resolved(*named):
    """Mentions (text, type) one after another in one source; {entity name: (type, count)}."""
    mentions, at = [], 0
    for text, etype in named:
        mentions.append(EntityMention(Span("s", at, at + len(text)), text, etype))
        at += len(text) + 10
    return {e.name: (e.type, len(e.mentions)) for e in resolve_entities(mentions)}


def test_a_surname_typed_an_organisation_once_is_the_person():
    got = _resolved(("Donald Trump", "person"), ("Trump", "organisation"), ("Trump", "person"))
    assert got == {"Donald Trump": ("person", 3)}


def test_a_surname_the_model_keeps_typing_an_organisation_is_still_the_person():
    got = _resolved(("Kira Walden", "person"), *[("Walden", "organisation")] * 3)
    assert got == {"Kira Walden": ("person", 4)}


def test_an_acronym_named_more_often_than_a_person_ending_in_it_stays_an_organisation():
    got = _resolved(("Pro-Unity FPA", "person"), *[("FPA", "organisation")] * 3)
    assert got["FPA"] == ("organisation", 3)


def test_a_lone_place_typed_surname_is_the_person_however_often():
    got = _resolved(("Lucas Denver", "person"), ("Denver", "place"), ("Denver", "place"))
    assert got == {"Lucas Denver": ("person", 3)}


def test_a_lone_place_typed_name_of_a_person_named_as_often_is_the_person():
    got = _resolved(("Lucas Denver", "person"), ("Lucas Denver", "person"), ("Denver", "place"))
    assert got == {"Lucas Denver": ("person", 3)}


def _in_sources(*named):
    """Mentions (source, text, type, honorific form) in order; {mention text in its source:
    entity name}, for the lone names."""
    mentions, at = [], 0
    for source, text, etype, alias in named:
        mentions.append(EntityMention(Span(source, at, at + len(text)), text, etype, alias=alias))
        at += len(text) + 10
    entities = {e.id: e.name for e in resolve_entities(mentions)}
    return [(m.span.source, entities[m.entity_id]) for m in mentions if " " not in m.text]


def test_a_lone_family_name_is_the_one_its_own_report_names_in_full_most():
    # the story is about the daughter; the second report is about her father
    got = _in_sources(
        *[("a", "Mollie Olgin", "person", None)] * 3,
        ("a", "Olgin", "person", None),
        ("b", "Mollie Olgin", "person", None),
        *[("b", "Mario Olgin", "person", None)] * 2,
        ("b", "Olgin", "organisation", None),
        ("b", "Olgin", "person", None),
    )
    assert got == [("a", "Mollie Olgin"), ("b", "Mario Olgin"), ("b", "Mario Olgin")]


def test_a_family_name_with_an_honorific_is_not_chosen_by_report():
    # "Mr Wilson": an honorific tells a gender the full names do not
    got = _in_sources(
        *[("a", "Jane Wilson", "person", None)] * 2,
        ("a", "Gary Wilson", "person", None),
        ("a", "Wilson", "person", "Mr Wilson"),
        ("b", "Gary Wilson", "person", None),
    )
    assert got == [("a", "Wilson")]


def test_mr_and_mrs_of_one_family_name_are_two_people():
    got = _in_sources(
        ("a", "Gary Wilson", "person", None),
        ("a", "Gary", "person", None),
        ("a", "Wilson", "person", "Mr Wilson"),
        ("b", "Jane Wilson", "person", None),
        ("b", "Wilson", "person", "Mrs Wilson"),
        ("b", "Wilson", "person", "Mr Wilson"),
    )
    assert got == [
        ("a", "Gary Wilson"),
        ("a", "Gary Wilson"),
        ("b", "Jane Wilson"),
        ("b", "Gary Wilson"),
    ]


def test_a_full_name_typed_an_organisation_is_the_person_its_surname_names_alone():
    got = _resolved(
        ("Marta Vellini", "organisation"),
        ("Vellini", "person"),
        ("Vellini", "organisation"),
    )
    assert got == {"Marta Vellini": ("person", 3)}


def test_a_name_with_an_organisations_word_stays_an_organisation_beside_a_surname():
    got = _resolved(("Vellini Foundation", "organisation"), ("Vellini", "person"))
    assert got["Vellini Foundation"] == ("organisation", 1)


def test_a_persons_name_that_is_a_company_less_its_suffix_is_the_company():
    # the firm named after its founder: "Hal Brandt" the person, "HB Brandt" the firm
    got = _resolved(
        ("Hal Brandt", "person"),
        ("HB Brandt & Co.", "organisation"),
        ("HB Brandt", "person"),
        ("Brandt", "person"),
    )
    assert got.pop("Hal Brandt") == ("person", 2)
    assert list(got.values()) == [("organisation", 2)]  # "HB Brandt" and "HB Brandt & Co."


def test_a_name_cut_short_joins_the_one_longer_name_it_opens():
    got = _resolved(
        ("Lena Rose Marlow", "person"),
        ("Lena Rose", "person"),
        ("Lena Rose", "person"),
    )
    assert got == {"Lena Rose Marlow": ("person", 3)}


def test_a_name_written_far_more_often_does_not_join_a_headlines_longer_span():
    # a headline's "Lena Rose Returns" (a verb read into the name) beside her name, again and again
    got = _resolved(("Lena Rose Returns", "person"), *[("Lena Rose", "person")] * 4)
    assert set(got) == {"Lena Rose", "Lena Rose Returns"} and got["Lena Rose"] == ("person", 4)


def test_a_fathers_name_does_not_join_his_sons_with_a_generation_suffix():
    got = _resolved(("Carl Brandt", "person"), ("Carl Brandt Jr.", "person"))
    assert set(got) == {"Carl Brandt", "Carl Brandt Jr."}


def test_a_name_opening_two_longer_names_joins_neither():
    got = _resolved(
        ("Lena Rose", "person"), ("Lena Rose Marlow", "person"), ("Lena Rose Tanner", "person")
    )
    assert set(got) == {"Lena Rose", "Lena Rose Marlow", "Lena Rose Tanner"}


def test_a_name_before_an_initial_is_not_cut_short_from_it():
    # a citation's "Kemp Arden L" beside the person "Laura Kemp Arden"
    got = _resolved(
        ("Laura Kemp Arden", "person"), ("Kemp Arden", "person"), ("Kemp Arden L", "person")
    )
    assert got["Laura Kemp Arden"] == ("person", 2)


def test_a_lone_family_name_joins_its_reports_full_name_spelt_with_two_letters_swapped():
    # "Anna Kovlaski" once, a typo for the "Kovalski" of the rest of the report
    got = _in_sources(
        ("a", "Anna Kovlaski", "person", None),
        ("a", "Kovalski", "person", None),
        ("a", "Kovalski", "person", None),
        ("b", "Kovalski", "person", None),
    )
    assert got == [("a", "Anna Kovalski"), ("a", "Anna Kovalski"), ("b", "Kovalski")]


def test_a_lone_family_name_in_one_report_takes_the_full_name_another_report_gives():
    got = _in_sources(("a", "Hal Brandt", "person", None), ("b", "Brandt", "person", None))
    assert got == [("b", "Hal Brandt")]


def test_a_firm_named_by_its_partners_is_no_person_under_its_first_names():
    got = _resolved(
        ("Lane Hollis Carver & Webb", "organisation"),
        ("Lane Hollis", "person"),
        ("Lane Hollis", "person"),
        ("Lane", "person"),
        ("Dana Webb", "person"),
    )
    assert got["Dana Webb"] == ("person", 1)
    assert all(etype == "organisation" for name, (etype, _) in got.items() if name != "Dana Webb")


def test_a_lone_name_a_company_begins_with_stays_a_person_where_a_full_name_ends_with_it():
    got = _resolved(
        ("Brandt & Co.", "organisation"), ("Hal Brandt", "person"), ("Brandt", "person")
    )
    assert got["Hal Brandt"] == ("person", 2)


def test_an_organisation_is_shown_by_the_fullest_name_going_on_from_its_commonest():
    got = _resolved(
        *[("Tarwick Police", "organisation")] * 3,
        ("Tarwick Police Department", "organisation"),
        *[("Bellcom", "organisation")] * 3,
        ("Bellcom Corp.", "organisation"),
    )
    assert got == {
        "Tarwick Police Department": ("organisation", 4),
        "Bellcom": ("organisation", 4),
    }


def test_initials_and_a_list_of_bodies_are_not_shown_for_an_organisation():
    got = _resolved(
        *[("UNX", "organisation")] * 3,
        ("UNX Security Council", "organisation"),
        *[("Tarwick Council", "organisation")] * 3,
        ("Tarwick Council and Tarwick Police", "organisation"),
    )
    assert got["UNX"] == ("organisation", 4)
    assert got["Tarwick Council"] == ("organisation", 4)


def test_a_thing_and_the_body_named_after_it_are_two_organisations():
    got = _resolved(
        ("Tarwick Canal", "organisation"), ("Tarwick Canal Association", "organisation")
    )
    assert set(got) == {"Tarwick Canal", "Tarwick Canal Association"}
