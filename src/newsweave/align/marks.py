"""The marks a sentence states besides quantities: years, ranks, times of day, days and win-loss
records (`sentence_marks`), which outlets' sentences agree on or leave uncompared
(`align.figures.fact_figures`, `align.crossfigures.cross_marks`)."""

from __future__ import annotations

import re

from ..extract.date_patterns import MONTHS, NO_YEAR
from ..extract.ordinals import claim_marks, date_marks
from ..extract.records import records
from ..extract.times import times_of_day
from ..models import DateMention, NumberMention


def sentence_marks(member) -> list[NumberMention]:
    """The years, ranks, times of day and days a fact's sentence states."""
    d, span = member.document, member.sentence.span
    text = d.source.text
    times = times_of_day(text, d.source.id, span.start, span.end)
    dates = [
        m for m in d.index("dates").overlapping(span.start, span.end) if m.span.start >= span.start
    ]
    return (
        claim_marks(text, d.source.id, span.start, span.end, d.nlp)
        + times
        + date_marks(dates)
        + days_of_month(dates)
        + records(text, d.source.id, span.start, span.end)
    )


def days_of_month(dates: list[DateMention]) -> list[NumberMention]:
    """Days named by month and day in a source that gives no year nor publication date ("return to
    court Dec. 26"): marks of kind "day", the value month * 100 + day (1226), so that outlets
    giving one such day agree though none can be put on the calendar."""
    out = []
    for m in dates:
        if m.resolved or m.note != NO_YEAR:
            continue
        months = {MONTHS[w] for w in re.findall(r"[a-z]+", m.text.lower()) if w in MONTHS}
        days = [int(x) for x in re.findall(r"\b\d{1,2}\b", m.text)]
        if len(months) == 1 and len(days) == 1 and 1 <= days[0] <= 31:
            value = float(months.pop() * 100 + days[0])
            out.append(NumberMention(m.span, m.text, value, kind="day"))
    return out
