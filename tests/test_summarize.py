"""The summary skips a sentence that adds too little to those ranked above it."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from newsweave.align.vectors import SentenceVector
from newsweave.models import Document, Sentence, Source, Span
from newsweave.summarize import NOVEL, _novelty, ranked
from newsweave.summarize.lead import CAPTION as CAPTION_WORDS


def _vector(weights: dict[str, float]) -> SentenceVector:
    source = Source(id="a", raw="x", text="x")
    sentence = Sentence("s1", Span("a", 0, 1), "x", 0)
    return SentenceVector(sentence, Document(source=source), Counter(weights), weights)


def test_novelty_is_the_share_of_weight_not_yet_shown():
    v = _vector({"w:bridge": 3.0, "w:close": 1.0})
    assert _novelty(v, set()) == 1.0
    assert _novelty(v, {"w:bridge"}) == 0.25
    assert _novelty(v, {"w:bridge", "w:close"}) == 0.0
    assert _novelty(_vector({}), set()) == 0.0


def test_a_restatement_from_the_same_source_is_left_out(pipeline):
    text = (
        "The city council voted on Tuesday to close the old harbour bridge for repairs.\n\n"
        "The council voted on Tuesday to close the old harbour bridge.\n\n"
        "Ferry services will run every twenty minutes from the north pier until the work ends."
    )
    sources = [Source(id="a1", raw=text)]
    alignment = pipeline.align(sources)[3]
    texts = [s.text for s in ranked(alignment)]
    assert "The council voted on Tuesday to close the old harbour bridge." not in texts
    assert any(t.startswith("Ferry services") for t in texts) and any(
        t.startswith("The city council") for t in texts
    )
    assert 0 < NOVEL < 1


def test_reported_speech_is_a_usable_statement(pipeline):
    text = (
        "Ferry services will run every twenty minutes from the north pier, officials said.\n\n"
        '"We are ready for the crowds and the extra boats are waiting," she said.'
    )
    _, documents, _, alignment, _ = pipeline.align([Source(id="a1", raw=text)])
    kinds = {q.kind for d in documents for q in d.quotes}
    assert "indirect" in kinds
    texts = [s.text for s in ranked(alignment)]
    assert any(t.startswith("Ferry services") for t in texts)


def test_a_quote_given_only_to_a_pronoun_is_not_a_summary_sentence(pipeline):
    text = (
        "Ferry services will run every twenty minutes from the north pier, officials said.\n\n"
        '"We are ready for the crowds and the extra boats are waiting," she said.\n\n'
        '"The extra boats have been tested and the crews are trained," Mayor Ana Ruiz said.'
    )
    alignment = pipeline.align([Source(id="a1", raw=text)])[3]
    texts = [s.text for s in ranked(alignment)]
    assert not any(t.startswith('"We are ready') for t in texts)
    assert any(t.startswith('"The extra boats') for t in texts)


BACKGROUND = [  # one background fact in three outlets' words
    "In 2004, a huge earthquake off Aceh triggered a tsunami that killed 230,000 people.",
    "In 2004 a massive quake off Aceh set off a tsunami which killed 230,000 people.",
    "In 2004 an enormous earthquake off Aceh caused a tsunami, and it killed 230,000 people.",
]
CAPTION = [
    "Here's a slideshow of images of the earthquake damage in the highlands of Aceh.",
    "Here's a slideshow of pictures of the quake damage across the highlands of Aceh.",
    "Here are images of the earthquake damage seen in the highlands of Aceh province.",
]
OWN = [  # what makes each article its own witness, not a copy of another
    "Fishermen in Lhokseumawe kept their boats ashore while the port authority checked the quay.",
    "Schools in Takengon stayed closed as teachers inspected classrooms for cracked walls.",
    "Traders at the Bireun market reopened their stalls by the afternoon, a shop owner said.",
]


def _quake_story(news: list[str], published=dt.date(2013, 7, 3)) -> list[Source]:
    """Articles that each give their news, then a background fact and a caption that all three
    repeat (so that these outrank the news by witnesses)."""
    return [
        Source(
            id=f"q{i}",
            raw="\n\n".join([text, BACKGROUND[i], CAPTION[i], OWN[i]]),
            outlet=f"Outlet {i}",
            published=published,
        )
        for i, text in enumerate(news)
    ]


def test_the_news_and_its_toll_lead_not_background_caption_or_a_quote(pipeline):
    news = [
        "An earthquake struck Aceh province on Tuesday, killing 24 people and injuring 200.",
        '"The news is fake because the ground never shook here," a villager told reporters.',
        "Rescue teams dug through rubble after a quake on Tuesday killed 24 people in Aceh.",
    ]
    brief = pipeline.run(_quake_story(news))
    assert any(f.kind == "dead" for f in brief.figures)
    first = brief.summary[0]
    assert "killing 24" in first.text or "killed 24" in first.text, first.text
    later = {s.text for s in brief.summary[1:]}
    assert later & set(BACKGROUND) and later & set(CAPTION)  # summed up, but not first
    for c in first.citations:  # the lead cites only spans that state its figures
        assert "24" in brief.source(c.source).text[c.start : c.end]


def test_a_today_no_date_resolves_never_leads(pipeline):
    news = [
        "A strong earthquake struck Aceh province today, killing 24 people and injuring 200.",
        "Rescue teams searched the collapsed houses of Aceh province for survivors after the quake.",
    ]
    brief = pipeline.run(_quake_story(news, published=None))
    assert "today" not in brief.summary[0].text
    assert brief.summary[0].text not in BACKGROUND + CAPTION


@pytest.mark.parametrize(
    ("text", "leads"),
    [
        (CAPTION[0], False),
        ("Watch the video of the rescue in the highlands of Aceh province.", False),
        ("A strong earthquake struck Aceh province on Tuesday, killing 24 people.", True),
    ],
)
def test_captions_may_not_lead(text, leads):
    assert (CAPTION_WORDS.search(text) is None) is leads


def test_a_date_line_is_no_summary_sentence(pipeline):
    text = (
        "A rabid raccoon attacked a jogger on a wooded trail near Hope on Saturday.\n\n"
        "By Alex Acquisto, BDN Staff • June 14, 2017 2:30 pm\n\n"
        "The animal control officer confirmed that the raccoon tested positive for rabies."
    )
    alignment = pipeline.align([Source(id="a1", raw=text)])[3]
    texts = [s.text for s in ranked(alignment)]
    assert not [t for t in texts if "BDN Staff" in t]
    assert any(t.startswith("A rabid raccoon") for t in texts)
