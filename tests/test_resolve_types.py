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
