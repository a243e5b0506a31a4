"""Which figures of different outlets are one figure (`align.crossfigures`): every typed figure of
every statement is keyed by what it measures (`figure_key`) and anchored in its sentence's words,
names and dates and in its frame (`extract.frames`: verb, subject, person, places, year); values of
one key in sentences alike enough are joined pair by pair, best-anchored first, while each source
stays consistent (`link_groups`).

Guards: figures of different types never meet; a sentence about another time (`timeline.background`)
meets only another such sentence, and sentences dated in different years never meet; values that
differ need sentences more alike than values that agree; and one source is taken to agree with
itself: a source giving two different values of one key ("six rifles in this raid", "14 rifles in
five raids") tells of two things, so its two values never join one figure.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from rapidfuzz.fuzz import ratio

from ..extract.figures import TOLLS, conversions, direction_of, figures_agree
from ..extract.frames import Frame, Frames, dated_elsewhere, year_of
from ..models import NumberMention
from .figures import story_year, subgroup
from .timeline import background
from .vectors import SentenceVector

# Anchor scores (`anchor_score`: sentence cosine, figures left out, plus `FRAME_BONUS` for each of
# a shared verb and subject) above which two values of one key are one figure: lower for values
# that agree than for values that differ. Read on the claims dev stories (bench/claims.py).
AGREE_LINK = 0.3
CLASH_LINK = 0.35
FRAME_BONUS = 0.2
# Kinds compared across the story besides counts, durations and money; of those, the kinds whose
# values are only grouped where they agree (the ages of several people in one story differ).
MEASURES = TOLLS | {"magnitude", "depth", "distance", "length", "age"}
# A lag between two events or a window of time ("one day after the bombings", "in the last three
# days") is told of many pairs of events in one story: compared only where values agree.
AGREE_ONLY = frozenset({"age", "duration:after", "duration:window"})
# Kinds of which an event has one value: two sources giving one event (sentences alike enough)
# different values of them disagree, though no value is given by two sources.
ONE_PER_EVENT = frozenset({"magnitude", "depth"})
# Measures of one act: one source giving two values of one of these for one verb ("fell about
# 2,000ft" in its lede, "has fallen some 700 metres" in a police quote) contradicts itself rather
# than telling of two things (`self_contradiction`). Not a magnitude: a quake story gives the
# magnitudes of earlier quakes struck, in sentences not always read as background.
MEASURED_ONCE = frozenset({"distance", "length"})
# Two spellings of one family name compare at least this alike (rapidfuzz ratio): "Rait" / "Raite".
NAME_SPELLING = 85
# Ages of one person as outlets give them differ by at most this ("31" / "32"); subjects whose ages
# differ more are two people ("the 36-year-old" / "31-year-old Robert Buckley").
AGE_GAP = 2
# The key of a count said as a running total ("has so far seized 14 rifles": `Frame.total`): it
# meets only other running totals, never one event's count ("seized six rifles from the skiff").
TOTAL = ":total"


@dataclass
class Item:
    """One typed figure of one statement."""

    number: NumberMention
    vector: SentenceVector
    key: str
    past: bool  # the sentence tells of another time than its article's
    frame: Frame
    settled: bool = False  # a value of the story's own figures: only agreeing values join it
    year: int | None = None  # the year its clause is of (`frames.year_of`)
    undated: bool = False  # its sentence's dates are all of clauses describing something else

    @property
    def source(self) -> str:
        return self.vector.source

    @property
    def witness(self) -> str:
        return self.vector.witness

    @property
    def at(self) -> tuple[str, int]:
        return self.number.span.source, self.number.span.start


def figure_key(kind: str | None) -> str | None:
    """What a figure is compared by: its kind for tolls and measures (a toll of a part of the
    victims also by what it counts: `_compared`), "duration" ("duration:after" for a lag,
    "duration:window" for a window of time), "money:USD",
    "count:<thing counted>"; None for kinds never compared across sentences (years, ranks, times
    of day, ages, percentages: a share of what is worded too freely)."""
    head, _, rest = (kind or "").partition(":")
    if head in MEASURES and not (head == "age" and rest):
        return head  # a named age ("age:rait") is a story figure (`align.figures`)
    if head == "duration":
        role = rest.partition(":")[2]  # "duration::after": a lag (`extract.figures.duration_role`)
        return f"{head}:{role}" if role else head
    if head == "money":
        return kind
    if head == "count":
        thing = rest.partition(":")[0]
        return f"count:{thing}" if thing else None
    return None


def typed_items(
    vectors: list[SentenceVector], cited: set[tuple[str, int]], frames: Frames
) -> list[Item]:
    """The typed figures of whole statements; a distance in a direction from a place ("55 km
    south of Bireun") is compared with the place (`align.figures`), not here, and a measure
    converted in brackets ("(34 miles)") with the measure it converts."""
    items = []
    documents = list({id(v.document): v.document for v in vectors}.values())
    year = story_year(documents)
    converted = {at for d in documents for at in conversions(d.numbers, d.source.text)}
    for v in vectors:
        keyed = [
            (n, key)
            for n in ([] if v.part else v.figures)
            if (n.span.source, n.span.start) not in converted and (key := _compared(n, v))
        ]
        past = bool(keyed) and background(v.document, v.sentence)
        for n, key in keyed:
            frame = frames.of(n, v.document.nlp)
            if frame.total and key.startswith("count:"):
                key += TOTAL  # "14 rifles so far" is not "six rifles seized from the skiff"
            settled = key in AGREE_ONLY or (
                key in TOLLS and ((n.span.source, n.span.start) in cited or not past)
            )
            undated = key in AGREE_ONLY and _dated_elsewhere(n, v)
            when = year_of(frame.when, year)
            items.append(Item(n, v, key, past and not undated, frame, settled, when, undated))
    return items


def _dated_elsewhere(n: NumberMention, v: SentenceVector) -> bool:
    """Are the sentence's dates all of clauses describing a noun, not the figure's
    (`frames.dated_elsewhere`)? Read for lags, windows and ages only (`AGREE_ONLY`): a toll in
    "the tsunami, which struck in 2004, killed 230,000" stays of 2004."""
    span = v.sentence.span
    dates = [
        (m.span.start, m.span.end)
        for m in v.document.dates
        if span.start <= m.span.start < span.end
    ]
    return dated_elsewhere(n, v.document.nlp, dates)


def _compared(n: NumberMention, v: SentenceVector) -> str | None:
    """The figure's key (`figure_key`), None when it is not compared here."""
    key = figure_key(n.kind)
    if key is None or (key == "distance" and direction_of(n, v.document.source.text)):
        return None
    if key.startswith("count:") and n.value == 1 and not n.unit:
        return None  # "one Australian and one English climber": no figure
    part = subgroup(n)
    return f"{key}:{part}" if part else key  # "six children were killed": a part of the toll


def link_groups(items: list[Item], same=None) -> list[list[Item]]:
    """Values of one key joined, best-anchored pair first, while each source stays consistent:
    first values that agree (each group one value as several sources give it), then groups whose
    values differ."""
    agree: list[tuple[float, int, int]] = []
    clash: list[tuple[float, int, int]] = []
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            if a.key != b.key or a.source == b.source or not _same_time(a, b):
                continue
            if _other_people(a.frame, b.frame):
                continue
            alike = (same or values_agree)(a, b)
            if not alike and a.witness == b.witness:
                continue  # copies of one report that differ: an edit, not a second witness
            if not alike and (same or a.settled or b.settled or _elsewhere(a.frame, b.frame)):
                continue  # "in the province" / "across Asia": counted over different places
            score = anchor_score(a, b)
            if score >= (AGREE_LINK if alike else CLASH_LINK):
                (agree if alike else clash).append((score, id(a), id(b)))
    group_of: dict[int, list[Item]] = {id(i): [i] for i in items}
    # strongest first; ties in the items' order (never by id: memory addresses vary run to run)
    for _, x, y in sorted(agree, key=_score) + sorted(clash, key=_score):
        ga, gb = group_of[x], group_of[y]
        if ga is gb or not _consistent(ga + gb):
            continue
        ga.extend(gb)
        for item in gb:
            group_of[id(item)] = ga
    seen: set[int] = set()
    out = []
    for g in group_of.values():
        if id(g) not in seen and _shown(g, same or values_agree):
            seen.add(id(g))
            out.append(sorted(g, key=lambda i: (i.source, i.number.span.start)))
    return out


def _shown(group: list[Item], alike) -> bool:
    """Is a group a figure: given by two or more witnesses, or by two or more sources that are
    one witness (copies of one wire story) and agree ("3 sources agree (1 independent)")?"""
    if len({i.witness for i in group}) >= 2:
        return True
    return len({i.source for i in group}) >= 2 and all(alike(group[0], i) for i in group)


def _score(link: tuple[float, int, int]) -> float:
    return -link[0]


def corroborated(group: list[Item]) -> list[list[Item]]:
    """The group, when its values agree, one of its values is given by two or more witnesses or
    it is a measure an event has one of (`ONE_PER_EVENT`); else its parts that give one value:
    where every source gives another number ("22 houses", "40 houses", "300 houses") they count
    different places, not one figure in dispute."""
    parts: list[list[Item]] = []
    for i in group:
        part = next((p for p in parts if _same_value(p[0], i)), None)
        if part is None:
            parts.append([i])
        else:
            part.append(i)
    if (
        len(parts) == 1
        or group[0].key in ONE_PER_EVENT
        or any(len({i.witness for i in p}) >= 2 for p in parts)
    ):
        return [group]
    return [p for p in parts if len({i.witness for i in p}) >= 2]


def _same_time(a: Item, b: Item) -> bool:
    """Both of the story's time or both of another, and not of different years: by the years
    their clauses are of ("2014, when 121 cases were confirmed" / "2015, when 21 ...") or the
    dates of their sentences ("In 2004, a 9.1-magnitude quake" / "In April last year an
    8.6-magnitude quake")."""
    if a.past != b.past or (a.year and b.year and a.year != b.year):
        return False
    ya, yb = (set() if i.undated else _years(i.vector) for i in (a, b))
    return not (ya and yb and not ya & yb)


def _years(v: SentenceVector) -> set[int]:
    return {d.date.year for d in v.dates if d.date is not None}


def _one_person(a: Frame, b: Frame) -> bool:
    """Do both figures' subjects name one person ("Robert Buckley, 32," / "31-year-old Robert
    Buckley")?"""
    return bool(a.who and b.who and ratio(a.who, b.who) >= NAME_SPELLING)


def _other_people(a: Frame, b: Frame) -> bool:
    """Do the figures' subjects name different people ("Rait fell 200 ft" / "Buckley fell 700
    m"), or give ages too far apart for one person ("the 36-year-old" / "31-year-old Robert
    Buckley")? Their figures are never one figure."""
    if a.who and b.who and not _one_person(a, b):
        return True
    return a.age is not None and b.age is not None and abs(a.age - b.age) > AGE_GAP


def _elsewhere(a: Frame, b: Frame) -> bool:
    """Are two figures counted over different places ("in the province" / "across Asia")?"""
    return bool(a.scope and b.scope and not a.scope & b.scope)


def _consistent(group: list[Item]) -> bool:
    """Every source's values in the group agree with each other, or contradict each other on one
    measure of one event (`self_contradiction`)."""
    by_source: dict[str, list[Item]] = {}
    for i in group:
        by_source.setdefault(i.source, []).append(i)
    if not all(
        values_agree(a, b) or self_contradiction(a, b)
        for g in by_source.values()
        for a in g
        for b in g
        if a is not b
    ):
        return False
    settled = [i for i in group if i.settled]
    if not all(values_agree(a, b) for a in settled for b in group):
        return False
    return not any(_other_people(a.frame, b.frame) for a in group for b in group)


def values_agree(a: Item, b: Item) -> bool:
    return figures_agree(a.number, b.number)


def self_contradiction(a: Item, b: Item) -> bool:
    """Are two values one source gives one measure of one event (`MEASURED_ONCE`, one verb, not
    two people): "fell about 2,000ft" / "has fallen some 700 metres" tells of one fall, where
    "seized six rifles" / "has seized 14 rifles" may tell of two raids."""
    return (
        a.key in MEASURED_ONCE
        and bool(a.frame.verb)
        and a.frame.verb == b.frame.verb
        and not _other_people(a.frame, b.frame)
        and not _dated_apart(a.vector, b.vector)
    )


def _dated_apart(a: SentenceVector, b: SentenceVector) -> bool:
    """Do both sentences name days and none in common ("on Friday" / "on Saturday")?"""
    da, db = (
        {m.text.lower() for m in v.document.index("dates").overlapping(*_bounds(v))} for v in (a, b)
    )
    return bool(da and db and not da & db)


def _bounds(v: SentenceVector) -> tuple[int, int]:
    return v.sentence.span.start, v.sentence.span.end


def _same_value(a: Item, b: Item) -> bool:
    """One value, qualifiers aside ("at least 22" agrees with "40" but is not the same value)."""
    return figures_agree(replace(a.number, qualifier=None), replace(b.number, qualifier=None))


def anchor_score(a: Item, b: Item) -> float:
    """How alike the sentences of two figures are (`anchor_cosine`), plus `FRAME_BONUS` for one
    verb governing both ("fell about 600m" / "fell 700 meters"), for one subject ("the quake
    was felt for 15 seconds" / "the quake shook houses for one minute") and for two or more other
    things both count (`_listed`: "14 rifles, 31 magazines and 923 rounds" / "six rifles, 12
    magazines and about 300 rounds")."""
    score = anchor_cosine(a.vector, b.vector, {_feature(a.number), _feature(b.number)})
    if a.frame.verb and a.frame.verb == b.frame.verb:
        score += FRAME_BONUS
    if (a.frame.subject and a.frame.subject == b.frame.subject) or _one_person(a.frame, b.frame):
        score += FRAME_BONUS
    if len((_listed(a.vector) & _listed(b.vector)) - {a.key, b.key}) >= 2:
        score += FRAME_BONUS
    return score


def _listed(v: SentenceVector) -> set[str]:
    """The things a sentence counts ("six rifles, 12 magazines and about 300 rounds": count:rifle,
    count:magazine, count:round): two sentences counting two or more of the same other things
    list one haul, whatever numbers each gives."""
    return {key for n in v.figures if (key := figure_key(n.kind)) and key.startswith("count:")}


def _feature(n: NumberMention) -> str:
    return f"n:{n.value:g}:{n.unit}:"


def anchor_cosine(a: SentenceVector, b: SentenceVector, left_out: set[str]) -> float:
    """Cosine of two sentence vectors over their words, names, dates and numbers, but for the
    numbers named in `left_out` (feature prefixes: the figures compared)."""
    wa = {f: w for f, w in a.weights.items() if not f.startswith(tuple(left_out))}
    wb = {f: w for f, w in b.weights.items() if not f.startswith(tuple(left_out))}
    na, nb = math.sqrt(sum(w * w for w in wa.values())), math.sqrt(sum(w * w for w in wb.values()))
    if not na or not nb:
        return 0.0
    return sum(w * wb.get(f, 0.0) for f, w in wa.items()) / (na * nb)
