"""Only statements become facts: credits, timestamps, caption dates and calls to action that two
live blogs share are not "corroborated facts"."""

from __future__ import annotations

import pytest

from newsweave.align.statements import is_statement
from newsweave.clean import clean
from newsweave.dedup import assign_witnesses
from newsweave.extract import extract
from newsweave.models import Source

NOT_STATEMENTS = [
    "(Reuters)",
    "(Barak Ravid)",
    "1:15 A.M.",
    "July 31, 2014 (AFP)",
    "Latest updates [Thursday]:",
    "For full story, click here (Barak Ravid)",
    "SUBSCRIBE TO HAARETZ AND GET FULL COVERAGE",
    "(News Agencies) Read full article",
    "Watch the video below.",
    "For the latest Washington news, follow @wsjpolitics",
    "REUTERS/Stephen Lam",
    "AP Photo/Richard Vogel",
    "Photo: With a line of officers behind them, demonstrators sit in the street early Monday.",
    "A visitor arrives at a gated house in Woodland Hills on Tuesday, Jan. 24, 2017.",
    "The mayor leaves the courthouse during a lunch break in San Francisco, California March 25, 2015.",
    "The encampment at City Hall Park is seen before the deadline passes in Los Angeles, November 27, 2011.",
    "FOR RELEASE FRIDAY NOV. 15 FILE - This June, 2013 photo released by the family shows officer Ann Lee.",
    "This undated image shows the suspect in a hotel lobby.",
    "A masked demonstrator seen during clashes with supporters, unseen, in Sanaa, Yemen, Saturday, Feb. 19, 2011.",
    "A wounded demonstrator is helped by others after being hit by a stone in Sanaa, Yemen, Saturday, Feb. 19, 2011.",
    "Supporters of the government shout at demonstrators, not pictured, in Sanaa, Yemen, Saturday, Feb. 19, 2011.",
]
STATEMENTS = [
    "Iron Dome intercepts rocket over Tel Aviv.",
    "Three soldiers were wounded by a rocket.",
    "Death toll: 56 soldiers since July 8.",
    '"Read the bill before you vote," the senator said.',
    "Netanyahu read the statement to reporters (Reuters).",
    "He was 84.",
    "Trump visits 2 key states with leaders of India, Australia.",
    "Jobless claims fell, signs the labor market continues to mend.",
    "Sign it -- if you didn't when you bought it -- because whoever has an unsigned ticket can claim it.",
    "The mayor left the courthouse on March 25, 2015.",
    "Pao leaves the firm in 2015, the company says.",
    "The photographer, Stephen Lam, took the picture on Tuesday.",
    "A surveillance video shows the gunman entering the terminal.",
    "The verdict is expected on Monday, March 2, 2014.",
    "The summit will be held in Geneva on March 2, 2014.",
    "The company has announced the plan on March 2, 2014.",
]


def _sentences(nlp, paragraphs):
    source = clean(Source(id="t", raw="\n\n".join(paragraphs)))
    assign_witnesses([source])
    docs, _ = extract([source], nlp)
    return docs[0], docs[0].sentences


@pytest.mark.parametrize("line", NOT_STATEMENTS)
def test_credits_timestamps_and_links_are_not_statements(nlp, line):
    # in one paragraph: alone, clean removes some of them ("(Reuters)") before align sees them
    doc, sentences = _sentences(nlp, ["Rockets hit the town of Sderot on Thursday. " + line])
    assert [s.text for s in sentences][-1] == line
    assert is_statement(doc, sentences[0]) and not is_statement(doc, sentences[-1])


@pytest.mark.parametrize("line", STATEMENTS)
def test_sentences_that_state_something_are_statements(nlp, line):
    doc, sentences = _sentences(nlp, [line])
    assert all(is_statement(doc, s) for s in sentences)


def test_a_credit_two_sources_share_is_no_fact(nlp):
    from newsweave.align import align

    raw = [
        "Rockets hit the town of Sderot on Thursday, the army said. (Reuters)",
        "The army said rockets hit Sderot on Thursday. (Reuters)",
    ]
    sources = [clean(Source(id=f"s{i}", raw=r)) for i, r in enumerate(raw)]
    assign_witnesses(sources)
    docs, entities = extract(sources, nlp)
    facts = align(docs, entities).facts
    assert [f.witnesses for f in facts] == [2]
    assert "(Reuters)" not in {f.text for f in facts}


def test_a_caption_glued_to_the_next_sentence_is_cut_from_it(nlp):
    # "2011.Hundreds": the stop without a space, as captions run into a page's text
    glued = (
        "Protesters shout slogans during a demonstration in Sanaa, Yemen, Saturday, Feb. 19, "
        "2011.Hundreds of Yemenis began a march on the palace."
    )
    doc, sentences = _sentences(nlp, [glued])
    assert [s.text for s in sentences] == [
        "Protesters shout slogans during a demonstration in Sanaa, Yemen, Saturday, Feb. 19, 2011.",
        "Hundreds of Yemenis began a march on the palace.",
    ]
    assert not is_statement(doc, sentences[0]) and is_statement(doc, sentences[1])


@pytest.mark.parametrize("title", ["Lt.", "Sgt.", "Det.", "Capt.", "Gov."])
def test_a_title_before_a_name_ends_no_sentence(nlp, title):
    # "Troy police Lt." and "Gerry Scherlinck said." were two "facts" two outlets shared
    line = f"A gun was found in the car, Troy police {title} Gerry Scherlinck said. He was held."
    _, sentences = _sentences(nlp, [line])
    assert [s.text for s in sentences] == [line[: line.index(" He was")], "He was held."]
