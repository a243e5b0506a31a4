"""Where the story's one dead person died ("died at the scene" / "died on the way to the
hospital"): a slot conflict (`align.slots`) linked by the story's toll, not by the sentences'
words. Where every source that counts the dead gives one, each "died" of the story's own time is
that person's death, so two places of it cannot both be true. A story with more dead, or none
counted, raises nothing: two victims may die in two places."""

from __future__ import annotations

import re

from ..lexicon import DEATH_PLACES
from ..models import Conflict, Figure, Span
from .slots import Fill, fill_conflicts
from .timeline import background
from .vectors import SentenceVector

_PLACE = re.compile(
    r"\s+(?:later\s+|shortly\s+(?:after|afterwards?)\s+)?(?:"
    + "|".join(f"(?P<p{i}>{pattern})" for i, pattern in enumerate(DEATH_PLACES.values()))
    + r")\b",
    re.I,
)
_VALUES = list(DEATH_PLACES)


def death_place_conflicts(vectors: list[SentenceVector], figures: list[Figure]) -> list[Conflict]:
    """Conflicts of where the one dead person died, when the story's toll is one."""
    if not one_dead(figures):
        return []
    fills = [f for v in vectors if not v.part for f in _death_places(v)]
    texts = {v.source: v.document.source.text for v in vectors}
    return fill_conflicts(fills, texts, lambda a, b: True)


def one_dead(figures: list[Figure]) -> bool:
    """Do the story's sources agree that one person died (its toll figure, all values 1)?"""
    tolls = [f for f in figures if f.kind == "dead"]
    return (
        len(tolls) == 1
        and tolls[0].verdict == "agree"
        and all(v.value == 1 for v in tolls[0].values)
    )


def _death_places(v: SentenceVector):
    """ "The woman ... died at the scene", "the third victim died on the way to the hospital",
    "was pronounced dead at a hospital": a place right after "died" or "dead", its subject not
    plural, not in a sentence of another time."""
    tokens = v.tokens()
    if tokens is None:
        return
    text = v.document.source.text
    for t in tokens:
        if t.lemma_.lower() != "die" and t.lower_ != "dead":
            continue
        verb = t if t.pos_ in {"VERB", "AUX"} else t.head
        if any(
            c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ in {"NNS", "NNPS"} for c in verb.children
        ):
            continue  # "two men died at the scene": more than the one dead
        m = _PLACE.match(text, t.idx + len(t), tokens.end_char)
        if m is None or background(v.document, v.sentence):
            continue
        value = _VALUES[int(next(k for k, x in m.groupdict().items() if x)[1:])]
        span = Span(v.source, t.idx, m.end())
        yield Fill("death place", "death", value, span, v.witness, "the one dead", v)
