"""Figures compared across outlets by what they measure and the event they tell of, whatever fact
their sentences were grouped in.

Two outlets' sentences often state one figure beside different other claims ("A 36-year-old
climber is dead after falling about 150 metres at Mount Cook" / "On Friday, 36-year-old Duncan
Rait died after slipping and falling about 60m from a ridge"): the fact grouping never compares
them. Here every typed figure of every statement (`extract.figures.figure_kind`) is keyed by its
type (a toll, a magnitude, a distance, a duration, money in one currency, a count of one thing)
and anchored in its sentence's words, names and dates (the IDF-weighted sentence vectors of
`align.vectors`, the figures themselves left out). Values of one key in sentences alike enough are
one figure: compared, they agree, were updated or conflict.

Guards: figures of different types never meet; a sentence about another time (`timeline.background`)
meets only another such sentence, and sentences dated in different years never meet; values that differ need sentences more alike than values that
agree; and one source is taken to agree with itself: a source giving two different values of one
key ("six rifles in this raid", "14 rifles in five raids") tells of two things, so its two values
never join one figure.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace

from rapidfuzz.fuzz import ratio

from ..extract.dates import MONTHS, WEEKDAYS
from ..extract.figures import (
    DAY_KINDS,
    TOLLS,
    conversions,
    days_agree,
    direction_of,
    figures_agree,
    governor,
    stem,
)
from ..extract.frames import Frame, dated_elsewhere, figure_frame, year_of
from ..extract.ordinals import date_marks
from ..models import Conflict, Document, Figure, FigureValue, NumberMention
from .figures import story_year, subgroup
from .marks import sentence_marks
from .timeline import background
from .vectors import SentenceVector
from .verdicts import agree_note, figure_value, make_figure

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
# than telling of two things (`_self_contradiction`). Not a magnitude: a quake story gives the
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
class _Item:
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


def cross_figures(vectors: list[SentenceVector], shown: list[Figure]) -> list[Figure]:
    """The story's figures with those compared across outlets added: a group of values that differ
    replaces the figures whose values it holds; one that agrees is added unless a figure already
    compares two of its values."""
    cited = {(v.span.source, v.span.start) for f in shown for v in f.values}
    items = _items(vectors, cited)
    witness = {v.source: v.witness for v in vectors}
    out = list(shown)
    for group in [part for g in _groups(items) for part in _corroborated(g)]:
        figure = _as_figure(group)
        places = {i.at for i in group}
        if figure.verdict != "agree":
            out = [f for f in out if not _within(f, places)]
            out = [g for f in out if (g := _without(f, places, witness)) is not None]
        if figure.verdict != "agree" or not any(_compares(f, places) for f in out):
            out.append(figure)
    return _numbered(_merged(out, witness))


def _without(
    figure: Figure, places: set[tuple[str, int]], witness: dict[str, str]
) -> Figure | None:
    """A figure that agrees, less the values a figure in dispute holds ("The Navy confiscated 14
    rifles from the boat" is one raid's count in dispute, not a running total "14 rifles so far"
    agreeing): a value is shown agreeing or in dispute, never both. None when fewer than two
    witnesses are left."""
    if figure.verdict != "agree" or not _places(figure) & places:
        return figure
    figure.values = [v for v in figure.values if (v.span.source, v.span.start) not in places]
    if len({witness.get(v.span.source, v.span.source) for v in figure.values}) < 2:
        return None
    figure.note = agree_note(figure.values, witness)
    return figure


def cross_marks(vectors: list[SentenceVector], shown: list[Figure]) -> list[Figure]:
    """The years, days, times of day and ranks (`align.marks.sentence_marks`) that outlets give
    for one verb or noun ("retired in 1993" / "before retiring in 1993", "return to court Dec.
    26" / "next court appearance is Dec. 26"), in sentences alike enough, whatever facts they are
    in: figures that agree, added unless a figure already compares two of their values. Values
    that differ are left uncompared here (a sentence may name several years; dates named by
    different weekdays or months: `align.conflicts.day_conflicts`)."""
    items = []
    for v in vectors:
        if v.part:
            continue
        for n in sentence_marks(v):
            verb = governor(v.document.nlp, n.span)
            if verb:
                kind = "day" if n.kind in DAY_KINDS else n.kind  # "23 December" / "in December"
                items.append(_Item(n, v, f"{kind}|{stem(verb)}", False, Frame(verb=verb)))
    out = list(shown)
    witness = {v.source: v.witness for v in vectors}
    for group in _groups(items, same=_same_mark):
        if not any(_compares(f, {i.at for i in group}) for f in out) and not _joined(
            group, out, witness
        ):
            figure = _as_figure(sorted(group, key=_precision))
            verb = group[0].frame.verb
            # "year (retire)", "ordinal (season, end)"
            figure.label = (
                f"{figure.label[:-1]}, {verb})"
                if "(" in figure.label
                else f"{figure.label} ({verb})"
            )
            out.append(figure)
    return _numbered(out)


def _same_mark(a: _Item, b: _Item) -> bool:
    """One year, rank or time; one day, though named at different precisions (`days_agree`)."""
    if a.number.kind in DAY_KINDS and b.number.kind in DAY_KINDS:
        return days_agree(a.number.value, b.number.value)
    return a.number.value == b.number.value


def _precision(i: _Item) -> int:
    """The finest-named day first, so that the figure is of its kind ("date", not "month")."""
    order = ("date", "day", "month")
    return order.index(i.number.kind) if i.number.kind in order else 0


def _joined(group: list[_Item], figures: list[Figure], witness: dict[str, str]) -> bool:
    """Add the group's values to a figure of its kind that agrees on its value and cites one of
    its places ("a mark of 162-139" / "a 162-139 record" in one fact, "a 162-139 record" in a
    third outlet): one figure, not two; False when there is none."""
    kind, value, places = group[0].number.kind, group[0].number.value, {i.at for i in group}
    for f in figures:
        if (
            f.kind == kind
            and f.verdict == "agree"
            and places & _places(f)
            and all(v.value == value for v in f.values)
        ):
            known = {v.span.source for v in f.values}
            for i in group:
                if i.source not in known:
                    known.add(i.source)
                    f.values.append(figure_value(i.vector.document, i.number, i.vector.sentence))
            f.note = agree_note(f.values, witness)
            return True
    return False


def date_figures(
    conflicts: list[Conflict], documents: list[Document], shown: list[Figure]
) -> list[Figure]:
    """The figures, with a figure in conflict for each conflict of dates whose values name days
    (`extract.ordinals.date_marks`: a calendar day, a weekday, a month), so that the key figures
    show the day of the event in dispute as they show a toll in dispute."""
    by_id = {d.source.id: d for d in documents}
    out = list(shown)
    for c in conflicts:
        if c.kind != "date":
            continue
        values = [v for x in c.values if (v := _day_value(by_id[x.source], x.start)) is not None]
        kinds = {kind for kind, _ in values}
        if len(values) >= 2 and len(kinds) == 1:
            kind = kinds.pop()
            note = c.note or "sources date it differently"
            figure = Figure(
                "g0", kind, f"{kind} (in dispute)", "conflict", [v for _, v in values], note
            )
            out.append(figure)
    return _numbered(out)


def _day_value(d: Document, start: int) -> tuple[str, FigureValue] | None:
    """(kind, value) of the day a date expression at `start` names: the one weekday or month it
    names ("on Thursday", "in May 2012"), else its calendar day; None for a relative day."""
    found = [m for m in d.dates if m.span.start == start]
    sentence = d.sentence_at(start)
    if not found or sentence is None:
        return None
    words = re.findall(r"[a-z]+", found[0].text.lower())
    for kind, names, shift in (("weekday", WEEKDAYS, 1), ("month", MONTHS, 0)):
        named = {names[w] + shift for w in words if w in names}
        if len(named) == 1:
            n = NumberMention(found[0].span, found[0].text, float(named.pop()), kind=kind)
            return kind, figure_value(d, n, sentence)
    marks = date_marks(found)
    return ("date", figure_value(d, marks[0], sentence)) if marks else None


def _numbered(figures: list[Figure]) -> list[Figure]:
    """The figures, each shown once, numbered: a figure whose values another figure of the same
    verdict cites all of (one claim's figure found again in a claim part or a headline's fact)
    is left out."""
    out: list[Figure] = []
    for i, f in enumerate(figures):
        places = _places(f)
        if not any(
            g.verdict == f.verdict and places <= _places(g) and (places != _places(g) or j < i)
            for j, g in enumerate(figures)
            if g is not f
        ):
            out.append(f)
    for n, f in enumerate(out, 1):
        f.id = f"g{n}"
    return out


def _merged(figures: list[Figure], witness: dict[str, str]) -> list[Figure]:
    """Figures that agree, of one kind and one value ("magnitude: 6.1" from the story's figures
    and again from one claim's), as one figure: the first, with the other's values from sources
    it lacks."""
    out: list[Figure] = []
    for f in figures:
        same = next((g for g in out if _one_value(g, f)), None)
        if same is None:
            out.append(f)
        else:
            _add_values(same, f, witness)
    return _named_ages(out, witness)


def _named_ages(figures: list[Figure], witness: dict[str, str]) -> list[Figure]:
    """An age outlets give with no name ("a 36-year-old Australian climber") joins the one named
    person's age figure of that value that agrees ("36-year-old Duncan Rait"): one person's age,
    shown once. Left apart where no named age or two named people have that value."""
    out = list(figures)
    for f in figures:
        if f.kind != "age" or f.verdict != "agree" or len({v.value for v in f.values}) != 1:
            continue
        named = [g for g in out if g.kind.startswith("age:") and _one_value(g, f, kind=False)]
        if len(named) == 1:
            _add_values(named[0], f, witness)
            out.remove(f)
    return out


def _add_values(target: Figure, other: Figure, witness: dict[str, str]) -> None:
    known = {v.span.source for v in target.values}
    target.values.extend(v for v in other.values if v.span.source not in known)
    target.note = agree_note(target.values, witness)


def _one_value(a: Figure, b: Figure, kind: bool = True) -> bool:
    return (
        (a.kind == b.kind or not kind)
        and a.verdict == b.verdict == "agree"
        and len({v.value for v in a.values} | {v.value for v in b.values}) == 1
    )


def _places(figure: Figure) -> set[tuple[str, int]]:
    return {(v.span.source, v.span.start) for v in figure.values}


def _items(vectors: list[SentenceVector], cited: set[tuple[str, int]]) -> list[_Item]:
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
            frame = figure_frame(n, v.document.nlp)
            if frame.total and key.startswith("count:"):
                key += TOTAL  # "14 rifles so far" is not "six rifles seized from the skiff"
            settled = key in AGREE_ONLY or (
                key in TOLLS and ((n.span.source, n.span.start) in cited or not past)
            )
            undated = key in AGREE_ONLY and _dated_elsewhere(n, v)
            when = year_of(frame.when, year)
            items.append(_Item(n, v, key, past and not undated, frame, settled, when, undated))
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


def _groups(items: list[_Item], same=None) -> list[list[_Item]]:
    """Values of one key joined, best-anchored pair first, while each source stays consistent:
    first values that agree (each group one value as several sources give it), then groups whose
    values differ."""
    agree: list[tuple[float, int, int]] = []
    clash: list[tuple[float, int, int]] = []
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            if a.key != b.key or a.witness == b.witness or not _same_time(a, b):
                continue
            if _other_people(a.frame, b.frame):
                continue
            alike = (same or _agree)(a, b)
            if not alike and (same or a.settled or b.settled or _elsewhere(a.frame, b.frame)):
                continue  # "in the province" / "across Asia": counted over different places
            score = anchor_score(a, b)
            if score >= (AGREE_LINK if alike else CLASH_LINK):
                (agree if alike else clash).append((score, id(a), id(b)))
    group_of: dict[int, list[_Item]] = {id(i): [i] for i in items}
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
        if id(g) not in seen and len({i.witness for i in g}) >= 2:
            seen.add(id(g))
            out.append(sorted(g, key=lambda i: (i.source, i.number.span.start)))
    return out


def _score(link: tuple[float, int, int]) -> float:
    return -link[0]


def _corroborated(group: list[_Item]) -> list[list[_Item]]:
    """The group, when its values agree, one of its values is given by two or more witnesses or
    it is a measure an event has one of (`ONE_PER_EVENT`); else its parts that give one value:
    where every source gives another number ("22 houses", "40 houses", "300 houses") they count
    different places, not one figure in dispute."""
    parts: list[list[_Item]] = []
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


def _same_time(a: _Item, b: _Item) -> bool:
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


def _consistent(group: list[_Item]) -> bool:
    """Every source's values in the group agree with each other, or contradict each other on one
    measure of one event (`_self_contradiction`)."""
    by_source: dict[str, list[_Item]] = {}
    for i in group:
        by_source.setdefault(i.source, []).append(i)
    if not all(
        _agree(a, b) or _self_contradiction(a, b)
        for g in by_source.values()
        for a in g
        for b in g
        if a is not b
    ):
        return False
    settled = [i for i in group if i.settled]
    if not all(_agree(a, b) for a in settled for b in group):
        return False
    return not any(_other_people(a.frame, b.frame) for a in group for b in group)


def _agree(a: _Item, b: _Item) -> bool:
    return figures_agree(a.number, b.number)


def _self_contradiction(a: _Item, b: _Item) -> bool:
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


def _same_value(a: _Item, b: _Item) -> bool:
    """One value, qualifiers aside ("at least 22" agrees with "40" but is not the same value)."""
    return figures_agree(replace(a.number, qualifier=None), replace(b.number, qualifier=None))


def anchor_score(a: _Item, b: _Item) -> float:
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


def _as_figure(group: list[_Item]) -> Figure:
    """The group's figure, one value a source (its first), and a second where a source contradicts
    itself (`_self_contradiction`)."""
    first: dict[str, _Item] = {}
    for i in group:
        first.setdefault(i.source, i)
    documents: dict[str, Document] = {i.source: i.vector.document for i in group}
    shown = list(first.values()) + [i for i in group if not _agree(i, first[i.source])]
    values = [figure_value(i.vector.document, i.number, i.vector.sentence) for i in shown]
    kind = group[0].number.kind or group[0].key
    figure = make_figure("g0", kind, values, list(documents.values()), group[0].number.counts)
    verbs = Counter(i.frame.verb for i in group if i.frame.verb)
    head, _, part = group[0].key.partition(":")
    if head in TOLLS and part:
        figure.label = f"{head} ({part})"  # "dead (child)"
    elif group[0].key.endswith(TOTAL):
        figure.label = f"{figure.label} (running total)"  # "rifles (running total)"
    elif not group[0].key.startswith("count:") and "|" not in group[0].key and verbs:
        # "distance (fall)", "duration (feel)", "distance (fall, Brook)": what was measured, and
        # whose, not "(in one claim)"
        whose = Counter(i.frame.who for i in group if i.frame.who)
        said = [verbs.most_common(1)[0][0]] + [w.title() for w, _ in whose.most_common(1)]
        figure.label = f"{group[0].key.partition(':')[0]} ({', '.join(said)})"
    figure.note += _contradicted(group, first)
    return figure


def _contradicted(group: list[_Item], first: dict[str, _Item]) -> str:
    """ "; Outlet B gives both about 600 metres and some 700 metres" for each source that gives
    the figure two values that differ (`_self_contradiction`)."""
    out = ""
    for i in group:
        if not _agree(i, first[i.source]):
            label = i.vector.document.source.label
            out += f"; {label} gives both {_said(first[i.source])} and {_said(i)}"
    return out


def _said(i: _Item) -> str:
    return " ".join(x for x in (i.number.qualifier, i.number.text) if x)


def _compares(figure: Figure, places: set[tuple[str, int]]) -> bool:
    """Does the figure cite two of the places, in different sources?"""
    return (
        len({v.span.source for v in figure.values if (v.span.source, v.span.start) in places}) > 1
    )


def _within(figure: Figure, places: set[tuple[str, int]]) -> bool:
    return all((v.span.source, v.span.start) in places for v in figure.values)
