"""Who says so: a fact whose sentence is mostly a quotation or reported speech is a claim of
its speaker, not the outlet's own statement ("Too many jobs in China lost." is Trump's tweet;
"Liu He will visit the U.S.", as "the foreign ministry said", is the ministry's). Each fact
gets a `SaidBy` per source where that holds, linked to the quote group of those words."""

from __future__ import annotations

from typing import NamedTuple

from ..models import Fact, QuoteGroup, QuoteMention, SaidBy, Span
from ..spans import SpanIndex
from .vectors import SentenceVector

# The quoted or reported words must cover this share of the sentence's characters: "Trump says
# he would help ZTE get 'back into business'" is the outlet's report with a quoted phrase.
MIN_COVER = 0.4


class _Said(NamedTuple):
    span: Span
    group: QuoteGroup
    quote: QuoteMention


def attribute(
    facts: list[Fact], members: dict[str, list[SentenceVector]], groups: list[QuoteGroup]
) -> None:
    """Set each fact's `said_by` from the quote groups (`members`: the fact's sentences by id)."""
    by_source: dict[str, list[_Said]] = {}
    for g in groups:
        for q in g.mentions:
            if q.kind != "term":  # a quoted term ("called it a 'con'") is no one's claim
                by_source.setdefault(q.span.source, []).append(_Said(q.span, g, q))
    quotes = {source: SpanIndex(said) for source, said in by_source.items()}
    for fact in facts:
        fact.said_by = said_by(members[fact.id], quotes)


def said_by(members: list[SentenceVector], quotes: dict[str, SpanIndex]) -> list[SaidBy]:
    """For each member sentence, the quote groups whose words (in `quotes`, by source) cover
    most of it, each group once per source."""
    found: dict[tuple[str, str], SaidBy] = {}
    for m in members:
        span = m.sentence.span
        near = (
            quotes[span.source].overlapping(span.start, span.end) if span.source in quotes else []
        )
        for said in near:
            group, quote = said.group, said.quote
            if _cover(quote.span, span) >= MIN_COVER:
                found.setdefault(
                    (span.source, group.id),
                    SaidBy(quote.span, group.id, quote.kind, group.speaker, group.speaker_id),
                )
    return list(found.values())


def _cover(quote: Span, sentence: Span) -> float:
    if sentence.end <= sentence.start:
        return 0.0
    shared = min(quote.end, sentence.end) - max(quote.start, sentence.start)
    return max(shared, 0) / (sentence.end - sentence.start)
