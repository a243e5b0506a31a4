"""Who "he" is: the scored choice of a speaker pronoun's antecedent (quotes/referents.py), each
rule on a sentence written for it."""

from __future__ import annotations

from newsweave.clean import clean
from newsweave.dedup import assign_witnesses
from newsweave.extract import extract
from newsweave.models import Source
from newsweave.quotes import find_quotes


def _extracted(nlp, text):
    """(the document, the entities) of one text, cleaned and extracted."""
    source = clean(Source(id="t", raw=text))
    assign_witnesses([source])
    docs, entities = extract([source], nlp)
    return docs[0], entities


def _speakers(nlp, text):
    """(quoted words, the speaker's entity name) of each direct or partial quote."""
    doc, entities = _extracted(nlp, text)
    names = {e.id: e.name for e in entities}
    return [
        (q.text, names.get(q.speaker_id))
        for q in find_quotes(doc, entities)
        if q.kind != "indirect"
    ]


def test_a_name_in_apposition_to_a_role_subject_is_the_next_he(nlp):
    text = (
        "Rescue chief Fransiskus Bambang Soelistyo said the search would go on.\n\n"
        "Another official, Supriyadi, who is coordinating the operation, said earlier that the weather was bad.\n\n"
        '"The visibility is only two metres," he said.\n\n'
        '"We cannot fly today," he added.'
    )
    assert _speakers(nlp, text) == [
        ("The visibility is only two metres", "Supriyadi"),
        ("We cannot fly today", "Supriyadi"),
    ]


def test_she_is_never_a_man_named_by_the_text(nlp):
    text = (
        "Mr. Tony Fernandes, the airline's chief executive, flew to Surabaya on Monday.\n\n"
        "Ema Suryani, whose brother was on board, waited at the airport with her mother.\n\n"
        "Fernandes said the company would help the families.\n\n"
        '"I just want to know where he is," she said.'
    )
    assert _speakers(nlp, text)[-1] == ("I just want to know where he is", "Ema Suryani")


def test_he_is_never_a_woman_named_by_the_text(nlp):
    text = (
        "Ms. Ema Suryani said her brother had called her before the flight.\n\n"
        "Police chief Budi Santoso met the families on Tuesday. Suryani thanked them.\n\n"
        '"We are doing everything we can," he added.'
    )
    assert _speakers(nlp, text)[-1] == ("We are doing everything we can", "Budi Santoso")


def test_a_he_after_an_unnamed_speaker_is_not_the_last_person_named(nlp):
    text = (
        "Senator Dave Joyce spoke at the convention on Tuesday.\n\n"
        "A convention-goer said he was unable to find a hotel room.\n\n"
        "\"When you're out at 4 a.m. nothing good's going to happen,\" he said."
    )
    assert _speakers(nlp, text)[-1] == (
        "When you're out at 4 a.m. nothing good's going to happen",
        None,
    )


def test_a_he_that_goes_on_from_an_unnamed_speaker_keeps_him_unnamed(nlp):
    # the second "he" continues the first, which is the official's: not the leader the text
    # names, nor his "his", a sentence before
    text = (
        "Libya's Moammar Gadhafi made clear he plans to stamp out the protests.\n\n"
        "Libyans marched against Gadhafi, the most serious uprising in his 42-year reign.\n\n"
        "Snipers fired on mourners in Benghazi, a hospital official said. He spoke on condition "
        "of anonymity for fear of reprisal.\n\n"
        '"Many of the dead are relatives of doctors here," he told The Associated Press.'
    )
    assert _speakers(nlp, text)[-1] == ("Many of the dead are relatives of doctors here", None)


def test_a_pronoun_object_is_not_the_subject_of_its_own_verb(nlp):
    from newsweave.quotes.referents import referent
    from newsweave.quotes.speakers import Context

    source = clean(
        Source(id="t", raw="Dana Reyes met Tom Hale in March. Later Hale told him the plan.")
    )
    docs, entities = extract([source], nlp)
    ctx = Context(docs[0].nlp, docs[0].entity_mentions, {e.id: e for e in entities})
    him = next(t for t in docs[0].nlp if t.lower_ == "him")
    assert {e.id: e.name for e in entities}[referent(ctx, him)] == "Dana Reyes"


def test_someones_spokesman_is_not_that_person_nor_another_spokesman(nlp):
    text = (
        "Pentagon spokesman Michael Mann said the talks went well.\n\n"
        'Defense Secretary Chuck Hagel called Sissi on Tuesday. "The secretary urged restraint," a Hagel spokesman said.'
    )
    assert _speakers(nlp, text)[-1] == ("The secretary urged restraint", None)


def test_a_name_in_apposition_to_someones_role_is_the_speaker(nlp):
    text = '"He received the letter and replied," the Patriarch\'s press secretary, Alexander Volkov, said.'
    assert _speakers(nlp, text) == [("He received the letter and replied", "Alexander Volkov")]


def test_police_is_the_one_police_force_the_story_names(nlp):
    text = (
        "The Chicago Police Department opened an inquiry on Monday.\n\n"
        '"Officers found the car abandoned," police said. "We are looking for witnesses," police sources said.'
    )
    assert _speakers(nlp, text) == [
        ("Officers found the car abandoned", "Chicago Police Department"),
        ("We are looking for witnesses", None),
    ]


def test_a_police_station_is_no_force_and_initials_name_one(nlp):
    text = (
        "Gerry Adams was questioned at Antrim Police station on Friday. He said he supports "
        "the PSNI.\n\n"
        '"A file will be sent to prosecutors," police said.'
    )
    assert _speakers(nlp, text)[-1] == ("A file will be sent to prosecutors", "PSNI")


def test_a_surname_the_model_takes_for_a_place_is_the_person(nlp):
    source = clean(
        Source(
            id="t", raw="Michael Bloomberg spoke on Monday.\n\nBloomberg said the city was ready."
        )
    )
    _docs, entities = extract([source], nlp)
    assert [(e.name, e.type) for e in entities if "Bloomberg" in e.name] == [
        ("Michael Bloomberg", "person")
    ]


def test_a_town_never_speaks(nlp):
    text = 'The epicentre was west of the town of Bireun. "Houses shook for a minute," Bireun village residents said.'
    assert _speakers(nlp, text)[-1][1] is None


def test_a_country_named_as_the_subject_speaks_for_its_government(nlp):
    text = '"We oppose the sanctions," China said on Monday.'
    assert _speakers(nlp, text) == [("We oppose the sanctions", "China")]


def test_a_speaker_one_outlet_leaves_unnamed_is_named_from_another(pipeline):
    named = (
        "White House economic adviser Gary Cohn spoke to reporters on Friday.\n\n"
        '"We are not going to start a trade war with anyone," Cohn said.'
    )
    unnamed = (
        "The adviser was asked about tariffs.\n\n"
        '"We are not going to start a trade war with anyone," an official said.'
    )
    brief = pipeline.run(
        [Source(id="atlantic", raw=named, outlet="The Atlantic"), Source(id="wire", raw=unnamed)]
    )
    group = next(g for g in brief.quotes if "trade war" in g.mentions[0].text)
    assert group.speaker == "Gary Cohn" and group.named_in == ["atlantic"]
    assert {q.span.source for q in group.mentions} == {"atlantic", "wire"}


def test_the_mayor_is_the_mayor_named_in_this_report(nlp):
    text = (
        "Philadelphia Mayor Michael Nutter ordered the camp cleared last week.\n\n"
        "In Los Angeles, Mayor Antonio Villaraigosa met the organizers on Sunday.\n\n"
        '"It is time for Occupy LA to move on," the mayor said.'
    )
    assert _speakers(nlp, text)[-1] == (
        "It is time for Occupy LA to move on",
        "Antonio Villaraigosa",
    )


def test_he_after_a_role_subject_is_the_person_with_that_role(nlp):
    text = (
        "Mayor Antonio Villaraigosa gave protesters until midnight. Police Commander Andrew Smith said "
        "he thought a clash was unlikely.\n\n"
        'The mayor complimented the protesters on Sunday. But he added: "It is time for Occupy LA to move on."'
    )
    assert _speakers(nlp, text)[-1] == (
        "It is time for Occupy LA to move on.",
        "Antonio Villaraigosa",
    )


def test_a_place_that_only_lies_somewhere_says_nothing(nlp):
    text = 'Indonesia lies on the Pacific "Ring of Fire, a stretch where earthquakes are common."'
    assert all(name is None for _, name in _speakers(nlp, text))


def test_a_he_opening_a_sentence_goes_on_with_the_subject_of_the_one_before(nlp):
    """The last speaker, Trump, loses to the subject of the sentence just before."""
    text = (
        "Greg Gianforte body-slammed a reporter.\n\n"
        'Trump praised him at a rally. "He is my type," Trump said. The crowd cheered loudly.\n\n'
        "Gianforte pleaded guilty last year. He apologized that night, saying, "
        '"When you make a mistake you have to own it."'
    )
    assert _speakers(nlp, text)[-1] == (
        "When you make a mistake you have to own it.",
        "Greg Gianforte",
    )


def test_a_role_word_before_a_name_resolves_to_that_name(nlp):
    from newsweave.quotes.speakers import Context, resolve_mention

    source = clean(Source(id="t", raw="Biologist Nick Bos tells Wikinews about the ants."))
    docs, entities = extract([source], nlp)
    ctx = Context(docs[0].nlp, docs[0].entity_mentions, {e.id: e for e in entities})
    role = next(t for t in docs[0].nlp if t.text == "Biologist")
    assert {e.id: e.name for e in entities}[resolve_mention(ctx, role)] == "Nick Bos"


def test_words_one_outlet_prints_bare_join_the_quote_another_attributes(pipeline):
    named = (
        "Singer Ann Wade posted a note on Monday.\n\n"
        '"The band will tour Europe again next spring with all four original members," Wade '
        "wrote."
    )
    bare = (
        "Fans got good news.\n\nSources say the band will tour Europe again next spring with all "
        "four original members."
    )
    brief = pipeline.run(
        [Source(id="blog", raw=named, outlet="The Blog"), Source(id="wire", raw=bare)]
    )
    group = next(g for g in brief.quotes if any(m.span.source == "wire" for m in g.mentions))
    assert group.speaker == "Ann Wade" and group.named_in == ["blog"]


def test_reported_speech_beside_a_quote_of_the_same_cue_is_a_statement_of_its_own(pipeline):
    text = (
        "The club met on Friday.\n\n"
        "\u201cThe talks are over,\u201d we are told. Meanwhile, sources close to the club say "
        "the coach will leave in June."
    )
    brief = pipeline.run([Source(id="wire", raw=text)])
    said = [m.text for g in brief.quotes for m in g.mentions]
    assert "the coach will leave in June" in said


def test_a_subject_pronoun_is_nobody_its_own_clause_names(nlp):
    # Grant is named three times and was the last speaker; "he" cannot be the Grant his clause names
    text = (
        "Senator Paul Grant spoke in Denver on Monday. Grant said the vote would pass.\n\n"
        "After her meeting with Grant, Ms. Lena Ortiz met the state's treasurer, Tom Keller, "
        "a veteran of the party. "
        'He said at a joint appearance with Ortiz that he believed Grant had "misjudged" the mood.'
    )
    assert _speakers(nlp, text)[-1] == ("misjudged", "Tom Keller")


def test_a_pronoun_may_be_a_name_in_a_clause_before_it(nlp):
    text = (
        "Senator Paul Grant spoke in Denver on Monday.\n\n"
        'When Grant arrived at the hall, he said the vote was "a done deal".'
    )
    assert _speakers(nlp, text)[-1] == ("a done deal", "Paul Grant")


def _referent_of(nlp, text, word, nth=-1):
    """The entity name newsweave gives the `nth` pronoun `word` of the text."""
    from newsweave.quotes.finder import find_quote_spans
    from newsweave.quotes.quoted import Quoted
    from newsweave.quotes.referents import referent
    from newsweave.quotes.speakers import Context

    docs, entities = extract([clean(Source(id="t", raw=text))], nlp)
    quoted = Quoted((q.start - 1, q.end + 1) for q in find_quote_spans(docs[0].source.text))
    ctx = Context(docs[0].nlp, docs[0].entity_mentions, {e.id: e for e in entities}, quoted)
    pronoun = [t for t in docs[0].nlp if t.lower_ == word][nth]
    return {e.id: e.name for e in entities}.get(referent(ctx, pronoun) or "")


def test_a_chain_of_he_carries_a_person_past_the_sentence_window(nlp):
    middle = " ".join(f"He spent the summer of {1990 + i} at sea." for i in range(14))
    text = f"Tom Reedman grew up on a farm. {middle} He said the sea had made him."
    assert _referent_of(nlp, text, "he") == "Tom Reedman"


def test_a_bound_object_is_no_mention_of_the_subject(nlp):
    text = "Kate Morland met Maria Gonzalez in Oslo. Later Morland hired her."
    assert _referent_of(nlp, text, "her") == "Maria Gonzalez"


def test_a_possessive_inside_the_subject_gives_no_gender(nlp):
    from newsweave.quotes.genders import genders
    from newsweave.quotes.speakers import Context

    text = (
        "Maria Gonzalez studied in Leeds. Her former professor, Paul Kerrigan, praised the thesis."
    )
    docs, entities = extract([clean(Source(id="t", raw=text))], nlp)
    ctx = Context(docs[0].nlp, docs[0].entity_mentions, {e.id: e for e in entities})
    names = {e.id: e.name for e in entities}
    assert {names[e]: g for e, g in genders(ctx).items()}.get("Paul Kerrigan") != "f"


def test_the_he_of_a_name_is_no_link_of_the_chain(nlp):
    text = (
        "Vice Premier Liu He told Senator Tom Reed that the talks would go on. "
        "Spokesman Lu Kang told a briefing that China was pleased. "
        "He said that Mr Liu would travel on Friday."
    )
    assert _referent_of(nlp, text, "he") == "Lu Kang"


def test_a_person_the_chain_called_she_is_not_the_next_he(nlp):
    # the text never states Lee's gender but the chain's "she" does; Lee is the salient subject
    text = (
        "Karis Lee drew the comic in high school. Lee sold it in 2010, and she drew more pages. "
        "Lee then hired a writer named Mario Diaz, and he wrote the story."
    )
    assert _referent_of(nlp, text, "he") == "Mario Diaz"


def test_a_name_in_the_pronouns_own_quote_costs_nothing(nlp):
    text = (
        "Mark Rathbun spoke to reporters on Monday. "
        '"The next thing Daniel Ortiz knows, he is in a cell," Rathbun said.'
    )
    assert _referent_of(nlp, text, "he") == "Daniel Ortiz"


def test_a_name_set_before_a_subject_pronoun_is_that_pronoun(nlp):
    text = (
        "Anna Berg met the minister on Monday. "
        'And the head of the agency, Tom Roe, he has explained that the plan "will not work".'
    )
    assert _referent_of(nlp, text, "he") == "Tom Roe"


def test_the_person_whose_view_a_sentence_gives_is_the_next_he(nlp):
    # Warhol is the clause's subject and named four times; the sentence gives Berg's view
    text = (
        "Kevin Allton spoke at the museum on Friday, and Warhol was the topic. "
        '"It is Warhol. He is a legend." '
        "For Ken Berg, a USI instructor in English, Warhol was also a legend. "
        'He said, "Andy Warhol was the center of things."'
    )
    assert _speakers(nlp, text)[-1] == ("Andy Warhol was the center of things.", "Ken Berg")


def _context(nlp, text):
    from newsweave.quotes.speakers import Context

    docs, entities = extract([clean(Source(id="t", raw=text))], nlp)
    ctx = Context(docs[0].nlp, docs[0].entity_mentions, {e.id: e for e in entities})
    return ctx, {e.id: e.name for e in entities}


def test_a_lone_name_word_the_model_left_untagged_is_its_persons_mention(nlp):
    from newsweave.quotes.people import untagged_names

    ctx, names = _context(
        nlp,
        "Senator Isabel Ruiz spoke on Friday. Back in Collins College, Isabel and I, we had met "
        "at a party. Isabel Smith came later.",
    )
    # the "Isabel" of "Isabel Smith" is another person's name
    assert [(t.text, t.i, names[e]) for t, e in untagged_names(ctx)] == [
        ("Isabel", 12, "Isabel Ruiz")
    ]


def test_a_gendered_noun_a_name_is_given_to_gives_the_gender(nlp):
    from newsweave.quotes.genders import genders

    ctx, names = _context(
        nlp,
        "Senator Isabel Ruiz spoke on Friday. Back in school, I kept hearing about a girl named "
        "Isabel, and I met her. Karis Lee met a man named Tom Hale in 2001.",
    )
    assert {names[e]: g for e, g in genders(ctx).items()} == {"Isabel Ruiz": "f", "Tom Hale": "m"}


def test_the_object_of_a_verbs_preposition_is_not_its_subject(nlp):
    text = "Tom Hale joined the monks in 2001. Finally, Paul Grant called on him to preach."
    assert _referent_of(nlp, text, "him") == "Tom Hale"


def test_a_conjoined_verb_binds_its_object_to_the_first_verbs_subject(nlp):
    text = (
        "Paul Grant founded the firm in 2001. Grant gave Tom Hale full control over it, "
        "though later recalled him from the post."
    )
    assert _referent_of(nlp, text, "him") == "Tom Hale"


def test_a_reflexive_is_its_own_clauses_subject(nlp):
    text = (
        "Officer Steve Whitmore met reporters on Monday. Daniel Montalvo walked into the station "
        "and turned himself in."
    )
    assert _referent_of(nlp, text, "himself") == "Daniel Montalvo"


def test_a_bare_participles_object_may_be_the_main_subject(nlp):
    # "enabling him": the gift enables, so him may be Hale
    text = "Paul Grant met Tom Hale in 2001. Hale had a gift for sounds, enabling him to sing."
    assert _referent_of(nlp, text, "him") == "Tom Hale"


def test_someones_kin_is_the_person_named_as_that_kin_before(nlp):
    text = (
        "Daniel Bernoulli was born in 1700. Around schooling age, his father, Johann, encouraged "
        'him to study business. Daniel refused. His father then said, "You must study medicine."'
    )
    assert _speakers(nlp, text)[-1] == ("You must study medicine.", "Johann")


def test_another_persons_kin_is_not_the_kin_named_before(nlp):
    text = (
        "Ms. Anna Berg was born in 1970. Her father, Johann, taught her to sail. "
        'Mr. Tom Hale met her in 1990. His father later said, "They married in June."'
    )
    assert _speakers(nlp, text)[-1] == ("They married in June.", None)


def test_each_conjunct_of_a_role_is_a_head():
    from newsweave.quotes.holders import role_heads

    assert role_heads("an Australian woman and former Scientologist") == ["woman", "scientologist"]
    assert role_heads("head of research and development") == ["head"]
    assert role_heads("a spokesman for China's foreign ministry") == ["spokesman"]


def test_a_subject_pronoun_reported_by_a_speech_verb_is_its_subject(nlp):
    # the mayor is named three times and a subject each time; Rogovinhart says what she thought
    text = (
        "Mayor Michael Nutter met the protesters on Friday. Nutter said the camp must go. "
        "The mayor repeated it, and Nutter left. "
        "Ellen Rogovinhart of Elkins Park said she thought the city could have done more."
    )
    assert _referent_of(nlp, text, "she") == "Ellen Rogovinhart"


def test_a_headlines_described_subject_is_the_one_person_given_that_role(nlp):
    from newsweave.quotes.speakers import resolve_mention

    text = (
        "Australian woman claims church held her for twelve years\n\n"
        "Ms. Valeska Ruiz, an Australian woman and former church member, has claimed that the "
        "church held her aboard a ship."
    )
    ctx, names = _context(nlp, text)
    woman = next(t for t in ctx.doc if t.text == "woman")
    assert names.get(resolve_mention(ctx, woman, woman.head) or "") == "Valeska Ruiz"


def test_a_she_that_may_be_a_woman_told_of_gives_the_one_named_no_gender(nlp):
    from newsweave.quotes.genders import genders
    from newsweave.quotes.speakers import Context

    text = (
        "Lt. Mark Gagan said police got a tip from a young woman who heard the boasts. "
        "She was found an hour later."
    )
    docs, entities = extract([clean(Source(id="t", raw=text))], nlp)
    ctx = Context(docs[0].nlp, docs[0].entity_mentions, {e.id: e for e in entities})
    gagan = next(e.id for e in entities if e.name == "Mark Gagan")
    assert genders(ctx).get(gagan) is None


def test_someones_kin_is_the_one_other_person_of_that_family_name(nlp):
    text = (
        "Mary Kristene Chapa, 18, who was shot on Saturday, is making a strong recovery, "
        'her brother told reporters. "She is doing amazing," her brother said.\n\n'
        "Hilario Chapa, 32, a sergeant in the Air Force reserve, visits her every day. He "
        "served with the 82nd Airborne Division."
    )
    assert _speakers(nlp, text)[-1] == ("She is doing amazing", "Hilario Chapa")


def test_kin_of_the_other_gender_is_not_the_one_of_that_family_name(nlp):
    text = (
        "Mary Kristene Chapa, 18, was shot on Saturday. Ms. Lena Chapa visits her every day. "
        '"She is doing amazing," her brother said.'
    )
    assert _speakers(nlp, text)[-1] == ("She is doing amazing", None)


def test_he_of_a_second_speech_verb_is_the_subject_of_the_first(nlp):
    text = (
        "Portland police chief Randy Wright opened an inquiry on Sunday.\n\n"
        '"It wasn\'t like Mollie," Mario Olgin said. Mario Olgin knew something was wrong.\n\n'
        "The Portland police chief said there is no evidence yet that it was a hate crime, "
        'but he also said, "We are not ruling it out."'
    )
    assert _speakers(nlp, text)[-1] == ("We are not ruling it out.", "Randy Wright")


def test_kin_is_not_one_of_that_family_name_whose_gender_the_text_never_gives(nlp):
    text = (
        "Wendy Davis married Jeff Davis in 1987. She wrote a memoir about her life. "
        '"We were poor," her mother said.'
    )
    assert _speakers(nlp, text)[-1] == ("We were poor", None)


def test_kin_one_outlet_names_is_the_kin_another_leaves_unnamed(pipeline):
    named = (
        "Frances Bean Cobain has kept her fortune from her estranged husband, Isaiah Silva, "
        "since they split in March 2016."
    )
    unnamed = (
        "Frances Bean Cobain's estranged husband says he won't have a penny to his name "
        "without her."
    )
    brief = pipeline.run([Source(id="tmz", raw=named), Source(id="wire", raw=unnamed)])
    group = next(g for g in brief.quotes if "penny" in g.mentions[0].text)
    assert group.speaker == "Isaiah Silva"
    silva = next(e for e in brief.entities if e.name == "Isaiah Silva")
    assert "her estranged husband" in [r.text for r in silva.roles]


def test_actor_gives_no_gender(nlp):
    # "actor" is said of women as of men: it is no evidence that Minnie Driver is a man
    text = (
        "The actor Minnie Driver criticised comments by Matt Damon on Saturday.\n\n"
        "Damon said there was a difference between the cases.\n\n"
        'He added: "None of us came here perfect."\n\n'
        'Driver said: "I felt I desperately needed to say something."\n\n'
        '"It is galling," she said.'
    )
    assert _speakers(nlp, text)[-2:] == [
        ("I felt I desperately needed to say something.", "Minnie Driver"),
        ("It is galling", "Minnie Driver"),
    ]


def test_an_epithet_noun_is_the_person_just_named_whoever_else_is_an_actor(nlp):
    text = (
        "Jon Bernthal says he saw Kevin Spacey behave badly on set.\n\n"
        'The actor told SiriusXM: "I just remember losing a ton of respect for him."\n\n'
        "In a later article, actor Anthony Rapp made accusations of his own."
    )
    assert _speakers(nlp, text)[0] == (
        "I just remember losing a ton of respect for him.",
        "Jon Bernthal",
    )


def test_a_he_opening_its_sentence_is_the_last_subject_however_the_parse_hangs_it(nlp):
    text = (
        "Tony Montana told USA TODAY that Spacey groped him in a pub.\n\n"
        "8. Kris Nixon, a 20-year-old bartender from Belfast, was working at a bar in 2007. He "
        "told People he was invited to a party; he was sitting on a sofa when Spacey sat beside "
        'him. "He was drunk but not paralytic," he said.'
    )
    assert _speakers(nlp, text)[-1] == ("He was drunk but not paralytic", "Kris Nixon")


def test_a_he_inside_a_clause_is_the_subject_of_the_clause_above_it(nlp):
    text = (
        "Justin Dawes told BuzzFeed he was 16 at the time. Dawes said it was awkward.\n\n"
        "Mark Ebenhoch was a military adviser on the set when, he said, Spacey sent a crew member "
        'to him. "As an adviser the last thing you would want is to be known as gay," he said.'
    )
    assert _speakers(nlp, text)[-1][1] == "Mark Ebenhoch"


def test_a_title_with_of_names_the_person_after_it_not_an_organisation(nlp):
    text = (
        "KUALA LUMPUR (AP) - The nerve agent VX killed him, police said.\n\n"
        '"Our preliminary finding is the chemical VX," said Inspector-General of Police Khalid '
        "Abu Bakar."
    )
    _doc, entities = _extracted(nlp, text)
    assert not any("Inspector" in e.name for e in entities)
    assert _speakers(nlp, text)[-1] == (
        "Our preliminary finding is the chemical VX",
        "Khalid Abu Bakar",
    )


def test_an_interview_transcript_gives_each_turn_to_its_labelled_speaker(nlp):
    text = (
        "Matt Damon spoke to Peter Travers about the scandal.\n\n"
        "Peter Travers: We live now in a different age. How do you react to that?\n\n"
        "Matt Damon: I think we are in a watershed moment. I think it is great.\n\n"
        "PT: It is harder when you know someone, isn't it?\n\n"
        "MD: It depends on what the accusation is.\n\n"
        "Note: the interview was edited for length."
    )
    doc, entities = _extracted(nlp, text)
    names = {e.id: e.name for e in entities}
    turns = [
        (q.text[:20], names.get(q.speaker_id))
        for q in find_quotes(doc, entities)
        if q.kind == "direct"
    ]
    assert turns == [
        ("We live now in a dif", "Peter Travers"),
        ("I think we are in a ", "Matt Damon"),
        ("It is harder when yo", "Peter Travers"),
        ("It depends on what t", "Matt Damon"),
    ]


def test_one_labelled_paragraph_is_no_transcript(nlp):
    text = "Officials met on Monday.\n\nJohn Smith: The talks went well, officials said."
    doc, entities = _extracted(nlp, text)
    assert not [q for q in find_quotes(doc, entities) if q.how == "named" and q.kind == "direct"]


def test_a_quoted_she_gives_no_gender_to_the_man_who_says_it(nlp):
    text = (
        "Ms. Ann Moray, the cook, died on Saturday at the age of 66.\n\n"
        "Fellow chef Brian Tolley called Moray a clever woman.\n\n"
        '"She was very outgoing," he told the Echo. "She knew what good service was."'
    )
    assert _speakers(nlp, text)[-2:] == [
        ("She was very outgoing", "Brian Tolley"),
        ("She knew what good service was.", "Brian Tolley"),
    ]


def test_he_said_after_a_paragraph_that_introduces_a_speaker_is_that_speaker(nlp):
    text = (
        "Omar Haddad died in the airport on Monday. Haddad was 45. He had flown in from Macau. "
        "He had been travelling alone. Police said he had collapsed.\n\n"
        "Dr. Peter Lund, a toxicologist at the University of Leeds, said the poison works fast. "
        "It can be absorbed through the skin. Soldiers carry an antidote with them.\n\n"
        '"It is a very toxic agent," he said.'
    )
    assert _speakers(nlp, text)[-1] == ("It is a very toxic agent", "Peter Lund")


def test_a_he_in_a_numbered_item_is_the_items_newcomer_not_the_last_items_person(nlp):
    text = (
        "Here is a list of the people who have accused Mayor Dan Pike.\n\n"
        "1. Tom Ferris, a driver, told the Herald that Pike shouted at him. "
        'Ferris said: "It was frightening."\n\n'
        "2. Carl Minto said Pike pushed him in 2015. He said he never reported it.\n\n"
        "3. Anonymous reporter: A British journalist met Pike in 2016. "
        "He said Pike threatened him."
    )
    doc, entities = _extracted(nlp, text)
    names = {e.id: e.name for e in entities}
    said = {q.text: names.get(q.speaker_id) for q in find_quotes(doc, entities)}
    assert said["he never reported it"] == "Carl Minto"
    assert said["Pike threatened him"] is None


def test_he_inside_a_clause_reported_by_a_speech_verb_is_its_speaker(nlp):
    text = (
        "Actor Anthony Bell said in 2016 that Ray Kent had harassed him. Bell repeated it on "
        "Monday. Bell later wrote a book.\n\n"
        "Daniel Roe told The Sun on Oct. 31 that in 2010, when he was 19 and working in a hotel, "
        "Kent insulted him. He continued, saying Kent then paid him to keep quiet."
    )
    doc, entities = _extracted(nlp, text)
    names = {e.id: e.name for e in entities}
    said = {q.text: names.get(q.speaker_id) for q in find_quotes(doc, entities)}
    assert said["Kent then paid him to keep quiet"] == "Daniel Roe"


def test_her_agent_is_the_one_given_the_role_of_agent(nlp):
    text = (
        "The cook Clara Dunn died on Saturday.\n\n"
        '"She fought for what she believed in," said agent Helen Marsh-Brown.\n\n'
        'Her birthday, her agent said, "meant much more to her than another year".'
    )
    assert _speakers(nlp, text)[-1] == (
        "meant much more to her than another year",
        "Helen Marsh-Brown",
    )


def test_her_mom_is_the_one_woman_of_the_familys_name(nlp):
    text = (
        "Sara Fenwick was among the parents when her daughter Laura Fenwick fell ill in 2014.\n\n"
        "By the next morning, Laura was like a limp rag doll, her mom said."
    )
    doc, entities = _extracted(nlp, text)
    names = {e.id: e.name for e in entities}
    said = {q.text: names.get(q.speaker_id) for q in find_quotes(doc, entities)}
    assert said["By the next morning, Laura was like a limp rag doll"] == "Sara Fenwick"


def test_a_paragraph_with_no_label_between_turns_goes_on_with_the_turn_before(nlp):
    text = (
        "Matt Damon spoke to Peter Travers about the scandal.\n\n"
        "Peter Travers: We live now in a different age. How do you react to that?\n\n"
        "Matt Damon: I think we are in a watershed moment. I saw Al Franken on television.\n\n"
        "And I think he is right about that. We have to correct enough to go on.\n\n"
        "PT: It is harder when you know someone, isn't it?\n\n"
        "MD: It depends on what the accusation is.\n\n"
        "Watch the interview on Friday, Travers said."
    )
    doc, entities = _extracted(nlp, text)
    names = {e.id: e.name for e in entities}
    said = {q.text[:20]: names.get(q.speaker_id) for q in find_quotes(doc, entities)}
    assert said["And I think he is ri"] == "Matt Damon"
    assert "he is right about that" not in said  # no reported speech inside a turn
    assert said.get("Watch the interview ") != "Matt Damon"  # after the last turn: no turn


def test_a_quote_inside_a_turn_has_the_speaker_its_cue_in_the_turn_gives(nlp):
    text = (
        "Matt Damon spoke to Peter Travers about the scandal.\n\n"
        "Peter Travers: We live now in a different age. How do you react to that?\n\n"
        'Matt Damon: I think we are in a watershed moment. Louis Kay came out and said, "I did '
        'these things." That is a sign of somebody we can work with.\n\n'
        "PT: It is harder when you know someone, isn't it?\n\n"
        "MD: It depends on what the accusation is."
    )
    doc, entities = _extracted(nlp, text)
    names = {e.id: e.name for e in entities}
    said = {q.text: names.get(q.speaker_id) for q in find_quotes(doc, entities)}
    assert said["I did these things."] == "Louis Kay"


def test_a_name_alone_in_quote_marks_is_someone_unnamed(nlp):
    text = (
        "The photographs were taken by John Hale for the Courier.\n\n"
        '"John" told the BBC on Oct. 31 that Mayor Dan Pike tried to bribe him in 1984. '
        "He said Pike offered him money."
    )
    doc, entities = _extracted(nlp, text)
    names = {e.id: e.name for e in entities}
    said = {q.text: names.get(q.speaker_id) for q in find_quotes(doc, entities)}
    assert said["Pike offered him money"] is None
    assert said.get("Mayor Dan Pike tried to bribe him in 1984") is None


def test_an_infinitive_object_is_not_the_subject_who_tries(nlp):
    from newsweave.quotes.referents import chained
    from newsweave.quotes.speakers import Context

    doc, entities = _extracted(
        nlp,
        "Tom Reed met Dan Pike in 1984. Pike tried to seduce him at the hotel. "
        "Ann Cole asked Tom Reed to help her.",
    )
    ctx = Context(doc.nlp, doc.entity_mentions, {e.id: e for e in entities})
    names = {e.id: e.name for e in entities}
    him = next(t for t in doc.nlp if t.lower_ == "him")
    her = next(t for t in doc.nlp if t.lower_ == "her")
    assert names.get(chained(ctx, him)) == "Tom Reed"
    assert names.get(chained(ctx, her)) != "Tom Reed"


def test_a_he_said_after_its_report_is_not_the_man_the_report_is_about(nlp):
    text = (
        "Bob Dudley runs the company. Dudley was paid $20m last year. Dudley met investors.\n\n"
        'Mark Fenn, partner at recruitment firm Odgers Smith, told Today: "Pay is part of '
        'the discussion. If you operate in a global market, you pay on a global scale."\n\n'
        "The company was now in a far better position than when Mr Dudley took the helm, he said."
    )
    doc, entities = _extracted(nlp, text)
    names = {e.id: e.name for e in entities}
    said = {q.text: names.get(q.speaker_id) for q in find_quotes(doc, entities)}
    reported = "The company was now in a far better position than when Mr Dudley took the helm"
    assert said[reported] == "Mark Fenn"
