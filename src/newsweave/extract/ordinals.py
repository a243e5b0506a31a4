"""Years, ordinals and days a claim states: "a 2013 Toyota Camry", "retired in 1993", "the fifth
successful anti-piracy operation", "the 79th Academy Awards", "for a second time", "on Thursday".

They are no quantities (`numbers` leaves them out: a year is no count), but when several sources
state one claim, its year or rank is a figure a reader checks like any other. Each comes as a
`NumberMention` with kind "year" or "ordinal:<what it ranks>" ("ordinal:operation").
"""

from __future__ import annotations

import re
from typing import Any

from ..lexicon import STREET_WORDS
from ..models import DateMention, NumberMention, Span
from .dates import MONTHS, WEEKDAYS

ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
}
_ORDINAL = re.compile(
    rf"\b(?:(?P<word>(?i:{'|'.join(ORDINAL_WORDS)}))|(?P<digits>\d{{1,3}})(?:st|nd|rd|th))\b"
)
# Words an ordinal names a place with, not a rank ("117th Street", "the 5th Precinct").
ADDRESS_WORDS = STREET_WORDS | {"floor", "precinct", "district"}
# A year: 1800-2099 standing alone ("in 2007", "a 2013 Toyota Camry"), not a season ("2003-04"),
# an amount ("$2013"), part of a longer number or of a date in digits ("8/2/2013").
_YEAR = re.compile(r"(?<![\w$£€/.,:-])(?:18|19|20)\d\d(?![\w/]|-\d|[.,]\d)")


def claim_marks(text: str, source_id: str, start: int, end: int, doc: Any) -> list[NumberMention]:
    """The years and ordinals stated in `text[start:end]` (one sentence), in order."""
    out = [
        NumberMention(
            Span(source_id, m.start() + start, m.end() + start),
            m.group(0),
            float(m.group(0)),
            kind="year",
        )
        for m in _YEAR.finditer(text[start:end])
    ]
    for m in _ORDINAL.finditer(text[start:end]):
        value = ORDINAL_WORDS[m["word"].lower()] if m["word"] else int(m["digits"])
        at = m.start() + start
        ranked = _ranked(doc, at, m.end() + start)
        if ranked and ranked not in ADDRESS_WORDS:
            out.append(
                NumberMention(
                    Span(source_id, at, m.end() + start),
                    m.group(0),
                    float(value),
                    counts=ranked,
                    kind=f"ordinal:{ranked}",
                )
            )
    return sorted(out, key=lambda n: n.span.start)


def _ranked(doc: Any, start: int, end: int) -> str | None:
    """What an ordinal ranks: the noun it modifies ("the fifth successful operation" ->
    "operation", "the 79th Academy Awards" -> "award"); None without a parse or such a noun."""
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    token = span[-1]
    for _ in range(3):  # "the fifth successful operation": fifth -> successful -> operation
        if token.dep_ not in {"amod", "nummod", "compound", "advmod"} or token.head is token:
            return None
        token = token.head
        if token.pos_ in {"NOUN", "PROPN"}:
            return token.lemma_.lower()
        if token.pos_ != "ADJ":
            return None
    return None


def date_marks(dates: list[DateMention]) -> list[NumberMention]:
    """The days a sentence's date expressions name, as figures: "date" (a day resolved to the
    calendar: the value YYYYMMDD), "weekday" ("on Thursday": 1-7, Monday 1) or "month" ("in
    March": 1-12). Relative days ("yesterday", "this week") are none: they depend on when the
    source was published."""
    out = []
    for m in dates:
        if m.resolved and m.date and (m.end is None or m.end == m.date):
            value, kind = m.date.year * 10000 + m.date.month * 100 + m.date.day, "date"
        else:
            words = re.findall(r"[a-z]+", m.text.lower())
            days = {WEEKDAYS[w] + 1 for w in words if w in WEEKDAYS}
            months = {MONTHS[w] for w in words if w in MONTHS}
            if len(days) == 1 and not months:
                value, kind = days.pop(), "weekday"
            elif len(months) == 1 and not days and not re.search(r"\d", m.text):
                value, kind = months.pop(), "month"
            else:
                continue
        out.append(NumberMention(m.span, m.text, float(value), kind=kind))
    return out
