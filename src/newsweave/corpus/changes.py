"""What changed in a story's brief since an earlier one, over typed snapshots.

A snapshot is the brief as the JSON contract (the web list reads its figures); `--since`
compares what it needs of two briefs as `BriefMarks`: the sources, each fact's id, status and
mentions, each quote group's id and mentions, and the conflicts, built from the `Brief` shown
now and read back from the snapshot kept then. Articles never change (ids are content hashes), so a mention's
`(source, start, end)` is the same in both briefs: a fact, quote or conflict is new when none
of its mentions or values was in the earlier brief.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..errors import NewsweaveError
from ..models import Brief, Changes, Conflict, StatusChange
from ..store import Snapshot, Store

Mark = tuple[str, int, int]  # (source, start, end)

__all__ = ["BriefMarks", "compare", "remember", "snapshot_before"]


@dataclass
class FactMarks:
    id: str
    status: Any  # models.FactStatus
    mentions: list[Mark]


@dataclass
class QuoteMarks:
    id: str
    mentions: list[Mark]


@dataclass
class BriefMarks:
    """What a snapshot keeps of a brief: what `compare` reads."""

    sources: list[str] = field(default_factory=list)
    facts: list[FactMarks] = field(default_factory=list)
    quotes: list[QuoteMarks] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)

    @classmethod
    def of(cls, brief: Brief) -> BriefMarks:
        return cls(
            [s.id for s in brief.sources],
            [FactMarks(f.id, f.status, [_mark(m) for m in f.mentions]) for f in brief.facts],
            [QuoteMarks(g.id, [_mark(q.span) for q in g.mentions]) for g in brief.quotes],
            list(brief.conflicts),
        )

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> BriefMarks:
        """A stored snapshot: the brief JSON contract, or the part of it `to_json` writes."""
        return cls(
            [s["id"] for s in data.get("sources", [])],
            [FactMarks(f["id"], f["status"], _marks(f)) for f in data.get("facts", [])],
            [QuoteMarks(q["id"], _marks(q)) for q in data.get("quotes", [])],
            [Conflict.from_json(c) for c in data.get("conflicts", [])],
        )


def compare(before: BriefMarks | None, after: BriefMarks, since: str | None) -> Changes:
    """The changes from `before` (None: no earlier brief) to `after`."""
    before = before or BriefMarks()
    old_facts = {m: f for f in before.facts for m in f.mentions}
    old_quotes = {m for q in before.quotes for m in q.mentions}
    old_conflicts = {_conflict_key(c) for c in before.conflicts}
    new_conflicts = {_conflict_key(c) for c in after.conflicts}
    return Changes(
        since=since,
        baseline=since is not None,
        new_sources=sorted(set(after.sources) - set(before.sources)),
        new_facts=[f.id for f in after.facts if not any(m in old_facts for m in f.mentions)],
        status_changed=_status_changes(after.facts, old_facts),
        new_quotes=[q.id for q in after.quotes if not any(m in old_quotes for m in q.mentions)],
        conflicts_opened=[c for c in after.conflicts if _conflict_key(c) not in old_conflicts],
        conflicts_resolved=[c for c in before.conflicts if _conflict_key(c) not in new_conflicts],
    )


def _status_changes(facts: list[FactMarks], old: dict[Mark, FactMarks]) -> list[StatusChange]:
    out = []
    for fact in facts:
        earlier = next((old[m] for m in fact.mentions if m in old), None)
        if earlier is not None and earlier.status != fact.status:
            out.append(StatusChange(fact.id, earlier.status, fact.status))
    return out


def snapshot_before(snapshots: list[Snapshot], since: str) -> Snapshot | None:
    """The snapshot `--since` means: "last", or the last one kept at or before a date/time."""
    if not snapshots:
        return None
    if since == "last":
        return snapshots[-1]
    when = _parse_since(since)
    earlier = [s for s in snapshots if s.created_at <= when]
    return earlier[-1] if earlier else None


def remember(store: Store, story_id: str, articles: list[str], data: dict[str, Any]) -> None:
    """Keep a brief (`data`: its JSON contract) as a snapshot when its articles differ from the
    last one kept (not in a read-only store)."""
    articles = sorted(articles)
    previous = store.snapshots(story_id)
    if store.readonly or (previous and sorted(previous[-1].articles) == articles):
        return
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    store.put_snapshot(Snapshot(story_id, now, articles, data))


def _parse_since(since: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(since)
    except ValueError as exc:
        raise NewsweaveError(
            f"--since {since!r}: expected 'last' or a date/time like 2024-05-01 or 2024-05-01T12:00"
        ) from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    try:
        return moment.astimezone(dt.UTC).isoformat(timespec="seconds")
    except OverflowError:  # before year 1 or after 9999 in UTC: before or after every snapshot
        edge = dt.datetime.min if moment.year == 1 else dt.datetime.max
        return edge.replace(tzinfo=dt.UTC).isoformat(timespec="seconds")


def _mark(span: Any) -> Mark:
    return span.source, span.start, span.end


def _marks(item: dict[str, Any]) -> list[Mark]:
    return [(m["source"], m["start"], m["end"]) for m in item["mentions"]]


def _conflict_key(conflict: Conflict) -> tuple:
    return conflict.kind, tuple(sorted((v.source, v.start, v.end) for v in conflict.values))
