"""Briefs of a store's stories: one story's (remembered, with what changed since an earlier
brief), or every story's written to a folder by any executor.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Iterable
from pathlib import Path

from ..models import Brief, Source, Story
from ..parallel import LOCAL, Executor
from ..store import Store
from .changes import BriefMarks, compare, remember, snapshot_before
from .stories import stories, story_sources

BRIEFS_AT_ONCE = 64  # stories briefed per round: the articles of a round are in memory together

__all__ = ["brief_and_render", "brief_story", "write_briefs"]


def brief_story(
    store: Store,
    story_id: str,
    *,
    mode: str = "batch",
    pipeline=None,
    since: str | None = None,
) -> Brief:
    """The brief of a stored story; with `since`, also what changed since the brief shown then
    ("last": the previous brief of this story; or an ISO date/time). The brief is remembered."""
    from ..pipeline import Pipeline
    from ..report.json import to_dict

    _, sources = story_sources(store, story_id, mode)
    brief = (pipeline or Pipeline()).run(sources)
    data = to_dict(brief)  # the snapshot, taken before `changes` is set (as it always was)
    if since is not None:
        before = snapshot_before(store.snapshots(story_id), since)
        brief.changes = compare(
            BriefMarks.from_json(before.brief) if before else None,
            BriefMarks.of(brief),
            before.created_at if before else None,
        )
    remember(store, story_id, [s.id for s in brief.sources], data)
    return brief


def write_briefs(
    store: Store,
    folder: str | os.PathLike,
    *,
    mode: str = "batch",
    fmt: str = "markdown",
    detail: str = "brief",
    min_articles: int = 2,
    pipeline=None,
    executor: Executor = LOCAL,
    only: Iterable[str] | None = None,
) -> list[tuple[Story, str]]:
    """Write the brief of every story with at least `min_articles` articles (among the stories
    `only` names, when given) into `folder`, one file a story (`<story id>.<ext>`), and
    `index.json` listing them; returns (story, file name). `detail` as `newsweave brief
    --detail`. `executor` makes the briefs (on Ray: an actor pool, the language model loaded
    once a worker)."""
    from ..pipeline import Pipeline

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    model = functools.partial(_given, pipeline or Pipeline())
    wanted = None if only is None else set(only)
    chosen = [
        s
        for s in stories(store, mode, executor=executor)
        if len(s.articles) >= min_articles and (wanted is None or s.id in wanted)
    ]
    written = []
    try:
        for start in range(0, len(chosen), BRIEFS_AT_ONCE):
            part = chosen[start : start + BRIEFS_AT_ONCE]
            made = _largest_first(
                executor, model, [(store.get(s.articles), fmt, detail) for s in part]
            )
            for story, (data, text) in zip(part, made):
                name = f"{story.id}.{_EXTENSIONS[fmt]}"
                (out / name).write_text(text, encoding="utf-8")
                remember(store, story.id, story.articles, data)
                written.append((story, name))
    finally:
        executor.release()
    index = [
        {"id": s.id, "title": s.title, "articles": len(s.articles), "brief": name}
        for s, name in written
    ]
    (out / "index.json").write_text(
        json.dumps(index, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    return written


def _largest_first(
    executor: Executor, model, jobs: list[tuple[list[Source], str, str]]
) -> list[tuple[dict, str]]:
    """The briefs of the jobs, in order, handed out largest story first: workers then finish
    together (longest-processing-time-first scheduling)."""
    order = sorted(range(len(jobs)), key=lambda k: -sum(len(s.raw) for s in jobs[k][0]))
    made = executor.map_model(model, brief_and_render, [jobs[k] for k in order])
    out: list = [None] * len(jobs)
    for k, result in zip(order, made):
        out[k] = result
    return out


def brief_and_render(pipeline, job: tuple) -> tuple[dict, str]:
    """The brief of one story's sources as (JSON data, the brief rendered in the format and
    detail): what a worker sends back (small, picklable; no language-model objects). `job` is
    (sources, format, detail), or (sources, format) for the default detail."""
    from ..report import render
    from ..report.json import to_dict

    sources, fmt, *detail = job
    brief = pipeline.run(sources)
    return to_dict(brief), render(brief, fmt, detail=detail[0] if detail else "brief")


def _given(value):
    return value


_EXTENSIONS = {"markdown": "md", "json": "json", "html": "html", "text": "txt"}
