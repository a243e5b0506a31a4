"""Quote finding and speaker attribution."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.clean import clean
from newsweave.dedup import assign_witnesses
from newsweave.extract import extract
from newsweave.models import Source
from newsweave.quotes import described_speaker, find_quote_spans, find_quotes
from newsweave.quotes.finder import mark_directions


def _quotes(nlp, text, kinds=("direct", "partial")):
    source = clean(Source(id="t", raw=text))
    assign_witnesses([source])
    docs, entities = extract([source], nlp)
    names = {e.id: e.name for e in entities}
    return [
        (q.text, names.get(q.speaker_id), q.kind, q.how)
        for q in find_quotes(docs[0], entities)
        if q.kind in kinds
    ]


def _said(nlp, text):
    """(words, speaker) of every quote and reported claim of the text."""
    return [(f[0], f[1]) for f in _quotes(nlp, text, INDIRECT)]


def test_spans_inside_marks_without_trailing_comma():
    text = '"We think highly of it," said Lu Kang. "We are in close contact."'
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        "We think highly of it",
        "We are in close contact.",
    ]


def test_quote_continued_over_paragraphs():
    text = '"First part of the quote.\n\n"Second part ends here," she said.'
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        "First part of the quote.",
        "Second part ends here",
    ]
    assert spans[0].closed is False


def test_an_opening_mark_typed_before_a_space_closes_the_quote(nlp):
    text = "\u201cApparently not,\u201c said Dana Cole. \u201cA leopard does not change its spots.\u201d"
    found = _quotes(nlp, text)
    assert [(f[0], f[1]) for f in found] == [
        ("Apparently not", "Dana Cole"),
        ("A leopard does not change its spots.", "Dana Cole"),
    ]


def test_unbalanced_mark_warns_and_does_not_raise():
    warnings: list[str] = []
    spans = find_quote_spans('He said" nothing and "left it open', warnings)
    assert warnings and spans[-1].closed is False


def test_trailing_said_named_speaker(nlp):
    found = _quotes(
        nlp,
        '"We think highly of the U.S. statement," said Lu Kang, a spokesman for the foreign ministry.',
    )
    assert found == [("We think highly of the U.S. statement", "Lu Kang", "direct", "named")]


def test_pronoun_speaker_resolves_to_last_named_subject(nlp):
    text = (
        "White House spokesman Lindsay Walters confirmed that officials were in contact with Beijing.\n\n"
        'She said the tweet underscored the importance of "free, fair, balanced" relations.'
    )
    assert _quotes(nlp, text) == [("free, fair, balanced", "Lindsay Walters", "partial", "pronoun")]


def test_continuation_takes_previous_speaker(nlp):
    text = '"It is a reversal," said Eswar Prasad, a professor at Cornell University. "Trump may have recognized it."'
    found = _quotes(nlp, text)
    assert [f[1] for f in found] == ["Eswar Prasad", "Eswar Prasad"]
    assert found[1][3] == "continuation"


def _utterances(nlp, text):
    source = clean(Source(id="t", raw=text))
    docs, entities = extract([source], nlp)
    return [q.utterance for q in find_quotes(docs[0], entities) if q.kind != "indirect"]


def test_a_quote_paragraph_after_the_speakers_quote_is_the_same_utterance(nlp):
    text = (
        '"We will keep the plant open," said Maria Lopez, the mayor.\n\n'
        '"The jobs matter more than the budget this year."\n\nThe council meets on Monday.'
    )
    assert [f[1] for f in _quotes(nlp, text)] == ["Maria Lopez", "Maria Lopez"]
    assert _utterances(nlp, text) == [0, 0]


def test_a_quote_paragraph_before_the_speakers_attributed_quote_is_hers(nlp):
    text = (
        'Dana Cole is upbeat about the vote.\n\n"Not only can we win in November, we will win big."\n\n'
        '"The party is united for the first time in years," Cole notes.\n\nThe vote is in November.'
    )
    assert [f[1] for f in _quotes(nlp, text)] == ["Dana Cole", "Dana Cole"]
    assert _utterances(nlp, text) == [0, 0]
    apart = text.replace('\n\n"The party', '\n\nThe count went on.\n\n"The party')
    assert [f[1] for f in _quotes(nlp, apart)] == [None, "Dana Cole"]


def test_cue_in_following_sentence_and_wrote(nlp):
    text = 'Officials were surprised.\n\n"Too many jobs in China lost. Get it done!" Mr Trump wrote on Twitter, saying more.\n\nPresident Donald Trump spoke.'
    found = _quotes(nlp, text)
    assert found[0][1] == "Donald Trump"


def test_a_speech_verb_ending_the_sentence_before_hands_over_its_speaker(nlp):
    text = (
        'Dana Cole, a professor at Drake University, agreed. "Mainstream Republicans are running '
        'out of time to find an alternative."'
    )
    assert _quotes(nlp, text)[0][1:] == ("Dana Cole", "direct", "named")
    text = 'Dana Cole agreed with the plan in the end. "Mainstream Republicans are running out of time."'
    assert _quotes(nlp, text)[0][1] == "Dana Cole"
    said_it = 'Dana Cole said the plan was dead. "Mainstream Republicans are running out of time."'
    assert _quotes(nlp, said_it)[0][3] is None  # the verb had its own content


def test_quoted_words_that_modify_the_next_noun_are_a_name_not_a_statement(nlp):
    text = (
        '"Jane The Virgin" star Dana Cole said the show would return. Supporters of the mayor wore '
        '"Keep Our Schools Open" hats at the rally, she said.'
    )
    assert _quotes(nlp, text) == []
    kept = 'Supporters chanted "Keep our schools open" at the rally, Dana Cole said.'
    assert [q[0] for q in _quotes(nlp, kept)] == ["Keep our schools open"]


def test_the_name_after_told_is_the_hearer_not_the_speaker(nlp):
    text = 'The plant will stay open. "We are ready for the inspection," told Reuters on Monday.'
    assert [q[1] for q in _quotes(nlp, text)] == [None]
    inverted = (
        'The plant will stay open. "We are ready for the inspection," said Dana Cole on Monday.'
    )
    assert [q[1] for q in _quotes(nlp, inverted)] == ["Dana Cole"]


def test_a_place_modifying_a_role_is_not_the_speaker(nlp):
    found = _quotes(nlp, '"We will not back down on taxes," a Texas Democrat told the crowd.')
    assert [(f[1], f[3]) for f in found] == [(None, "role")]
    found = _quotes(nlp, '"The tariffs will stay," a White House official said on Monday.')
    assert [(f[1], f[3]) for f in found] == [(None, "role")]


def test_an_organisation_modifying_a_role_is_not_the_speaker(nlp):
    text = 'Acme Corp. cut its dividend. "The board acted quickly," an Acme spokesman said.'
    assert [(f[1], f[3]) for f in _quotes(nlp, text)] == [(None, "role")]
    text = 'Acme Corp. cut its dividend. "The board acted quickly," Acme Corp. said.'
    assert [(f[1], f[3]) for f in _quotes(nlp, text)] == [("Acme Corp.", "named")]


def test_a_quote_glued_to_its_cue_without_a_space(nlp):
    found = _quotes(
        nlp,
        'Then Dana Cole said,"Look at the numbers." Later she wrote:"We are done." '
        '"We will be back,"she added.',
    )
    assert [(f[0], f[1]) for f in found] == [
        ("Look at the numbers.", "Dana Cole"),
        ("We are done.", "Dana Cole"),
        ("We will be back", "Dana Cole"),
    ]


def test_no_cue_no_speaker(nlp):
    found = _quotes(
        nlp, '"We will not comment on the order." The order was issued in April by the department.'
    )
    assert found[0][1] is None and found[0][2] == "direct"


def test_a_scare_quote_with_no_speaker_is_not_a_quote(nlp):
    assert _quotes(nlp, 'The so-called "denial order" was issued in April by the department.') == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \"'\n.,:")), max_size=120))
def test_finder_never_raises_and_spans_are_inside(text):
    for s in find_quote_spans(text, []):
        assert 0 <= s.start < s.end <= len(text)


def test_the_subject_of_quoted_words_is_not_their_speaker(nlp):
    text = (
        'Governor Ana Ruiz said Monday that the judge who blocked Mayor Tom Hale\'s plan "got it wrong" '
        'and vowed to use "every tool we have" to restore it.'
    )
    speakers = {q[0]: q[1] for q in _quotes(nlp, text)}
    assert speakers == {"got it wrong": "Ana Ruiz", "every tool we have": "Ana Ruiz"}


def test_the_paper_is_the_newspaper_named_before(nlp):
    text = (
        "The Daily Herald reported that the council had hired three auditors. The paper called it "
        '"a sign that the inquiry is widening." Others disagreed.'
    )
    assert [q[1] for q in _quotes(nlp, text)] == ["Daily Herald"]


INDIRECT = ("indirect",)


def test_reported_clause_is_indirect_speech_with_its_speaker(nlp):
    found = _quotes(
        nlp,
        "Foreign ministry spokesman Lu Kang said that Mr Liu would travel to Washington on Tuesday.",
        INDIRECT,
    )
    assert found == [
        ("that Mr Liu would travel to Washington on Tuesday", "Lu Kang", "indirect", "named")
    ]


def test_according_to_makes_the_rest_of_the_clause_the_content(nlp):
    found = _quotes(
        nlp, "The company lost $3 billion last year, according to Jane Ortiz, an analyst.", INDIRECT
    )
    assert found == [("The company lost $3 billion last year", "Jane Ortiz", "indirect", "named")]


def test_a_vow_reports_an_intention(nlp):
    found = _quotes(nlp, "Senator Maria Lopez vowed to block the bill in committee.", INDIRECT)
    assert found == [("to block the bill in committee", "Maria Lopez", "indirect", "named")]


def test_a_clause_in_quote_marks_is_a_direct_quote_not_indirect_speech(nlp):
    text = 'Maria Lopez said "we will block the bill in committee and on the floor."'
    assert _quotes(nlp, text, INDIRECT) == []
    assert [q[1:3] for q in _quotes(nlp, text)] == [("Maria Lopez", "partial")]


def test_a_clause_that_quotes_a_few_words_stays_reported_speech(nlp):
    # most of its characters are quoted, but ten words stand outside the marks
    text = (
        'Dana Cole said he hopes the rally sends a message that "parents are standing up for '
        'their public schools."'
    )
    found = _quotes(nlp, text, INDIRECT)
    assert [q[1:] for q in found] == [("Dana Cole", "indirect", "named")]
    assert found[0][0].startswith("he hopes the rally")


def test_a_colon_hands_the_quote_to_the_subject_of_its_clause(nlp):
    text = 'President Barack Obama is rolling out a new and more personal campaign message: "It is about me."'
    assert _quotes(nlp, text)[0][1:] == ("Barack Obama", "direct", "named")


def test_a_name_beside_a_cue_the_parser_left_without_subject(nlp):
    text = (
        '"I will just make this promise to you: We will achieve justice in this case," Tulsa police '
        'Chief Chuck Jordan said Monday. "I want to assure our community: We will achieve justice."'
    )
    assert [q[1] for q in _quotes(nlp, text)] == ["Chuck Jordan", "Chuck Jordan"]


def test_a_label_with_party_and_state_and_no_space_before_the_quote(nlp):
    text = 'The hearing went on.\n\nRep. Dana Cole (R-S.C.):"Did you lie to the families of the victims?"'
    assert _quotes(nlp, text)[0][1:] == ("Dana Cole", "direct", "named")


def test_signed_and_labelled_quotes(nlp):
    signed = '"Maybe we can build a wall around the stadium instead of the border." \u2015 Steve Quinlan.'
    labelled = (
        'Pamela Padilla: "He is ignorant of our culture and our lives, and he shows it daily."'
    )
    assert _quotes(nlp, signed)[0][1] == "Steve Quinlan"
    assert _quotes(nlp, labelled)[0][1] == "Pamela Padilla"


def test_typewriter_digraph_quotes(nlp):
    text = (
        "''This isn't tax reform,'' said Douglas Holtz-Eakin, an economist. ``It is anti-reform.''"
    )
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["This isn't tax reform", "It is anti-reform."]


_PIECES = [
    "Ana Ruiz",
    " said",
    " she",
    " told reporters",
    ",",
    ".",
    ": ",
    " ",
    "\n\n",
    '"',
    "\u201c",
    "\u201d",
    "\u2018",
    "\u2019",
    "''",
    "``",
    " \u2015 ",
    "It works",
    " according to",
    " the plan",
    " that",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_the_quote_stage_never_raises_and_every_span_slices_back(nlp, text):
    source = clean(Source(id="t", raw=text))
    assign_witnesses([source])
    docs, entities = extract([source], nlp)
    for q in find_quotes(docs[0], entities, []):
        assert source.text[q.span.start : q.span.end] == q.text
        for extra in (q.speaker_span, q.cue_span):
            assert extra is None or 0 <= extra.start < extra.end <= len(source.text)


def test_a_colon_in_a_verbless_fragment_ends(nlp):
    """Regression: climbing to the root of a verbless clause must stop at the root."""
    assert _quotes(nlp, 'Headline words only: "A quoted line follows here."')[0][2] == "direct"


def test_a_name_ending_in_he_is_not_a_pronoun(nlp):
    text = (
        "Donald Trump spoke on Sunday. Chinese Vice-Premier Liu He said that China would not "
        "continue talks until the issue was resolved."
    )
    assert [q[1:] for q in _quotes(nlp, text, INDIRECT)] == [("Liu He", "indirect", "named")]


def test_the_company_is_the_company_named_before(nlp):
    text = (
        "The Commerce Department banned sales to Acme Telecom for seven years. "
        '"The ban threatens our existence," the company said.'
    )
    assert _quotes(nlp, text)[0][1] == "Acme Telecom"


def test_a_ministry_is_not_its_spokesman(nlp):
    text = (
        '"We think highly of it," said Lu Kang, a spokesman for China\'s foreign ministry. '
        "The foreign ministry said that the minister would travel on Tuesday."
    )
    reported = _quotes(nlp, text, INDIRECT)
    assert reported and reported[0][1] != "Lu Kang"


def test_the_cue_nearest_the_quote_edges_gives_the_speaker(nlp):
    text = (
        'Maria Tan spoke on Tuesday. At the meeting she explained her plan: "If we lose the vote, we '
        'will say so plainly and we will not hide it from anyone at all," she added.'
    )
    found = _quotes(nlp, text)
    assert [(f[1], f[3]) for f in found] == [("Maria Tan", "pronoun")]
    quote = next(q for q in _mentions(nlp, text) if q.kind == "direct")
    assert text[quote.cue_span.start : quote.cue_span.end] == "added"


def test_a_cue_right_after_the_quote_takes_the_noun_phrase_after_it(nlp):
    text = (
        '"Is the bridge going to open on time?" asked the girl, who was holding a small flag.\n\n'
        '"Nobody here wants the plant closed," wrote a local resident who runs a popular blog.'
    )
    speakers = [q.speaker_text for q in _mentions(nlp, text) if q.kind == "direct"]
    assert speakers == ["the girl", "a local resident"]


def _mentions(nlp, text):
    source = clean(Source(id="t", raw=text))
    docs, entities = extract([source], nlp)
    return find_quotes(docs[0], entities)


def test_a_name_set_off_by_a_dash_before_the_colon_labels_the_quote(nlp):
    text = (
        'Early numbers were wrong about the turnout - Jane Roe: "The count in the north came in '
        'far higher than any poll had shown."\n\n'
        'Obama has a new message for Clinton: "It is about the future."'
    )
    speakers = [q.speaker_text for q in _mentions(nlp, text) if q.kind == "direct"]
    assert speakers == ["Jane Roe", "Obama"]


def test_a_speaker_given_by_a_relative_pronoun_spans_the_noun_through_it(nlp):
    text = (
        'Volunteers handed out caps that said, "Vote early, vote often."\n\n'
        'The post came from Dana Reyes, who tweeted, "The lines are too long today."'
    )
    quotes = [q for q in _mentions(nlp, text) if q.kind == "direct"]
    assert [text[q.speaker_span.start : q.speaker_span.end] for q in quotes] == [
        "caps that",
        "Dana Reyes, who",
    ]
    assert [q.speaker_text for q in quotes] == ["caps", "Dana Reyes"]


def test_any_verb_right_after_the_closing_mark_in_inverted_order_is_a_cue(nlp):
    text = '"This is wonderful!" beamed Tom Hale of Dayton, who had driven in for the rally.'
    found = _quotes(nlp, text)
    assert [(f[1], f[3]) for f in found] == [("Tom Hale", "named")]


def test_quoted_words_a_naming_verb_puts_on_something_are_a_term(nlp):
    text = (
        'At the rally, Dana Reyes called the plan "a scheme cooked up in secret" and left.\n\n'
        'She called for "a full and fair count" of the ballots.'
    )
    kinds = [q.kind for q in _mentions(nlp, text) if q.kind != "indirect"]
    assert kinds == ["term", "partial"]


def test_the_title_of_a_show_book_or_film_in_quote_marks_is_nobodys_words(nlp):
    text = (
        '"The budget is late again," Dana Reyes said on CNN\'s "State of the Union." '
        'Tom Hale told NBC\'s "Meet the Press" that the talks had failed.\n\n'
        'His memoir, "Spilling the Beans," sold well, and he stars in the film "Downsizing."\n\n'
        'Reyes said, "Never Again." Hale answered on "Fox News Sunday." He told ABC News\' '
        '"Popcorn With Peter Travers." Moloney is the author of the definitive "A Secret History '
        'of the IRA."'
    )
    assert [q[:2] for q in _quotes(nlp, text)] == [
        ("The budget is late again", "Dana Reyes"),
        ("Never Again.", "Dana Reyes"),
    ]


def test_what_someone_found_or_heard_someone_doing_is_not_speech(nlp):
    text = (
        "Dana Reyes came home late on Friday. She found him collapsed on the bedroom floor. "
        "She heard him calling for help. Tom Hale found that the lock had been broken."
    )
    assert _said(nlp, text) == [("that the lock had been broken", "Tom Hale")]


def test_the_writers_own_i_outside_quote_marks_is_nobody_the_story_names(nlp):
    text = (
        "Dana Reyes opened the show on Sunday with a new console. I think the company will "
        'show a lot more on Monday. "We are proud of it," Reyes said.'
    )
    assert _said(nlp, text) == [("the company will show a lot more on Monday", None)]
    assert [q[:2] for q in _quotes(nlp, text)] == [("We are proud of it", "Dana Reyes")]


def test_the_outlets_own_we_outside_quote_marks_is_nobody_the_story_names(nlp):
    text = (
        "Vexa Games said on Monday that it would show a console. We reported that the "
        'console will ship in November. "We are proud of it," the company said.'
    )
    said = dict(_said(nlp, text))
    assert said["that it would show a console"] == "Vexa Games"
    assert said["that the console will ship in November"] is None
    assert [q[:2] for q in _quotes(nlp, text)] == [("We are proud of it", "Vexa Games")]


def test_evidence_inside_a_report_is_the_reporters_word(nlp):
    text = (
        "Inspector Dana Reyes spoke in Perth on Friday. Reyes said the fact the driver wiped "
        'the wheel showed he was "well aware" of the crash.\n\n'
        "Early observations suggest more birds are nesting on the island, Tom Hale said. "
        "Tom Hale said the report showed that the nests were safe."
    )
    said = dict(_said(nlp, text))
    assert said['he was "well aware" of the crash'] == "Dana Reyes"
    assert said["more birds are nesting on the island"] == "Tom Hale"
    assert said["that the nests were safe"] is None  # a report is no evidence: it speaks


def test_a_parenthetical_cue_reports_the_clause_after_it(nlp):
    text = (
        "Dana Reyes wrote a memoir about her childhood. At one point, Reyes said, her father "
        "left the three children alone in the car for a whole night."
    )
    assert _said(nlp, text) == [
        ("her father left the three children alone in the car for a whole night", "Dana Reyes")
    ]


def test_wanting_in_a_relative_clause_is_no_reported_speech(nlp):
    text = (
        "Rebels of the Northern Front who want to topple him attacked the palace on Monday. "
        "The president, who vowed to stay in office, spoke on television."
    )
    assert _said(nlp, text) == [("to stay in office", None)]


def test_a_cue_hung_on_a_reported_clause_belongs_to_the_reporter(nlp):
    text = (
        'Dana Reyes said it was too early to celebrate but added, "We will know the results soon."\n\n'
        'Tom Hale wrote the aides knew about the plan, saying, "Nobody in the office was surprised."'
    )
    assert [q[1] for q in _quotes(nlp, text)] == ["Dana Reyes", "Tom Hale"]


def test_a_dash_and_a_name_as_the_next_paragraph_signs_the_quote(nlp):
    text = (
        '"The bridge will be finished before the winter and under budget."\n\n'
        "- Dana Reyes, speaking at the council meeting.\n\n"
        '"Nobody here wants the plant to close."\n\n- A worker at the plant -\n\nThe vote is on Monday.'
    )
    assert [q[1] for q in _quotes(nlp, text)] == ["Dana Reyes", None]


def test_a_name_after_a_dash_before_the_colon_wins_over_a_cue(nlp):
    text = (
        'But the polls did predict the Senate race - Jane Roe: "The count in the north came in '
        'far higher than any poll had shown."'
    )
    assert [q.speaker_text for q in _mentions(nlp, text) if q.kind == "direct"] == ["Jane Roe"]


def test_what_a_statement_reads_and_a_quoted_outburst_have_speakers(nlp):
    text = (
        '"We regret the delay and will reopen the bridge in May," read the statement from Acme Corp.\n\n'
        '"The council waited far too long to act," Tom Hale affirmed.\n\n'
        '"Get out of my office," Dana Reyes barked.'
    )
    speakers = [q.speaker_text for q in _mentions(nlp, text) if q.kind == "direct"]
    assert speakers == ["the statement", "Tom Hale", "Dana Reyes"]


def test_a_short_noun_phrase_between_the_closing_mark_and_a_cue_speaks(nlp):
    text = (
        '"What if the mayor had taken lessons?" the 43-year-old asked in the video.\n\n'
        '"We have had better weeks than this one," Texas delegate Bill Eastland, wearing a hat and '
        '"Vote Roe" pins, said as confetti fell.\n\n'
        '"We will be back," the mayor of the small town on the river and her aides said.'
    )
    speakers = [q.speaker_text for q in _mentions(nlp, text) if q.kind == "direct"]
    assert speakers[:2] == ["the 43-year-old", "Texas delegate Bill Eastland"]
    assert speakers[2] != "river"  # a phrase with prepositions is not taken word by word


def test_they_is_never_one_named_person(nlp):
    # "they" after a person's name: before, the person; a plural speaks for a group or nobody
    text = (
        "Lawmakers forced the release of James Comey's memos on Thursday. "
        'They said the memos showed "nothing new at all" about the firing.'
    )
    assert [(f[1], f[3]) for f in _quotes(nlp, text)] == [(None, "pronoun")]


def test_they_is_the_organisation_last_named_as_a_subject(nlp):
    text = (
        "Maria Tan met the board on Monday. The Acme Corporation said it would cut 300 jobs. "
        'They said the cuts were "painful but necessary" for the plant.'
    )
    assert [(f[1], f[3]) for f in _quotes(nlp, text)] == [("Acme Corporation", "pronoun")]


def test_a_name_before_a_lone_comma_and_cue_is_not_the_speaker(nlp):
    # "... on ZTE, said two people briefed": a comma alone is no appositive; ZTE did not speak
    text = (
        "During talks in Beijing this month, Liu He told Steven Mnuchin that China would not continue "
        "trade talks unless Washington agreed to ease the crushing sanctions on ZTE, said two people "
        "briefed on those meetings."
    )
    speakers = {q.speaker_text for q in _mentions(nlp, text) if q.kind == "indirect"}
    assert "ZTE" not in speakers and "Liu He" in speakers


def test_the_ministry_is_not_its_spokesman(nlp):
    # the role "Foreign Ministry spokesman" is a spokesman: "the foreign ministry said" is the ministry
    text = (
        "Chinese Foreign Ministry spokesman Lu Kang said that Beijing welcomed the offer. "
        "The foreign ministry said that Vice Premier Liu He would visit Washington on Tuesday."
    )
    assert [f[1] for f in _quotes(nlp, text, kinds=("indirect",))] == [
        "Lu Kang",
        "Chinese Foreign Ministry",
    ]


def test_house_republicans_are_not_the_house(nlp):
    text = (
        'The House passed the bill on Friday. House Republicans said the vote was "a win for '
        'taxpayers and for the country."'
    )
    assert [(f[1], f[3]) for f in _quotes(nlp, text)] == [(None, "role")]


def test_a_condition_is_nothing_anyone_said(nlp):
    text = (
        "China would not continue the talks unless Washington agreed to ease the sanctions, "
        "officials said. If the minister says the deal is off, the markets will fall."
    )
    speakers = {f[1] for f in _quotes(nlp, text, kinds=("indirect",))}
    assert "Washington" not in speakers and not any(
        f[0].startswith("the deal") for f in _quotes(nlp, text, kinds=("indirect",))
    )


def test_the_object_of_prompting_or_urging_does_the_speaking(nlp):
    text = (
        "ZTE Corp makes phones. The ban was a severe blow, prompting ZTE Corp to say that it "
        "had suspended its main operations."
    )
    found = [(f[0], f[1]) for f in _quotes(nlp, text, kinds=("indirect",))]
    assert found == [("that it had suspended its main operations", "ZTE Corp")]


def test_reported_words_in_a_relative_clause_start_after_the_cue(nlp):
    text = "Beijing raised tariffs, a move that trade experts said could make the dispute harder to end."
    found = [f[0] for f in _quotes(nlp, text, kinds=("indirect",))]
    assert found == ["could make the dispute harder to end"]


def test_the_subject_of_a_passive_cue_is_not_who_spoke(nlp):
    text = (
        "Rockets hit a barn in Eshkol overnight, and no injuries were reported. "
        "The mayor was told by aides that the town would be evacuated."
    )
    source = clean(Source(id="t", raw=text))
    assign_witnesses([source])
    docs, entities = extract([source], nlp)
    said = {q.speaker_text for q in find_quotes(docs[0], entities) if q.kind == "indirect"}
    assert "aides" in said and not said & {"no injuries", "The mayor"}


def test_words_that_describe_nobody_are_no_speaker():
    from newsweave.models import QuoteMention, Span

    def described(words, how="role"):
        return described_speaker(QuoteMention(Span("t", 0, 1), "x", how=how, speaker_text=words))

    assert described("Sources briefed on the matter") == "Sources briefed on the matter"
    assert [described(w) for w in ("no injuries", "them", "Someone")] == [None, None, None]
    assert described("Lu Kang", how="named") is None


def test_a_mark_glued_to_the_cue_after_it_closes_the_quote(nlp):
    text = 'Officials counted the dead. "Dozens of people were injured and are being treated, "said Fauzi, an official.'
    assert _quotes(nlp, text) == [
        ("Dozens of people were injured and are being treated", "Fauzi", "direct", "named")
    ]


def test_a_finding_that_led_to_an_act_is_not_a_statement(nlp):
    text = "The U.S. imposed the penalty on ZTE after finding that the company had paid bonuses to employees."
    assert _quotes(nlp, text, kinds=("indirect",)) == []


def _spans_of(raw: str, warnings: list[str] | None = None) -> list[str]:
    """The quoted words found in `raw`, read with the way its curly marks faced."""
    source = clean(Source(id="t", raw=raw))
    spans = find_quote_spans(source.text, warnings, mark_directions(source))
    return [source.text[s.start : s.end] for s in spans]


@pytest.mark.parametrize(
    "raw, quoted",
    [
        (
            "„Wir sind bereit“, sagte der Minister. Er fügte hinzu: „Das Gesetz kommt.“",
            ["Wir sind bereit", "Das Gesetz kommt."],
        ),
        (
            "»Wir sind bereit«, sagte der Minister. Dann: »Das Gesetz kommt.«",
            ["Wir sind bereit", "Das Gesetz kommt."],
        ),
        (
            "« Nous sommes prêts », a déclaré le ministre. Il a ajouté : « La loi arrive. »",
            ["Nous sommes prêts", "La loi arrive."],
        ),
        ("«Nous sommes prêts», a déclaré le ministre.", ["Nous sommes prêts"]),
        (
            "Der Minister sprach von einem ‚historischen Tag‘ und sagte: „Wir feiern.“",
            ["historischen Tag", "Wir feiern."],
        ),
        ("„Er nannte es ‚einen Fehler‘“, sagte sie.", ["Er nannte es 'einen Fehler'"]),
        ("The mayor called the plan ‚unworkable’ on Monday.", ["unworkable"]),
        ("The firm‚ which said it’s fine‚ was sold.", []),
        (
            "The mayor said it was \u201cover\u201d and that he\u2019d \u2018rather not\u2019 talk.",
            ["over"],
        ),
    ],
)
def test_quotes_in_german_french_and_low_marks(raw, quoted):
    warnings: list[str] = []
    assert _spans_of(raw, warnings) == quoted
    assert warnings == []


def test_german_quote_gets_its_speaker_when_the_cue_is_english(nlp):
    found = _quotes(nlp, "„We are ready“, said Anna Weber, the minister.")
    assert [(f[0], f[1]) for f in found] == [("We are ready", "Anna Weber")]


def test_a_quote_glued_to_the_sentence_before_it_opens_there():
    """Text that lost its paragraph breaks: 'investigators."The' closes one quote and starts the
    next sentence; 'place."Each' opens a quote, and the pairs after it stay right."""
    text = (
        'Jo Roe said: "We work with investigators."The agency is looking into it.'
        'An aide stood by as this was taking place."Each child winced," a prosecutor said.'
    )
    spans = [text[s.start : s.end] for s in find_quote_spans(text)]
    assert spans == ["We work with investigators.", "Each child winced"]


def test_a_list_of_sayings_under_headings_is_the_named_persons(nlp):
    """The headings name nobody; the paragraph introducing the list names whose quotes they are."""
    text = (
        "Fabio Rossi taught thousands of stylists.\n\n"
        "Some of our favorite Rossi quotes that we gathered over the years:\n\n"
        'ON HAPPINESS: "To be truly happy, you must give everything."\n\n'
        'PAYING IT FORWARD: "We are all in the same business."\n\n'
        "He died on Monday."
    )
    found = _quotes(nlp, text)
    assert [(q[0], q[1]) for q in found] == [
        ("To be truly happy, you must give everything.", "Fabio Rossi"),
        ("We are all in the same business.", "Fabio Rossi"),
    ]


def test_a_heading_without_a_list_introduction_is_no_speaker(nlp):
    found = _quotes(nlp, 'Markets fell.\n\nON HAPPINESS: "To be truly happy, give everything."')
    assert [q[1] for q in found] == [None] and found[0][3] is None


def test_the_owner_of_a_saying_before_a_colon_speaks_the_quote(nlp):
    text = (
        "Fabio Rossi was always there with a thought. His favorite quote was his own: "
        '"Being a leader is not about age."'
    )
    assert [q[1] for q in _quotes(nlp, text)] == ["Fabio Rossi"]


def test_police_said_is_the_one_force_however_often_it_is_renamed(nlp):
    """ "LAPD" (its initials) and "Los Angeles Police" are the Los Angeles Police Department."""
    text = (
        "The Los Angeles Police Department opened an inquiry. The LAPD asked for help, and "
        "Los Angeles Police officers searched the house.\n\n"
        'Police said: "The suspects fled on foot."'
    )
    assert [q[1] for q in _quotes(nlp, text)] == ["Los Angeles Police Department"]


def test_a_qualified_role_is_the_holder_whose_role_it_meets(nlp):
    text = (
        'Daycare spokeswoman Lissa Christman said: "We notified the state agency at once."\n\n'
        '"We are investigating the abuse," an agency spokeswoman said.'
    )
    assert [q[1] for q in _quotes(nlp, text)] == ["Lissa Christman", None]


def test_someones_spokeswoman_and_the_spokeswoman_after_her_are_the_one_named_for_them(nlp):
    text = (
        "Pao and her team are considering the proposal, said Heather Wilson, a spokeswoman "
        "for Pao. Kleiner spokeswoman Christina Lee declined to comment.\n\n"
        'A Pao spokeswoman said the team was "considering the proposal." The spokeswoman '
        'said the team would "respond in two weeks."'
    )
    assert [q[1] for q in _quotes(nlp, text)] == ["Heather Wilson", "Heather Wilson"]


def test_the_one_who_uses_something_to_argue_argues_not_the_thing(nlp):
    text = (
        "The cheerleader's attorney, Patricia Pierce, used the rates for games to argue that "
        "the actual hourly pay was well below the minimum wage."
    )
    found = _quotes(nlp, text, kinds=("indirect",))
    assert [q[1] for q in found] == ["Patricia Pierce"]


def test_a_dateline_the_parser_takes_for_a_subject_is_not_the_speaker(nlp):
    text = (
        "CAIRO (Reuters) - European Union foreign policy chief Catherine Ashton said on Tuesday "
        "she found that the deposed president was well."
    )
    found = _quotes(nlp, text, kinds=("indirect",))
    assert found and found[0][1] == "Catherine Ashton"


def test_a_plural_role_is_never_the_one_person_named_with_that_role(nlp):
    text = (
        "Clark Davis, an organizer of the camp, spoke on Monday.\n\n"
        '"The camp has grown to 400 tents," organizers said.'
    )
    assert [q[1] for q in _quotes(nlp, text)] == [None]


def test_the_one_a_paper_quotes_as_saying_is_the_speaker(nlp):
    text = (
        "Izvestia quotes Kalashnikov's daughter, Elena, as saying she believes a priest helped "
        "her father compose the letter."
    )
    found = _quotes(nlp, text, kinds=("indirect",))
    assert found[0][:2] == ("she believes a priest helped her father compose the letter", "Elena")


def test_an_organisation_the_model_missed_here_is_known_by_its_name_from_another_source(nlp):
    sources = [
        clean(Source(id="a", raw="The LAPD said on Monday that the camp would be cleared.")),
        clean(
            Source(
                id="b",
                raw="The LAPD early Monday declared an unlawful assembly and ordered the "
                "protesters to immediately disperse or face arrest.",
            )
        ),
    ]
    assign_witnesses(sources)
    docs, entities = extract(sources, nlp)
    names = {e.id: e.name for e in entities}
    found = find_quotes(docs[1], entities)
    assert [names.get(q.speaker_id) for q in found] == ["LAPD"]


def test_they_after_unnamed_people_said_is_those_people_not_the_last_organisation(nlp):
    text = (
        "The Department of Children and Family Services said it is investigating. "
        '"Each child winced," prosecutors said in court on Monday. "The burns were '
        'discovered by a mother," they said.'
    )
    found = _quotes(nlp, text)
    assert [q[1] for q in found[-1:]] == [None]


def test_a_judging_verb_reports_whom_it_judges_and_for_what(nlp):
    text = "Governor Ann Kolb praised the city council for cutting the budget on Monday."
    found = _quotes(nlp, text, INDIRECT)
    assert found == [
        ("the city council for cutting the budget on Monday", "Ann Kolb", "indirect", "named")
    ]


def test_a_judged_phrase_stops_before_a_clause_on_a_name_in_it(nlp):
    text = (
        "Mayor Tom Reyes thanked the board for hiring Jane Ortiz, an auditor who said that the "
        "books were sound."
    )
    found = _said(nlp, text)
    assert ("the board for hiring Jane Ortiz", "Tom Reyes") in found


def test_the_statement_speaks_for_whoever_issued_it(nlp):
    text = (
        "The Green Valley Party said in a statement that it would appeal. The statement said the "
        "rally would go ahead on Sunday."
    )
    found = _said(nlp, text)
    assert ("the rally would go ahead on Sunday", "Green Valley Party") in found


def test_its_website_speaks_for_the_organisation_of_the_sentence(nlp):
    text = "The Acme Corporation runs four plants in Ohio, according to its website."
    found = _said(nlp, text)
    assert found == [("The Acme Corporation runs four plants in Ohio", "Acme Corporation")]


def test_a_survey_speaks_for_the_person_it_is_named_for(nlp):
    text = "Fewer firms won appeals last year, according to John Baker's survey."
    assert [f[1] for f in _quotes(nlp, text, INDIRECT)] == ["John Baker"]


def test_the_news_station_is_the_outlet_last_credited(nlp):
    text = (
        "The driver fled the scene, WXYZ reported. He was found two hours later, the news "
        "station said."
    )
    found = _said(nlp, text)
    assert ("He was found two hours later", "WXYZ") in found


def test_officials_from_an_organisation_speak_for_it(nlp):
    text = "Officials from the Green Valley Party told reporters that the vote was rigged."
    assert [f[1] for f in _quotes(nlp, text, INDIRECT)] == ["Green Valley Party"]


def test_who_on_a_body_in_a_persons_description_is_the_person(nlp):
    text = (
        "The minister praised Anna Berg, a member of a World Bank panel on Kenya who said in "
        "March that the dam had failed."
    )
    found = _said(nlp, text)
    assert ("that the dam had failed", "Anna Berg") in found


def test_the_company_is_never_a_police_force(nlp):
    text = 'The LAPD said two men were armed. "We are shocked," the company said.'
    assert [f[1] for f in _quotes(nlp, text)] == [None]


def test_the_one_holding_a_sign_speaks_its_words(nlp):
    text = 'Maria Lopez held a sign that read, "We are all neighbors here."'
    assert [q[1] for q in _quotes(nlp, text)] == ["Maria Lopez"]


def test_the_one_who_wrote_an_article_says_what_it_said(nlp):
    text = (
        "Joseph Roe, a well-known analyst, wrote an article for the 38 North website in 2013 "
        'that said the North could use "significant quantities of chemical weapons" abroad.'
    )
    assert [q[1] for q in _quotes(nlp, text)] == ["Joseph Roe"]
    found = _said(nlp, text)
    assert [f[1] for f in found if f[0].startswith("the North")] == ["Joseph Roe"]


def test_an_age_epithet_is_the_person_just_named(nlp):
    text = (
        "Singer Tom Wade canceled his tour on Monday. The 31-year-old singer said that he "
        "needed rest."
    )
    found = _said(nlp, text)
    assert ("that he needed rest", "Tom Wade") in found


def test_as_reported_in_a_magazine_the_magazine_speaks(nlp):
    text = (
        'Ann Lee founded the school and, as reported in Vogue in 2012, "Kindness guides her work '
        'every day."'
    )
    assert [q[1] for q in _quotes(nlp, text)] == ["Vogue"]


def test_the_company_is_the_firm_someone_works_for(nlp):
    text = (
        "Rossi was a chef who served as vice president of training for Marcella. "
        '"We are devastated," the company said.'
    )
    assert [q[1] for q in _quotes(nlp, text)] == ["Marcella"]


def test_the_spokesman_after_someones_spokesman_stays_unnamed(nlp):
    text = (
        "Joe Park, a spokesman for the city, declined to comment. Mayor Ann Reyes will appeal. "
        '"We will appeal," a Reyes spokesman said. "We will win," the spokesman said.'
    )
    assert [q[1] for q in _quotes(nlp, text)] == [None, None]


def test_a_name_typed_a_place_here_and_an_organisation_elsewhere_speaks_as_the_organisation():
    from newsweave.models import Entity
    from newsweave.quotes.context import Context
    from newsweave.quotes.speakers import _organisation_twin

    entities = {
        "ledger": Entity("ledger", "Ledger", "organisation", aliases=["LEDGER"]),
        "ledger-2": Entity("ledger-2", "LEDGER", "place"),
        "paris": Entity("paris", "Paris", "place"),
    }
    ctx = Context(None, [], entities)
    assert _organisation_twin(ctx, "ledger-2") == "ledger"
    assert _organisation_twin(ctx, "paris") == "paris"
    assert _organisation_twin(ctx, None) is None


def test_they_with_no_organisation_is_described_by_the_group_before(nlp):
    text = (
        "Investigators gave no motive for the fire on Monday. They said the back door of the "
        "shop was open."
    )
    [mention] = [q for q in _mentions(nlp, text) if q.kind == "indirect"]
    assert mention.speaker_id is None
    assert described_speaker(mention) == "Investigators"
    assert text[mention.speaker_span.start : mention.speaker_span.end] == "They"


def test_police_and_prosecutors_are_not_the_police_force_alone(nlp):
    text = (
        "The Dayton Police Department opened an inquiry. Two guards stole the paintings, "
        "police and prosecutors say."
    )
    [mention] = [q for q in _mentions(nlp, text) if q.kind == "indirect"]
    assert (mention.text, mention.speaker_id) == ("Two guards stole the paintings", None)
    assert described_speaker(mention) == "police and prosecutors"


def test_a_voiced_stance_reports_its_clause(nlp):
    text = "Mayor Ann Cole expressed optimism that the council was interested in the plan."
    found = _quotes(nlp, text, INDIRECT)
    assert [(f[0], f[1]) for f in found] == [
        ("that the council was interested in the plan", "Ann Cole")
    ]


def test_an_as_clause_reports_the_clause_it_hangs_on(nlp):
    text = "As the Ledger reported at the time, the mayor owns a large share of the stadium."
    found = _quotes(nlp, text, INDIRECT)
    assert [(f[0], f[1]) for f in found] == [
        ("the mayor owns a large share of the stadium", "Ledger")
    ]


def test_a_claim_that_is_its_owners(nlp):
    text = "The board rejected Dana Cole's claim that she was fired for her union work."
    found = _quotes(nlp, text, INDIRECT)
    assert [(f[0], f[1]) for f in found] == [("that she was fired for her union work", "Dana Cole")]


def test_a_report_that_nobody_named_is_described_not_named(nlp):
    text = "Asked about a media report that she had sold the farm, Ann Lee smiled."
    [mention] = [q for q in _mentions(nlp, text) if q.kind == "indirect"]
    assert mention.text == "that she had sold the farm" and mention.speaker_id is None
    assert described_speaker(mention) == "a media report"


def test_a_question_of_a_verb_not_of_speech_reports_nothing(nlp):
    text = "Engineers will see if the bridge can carry more trucks next year."
    assert _quotes(nlp, text, INDIRECT) == []


def test_a_named_source_at_the_end_of_a_report_credits_the_whole_report(nlp):
    text = "The driver's lawyer said the crash was an accident, according to WXYZ."
    found = {(q.text, q.speaker_text) for q in _mentions(nlp, text) if q.kind == "indirect"}
    assert found == {
        ("The driver's lawyer said the crash was an accident", "WXYZ"),
        ("the crash was an accident", "The driver's lawyer"),
    }
    # a source that is no name stays on the clause it follows
    text = "The mayor said the economy grew last year, according to government data."
    found = {(q.text, q.speaker_text) for q in _mentions(nlp, text) if q.kind == "indirect"}
    assert ("the economy grew last year", "government data") in found


def test_a_participle_joined_to_an_infinitive_is_said_by_the_one_who_asks(nlp):
    text = (
        "Deputies were at the park all night, urging campers to leave the grounds and warning "
        "them that they would be cited."
    )
    said = {q.text: q.speaker_text for q in _mentions(nlp, text) if q.kind == "indirect"}
    assert said["that they would be cited"] == "Deputies"


def test_a_content_noun_in_a_named_paper_is_that_papers(nlp):
    text = "The mayor dismissed a report in the Daily Ledger that she had fired her deputy."
    said = {q.text: q.speaker_text for q in _mentions(nlp, text) if q.kind == "indirect"}
    assert said == {"that she had fired her deputy": "the Daily Ledger"}


def test_a_content_noun_is_of_the_one_it_comes_from_or_who_makes_it(nlp):
    text = (
        "Union leaders persisted in arguments that the plant was safe.\n\n"
        "The board kept the plant open, despite warnings from its lawyer that the case was weak."
    )
    said = {q.text: q.speaker_text for q in _mentions(nlp, text) if q.kind == "indirect"}
    assert said["that the plant was safe"] == "Union leaders"
    assert said["that the case was weak"] == "its lawyer"


def test_a_statement_someone_says_a_clause_in_is_theirs(nlp):
    text = (
        "The senator's campaign said in a statement that she \"won't be bullied\" or "
        '"distracted by the attacks he makes on her."'
    )
    said = [q.speaker_text for q in _mentions(nlp, text) if q.kind == "indirect"]
    assert said == ["The senator's campaign"]


def test_he_said_after_a_new_person_reports_speech_is_that_person(nlp):
    text = (
        "Chris Lloyd, of the valley rescue team, described the route as “not a straightforward "
        "path”.\n\n"
        "He said: “There are some tricky little rock steps at the top.”\n\n"
        "Mr Lloyd added that the ridge causes many of the team's call-outs.\n\n"
        "“Anyone climbing it for the first time should go with someone who knows it,” he said.\n\n"
        "Today, Andy Simpson, a spokesman for the national rescue body, also urged walkers to "
        "carry a map.\n\n"
        "He said: “Batteries on mobile phones have a nasty habit of running out.”"
    )
    said = {words: speaker for words, speaker, *_ in _quotes(nlp, text)}
    assert said["Batteries on mobile phones have a nasty habit of running out."] == "Andy Simpson"
    assert said["There are some tricky little rock steps at the top."] == "Chris Lloyd"


def test_a_he_before_the_name_of_the_speaker_of_its_sentence_is_that_speaker(nlp):
    text = (
        "Lt. Mark Gagan said a second student was booked late Monday.\n\n"
        "Manuel Ortez, a 19-year-old former student, was arrested after trying to flee. He is "
        "being held on $800,000 bail. Attempts to reach Ortez at the jail were unsuccessful.\n\n"
        "Even though he said as many as two dozen people were witnesses, Gagan said officials "
        "are still trying to count them."
    )
    said = dict(_said(nlp, text))
    assert said["as many as two dozen people were witnesses"] == "Mark Gagan"


# (text, words of the reported claim, its speaker): a document or an organisation's initials
# speaks for whom it names
AUTHORS = {
    "an organisation's initials name it": (
        "Jack Haskel works for the Pacific Crest Trail Association.\n\n"
        "According to the PCTA, at most 50 hikers a day may start from the border.",
        "50 hikers",
        "Pacific Crest Trail Association",
    ),
    "a memoir speaks for the one who wrote it": (
        "Sen. Wendy Davis, in her memoir due out next week, discloses the most personal of "
        "stories.\n\nShe was delivered by cesarean section in spring 1997, the memoir says.",
        "cesarean",
        "Wendy Davis",
    ),
    "her memoir speaks for the one her is": (
        "Wendy Davis ran for governor in 2014. She lost to Greg Abbott.\n\n"
        "The baby's heart was quieted by her doctor, according to her memoir.",
        "quieted",
        "Wendy Davis",
    ),
    "an analysis of things led by someone speaks for its leader": (
        "The most important person in the English-language world is Frank Sinatra, according "
        "to an analysis of Wikipedia articles led by researcher Jane Roe.",
        "Sinatra",
        "Jane Roe",
    ),
    "a statement attributed to a body speaks for it, and the statement after it too": (
        "The blame rests with the harbour board, a statement attributed to the Northern "
        "Fishermen Council said on Sunday. The council met in Tromso.\n\n"
        "The statement said that the quotas were unfair.",
        "quotas",
        "Northern Fishermen Council",
    ),
    "an audit by someone speaks for its auditor": (
        "A recent audit by Inspector General Maria Lopez found that the agency had lost "
        "track of its trucks.",
        "trucks",
        "Maria Lopez",
    ),
}


@pytest.mark.parametrize("case", list(AUTHORS))
def test_who_a_document_or_initials_speak_for(nlp, case):
    text, words, speaker = AUTHORS[case]
    found = [q for q in _said(nlp, text) if words in q[0]]
    assert found and found[0][1] == speaker


def test_a_quote_paragraph_goes_on_with_the_reported_speech_before_it(nlp):
    text = (
        "Jack Moody was freed on Friday.\n\n"
        "Moody said that when the girl was taken, the telephone in his home was ringing.\n\n"
        '"And I was on the other end of that phone, three minutes before she was taken."\n\n'
        "The case was closed in 2012.\n\n"
        '"Nobody could have done it."'
    )
    assert [q[1] for q in _quotes(nlp, text)] == ["Jack Moody", None]


def test_the_oil_giant_is_the_company_just_named(nlp):
    text = (
        "BP PLC held its annual meeting in London on Thursday. "
        "The oil giant said that most investors had rejected the pay deal."
    )
    assert ("that most investors had rejected the pay deal", "BP PLC") in _said(nlp, text)


def test_an_epithet_with_a_station_before_it_is_the_person_just_named(nlp):
    text = (
        "Mary Smith spoke in Boston on Wednesday. The former WBZ TV news anchor said that "
        "her son had filed a report."
    )
    assert ("that her son had filed a report", "Mary Smith") in _said(nlp, text)
