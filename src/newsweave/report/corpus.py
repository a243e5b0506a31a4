"""Corpus output: the ingest run report and the story list, as text or JSON.

The stories JSON is a contract (docs/json-contract.md): a list of
`{"id", "title", "articles": [{"id", "outlet", "published", "path", "input_id"}], "copies"}`;
keys may be added, never renamed or dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..dedup import independent
from ..models import RunEntry, Story
from ..outlets import shown_outlet, source_outlet_key

__all__ = ["run_dict", "run_text", "stories_list", "stories_text"]


def run_dict(
    entries: list[RunEntry], warnings: list[str], totals: dict[str, int]
) -> dict[str, Any]:
    return {
        "inputs": [
            {"input": e.input, "status": e.status, "article": e.article, "reason": e.reason}
            for e in entries
        ],
        "counts": {
            status: sum(1 for e in entries if e.status == status)
            for status in ("ingested", "duplicate", "skipped")
        },
        "warnings": list(warnings),
        "store": totals,
    }


def run_text(entries: list[RunEntry], warnings: list[str], totals: dict[str, int]) -> str:
    """One line an input (status, input, article id or reason), then the counts."""
    width = min(60, max((len(e.input) for e in entries), default=10))
    lines = [
        f"{e.status:<9}  {e.input:<{width}}  {e.article or ''}"
        + (f"  {e.reason}" if e.reason else "")
        for e in entries
    ]
    lines += [f"warning    {w}" for w in warnings]
    counts = run_dict(entries, warnings, totals)["counts"]
    lines.append(
        f"{counts['ingested']} ingested, {counts['duplicate']} duplicates, {counts['skipped']} skipped; "
        f"the store holds {totals['articles']} articles, {totals['copy_groups']} groups of copies"
    )
    return "\n".join(lines)


def stories_list(
    stories: list[Story], catalog: Mapping[str, Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """The stories as the JSON contract."""
    return [_story(s, catalog) for s in stories]


def _story(story: Story, catalog: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    why = {m.article: m for m in story.members}
    return {
        "id": story.id,
        "title": story.title,
        "articles": [_article(a, catalog.get(a, {}), why.get(a)) for a in story.articles],
        "copies": story.copies,
        "first": _iso(story.first),
        "last": _iso(story.last),
        "closed": story.closed,
        "outlets": len({_outlet(a, catalog.get(a, {})) for a in story.articles}),
        "independent": independent(
            (m.get("witness") or a, m.get("outlet"), m.get("url"))
            for a, m in ((a, catalog.get(a, {})) for a in story.articles)
        ),
        "entities": story.entities,
        "terms": story.terms,
    }


def _outlet(article: str, meta: Mapping[str, Any]) -> str:
    """The outlet an article counts as (its names merged, `outlets.outlet_key`), else itself."""
    return source_outlet_key(meta.get("outlet"), meta.get("url")) or article


def _article(article: str, meta: Mapping[str, Any], why) -> dict[str, Any]:
    out = {
        "id": article,
        "outlet": meta.get("outlet"),
        "published": meta.get("published"),
        "path": meta.get("path"),
        "input_id": meta.get("input_id"),
        "title": meta.get("title"),
        "url": meta.get("url"),
        "witness": meta.get("witness") or article,
        "outlet_name": shown_outlet(meta.get("outlet"), meta.get("url")),
    }
    if why is not None:
        out["why"] = {"similarity": why.similarity, "entities": why.entities, "terms": why.terms}
    return out


def stories_text(
    stories: list[Story], catalog: Mapping[str, Mapping[str, Any]], *, explain: bool = False
) -> str:
    """A story a block: id, title, counts and dates, then its articles."""
    blocks = []
    for data in stories_list(stories, catalog):
        when = (
            " to ".join(dict.fromkeys(d for d in (data["first"], data["last"]) if d)) or "undated"
        )
        head = (
            f"{data['id']}  {data['title']}\n  {_count(len(data['articles']), 'article')}, "
            f"{_count(data['outlets'], 'outlet')}, {data['independent']} independent; {when}"
            + ("; closed" if data["closed"] else "")
        )
        if data["entities"]:
            head += f"\n  shared: {', '.join(data['entities'])}"
        blocks.append("\n".join([head, *(_article_line(a, explain) for a in data["articles"])]))
    return (
        "\n\n".join(blocks)
        if blocks
        else "no stories: ingest articles first (newsweave ingest PATH --db FILE)"
    )


def _article_line(a: dict[str, Any], explain: bool) -> str:
    name = a["outlet_name"] or a["input_id"] or a["path"] or a["id"]
    copy = "" if a["witness"] == a["id"] else f"  (copy of {a['witness']})"
    line = f"  - {a['id']}  {name}  {a['published'] or ''}  {a['title'] or ''}".rstrip() + copy
    why = a.get("why")
    if explain and why:
        line += f"\n      similarity {why['similarity']:.2f}; terms: {', '.join(why['terms'])}" + (
            f"; names: {', '.join(why['entities'])}" if why["entities"] else ""
        )
    return line


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _iso(d) -> str | None:
    return d.isoformat() if d else None
