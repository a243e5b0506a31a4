"""The timeline: events placed by the dates stated in the text (not publication times)."""

from __future__ import annotations

from ..models import Document, Fact, TimelineEvent


def build_timeline(documents: list[Document], facts: list[Fact]) -> list[TimelineEvent]:
    """One event per (resolved date range, fact), with every source's date mention as evidence;
    its text is the sentence of the first mention."""
    fact_of = {(span.source, span.start): f for f in facts for span in f.mentions}
    sentence_of = _sentence_index(documents)
    events: dict[tuple, TimelineEvent] = {}
    for d in documents:
        for date in d.dates:
            if not date.resolved or date.date is None:
                continue
            sent = sentence_of.get((d.source.id, date.span.start))
            fact = fact_of.get((d.source.id, sent.span.start)) if sent else None
            key = (date.date, date.end, fact.id if fact else (d.source.id, date.span.start))
            event = events.get(key)
            if event is None:
                text = sent.text if sent else date.text
                event = events[key] = TimelineEvent(date.date, date.end, text, [], fact.id if fact else None)
            event.mentions.append(date.span)
    return sorted(events.values(), key=lambda e: (e.date, e.end or e.date, e.text))


def _sentence_index(documents: list[Document]) -> dict:
    """(source id, offset) -> the sentence containing that offset, for every date's offset."""
    index = {}
    for d in documents:
        for date in d.dates:
            sent = next((s for s in d.sentences if s.span.start <= date.span.start < s.span.end), None)
            index[(d.source.id, date.span.start)] = sent
    return index
