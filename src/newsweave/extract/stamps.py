"""The day a report was published or last updated, as stamped in its own head.

Pages keep their stamp as a short line above the story ("Updated: July 02, 2013 15:50 IST",
"Tue Jul 2, 2013 1:28PM GMT", "WEDNESDAY 03 JULY 2013", "3 July 2013 Last updated at 13:38 GMT").
`stamp` reads it when a report comes without a publication date, so that a toll of 5 on July 2 and
one of 24 on July 3 can be seen as a figure that moved. Only a line that is nothing but a date to
the day (with a time, a zone, a place of dateline and the words "updated", "published", "posted")
counts; the latest such line of the head wins (the update, not the first version).
"""

from __future__ import annotations

import datetime as dt
import re

from .dates import numeric_order, resolve
from .times import TIME_OF_DAY

# The head of a report: its first lines, before a line long enough to be the story's text.
HEAD_LINES = 6
BODY_LINE = 150
STAMP_LINE = 100
# Words a stamp line may hold besides its date and time; any other word beyond `PLACE_WORDS`
# (a dateline's place: "INDONESIA, July 2, 2013") makes it a line of text, not a stamp.
STAMP_WORDS = frozenset(
    ["updated", "last", "published", "posted", "on", "at", "hrs", "am", "pm", "a.m.", "p.m."]
)
PLACE_WORDS = 2
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DATE_WORDS = re.compile(
    r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
    r"|\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\b|\d+(?:st|nd|rd|th)?"
)


def stamp(text: str) -> tuple[dt.date, int, int] | None:
    """(day, start, end) of the latest stamp line in the head of `text` that names a day; None when
    it has none."""
    found = [(day, start, end) for day, start, end in stamp_lines(text) if day is not None]
    return max(found) if found else None


def stamp_lines(text: str) -> list[tuple[dt.date | None, int, int]]:
    """Every stamp line of the head ("Updated 9:06 AM", "Posted: 08/02/2013 11:10 am EDT"): (the
    day it names or None, start, end)."""
    out, at = [], 0
    order = numeric_order(text)
    for n, line in enumerate(text.split("\n")):
        start, at = at, at + len(line) + 1
        if n >= HEAD_LINES * 2 or len(line) > BODY_LINE:
            break
        if _is_stamp(line.strip()):
            out.append((_day(line.strip(), order), start, start + len(line)))
    return out


def _is_stamp(line: str) -> bool:
    """A short line of nothing but a date or time, stamp words and at most a dateline's place."""
    if not line or len(line) > STAMP_LINE or not re.search(r"\d", line):
        return False
    rest = TIME_OF_DAY.sub(" ", _DATE_WORDS.sub(" ", line))
    words = [w for w in re.findall(r"[A-Za-z.]+", rest.lower()) if w.strip(".")]
    return len([w for w in words if w not in STAMP_WORDS]) <= PLACE_WORDS


def _day(line: str, order: str | None) -> dt.date | None:
    """The day a stamp line names; a numeric one ("Last updated 15:48 15/09/2013") read in the
    page's order of numeric dates where its numbers leave it open (`dates.numeric_order`)."""
    if not _YEAR.search(line):
        return None
    day, end, _ = resolve(line.title() if line.isupper() else line, None, order=order)
    return day if day is not None and end is None else None
