"""The summary skips a sentence that adds too little to those ranked above it."""

from __future__ import annotations

from collections import Counter

from newsweave.align.vectors import SentenceVector
from newsweave.models import Document, Sentence, Source, Span
from newsweave.summarize import NOVEL, _novelty, ranked


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
