"""Figures compared across outlets by what they measure and the event they tell of, whatever fact
their sentences were grouped in.

Two outlets' sentences often state one figure beside different other claims ("A 36-year-old
climber is dead after falling about 150 metres at Mount Cook" / "On Friday, 36-year-old Duncan
Rait died after slipping and falling about 60m from a ridge"): the fact grouping never compares
them. Here the groups of values that are one figure (`align.figurelinks`: keyed by type, anchored
in their sentences and frames) become figures that agree, were updated or conflict, and join the
story's figures: a figure in dispute replaces the agreeing figures whose values it holds, and one
value is shown once. The years, days, times and ranks outlets give for one verb are compared the
same way (`cross_marks`), and a conflict of dates becomes a figure in dispute (`date_figures`).
"""

from __future__ import annotations

import re
from collections import Counter

from ..extract.dates import MONTHS, WEEKDAYS
from ..extract.figures import (
    DAY_KINDS,
    TOLLS,
    days_agree,
    governor,
    stem,
)
from ..extract.frames import Frame, Frames
from ..extract.ordinals import date_marks
from ..models import Conflict, Document, Figure, FigureValue, NumberMention
from .figurelinks import (
    TOTAL,
    Item,
    corroborated,
    link_groups,
    typed_items,
    values_agree,
)
from .marks import sentence_marks
from .vectors import SentenceVector
from .verdicts import agree_note, figure_value, make_figure


def cross_figures(
    vectors: list[SentenceVector], shown: list[Figure], frames: Frames | None = None
) -> list[Figure]:
    """The story's figures with those compared across outlets added: a group of values that differ
    replaces the figures whose values it holds; one that agrees is added unless a figure already
    compares two of its values."""
    cited = {(v.span.source, v.span.start) for f in shown for v in f.values}
    items = typed_items(vectors, cited, frames or Frames())
    witness = {v.source: v.witness for v in vectors}
    out = list(shown)
    for group in [part for g in link_groups(items) for part in corroborated(g)]:
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
                items.append(Item(n, v, f"{kind}|{stem(verb)}", False, Frame(verb=verb)))
    out = list(shown)
    witness = {v.source: v.witness for v in vectors}
    for group in link_groups(items, same=_same_mark):
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


def _same_mark(a: Item, b: Item) -> bool:
    """One year, rank or time; one day, though named at different precisions (`days_agree`)."""
    if a.number.kind in DAY_KINDS and b.number.kind in DAY_KINDS:
        return days_agree(a.number.value, b.number.value)
    return a.number.value == b.number.value


def _precision(i: Item) -> int:
    """The finest-named day first, so that the figure is of its kind ("date", not "month")."""
    order = ("date", "day", "month")
    return order.index(i.number.kind) if i.number.kind in order else 0


def _joined(group: list[Item], figures: list[Figure], witness: dict[str, str]) -> bool:
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
    show the day of the event in dispute as they show a toll in dispute. A figure of days that
    agree holding one of the conflict's values ("died on Friday" in five outlets) becomes that
    figure in dispute, with the other sources' days ("Yesterday" in a report dated the day
    after): one day, in dispute, not a day agreed beside a day in dispute."""
    by_id = {d.source.id: d for d in documents}
    out = list(shown)
    for c in conflicts:
        if c.kind != "date":
            continue
        values = [v for x in c.values if (v := _day_value(by_id[x.source], x.start)) is not None]
        note = c.note or "sources date it differently"
        places = {(x.source, x.start) for x in c.values}
        held = _disputed(out, places, [v for _, v in values], note)
        kinds = {kind for kind, _ in values}
        if held is not None:
            out[out.index(held[0])] = held[1]
        elif len(values) >= 2 and len(kinds) == 1:
            kind = kinds.pop()
            figure = Figure(
                "g0", kind, f"{kind} (in dispute)", "conflict", [v for _, v in values], note
            )
            out.append(figure)
    return _numbered(out)


def _disputed(
    figures: list[Figure], places: set[tuple[str, int]], values: list[FigureValue], note: str
) -> tuple[Figure, Figure] | None:
    """(a figure of days that agree citing one of a date conflict's places, that figure in
    dispute with the conflict's values of sources it lacks); None when there is none, or the
    conflict adds no source to it."""
    for f in figures:
        if f.kind in DAY_KINDS | {"weekday"} and f.verdict == "agree" and _places(f) & places:
            known = {v.span.source for v in f.values}
            extra = [v for v in values if v.span.source not in known]
            if extra:
                label = (
                    f"{f.label[:-1]}, in dispute)" if "(" in f.label else f"{f.label} (in dispute)"
                )
                return f, Figure(f.id, f.kind, label, "conflict", f.values + extra, note)
    return None


def independent_first(figures: list[Figure], documents: list[Document]) -> list[Figure]:
    """The figures, those two or more independent sources give first (in their order), then
    those only copies of one report give ("2 sources agree (1 independent)"), numbered again:
    the story's first key figure is always one of two witnesses."""
    witness = {d.source.id: d.source.witness or d.source.id for d in documents}
    out = sorted(figures, key=lambda f: len({witness[v.span.source] for v in f.values}) < 2)
    for n, f in enumerate(out, 1):
        f.id = f"g{n}"
    return out


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


def _as_figure(group: list[Item]) -> Figure:
    """The group's figure, one value a source (its first), and a second where a source contradicts
    itself (`self_contradiction`)."""
    first: dict[str, Item] = {}
    for i in group:
        first.setdefault(i.source, i)
    documents: dict[str, Document] = {i.source: i.vector.document for i in group}
    shown = list(first.values()) + [i for i in group if not values_agree(i, first[i.source])]
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


def _contradicted(group: list[Item], first: dict[str, Item]) -> str:
    """ "; Outlet B gives both about 600 metres and some 700 metres" for each source that gives
    the figure two values that differ (`self_contradiction`)."""
    out = ""
    for i in group:
        if not values_agree(i, first[i.source]):
            label = i.vector.document.source.label
            out += f"; {label} gives both {_said(first[i.source])} and {_said(i)}"
    return out


def _said(i: Item) -> str:
    return " ".join(x for x in (i.number.qualifier, i.number.text) if x)


def _compares(figure: Figure, places: set[tuple[str, int]]) -> bool:
    """Does the figure cite two of the places, in different sources?"""
    return (
        len({v.span.source for v in figure.values if (v.span.source, v.span.start) in places}) > 1
    )


def _within(figure: Figure, places: set[tuple[str, int]]) -> bool:
    return all((v.span.source, v.span.start) in places for v in figure.values)
