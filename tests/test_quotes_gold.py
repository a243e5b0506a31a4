"""The quote gate: every quotation of the bundled example story (real AP and Reuters reports),
annotated by hand with its speaker, scored against what the quotes stage finds.

Floors are pinned at the recorded scores (all found, all with the right speaker, nothing
extra), so any regression in quote finding or attribution on real text fails the suite.
"""

from __future__ import annotations

import pytest

AP, REUTERS = "Associated Press", "Reuters"
# (outlet, opening words of the quoted text, speaker, how the text names the speaker)
GOLD = [
    (
        AP,
        "back into business",
        "Donald Trump",
        "named",
    ),  # Trump says he would help ... get "...," saying
    (
        AP,
        "A reversal of the ZTE decision",
        "Eswar Prasad",
        "named",
    ),  # "...," said Eswar Prasad, a professor
    (
        AP,
        "Trump may have recognized",
        "Eswar Prasad",
        "continuation",
    ),  # the next paragraph of his quote
    (AP, "are working together to give", "Donald Trump", "named"),  # Trump tweeted that ... "..."
    (
        AP,
        "The President's tweet underscores",
        "Lindsay Walters",
        "named",
    ),  # said ... Lindsay Walters
    (AP, "I've never seen a president", "Amanda DeBusk", "named"),
    (AP, "he is looking to accomplish", "Amanda DeBusk", "named"),
    (AP, "At a minimum, the optics", "Scott Kennedy", "named"),
    (AP, "It makes it appear as if", "Scott Kennedy", "continuation"),
    (AP, "working well together on trade", "Donald Trump", "named"),  # a tweet
    (AP, "We think highly of the U.S.", "Lu Kang", "named"),  # said Lu Kang, a spokesman
    (AP, "We are currently in close communication", "Lu Kang", "continuation"),
    (AP, "This egregious behavior", "Wilbur Ross", "named"),
    (AP, "Our intelligence agencies have warned", "Adam Schiff", "named"),
    (REUTERS, "get back into business, fast", "Donald Trump", "named"),
    (REUTERS, "Too many jobs in China lost", "Donald Trump", "named"),  # Mr Trump wrote on Twitter
    (
        REUTERS,
        "greatly appreciates the positive",
        "Lu Kang",
        "named",
    ),  # Lu Kang told a briefing that
    (REUTERS, "free, fair, balanced", "Lindsay Walters", "pronoun"),  # She said ...
]
# Quoted terms, not statements: found, but not scored as anyone's words.
TERMS = [(AP, "denial order")]


@pytest.fixture(scope="module")
def found(example_brief):
    names = {e.id: e.name for e in example_brief.entities}
    out = []
    for d in example_brief.documents:
        outlet = AP if d.source.outlet.startswith(AP) else REUTERS
        out += [
            (outlet, q.text, names.get(q.speaker_id), q.how, q.kind)
            for q in d.quotes
            if q.kind != "indirect"
        ]
    return out


def _match(found, outlet, words):
    return [f for f in found if f[0] == outlet and f[1].startswith(words)]


def test_every_annotated_quote_is_found_with_its_speaker(found):
    wrong = [
        (o, w, s, _match(found, o, w))
        for o, w, s, _ in GOLD
        if not any(f[2] == s for f in _match(found, o, w))
    ]
    recall = 1 - len(wrong) / len(GOLD)
    assert recall >= FLOOR_RECALL, wrong


def test_the_speaker_is_found_the_way_the_text_names_them(found):
    assert [(w, f[3]) for o, w, _, how in GOLD for f in _match(found, o, w) if f[3] != how] == []


def test_nothing_else_is_taken_for_a_quote(found):
    known = [(o, w) for o, w, *_ in GOLD + [t + (None, None) for t in TERMS]]
    extra = [f for f in found if not any(f[0] == o and f[1].startswith(w) for o, w in known)]
    assert extra == []
    assert all(f[4] == "term" for o, w in TERMS for f in _match(found, o, w))


FLOOR_RECALL = 1.0  # recorded 2026-11-22: 18 of 18
