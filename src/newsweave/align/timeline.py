"""The timeline: events placed by the dates stated in the text (not publication times).

A date that only modifies a noun ("a 2017 agreement", "his 2020 run", "the 2020 election")
names a thing, not when the sentence's event happened: where the sentence has another date,
it does not place the sentence. "The department last month banned sales for breaking a 2017
agreement" happened last month.
"""

from __future__ import annotations

from typing import Any

from ..models import DateMention, Document, Fact, Sentence, TimelineEvent

NOUN_MODIFIER_DEPS = {"nummod", "compound", "amod", "poss", "nmod"}


def build_timeline(documents: list[Document], facts: list[Fact]) -> list[TimelineEvent]:
    """One event per (resolved date range, fact), with every source's date mention placing the
    fact's sentence as evidence; its text is the sentence of the first mention."""
    fact_of = {(span.source, span.start): f for f in facts for span in f.mentions}
    events: dict[tuple, TimelineEvent] = {}
    for d in documents:
        for sent, date in _placing_dates(d):
            fact = fact_of.get((d.source.id, sent.span.start)) if sent else None
            if sent is not None and fact is None:
                continue  # not a statement ("July 31, 2014 (AFP)" under a photo): no event
            key = (date.date, date.end, fact.id if fact else (d.source.id, date.span.start))
            event = events.get(key)
            if event is None:
                text = sent.text if sent else date.text
                event = events[key] = TimelineEvent(
                    date.date, date.end, text, [], fact.id if fact else None
                )
            event.mentions.append(date.span)
    return sorted(events.values(), key=lambda e: (e.date, e.end or e.date, e.text))


def _placing_dates(d: Document) -> list[tuple[Sentence | None, DateMention]]:
    """(sentence, date) for the resolved dates that place their sentence: all of them, except
    noun modifiers in a sentence that has another date."""
    by_sentence: dict[int | None, list[tuple[Sentence | None, DateMention]]] = {}
    for date in d.dates:
        if date.resolved and date.date is not None:
            sent = d.sentence_at(date.span.start)
            by_sentence.setdefault(sent.span.start if sent else None, []).append((sent, date))
    out = []
    for pairs in by_sentence.values():
        placing = [p for p in pairs if not _names_a_thing(d.nlp, p[1])]
        out += placing or pairs
    return out


def _names_a_thing(doc: Any, date: DateMention) -> bool:
    """Does the date only modify a noun ("a 2017 agreement")? False without a parse."""
    span = (
        doc.char_span(date.span.start, date.span.end, alignment_mode="expand")
        if doc is not None
        else None
    )
    return (
        span is not None
        and span.root.dep_ in NOUN_MODIFIER_DEPS
        and span.root.head.pos_ in {"NOUN", "PROPN"}
    )
