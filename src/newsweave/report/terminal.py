"""The brief in a terminal, with rich. Article text is escaped so "[bold]" in a source stays text."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.rule import Rule

from ..models import Brief, Span
from . import _common as c

STATUS_STYLE = {"corroborated": "green", "conflicting": "red", "single-source": "yellow"}


def print_brief(brief: Brief, console: Console) -> None:
    """Print every section of the brief."""
    console.print(f"[bold]{escape(c.title(brief))}[/bold]  [dim]{len(brief.sources)} sources, "
                  f"{c.witnesses(brief)} independent[/dim]")
    for section in (_summary, _conflicts, _quotes, _timeline, _facts, _entities, _sources, _skipped):
        section(brief, console)


def _rule(console: Console, title: str) -> None:
    console.print(Rule(f"[bold]{title}[/bold]", align="left"))


def _refs(brief: Brief, spans: list[Span]) -> str:
    n = c.numbers(brief)
    return "[dim]" + "".join(f"\\[{n[s]}]" for s in c.distinct_sources(spans) if s in n) + "[/dim]"


def _summary(brief: Brief, console: Console) -> None:
    _rule(console, "Summary")
    for i, s in enumerate(brief.summary, 1):
        tag = c.summary_tag(brief, s)
        tag = f" [yellow]({escape(tag)})[/yellow]" if tag else ""
        console.print(f"{i}. {escape(s.text)} {_refs(brief, s.citations)}{tag}")


def _facts(brief: Brief, console: Console) -> None:
    _rule(console, "Facts")
    for status, facts in c.facts_by_status(brief).items():
        if not facts:
            continue
        console.print(f"[{STATUS_STYLE[status]} bold]{c.STATUS_TITLE[status]} ({len(facts)})[/]")
        for f in facts:
            console.print(f"  • {escape(f.text)} {_refs(brief, f.mentions)} [dim]{escape(c.fact_line(brief, f))}[/dim]")


def _conflicts(brief: Brief, console: Console) -> None:
    groups = c.conflicts_by_kind(brief)
    if not groups:
        return
    _rule(console, "Conflicts")
    for kind, conflicts in groups.items():
        for x in conflicts:
            values = "; ".join(f"{escape(c.label(brief, v.source))}: “{escape(v.value)}”" for v in x.values)
            subject = f"[bold]{escape(x.subject)}[/bold]: " if x.subject else ""
            console.print(f"[red]{escape(c.KIND_TITLE.get(kind, kind))}[/red] {subject}{values}")
            console.print(f"  [dim]{escape(x.note)}[/dim]")


def _quotes(brief: Brief, console: Console) -> None:
    if not brief.quotes:
        return
    _rule(console, "Who said what")
    for g in brief.quotes:
        console.print(f"[bold]{escape(g.speaker or 'unattributed')}[/bold]")
        for sid, text in c.wordings(g):
            console.print(f"  {escape(c.label(brief, sid))}: “{escape(text)}”")
        if g.variant and g.diff:
            console.print("  difference: " + " ".join(_diff_word(op, w) for op, w in g.diff))
        for note in g.notes:
            console.print(f"  [dim]{escape(note)}[/dim]")


def _diff_word(op: str, words: str) -> str:
    style = {"-": "red strike", "+": "green bold"}.get(op)
    text = escape(words) if op == "=" else escape(f"{op}{words}")
    return f"[{style}]{text}[/]" if style else text


def _timeline(brief: Brief, console: Console) -> None:
    if not brief.timeline:
        return
    _rule(console, "Timeline")
    for e in brief.timeline:
        console.print(f"[bold]{c.when(e)}[/bold]  {escape(e.text)} {_refs(brief, e.mentions)}")


def _entities(brief: Brief, console: Console) -> None:
    _rule(console, "Entities")
    for etype, entities in c.entities_by_type(brief).items():
        if entities:
            names = []
            for e in entities:
                extra = ", ".join([*e.aliases, *c.roles(e)])
                names.append(escape(e.name) + (f" [dim]({escape(extra)})[/dim]" if extra else ""))
            console.print(f"[bold]{c.TYPE_TITLE[etype]}:[/bold] " + "; ".join(names))


def _sources(brief: Brief, console: Console) -> None:
    _rule(console, "Sources")
    for i, s in enumerate(brief.sources, 1):
        title = f" “{escape(s.title)}”" if s.title else ""
        removed = ", ".join(f"{escape(r.text)} ({r.reason})" for r in s.removed)
        console.print(f"\\[{i}] {escape(s.label)}, {s.published or 'date unknown'}{title}"
                      + (f"\n    [dim]removed: {removed}[/dim]" if removed else ""))


def _skipped(brief: Brief, console: Console) -> None:
    if brief.skipped:
        _rule(console, "Skipped inputs")
        for s in brief.skipped:
            console.print(f"[red]{escape(s.path)}[/red]: {escape(s.reason)}")
