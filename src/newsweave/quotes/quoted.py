"""The character ranges of a text inside quote marks: the words of a quote are never its cue or
its speaker."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import Any


class Quoted:
    """The character ranges inside quote marks, merged: `offset in quoted` by bisection
    (a scan of every quote for every token was quadratic in the length of a long article)."""

    def __init__(self, ranges: Iterable[tuple[int, int]] = ()):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in sorted(r for r in ranges if r[0] < r[1]):
            if self.ends and a <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], b)
            else:
                self.starts.append(a)
                self.ends.append(b)

    def __contains__(self, offset: int) -> bool:
        return self.index(offset) >= 0

    def index(self, offset: int) -> int:
        """Which of the (merged) quoted ranges holds the offset, -1 for none."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return i if i >= 0 and offset < self.ends[i] else -1


NOT_QUOTED = Quoted()


def in_quotes(tok: Any, quoted: Quoted) -> bool:
    """Is the token inside quote marks (the words of a quote are never its cue or speaker)?"""
    return tok.idx in quoted
