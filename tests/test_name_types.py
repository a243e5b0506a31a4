"""One type per name in a document, settled by evidence in the text (extract.name_types)."""

from __future__ import annotations

import re

from newsweave.clean import clean
from newsweave.extract import extract
from newsweave.extract.entities import name_key
from newsweave.extract.name_types import settle_types
from newsweave.models import EntityMention, Source, Span

# The small model types "Lucas Denver" an organisation and each lone "Denver" a place.
JOINED = "Lucas Denver joined the club in 2010. "


def _types(nlp, text):
    _, entities = extract([clean(Source(id="s", raw=text))], nlp)
    return {e.name: e.type for e in entities}


def test_he_she_in_the_subjects_sentence_makes_a_person(nlp):
    types = _types(
        nlp, JOINED + "Denver said he would stay. In his last year, Denver scored twice."
    )
    assert types == {"Lucas Denver": "person"}


def test_a_next_sentence_opening_with_he_makes_a_person(nlp):
    text = JOINED + "Denver scored twice. He was the top scorer. Denver left in 2015. He moved."
    assert _types(nlp, text).get("Lucas Denver") == "person"


def test_kin_makes_a_person(nlp):
    text = JOINED + "Denver's wife sold the house. Denver's son played too."
    assert _types(nlp, text) == {"Lucas Denver": "person"}


def test_one_piece_of_evidence_is_not_enough(nlp):
    types = _types(nlp, JOINED + "Denver said he would stay.")
    assert types.get("Denver") == "place"


def test_no_pronoun_no_person(nlp):
    types = _types(nlp, JOINED + "Denver scored twice in the final. Denver left in 2015.")
    assert types.get("Denver") == "place"


def _settled(nlp, text, name, etype):
    """Every occurrence of `name` as a mention of type `etype`, settled."""
    doc = nlp(text)
    mentions = [
        EntityMention(Span("s", m.start(), m.end()), name, etype)
        for m in re.finditer(re.escape(name), text)
    ]
    settle_types(doc, mentions, [name_key(name)] * len(mentions))
    return {m.type for m in mentions}


def test_settled_evidence_outweighs_the_model(nlp):
    text = "Velcorp joined in May. Velcorp said she would stay. Velcorp said she was glad."
    assert _settled(nlp, text, "Velcorp", "organisation") == {"person"}


def test_an_object_of_the_names_own_verb_is_not_evidence(nlp):
    text = "Velcorp kept her on a ship. Velcorp fined her in 2009. Velcorp paid her."
    assert _settled(nlp, text, "Velcorp", "organisation") == {"organisation"}


def test_a_colon_before_a_he_is_no_evidence(nlp):
    text = "Velcorp wrote:\n\nHe lied once.\n\nVelcorp added:\n\nHe lied again."
    assert _settled(nlp, text, "Velcorp", "organisation") == {"organisation"}


def test_a_country_beside_a_score_and_in_a_match_is_a_team(nlp):
    text = (
        "Norway beat Chile 2-1 on Sunday. Norway faced Chile in Oslo. "
        "Chile lost to Norway after a late goal."
    )
    types = _types(nlp, text)
    assert types["Norway"] == "organisation" and types["Oslo"] == "place"


def test_a_country_with_a_vote_count_stays_a_place(nlp):
    text = "In Norway, the vote was 52-48. Norway holds an election every four years."
    assert _types(nlp, text)["Norway"] == "place"


def test_a_name_the_model_never_tags_is_a_person_on_evidence(nlp):
    text = (
        "Schooling\n\nThistlewood received his early education at home. "
        "Thistlewood finally returned in 1804, and he wrote poems."
    )
    assert _types(nlp, text) == {"Thistlewood": "person"}


def test_an_untagged_subject_without_evidence_is_left_out(nlp):
    text = (
        "Schooling\n\nThistlewood received the prize at home. "
        "Thistlewood finally returned in 1804 to the farm."
    )
    assert "Thistlewood" not in _types(nlp, text)


def test_a_place_typed_name_is_a_person_on_evidence(nlp):
    text = "Marbury received his early education at home. Marbury returned, and he wrote poems."
    assert _types(nlp, text) == {"Marbury": "person"}


def test_an_untagged_surname_subject_joins_its_full_name(nlp):
    for name in ("Ostrum", "Fenwright"):  # the model: an untagged proper noun; a common noun
        text = f"Mark {name} left the group in 2004. {name} requested donations via a statement."
        _, entities = extract([clean(Source(id="s", raw=text))], nlp)
        assert [(e.name, len(e.mentions)) for e in entities] == [(f"Mark {name}", 2)]


def test_line_breaks_the_model_runs_into_a_name_are_no_part_of_it(nlp):
    from spacy.tokens import Span as SpacySpan

    from newsweave.extract.entities import entity_mentions

    doc = nlp("Lena Marsh\n\nMarsh joined the club.\n\nIt won.")
    breaks = [t.i for t in doc if t.is_space]
    doc.ents = [
        SpacySpan(doc, 0, breaks[0] + 1, label="PERSON"),  # "Lena Marsh\n\n"
        SpacySpan(doc, breaks[1], breaks[1] + 1, label="ORG"),  # "\n\n" alone
    ]
    assert [m.text for m in entity_mentions(doc, "s")][:1] == ["Lena Marsh"]
    assert all(m.text.strip() for m in entity_mentions(doc, "s"))


def test_a_type_stated_by_the_words_around_outweighs_the_models_votes(nlp):
    text = "Talbara grew. Talbara spread. Floods hit homes in Talbara."
    doc = nlp(text)
    at = [m.start() for m in re.finditer("Talbara", text)]
    mentions = [
        EntityMention(Span("s", a, a + 7), "Talbara", t)
        for a, t in zip(at, ("person", "person", "place"))
    ]
    settle_types(doc, mentions, ["talbara"] * 3, stated=frozenset({2}))
    assert {m.type for m in mentions} == {"place"}
    for m, t in zip(mentions, ("person", "person", "place")):
        m.type = t
    settle_types(doc, mentions, ["talbara"] * 3)  # the model's votes alone: a person
    assert {m.type for m in mentions} == {"person"}


def test_two_one_word_places_side_by_side_are_one_name(nlp):
    # the small model tags "Valeska" and "Paris" as two places; the appositive makes a person
    text = (
        "Thursday, May 7, 2015\n\nValeska Paris, an Australian woman and former Scientologist, "
        "has claimed that the church imprisoned her."
    )
    assert _types(nlp, text).get("Valeska Paris") == "person"


def test_places_apart_stay_two_places(nlp):
    assert {"Paris", "Texas"} <= set(_types(nlp, "She flew from Paris to Texas on Monday."))
