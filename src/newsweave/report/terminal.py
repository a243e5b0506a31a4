"""The brief in a terminal, with rich. Article text is escaped so "[bold]" in a source stays text.

The story at a glance and the coverage grid come first; `detail="full"` adds every section, the
short form ranks and caps the single-source claims and lists the sources.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table

from ..models import Brief, Conflict, Entity, QuoteGroup, Span
from . import _common as c
from . import view
from .view import Detail, Report

STATUS_STYLE = {"corroborated": "green", "conflicting": "red", "single-source": "yellow"}
STATE_STYLE = {"states": "green", "omits": "dim", "contradicts": "red bold"}


def render(
    brief: Brief, *, detail: Detail = "brief", width: int | None = None, color: bool = False
) -> str:
    """The brief as terminal text (`color` adds ANSI styles)."""
    out = io.StringIO()
    console = Console(file=out, width=width or 100, no_color=not color, force_terminal=color)
    print_brief(brief, console, detail=detail)
    return out.getvalue()


def print_brief(brief: Brief, console: Console, *, detail: Detail = "brief") -> None:
    """Print the story at a glance and who reports what; then every section (`detail="full"`,
    in the order the other formats use) or the short form's capped lists."""
    report = view.build(brief, detail)
    console.print(
        Panel(
            f"[bold]{escape(report.title)}[/bold]",
            subtitle=escape(report.glance.verdict),
            box=box.ROUNDED,
        )
    )
    if detail == "brief":
        _changes_short(report, console)
    _glance(report, console)
    _coverage(report, console)
    if detail == "full":
        for section in report.sections:
            SECTIONS[section.id](brief, console)
        return
    _single(report, console)
    _sources_short(report, console)
    console.print(f"[dim]More with --detail full: {escape(view.more_line(report))}[/dim]")


def _changes_short(report: Report, console: Console) -> None:
    lines, more = view.changes(report)
    if lines:
        _rule(console, "What changed")
        for line in lines:
            console.print(f"  {escape(line)}")
        if more:
            console.print(f"  [dim]… {more} more[/dim]")


def _glance(report: Report, console: Console) -> None:
    brief, g = report.brief, report.glance
    _rule(console, view.GLANCE_TITLE)
    for caveat in g.caveats:
        console.print(f"[red bold]Caution:[/] {escape(caveat)}")
    if g.figures:
        console.print("[dim]Key figures[/dim]")
    for f in g.figures:
        verdict = f" ({_verdict(f.verdict)})" if f.verdict else ""
        console.print(f"  [bold]{escape(f.label)}[/bold]{verdict}: {_values(brief, f.values)}")
    if g.claims:
        console.print("[dim]Key claims[/dim]")
    for i, k in enumerate(g.claims, 1):
        console.print(f"{i:>2}. {escape(k.text)} {_cites(brief, view.claim_spans(brief, k.claim))}")
    for x in g.conflicts:
        console.print(
            f"[red]Conflict[/red] {escape(x.subject)}: {_values(brief, x.values, ' vs ')}"
        )
    if g.speakers:
        console.print("[dim]Voices[/dim]")
    for q in g.speakers:
        left, right = q.marks
        console.print(
            f"  [bold]{escape(q.speaker)}[/bold]: {left}{escape(q.text)}{right} {_cites(brief, [q.span])}"
        )


def _cites(brief: Brief, spans: Iterable[Span]) -> str:
    """ "[1][2]" (dim), by source number."""
    return "[dim]" + "".join(f"\\[{n}]" for n, _ in view.cites(brief, spans)) + "[/dim]"


def _verdict(verdict: str) -> str:
    return f"[{VERDICT_STYLE[verdict]}]{escape(c.VERDICT_TITLE[verdict])}[/]"


def _values(brief: Brief, values: list[view.Cited], sep: str = "; ") -> str:
    return sep.join(f"{escape(v.text)} {_cites(brief, v.spans)}" for v in values)


def _coverage(report: Report, console: Console) -> None:
    if not report.coverage:
        return
    _rule(console, f"{view.COVERAGE_TITLE} (● states  ✕ contradicts  · omits)")
    pad = " " * 4
    for head in view.grid_header(len(report.sources)):
        console.print(f"[dim]{pad}{head}[/dim]", highlight=False)
    for (number, marks), row in zip(view.grid_rows(report), report.coverage, strict=True):
        cells = "".join(
            f"[{STATE_STYLE[cell.state]}]{mark}[/]"
            for cell, mark in zip(row.cells, marks, strict=True)
        )
        console.print(f"{number:>2}. {cells}", highlight=False)


def _single(report: Report, console: Console) -> None:
    g = report.glance
    if not g.single:
        return
    _rule(console, f"Only one source says ({g.single_total})")
    for k in g.single:
        console.print(
            f"  • {escape(view.trim(k.text, view.SINGLE_WORDS))} {_cites(report.brief, [k.span])}"
        )
    more = g.single_total - len(g.single)
    if more > 0:
        console.print(f"  [dim]… {more} more[/dim]")


def _sources_short(report: Report, console: Console) -> None:
    console.print(
        "[dim]Sources:[/dim] "
        + " ".join(f"\\[{s.number}] {escape(s.short)}" for s in report.sources)
    )


def _rule(console: Console, title: str) -> None:
    console.print(Rule(f"[bold]{escape(title)}[/bold]", align="left"))


def _refs(brief: Brief, spans: Iterable[Span]) -> str:
    """ "[1][2]" (dim), the numbers of the sources cited."""
    return "[dim]" + "".join(f"\\[{n}]" for n, _ in c.refs(brief, spans)) + "[/dim]"


def _changes(brief: Brief, console: Console) -> None:
    lines = c.changes(brief)
    if lines:
        _rule(console, "What changed")
        for line in lines:
            console.print(f"  {escape(line)}")


def _summary(brief: Brief, console: Console) -> None:
    if not brief.summary:
        return
    _rule(console, "Summary")
    for i, s in enumerate(brief.summary, 1):
        tag = c.summary_tag(brief, s)
        tag = f" [yellow]({escape(tag)})[/yellow]" if tag else ""
        console.print(f"{i}. {escape(s.text)} {_refs(brief, s.citations)}{tag}")


VERDICT_STYLE = {"agree": "green", "updated": "yellow", "conflict": "red"}


def _figures(brief: Brief, console: Console) -> None:
    if not brief.figures:
        return
    _rule(console, "Key figures")
    for f in c.figures(brief):
        values = "; ".join(escape(c.figure_value(brief, v)) for v in f.values)
        verdict = f"[{VERDICT_STYLE[f.verdict]}]{escape(c.VERDICT_TITLE[f.verdict])}[/]"
        console.print(
            f"  • [bold]{escape(f.label)}[/bold] ({verdict}): {values} {_refs(brief, [v.span for v in f.values])}"
        )


def _facts(brief: Brief, console: Console) -> None:
    if not brief.facts:
        return
    _rule(console, "Facts")
    for status, facts in c.facts_by_status(brief).items():
        if not facts:
            continue
        title = escape(c.STATUS_TITLE.get(status, status))
        console.print(f"[{STATUS_STYLE.get(status, 'bold')} bold]{title} ({len(facts)})[/]")
        for f in facts:
            console.print(
                f"  • {escape(f.text)} {_refs(brief, f.mentions)} [dim]{escape(c.fact_line(brief, f))}[/dim]"
            )


def _conflicts(brief: Brief, console: Console) -> None:
    groups = c.conflicts_by_kind(brief)
    if not groups:
        return
    _rule(console, "Conflicts")
    table = Table(box=box.SIMPLE_HEAD, expand=True)
    table.add_column("kind", no_wrap=True)
    for name, ratio in (("subject", 2), ("values", 4), ("note", 3)):
        table.add_column(name, ratio=ratio, overflow="fold")
    for kind, conflicts in groups.items():
        for x in conflicts:
            table.add_row(
                escape(c.KIND_TITLE.get(kind, kind)),
                escape(x.subject),
                _conflict_values(brief, x),
                f"[dim]{escape(x.note)}[/dim]",
            )
    console.print(table)


def _conflict_values(brief: Brief, conflict: Conflict) -> str:
    """One line per source: "AP: “1,000”"."""
    return "\n".join(
        f"{escape(c.label(brief, v.source))}: [bold]“{escape(v.value)}”[/bold]"
        for v in conflict.values
    )


def _quotes(brief: Brief, console: Console) -> None:
    if not brief.quotes:
        return
    _rule(console, "Who said what")
    for name, groups in c.by_speaker(brief.quotes):
        console.print(f"[bold]{escape(name)}[/bold]")
        for g in groups:
            _quote_group(brief, g, console)


def _quote_group(brief: Brief, g: QuoteGroup, console: Console) -> None:
    left, right = c.marks(g)
    for sid, text, span in c.wordings(g):
        named = c.named_elsewhere(brief, g, sid)
        console.print(
            f"  {escape(c.label(brief, sid))} {_refs(brief, [span])}: {left}{escape(text)}{right}"
            + (f" [dim]({escape(named)})[/dim]" if named else "")
        )
    if g.variant and g.diff:
        console.print(
            "  [dim]wording differs:[/dim] " + " ".join(_diff_word(op, w) for op, w in g.diff)
        )
    for note in g.notes:
        console.print(f"  [dim]{escape(note)}[/dim]")


def _diff_word(op: str, words: str) -> str:
    """ "-" words red and struck (only in the first wording), "+" words green (only in the second);
    the op stays visible as [-x-] / {+x+} so the diff reads without colour."""
    if op == "-":
        return f"[red strike]{escape(f'[-{words}-]')}[/]"
    if op == "+":
        return f"[green bold]{escape(f'{{+{words}+}}')}[/]"
    return escape(words)


def _timeline(brief: Brief, console: Console) -> None:
    if not brief.timeline and not brief.undated:
        return
    _rule(console, "Timeline")
    for e in [*brief.timeline, *brief.undated]:
        console.print(
            f"[bold]{escape(c.when(e))}[/bold]  {escape(e.text)} {_refs(brief, e.mentions)}"
        )


def _entities(brief: Brief, console: Console) -> None:
    if not brief.entities:
        return
    _rule(console, "Entities")
    for etype, entities in c.entities_by_type(brief).items():
        if entities:
            console.print(f"[bold]{escape(c.type_title(etype))}[/bold]")
            for e in entities:
                console.print(_entity_line(brief, e))


def _entity_line(brief: Brief, e: Entity) -> str:
    extra = "; ".join(c.entity_details(e))
    detail = f" [dim]({escape(extra)})[/dim]" if extra else ""
    n = c.numbers(brief)
    refs = "".join(f"\\[{i}]" for i in sorted(n[s] for s in c.entity_sources(e) if s in n))
    return f"  • {escape(e.name)}{detail} [dim]{refs}[/dim]"


def _sources(brief: Brief, console: Console) -> None:
    _rule(console, "Sources")
    for i, s in enumerate(brief.sources, 1):
        title = f" “{escape(s.title)}”" if s.title else ""
        console.print(f"\\[{i}] [bold]{escape(s.label)}[/bold], {escape(c.published(s))}{title}")
        if s.url:
            console.print(f"    [dim]{escape(s.url)}[/dim]", overflow="fold")
        for r in s.removed:
            console.print(
                f"    [dim]removed: “{escape(r.text)}” ({escape(c.removal_reason(r))})[/dim]"
            )


def _skipped(brief: Brief, console: Console) -> None:
    if brief.skipped:
        _rule(console, "Skipped inputs")
        for s in brief.skipped:
            console.print(f"[red]{escape(s.path)}[/red]: {escape(s.reason)}")


SECTIONS = {
    "what-changed": _changes,
    "summary": _summary,
    "key-figures": _figures,
    "facts": _facts,
    "conflicts": _conflicts,
    "who-said-what": _quotes,
    "timeline": _timeline,
    "entities": _entities,
    "sources": _sources,
    "skipped-inputs": _skipped,
}
