"""What changed in a story's brief since an earlier one (`newsweave brief --story ID --since`),
as lines for the renderers. The changes themselves (`models.Changes`) are found by
`newsweave.corpus.changes.compare` over typed snapshots.
"""

from __future__ import annotations

from typing import Any

from ..models import Changes, Conflict

__all__ = ["change_lines"]


def change_lines(
    changes: Changes | dict[str, Any],
    facts: dict[str, str],
    quotes: dict[str, str],
    labels: dict[str, str],
) -> list[str]:
    """Plain-text lines describing the changes (callers escape them for their format).

    `facts` and `quotes` map ids to their text, `labels` source ids to outlet names."""
    changes = Changes.of(changes)
    if not changes.baseline:
        return ["No earlier brief of this story: everything below is new."]
    lines = [f"Since the brief of {changes.since}:"]
    lines += [f"new source: {labels.get(s, s)}" for s in changes.new_sources]
    lines += [f"new fact: {facts.get(f, f)}" for f in changes.new_facts]
    lines += [
        f"now {c.after} (was {c.before}): {facts.get(c.fact, c.fact)}"
        for c in changes.status_changed
    ]
    lines += [f"new quote: {quotes.get(q, q)}" for q in changes.new_quotes]
    lines += [f"conflict opened ({c.kind}): {_values(c, labels)}" for c in changes.conflicts_opened]
    lines += [
        f"conflict resolved ({c.kind}): {_values(c, labels)}" for c in changes.conflicts_resolved
    ]
    return lines if len(lines) > 1 else lines + ["nothing new."]


def _values(conflict: Conflict, labels: dict[str, str]) -> str:
    return "; ".join(f"{labels.get(v.source, v.source)}: {v.value}" for v in conflict.values)
