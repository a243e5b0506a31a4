"""Win-loss records of a team or a coach ("a 43-39 record", "a mark of 162-139"), read as two
figures: the wins and the losses, each cited by its own number."""

from __future__ import annotations

import re

from ..lexicon import RECORD_NOUNS
from ..models import NumberMention, Span

# A win-loss record: two whole numbers joined by a hyphen, with a record noun just after ("a 43-39
# record", "162-139 (.538) record") or just before ("a record of 43-39", "a mark of 162-139").
_RECORD = re.compile(r"(?<![\w.,$-])(\d{1,3})\s?-\s?(\d{1,3})(?![\w-]|[.,]\d)")
_RECORD_AFTER = re.compile(r"\s*(?:\([^)]{0,12}\)\s*)?([a-z]+)", re.I)
_RECORD_BEFORE = re.compile(r"\b([a-z]+)\s+of\s+$", re.I)


def records(text: str, source_id: str, start: int, end: int) -> list[NumberMention]:
    """The wins and losses of the win-loss records stated in `text[start:end]` (one sentence):
    for "a 43-39 record", 43 ("record:win", cited "43") and 39 ("record:loss", cited "39")."""
    out = []
    for m in _RECORD.finditer(text, start, end):
        after = _RECORD_AFTER.match(text, m.end(), min(end, m.end() + 24))
        before = _RECORD_BEFORE.search(text, max(start, m.start() - 16), m.start())
        named = {x[1].lower() for x in (after, before) if x}
        if not named & RECORD_NOUNS:
            continue
        for group, side in ((1, "win"), (2, "loss")):
            span = Span(source_id, m.start(group), m.end(group))
            out.append(
                NumberMention(span, m[group], float(m[group]), counts=side, kind=f"record:{side}")
            )
    return out
