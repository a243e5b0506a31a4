"""The brief as JSON: the stable contract (docs/json-contract.md, schema/brief.schema.json).

Contract keys are never renamed or dropped; extra keys may be added.
"""

from __future__ import annotations

import json
from typing import Any

from .._version import __version__
from ..align import rank
from ..models import (
    Brief,
    Caveat,
    Changes,
    Conflict,
    CoverageRow,
    DateMention,
    Entity,
    Fact,
    Figure,
    FigureValue,
    KeyClaim,
    MatchReason,
    NumberGroup,
    QuoteGroup,
    QuoteMention,
    SaidBy,
    Source,
    Span,
    SummarySentence,
    TimelineEvent,
)
from ..outlets import canonical_outlet

SCHEMA_VERSION = 1


def render(brief: Brief, **_: object) -> str:
    """The whole brief, whatever the detail asked for the other formats."""
    return to_json(brief)


def to_json(brief: Brief, *, indent: int | None = 2) -> str:
    return json.dumps(to_dict(brief), ensure_ascii=False, indent=indent)


def to_dict(brief: Brief) -> dict[str, Any]:
    """The brief as plain JSON-ready data."""
    return {
        "sources": [_source(s) for s in brief.sources],
        "facts": [_fact(f) for f in brief.facts],
        "quotes": [_quote(q) for q in brief.quotes],
        "entities": [_entity(e) for e in brief.entities],
        "numbers": [_number(n) for n in brief.numbers],
        "figures": [_figure(f) for f in brief.figures],
        "conflicts": [_conflict(c) for c in brief.conflicts],
        "timeline": [_event(t) for t in brief.timeline],
        "undated": [_undated(t) for t in brief.undated],
        "summary": [_summary(s) for s in brief.summary],
        "dates": [_date(d) for doc in brief.documents for d in doc.dates],
        "skipped": [{"path": s.path, "reason": s.reason} for s in brief.skipped],
        "warnings": list(brief.warnings),
        **_ranked(brief),
        "caveats": [_caveat(c) for c in brief.caveats],
        "newsweave": {"version": __version__, "schema": SCHEMA_VERSION},
        **({"changes": _changes(brief.changes)} if brief.changes is not None else {}),
    }


def _ranked(brief: Brief) -> dict[str, Any]:
    """Added keys: the key claims best first (align.rank), the coverage grid (key claim by
    source: states / omits / contradicts, cited) and the main speakers."""
    claims = rank.key_claims(brief)
    return {
        "key_claims": [_key_claim(k) for k in claims],
        "coverage": {
            "sources": [s.id for s in brief.sources],
            "claims": [_coverage_row(row) for row in rank.coverage(brief, claims)],
        },
        "speakers": [
            {"name": s.name, "quote": s.quote, "sources": s.sources}
            for s in rank.speakers(brief, shown=(k.text for k in claims))
        ],
    }


def _key_claim(k: KeyClaim) -> dict[str, Any]:
    return {
        "fact": k.fact_id,
        "text": k.text,
        "status": k.status,
        "score": k.score,
        "witnesses": k.witnesses,
        "sources": k.sources,
        "span": span(k.span),
        "central": k.central,
        "lede": k.lede,
    }


def _coverage_row(row: CoverageRow) -> dict[str, Any]:
    return {
        "fact": row.fact_id,
        "cells": [
            {"source": c.source, "state": c.state, "span": span(c.span) if c.span else None}
            for c in row.cells
        ],
    }


def _caveat(c: Caveat) -> dict[str, Any]:
    return {
        "kind": c.kind,
        "message": c.message,
        "sources": list(c.sources),
        "groups": [list(g) for g in c.groups],
        "language": c.language,
    }


def span(s: Span) -> dict[str, Any]:
    return {"source": s.source, "start": s.start, "end": s.end}


def _iso(d) -> str | None:
    return d.isoformat() if d else None


def _source(s: Source) -> dict[str, Any]:
    return {
        "id": s.id,
        "outlet": s.outlet,
        "url": s.url,
        "published": _iso(s.published),
        "title": s.title,
        "path": s.path,
        "text": s.text,
        "removed": [
            {"text": r.text, "reason": r.reason, "raw_start": r.start, "raw_end": r.end}
            for r in s.removed
        ],
        "witness": s.witness or s.id,
        "input_id": s.input_id,
        "outlet_name": s.outlet_name or canonical_outlet(s.outlet),
    }


def _fact(f: Fact) -> dict[str, Any]:
    return {
        "id": f.id,
        "text": f.text,
        "status": f.status,
        "mentions": [span(m) for m in f.mentions],
        "outlets": len(f.sources),
        "independent": f.witnesses,
        "sources": f.sources,
        "said_by": [_said(s) for s in f.said_by],
        "why": _why(f.why),
        "background": f.background,
        "nearest": None
        if f.nearest is None
        else {**span(f.nearest.span), "same_claim": f.nearest.same_claim},
    }


def _why(w: MatchReason | None) -> dict[str, Any] | None:
    if w is None:
        return None
    return {
        "score": w.score,
        "figures": w.figures,
        "names": w.names,
        "words": w.words,
        "same_claim": w.same_claim,
    }


def _figure(f: Figure) -> dict[str, Any]:
    return {
        "id": f.id,
        "kind": f.kind,
        "label": f.label,
        "verdict": f.verdict,
        "note": f.note,
        "values": [_figure_value(v) for v in f.values],
    }


def _figure_value(v: FigureValue) -> dict[str, Any]:
    return {
        **span(v.span),
        "text": v.text,
        "value": v.value,
        "unit": v.unit,
        "qualifier": v.qualifier,
        "direction": v.direction,
        "published": _iso(v.published),
        "sentence": _maybe_span(v.sentence),
    }


def _said(s: SaidBy) -> dict[str, Any]:
    return {
        **span(s.span),
        "quote": s.quote,
        "kind": s.kind,
        "speaker": s.speaker,
        "speaker_id": s.speaker_id,
    }


def _quote_mention(q: QuoteMention) -> dict[str, Any]:
    return {
        **span(q.span),
        "text": q.text,
        "kind": q.kind,
        "speaker_text": q.speaker_text,
        "cue": q.cue,
        "how": q.how,
        "speaker_span": _maybe_span(q.speaker_span),
        "cue_span": _maybe_span(q.cue_span),
        "utterance": q.utterance,
    }


def _maybe_span(s: Span | None) -> dict[str, Any] | None:
    return None if s is None else span(s)


def _quote(g: QuoteGroup) -> dict[str, Any]:
    return {
        "id": g.id,
        "speaker": g.speaker,
        "mentions": [_quote_mention(q) for q in g.mentions],
        "variant": g.variant,
        "speaker_id": g.speaker_id,
        "kind": g.mentions[0].kind if g.mentions else None,
        "sources": sorted({q.span.source for q in g.mentions}),
        "diff": [{"op": op, "text": text} for op, text in g.diff],
        "notes": g.notes,
        "named_in": g.named_in,
    }


def _entity(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "type": e.type,
        "aliases": e.aliases,
        "sources": e.sources,
        "roles": [{"text": r.text, **span(r.span)} for r in e.roles],
        "mentions": [span(m) for m in e.mentions],
    }


def _number(n: NumberGroup) -> dict[str, Any]:
    return {
        "value": n.value,
        "unit": n.unit,
        "text": n.text,
        "mentions": [span(m) for m in n.mentions],
        "counts": n.counts,
    }


def _conflict(c: Conflict) -> dict[str, Any]:
    values = [
        {"source": v.source, "value": v.value, "start": v.start, "end": v.end} for v in c.values
    ]
    return {
        "kind": c.kind,
        "values": values,
        "subject": c.subject,
        "note": c.note,
        "fact": c.fact_id,
        "update": c.update,
    }


def _changes(changes: Changes | dict[str, Any]) -> dict[str, Any]:
    c = Changes.of(changes)
    return {
        "since": c.since,
        "baseline": c.baseline,
        "new_sources": list(c.new_sources),
        "new_facts": list(c.new_facts),
        "status_changed": [
            {"fact": s.fact, "from": s.before, "to": s.after} for s in c.status_changed
        ],
        "new_quotes": list(c.new_quotes),
        "conflicts_opened": [_conflict(x) for x in c.conflicts_opened],
        "conflicts_resolved": [_conflict(x) for x in c.conflicts_resolved],
    }


def _event(t: TimelineEvent) -> dict[str, Any]:
    told = _told(t)
    return {"date": _iso(t.date), "end": _iso(t.end), **told, "disputed": t.disputed}


def _undated(t: TimelineEvent) -> dict[str, Any]:
    return {**_told(t), "note": t.note}


def _told(t: TimelineEvent) -> dict[str, Any]:
    """What a timeline entry, dated or not, says and where."""
    return {
        "text": t.text,
        "mentions": [span(m) for m in t.mentions],
        "fact": t.fact_id,
        "facts": list(t.facts),
    }


def _summary(s: SummarySentence) -> dict[str, Any]:
    return {
        "text": s.text,
        "citations": [span(c) for c in s.citations],
        "status": s.status,
        "fact": s.fact_id,
    }


def _date(d: DateMention) -> dict[str, Any]:
    return {
        **span(d.span),
        "text": d.text,
        "date": _iso(d.date),
        "end": _iso(d.end),
        "resolved": d.resolved,
        "note": d.note,
    }
