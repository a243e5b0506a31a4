"""Date expressions in news text, resolved against the publication date.

Absolute dates ("May 14, 2018", "2018-05-14", "May 2018", "a 2017 agreement") resolve by
themselves; relative ones ("Sunday", "yesterday", "last month", "from today to Saturday",
"in early May") need the publication date and are left unresolved without it, never guessed.
Weekdays point back in time unless their sentence is future-marked ("will visit ... from
Tuesday to Saturday"). Vague spans ("recent weeks") are found but not resolved.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..models import DateMention, Span

Date = dt.date
Resolved = tuple[Date | None, Date | None, str]

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAYWORD = r"(?:today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening)|last night)"
_POINT = rf"(?:(?:next|last|this) )?{_WEEKDAY}|{_DAYWORD}"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"

PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(rf"\b({_YEAR})-(0[1-9]|1[0-2])-([0-2]\d|3[01])\b")),
    ("range_md", re.compile(rf"\b(?P<m>{_MONTH}) (?P<d1>{_DAY}) ?(?:-|–|to|through) ?(?P<d2>{_DAY})\b(?:,? (?P<y>{_YEAR})\b)?")),
    ("range", re.compile(rf"\b(?:from|between) (?P<a>{_POINT}|(?:{_MONTH}) {_DAY}) (?:to|through|until|till|and) (?P<b>{_POINT}|(?:{_MONTH}) {_DAY})\b", re.I)),
    ("mdy", re.compile(rf"\b(?P<m>{_MONTH}) (?P<d>{_DAY})(?:,? (?P<y>{_YEAR}))?\b(?![-–]\d)")),
    ("dmy", re.compile(rf"\b(?P<d>{_DAY}) (?P<m>{_MONTH})(?:,? (?P<y>{_YEAR}))?\b")),
    ("part_month", re.compile(rf"\b(?P<part>early|mid|late|mid-)[ -]?(?P<m>{_MONTH})(?: (?P<y>{_YEAR}))?\b", re.I)),
    ("month_year", re.compile(rf"\b(?P<m>{_MONTH}) (?P<y>{_YEAR})\b")),
    ("in_month", re.compile(rf"\b(?:in|since|until|by|during|this|last|next) (?P<m>{_MONTH})\b(?! \d)")),
    ("relative", re.compile(r"\b(?:(?:earlier|later) )?(?:this|last|next|past) (?:week|month|year|weekend)\b", re.I)),
    ("vague", re.compile(r"\b(?:recent|coming|past|last) (?:few |several )?(?:days|weeks|months|years)\b", re.I)),
    ("point", re.compile(rf"\b(?:{_POINT})\b(?:'s)?", re.I)),
    ("year", re.compile(rf"\b(?:[Ii]n|since|until|by|of|from|to|[Aa]|the|The) ({_YEAR})\b(?![,.]?\d)(?! (?:percent|employees|people|units))")),
]
_FUTURE = re.compile(
    r"\b(?:will|would|'ll|shall|going to|plans? to|planned to|is to|are to|was to|were to|"
    r"(?:is|are|was|were) (?:due|set|scheduled|expected) to|next|upcoming|to (?:travel|visit|meet|hold|begin|start))\b",
    re.I,
)


def find_dates(text: str, source_id: str, published: Date | None) -> list[DateMention]:
    """Every date expression of `text`, longest first where matches overlap, sorted by offset."""
    found: list[tuple[int, int, str, re.Match]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            start, end = _span(kind, m)
            if not any(s < end and start < e for s, e, _, _ in found):
                found.append((start, end, kind, m))
    out = []
    for start, end, kind, m in sorted(found, key=lambda f: f[0]):
        future = bool(_FUTURE.search(_lead_in(text, start)))
        date, stop, note = _resolve_match(kind, m, published, future)
        out.append(DateMention(Span(source_id, start, end), text[start:end], date, stop, date is not None, note))
    return out


def resolve(expr: str, published: Date | None, *, future: bool = False) -> Resolved:
    """Resolve one expression on its own ("last month", "May 14, 2018") against `published`."""
    for kind, pattern in PATTERNS:
        m = pattern.fullmatch(expr.strip()) or pattern.search(expr)
        if m:
            return _resolve_match(kind, m, published, future)
    return None, None, "not a date expression"


def _span(kind: str, m: re.Match) -> tuple[int, int]:
    if kind == "year":
        return m.start(1), m.end(1)
    end = m.end() - 2 if m.group(0).endswith("'s") else m.end()
    return m.start(), end


def _lead_in(text: str, at: int, window: int = 80) -> str:
    """The words of the expression's sentence just before it: where "will"/"would" mark a future."""
    starts = [m.end() for m in re.finditer(r"[.!?][\"']?\s+(?=[A-Z\"])|\n", text[:at])]
    start = max(starts[-1] if starts else 0, at - window)
    return text[start:at]


def _resolve_match(kind: str, m: re.Match, pub: Date | None, future: bool) -> Resolved:
    try:
        return RESOLVERS[kind](m, pub, future)
    except ValueError:
        return None, None, "invalid date"


def _need(pub: Date | None) -> str | None:
    return None if pub else "relative date with no publication date"


def _iso(m, pub, future) -> Resolved:
    return Date(int(m.group(1)), int(m.group(2)), int(m.group(3))), None, "absolute"


def _day(s: str) -> int:
    return int(re.sub(r"\D", "", s))


def _month(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _year_for(month: int, day: int, year: str | None, pub: Date | None, future: bool) -> int | None:
    """An explicit year, else the publication year moved to the occurrence nearest the publication."""
    if year:
        return int(year)
    if pub is None:
        return None
    candidate = Date(pub.year, month, min(day, calendar.monthrange(pub.year, month)[1]))
    if not future and (candidate - pub).days > 183:
        return pub.year - 1
    if future and (pub - candidate).days > 183:
        return pub.year + 1
    return pub.year


def _mdy(m, pub, future) -> Resolved:
    month, day = _month(m.group("m")), _day(m.group("d"))
    year = _year_for(month, day, m.group("y"), pub, future)
    if year is None:
        return None, None, "day and month with no year and no publication date"
    return Date(year, month, day), None, "absolute" if m.group("y") else "year from publication date"


def _range_md(m, pub, future) -> Resolved:
    month = _month(m.group("m"))
    year = _year_for(month, _day(m.group("d1")), m.group("y"), pub, future)
    if year is None:
        return None, None, "day and month with no year and no publication date"
    start, end = Date(year, month, _day(m.group("d1"))), Date(year, month, _day(m.group("d2")))
    return (start, end, "range") if end >= start else (None, None, "invalid date")


def _month_range(year: int, month: int, first: int = 1, last: int | None = None) -> tuple[Date, Date]:
    return Date(year, month, first), Date(year, month, last or calendar.monthrange(year, month)[1])


def _month_year(m, pub, future) -> Resolved:
    return (*_month_range(int(m.group("y")), _month(m.group("m"))), "month")


def _in_month(m, pub, future) -> Resolved:
    month = _month(m.group("m"))
    year = _year_for(month, 15, None, pub, future)
    if year is None:
        return None, None, _need(pub)
    return (*_month_range(year, month), "month")


_PARTS = {"early": (1, 10), "mid": (11, 20), "mid-": (11, 20), "late": (21, None)}


def _part_month(m, pub, future) -> Resolved:
    month = _month(m.group("m"))
    year = _year_for(month, 15, m.group("y"), pub, future)
    if year is None:
        return None, None, _need(pub)
    first, last = _PARTS[m.group("part").lower()]
    return (*_month_range(year, month, first, last), f"{m.group('part').lower().rstrip('-')} {calendar.month_name[month]}")


def _point(expr: str, pub: Date, future: bool) -> Date:
    """One day named relative to the publication date: today, yesterday, (next/last) Sunday."""
    e = expr.lower().removesuffix("'s")
    fixed = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
             "yesterday": -1, "last night": -1, "tomorrow": 1}
    if e in fixed:
        return pub + dt.timedelta(days=fixed[e])
    words = e.split()
    wd = WEEKDAYS[words[-1]]
    if words[0] == "next" or (future and words[0] != "last"):
        return pub + dt.timedelta(days=(wd - pub.weekday()) % 7 or (7 if words[0] == "next" else 0))
    back = (pub.weekday() - wd) % 7
    return pub - dt.timedelta(days=back or (7 if words[0] == "last" else 0))


def _point_match(m, pub, future) -> Resolved:
    if pub is None:
        return None, None, _need(pub)
    return _point(m.group(0), pub, future), None, "relative to publication date"


def _range(m, pub, future) -> Resolved:
    a, b = m.group("a"), m.group("b")
    start, end = _range_end(a, pub, future), _range_end(b, pub, future)
    if start is None or end is None:
        return None, None, _need(pub) or "day and month with no year"
    while end < start:
        end += dt.timedelta(days=7)
    return start, end, "range relative to publication date"


def _range_end(expr: str, pub: Date | None, future: bool) -> Date | None:
    m = PATTERNS[3][1].fullmatch(expr)
    if m:
        return _mdy(m, pub, future)[0]
    return _point(expr, pub, future) if pub else None


def _relative(m, pub, future) -> Resolved:
    if pub is None:
        return None, None, _need(pub)
    words = m.group(0).lower().split()
    unit, which = words[-1], words[-2]
    start, end = _unit_range(unit, pub, {"this": 0, "past": -1, "last": -1, "next": 1}[which])
    if words[0] == "earlier" and which == "this":
        end = max(start, pub - dt.timedelta(days=1))
    elif words[0] == "later" and which == "this":
        start = min(end, pub + dt.timedelta(days=1))
    return start, end, f"{' '.join(words)} relative to publication date"


def _unit_range(unit: str, pub: Date, shift: int) -> tuple[Date, Date]:
    if unit in {"week", "weekend"}:
        monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=shift)
        return (monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)) if unit == "weekend" else (monday, monday + dt.timedelta(days=6))
    if unit == "month":
        index = pub.year * 12 + pub.month - 1 + shift
        return _month_range(index // 12, index % 12 + 1)
    return Date(pub.year + shift, 1, 1), Date(pub.year + shift, 12, 31)


def _vague(m, pub, future) -> Resolved:
    return None, None, "vague"


def _year(m, pub, future) -> Resolved:
    year = int(m.group(1))
    return Date(year, 1, 1), Date(year, 12, 31), "year"


def _dmy(m, pub, future) -> Resolved:
    return _mdy(m, pub, future)


RESOLVERS = {
    "iso": _iso, "range_md": _range_md, "range": _range, "mdy": _mdy, "dmy": _dmy,
    "part_month": _part_month, "month_year": _month_year, "in_month": _in_month,
    "relative": _relative, "vague": _vague, "point": _point_match, "year": _year,
}
