"""Stage 6, align: facts across sources (corroborated / single-source / conflicting), quote
groups with wording variants, number groups, typed conflicts and the timeline.

Input: the `Document`s and shared `Entity`s from extract and quotes. Output: an `Alignment`.
Only statements become facts (`statements.is_statement`): not credits, timestamps or links.
A fact whose sentence is mostly a quote or reported speech says who said it (`said.attribute`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..extract.frames import Frames
from ..kinds import SIMILARITIES, Similarity, choose
from ..models import (
    Conflict,
    Document,
    Entity,
    Fact,
    Figure,
    NumberGroup,
    QuoteGroup,
    TimelineEvent,
)
from .conflicts import (
    day_conflicts,
    entity_conflicts,
    fact_conflicts,
    holder_conflicts,
    name_conflicts,
    transposed_initials,
)
from .crossfigures import cross_figures, cross_marks, date_figures, independent_first
from .deaths import death_place_conflicts
from .facts import group_facts, make_fact
from .figures import fact_figures, figure_conflicts, story_figures
from .founding import founding_conflicts
from .quotes import group_quotes
from .said import attribute
from .slots import entity_slot_conflicts, slot_conflicts
from .statements import is_statement
from .timeline import background, build_timeline, undated_events
from .vectors import SentenceVector, cosine, sentence_vectors

__all__ = ["SIMILARITIES", "Alignment", "align", "cosine"]


@dataclass
class Alignment:
    facts: list[Fact] = field(default_factory=list)
    quotes: list[QuoteGroup] = field(default_factory=list)
    numbers: list[NumberGroup] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    undated: list[TimelineEvent] = field(default_factory=list)
    vectors: dict[str, list[SentenceVector]] = field(
        default_factory=dict
    )  # fact id -> its sentences
    figures: list[Figure] = field(default_factory=list)


def align(
    documents: list[Document], entities: list[Entity], *, similarity: Similarity = "lexical"
) -> Alignment:
    """Everything the brief says across sources, each piece with its offsets. `similarity`:
    "lexical" (words, entities, dates, numbers) or "embed" (also sentence embeddings; needs the
    `embed` extra)."""
    similarity = choose("similarity", similarity, SIMILARITIES)
    result = Alignment()
    vectors = sentence_vectors(documents, keep=is_statement)
    names = {e.id: e.name for e in entities}
    result.quotes = group_quotes(documents, names)
    anchors = quoted_together(result.quotes, documents)
    for i, members in enumerate(
        group_facts(vectors, anchors=anchors, embed=similarity == "embed"), 1
    ):
        conflicts = fact_conflicts(members, f"f{i}")
        fact = make_fact(i, members, conflicting=bool(conflicts))
        fact.background = _background(members)
        result.facts.append(fact)
        result.conflicts.extend(conflicts)
        result.vectors[fact.id] = members
    texts = {d.source.id: d.source.text for d in documents}
    attribute(result.facts, result.vectors, result.quotes)
    # Quote wording is not a conflict: the quote groups show each outlet's words with a diff (on the
    # claims gold, none of the 7 quote-wording "conflicts" was a disagreement; bench/claims.py).
    result.conflicts += name_conflicts(entities, texts) + entity_conflicts(entities)
    result.conflicts += holder_conflicts(entities, texts) + transposed_initials(documents)
    result.conflicts += _linked(slot_conflicts(vectors), result.facts)
    result.conflicts += _linked(entity_slot_conflicts(entities, documents), result.facts)
    result.conflicts += _linked(day_conflicts(vectors, result.conflicts), result.facts)
    result.figures = story_figures(documents)
    result.conflicts += _linked(death_place_conflicts(vectors, result.figures), result.facts)
    frames = Frames()  # each figure's frame computed once, for its fact and across outlets
    result.figures += fact_figures(result.facts, result.vectors, result.figures, frames)
    result.figures = cross_marks(vectors, cross_figures(vectors, result.figures, frames))
    result.conflicts += _linked(figure_conflicts(result.figures), result.facts)
    result.figures = date_figures(result.conflicts, documents, result.figures)
    result.conflicts += _linked(founding_conflicts(vectors, result.figures), result.facts)
    result.figures = independent_first(result.figures, documents)
    result.numbers = group_numbers(documents)
    result.timeline = build_timeline(documents, result.facts, result.vectors)
    result.undated = undated_events(documents, result.facts, result.vectors)
    disputed = {c.fact_id for c in result.conflicts if c.kind == "date"}
    for event in result.timeline:
        event.disputed = event.fact_id in disputed
    return result


def _background(members: list[SentenceVector]) -> bool:
    """Most of the fact's sentences tell of another time than their article's (`background`)."""
    told = [background(m.document, m.parent or m.sentence) for m in members]
    return sum(told) * 2 > len(told)


def quoted_together(groups: list[QuoteGroup], documents: list[Document]) -> set[frozenset]:
    """Pairs of sentences (source, start) of different sources that carry one quote group: the same
    statement, however differently worded or translated, is one fact."""
    sentences = {d.source.id: d.sentences for d in documents}
    out: set[frozenset] = set()
    for g in groups:
        where = {
            (q.span.source, s.span.start)
            for q in g.mentions
            for s in sentences[q.span.source]
            if s.span.start <= q.span.start and q.span.end <= s.span.end
        }  # a quote within one sentence
        out |= {frozenset((a, b)) for a in where for b in where if a[0] != b[0]}
    return out


def _linked(conflicts: list[Conflict], facts: list[Fact]) -> list[Conflict]:
    """Each conflict names the fact whose sentence states its first value."""
    for c in conflicts:
        v = c.values[0]
        c.fact_id = next(
            (
                f.id
                for f in facts
                for m in f.mentions
                if m.source == v.source and m.start <= v.start < m.end
            ),
            None,
        )
    return conflicts


def group_numbers(documents: list[Document]) -> list[NumberGroup]:
    """Mentions of one quantity (same value, unit and counted thing) across sources."""
    groups: dict[tuple, NumberGroup] = {}
    for d in documents:
        for n in d.numbers:
            key = (n.value, n.unit, (n.counts or "").lower().rstrip("s"))
            group = groups.setdefault(key, NumberGroup(n.value, n.unit, n.text, n.counts, []))
            group.mentions.append(n.span)
    return list(groups.values())
