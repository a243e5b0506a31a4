"""A key figure from its values: whether they agree (`agree`), the figure's label, its verdict
(agree / updated over time / conflict: `make_figure`) and the note that says why; a value cited
from its sentence (`figure_value`). Used by the story's figures (`figures`) and by figures compared
across outlets (`crossfigures`)."""

from __future__ import annotations

import dataclasses
import itertools
import re

from ..extract.figures import EVENT_KINDS, TOLLS, direction_of, figures_agree
from ..extract.quantity_words import PROVISIONAL
from ..extract.stamps import stamp
from ..extract.times import LOCAL
from ..models import Document, Figure, FigureValue, NumberMention, Sentence

# How a record's two numbers are shown ("record (wins)", "record (losses)").
RECORD_SIDES = {"win": "wins", "loss": "losses"}
PROVISIONAL_WORDS = re.compile(r"\b(?:" + "|".join(map(re.escape, PROVISIONAL)) + r")\b", re.I)
RISE = re.compile(
    r"\b(?:rose|risen|climbed|jumped|increased|grew|mounted|reached)\b|\brising\b"
    r"|\b(?:bringing|brought|brings|raising|raised|pushing|pushed)\b[^.]{0,60}\bto\b",
    re.I,
)


def figure_value(d: Document, n: NumberMention, sentence: Sentence) -> FigureValue:
    direction = direction_of(n, d.source.text) if n.kind == "distance" else None
    return FigureValue(
        n.span, n.text, n.value, n.unit, n.qualifier, direction, _published(d), sentence.span
    )


def _published(d: Document):
    """The day the source was published: from its metadata, else its own stamp line."""
    if d.source.published:
        return d.source.published
    stamped = stamp(d.source.text)
    return stamped[0] if stamped else None


def agree(
    a: FigureValue, b: FigureValue, kind: str | None = None, *, directions: bool = True
) -> bool:
    if directions and a.direction and b.direction and a.direction != b.direction:
        return False
    return figures_agree(_number(a, kind), _number(b, kind))


def _number(v: FigureValue, kind: str | None) -> NumberMention:
    return NumberMention(v.span, v.text, v.value, v.unit, None, v.qualifier, kind)


def directions_differ(values: list[FigureValue]) -> bool:
    return len({v.direction for v in values if v.direction}) > 1


def agree_note(values: list[FigureValue], witness: dict[str, str]) -> str:
    """ "3 sources agree", or "3 sources agree (2 independent)" when some of them are one
    witness (copies of one report, or one outlet's articles)."""
    n = len(values)
    independent = len({witness.get(v.span.source, v.span.source) for v in values})
    return f"{n} sources agree" + ("" if independent == n else f" ({independent} independent)")


def make_figure(
    ident: str,
    kind: str,
    values: list[FigureValue],
    documents: list[Document],
    counted: str | None = None,
    claim: bool = False,
) -> Figure:
    label = _label(kind, counted, claim)
    if all(
        agree(a, b, kind, directions=False) for i, a in enumerate(values) for b in values[i + 1 :]
    ):
        witness = {d.source.id: d.source.witness or d.source.id for d in documents}
        return Figure(ident, kind, label, "agree", values, agree_note(values, witness))
    texts = {d.source.id: d.source.text for d in documents}
    reason = _update_reason(values, texts, kind)
    if reason is not None:
        labels = {d.source.id: d.source.label for d in documents}
        steps = "; ".join(
            f"{labels[v.span.source]}"
            + (f" ({v.published})" if v.published else "")
            + f": {shown(v)}"
            for v in _by_time(values)
        )
        latest = labels[_by_time(values)[-1].span.source]
        why = {
            "dated": f"{latest} was published later",
            "risen": "a figure is said to have risen",
            "provisional": 'the lower figures are said as of their reports ("yet", "so far")',
        }[reason]
        note = (
            f"the figure changed over time ({steps}); {why}: an updated figure rather than a "
            "disagreement"
        )
        return Figure(ident, kind, label, "updated", values, note)
    note = "sources give different values: " + tally(values, kind)
    if kind in EVENT_KINDS and not all(v.published for v in values):  # a toll, a magnitude, a
        # depth or a distance is revised as a story develops; an age, a day or a count seized is not
        note += " (the sources carry no publication times: this may be a figure that changed as the story developed)"
    return Figure(ident, kind, label, "conflict", values, note)


def _label(kind: str, counted: str | None = None, claim: bool = False) -> str:
    """For readers: "dead", "distance from Bireun", "age of Chohan", "rifles (seize)", "money: fine";
    "dead (in one claim)" for a toll or measure of one claim several sources state, not the story's
    own ("the 2004 tsunami killed 170,000 people in the province", "four died in hospitals")."""
    head, _, rest = kind.partition(":")
    if head in EVENT_KINDS - {"distance"}:
        return f"{head} (in one claim)" if claim else head
    if head == "distance":
        return f"distance from {rest.title()}" if rest else "distance (in one claim)"
    if head == "time":
        return f"time of day ({rest.upper() if rest != LOCAL else rest})"
    if head == "age":
        return f"age of {rest.title()}" if rest else "age"
    if head == "address":
        return f"street number ({rest})"
    if head == "record":
        return f"record ({RECORD_SIDES.get(rest, rest)})"
    if head in {"year", "ordinal"}:
        return f"{head} ({rest})" if rest else head
    key, _, verb = rest.partition(":")
    thing = counted or key or head
    if head == "count":
        return f"{thing} ({verb})" if verb else thing
    return f"{head}: {thing}" if thing != head else head


def tally(values: list[FigureValue], kind: str | None = None) -> str:
    """Each value given once, in the order first given, with how many sources give it, values that
    agree but for their qualifiers counted as one ("around 200ft" and "about 60 metres"): "six (6
    sources), 14 (1 source)"; without counts when every source gives its own value."""
    groups: list[list[FigureValue]] = []
    for v in values:
        same = next((g for g in groups if agree(_bare(g[0]), _bare(v), kind)), None)
        if same is None:
            groups.append([v])
        else:
            same.append(v)
    if all(len(g) == 1 for g in groups):
        return ", ".join(shown(v) for v in values)
    return ", ".join(f"{shown(g[0])} ({len(g)} source{'s' if len(g) > 1 else ''})" for g in groups)


def _bare(v: FigureValue) -> FigureValue:
    return dataclasses.replace(v, qualifier=None)


def shown(v: FigureValue) -> str:
    return " ".join(x for x in (v.qualifier, v.text, v.direction) if x)


def _by_time(values: list[FigureValue]) -> list[FigureValue]:
    return sorted(values, key=lambda v: (v.published, v.value))


def _update_reason(values: list[FigureValue], texts: dict[str, str], kind: str) -> str | None:
    """Why later reports give the later figure, None when they do not: "dated" (dated sources
    whose tolls follow their dates; a count of the past, "13 countries", does not move with the
    day of the report), "risen" (a value said to have risen) or "provisional" (`_provisional`)."""
    if any(v.direction for v in values):
        return None
    if (
        kind in TOLLS
        and all(v.published for v in values)
        and len({v.published for v in values}) > 1
    ):
        ordered = _by_time(values)
        follows = all(
            a.value <= b.value or agree(a, b)
            for a, b in itertools.pairwise(ordered)
            if a.published != b.published
        )
        return "dated" if follows else None
    if any(RISE.search(_sentence_text(v, texts)) for v in values):
        return "risen"
    return "provisional" if _provisional(values, texts) else None


def _provisional(values: list[FigureValue], texts: dict[str, str]) -> bool:
    """Is every value below the highest said as of its report ("No arrests have yet been made",
    "24 dead so far"; `quantity_words.PROVISIONAL`), so that the highest may be the same figure
    later ("Four demonstrators were arrested")?"""
    top = max(v.value for v in values)
    lower = [v for v in values if v.value < top]
    return bool(lower) and all(PROVISIONAL_WORDS.search(_sentence_text(v, texts)) for v in lower)


def _sentence_text(v: FigureValue, texts: dict[str, str]) -> str:
    s = v.sentence or v.span
    return texts[s.source][s.start : s.end]
