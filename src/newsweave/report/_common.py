"""What every human-readable renderer needs: numbering, labels, grouping, ordering.

Nothing here formats markup: each renderer escapes and decorates the plain strings it gets.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..align.figures import MARKS
from ..caveats import one_witness
from ..lexicon import REFUSAL_CUES
from ..models import (
    Brief,
    Conflict,
    Entity,
    Fact,
    Figure,
    FigureValue,
    MatchReason,
    QuoteGroup,
    Removal,
    Source,
    Span,
    SummarySentence,
    TimelineEvent,
)
from ..quotes import described_speaker

STATUS_ORDER = ("corroborated", "conflicting", "single-source")
STATUS_TITLE = {
    "corroborated": "Corroborated",
    "conflicting": "Conflicting",
    "single-source": "Single-source",
}
KIND_ORDER = ("number", "place", "date", "detail", "name", "role", "quote")
KIND_TITLE = {
    "number": "Numbers",
    "place": "Places",
    "date": "Dates",
    "detail": "Details (colours, kinds of things)",
    "name": "Names",
    "role": "Roles and titles",
    "quote": "Quote wording",
}
VERDICT_TITLE = {"agree": "agree", "updated": "updated over time", "conflict": "conflict"}
TYPE_TITLE = {"person": "People", "organisation": "Organisations", "place": "Places"}


def numbers(brief: Brief) -> dict[str, int]:
    """Source id -> its 1-based position in the brief."""
    return {s.id: i for i, s in enumerate(brief.sources, 1)}


def label(brief: Brief, source_id: str) -> str:
    """The outlet (or file name) of a source; the id itself for an unknown source."""
    try:
        return brief.source(source_id).label
    except KeyError:
        return source_id


def labels(brief: Brief, source_ids: Iterable[str]) -> str:
    """Outlet labels joined with commas, an outlet of several articles once with their count:
    "AP, Reuters", "Reuters (2 articles), AP"."""
    counts = Counter(label(brief, sid) for sid in source_ids)
    return ", ".join(f"{name} ({n} articles)" if n > 1 else name for name, n in counts.items())


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def title(brief: Brief) -> str:
    """The story's title: the first source title, else "Brief"."""
    first = next((s.title for s in brief.sources if s.title), None)
    return first or "Brief"


def witnesses(brief: Brief) -> int:
    """How many independent witnesses the sources amount to (wire copies count once)."""
    return len({s.witness or s.id for s in brief.sources})


def headline(brief: Brief) -> str:
    """ "3 sources, 2 independent"; said once when nothing can be corroborated (one witness),
    so that facts need not each be labelled single-source."""
    if witnesses(brief) == 1:
        return f"{capitalised(one_witness(brief.sources))}: nothing can be corroborated"
    return f"{len(brief.sources)} sources, {witnesses(brief)} independent"


def anchor(brief: Brief, span: Span) -> str:
    """The HTML id of a cited span: s{source number}-{start}-{end}."""
    return f"s{numbers(brief).get(span.source, 0)}-{span.start}-{span.end}"


def distinct_sources(spans: Iterable[Span]) -> list[str]:
    """Source ids of the spans, first appearance first, each once."""
    return list(dict.fromkeys(span.source for span in spans))


def refs(brief: Brief, spans: Iterable[Span]) -> list[tuple[int, Span]]:
    """(source number, first span there) for each cited source known to the brief, in order."""
    n = numbers(brief)
    first: dict[str, Span] = {}
    for span in spans:
        first.setdefault(span.source, span)
    return [(n[sid], span) for sid, span in first.items() if sid in n]


def span_refs(brief: Brief, spans: Iterable[Span]) -> list[tuple[int, Span]]:
    """(source number, span) for every distinct cited span known to the brief, in order."""
    n = numbers(brief)
    return [(n[s.source], s) for s in dict.fromkeys(spans) if s.source in n]


def facts_by_status(brief: Brief) -> dict[str, list[Fact]]:
    """Facts grouped by status, in `STATUS_ORDER`; corroborated ones by witness count."""
    groups: dict[str, list[Fact]] = {status: [] for status in STATUS_ORDER}
    for fact in brief.facts:
        groups.setdefault(fact.status, []).append(fact)
    groups["corroborated"].sort(key=lambda f: -f.witnesses)
    return groups


def conflicts_by_kind(brief: Brief) -> dict[str, list[Conflict]]:
    """Conflicts grouped by kind, in `KIND_ORDER` (unknown kinds last); empty kinds left out."""
    groups: dict[str, list[Conflict]] = {}
    for x in sorted(brief.conflicts, key=lambda x: _rank(KIND_ORDER, x.kind)):
        groups.setdefault(x.kind, []).append(x)
    return groups


def entities_by_type(brief: Brief) -> dict[str, list[Entity]]:
    """Entities grouped people, organisations, places; each group by name."""
    groups: dict[str, list[Entity]] = {t: [] for t in TYPE_TITLE}
    for e in sorted(brief.entities, key=lambda e: e.name.lower()):
        groups.setdefault(e.type, []).append(e)
    return groups


def type_title(etype: str) -> str:
    """ "People" for "person", and so on."""
    return TYPE_TITLE.get(etype, etype.capitalize())


def _rank(order: tuple[str, ...], key: str) -> int:
    return order.index(key) if key in order else len(order)


def roles(entity: Entity) -> list[str]:
    """The entity's role texts, each once (ignoring case), in order."""
    seen: dict[str, str] = {}
    for role in entity.roles:
        seen.setdefault(role.text.casefold(), role.text)
    return list(seen.values())


def entity_details(entity: Entity) -> list[str]:
    """ "also Mr Park, Park" (when it had other names), then each distinct role."""
    also = [f"also {', '.join(entity.aliases)}"] if entity.aliases else []
    return also + roles(entity)


def entity_sources(entity: Entity) -> list[str]:
    """The entity's sources: its `sources`, else those of its mentions."""
    return list(dict.fromkeys(entity.sources)) or distinct_sources(entity.mentions)


def wordings(group: QuoteGroup) -> list[tuple[str, str, Span]]:
    """(source id, the words quoted there, first span) for each source of a quote group."""
    texts: dict[str, list[str]] = {}
    first: dict[str, Span] = {}
    for m in group.mentions:
        texts.setdefault(m.span.source, []).append(m.text)
        first.setdefault(m.span.source, m.span)
    return [(sid, " … ".join(parts), first[sid]) for sid, parts in texts.items()]


def named_elsewhere(brief: Brief, group: QuoteGroup, source_id: str) -> str:
    """ "named in AP" beside the words of a source that leaves the group's speaker unnamed ("he
    said") when other sources name them (`QuoteGroup.named_in`); else ""."""
    if not group.named_in or source_id in group.named_in:
        return ""
    return f"named in {labels(brief, group.named_in)}"


def marks(group: QuoteGroup) -> tuple[str, str]:
    """How to set a group's words: in quote marks, or as reported speech (no marks); a refusal
    says so ("(declined) to comment", not "(reported) to comment")."""
    if all(m.kind == "indirect" for m in group.mentions):
        cue = (group.mentions[0].cue or "").lower() if group.mentions else ""
        refused = any(cue.startswith(lemma[:-1]) for lemma in REFUSAL_CUES)
        return (f"({cue}) " if refused else "(reported) "), ""
    return "“", "”"


def speaker(group: QuoteGroup) -> str:
    """The quote group's speaker; else the speaker as the text describes it ("House
    Republicans", "two people briefed on the talks"); else "unattributed"."""
    return group.speaker or described(group) or "unattributed"


def described(group: QuoteGroup) -> str | None:
    """The words naming a speaker the text describes but does not name (no entity), if any;
    not a word that describes nobody ("you", "someone")."""
    return next((d for m in group.mentions if (d := described_speaker(m))), None)


def by_speaker(groups: Iterable[QuoteGroup]) -> list[tuple[str, list[QuoteGroup]]]:
    """Quote groups under one heading per speaker (a described speaker is one by its words),
    speakers in order of first appearance and the unattributed quotes last; within a speaker,
    the groups keep their order."""
    out: dict[str, list[QuoteGroup]] = {}
    for g in groups:
        out.setdefault(g.speaker_id or (described(g) or "").casefold(), []).append(g)
    unattributed = out.pop("", [])
    heads = [(speaker(gs[0]), gs) for gs in out.values()]
    return heads + ([("unattributed", unattributed)] if unattributed else [])


def when(event: TimelineEvent) -> str:
    """ "2018-04-16", or "2018-04-16 – 2018-04-20" for a range; flagged when sources disagree;
    "undated" for an event no date places (`Brief.undated`)."""
    if event.date is None:
        return "undated"
    day = (
        f"{event.date} – {event.end}" if event.end and event.end != event.date else str(event.date)
    )
    return f"{day} (sources disagree on this date)" if event.disputed else day


def fact_sources(fact: Fact) -> list[str]:
    """The fact's sources: its `sources`, else those of its mentions."""
    return list(dict.fromkeys(fact.sources)) or distinct_sources(fact.mentions)


def fact_line(brief: Brief, fact: Fact) -> str:
    """ "2 outlets / 2 independent: AP, Reuters" or "single source: AP", then who said it, if
    the sources report it as someone's words ("· said by Lu Kang")."""
    said = said_line(brief, fact)
    closest = nearest_line(brief, fact)
    return (
        witness_line(brief, fact)
        + (f" · {said}" if said else "")
        + (f" · {closest}" if closest else "")
    )


def nearest_line(brief: Brief, fact: Fact) -> str:
    """ "closest elsewhere: Reuters (same claim: 31%)" for a single-source fact another witness
    comes near to stating; "" otherwise."""
    if fact.nearest is None:
        return ""
    where = label(brief, fact.nearest.span.source)
    return f"closest elsewhere: {where} (same claim: {fact.nearest.same_claim:.0%})"


def witness_line(brief: Brief, fact: Fact) -> str:
    """ "2 outlets / 2 independent: AP, Reuters" or "single source: AP"."""
    sources = fact_sources(fact)
    if witnesses(brief) == 1:  # the headline says it once
        return labels(brief, sources)
    if fact.status == "single-source":
        return "single source: " + labels(brief, sources)
    independent = fact.witnesses or len({brief_witness(brief, s) for s in sources})
    outlets = len({label(brief, s) for s in sources})
    return f"{outlets} outlets / {independent} independent: {labels(brief, sources)}"


def said_line(brief: Brief, fact: Fact) -> str:
    """ "said by Donald Trump"; "said by Lu Kang (in AP)" when other sources state it as their
    own; "" when no source attributes it."""
    if not fact.said_by:
        return ""
    groups = {g.id: g for g in brief.quotes}
    names = list(
        dict.fromkeys(
            s.speaker or _described_at(groups.get(s.quote)) or "an unnamed speaker"
            for s in fact.said_by
        )
    )
    sources = distinct_sources(s.span for s in fact.said_by)
    where = "" if set(sources) >= set(fact_sources(fact)) else f" (in {labels(brief, sources)})"
    return f"said by {', '.join(names)}{where}"


def _described_at(group: QuoteGroup | None) -> str | None:
    return described(group) if group is not None else None


def brief_witness(brief: Brief, source_id: str) -> str:
    """The witness a source belongs to (its own id when not a copy, or unknown)."""
    try:
        source = brief.source(source_id)
    except KeyError:
        return source_id
    return source.witness or source.id


def summary_tag(brief: Brief, sentence: SummarySentence) -> str:
    """ "" for corroborated sentences, else their status and outlets ("single source: AP")."""
    if sentence.status == "corroborated" or witnesses(brief) == 1:
        return ""
    return f"{sentence.status.replace('-', ' ')}: {labels(brief, distinct_sources(sentence.citations))}"


def published(source: Source) -> str:
    """The publication date, or "date unknown"."""
    return str(source.published) if source.published else "date unknown"


def link_url(source: Source) -> str | None:
    """The source URL when it is safe to make a link of (http or https), else None."""
    url = (source.url or "").strip()
    return url if url.lower().startswith(("http://", "https://")) else None


def removal_reason(removal: Removal) -> str:
    """Why clean dropped a piece of text: its reason, else "boilerplate removed"."""
    return removal.reason or "boilerplate removed"


def changes(brief: Brief) -> list[str]:
    """Plain lines of what changed since an earlier brief (`--since`); [] without `--since`."""
    if brief.changes is None:
        return []
    from .changes import change_lines

    facts = {f.id: f.text for f in brief.facts}
    quotes = {g.id: f"{speaker(g)}: {g.mentions[0].text}" for g in brief.quotes if g.mentions}
    return change_lines(brief.changes, facts, quotes, {s.id: s.label for s in brief.sources})


DATING_MARKS = MARKS - {"time"}  # a year, rank or day named in a fact: after the quantities


def figures(brief: Brief) -> list[Figure]:
    """Key figures, those of the story's own news before background ones ("killed 230,000 in 14
    countries" in 2004), then those in conflict or updated first, then by how many sources give them."""
    rank = {"conflict": 0, "updated": 1, "agree": 2}
    told = {m for f in brief.facts if f.background for m in f.mentions}
    return sorted(
        brief.figures,
        key=lambda f: (
            f.kind.partition(":")[0] in DATING_MARKS,  # the timeline dates the story
            all((v.sentence or v.span) in told for v in f.values),
            rank[f.verdict],
            -len(f.values),
        ),
    )


def figure_value(brief: Brief, v: FigureValue) -> str:
    """ "AP: at least 24" (with the direction of a distance)."""
    shown = " ".join(x for x in (v.qualifier, v.text, v.direction) if x)
    return f"{label(brief, v.span.source)}: {shown}"


def why(reason: MatchReason | None) -> str:
    """Why a fact's sentences were grouped, in words: "shared figures: 24; names: Aceh; score 0.42"."""
    if reason is None:
        return ""
    parts = [f"shared figures: {', '.join(reason.figures)}"] if reason.figures else []
    parts += [f"names: {', '.join(reason.names)}"] if reason.names else []
    parts += [f"words: {', '.join(reason.words)}"] if reason.words else []
    parts += [f"same claim: {reason.same_claim:.0%}"] if reason.same_claim is not None else []
    return "; ".join(parts + [f"similarity {reason.score:.2f}"])
