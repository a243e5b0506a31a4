"""Items with a `span` in one text, found by overlap with a character range (a leaf module: any
object with `span.start` and `span.end` will do)."""

from __future__ import annotations

import bisect
from typing import Any


class SpanIndex:
    """Items with a `span` in one text, found by overlap with a character range by bisection:
    a scan of every item for every sentence or quote made a long article quadratic."""

    def __init__(self, items: list):
        self.items, self.size = items, len(items)
        self._order = sorted(range(len(items)), key=lambda i: items[i].span.start)
        self._starts = [items[i].span.start for i in self._order]
        self._longest = max((x.span.end - x.span.start for x in items), default=0)
        self._ids: dict[str, Any] | None = None

    def overlapping(self, start: int, end: int) -> list:
        """The items whose span shares a character with [start, end), in list order."""
        lo = bisect.bisect_left(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        return [self.items[i] for i in sorted(self._order[lo:hi]) if self.items[i].span.end > start]

    def by_id(self, item_id: str) -> Any | None:
        """The item with this `id` (items that have one: sentences)."""
        if self._ids is None:
            self._ids = {x.id: x for x in reversed(self.items)}  # the first of an id wins
        return self._ids.get(item_id)

    def position(self, item: Any) -> int:
        """The position of `item` (by identity) in the list."""
        k = bisect.bisect_left(self._starts, item.span.start)
        while self.items[self._order[k]] is not item:
            k += 1
        return self._order[k]
