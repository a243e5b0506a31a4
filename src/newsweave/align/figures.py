"""Key figures of the story: each quantity (the toll, the injured, the magnitude, a distance) with
every source's value, cited, and a verdict: agree, updated over time, or conflict.

Only figures of one kind are compared (`extract.figures.figure_kind`): a toll of 5 and a depth of
34 miles never meet. A source's value for a kind is the first it states for the story's own event
(its headline or lede, where outlets put their current figure); figures in a sentence about another
time ("In 2004, a tsunami killed 230,000", "last year", "in 2009") are background and never compared
with the story's. Distances are figures only with the place they are measured from ("55 km west of
Bireun"), and a different compass direction from one place is a conflict of place.

Values that differ are an update when the sources have publication times and the later ones give
the later figure, or when the later figure is said to have risen ("the toll rose to 24"); otherwise
a conflict, which the note says may still be an update when the sources carry no times.
"""

from __future__ import annotations

import re
from collections import Counter

from rapidfuzz.fuzz import ratio

from ..extract.figures import EVENT_KINDS, TOLLS
from ..extract.frames import Frames, year_of
from ..extract.numbers import counted_key
from ..extract.stamps import stamp_lines
from ..extract.times import LOCAL, times_of_day
from ..lexicon import PLACE_NOUNS, TOLL_SUBGROUPS
from ..models import (
    Conflict,
    ConflictValue,
    Document,
    Fact,
    Figure,
    FigureValue,
    NumberMention,
    Sentence,
)
from .facts import figures as sentence_figures
from .marks import sentence_marks
from .verdicts import (
    PROVISIONAL_WORDS,
    agree,
    agree_note,
    directions_differ,
    figure_value,
    make_figure,
    shown,
)

# A source's current figures are in its headline and first paragraphs; deeper down a figure is
# as often a detail (one village's dead) or background (an earlier quake) as the story's own.
LEAD_SENTENCES = 6
# Two spellings of one place name compare at least this alike (rapidfuzz ratio): "Bireun" / "Bireuen".
PLACE_SPELLING = 85
# Figures that are no quantities: a year, a rank, a time of day. Inside one fact they agree or are
# left uncompared: a grouped sentence may state another year or rank ("hosted in 2001 and 2005")
# besides the claim's.
MARKS = frozenset({"year", "ordinal", "time", "date", "day", "weekday", "month", "record"})
# What joins a distance to the place it is measured from: a conversion in brackets, a direction,
# then "of" / "from" / "outside" / "off" ("55 km (34 miles) south of Bireun"); a determiner,
# adjectives and place nouns may stand before the place ("from the provincial capital Banda Aceh").
MEASURED_FROM = re.compile(
    r"\s*(?:\([^)]{0,40}\)\s*)?(?:(?:north|south|east|west)[a-z-]*\s+)?"
    r"(?:of|from|outside|off|away\s+from)\s+",
    re.I,
)
# Kinds keyed by a name ("distance:bireun", "age:rait"), whose spellings may differ.
NAMED_KINDS = frozenset({"distance", "age"})
# Words that put a sentence in another time than the story's event.
BACKGROUND = re.compile(
    r"\b(?:last|previous|past)\s+(?:year|decade|month)\b|\byears?\s+ago\b|\bin\s+(?:19|20)\d\d\b"
    r"|\b(?:19|20)\d\d\b",
    re.I,
)


def story_figures(documents: list[Document]) -> list[Figure]:
    """The story's figures that two or more independent sources give, in order of first mention."""
    year = story_year(documents)
    by_kind: dict[str, list[FigureValue]] = {}
    times: dict[str, list[FigureValue]] = {}
    for d in documents:
        for kind, (n, sentence) in _first_per_kind(_main_figures(d, year)).items():
            by_kind.setdefault(kind, []).append(figure_value(d, n, sentence))
        for n, sentence, kind in _event_times(d, year):
            times.setdefault(kind, []).append(figure_value(d, n, sentence))
    witness = {d.source.id: d.source.witness or d.source.id for d in documents}
    out: list[Figure] = []
    for kind, values in _one_place_one_kind(by_kind).items():
        if len({witness[v.span.source] for v in values}) >= 2:
            out.append(make_figure(f"g{len(out) + 1}", kind, values, documents))
    timed = [
        make_figure("g0", kind, same, documents)
        for kind, values in times.items()
        for same in _same_times(values, kind, witness)
    ]
    for f in _zone_clashes(timed, documents, year) + timed:
        f.id = f"g{len(out) + 1}"
        out.append(f)
    return out


def _first_per_kind(found) -> dict[str, tuple[NumberMention, Sentence]]:
    """A source's value of each kind: its first, but for a toll its first that counts more than
    a part of the victims (`lexicon.TOLL_SUBGROUPS`: "killed six children" in a report of 11 dead
    is a detail of the toll), unless it gives no other."""
    first: dict[str, tuple[NumberMention, Sentence]] = {}
    for n, sentence, kind in found:
        held = first.get(kind)
        if held is None or (subgroup(held[0]) and not subgroup(n)):
            first[kind] = (n, sentence)
    return first


def subgroup(n: NumberMention) -> str | None:
    """What a toll of a part of the victims counts ("six children": "child"); None for another
    figure."""
    counted = counted_key(n.counts)
    return counted if n.kind in TOLLS and counted in TOLL_SUBGROUPS else None


def _zone_clashes(timed: list[Figure], documents: list[Document], year: int | None) -> list[Figure]:
    """One figure in conflict for the story's clock time given in UTC by some sources and as
    "local time", in so many words, by others ("0737 GMT" / "7:37 AM local time"): one of them
    names the wrong zone (unless the place keeps UTC, which the note says). The figures it
    replaces are taken out of `timed`."""
    for a in [f for f in timed if f.kind == "time:utc"]:
        minutes = a.values[0].value
        local = [v for v in _local_times(documents, year) if v.value == minutes]
        if len({v.span.source for v in local} - {v.span.source for v in a.values}) < 1:
            continue
        timed[:] = [f for f in timed if f is not a and not _within_values(f, local)]
        note = (
            f"the same clock time is given in UTC ({shown(a.values[0])}) and as local time "
            f"({shown(local[0])}): one of them names the wrong zone, unless local time is UTC"
        )
        values = a.values + _first_per_source(local)
        return [Figure("g0", "time", "time of day (UTC or local)", "conflict", values, note)]
    return []


def _local_times(documents: list[Document], year: int | None) -> list[FigureValue]:
    """Times of day called local in so many words ("7:37 AM local time"), not in background."""
    out = []
    for d in documents:
        for n in times_of_day(d.source.text, d.source.id):
            said = d.source.text[n.span.start : n.span.end + 12]
            if n.kind != f"time:{LOCAL}" or not re.search(r"\blocal\b", said, re.I):
                continue
            sentence = _sentence_of(d, n.span.start)
            if sentence is not None and not _background(d, sentence, year):
                out.append(figure_value(d, n, sentence))
    return out


def _first_per_source(values: list[FigureValue]) -> list[FigureValue]:
    first: dict[str, FigureValue] = {}
    for v in values:
        first.setdefault(v.span.source, v)
    return list(first.values())


def _within_values(f: Figure, values: list[FigureValue]) -> bool:
    places = {(v.span.source, v.span.start) for v in values}
    return all((v.span.source, v.span.start) in places for v in f.values)


def fact_figures(
    facts: list[Fact],
    vectors: dict[str, list],
    shown: list[Figure],
    frames: Frames | None = None,
) -> list[Figure]:
    """Figures of each fact several sources state, kind by kind ("Raj Chohan, 59," in three
    outlets; "6 AK-47 rifles" / "six rifles"), besides those the story's figures already show. A
    fact whose sources give one figure different values is marked `conflicting`."""
    cited = {(v.span.source, v.span.start) for f in shown for v in f.values}
    frames = frames or Frames()
    years: dict[tuple[str, ...], int | None] = {}  # the year of each set of sources, found once
    out: list[Figure] = []
    for fact in facts:
        if fact.status == "single-source":
            continue
        by_kind: dict[str, list[FigureValue]] = {}
        counted: dict[str, str | None] = {}
        # a value's own kind, with its verb, the places it is counted over and the year it is of
        stated: dict[tuple[str, int], tuple[str, frozenset[str], int | None]] = {}
        documents = [m.document for m in vectors[fact.id]]
        sources = tuple(m.source for m in vectors[fact.id])
        if sources not in years:
            years[sources] = story_year(documents)
        year = years[sources]
        for member in vectors[fact.id]:
            found = sentence_figures(member) + sentence_marks(member)
            for n in found:
                if (n.span.source, n.span.start) in cited:
                    continue
                kind = _fact_kind(n.kind)
                if sum(_fact_kind(o.kind) == kind for o in found) > 1:
                    continue  # a list of figures of one kind ("40, 30 and 20 percent") is not paired value by value
                values = by_kind.setdefault(kind, [])
                counted.setdefault(kind, n.counts)
                if all(v.span.source != member.source for v in values):
                    values.append(figure_value(member.document, n, member.sentence))
                    frame = frames.of(n, member.document.nlp)
                    stated[(n.span.source, n.span.start)] = (
                        n.kind or kind,
                        frame.scope,
                        year_of(frame.when, year),
                    )
        witness = {m.source: m.witness for m in vectors[fact.id]}
        for kind, values in _split_by_verb(by_kind, stated):
            if len({witness[v.span.source] for v in values}) >= 2 and not _merged(
                kind, values, out, witness
            ):
                ident = f"g{len(shown) + len(out) + 1}"
                out.append(
                    make_figure(
                        ident, kind, values, documents, counted[_fact_kind(kind)], claim=True
                    )
                )
                if kind.partition(":")[0] not in MARKS:  # a year is no figure of a year
                    out[-1].label += _in_year(values, stated, year)
                if out[-1].verdict != "agree":
                    fact.status = "conflicting"
    return out


def _in_year(
    values: list[FigureValue],
    stated: dict[tuple[str, int], tuple[str, frozenset[str], int | None]],
    story: int | None,
) -> str:
    """ " in 2015" for a figure whose values all are of one year, not the story's ("2015, when 21
    cases were confirmed" beside this year's 50 cases); else ""."""
    of = {stated[(v.span.source, v.span.start)][2] for v in values}
    (when,) = of if len(of) == 1 else (None,)
    return f" in {when}" if when is not None and when != story else ""


def _split_by_verb(
    by_kind: dict[str, list[FigureValue]],
    stated: dict[tuple[str, int], tuple[str, frozenset[str], int | None]],
):
    """(kind, values) of a fact's figures: counts of one thing that agree whatever their verbs,
    and, where they differ, only those of one verb, one scope and one year compared ("played 11
    seasons" and "seven seasons as an assistant" count different seasons; "300 houses in the
    province" and "2,000 houses across the region" count different places; "2014, when 121
    cases were confirmed" and "2015, when 21 cases were confirmed" different years)."""
    for kind, values in by_kind.items():
        if all(agree(a, b, kind) for i, a in enumerate(values) for b in values[i + 1 :]):
            yield kind, values
            continue
        if kind.partition(":")[0] in MARKS:
            continue  # "in 2001" / "in 2007", "the fourth" / "the fifth": one claim may hold both
        by_verb: dict[str, list[FigureValue]] = {}
        dated = _dated(values, stated)
        for v in values:
            verb, scope, year = stated[(v.span.source, v.span.start)]
            if dated and year is None:
                continue  # a value with no year may be of any of the years the others give
            base = f"{verb}#{year if dated else None}"
            same = [
                w
                for w in by_verb.get(base, [])
                if _elsewhere(stated[(w.span.source, w.span.start)][1], scope)
            ]
            key = base if not same else f"{base}@{'/'.join(sorted(scope))}"
            by_verb.setdefault(key, []).append(v)
        yield from ((key.partition("#")[0], vs) for key, vs in by_verb.items())


def _dated(
    values: list[FigureValue],
    stated: dict[tuple[str, int], tuple[str, frozenset[str], int | None]],
) -> bool:
    """Do the values give several years? Then each is compared only with values of its year;
    with one year or none, whatever year they give."""
    return len({stated[(v.span.source, v.span.start)][2] for v in values} - {None}) > 1


def _elsewhere(a: frozenset[str], b: frozenset[str]) -> bool:
    """Counted over different places ("in the province" / "across the region")?"""
    return bool(a and b and not a & b)


def _fact_kind(kind: str | None) -> str:
    """Inside one fact, a count is keyed by what it counts, not by its verb: the sentences state one
    claim, and "seized six rifles" / "confiscated six rifles" / "14 rifles were found" give one
    figure."""
    head, _, rest = (kind or "").partition(":")
    return f"count:{rest.partition(':')[0]}" if head == "count" else kind or ""


def _merged(
    kind: str, values: list[FigureValue], figures: list[Figure], witness: dict[str, str]
) -> bool:
    """Add the values to a figure of the same kind whose values they all agree with (one claim
    split over two facts); False when there is none."""
    for f in figures:
        if (
            f.kind == kind
            and f.verdict == "agree"
            and all(agree(v, w, kind) for v in values for w in f.values)
        ):
            _add_new_sources(f.values, values)
            f.note = agree_note(f.values, witness)
            return True
    return False


def _same_times(values: list[FigureValue], kind: str, witness: dict[str, str]):
    """Groups of ledes' times of day that agree, one value a source, each given by two or more
    independent sources, the most widely given first. Two ledes' times that differ may time
    different things (a deadline in one city, an arrest in another): they are left uncompared
    rather than called a conflict."""
    left = list(values)
    while left:
        best = max(
            left,
            key=lambda v: len({witness[w.span.source] for w in left if agree(v, w, kind)}),
        )
        group: list[FigureValue] = []
        for v in left:
            if agree(v, best, kind) and all(v.span.source != w.span.source for w in group):
                group.append(v)
        if len({witness[v.span.source] for v in group}) < 2:
            return
        yield group
        left = [v for v in left if not agree(v, best, kind)]


def _one_place_one_kind(by_kind: dict[str, list[FigureValue]]) -> dict[str, list[FigureValue]]:
    """Distances from one place, or ages of one person, spelled two ways ("Bireun" / "Bireuen",
    "Rait" / "Raite") are one figure, named as most of its sources spell it."""
    out: dict[str, list[FigureValue]] = {}
    for kind, values in by_kind.items():
        head, _, name = kind.partition(":")
        same = next(
            (
                k
                for k in out
                if head in NAMED_KINDS
                and k.startswith(f"{head}:")
                and ratio(k.partition(":")[2], name) >= PLACE_SPELLING
            ),
            None,
        )
        if same is None:
            out[kind] = list(values)
        else:
            _add_new_sources(out[same], values)
            if len(values) > len(out[same]) - len(values):  # named as most sources spell it
                out = {(kind if k == same else k): v for k, v in out.items()}
    return out


def _add_new_sources(target: list[FigureValue], values: list[FigureValue]) -> None:
    """Append the values of sources `target` has no value from."""
    have = {v.span.source for v in target}
    target += [v for v in values if v.span.source not in have]


def figure_conflicts(figures: list[Figure]) -> list[Conflict]:
    """A conflict (or an update) for each figure whose values differ, one value per distinct value,
    and a conflict of place for a distance from one place given in different directions ("55 km
    west of Bireun" / "55 km south of Bireun": the distance agrees, the place does not)."""
    out = []
    for f in figures:
        if directions_differ(f.values):
            directions = {v.direction: v for v in f.values if v.direction}
            note = f"sources give different directions from one place: {', '.join(directions)}"
            out.append(Conflict("place", _conflict_values(directions.values()), f.label, note))
        if f.verdict == "agree":
            continue
        distinct: list[FigureValue] = []
        for v in f.values:
            if not any(
                agree(v, w, f.kind, directions=False) and (f.kind != "time" or v.unit == w.unit)
                for w in distinct
            ):
                distinct.append(v)
        out.append(
            Conflict(
                "number",
                _conflict_values(distinct),
                subject=f.label,
                note=f.note,
                update=f.verdict == "updated",
            )
        )
    return out


def _conflict_values(values) -> list[ConflictValue]:
    return [
        ConflictValue(
            v.span.source,
            v.text + (f" {v.direction}" if v.direction else ""),
            v.span.start,
            v.span.end,
        )
        for v in values
    ]


def story_year(documents: list[Document]) -> int | None:
    """The year of the story: of the publication dates, else the year its sources' dates to the
    day or month name most ("Tuesday, July 2, 2013"; a bare "2004" is as often background)."""
    years = Counter(d.source.published.year for d in documents if d.source.published)
    if not years:
        years = Counter(
            m.date.year
            for d in documents
            for m in d.dates
            if m.resolved and m.date and (m.end is None or (m.end - m.date).days <= 31)
        )
    return years.most_common(1)[0][0] if years else None


def _main_figures(d: Document, year: int | None):
    """(number, sentence, kind) for the story-kind figures of `d`: tolls and measures in its
    headline and lede (its first `LEAD_SENTENCES` sentences, where an outlet states its current
    figures), a named person's age and a toll said as none as of the report ("No arrests have
    yet been made": the story's running toll, where "caused no casualties" may be another
    event's) anywhere; none in background sentences."""
    lead = _lead_end(d)
    for n in d.numbers:
        kind = _story_kind(d, n)
        if kind is None:
            continue
        sentence = _sentence_of(d, n.span.start)
        if sentence is None or _background(d, sentence, year):
            continue
        anywhere = kind.startswith("age:") or (
            kind in TOLLS and not n.value and PROVISIONAL_WORDS.search(sentence.text)
        )
        if n.span.start < lead or anywhere:
            yield n, sentence, kind


def _event_times(d: Document, year: int | None):
    """(time, sentence, kind) for the times of day in the headline and lede of `d` ("struck at
    0737 GMT"), but not its publication stamp ("Updated: July 2, 2013 15:01 IST")."""
    lead = _lead_end(d)
    stamped = stamp_lines(d.source.text)
    for n in times_of_day(d.source.text, d.source.id):
        if n.span.start >= lead or any(s <= n.span.start < e for _, s, e in stamped):
            continue
        sentence = _sentence_of(d, n.span.start)
        if sentence is not None and not _background(d, sentence, year):
            yield n, sentence, n.kind


def _lead_end(d: Document) -> int:
    if len(d.sentences) > LEAD_SENTENCES:
        return d.sentences[LEAD_SENTENCES].span.start
    return len(d.source.text)


def _story_kind(d: Document, n: NumberMention) -> str | None:
    if n.kind and n.kind.startswith("age:"):
        return n.kind  # "Fabio Sementilli, 49,": one person's age, whatever sentence gives it
    if n.kind not in EVENT_KINDS:
        return None
    if n.kind == "distance":
        place = _place_after(d, n)
        return f"distance:{place}" if place else None
    return n.kind


def _sentence_of(d: Document, offset: int) -> Sentence | None:
    return next((s for s in d.sentences if s.span.start <= offset < s.span.end), None)


def _background(d: Document, sentence: Sentence, year: int | None) -> bool:
    """Does the sentence speak of another time: a year not the story's, "last year", "years ago"?"""
    for m in BACKGROUND.finditer(sentence.text):
        digits = re.search(r"(?:19|20)\d\d", m.group(0))
        if digits is None or year is None or int(digits.group(0)) != year:
            return True
    return False


def _place_after(d: Document, n: NumberMention) -> str | None:
    """The place a distance is measured from: the proper noun after "of", "from", "outside" or
    "off" right after it ("55 km south of Bireun", "320 km from the provincial capital Banda
    Aceh"); None where the distance is not measured from a place ("fell 2,000 feet near Mount
    Sefton", "fell 200ft from a ridge")."""
    doc = d.nlp
    m = MEASURED_FROM.match(d.source.text, n.span.end)
    if doc is None or m is None:
        return None
    span = doc.char_span(m.end(), min(len(d.source.text), m.end() + 60), alignment_mode="expand")
    for t in span if span is not None else ():
        if t.pos_ == "PROPN":
            return t.text.lower()
        if not (t.pos_ in {"DET", "ADJ"} or t.lower_ == "of" or t.lemma_.lower() in PLACE_NOUNS):
            return None
    return None
