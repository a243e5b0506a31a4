"""The report view model: what every human-readable rendering shows, built once from a `Brief`.

Terminal, Markdown, HTML and the web app's story page render a `Report`: numbered sources, the
story at a glance (verdict, key figures, key claims, real conflicts, main speakers), the coverage
grid, and the detail sections, each with its id and title. The ranking itself is align.rank's;
this module only chooses how much of it fits the reader's two minutes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from ..align import rank
from ..models import Brief, Conflict, CoverageRow, Figure, KeyClaim, QuoteGroup, Span, Speaker
from . import _common as c

Detail = Literal["brief", "full"]
DETAILS: tuple[Detail, ...] = ("brief", "full")
GLANCE_WORDS = 215  # the at-a-glance part's budget (the key claims get what the rest leaves)
MIN_CLAIMS = 5
CLAIM_WORDS = 32  # a longer claim is cut with "…" (its citation gives the whole sentence)
SHORTEST = 16  # claims are never cut shorter than this to fit the budget
OVERHEAD = 16  # words of headings and frames around the at-a-glance part
QUOTE_WORDS = 16
SOURCE_WORDS = 16  # the short form's source list beyond this many words leaves fewer claims
FIGURES, VALUES, SPEAKERS = 3, 3, 3
LEAN = ((3, 2), (2, 1), (1, 1))  # (voices, conflicts) shown, tried in turn until claims fit whole
CHANGES = 5  # lines of what changed (--since) in the short form
SINGLE_SHOWN, SINGLE_WORDS = 2, 14  # single-source claims in the short form, and their length

# The detail sections, in order: (id, title). Their ids are the HTML section ids.
SECTIONS = (
    ("what-changed", "What changed"),
    ("summary", "Summary"),
    ("key-figures", "Key figures"),
    ("facts", "Facts"),
    ("conflicts", "Conflicts"),
    ("who-said-what", "Who said what"),
    ("timeline", "Timeline"),
    ("entities", "Entities"),
    ("sources", "Sources"),
    ("skipped-inputs", "Skipped inputs"),
)
UNFOLDED = ("what-changed", "summary")  # short, cited prose: open where the sections fold
GLANCE_ID, GLANCE_TITLE = "at-a-glance", "At a glance"
COVERAGE_ID, COVERAGE_TITLE = "coverage", "Who reports what"
STATE_MARK = {"states": "●", "omits": "·", "contradicts": "✕"}


@dataclass
class SourceRef:
    number: int
    id: str
    label: str
    short: str  # the label without its "(republished by ...)" note, at most three words


@dataclass
class Cited:
    """A piece of text and the spans that cite it."""

    text: str
    spans: list[Span] = field(default_factory=list)


@dataclass
class GlanceFigure:
    label: str
    verdict: str  # "agree", "updated", "conflict"; "" for a number group (no verdict)
    values: list[Cited]  # one per distinct value, citing every source that gives it


@dataclass
class GlanceConflict:
    subject: str
    kind: str
    values: list[Cited]  # "AP: 1,000", citing the value


@dataclass
class GlanceQuote:
    speaker: str
    text: str
    marks: tuple[str, str]
    span: Span
    outlets: int  # how many outlets quote this speaker


@dataclass
class GlanceClaim:
    claim: KeyClaim
    text: str  # as shown: cut with "…" where the budget asks (the span cites the whole sentence)


@dataclass
class Glance:
    verdict: str
    caveats: list[str]  # what to know before trusting it (not one story, not English)
    figures: list[GlanceFigure]
    claims: list[GlanceClaim]
    conflicts: list[GlanceConflict]
    speakers: list[GlanceQuote]
    single: list[KeyClaim]  # the best single-source claims not among `claims`
    single_total: int  # how many single-source facts there are in all


@dataclass
class Section:
    id: str
    title: str
    count: int  # how many items it holds (facts, quotes, ...): what "--detail full" adds
    open: bool = False  # shown unfolded where the sections fold (HTML): the cited summary


@dataclass
class Report:
    brief: Brief
    detail: Detail
    title: str
    headline: str
    sources: list[SourceRef]
    glance: Glance
    coverage: list[CoverageRow]  # one row per key claim shown, cells in source order
    sections: list[Section]  # the detail sections that have something to show

    def number(self, source_id: str) -> int:
        return next((s.number for s in self.sources if s.id == source_id), 0)


def build(brief: Brief, detail: Detail = "brief") -> Report:
    """The report of a brief: everything the human-readable renderings show."""
    if detail not in DETAILS:
        raise ValueError(f"unknown detail {detail!r}; expected one of {', '.join(DETAILS)}")
    glance = _glance(brief)
    return Report(
        brief=brief,
        detail=detail,
        title=c.title(brief),
        headline=c.headline(brief),
        sources=[
            SourceRef(i, s.id, s.label, short(s.label)) for i, s in enumerate(brief.sources, 1)
        ],
        glance=glance,
        coverage=rank.coverage(brief, [k.claim for k in glance.claims]),
        sections=sections(brief),
    )


def cites(brief: Brief, spans) -> list[tuple[int, Span]]:
    """(source number, first span there) for each cited source, by source number."""
    return sorted(c.refs(brief, spans), key=lambda pair: pair[0])


def claim_spans(brief: Brief, claim: KeyClaim) -> list[Span]:
    """The shown span of a key claim, then its fact's mentions in the other sources."""
    fact = next((f for f in brief.facts if f.id == claim.fact_id), None)
    return [claim.span] + (list(fact.mentions) if fact else [])


def short(label: str) -> str:
    """ "Associated Press (republished by WIBX 950)" -> "Associated Press"."""
    words = re.sub(r"\s*\(.*?\)", "", label).split() or label.split()
    return " ".join(words[:3]) if words else label


def words(text: str) -> int:
    return len(text.split())


def trim(text: str, most: int) -> str:
    """The text cut to `most` words, with "…" where it was cut."""
    parts = text.split()
    return text if len(parts) <= most else " ".join(parts[:most]) + " …"


# --- at a glance ---------------------------------------------------------------------------------
def _glance(brief: Brief) -> Glance:
    figures = _figures(brief)
    shown = [s for f in figures for v in f.values for s in v.spans]
    conflicts = [_conflict(brief, x) for x in rank.real_conflicts(brief) if not _shown(x, shown)]
    ranked = rank.key_claims(brief)
    voices = _voices(brief, [k.text for k in ranked])
    caveats = [x.message for x in brief.caveats if x.kind != "one-witness"]  # in the headline
    fixed = _fixed_words(brief, figures, caveats)
    for n_voices, n_conflicts in LEAN:  # fewer voices and conflicts before claims are cut
        used = fixed + sum(_words(x) for x in conflicts[:n_conflicts])
        used += sum(words(q.text) + 3 for q in voices[:n_voices])
        claims = _fit(ranked, GLANCE_WORDS - used)
        if all(k.text == trim(k.claim.text, CLAIM_WORDS) for k in claims):
            break
    single, best = _single(brief, {k.claim.fact_id for k in claims})
    return Glance(
        verdict(brief), caveats, figures, claims, conflicts[:n_conflicts], voices[:n_voices],
        best, len(single),
    )  # fmt: skip


def _voices(brief: Brief, claims: list[str]) -> list[GlanceQuote]:
    """The main speakers' quotes, those that repeat a key claim left out."""
    voices = [_quote(brief, s) for s in rank.speakers(brief, SPEAKERS * 2, shown=claims)]
    return [q for q in voices if not rank.repeats(q.text, claims)]


def _fixed_words(brief: Brief, figures: list[GlanceFigure], caveats: list[str]) -> int:
    """Words the glance spends before claims, voices and conflicts (a long source list too)."""
    listed = sum(words(short(s.label)) + 1 for s in brief.sources)  # the short form lists them
    fixed = words(verdict(brief)) + sum(_words(f) for f in figures) + OVERHEAD
    return fixed + sum(words(x) + 1 for x in caveats) + max(listed - SOURCE_WORDS, 0)


def _single(brief: Brief, chosen: set[str]):
    """(every single-source fact, the best few not among the key claims); none when the brief
    has one witness (every fact is single-source: the headline says so)."""
    if c.witnesses(brief) == 1:
        return [], []
    single = [f for f in brief.facts if f.status == "single-source"]
    rest = (f for f in single if f.id not in chosen and rank.usable(f))
    return single, rank.ranked_facts(brief, rest, SINGLE_SHOWN)


def _shown(conflict: Conflict, spans: list[Span]) -> bool:
    """A value of the conflict is a key figure's value already shown."""
    return any(
        v.source == s.source and v.start < s.end and s.start < v.end
        for v in conflict.values
        for s in spans
    )


def verdict(brief: Brief) -> str:
    """ "2 sources, 2 independent, 2018-05-13 – 2018-05-14"."""
    days = sorted(s.published for s in brief.sources if s.published)
    span = (
        "" if not days else f", {days[0]}" if days[0] == days[-1] else f", {days[0]} – {days[-1]}"
    )
    return f"{c.headline(brief)}{span}"


def _fit(claims: list[KeyClaim], budget: int) -> list[GlanceClaim]:
    """As many key claims as the budget holds (at least MIN_CLAIMS), each cut to CLAIM_WORDS,
    or shorter where the MIN_CLAIMS best would not fit whole."""
    chosen: list[KeyClaim] = []
    left = budget
    for k in claims:
        cost = min(words(k.text), CLAIM_WORDS) + 2
        if len(chosen) >= MIN_CLAIMS and cost > left:
            break
        chosen.append(k)
        left -= cost
    most = CLAIM_WORDS if left >= 0 else max(SHORTEST, budget // max(len(chosen), 1) - 2)
    return [GlanceClaim(k, trim(k.text, most)) for k in chosen]


def _figures(brief: Brief) -> list[GlanceFigure]:
    """The key figures (conflicts and updates first); without any, the numbers in digits most
    sources give ("one side" is no figure)."""
    quantities = [f for f in c.figures(brief) if f.kind.partition(":")[0] not in c.DATING_MARKS]
    if quantities:  # a year or a day named in a fact is for the timeline, not a key figure
        return [_figure(f) for f in quantities[:FIGURES]]
    groups = [
        g
        for g in brief.numbers
        if len({m.source for m in g.mentions}) > 1 and any(ch.isdigit() for ch in g.text)
    ]
    groups.sort(key=lambda g: -len({m.source for m in g.mentions}))
    return [
        GlanceFigure(g.counts or g.unit or "number", "", [Cited(g.text, list(g.mentions))])
        for g in groups[:FIGURES]
    ]


def _figure(f: Figure) -> GlanceFigure:
    values: dict[tuple, Cited] = {}  # one entry a value: "55 km" and "55 kilometres" are one
    for v in f.values:
        text = " ".join(x for x in (v.qualifier, v.text, v.direction) if x)
        key = (v.qualifier, v.value, v.unit, v.direction)
        values.setdefault(key, Cited(text)).spans.append(v.span)
    ranked = sorted(values.values(), key=lambda x: -len({s.source for s in x.spans}))
    return GlanceFigure(f.label, f.verdict, ranked[:VALUES])


def _conflict(brief: Brief, x: Conflict) -> GlanceConflict:
    values: dict[str, Cited] = {}
    for v in x.values:
        values.setdefault(v.value.casefold(), Cited(v.value)).spans.append(
            Span(v.source, v.start, v.end)
        )
    return GlanceConflict(
        x.subject or c.KIND_TITLE.get(x.kind, x.kind), x.kind, list(values.values())[:VALUES]
    )


def _quote(brief: Brief, speaker: Speaker) -> GlanceQuote:
    group: QuoteGroup = next(g for g in brief.quotes if g.id == speaker.quote)
    mention = group.mentions[0]
    return GlanceQuote(
        speaker.name, trim(mention.text, QUOTE_WORDS), c.marks(group), mention.span, len(speaker.sources)
    )  # fmt: skip


def _words(item: GlanceFigure | GlanceConflict) -> int:
    head = item.label if isinstance(item, GlanceFigure) else item.subject
    return words(head) + 2 + sum(words(v.text) + 1 for v in item.values)


# --- detail sections -------------------------------------------------------------------------------
def sections(brief: Brief) -> list[Section]:
    """The detail sections that have something to show, in `SECTIONS` order."""
    counts = {
        "what-changed": len(c.changes(brief)),
        "summary": len(brief.summary),
        "key-figures": len(brief.figures),
        "facts": len(brief.facts),
        "conflicts": len(brief.conflicts),
        "who-said-what": len(brief.quotes),
        "timeline": len(brief.timeline),
        "entities": len(brief.entities),
        "sources": len(brief.sources),
        "skipped-inputs": len(brief.skipped),
    }
    return [
        Section(i, t, counts[i], i in UNFOLDED) for i, t in SECTIONS if counts[i] or i == "sources"
    ]


def changes(report: Report) -> tuple[list[str], int]:
    """The first CHANGES lines of what changed since an earlier brief (`--since`), and how many
    more there are: the short form shows them first, as the reader asked for them."""
    lines = c.changes(report.brief)
    return lines[:CHANGES], max(len(lines) - CHANGES, 0)


def more_line(report: Report) -> str:
    """What `--detail full` adds: "Summary (4), Facts (58), ..." (the sources are listed anyway)."""
    return ", ".join(f"{s.title} ({s.count})" for s in report.sections if s.id != "sources")


def grid_header(count: int) -> list[str]:
    """Source numbers as column heads, one character a column: tens over units past 9."""
    units = "".join(str(n % 10) for n in range(1, count + 1))
    if count < 10:
        return [units]
    return ["".join(str(n // 10) if n >= 10 else " " for n in range(1, count + 1)), units]


def grid_rows(report: Report) -> list[tuple[int, str]]:
    """(claim number, one mark per source: ● states, ✕ contradicts, · omits) for each key claim."""
    return [
        (i, "".join(STATE_MARK[cell.state] for cell in row.cells))
        for i, row in enumerate(report.coverage, 1)
    ]
