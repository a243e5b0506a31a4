"""The brief as Markdown. Article text is escaped so it can never become markup."""

from __future__ import annotations

import re

from ..models import Brief, Span
from . import _common as c

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def md(text: str | None) -> str:
    """Article text made inert: Markdown and HTML characters backslash-escaped, newlines flattened."""
    return _SPECIAL.sub(r"\\\1", " ".join((text or "").split()))


def to_markdown(brief: Brief) -> str:
    parts = [_header(brief), _summary(brief), _facts(brief), _conflicts(brief), _quotes(brief),
             _timeline(brief), _entities(brief), _sources(brief), _skipped(brief)]
    return "\n\n".join(p for p in parts if p).rstrip() + "\n"


def _refs(brief: Brief, spans: list[Span]) -> str:
    n = c.numbers(brief)
    return "".join(f"[{n[s]}]" for s in c.distinct_sources(spans) if s in n)


def _header(brief: Brief) -> str:
    return f"# {md(c.title(brief))}\n\n{len(brief.sources)} sources, {c.witnesses(brief)} independent."


def _summary(brief: Brief) -> str:
    lines = ["## Summary", ""]
    for s in brief.summary:
        tag = c.summary_tag(brief, s)
        tag = f" *({md(tag)})*" if tag else ""
        lines.append(f"- {md(s.text)} {_refs(brief, s.citations)}{tag}")
    return "\n".join(lines)


def _facts(brief: Brief) -> str:
    lines = ["## Facts"]
    for status, facts in c.facts_by_status(brief).items():
        if facts:
            lines += ["", f"### {c.STATUS_TITLE[status]} ({len(facts)})", ""]
            lines += [f"- {md(f.text)} {_refs(brief, f.mentions)} — {md(c.fact_line(brief, f))}" for f in facts]
    return "\n".join(lines)


def _conflicts(brief: Brief) -> str:
    groups = c.conflicts_by_kind(brief)
    if not groups:
        return ""
    lines = ["## Conflicts"]
    for kind, conflicts in groups.items():
        lines += ["", f"### {c.KIND_TITLE.get(kind, kind)}", ""]
        for conflict in conflicts:
            values = "; ".join(f"{md(c.label(brief, v.source))}: “{md(v.value)}”" for v in conflict.values)
            subject = f"**{md(conflict.subject)}**: " if conflict.subject else ""
            lines.append(f"- {subject}{values}. {md(conflict.note)}")
    return "\n".join(lines)


def _quotes(brief: Brief) -> str:
    if not brief.quotes:
        return ""
    lines = ["## Who said what"]
    for g in brief.quotes:
        lines += ["", f"**{md(g.speaker or 'unattributed')}**", ""]
        lines += [f"- {md(c.label(brief, sid))}: “{md(text)}”" for sid, text in c.wordings(g)]
        if g.variant and g.diff:
            lines.append("- difference: " + " ".join(_diff_word(op, words) for op, words in g.diff))
        lines += [f"- *{md(note)}*" for note in g.notes]
    return "\n".join(lines)


def _diff_word(op: str, words: str) -> str:
    if op == "-":
        return f"~~{md(words)}~~"
    if op == "+":
        return f"**{md(words)}**"
    return md(words)


def _timeline(brief: Brief) -> str:
    if not brief.timeline:
        return ""
    lines = ["## Timeline", ""]
    lines += [f"- **{c.when(e)}**: {md(e.text)} {_refs(brief, e.mentions)}" for e in brief.timeline]
    return "\n".join(lines)


def _entities(brief: Brief) -> str:
    lines = ["## Entities"]
    for etype, entities in c.entities_by_type(brief).items():
        if entities:
            lines += ["", f"### {c.TYPE_TITLE[etype]}", ""]
            lines += [_entity_line(brief, e) for e in entities]
    return "\n".join(lines)


def _entity_line(brief: Brief, e) -> str:
    extra = []
    if e.aliases:
        extra.append("also " + ", ".join(md(a) for a in e.aliases))
    if c.roles(e):
        extra.append("; ".join(md(r) for r in c.roles(e)))
    n = c.numbers(brief)
    refs = "".join(f"[{n[s]}]" for s in e.sources if s in n)
    return f"- {md(e.name)} {refs}" + (f" ({' — '.join(extra)})" if extra else "")


def _sources(brief: Brief) -> str:
    lines = ["## Sources", ""]
    for i, s in enumerate(brief.sources, 1):
        bits = [md(s.label), str(s.published or "date unknown")]
        if s.title:
            bits.append(f"“{md(s.title)}”")
        if s.url:
            bits.append(md(s.url))
        removed = f" Removed: {', '.join(f'{md(r.text)} ({r.reason})' for r in s.removed)}." if s.removed else ""
        lines.append(f"{i}. {', '.join(bits)}.{removed}")
    return "\n".join(lines)


def _skipped(brief: Brief) -> str:
    if not brief.skipped:
        return ""
    return "## Skipped inputs\n\n" + "\n".join(f"- {md(s.path)}: {md(s.reason)}" for s in brief.skipped)
