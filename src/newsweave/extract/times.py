"""Times of day a text states ("7:37 a.m. local time", "0737 GMT", "around 5 p.m."), as
figures of kind `time:<zone>`, and whether two agree once converted to UTC."""

from __future__ import annotations

import re

from ..models import NumberMention, Span

# Offsets from UTC, in minutes, of the zones a time is converted from. A zone name that several
# countries use for different offsets ("IST": India or Israel, "CST": China or the US) is not here:
# a time in it is compared only with times stated in the same zone.
ZONE_OFFSETS = {
    "gmt": 0,
    "utc": 0,
    "bst": 60,
    "cet": 60,
    "cest": 120,
    "eet": 120,
    "eest": 180,
    "msk": 180,
    "wib": 420,
    "wita": 480,
    "wit": 540,
    "sgt": 480,
    "hkt": 480,
    "jst": 540,
    "kst": 540,
    "aest": 600,
    "aedt": 660,
    "nzst": 720,
    "nzdt": 780,
    "est": -300,
    "edt": -240,
    "cdt": -300,
    "mst": -420,
    "mdt": -360,
    "pst": -480,
    "pdt": -420,
}
AMBIGUOUS_ZONES = ("ist", "cst", "et", "pt", "ct", "mt")
# A time with no zone, or in "local time", is the time where the story happens: comparable with
# other local times, never converted (the text does not say the place's offset).
LOCAL = "local"
# Qualifiers of a time of day and the minutes they allow around it ("shortly after 2 a.m.").
TIME_QUALIFIERS = {
    "about": (-15, 15),
    "around": (-15, 15),
    "approximately": (-15, 15),
    "roughly": (-15, 15),
    "shortly after": (0, 30),
    "just after": (0, 30),
    "just past": (0, 30),
    "soon after": (0, 30),
    "shortly before": (-30, 0),
    "just before": (-30, 0),
}
# The qualifiers that round a time both ways ("about 10 a.m."), not those that bound it on one side.
ROUNDING_QUALIFIERS = frozenset(
    q for q, (before, after) in TIME_QUALIFIERS.items() if before and after
)
CLOCK_12 = "12-hour clock"  # a unit's mark: "9:25" with no a.m./p.m. is 9:25 or 21:25
_DAY = 24 * 60
_ZONES_RE = "|".join(sorted([*ZONE_OFFSETS, *AMBIGUOUS_ZONES], key=len, reverse=True))
_TIME_QUALS_RE = "|".join(q.replace(" ", r"\s+") for q in TIME_QUALIFIERS)
TIME_OF_DAY = re.compile(
    rf"(?:\b(?P<qual>(?i:{_TIME_QUALS_RE}))\s+)?"
    r"(?P<time>(?<![\w.:,/$-])(?:"
    r"(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s?(?P<ampm>(?i:[ap]\.\s?m\.|[ap]m\b))"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])"
    r"|(?P<hh>[01]\d|2[0-3])[.:]?(?P<mm>[0-5]\d)(?=\s*(?i:hrs|hours|gmt|utc)\b)"
    r"|(?P<word>(?i:noon|midnight))\b"
    r"))"
    rf"(?:\s+(?P<zone>(?i:local\s+time)|(?i:{_ZONES_RE})\b))?"
)
_DAYPART = re.compile(
    r"^\s+(?:(?:on\s+)?[A-Z][a-z]+day\s+|in\s+the\s+)(?P<part>morning|afternoon|evening|night)\b"
)


def times_of_day(
    text: str, source_id: str, start: int = 0, end: int | None = None
) -> list[NumberMention]:
    """Every time of day stated in `text` ("7:37 AM local time", "0737 GMT", "about 7 p.m."), as a
    figure of kind "time:utc" (a zone with a known offset: the value converted to UTC),
    "time:local" (local time or no zone) or "time:<zone>" (a zone of several offsets); the value in
    minutes after midnight, the unit naming the zone and, for "9:25" with no a.m./p.m., the
    12-hour clock (9:25 or 21:25). `start`, `end`: read only there (one sentence)."""
    out = []
    for m in TIME_OF_DAY.finditer(text, start, len(text) if end is None else end):
        minutes, twelve = _clock(m, text)
        if minutes is None:
            continue
        zone = " ".join((m["zone"] or LOCAL).lower().split()).removesuffix(" time")
        if zone in ZONE_OFFSETS:
            minutes, zone = (minutes - ZONE_OFFSETS[zone]) % _DAY, "utc"
        unit = f"{zone if zone == LOCAL else zone.upper()} time" + (
            f", {CLOCK_12}" if twelve else ""
        )
        qual = " ".join(m["qual"].lower().split()) if m["qual"] else None
        out.append(
            NumberMention(
                Span(source_id, *m.span("time")),
                m["time"],
                float(minutes),
                unit,
                None,
                qual,
                f"time:{zone}",
            )
        )
    return out


def _clock(m: re.Match, text: str) -> tuple[int | None, bool]:
    """Minutes after midnight, and whether the hour may be a.m. or p.m."""
    if m["word"]:
        return (720 if m["word"].lower() == "noon" else 0), False
    if m["ampm"]:
        hour = int(m["h"])
        if not 1 <= hour <= 12:
            return None, False
        pm = m["ampm"].lower().startswith("p")
        return (hour % 12 + 12 * pm) * 60 + int(m["m"] or 0), False
    hour, minute = (m["h24"], m["m24"]) if m["h24"] else (m["hh"], m["mm"])
    part = _DAYPART.match(text[m.end("time") : m.end("time") + 40])
    value = int(hour) * 60 + int(minute)
    if part and int(hour) <= 12:
        evening = part["part"] != "morning" and not (part["part"] == "night" and int(hour) < 5)
        return (int(hour) % 12 + 12 * evening) * 60 + int(minute), False
    hours = re.match(r"\s*(?i:hrs|hours)\b", text[m.end("time") :])
    return value, not (int(hour) > 12 or hour.startswith("0") or m["hh"] or hours)


def times_agree(a: NumberMention, b: NumberMention) -> bool:
    """Two times of one zone agree when the minutes their qualifiers allow meet ("shortly after
    2 a.m." / "just after 2:30 a.m."); a time on the 12-hour clock matches either half of the day."""
    low_a, high_a = _time_interval(a)
    low_b, high_b = _time_interval(b)
    shifts = [0, _DAY, -_DAY]
    if CLOCK_12 in (a.unit or "") or CLOCK_12 in (b.unit or ""):
        shifts += [720, -720, _DAY + 720, -_DAY - 720]
    # two rounded times whose ranges only touch were rounded to different marks ("about 10 a.m." /
    # "around 10:30 a.m."): they name two times; a range that ends where it starts is not rounded
    rounded = a.qualifier in ROUNDING_QUALIFIERS and b.qualifier in ROUNDING_QUALIFIERS
    if rounded:
        return any(max(low_a, low_b + s) < min(high_a, high_b + s) for s in shifts)
    return any(max(low_a, low_b + s) <= min(high_a, high_b + s) for s in shifts)


def _time_interval(n: NumberMention) -> tuple[float, float]:
    before, after = TIME_QUALIFIERS.get(n.qualifier or "", (0, 0))
    return n.value + before, n.value + after
