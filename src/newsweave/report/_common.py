"""What every human-readable renderer needs: numbering, labels, grouping, ordering."""

from __future__ import annotations

from collections.abc import Iterable

from ..models import Brief, Conflict, Entity, Fact, QuoteGroup, Span, TimelineEvent

STATUS_ORDER = ("corroborated", "conflicting", "single-source")
STATUS_TITLE = {"corroborated": "Corroborated", "conflicting": "Conflicting", "single-source": "Single-source"}
KIND_TITLE = {"number": "Numbers", "date": "Dates", "name": "Names", "role": "Roles and titles", "quote": "Quote wording"}
TYPE_TITLE = {"person": "People", "organisation": "Organisations", "place": "Places"}


def numbers(brief: Brief) -> dict[str, int]:
    """Source id -> its 1-based position in the brief."""
    return {s.id: i for i, s in enumerate(brief.sources, 1)}


def label(brief: Brief, source_id: str) -> str:
    """The outlet (or file name) of a source."""
    try:
        return brief.source(source_id).label
    except KeyError:
        return source_id


def title(brief: Brief) -> str:
    first = next((s.title for s in brief.sources if s.title), None)
    return first or "Brief"


def witnesses(brief: Brief) -> int:
    return len({s.witness or s.id for s in brief.sources})


def anchor(brief: Brief, span: Span) -> str:
    """The HTML id of a cited span: s{source number}-{start}-{end}."""
    return f"s{numbers(brief).get(span.source, 0)}-{span.start}-{span.end}"


def distinct_sources(spans: Iterable[Span]) -> list[str]:
    seen: dict[str, None] = {}
    for span in spans:
        seen.setdefault(span.source, None)
    return list(seen)


def facts_by_status(brief: Brief) -> dict[str, list[Fact]]:
    """Facts grouped by status, in `STATUS_ORDER`; corroborated ones by witness count."""
    groups: dict[str, list[Fact]] = {status: [] for status in STATUS_ORDER}
    for fact in brief.facts:
        groups[fact.status].append(fact)
    groups["corroborated"].sort(key=lambda f: -f.witnesses)
    return groups


def conflicts_by_kind(brief: Brief) -> dict[str, list[Conflict]]:
    groups: dict[str, list[Conflict]] = {}
    for c in brief.conflicts:
        groups.setdefault(c.kind, []).append(c)
    return groups


def entities_by_type(brief: Brief) -> dict[str, list[Entity]]:
    groups: dict[str, list[Entity]] = {t: [] for t in TYPE_TITLE}
    for e in brief.entities:
        groups[e.type].append(e)
    return groups


def roles(entity: Entity) -> list[str]:
    seen: dict[str, None] = {}
    for role in entity.roles:
        seen.setdefault(role.text, None)
    return list(seen)


def wordings(group: QuoteGroup) -> list[tuple[str, str]]:
    """(source id, the words quoted there) for each source of a quote group, in order."""
    out: dict[str, list[str]] = {}
    for m in group.mentions:
        out.setdefault(m.span.source, []).append(m.text)
    return [(sid, " … ".join(parts)) for sid, parts in out.items()]


def when(event: TimelineEvent) -> str:
    return f"{event.date} – {event.end}" if event.end and event.end != event.date else str(event.date)


def fact_line(brief: Brief, fact: Fact) -> str:
    """"2 outlets / 2 independent" or "single source: AP"."""
    if fact.status == "single-source":
        return "single source: " + ", ".join(label(brief, s) for s in fact.sources)
    return f"{len(fact.sources)} outlets / {fact.witnesses} independent"


def summary_tag(brief: Brief, sentence) -> str:
    """"" for corroborated sentences, else their status and outlets ("single source: AP")."""
    if sentence.status == "corroborated":
        return ""
    outlets = ", ".join(label(brief, sid) for sid in distinct_sources(sentence.citations))
    return f"{sentence.status.replace('-', ' ')}: {outlets}"
