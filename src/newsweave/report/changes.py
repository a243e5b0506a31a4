"""What changed in a story's brief since an earlier one (`newsweave brief --story ID --since`).

Both briefs are the JSON contract. Articles never change (ids are content hashes), so a
mention's `(source, start, end)` is the same in both: a fact, quote or conflict is new when
none of its mentions or values was in the earlier brief.
"""

from __future__ import annotations

from typing import Any

__all__ = ["change_lines", "compare"]


def compare(
    before: dict[str, Any] | None, after: dict[str, Any], since: str | None
) -> dict[str, Any]:
    """The changes from `before` (None: no earlier brief) to `after`."""
    before = before or {"sources": [], "facts": [], "quotes": [], "conflicts": []}
    old_facts = {_key(m): f for f in before["facts"] for m in f["mentions"]}
    old_quotes = {_key(m) for q in before["quotes"] for m in q["mentions"]}
    old_conflicts = {_conflict_key(c) for c in before["conflicts"]}
    new_conflicts = {_conflict_key(c) for c in after["conflicts"]}
    return {
        "since": since,
        "baseline": since is not None,
        "new_sources": sorted(
            {s["id"] for s in after["sources"]} - {s["id"] for s in before["sources"]}
        ),
        "new_facts": [
            f["id"] for f in after["facts"] if not any(_key(m) in old_facts for m in f["mentions"])
        ],
        "status_changed": _status_changes(after["facts"], old_facts),
        "new_quotes": [
            q["id"]
            for q in after["quotes"]
            if not any(_key(m) in old_quotes for m in q["mentions"])
        ],
        "conflicts_opened": [
            c for c in after["conflicts"] if _conflict_key(c) not in old_conflicts
        ],
        "conflicts_resolved": [
            c for c in before["conflicts"] if _conflict_key(c) not in new_conflicts
        ],
    }


def _key(mention: dict[str, Any]) -> tuple:
    return mention["source"], mention["start"], mention["end"]


def _conflict_key(conflict: dict[str, Any]) -> tuple:
    values = sorted((v["source"], v["start"], v["end"]) for v in conflict["values"])
    return conflict["kind"], tuple(values)


def _status_changes(facts: list[dict], old: dict[tuple, dict]) -> list[dict[str, str]]:
    out = []
    for fact in facts:
        earlier = next((old[_key(m)] for m in fact["mentions"] if _key(m) in old), None)
        if earlier is not None and earlier["status"] != fact["status"]:
            out.append({"fact": fact["id"], "from": earlier["status"], "to": fact["status"]})
    return out


def change_lines(
    changes: dict[str, Any], facts: dict[str, str], quotes: dict[str, str], labels: dict[str, str]
) -> list[str]:
    """Plain-text lines describing the changes (callers escape them for their format).

    `facts` and `quotes` map ids to their text, `labels` source ids to outlet names."""
    if not changes["baseline"]:
        return ["No earlier brief of this story: everything below is new."]
    lines = [f"Since the brief of {changes['since']}:"]
    lines += [f"new source: {labels.get(s, s)}" for s in changes["new_sources"]]
    lines += [f"new fact: {facts.get(f, f)}" for f in changes["new_facts"]]
    lines += [
        f"now {c['to']} (was {c['from']}): {facts.get(c['fact'], c['fact'])}"
        for c in changes["status_changed"]
    ]
    lines += [f"new quote: {quotes.get(q, q)}" for q in changes["new_quotes"]]
    lines += [
        f"conflict opened ({c['kind']}): {_values(c, labels)}" for c in changes["conflicts_opened"]
    ]
    lines += [
        f"conflict resolved ({c['kind']}): {_values(c, labels)}"
        for c in changes["conflicts_resolved"]
    ]
    return lines if len(lines) > 1 else lines + ["nothing new."]


def _values(conflict: dict[str, Any], labels: dict[str, str]) -> str:
    return "; ".join(
        f"{labels.get(v['source'], v['source'])}: {v['value']}" for v in conflict["values"]
    )
