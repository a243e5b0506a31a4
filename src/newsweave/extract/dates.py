"""Date expressions in news text, resolved against the publication date.

Absolute dates ("May 14, 2018", "14 May 2018", "2018-05-14", "May 2018", "a 2017 agreement")
resolve by themselves; relative ones ("Sunday", "yesterday", "last month", "from today to
Saturday", "in early May") need the publication date and are left unresolved without it, never
guessed. Weekdays point back in time unless their sentence is future-marked ("will visit ... from
Tuesday to Saturday"): the tense marker nearest before the expression in its sentence decides, else
the first one after it. Vague spans ("recent weeks") are found but not resolved.

Without a publication date, an article's own date line (a short paragraph near its top that is
only a full date, "Tue Jul 02 2013, 14:58 hrs", "Updated: July 2, 2013 15:01 IST") stands in for
it: relative dates resolve against the day the article gives itself, with a note that says so.

Numeric dates with a year ("15/09/2013", "9/15/2013") are read day first or month first by the
numbers (a number over 12 is the day) or, where both could be either ("05/09/2013"), by the page's
other numeric dates when all that show an order show the same one (`numeric_order`); otherwise
they are found but left unresolved ("day and month order unknown"), never guessed from the outlet.

Every pattern proposes candidates; where candidates overlap the longest wins (ties: the earlier
pattern in `PATTERNS`). Spans exclude context words such as "in" or "on".
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator
from types import MappingProxyType
from typing import NamedTuple

from ..models import DateMention, Span
from .date_patterns import (
    BARE_WD,
    DATE_LINE_NOTE,
    DATE_LINE_PARAGRAPHS,
    DATE_LINE_WORDS,
    DAY_FIRST,
    DAYWORDS,
    DM,
    FULL_DATES,
    MD,
    MONTH_FIRST,
    MONTH_NAMES,
    MONTH_PARTS,
    MONTHS,
    NO_ORDER,
    NO_PUB,
    NO_YEAR,
    NUMBERS,
    NUMERIC,
    PART_KEYS,
    PAST_SLACK_DAYS,
    PATTERNS,
    SELF_NOTES,
    SENTENCE_BREAK,
    TENSE,
    WEEKDAYS,
    YEAR_PARTS,
)

Date = dt.date
Resolved = tuple[Date | None, Date | None, str]
Match = re.Match[str]


class _Hit(NamedTuple):
    start: int
    end: int
    priority: int
    kind: str
    match: Match


# --- public API ------------------------------------------------------------------------------------


def find_dates(text: str, source_id: str, published: Date | None) -> list[DateMention]:
    """Every date expression of `text` resolved against `published` (without it, against the
    article's own date line, if it has one), sorted by offset.

    `text[m.span.start:m.span.end] == m.text` for every mention; overlapping candidates keep the
    longest. Nothing raises: impossible dates come back unresolved with note "invalid date".
    """
    breaks = _sentence_starts(text)
    line = date_line(text) if published is None else None
    order = numeric_order(text)
    out = [
        _mention(text, source_id, published or line, hit, breaks, order)
        for hit in _select(_candidates(text))
    ]
    if line is not None:
        for m in out:
            if m.resolved and m.note not in SELF_NOTES:
                m.note += DATE_LINE_NOTE
    return out


def reference_date(text: str, published: Date | None) -> Date | None:
    """The day an article is written from: its publication date, else its own date line."""
    return published or date_line(text)


@functools.lru_cache(maxsize=256)
def date_line(text: str) -> Date | None:
    """The day of an article's date line: the first of its top paragraphs that is short and holds
    a full date (day, month and year) and nothing that reads as a sentence; None without one.
    Remembered per text: the timeline asks it of an undated article for every sentence."""
    order = numeric_order(text)
    for para in text.split("\n\n", DATE_LINE_PARAGRAPHS)[:DATE_LINE_PARAGRAPHS]:
        para = para.strip()
        if len(para.split()) > DATE_LINE_WORDS or para.endswith((".", "?", "!")):
            continue
        for candidate in (para, para.title()) if para.isupper() else (para,):
            for hit in _select(_candidates(candidate)):
                if hit.kind in FULL_DATES and hit.match["y"]:
                    date, _, _ = _resolve_hit(hit, None, False, order)
                    if date is not None:
                        return date
    return None


def resolve(
    expr: str, published: Date | None, *, future: bool = False, order: str | None = None
) -> tuple[Date | None, Date | None, str]:
    """Resolve one expression ("last month", "May 14, 2018", "from Tuesday to Saturday").

    Returns (start day, last day or None for a single day, note). `future` forces the future reading
    of weekdays and months; otherwise tense words inside `expr` decide. `order` (`numeric_order` of
    the page) reads a numeric date whose numbers could be day or month; by default `expr`'s own.
    Unknown text gives
    (None, None, "not a date expression").
    """
    hits = _select(_candidates(expr))
    if not hits:
        return None, None, "not a date expression"
    hit = max(hits, key=lambda h: h.end - h.start)
    future = future or _is_future(expr, hit.start, hit.end, [0])
    return _resolve_hit(hit, published, future, order or numeric_order(expr))


@functools.lru_cache(maxsize=256)
def numeric_order(text: str) -> str | None:
    """`DAY_FIRST` or `MONTH_FIRST` when the numeric dates of `text` that show their order (one
    number over 12: "15/09/2013" is day first) all show that one; None when none does or they differ.
    Remembered per text: an article's dates, date line and stamps each ask it."""
    shown = set()
    for m in NUMERIC.finditer(text):
        a, b = int(m["a"]), int(m["b"])
        if (a > 12) != (b > 12):
            shown.add(DAY_FIRST if a > 12 else MONTH_FIRST)
    return shown.pop() if len(shown) == 1 else None


# --- finding ---------------------------------------------------------------------------------------


def _candidates(text: str) -> Iterator[_Hit]:
    """Every match of every pattern, with its span (a pattern's group `s` when it has one)."""
    for priority, (kind, pattern) in enumerate(PATTERNS):
        for m in pattern.finditer(text):
            start, end = m.span("s") if "s" in pattern.groupindex else m.span()
            if end > start:
                yield _Hit(start, end, priority, kind, m)


def _select(hits: Iterator[_Hit]) -> list[_Hit]:
    """Non-overlapping hits, longest first (ties: pattern priority, then position), sorted by start."""
    kept: list[_Hit] = []  # in text order, so only the one before a new hit can overlap it
    starts: list[int] = []
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.priority, h.start)):
        i = bisect.bisect_left(starts, hit.end)
        if i == 0 or kept[i - 1].end <= hit.start:
            kept.insert(i, hit)
            starts.insert(i, hit.start)
    return kept


def _mention(
    text: str, source_id: str, pub: Date | None, hit: _Hit, breaks: list[int], order: str | None
) -> DateMention:
    tense = _tense(text, hit.start, hit.end, breaks)
    date, end, note = _resolve_hit(hit, pub, tense == "fut", order)
    if (
        tense == "past"
        and date is not None
        and _after_publication(hit, date, pub)
        and not _future_marked(text, hit, breaks)
    ):
        date, note = date.replace(year=date.year - 1), note + " (past tense)"
    span = Span(source_id, hit.start, hit.end)
    return DateMention(span, text[hit.start : hit.end], date, end, date is not None, note)


def _sentence_starts(text: str) -> list[int]:
    """Offsets where sentences start: after [.!?] + space + capital, or after a newline."""
    return [0] + [m.end() for m in SENTENCE_BREAK.finditer(text)]


def _is_future(text: str, start: int, end: int, breaks: list[int]) -> bool:
    """Whether the expression's sentence puts it in the future."""
    return _tense(text, start, end, breaks) == "fut"


def _tense(text: str, start: int, end: int, breaks: list[int]) -> str | None:
    """ "fut", "past" or None (no tense word) for the expression's sentence.

    The tense marker nearest before the expression in its sentence decides ("said ... will visit
    from Tuesday"); with none before, the first within a few words after it ("On Tuesday, Liu will").
    """
    first, last = _sentence_bounds(text, start, breaks)
    before = list(TENSE.finditer(text, first, start))
    if before:
        return before[-1].lastgroup
    after = TENSE.search(text, end, min(max(last, end), end + 60))
    return after.lastgroup if after is not None else None


def _future_marked(text: str, hit: _Hit, breaks: list[int]) -> bool:
    """Does any word of the expression's sentence mark the future ("will be held on May 4")?"""
    return any(
        m.lastgroup == "fut"
        for m in TENSE.finditer(text, *_sentence_bounds(text, hit.start, breaks))
    )


def _sentence_bounds(text: str, at: int, breaks: list[int]) -> tuple[int, int]:
    """Start and end offsets of the sentence holding offset `at`."""
    i = bisect.bisect_right(breaks, at)
    return breaks[i - 1], breaks[i] if i < len(breaks) else len(text)


def _after_publication(hit: _Hit, date: Date | None, pub: Date | None) -> bool:
    """A yearless day ("May 4") that the nearest-year rule put months after publication, in a
    past-tense sentence ("was arrested on May 4th", published in November): the last one."""
    if date is None or pub is None or hit.kind not in {"mdy", "dmy"} or hit.match["y"]:
        return False
    return (date - pub).days > PAST_SLACK_DAYS


# --- resolving -------------------------------------------------------------------------------------


def _resolve_hit(hit: _Hit, pub: Date | None, future: bool, order: str | None = None) -> Resolved:
    """Dispatch to the resolver of the hit's kind; impossible dates become notes, never exceptions.
    `order` is the page's order of numeric dates (`numeric_order`)."""
    try:
        if hit.kind == "numeric":
            return _numeric(hit.match, order)
        return _RESOLVERS[hit.kind](hit.match, pub, future)
    except ValueError:
        return None, None, "invalid date"
    except OverflowError:
        return None, None, "date out of range"


def _group(m: Match, name: str) -> str | None:
    return m.groupdict().get(name)


def _day(s: str) -> int:
    return int(re.sub(r"[^0-9]", "", s))


def _month(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def _month_range(
    year: int, month: int, first: int = 1, last: int | None = None
) -> tuple[Date, Date]:
    """Days `first`..`last` (default: the month's last day) of one month."""
    following = Date(year + month // 12, month % 12 + 1, 1)
    return Date(year, month, first), Date(year, month, last) if last else following - _days(1)


def _day_of(month: int, day: int, year: str | None, pub: Date | None) -> tuple[Date | None, str]:
    """A day of a month: in `year` when given, else in the year nearest the publication date."""
    Date(2000, month, day)  # raises ValueError for a day no month has ("February 30")
    if year:
        return Date(int(year), month, day), "absolute"
    if pub is None:
        return None, NO_YEAR
    return _nearest(month, day, pub), "year from publication date"


def _nearest(month: int, day: int, pub: Date) -> Date:
    """The occurrence of month/day nearest the publication date (the year before, of, or after it)."""
    options = []
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            options.append(Date(year, month, day))
        except ValueError:
            continue
    if not options:
        raise ValueError("no such day near the publication date")
    return min(options, key=lambda d: abs((d - pub).days))


def _period(make: Callable[[int], tuple[Date, Date]], pub: Date, future: bool) -> tuple[Date, Date]:
    """A yearless period (May, early May): this year's, unless that is wholly after the publication
    (past reading: last year's) or wholly before it (future reading: next year's)."""
    first, last = make(pub.year)
    if future and last < pub:
        return make(pub.year + 1)
    if not future and first > pub:
        return make(pub.year - 1)
    return first, last


def _iso(m: Match, pub: Date | None, future: bool) -> Resolved:
    return Date(int(m["y"]), int(m["m"]), int(m["d"])), None, "absolute"


def _numeric(m: Match, order: str | None) -> Resolved:
    """ "15/09/2013" (day first: 15 is no month), "9/15/2013" (month first), "05/09/2013" by the
    page's `order`, else unresolved; "05/05/2013" is one day either way."""
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    if a > 12 or (a != b and b <= 12 and order == DAY_FIRST):
        return Date(year, b, a), None, "absolute"
    if b > 12 or a == b or order == MONTH_FIRST:
        return Date(year, a, b), None, "absolute"
    return None, None, NO_ORDER


def _day_month(m: Match, pub: Date | None, future: bool) -> Resolved:
    date, note = _day_of(_month(m["m"]), _day(m["d"]), m["y"], pub)
    return date, None, note


def _day_range(m: Match, pub: Date | None, future: bool) -> Resolved:
    """ "May 3-5", "between May 30 and June 2", "3-5 May 2018"."""
    month = _month(m["m"])
    month2 = _month(_group(m, "m2") or m["m"])
    start, note = _day_of(month, _day(m["d1"]), m["y"], pub)
    end, _ = _day_of(month2, _day(m["d2"]), m["y"], pub)
    if start is None or end is None:
        return None, None, note
    if end < start and month2 < month:
        start, end = (
            (start.replace(year=start.year - 1), end)
            if m["y"]
            else (start, end.replace(year=end.year + 1))
        )
    return (start, end, "range") if start <= end else (None, None, "invalid date")


def _month_year(m: Match, pub: Date | None, future: bool) -> Resolved:
    return (*_month_range(int(m["y"]), _month(m["m"])), "month")


def _in_month(m: Match, pub: Date | None, future: bool) -> Resolved:
    """ "in May": the month of the publication year, moved a year by tense when wholly off-side."""
    if pub is None:
        return None, None, NO_PUB
    month = _month(m["m"])
    return (*_period(lambda y: _month_range(y, month), pub, future), "month")


def _rel_month(m: Match, pub: Date | None, future: bool) -> Resolved:
    """ "last May" (the latest May before the publication month), "next May", "this May"."""
    if pub is None:
        return None, None, NO_PUB
    month, which = _month(m["m"]), m["which"].lower()
    year = pub.year
    if which == "last" and month >= pub.month:
        year -= 1
    elif which == "next" and month <= pub.month:
        year += 1
    return (*_month_range(year, month), f"{which} {MONTH_NAMES[month - 1].title()}")


def _month_rel_year(m: Match, pub: Date | None, future: bool) -> Resolved:
    """ "April last year", "May of next year", "June this year": that month of the year counted
    from the publication year."""
    if pub is None:
        return None, None, NO_PUB
    which = m["which"].lower()
    year = pub.year + {"this": 0, "last": -1, "next": 1}[which]
    return (*_month_range(year, _month(m["m"])), f"month of {which} year")


def _part_key(part: str) -> str:
    words = part.lower().split()
    return PART_KEYS[words[-2] if words[-1] == "of" else words[0]]


def _part_month(m: Match, pub: Date | None, future: bool) -> Resolved:
    """ "early May" (1-10), "mid-May" (11-20), "late May" (21-end), with or without a year."""
    month, key = _month(m["m"]), _part_key(m["part"])
    first, last = MONTH_PARTS[key]
    note = f"{key} {MONTH_NAMES[month - 1].title()}"
    if m["y"]:
        return (*_month_range(int(m["y"]), month, first, last), note)
    if pub is None:
        return None, None, NO_PUB
    return (*_period(lambda y: _month_range(y, month, first, last), pub, future), note)


def _part_year(m: Match, pub: Date | None, future: bool) -> Resolved:
    """ "early 2017" (January-April), "mid-2017" (May-August), "late 2017" (September-December)."""
    year, key = int(m["y"]), _part_key(m["part"])
    first, last = YEAR_PARTS[key]
    return _month_range(year, first)[0], _month_range(year, last)[1], f"{key} {year}"


def _weekday(pub: Date, wd: int, mod: str, future: bool) -> Date:
    """A weekday relative to the publication date, by modifier and tense."""
    if mod == "this":
        return pub + _days(wd - pub.weekday())
    if mod in ("next", "coming", "this coming"):
        return pub + _days((wd - pub.weekday()) % 7 or 7)
    if mod in ("last", "past", "this past"):
        return pub - _days((pub.weekday() - wd) % 7 or 7)
    if future:
        return pub + _days((wd - pub.weekday()) % 7)
    return pub - _days((pub.weekday() - wd) % 7)


def _point(expr: str, pub: Date, future: bool) -> Date:
    """One day named relative to the publication date: today, yesterday, (next/last) Sunday."""
    e = " ".join(expr.lower().split())
    if e in DAYWORDS:
        return pub + _days(DAYWORDS[e])
    *mods, name = e.split()
    return _weekday(pub, WEEKDAYS[name], " ".join(mods), future)


def _point_hit(m: Match, pub: Date | None, future: bool) -> Resolved:
    if pub is None:
        return None, None, NO_PUB
    date = _point(m[0], pub, future)
    when = "after" if date > pub else "before" if date < pub else "on"
    return date, None, f"{when} publication date" + (" (future tense)" if future else "")


def _range_end(
    expr: str, pub: Date | None, future: bool, after: Date | None
) -> tuple[Date | None, str]:
    """One end of "from X to Y": a month-day, or a day relative to the publication date. A bare
    weekday after `after` is its first occurrence on or after that day."""
    md = MD.fullmatch(expr) or DM.fullmatch(expr)
    if md:
        return _day_of(_month(md["m"]), _day(md["d"]), None, pub)
    if pub is None:
        return None, NO_PUB
    if after and BARE_WD.fullmatch(expr):
        return after + _days((WEEKDAYS[expr.lower()] - after.weekday()) % 7), ""
    return _point(expr, pub, future), ""


def _range(m: Match, pub: Date | None, future: bool) -> Resolved:
    """ "from Tuesday to Saturday", "from today to Saturday", "between May 3 and May 5"."""
    start, note = _range_end(m["a"], pub, future, None)
    end, _ = _range_end(m["b"], pub, future, start) if start else (None, note)
    if start is None or end is None:
        return None, None, note
    if end < start and (MD.fullmatch(m["b"]) or DM.fullmatch(m["b"])):
        end = end.replace(year=end.year + 1)
    if end < start:
        end += _days(7 * -(-(start - end).days // 7))
    return start, end, "range relative to publication date" if pub else "range"


def _year_range(m: Match, pub: Date | None, future: bool) -> Resolved:
    first, last = int(m["a"] or m["c"]), int(m["b"])
    return (
        (Date(first, 1, 1), Date(last, 12, 31), "years")
        if first < last
        else (None, None, "invalid date")
    )


def _unit_range(unit: str, pub: Date, shift: int) -> tuple[Date, Date]:
    """The calendar week (Monday-Sunday), weekend, month or year `shift` units from the publication's."""
    if unit in ("week", "weekend"):
        monday = pub - _days(pub.weekday()) + _days(7 * shift)
        return (
            (monday + _days(5), monday + _days(6))
            if unit == "weekend"
            else (monday, monday + _days(6))
        )
    if unit == "month":
        index = pub.year * 12 + pub.month - 1 + shift
        return _month_range(index // 12, index % 12 + 1)
    return Date(pub.year + shift, 1, 1), Date(pub.year + shift, 12, 31)


def _rolling(unit: str, pub: Date, forward: bool) -> tuple[Date, Date]:
    """ "the past week" / "the coming month": the 7/30/365 days before or after the publication."""
    n = {"week": 7, "month": 30, "year": 365}[unit]
    return (pub + _days(1), pub + _days(n)) if forward else (pub - _days(n), pub - _days(1))


def _relative(m: Match, pub: Date | None, future: bool) -> Resolved:
    """this/last/next week|month|year|weekend, "earlier this month", "the past week"."""
    if pub is None:
        return None, None, NO_PUB
    words = m[0].lower().split()
    which, unit = words[-2], words[-1]
    note = f"{' '.join(words)} relative to publication date"
    if unit != "weekend" and (which in ("past", "coming") or (which == "next" and "the" in words)):
        return (*_rolling(unit, pub, which != "past"), note)
    start, end = _unit_range(
        unit, pub, {"this": 0, "past": -1, "last": -1, "next": 1, "coming": 1}[which]
    )
    if which == "this" and words[0] == "earlier":
        end = max(start, pub - _days(1))
    elif which == "this" and words[0] == "later":
        start = min(end, pub + _days(1))
    return start, end, note


def _weekend(m: Match, pub: Date | None, future: bool) -> Resolved:
    """ "over the weekend": the latest Saturday-Sunday (the next one in a future-tense sentence)."""
    if pub is None:
        return None, None, NO_PUB
    saturday = (
        pub + _days((5 - pub.weekday()) % 7) if future else pub - _days((pub.weekday() - 5) % 7)
    )
    return saturday, saturday + _days(1), "weekend relative to publication date"


def _ago(m: Match, pub: Date | None, future: bool) -> Resolved:
    """ "two days ago" (a day), "a week ago" (a day, approximate), "three months ago" (that month)."""
    if pub is None:
        return None, None, NO_PUB
    n_text, unit = m["n"].lower(), m["u"].lower()
    n = int(n_text) if n_text.isdigit() else NUMBERS[n_text]
    if unit in ("day", "week"):
        return (
            pub - _days(n * (7 if unit == "week" else 1)),
            None,
            "before publication date" + (" (approximate)" if unit == "week" else ""),
        )
    return (*_unit_range(unit, pub, -n), "approximate: the calendar " + unit)


def _vague(m: Match, pub: Date | None, future: bool) -> Resolved:
    return None, None, "vague"


def _decade(m: Match, pub: Date | None, future: bool) -> Resolved:
    first = int(m["s"][:4])
    return Date(first, 1, 1), Date(first + 9, 12, 31), "decade"


def _year(m: Match, pub: Date | None, future: bool) -> Resolved:
    year = int(m["s"])
    return Date(year, 1, 1), Date(year, 12, 31), "year"


_RESOLVERS: MappingProxyType[str, Callable[[Match, Date | None, bool], Resolved]] = (
    MappingProxyType(
        {
            "iso": _iso,
            "range_md": _day_range,
            "range_dm": _day_range,
            "range": _range,
            "wd_range": _range,
            "year_range": _year_range,
            "mdy": _day_month,
            "dmy": _day_month,
            "month_year": _month_year,
            "part_month": _part_month,
            "part_year": _part_year,
            "month_rel_year": _month_rel_year,
            "rel_month": _rel_month,
            "in_month": _in_month,
            "relative": _relative,
            "weekend": _weekend,
            "ago": _ago,
            "vague": _vague,
            "point": _point_hit,
            "decade": _decade,
            "year": _year,
            "year_noun": _year,
        }
    )
)
