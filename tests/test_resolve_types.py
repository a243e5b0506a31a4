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
