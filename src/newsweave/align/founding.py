"""The year a named thing began: "she founded the Bayou Clinic in 1990" cannot be true beside "the
Bayou Clinic has been a staple since 1987", nor beside "founded the Bayou Clinic in 1988". A
founding year (a verb of `lexicon.FOUNDING_VERBS` with the thing as its object or passive
subject, "in YEAR") conflicts with another source's founding year for the same name, or with a
year the thing is said to have been something since ("has been ... since YEAR", its subject)
that is earlier. Keyed by the name's words, so only a thing named the same way in both."""

from __future__ import annotations

from dataclasses import dataclass

from ..extract.entities import name_key
from ..lexicon import FOUNDING_VERBS
from ..models import Conflict, ConflictValue, Figure, FigureValue, NumberMention, Span
from .vectors import SentenceVector
from .verdicts import figure_value

# The years a founding may be told of.
_YEARS = range(1600, 2100)


@dataclass(frozen=True)
class Start:
    name: str  # the thing's name in one form
    label: str  # as written
    year: int
    founded: bool  # "founded in 1990"; False for "since 1987"
    span: Span  # from the verb (or name) to the year
    year_span: Span
    witness: str
    vector: SentenceVector


def founding_conflicts(vectors: list[SentenceVector], figures: list[Figure]) -> list[Conflict]:
    """Conflicts of the year one named thing began, between different witnesses. A figure of
    years that agree holding one of a conflict's years is put in dispute with the other years,
    in place ("founded in 1990" in three outlets / "since 1987")."""
    starts = [s for v in vectors if not v.part for s in _starts(v)]
    out: list[Conflict] = []
    for name in dict.fromkeys(s.name for s in starts):
        same = [s for s in starts if s.name == name]
        clashing = [s for s in same if any(o.witness != s.witness and _clash(s, o) for o in same)]
        first: dict[str, Start] = {}
        for s in clashing:
            first.setdefault(s.span.source, s)
        if len(first) >= 2:
            out.append(_conflict(list(first.values())))
            _dispute(figures, same, out[-1].note)
    return out


def _dispute(figures: list[Figure], starts: list[Start], note: str) -> None:
    """The figure of years that agree citing one of the starts' years, in dispute with the
    years of the starts of sources it lacks."""
    places = {(s.year_span.source, s.year_span.start) for s in starts}
    for f in figures:
        cited = {(v.span.source, v.span.start) for v in f.values}
        if f.kind != "year" or f.verdict != "agree" or not cited & places:
            continue
        known = {v.span.source for v in f.values}
        for s in starts:
            if s.year_span.source not in known:
                known.add(s.year_span.source)
                f.values.append(_year_value(s))
        if len({v.value for v in f.values}) > 1:
            label = f"{f.label[:-1]}, in dispute)" if "(" in f.label else f"{f.label} (in dispute)"
            f.verdict, f.label, f.note = "conflict", label, note
        return


def _year_value(s: Start) -> FigureValue:
    d = s.vector.document
    text = s.year_span.slice(d.source.text)
    n = NumberMention(s.year_span, text, float(s.year), kind="year")
    return figure_value(d, n, s.vector.sentence)


def _clash(a: Start, b: Start) -> bool:
    if a.founded and b.founded:
        return a.year != b.year
    since, founded = (a, b) if b.founded else (b, a)
    return founded.founded and since.year < founded.year


def _starts(v: SentenceVector):
    tokens = v.tokens()
    if tokens is None:
        return
    for t in tokens:
        if t.dep_ not in {"dobj", "nsubjpass", "nsubj"} or t.pos_ not in {"PROPN", "NOUN"}:
            continue
        name = _name(t)
        verb = t.head
        if name is None or verb.pos_ not in {"VERB", "AUX"}:
            continue
        founded = t.dep_ != "nsubj" and verb.lemma_.lower() in FOUNDING_VERBS
        year = _year(verb, "in" if founded else "since")
        if year is None or (t.dep_ == "nsubj" and founded):
            continue
        first = min(verb.i, year.i, name[0].i)
        last = max(verb.i, year.i, name[-1].i)
        yield Start(
            name_key(name.text),
            name.text,
            int(year.text),
            founded,
            v.span_of(first, last),
            Span(v.source, year.idx, year.idx + len(year)),
            v.witness,
            v,
        )


def _name(t):
    """The name a noun heads, its compounds before it, when one of its words is a name."""
    start = t.i
    while start > 0 and t.doc[start - 1].dep_ == "compound" and t.doc[start - 1].head.i <= t.i:
        start -= 1
    words = t.doc[start : t.i + 1]
    return words if len(words) >= 2 and any(w.pos_ == "PROPN" for w in words) else None


def _year(verb, preposition: str):
    """The year a verb takes with the preposition ("founded ... in 1990", "since 1987")."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == preposition:
            for o in c.children:
                if o.dep_ == "pobj" and o.text.isdigit() and int(o.text) in _YEARS:
                    return o
    return None


def _conflict(starts: list[Start]) -> Conflict:
    texts = {s.span.source: s.vector.document.source.text for s in starts}
    values = [
        ConflictValue(s.span.source, s.span.slice(texts[s.span.source]), s.span.start, s.span.end)
        for s in starts
    ]
    said = " / ".join(
        dict.fromkeys(("founded in " if s.founded else "since ") + str(s.year) for s in starts)
    )
    note = (
        f"{said}: a thing cannot have existed before it was founded, nor been founded in two "
        "years, so one source is wrong"
    )
    return Conflict("date", values, subject=f"year {starts[0].label} began", note=note)
