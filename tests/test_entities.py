"""Entities merged across sources, with aliases and roles."""

from __future__ import annotations

from conftest import entities_by_name as _entities


def test_first_name_variants_merge(nlp):
    ents = _entities(
        nlp,
        "Treasury Secretary Steve Mnuchin met officials on Monday.",
        "Liu He told US Treasury Secretary Steven Mnuchin that talks would go on.",
    )
    names = [n for n in ents if "Mnuchin" in n]
    assert len(names) == 1
    e = ents[names[0]]
    assert {"Steve Mnuchin", "Steven Mnuchin"} == {e.name, *e.aliases} & {
        "Steve Mnuchin",
        "Steven Mnuchin",
    }
    assert e.sources == ["s0", "s1"]


def test_honorific_surname_joins_full_name(nlp):
    ents = _entities(
        nlp,
        "Chinese Vice-Premier Liu He told reporters that talks would go on. He said that Mr Liu would travel to Washington.",
    )
    assert "Liu He" in ents and "Mr Liu" in ents["Liu He"].aliases


def test_place_aliases(nlp):
    ents = _entities(nlp, "The U.S. and China talked.", "The US and China met again in Beijing.")
    assert "United States" in ents and {"U.S.", "US"} <= set(ents["United States"].aliases)


def test_roles_before_and_after_name(nlp):
    ents = _entities(
        nlp,
        '"Fine," said Lu Kang, a spokesman for China\'s foreign ministry.',
        "Chinese Foreign Ministry spokesman Lu Kang told a briefing that China agreed.",
    )
    roles = {r.text for r in ents["Lu Kang"].roles}
    assert "spokesman for China's foreign ministry" in roles
    assert any(r.endswith("spokesman") for r in roles)


def test_times_measures_and_plural_nouns_are_not_entities(nlp):
    text = (
        "A magnitude-6.1 earthquake struck Aceh province on Tuesday at 07:37 a.m. UTC (3:37 a.m. EDT).\n\n"
        "The quake hit inland at 0737 GMT. Houses collapsed in the district. Eyewitnesses say many homes fell."
    )
    names = set(_entities(nlp, text))
    assert not names & {"UTC", "GMT", "EDT", "Houses", "Eyewitnesses", "magnitude-6.1"}


def test_a_name_beside_a_settlement_noun_is_a_place(nlp):
    text = (
        "In Suka Makmur village a landslide engulfed a plantation. People ran out of buildings in the "
        "provincial capital Banda Aceh. The epicentre was west of the town of Bireun."
    )
    types = {n: e.type for n, e in _entities(nlp, text).items()}
    assert {n: types.get(n) for n in ("Suka Makmur", "Banda Aceh", "Bireun")} == {
        "Suka Makmur": "place",
        "Banda Aceh": "place",
        "Bireun": "place",
    }


def test_a_single_name_with_a_role_is_a_person(nlp):
    text = (
        "Five people were confirmed dead, Fauzi, an official from the local disaster agency, told AFP.\n\n"
        "Around 40 houses were damaged, said disaster agency official Fauzi."
    )
    assert {n: e.type for n, e in _entities(nlp, text).items()}.get("Fauzi") == "person"


def test_hyphenated_names_are_kept_whole(nlp):
    text = "South Korean President Moon Jae-in said he would meet Kim Jong-un in April."
    names = {n for n, e in _entities(nlp, text).items() if e.type == "person"}
    assert "Moon Jae-in" in names


def test_a_degree_after_a_name_is_not_part_of_it(nlp):
    text = "The criminologist Jeffery Ian Ross Ph.D. said the trade has gone on for centuries."
    names = {n for n, e in _entities(nlp, text).items() if e.type == "person"}
    assert names == {"Jeffery Ian Ross"}


def test_outlets_are_one_entity_under_short_and_long_names(nlp):
    text = (
        "The quake killed five people, Agence France-Presse reported.\n\n"
        "An AFP journalist saw houses collapse. The Associated Press said roads were cut. AP said later."
    )
    outlets = {n: e.type for n, e in _entities(nlp, text).items() if e.type == "organisation"}
    assert outlets.get("AFP") == "organisation" and outlets.get("AP") == "organisation"
    assert "Agence France-Presse" not in outlets and "Associated Press" not in outlets


def test_a_name_mostly_typed_a_place_is_a_place_everywhere(nlp):
    ents = _entities(
        nlp,
        "People ran out of buildings in the provincial capital Banda Aceh.",
        "The quake was felt in the city of Banda Aceh.",
        "Injured people were taken to Banda Aceh, she said.",
    )
    assert ents["Banda Aceh"].type == "place" and len([n for n in ents if n == "Banda Aceh"]) == 1


def test_a_person_is_named_by_the_fullest_form_the_stories_give(nlp):
    ents = _entities(
        nlp,
        "The press secretary, Cyril Alexander Volkov, told the paper about the letter.",
        "Alexander Volkov said the leader wrote back. Alexander Volkov spoke on Monday.",
    )
    volkov = [n for n in ents if "Volkov" in n]
    assert volkov == ["Cyril Alexander Volkov"]
    assert "Alexander Volkov" in ents["Cyril Alexander Volkov"].aliases


def test_a_lone_surname_is_the_family_member_the_story_is_about(nlp):
    ents = _entities(
        nlp,
        "Fabio Rossi died on Monday. Fabio Rossi led the program. Friends mourned Fabio Rossi. "
        "Among his mentors was his sister Mirella Rota Rossi. Rossi was 49.",
    )
    assert "Rossi" in ents["Fabio Rossi"].aliases and "Rossi" not in ents
    ents = _entities(
        nlp, "Vidal Rossi spoke first. Then Maria Rossi spoke. Rossi said the family was grateful."
    )
    assert "Rossi" in ents  # named alike: the lone surname is neither


def test_a_plural_name_after_the_is_a_group_not_a_person(nlp):
    ents = _entities(nlp, "The Jets cheerleaders won a settlement. The Jets denied the claims.")
    assert ents["Jets"].type == "organisation"


def test_a_name_stops_at_a_lower_case_word_the_model_ran_it_on_with(nlp):
    ents = _entities(
        nlp,
        "Isaiah Silva wants half. Isaiah claims Frances has upwards of $100 mil. "
        "Carla del Ponte works at the Bank of America.",
    )
    assert "Isaiah" in ents and not [n for n in ents if "claims" in n]
    assert "Carla del Ponte" in ents and "Bank of America" in ents


def test_capitals_of_a_title_cased_headline_are_names_only_where_the_text_writes_them(nlp):
    text = (
        "Father of Portland Shooting Victim Says Justice Will Be Served\n\n"
        "The father of one of two teens shot in Portland, Oregon, said on Sunday he wants justice."
    )
    names = set(_entities(nlp, text))
    assert "Portland" in names
    assert not names & {"Father", "Will Be Served", "Justice"}


def test_police_ranks_are_titles_and_one_person_goes_by_them(nlp):
    text = (
        "Det Con Tim Bird, the leader of the rescue team, told the inquest the route was hard.\n\n"
        "Detective Bird said the boots were not suitable and the light was poor.\n\n"
        "He added: “The “Mountain Rescue team did well.”"
    )
    entities = _entities(nlp, text)
    assert "Tim Bird" in entities and "Det" not in entities
    assert not {"Detective Bird", "Det Con Tim Bird"} & set(entities)
    assert not [n for n in entities if n.startswith(("“", '"'))]


def test_initials_join_the_name_they_stand_for(nlp):
    ents = _entities(
        nlp,
        "The Centers for Disease Control and Prevention (CDC) counted 50 cases.",
        "The CDC said more cases were likely. A spokesman for the CDC declined to comment.",
        "The Pacific Crest Trail Association said hikers should carry water, and the PCTA "
        "closed two camps.",
    )
    cdc = ents["Centers for Disease Control and Prevention"]
    assert "CDC" in cdc.aliases and cdc.sources == ["s0", "s1"]
    assert "CDC" not in ents
    assert "PCTA" in ents["Pacific Crest Trail Association"].aliases


def test_a_players_label_in_capitals_is_not_part_of_a_name(nlp):
    ents = _entities(
        nlp, "CLOSE Kevin Spacey was accused by more than a dozen men.\n\nSpacey denied it."
    )
    assert "Kevin Spacey" in ents and not any(n.startswith("CLOSE") for n in ents)


def test_a_list_items_number_does_not_make_the_name_after_it_an_organisation(nlp):
    from newsweave.extract.nlp import unnumbered

    text = "The accusers.\n\n4. Justin Dawes told BuzzFeed he was 16.\n\n10) Dawes said it was awkward."
    assert unnumbered(text) == text.replace("4. ", "   ").replace("10) ", "    ")
    ents = _entities(nlp, text)
    assert ents["Justin Dawes"].type == "person"


def test_a_hyphenated_given_name_is_kept_whole_and_a_name_said_first_joins_it(nlp):
    ents = _entities(
        nlp,
        "Kim Jong-nam died at the airport. Mr Kim had flown in from Macau.\n\n"
        "Police chief Khalid Abu Bakar said the toxin was VX. Mr Khalid said the airport was safe.",
    )
    assert "Mr Kim" in ents["Kim Jong-nam"].aliases
    assert "Shenzhen" in _entities(nlp, "The Shenzhen-based company ZTE said it would comply.")
    assert "Mr Khalid" in ents["Khalid Abu Bakar"].aliases
    assert "Khalid" not in ents


def test_a_practitioner_noun_in_ist_is_a_persons_role():
    from types import SimpleNamespace

    from newsweave.extract.entities import _person_noun

    def noun(word, tag="NN"):
        return _person_noun(SimpleNamespace(lower_=word, tag_=tag))

    assert noun("anthropologist") and noun("scientist") and noun("journalist")
    assert noun("spokesman")  # a role noun of the lexicon
    assert not noun("checklist") and not noun("playlist") and not noun("twist")
    assert not noun("insist", "VB")


def test_a_person_an_organisation_is_named_after_is_part_of_its_name(nlp):
    text = (
        "Gerald Ford USC Medical Center in Los Angeles said Monday that it had treated four people."
    )
    entities = _entities(nlp, text)
    assert entities["Gerald Ford USC Medical Center"].type == "organisation"
    assert not any(e.type == "person" for e in entities.values())


def test_words_saying_someone_is_unnamed_open_no_name(nlp):
    text = "Anonymous Boston artist: A former child actor told the paper that he was groped."
    assert not any(n.startswith("Anonymous") for n in _entities(nlp, text))
