"""The timeline: events placed by the dates stated in the text (not publication times).

A sentence is placed by its principal date: the one closest to its main verb in the parse.
"The department last month banned sales for breaking a 2017 agreement" happened last month;
"2017" only names the agreement.
"""

from __future__ import annotations

from typing import Any

from ..models import DateMention, Document, Fact, Sentence, TimelineEvent


def build_timeline(documents: list[Document], facts: list[Fact]) -> list[TimelineEvent]:
    """One event per (resolved date range, fact), with every source's principal date of the
    fact's sentence as evidence; its text is the sentence of the first mention."""
    fact_of = {(span.source, span.start): f for f in facts for span in f.mentions}
    events: dict[tuple, TimelineEvent] = {}
    for d in documents:
        for sent, date in _principal_dates(d):
            fact = fact_of.get((d.source.id, sent.span.start)) if sent else None
            key = (date.date, date.end, fact.id if fact else (d.source.id, date.span.start))
            event = events.get(key)
            if event is None:
                text = sent.text if sent else date.text
                event = events[key] = TimelineEvent(date.date, date.end, text, [], fact.id if fact else None)
            event.mentions.append(date.span)
    return sorted(events.values(), key=lambda e: (e.date, e.end or e.date, e.text))


def _principal_dates(d: Document) -> list[tuple[Sentence | None, DateMention]]:
    """(sentence, date) for the resolved dates of a document, one per sentence: the date
    nearest the sentence's root (the earlier on a tie); dates outside any sentence all count."""
    by_sentence: dict[int, list[tuple[Sentence, DateMention]]] = {}
    loose: list[tuple[Sentence | None, DateMention]] = []
    for date in d.dates:
        if not date.resolved or date.date is None:
            continue
        sent = next((s for s in d.sentences if s.span.start <= date.span.start < s.span.end), None)
        if sent is None:
            loose.append((None, date))
        else:
            by_sentence.setdefault(sent.span.start, []).append((sent, date))
    chosen = [min(pairs, key=lambda p: (_depth(d.nlp, p[1]), p[1].span.start)) for pairs in by_sentence.values()]
    return chosen + loose


def _depth(doc: Any, date: DateMention) -> int:
    """Steps from the date's head word up to its sentence's root (0 without a parse)."""
    span = doc.char_span(date.span.start, date.span.end, alignment_mode="expand") if doc is not None else None
    if span is None:
        return 0
    tok, steps = span.root, 0
    while tok.head.i != tok.i and steps < 50:
        tok, steps = tok.head, steps + 1
    return steps
