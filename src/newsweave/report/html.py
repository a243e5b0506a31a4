"""The brief as one self-contained HTML page: inline CSS, no scripts, no external assets.

Every piece of article-derived text goes through `esc` (html.escape with quotes). Citations link
to `id`s on the cited spans in the Sources section; CSS `:target` highlights the clicked span.
"""

from __future__ import annotations

from html import escape

from ..models import Brief, Source, Span
from . import _common as c

CSS = """
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{border-bottom:1px solid #ddd;margin-top:2rem}
.meta{color:#666}.tag{font-size:.8rem;color:#8a5a00;background:#fff3d6;padding:0 .3rem;border-radius:3px}
.refs a{font-size:.8rem;text-decoration:none;margin-left:.15rem}
mark{background:none;color:inherit}mark:target{background:#ffd27a;outline:2px solid #e07b00}
del{color:#a00}ins{color:#070;text-decoration:none;font-weight:600}
.src p{white-space:pre-wrap}.quote{margin:.2rem 0 .2rem 1rem}
details{color:#555;margin:.5rem 0}li{margin:.25rem 0}
"""


def esc(text: object) -> str:
    return escape("" if text is None else str(text), quote=True)


def to_html(brief: Brief) -> str:
    body = "".join([_summary(brief), _facts(brief), _conflicts(brief), _quotes(brief), _timeline(brief),
                    _entities(brief), _sources(brief), _skipped(brief)])
    head = f"<h1>{esc(c.title(brief))}</h1><p class=meta>{len(brief.sources)} sources, {c.witnesses(brief)} independent</p>"
    return ("<!doctype html><html lang=en><head><meta charset=utf-8>"
            "<meta name=viewport content='width=device-width,initial-scale=1'>"
            f"<title>{esc(c.title(brief))} · newsweave</title><style>{CSS}</style></head>"
            f"<body>{head}{body}</body></html>\n")


def _refs(brief: Brief, spans: list[Span]) -> str:
    n = c.numbers(brief)
    first: dict[str, Span] = {}
    for span in spans:
        first.setdefault(span.source, span)
    links = [f"<a href='#{c.anchor(brief, s)}' title='{esc(c.label(brief, sid))}'>[{n.get(sid, '?')}]</a>" for sid, s in first.items()]
    return f"<span class=refs>{''.join(links)}</span>"


def _section(title: str, inner: str) -> str:
    return f"<section><h2>{esc(title)}</h2>{inner}</section>" if inner else ""


def _summary(brief: Brief) -> str:
    items = []
    for s in brief.summary:
        tag = c.summary_tag(brief, s)
        tag_html = f" <span class=tag>{esc(tag)}</span>" if tag else ""
        items.append(f"<li>{esc(s.text)}{_refs(brief, s.citations)}{tag_html}</li>")
    return _section("Summary", f"<ol>{''.join(items)}</ol>" if items else "")


def _facts(brief: Brief) -> str:
    parts = []
    for status, facts in c.facts_by_status(brief).items():
        if facts:
            items = "".join(f"<li>{esc(f.text)}{_refs(brief, f.mentions)} <span class=meta>{esc(c.fact_line(brief, f))}</span></li>" for f in facts)
            parts.append(f"<h3>{c.STATUS_TITLE[status]} ({len(facts)})</h3><ul>{items}</ul>")
    return _section("Facts", "".join(parts))


def _conflicts(brief: Brief) -> str:
    parts = []
    for kind, conflicts in c.conflicts_by_kind(brief).items():
        items = "".join(_conflict(brief, x) for x in conflicts)
        parts.append(f"<h3>{esc(c.KIND_TITLE.get(kind, kind))}</h3><ul>{items}</ul>")
    return _section("Conflicts", "".join(parts))


def _conflict(brief: Brief, conflict) -> str:
    values = "; ".join(
        f"{esc(c.label(brief, v.source))}: “<a href='#{c.anchor(brief, Span(v.source, v.start, v.end))}'>{esc(v.value)}</a>”"
        for v in conflict.values
    )
    subject = f"<b>{esc(conflict.subject)}</b>: " if conflict.subject else ""
    return f"<li>{subject}{values}<br><span class=meta>{esc(conflict.note)}</span></li>"


def _quotes(brief: Brief) -> str:
    return _section("Who said what", "".join(_quote_group(brief, g) for g in brief.quotes))


def _quote_group(brief: Brief, g) -> str:
    lines = [f"<h3>{esc(g.speaker or 'unattributed')}</h3>"]
    for sid, text in c.wordings(g):
        span = next(m.span for m in g.mentions if m.span.source == sid)
        lines.append(f"<p class=quote>{esc(c.label(brief, sid))}: “{esc(text)}”{_refs(brief, [span])}</p>")
    if g.variant and g.diff:
        lines.append("<p class=quote>difference: " + " ".join(_diff_word(op, w) for op, w in g.diff) + "</p>")
    lines += [f"<p class='quote meta'>{esc(note)}</p>" for note in g.notes]
    return "".join(lines)


def _diff_word(op: str, words: str) -> str:
    tag = {"-": "del", "+": "ins"}.get(op)
    return f"<{tag}>{esc(words)}</{tag}>" if tag else esc(words)


def _timeline(brief: Brief) -> str:
    items = "".join(f"<li><b>{esc(c.when(e))}</b>: {esc(e.text)}{_refs(brief, e.mentions)}</li>" for e in brief.timeline)
    return _section("Timeline", f"<ul>{items}</ul>" if items else "")


def _entities(brief: Brief) -> str:
    parts = []
    for etype, entities in c.entities_by_type(brief).items():
        if entities:
            items = "".join(_entity(e) for e in entities)
            parts.append(f"<h3>{c.TYPE_TITLE[etype]}</h3><ul>{items}</ul>")
    return _section("Entities", "".join(parts))


def _entity(e) -> str:
    extra = []
    if e.aliases:
        extra.append("also " + ", ".join(esc(a) for a in e.aliases))
    extra += [esc(r) for r in c.roles(e)]
    detail = f" <span class=meta>({' · '.join(extra)})</span>" if extra else ""
    return f"<li>{esc(e.name)}{detail}</li>"


def _sources(brief: Brief) -> str:
    marks = _cited_spans(brief)
    parts = [_source(brief, i, s, marks.get(s.id, [])) for i, s in enumerate(brief.sources, 1)]
    return _section("Sources", "".join(parts))


def _cited_spans(brief: Brief) -> dict[str, list[Span]]:
    spans = [x for s in brief.summary for x in s.citations]
    spans += [m.span for g in brief.quotes for m in g.mentions]
    spans += [Span(v.source, v.start, v.end) for x in brief.conflicts for v in x.values]
    spans += [m for f in brief.facts for m in f.mentions] + [m for e in brief.timeline for m in e.mentions]
    out: dict[str, list[Span]] = {}
    for span in dict.fromkeys(spans):
        out.setdefault(span.source, []).append(span)
    return out


def _source(brief: Brief, number: int, s: Source, spans: list[Span]) -> str:
    meta = [esc(s.published or "date unknown")]
    if s.url and s.url.startswith(("http://", "https://")):
        meta.append(f"<a href='{esc(s.url)}' rel=noreferrer>{esc(s.url)}</a>")
    removed = "".join(f"<li>{esc(r.text)} <span class=meta>({esc(r.reason)})</span></li>" for r in s.removed)
    details = f"<details><summary>boilerplate removed ({len(s.removed)})</summary><ul>{removed}</ul></details>" if removed else ""
    title = f"“{esc(s.title)}”" if s.title else ""
    return (f"<article class=src id=source-{number}><h3>[{number}] {esc(s.label)}</h3>"
            f"<p class=meta>{title} {' · '.join(meta)}</p>{details}<p>{_marked(brief, s.text, spans)}</p></article>")


def _marked(brief: Brief, text: str, spans: list[Span]) -> str:
    """The text with each cited span in a `<mark id>`; nested spans nest, a span crossing
    another's boundary becomes an empty anchor at its start instead."""
    inserts: list[tuple[int, int, int, str]] = []
    open_ends: list[int] = []
    for span in sorted(spans, key=lambda x: (x.start, -x.end)):
        ident = c.anchor(brief, span)
        while open_ends and open_ends[-1] <= span.start:
            open_ends.pop()
        if open_ends and span.end > open_ends[-1]:
            inserts.append((span.start, 2, 0, f"<span id={ident}></span>"))
            continue
        open_ends.append(span.end)
        inserts += [(span.start, 1, -span.end, f"<mark id={ident}>"), (span.end, 0, -span.start, "</mark>")]
    out, pos = [], 0
    for at, _, _, tag in sorted(inserts):
        out += [esc(text[pos:at]), tag]
        pos = at
    out.append(esc(text[pos:]))
    return "".join(out)


def _skipped(brief: Brief) -> str:
    items = "".join(f"<li>{esc(s.path)}: {esc(s.reason)}</li>" for s in brief.skipped)
    return _section("Skipped inputs", f"<ul>{items}</ul>" if items else "")
