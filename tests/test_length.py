"""Brief time grows linearly with the length of an article (issue 29): no per-sentence or
per-token scan of the whole document, and a long text parsed in pieces with its offsets kept.
The timings themselves are in bench/length.py; these tests count the work, not the seconds."""

from __future__ import annotations

import random

import pytest

from newsweave.extract import entities
from newsweave.extract import nlp as nlp_module
from newsweave.models import Span, SpanIndex
from newsweave.quotes.quoted import Quoted

PARAGRAPH = (
    'Mayor Ana Ruiz said on Tuesday that the council had approved the plan. "We waited twelve '
    'years," she told reporters. The project will add 400 homes by March, according to the city.'
)


class CountingDoc:
    """A spaCy Doc that counts how often its whole text is read (spaCy rebuilds it from every
    token on each read: once per sentence made a brief quadratic)."""

    def __init__(self, doc):
        self._doc, self.text_reads = doc, 0

    @property
    def text(self):
        self.text_reads += 1
        return self._doc.text

    def __getattr__(self, name):
        return getattr(self._doc, name)

    def __iter__(self):
        return iter(self._doc)

    def __getitem__(self, i):
        return self._doc[i]

    def __len__(self):
        return len(self._doc)


def test_sentences_and_entities_read_the_whole_text_once(nlp):
    doc = CountingDoc(nlp("\n\n".join([PARAGRAPH] * 20)))
    found = entities.sentences(doc, "a")
    assert len(found) == 60 and doc.text_reads == 1
    doc.text_reads = 0
    assert len(entities.entity_mentions(doc, "a")) >= 20 and doc.text_reads == 1


def test_quoted_ranges_and_the_span_index_answer_as_a_scan_would():
    rng = random.Random(29)
    ranges = [(a, a + rng.randrange(0, 30)) for a in sorted(rng.sample(range(2000), 120))]
    quoted = Quoted(ranges)
    for offset in range(2100):
        assert (offset in quoted) == any(a <= offset < b for a, b in ranges)

    class Item:
        def __init__(self, start, end):
            self.span = Span("a", start, end)

    items = [Item(a, b) for a, b in ranges]
    index = SpanIndex(items)
    for start in range(0, 2100, 7):
        end = start + rng.randrange(1, 60)
        assert index.overlapping(start, end) == [
            x for x in items if x.span.start < end and x.span.end > start
        ]
    assert all(index.position(x) == i for i, x in enumerate(items))


def test_split_text_cuts_at_paragraph_breaks_and_joins_back():
    text = "\n\n".join(f"Paragraph {i} says something. " * 20 for i in range(40))
    pieces = nlp_module.split_text(text, 2_000)
    assert "".join(pieces) == text and all(len(p) <= 2_000 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])
    one_line = "word " * 1_000  # no paragraph break: cut after a space, still whole
    assert "".join(nlp_module.split_text(one_line, 700)) == one_line
    assert "".join(nlp_module.split_text("x" * 5_000, 700)) == "x" * 5_000


def test_a_text_longer_than_spacys_limit_is_parsed_in_pieces_with_offsets_kept(nlp, monkeypatch):
    """spaCy refuses a text over `nlp.max_length` (E088: any article over 1,000,000 characters
    crashed a brief); here the limit and the piece size are lowered to keep the test fast."""
    monkeypatch.setattr(nlp, "max_length", 12_000)
    monkeypatch.setattr(nlp_module, "PIECE_CHARS", 5_000)
    text = "\n\n".join([PARAGRAPH] * 100)
    assert len(text) > 15_000
    with pytest.raises(ValueError, match="E088"):
        nlp(text)
    [doc] = nlp_module.parse(nlp, [text])
    assert doc.text == text
    sentences = entities.sentences(doc, "a")
    assert len(sentences) == 300 and all(
        text[s.span.start : s.span.end] == s.text for s in sentences
    )
    mentions = entities.entity_mentions(doc, "a")
    assert all(text[m.span.start : m.span.end] == m.text for m in mentions)
    assert sum(m.text == "Ana Ruiz" for m in mentions) == 100
