"""The brief as one self-contained HTML page: inline CSS, no scripts, no external assets.

Every piece of article-derived text goes through `esc` (html.escape with quotes). Citations link
to `id`s on the cited spans in the Sources section; CSS `:target` highlights the clicked span.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from ..align import rank
from ..models import Brief, Conflict, Entity, Fact, QuoteGroup, Source, Span, SummarySentence
from . import _common as c
from . import view
from .view import Detail, Report

CSS = """
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{border-bottom:1px solid #ddd;margin-top:2rem}
.meta{color:#666}.tag{font-size:.8rem;color:#8a5a00;background:#fff3d6;padding:0 .3rem;border-radius:3px}
.refs a{font-size:.8rem;text-decoration:none;margin-left:.15rem}
mark{background:#f3f3f3;color:inherit}mark:target,span:target{background:#ffd27a;outline:2px solid #e07b00}
del{color:#a00}ins{color:#070;text-decoration:none;font-weight:600}
.src .text{white-space:pre-wrap}.quote{margin:.2rem 0 .2rem 1rem}.quote-group{margin-bottom:.6rem}
details{color:#555;margin:.5rem 0}li{margin:.25rem 0}
table{border-collapse:collapse}td,th{border-bottom:1px solid #eee;padding:.2rem .5rem;text-align:left;vertical-align:top}
td.conflict{color:#a00}td.updated{color:#8a5a00}td.agree{color:#070}
.conflict{color:#a00}.updated{color:#8a5a00}.agree{color:#070}
details.section{color:inherit}details.section>summary{font-size:1.2rem;font-weight:600;cursor:pointer;margin-top:1rem}details.section>section>h2{display:none}
.caution{color:#a00}.grid{overflow-x:auto}table.coverage td{text-align:center}table.coverage a{text-decoration:none;color:inherit}
td.states{color:#070}td.contradicts{color:#a00;font-weight:700}td.omits{color:#bbb}th.claim{font-weight:400;min-width:14rem;max-width:22rem}
"""


def esc(text: object) -> str:
    """Any value as inert HTML text (quotes escaped too, so it is safe in attributes)."""
    return escape("" if text is None else str(text), quote=True)


def render(brief: Brief, *, detail: Detail = "brief", **_: object) -> str:
    return to_html(brief, detail=detail)


def to_html(brief: Brief, *, detail: Detail = "brief") -> str:
    """The whole brief as one HTML page: the story at a glance and who reports what, then every
    section in a collapsible `<details>` (open with `detail="full"`)."""
    report = view.build(brief, detail)
    head = f"<h1>{esc(report.title)}</h1><p class=meta>{esc(report.glance.verdict)}</p>"
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        "<meta name=viewport content='width=device-width,initial-scale=1'>"
        f"<title>{esc(report.title)} · newsweave</title><style>{CSS}</style></head>"
        f"<body>{head}{body(report)}</body></html>\n"
    )


def body(report: Report) -> str:
    """At a glance, who reports what, then each detail section in a `<details>` (the cited
    summary and what changed open, the rest folded; all open with `detail="full"`): the page
    body the CLI and the web app's story page share."""
    folded = "".join(
        f"<details class=section{' open' if s.open or report.detail == 'full' else ''}>"
        f"<summary>{esc(s.title)} ({s.count})</summary>"
        f"{SECTIONS[s.id](report.brief)}</details>"
        for s in report.sections
    )
    return glance(report) + coverage(report) + folded


def sections(brief: Brief) -> str:
    """Every detail section (no page around them, none folded), each a `<section id>`."""
    return "".join(SECTIONS[s.id](brief) for s in view.sections(brief))


def _cites(brief: Brief, spans: Iterable[Span]) -> str:
    links = "".join(_link(brief, n, s) for n, s in view.cites(brief, spans))
    return f"<span class=refs>{links}</span>"


def glance(report: Report) -> str:
    """The story at a glance: key figures, key claims, real conflicts, voices."""
    brief, g = report.brief, report.glance
    parts = [f"<p class=caution><b>Caution:</b> {esc(caveat)}</p>" for caveat in g.caveats]
    if g.figures:
        parts.append("<h3>Key figures</h3>" + _list(_glance_figure(brief, f) for f in g.figures))
    claims = (f"{esc(k.text)}{_cites(brief, view.claim_spans(brief, k.claim))}" for k in g.claims)
    parts.append("<h3>Key claims</h3>" + _list(claims, "ol") if g.claims else "")
    if g.conflicts:
        parts.append("<h3>Conflicts</h3>" + _list(_glance_conflict(brief, x) for x in g.conflicts))
    if g.speakers:
        parts.append("<h3>Voices</h3>" + _list(_voice(brief, q) for q in g.speakers))
    return _section(view.GLANCE_TITLE, "".join(parts), view.GLANCE_ID)


def _glance_values(brief: Brief, values: list[view.Cited], sep: str = "; ") -> str:
    return sep.join(f"{esc(v.text)}{_cites(brief, v.spans)}" for v in values)


def _glance_figure(brief: Brief, f: view.GlanceFigure) -> str:
    verdict = (
        f" <span class={f.verdict}>({esc(c.VERDICT_TITLE[f.verdict])})</span>" if f.verdict else ""
    )
    return f"<b>{esc(f.label)}</b>{verdict}: {_glance_values(brief, f.values)}"


def _glance_conflict(brief: Brief, x: view.GlanceConflict) -> str:
    return f"<b>{esc(x.subject)}</b>: {_glance_values(brief, x.values, ' vs ')}"


def _voice(brief: Brief, q: view.GlanceQuote) -> str:
    left, right = q.marks
    return f"<b>{esc(q.speaker)}</b>: {left}{esc(q.text)}{right}{_cites(brief, [q.span])}"


STATE_TITLE = {"states": "states it", "omits": "omits it", "contradicts": "contradicts it"}


def coverage(report: Report) -> str:
    """Who reports what: a table of key claims by source, each cell linking to its span."""
    if not report.coverage:
        return ""
    heads = "".join(
        f"<th title='{esc(s.label)}'>[{s.number}] {esc(s.short)}</th>" for s in report.sources
    )
    rows = "".join(
        f"<tr><th class=claim>{i}. {esc(view.trim(k.text, 12))}</th>"
        + "".join(_cell(report, cell) for cell in row.cells)
        + "</tr>"
        for i, (k, row) in enumerate(zip(report.glance.claims, report.coverage, strict=True), 1)
    )
    key = "<p class=meta>● states it, ✕ contradicts it, · omits it</p>"
    return _section(
        view.COVERAGE_TITLE,
        ident=view.COVERAGE_ID,
        inner=f"<div class=grid><table class=coverage><tr><th>claim</th>{heads}</tr>{rows}</table></div>{key}",
    )


def _cell(report: Report, cell) -> str:
    mark = view.STATE_MARK[cell.state]
    title = f"{esc(c.label(report.brief, cell.source))} {STATE_TITLE[cell.state]}"
    if cell.span is None:
        return f"<td class={cell.state} title='{title}'>{mark}</td>"
    href = c.anchor(report.brief, cell.span)
    return f"<td class={cell.state} title='{title}'><a href='#{href}'>{mark}</a></td>"


def _link(brief: Brief, number: int, span: Span) -> str:
    """A citation "[n]" linking to the cited span's mark in the Sources section."""
    return f"<a href='#{c.anchor(brief, span)}' title='{esc(c.label(brief, span.source))}'>[{number}]</a>"


def _refs(brief: Brief, spans: Iterable[Span], *, every: bool = False) -> str:
    """Citation links: one per cited source, or with `every` one per distinct cited span."""
    pairs = c.span_refs(brief, spans) if every else c.refs(brief, spans)
    return f"<span class=refs>{''.join(_link(brief, n, s) for n, s in pairs)}</span>"


def _section(title: str, inner: str, ident: str | None = None) -> str:
    ident = ident or "-".join(title.lower().split())
    return f"<section id={ident}><h2>{esc(title)}</h2>{inner}</section>" if inner else ""


def _list(items: Iterable[str], tag: str = "ul") -> str:
    joined = "".join(f"<li>{item}</li>" for item in items)
    return f"<{tag}>{joined}</{tag}>" if joined else ""


def _changes(brief: Brief) -> str:
    return _section("What changed", _list(esc(line) for line in c.changes(brief)))


def _summary(brief: Brief) -> str:
    return _section("Summary", _list((_summary_item(brief, s) for s in brief.summary), "ol"))


def _summary_item(brief: Brief, sentence: SummarySentence) -> str:
    tag = c.summary_tag(brief, sentence)
    tag_html = f" <span class=tag>({esc(tag)})</span>" if tag else ""
    return f"{esc(sentence.text)}{_refs(brief, sentence.citations, every=True)}{tag_html}"


def _facts(brief: Brief) -> str:
    parts = []
    for status, facts in c.facts_by_status(brief).items():
        if facts:
            title = esc(c.STATUS_TITLE.get(status, status))
            parts.append(f"<h3>{title} ({len(facts)})</h3>{_list(_fact(brief, f) for f in facts)}")
    return _section("Facts", "".join(parts))


def _fact(brief: Brief, fact: Fact) -> str:
    why = c.why(fact.why)
    detail = f"<details><summary>why grouped</summary>{esc(why)}</details>" if why else ""
    if fact.nearest is not None:
        near = fact.nearest.span
        text = brief.source(near.source).text[near.start : near.end]
        detail += f"<details><summary>closest elsewhere</summary>{esc(text)}{_refs(brief, [near])}</details>"
    return f"{esc(fact.text)}{_refs(brief, fact.mentions)} <span class=meta>{esc(c.fact_line(brief, fact))}</span>{detail}"


def _figures(brief: Brief) -> str:
    rows = "".join(_figure_row(brief, f) for f in c.figures(brief))
    table = (
        f"<table><tr><th>figure</th><th>verdict</th><th>values</th></tr>{rows}</table>"
        if rows
        else ""
    )
    return _section("Key figures", table)


def _figure_row(brief: Brief, f) -> str:
    values = "<br>".join(
        f"{esc(c.figure_value(brief, v))}{_refs(brief, [v.span])}" for v in f.values
    )
    note = f"<details><summary>why</summary>{esc(f.note)}</details>" if f.note else ""
    return f"<tr><td>{esc(f.label)}</td><td class={f.verdict}>{esc(c.VERDICT_TITLE[f.verdict])}{note}</td><td>{values}</td></tr>"


def _conflicts(brief: Brief) -> str:
    parts = []
    for kind, conflicts in c.conflicts_by_kind(brief).items():
        parts.append(
            f"<h3>{esc(c.KIND_TITLE.get(kind, kind))}</h3>{_list(_conflict(brief, x) for x in conflicts)}"
        )
    return _section("Conflicts", "".join(parts))


def _conflict(brief: Brief, conflict: Conflict) -> str:
    values = "; ".join(
        f"{esc(c.label(brief, v.source))}: “<a href='#{c.anchor(brief, Span(v.source, v.start, v.end))}'>{esc(v.value)}</a>”"
        for v in conflict.values
    )
    subject = f"<b>{esc(conflict.subject)}</b>: " if conflict.subject else ""
    note = f"<br><span class=meta>{esc(conflict.note)}</span>" if conflict.note else ""
    return f"{subject}{values}{note}"


def _quotes(brief: Brief) -> str:
    return _section(
        "Who said what",
        "".join(
            f"<h3>{esc(name)}</h3>" + "".join(_quote_group(brief, g) for g in groups)
            for name, groups in c.by_speaker(brief.quotes)
        ),
    )


def _quote_group(brief: Brief, g: QuoteGroup) -> str:
    lines = ["<div class=quote-group>"]
    left, right = c.marks(g)
    for sid, text, span in c.wordings(g):
        named = c.named_elsewhere(brief, g, sid)
        note = f" <span class=meta>({esc(named)})</span>" if named else ""
        lines.append(
            f"<p class=quote>{esc(c.label(brief, sid))}: {left}{esc(text)}{right}{_refs(brief, [span])}{note}</p>"
        )
    if g.variant and g.diff:
        lines.append(
            "<p class=quote>wording differs: "
            + " ".join(_diff_word(op, w) for op, w in g.diff)
            + "</p>"
        )
    lines += [f"<p class='quote meta'>{esc(note)}</p>" for note in g.notes]
    return "".join(lines) + "</div>"


def _diff_word(op: str, words: str) -> str:
    """ "-" words (only in the first wording) as <del>, "+" words (only in the second) as <ins>."""
    tag = {"-": "del", "+": "ins"}.get(op)
    return f"<{tag}>{esc(words)}</{tag}>" if tag else esc(words)


def _timeline(brief: Brief) -> str:
    items = (
        f"<b>{esc(c.when(e))}</b>: {esc(e.text)}{_refs(brief, e.mentions)}"
        for e in [*brief.timeline, *brief.undated]
    )
    return _section("Timeline", _list(items))


def _entities(brief: Brief) -> str:
    parts = []
    for etype, entities in c.entities_by_type(brief).items():
        if entities:
            parts.append(
                f"<h3>{esc(c.type_title(etype))}</h3>{_list(_entity(brief, e) for e in entities)}"
            )
    return _section("Entities", "".join(parts))


def _entity(brief: Brief, e: Entity) -> str:
    details = " · ".join(esc(d) for d in c.entity_details(e))
    detail = f" <span class=meta>({details})</span>" if details else ""
    sources = f" <span class=meta>— {esc(c.labels(brief, c.entity_sources(e)))}</span>"
    return f"<b>{esc(e.name)}</b>{detail}{sources}"


def _sources(brief: Brief) -> str:
    marks = _cited_spans(brief)
    parts = [_source(brief, i, s, marks.get(s.id, [])) for i, s in enumerate(brief.sources, 1)]
    return _section("Sources", "".join(parts))


def _cited_spans(brief: Brief) -> dict[str, list[Span]]:
    """Every span any section links to, grouped by source."""
    spans = [x for s in brief.summary for x in s.citations]
    spans += [m.span for g in brief.quotes for m in g.mentions]
    spans += [Span(v.source, v.start, v.end) for x in brief.conflicts for v in x.values]
    spans += [f.nearest.span for f in brief.facts if f.nearest is not None]
    spans += [m for f in brief.facts for m in f.mentions] + [
        m for e in [*brief.timeline, *brief.undated] for m in e.mentions
    ]
    spans += [v.span for f in brief.figures for v in f.values]
    if not brief.figures:  # at a glance falls back to the number groups
        spans += [m for g in brief.numbers for m in g.mentions]
    grid = rank.coverage(brief, rank.key_claims(brief))  # a contradiction cites its sentence
    spans += [cell.span for row in grid for cell in row.cells if cell.span]
    out: dict[str, list[Span]] = {}
    for span in dict.fromkeys(spans):
        out.setdefault(span.source, []).append(span)
    return out


def _source(brief: Brief, number: int, s: Source, spans: list[Span]) -> str:
    title = f"“{esc(s.title)}” · " if s.title else ""
    return (
        f"<article class=src id=source-{number}><h3>[{number}] {esc(s.label)}</h3>"
        f"<p class=meta>{title}{esc(c.published(s))}{_url(s)}</p>{_removed(s)}"
        f"<p class=text>{_marked(brief, s.text, spans)}</p></article>"
    )


def _url(s: Source) -> str:
    """The source URL: a link when it is http(s), else inert text."""
    url = c.link_url(s)
    if url:
        return f" · <a href='{esc(url)}' rel='noopener noreferrer'>{esc(url)}</a>"
    return f" · {esc(s.url)}" if s.url else ""


def _removed(s: Source) -> str:
    """A collapsed list of what clean removed from the source, with reasons."""
    if not s.removed:
        return ""
    items = _list(
        f"{esc(r.text)} <span class=meta>({esc(c.removal_reason(r))})</span>" for r in s.removed
    )
    return f"<details><summary>boilerplate removed ({len(s.removed)})</summary>{items}</details>"


def _marked(brief: Brief, text: str, spans: list[Span]) -> str:
    """The text with each cited span in a `<mark id>`. Spans nest; a span crossing another's
    boundary, or an empty or out-of-range one, becomes an empty `<span id>` anchor at its start."""
    out, pos = [], 0
    for at, _, _, tag in sorted(_tags(brief, len(text), spans)):
        out += [esc(text[pos:at]), tag]
        pos = at
    out.append(esc(text[pos:]))
    return "".join(out)


def _tags(brief: Brief, length: int, spans: list[Span]) -> list[tuple[int, int, int, str]]:
    """(offset, order, tiebreak, tag) inserts: at one offset closings come first (inner first),
    then openings (outer first), then anchors."""
    inserts: list[tuple[int, int, int, str]] = []
    open_ends: list[int] = []
    for span in sorted(spans, key=lambda x: (x.start, -x.end)):
        ident = c.anchor(brief, span)
        while open_ends and open_ends[-1] <= span.start:
            open_ends.pop()
        if not 0 <= span.start < span.end <= length or (open_ends and span.end > open_ends[-1]):
            inserts.append((min(max(span.start, 0), length), 2, 0, f"<span id={ident}></span>"))
            continue
        open_ends.append(span.end)
        inserts += [
            (span.start, 1, -span.end, f"<mark id={ident}>"),
            (span.end, 0, -span.start, "</mark>"),
        ]
    return inserts


def _skipped(brief: Brief) -> str:
    return _section(
        "Skipped inputs", _list(f"{esc(s.path)}: {esc(s.reason)}" for s in brief.skipped)
    )


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
