"""The brief as Markdown. Article text is escaped so it can never become markup."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..models import Brief, Conflict, Entity, Fact, QuoteGroup, Source, Span, SummarySentence
from . import _common as c
from . import view
from .view import Detail, Report

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~!{}])")
_LEADING = re.compile(r"^(\d+)([.)])|^([-+=])")


def md(text: object) -> str:
    """Article text made inert: Markdown/HTML characters backslash-escaped, newlines flattened,
    a leading list or heading marker defused."""
    flat = _SPECIAL.sub(r"\\\1", " ".join(("" if text is None else str(text)).split()))
    return _LEADING.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", flat)


def render(brief: Brief, *, detail: Detail = "brief", **_: object) -> str:
    return to_markdown(brief, detail=detail)


def to_markdown(brief: Brief, *, detail: Detail = "brief") -> str:
    """The brief as one Markdown document: the story at a glance and who reports what, then
    every section (`detail="full"`) or the short form's capped lists."""
    report = view.build(brief, detail)
    parts = [_header(report), _glance(report), _coverage(report)]
    if detail == "full":
        parts += [SECTIONS[s.id](brief) for s in report.sections]
    else:
        parts[1:1] = [_changes_short(report)]
        parts += [_single(report), _sources_short(report), _more(report)]
    return "\n\n".join(p for p in parts if p).rstrip() + "\n"


def _cites(brief: Brief, spans: Iterable[Span]) -> str:
    return "".join(f"[{n}]" for n, _ in view.cites(brief, spans))


def _changes_short(report: Report) -> str:
    lines, more = view.changes(report)
    items = [f"- {md(line)}" for line in lines] + ([f"- … {more} more"] if more else [])
    return _section("What changed", items) if lines else ""


def _glance(report: Report) -> str:
    brief, g = report.brief, report.glance
    lines: list[str] = [f"**Caution:** {md(caveat)}\n" for caveat in g.caveats]
    if g.figures:
        lines += ["**Key figures**", "", *(_glance_figure(brief, f) for f in g.figures), ""]
    if g.claims:
        lines += ["**Key claims**", ""]
        lines += [
            f"{i}. {md(k.text)} {_cites(brief, view.claim_spans(brief, k.claim))}"
            for i, k in enumerate(g.claims, 1)
        ] + [""]
    if g.conflicts:
        lines += ["**Conflicts**", "", *(_glance_conflict(brief, x) for x in g.conflicts), ""]
    if g.speakers:
        lines += ["**Voices**", "", *(_voice(brief, q) for q in g.speakers)]
    return _section(view.GLANCE_TITLE, lines).rstrip()


def _glance_values(brief: Brief, values: list[view.Cited], sep: str = "; ") -> str:
    return sep.join(f"{md(v.text)} {_cites(brief, v.spans)}" for v in values)


def _glance_figure(brief: Brief, f: view.GlanceFigure) -> str:
    verdict = f" ({md(c.VERDICT_TITLE[f.verdict])})" if f.verdict else ""
    return f"- **{md(f.label)}**{verdict}: {_glance_values(brief, f.values)}"


def _glance_conflict(brief: Brief, x: view.GlanceConflict) -> str:
    return f"- **{md(x.subject)}**: {_glance_values(brief, x.values, ' vs ')}"


def _voice(brief: Brief, q: view.GlanceQuote) -> str:
    left, right = q.marks
    return f"- **{md(q.speaker)}**: {left}{md(q.text)}{right} {_cites(brief, [q.span])}"


def _coverage(report: Report) -> str:
    if not report.coverage:
        return ""
    head = "| claim | " + " | ".join(f"[{s.number}]" for s in report.sources) + " |"
    rule = "|---|" + "---|" * len(report.sources)
    rows = [f"| {number} | " + " | ".join(marks) + " |" for number, marks in view.grid_rows(report)]
    key = "● states, ✕ contradicts, · omits"
    return _section(view.COVERAGE_TITLE, [head, rule, *rows, "", key])


def _single(report: Report) -> str:
    g = report.glance
    lines = [
        f"- {md(view.trim(k.text, view.SINGLE_WORDS))} {_cites(report.brief, [k.span])}"
        for k in g.single
    ]
    more = g.single_total - len(g.single)
    lines += [f"- … {more} more"] if more > 0 and lines else []
    return _section(f"Only one source says ({g.single_total})", lines)


def _sources_short(report: Report) -> str:
    return "Sources: " + " ".join(f"[{s.number}] {md(s.short)}" for s in report.sources)


def _more(report: Report) -> str:
    more = view.more_line(report)
    return f"*More with --detail full: {md(more)}*" if more else ""


def _refs(brief: Brief, spans: Iterable[Span]) -> str:
    """ "[1][2]": the numbers of the sources cited (no link definitions exist, so they stay text)."""
    return "".join(f"[{n}]" for n, _ in c.refs(brief, spans))


def _section(title: str, lines: list[str]) -> str:
    return "\n".join([f"## {title}", "", *lines]) if lines else ""


def _header(report: Report) -> str:
    return f"# {md(report.title)}\n\n{md(report.glance.verdict)}."


def _changes(brief: Brief) -> str:
    lines = c.changes(brief)
    return _section("What changed", [f"- {md(line)}" for line in lines]) if lines else ""


def _summary(brief: Brief) -> str:
    return _section("Summary", [_summary_line(brief, s) for s in brief.summary])


def _summary_line(brief: Brief, sentence: SummarySentence) -> str:
    tag = c.summary_tag(brief, sentence)
    return f"- {md(sentence.text)} {_refs(brief, sentence.citations)}" + (
        f" *({md(tag)})*" if tag else ""
    )


def _figures(brief: Brief) -> str:
    return _section("Key figures", [_figure_line(brief, f) for f in c.figures(brief)])


def _figure_line(brief: Brief, f) -> str:
    values = "; ".join(md(c.figure_value(brief, v)) for v in f.values)
    return f"- **{md(f.label)}** ({md(c.VERDICT_TITLE[f.verdict])}): {values} {_refs(brief, [v.span for v in f.values])}"


def _facts(brief: Brief) -> str:
    lines: list[str] = []
    for status, facts in c.facts_by_status(brief).items():
        if facts:
            title = c.STATUS_TITLE.get(status, status)
            lines += [f"### {title} ({len(facts)})", "", *(_fact_line(brief, f) for f in facts), ""]
    return _section("Facts", lines).rstrip()


def _fact_line(brief: Brief, fact: Fact) -> str:
    return f"- {md(fact.text)} {_refs(brief, fact.mentions)} — {md(c.fact_line(brief, fact))}"


def _conflicts(brief: Brief) -> str:
    lines: list[str] = []
    for kind, conflicts in c.conflicts_by_kind(brief).items():
        lines += [
            f"### {md(c.KIND_TITLE.get(kind, kind))}",
            "",
            *(_conflict_line(brief, x) for x in conflicts),
            "",
        ]
    return _section("Conflicts", lines).rstrip()


def _conflict_line(brief: Brief, conflict: Conflict) -> str:
    values = "; ".join(f"{md(c.label(brief, v.source))}: “{md(v.value)}”" for v in conflict.values)
    subject = f"**{md(conflict.subject)}**: " if conflict.subject else ""
    note = f" — {md(conflict.note)}" if conflict.note else ""
    return f"- {subject}{values}{note}"


def _quotes(brief: Brief) -> str:
    lines: list[str] = []
    for name, groups in c.by_speaker(brief.quotes):
        lines += [f"**{md(name)}**", ""]
        for g in groups:
            lines += [*_quote_lines(brief, g), ""]
    return _section("Who said what", lines).rstrip()


def _quote_lines(brief: Brief, g: QuoteGroup) -> list[str]:
    n = c.numbers(brief)
    left, right = c.marks(g)
    lines = [
        f"- {md(c.label(brief, sid))} [{n.get(sid, '?')}]: {left}{md(text)}{right}"
        + (f" *({md(named)})*" if (named := c.named_elsewhere(brief, g, sid)) else "")
        for sid, text, _ in c.wordings(g)
    ]
    if g.variant and g.diff:
        lines.append(
            "- wording differs: " + " ".join(_diff_word(op, words) for op, words in g.diff)
        )
    return lines + [f"- *{md(note)}*" for note in g.notes]


def _diff_word(op: str, words: str) -> str:
    """ "-" words struck through (only in the first wording), "+" words in bold (only in the second)."""
    if op == "-":
        return f"~~{md(words)}~~"
    if op == "+":
        return f"**{md(words)}**"
    return md(words)


def _timeline(brief: Brief) -> str:
    lines = [
        f"- **{md(c.when(e))}**: {md(e.text)} {_refs(brief, e.mentions)}"
        for e in [*brief.timeline, *brief.undated]
    ]
    return _section("Timeline", lines)


def _entities(brief: Brief) -> str:
    lines: list[str] = []
    for etype, entities in c.entities_by_type(brief).items():
        if entities:
            lines += [
                f"### {md(c.type_title(etype))}",
                "",
                *(_entity_line(brief, e) for e in entities),
                "",
            ]
    return _section("Entities", lines).rstrip()


def _entity_line(brief: Brief, e: Entity) -> str:
    details = "; ".join(md(d) for d in c.entity_details(e))
    n = c.numbers(brief)
    refs = "".join(f"[{i}]" for i in sorted(n[s] for s in c.entity_sources(e) if s in n))
    return f"- **{md(e.name)}** {refs}" + (f" ({details})" if details else "")


def _sources(brief: Brief) -> str:
    lines: list[str] = []
    for i, s in enumerate(brief.sources, 1):
        lines += [
            _source_line(i, s),
            *(f"   - removed: “{md(r.text)}” ({md(c.removal_reason(r))})" for r in s.removed),
        ]
    return _section("Sources", lines)


def _source_line(number: int, s: Source) -> str:
    bits = [f"**{md(s.label)}**", md(c.published(s))]
    if s.title:
        bits.append(f"“{md(s.title)}”")
    if s.url:
        bits.append(_url(s))
    return f"{number}. {', '.join(bits)}"


def _url(s: Source) -> str:
    """An autolink for a plain http(s) URL; any other URL as escaped text."""
    url = c.link_url(s)
    if url and not re.search(r"[\s<>\\`]", url):
        return f"<{url}>"
    return md(s.url)


def _skipped(brief: Brief) -> str:
    return _section("Skipped inputs", [f"- {md(s.path)}: {md(s.reason)}" for s in brief.skipped])


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
