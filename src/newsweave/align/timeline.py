"""The timeline: events placed by the dates stated in the text (not publication times).

Each statement is placed by one date. A date that only names a thing ("a 2017 agreement", "the
region hit by the 2004 tsunami", "the tsunami of 2004") is background: it does not date the
sentence's event, unless the thing it names is what the sentence is about ("The 2019 plan was
drawn up ..."). Of several dates that may place a sentence, the one nearest the day the article
is written from (its publication date, else its date line) wins: "A quake struck on Tuesday in a
region devastated by the tsunami of 2004" happened on Tuesday.

One entry per event: the entries of one date range whose sentences say much the same (their
sentence vectors' cosine reaches `SAME_EVENT`) are merged, keeping every citation and naming
every fact. A statement with a date that could not be resolved ("Tuesday" with no publication
date), or with only background dates, is listed as undated (`undated_events`), not dropped.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from ..extract.dates import reference_date
from ..models import DateMention, Document, Fact, Sentence, Span, TimelineEvent
from .vectors import SentenceVector

NOUN_MODIFIER_DEPS = {"nummod", "compound", "amod", "poss", "nmod"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# Two entries of one date range state the same event from this cosine of their sentence vectors
# on (the Aceh quake told by 14 outlets: its "on Tuesday" sentences and the leading one share
# 0.37-0.63; two of them that tell different parts of the day 0.23).
SAME_EVENT = 0.3
BACKGROUND_DAYS = 45  # a statement placed this long before its article's own date is background
THING_DAYS = 27  # a date that can name a thing spans a month or more ("2004", "May 2012")
BACKGROUND_ONLY = "its only dates name earlier things"

Vectors = dict[str, list[SentenceVector]]


def build_timeline(
    documents: list[Document], facts: list[Fact], vectors: Vectors | None = None
) -> list[TimelineEvent]:
    """One event per event: each statement placed by its one placing date, entries of one date
    range that state the same event merged (their date mentions are the citations), by date."""
    events: dict[tuple, TimelineEvent] = {}
    for d, sent, fact, date in _placed(documents, facts):
        key = (date.date, date.end, fact.id if fact else (d.source.id, date.span.start))
        event = events.get(key)
        if event is None:
            text = sent.text if sent else date.text
            event = events[key] = TimelineEvent(
                date.date, date.end, text, [], fact.id if fact else None
            )
            event.facts = [fact.id] if fact else []
        event.mentions.append(date.span)
    merged = _merged(list(events.values()), vectors or {}, lambda e: (e.date, e.end))
    return sorted(merged, key=lambda e: (e.date, e.end or e.date, e.text))


def undated_events(
    documents: list[Document], facts: list[Fact], vectors: Vectors | None = None
) -> list[TimelineEvent]:
    """Statements with dates none of which dates them (unresolved, or background only), one
    entry per event, citing each stating sentence; in the order of the facts. A fact some source
    dates is on the timeline, not here."""
    order = {f.id: i for i, f in enumerate(facts)}
    dated = {fact.id for _, _, fact, _ in _placed(documents, facts) if fact}
    events: dict[str, TimelineEvent] = {}
    for _, sent, fact, dates in _unplaced(documents, facts):
        if fact.id in dated:
            continue
        event = events.get(fact.id)
        if event is None:
            event = events[fact.id] = TimelineEvent(
                None, None, sent.text, [], fact.id, note=_why_undated(dates)
            )
            event.facts = [fact.id]
        if sent.span not in event.mentions:
            event.mentions.append(sent.span)
    merged = _merged(list(events.values()), vectors or {}, lambda e: None)
    return sorted(merged, key=lambda e: order.get(e.fact_id or "", len(order)))


def background(d: Document, sentence: Sentence) -> bool:
    """Does the statement tell of another time than its article's: is it placed by a date that
    ends more than BACKGROUND_DAYS before the article's own date ("In 2004, a huge earthquake
    ...", "In April last year ...")? Without such a date to compare, by a year or longer span."""
    start, end = sentence.span.start, sentence.span.end
    dates = [x for x in d.dates if start <= x.span.start < end]
    anchor = reference_date(d.source.text, d.source.published)
    date = _placing_date(d.nlp, dates, anchor)
    if date is None or date.date is None:
        return False
    last = date.end or date.date
    if anchor is not None:
        return (anchor - last).days > BACKGROUND_DAYS
    return (last - date.date).days >= 364


def _statements(documents: list[Document], facts: list[Fact]):
    """(document, sentence or None, its fact or None, its date mentions) for every sentence with a
    date that is a statement (a date outside every sentence stands alone)."""
    fact_of = {(span.source, span.start): f for f in facts for span in f.mentions}
    for d in documents:
        by_sentence: dict[int | None, tuple[Sentence | None, list[DateMention]]] = {}
        for date in d.dates:
            sent = d.sentence_at(date.span.start)
            key = sent.span.start if sent else None
            by_sentence.setdefault(key, (sent, []))[1].append(date)
        for sent, dates in by_sentence.values():
            fact = fact_of.get((d.source.id, sent.span.start)) if sent is not None else None
            if sent is not None and fact is None:
                continue  # not a statement ("July 31, 2014 (AFP)" under a photo): no event
            yield d, sent, fact, dates


def _placed(documents: list[Document], facts: list[Fact]):
    """(document, sentence, fact, the one date that places it) for every statement so placed;
    a date outside every sentence places itself."""
    anchors: dict[str, dt.date | None] = {}
    for d, sent, fact, dates in _statements(documents, facts):
        if d.source.id not in anchors:
            anchors[d.source.id] = reference_date(d.source.text, d.source.published)
        anchor = anchors[d.source.id]
        if sent is None:
            for date in dates:
                if date.resolved and date.date is not None:
                    yield d, sent, fact, date
            continue
        date = _placing_date(d.nlp, dates, anchor)
        if date is not None:
            yield d, sent, fact, date


def _unplaced(documents: list[Document], facts: list[Fact]):
    """(document, sentence, fact, dates) for every statement that has dates but none placing it."""
    for d, sent, fact, dates in _statements(documents, facts):
        if sent is not None and _placing_date(d.nlp, dates, None) is None:
            yield d, sent, fact, dates


def _placing_date(doc: Any, dates: list[DateMention], anchor: dt.date | None) -> DateMention | None:
    """The date that places a sentence: of its resolved dates that do not only name a thing, the
    one nearest `anchor` (the first without one); None when there is none."""
    placing = [x for x in dates if x.resolved and x.date is not None and not _names_a_thing(doc, x)]
    if not placing or anchor is None:
        return placing[0] if placing else None
    return min(placing, key=lambda x: _distance(x, anchor))


def _distance(date: DateMention, anchor: dt.date) -> int:
    """Days from `anchor` to the date's range (0 inside it); an unresolved date is never near."""
    if date.date is None:
        return 10**6
    last = date.end or date.date
    return max((date.date - anchor).days, (anchor - last).days, 0)


def _why_undated(dates: list[DateMention]) -> str:
    """Why no date places the sentence: its first unresolved date and that date's note
    ("Tuesday: relative date with no publication date"), else background only."""
    return next((f"{x.text}: {x.note}" for x in dates if not x.resolved), BACKGROUND_ONLY)


def _names_a_thing(doc: Any, date: DateMention) -> bool:
    """Does the date only name a thing ("a 2017 agreement", "the tsunami of 2004") that is not
    what the sentence is about (the subject of its main verb)? False without a parse."""
    span = (
        doc.char_span(date.span.start, date.span.end, alignment_mode="expand")
        if doc is not None
        else None
    )
    if span is None or date.date is None or ((date.end or date.date) - date.date).days < THING_DAYS:
        return False  # a day is when something happened ("yesterday afternoon")
    root = span.root
    noun = None
    if root.dep_ in NOUN_MODIFIER_DEPS:
        noun = root.head
    elif root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.lower_ == "of":
        noun = root.head.head
    if noun is None or noun.pos_ not in {"NOUN", "PROPN"}:
        return False
    return not (noun.dep_ in SUBJECT_DEPS and noun.head.dep_ == "ROOT")


def _merged(events: list[TimelineEvent], vectors: Vectors, when) -> list[TimelineEvent]:
    """Entries of one `when` whose facts' sentences say the same (cosine >= SAME_EVENT) made one:
    the entry with the most citations leads, the others' citations and facts join it."""
    groups: dict[Any, list[TimelineEvent]] = {}
    for e in sorted(events, key=lambda e: -len(_sources(e.mentions))):
        kept = groups.setdefault(when(e), [])
        into = next((k for k in kept if _same_event(k, e, vectors)), None)
        if into is None:
            kept.append(e)
            continue
        into.mentions += [m for m in e.mentions if m not in into.mentions]
        into.facts += [f for f in e.facts if f not in into.facts]
    return [e for kept in groups.values() for e in kept]


def _same_event(a: TimelineEvent, b: TimelineEvent, vectors: Vectors) -> bool:
    """Does `b` state the event of the leading fact of `a`: do the centroids of their sentences
    reach a cosine of SAME_EVENT? Only the lead counts, so that merged entries do not chain to
    other events; centroids, so that neither one shared clause nor one odd sentence decides."""
    ca = _centroid(vectors.get(a.fact_id or "", []))
    cb = _centroid(vectors.get(b.fact_id or "", []))
    dot = sum(w * cb.get(f, 0.0) for f, w in ca.items())
    norms = math.sqrt(sum(w * w for w in ca.values()) * sum(w * w for w in cb.values()))
    return bool(norms) and dot / norms >= SAME_EVENT


def _centroid(members: list[SentenceVector]) -> dict[str, float]:
    """The feature-wise sum of the sentences' unit vectors."""
    total: dict[str, float] = {}
    for v in members:
        for f, w in v.weights.items() if v.norm else ():
            total[f] = total.get(f, 0.0) + w / v.norm
    return total


def _sources(spans: list[Span]) -> set[str]:
    return {s.source for s in spans}
