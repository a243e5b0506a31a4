"""How much a fact's sentence belongs in the summary: a linear model over what newsweave knows of it.

`MODEL` holds the hand-set ranking: independent witnesses first (each extra one outranks any
other difference), then centrality, then a small bonus for an early paragraph.
`bench/summaries_fit.py` fits the model on NeuS train (the target: the share of the sentence's words and word pairs that
the editors' summary holds); the fitted model ranked worse on NeuS val (R1 44.19 against 44.54),
so the hand-set one stays until a fit beats it there.

The features are read off the fact and its shown sentence (no model beyond what align built):
- `witnesses`: independent witnesses beyond the first; `share`: the share of the story's
  witnesses that state it; `mentions`: its sentences beyond the first (at most 3);
- `central`: the mean similarity of the fact's sentence to every other fact's; `headline`: its
  greatest similarity to another source's opening sentence (most often its headline);
- `first`: 1 / (1 + the paragraph of the fact's first sentence); `title`: it is its source's first paragraph (often the
  headline); `position`: where it starts in its source, 0 at the top to 1 at the end; `index`:
  1 / (1 + its sentence's place in its source);
- `words`: the log of its word count; `long`: its word count / 40;
- `names`, `figures`, `dates`: how many entity, number and date features it carries (at most 3);
- `consensus`: the weighted mean, over its words, names, dates and figures, of the share of the
  story's witnesses that use them anywhere (what every source tells is the story);
- `rare`: the mean weight of its words (IDF over the brief's sentences);
- `quoted`: the share of its words inside quote marks;
- `part`: the sentence shown is a claim part of a longer sentence;
- `lead`: it may lead a summary (`lead.may_lead`: the news, not background, a caption or a quote);
- `background`: the fact tells of another time; `conflict`: its sources disagree.
"""

from __future__ import annotations

import math

from ..align.vectors import SentenceVector
from ..models import Fact

# (feature, coefficient), then the intercept: hand-set (see the module docstring); a model that
# `bench/summaries_fit.py` prints replaces it when it scores better on NeuS val.
MODEL: tuple[tuple[tuple[str, float], ...], float] = (
    (
        ("witnesses", 10.0),
        ("share", 0.0),
        ("mentions", 0.0),
        ("central", 1.0),
        ("headline", 0.0),
        ("first", 0.1),
        ("title", 0.0),
        ("position", 0.0),
        ("index", 0.0),
        ("words", 0.0),
        ("long", 0.0),
        ("names", 0.0),
        ("figures", 0.0),
        ("dates", 0.0),
        ("consensus", 0.0),
        ("rare", 0.0),
        ("quoted", 0.0),
        ("part", 0.0),
        ("lead", 0.0),
        ("background", 0.0),
        ("conflict", 0.0),
    ),
    0.0,
)
FEATURES = tuple(name for name, _ in MODEL[0])
CAP = 3  # counts of names, figures and dates above this add nothing


def features(
    fact: Fact,
    best: SentenceVector,
    *,
    central: float,
    headline: float,
    paragraph: int,
    index: int,
    witnesses: int,
    users: dict[str, int],
    outside: str,
    lead: bool,
) -> dict[str, float]:
    """The model's features of a fact shown by `best` (see the module docstring); `witnesses`:
    the story's independent witnesses; `users`: how many witnesses use each feature; `paragraph`:
    that of the fact's first sentence; `index`: its sentence's place in its source; `outside`: the
    sentence's words outside quote marks."""
    n = max(1, best.words)
    kinds = dict.fromkeys("wend", 0)
    for f in best.features:
        kinds[f[0]] = kinds.get(f[0], 0) + 1
    words = [w for f, w in best.weights.items() if f.startswith("w:")]
    span, size = best.sentence.span, max(1, len(best.document.source.text))
    return {
        "witnesses": float(fact.witnesses - 1),
        "share": fact.witnesses / max(1, witnesses),
        "mentions": float(min(CAP, len(fact.mentions) - 1)),
        "central": central,
        "headline": headline,
        "first": 1 / (1 + paragraph),
        "title": float(best.sentence.paragraph == 0),
        "position": span.start / size,
        "index": 1 / (1 + index),
        "words": math.log(1 + n),
        "long": n / 40,
        "names": float(min(CAP, kinds["e"])),
        "figures": float(min(CAP, kinds["n"])),
        "dates": float(min(CAP, kinds["d"])),
        "consensus": _consensus(best, users, witnesses),
        "rare": sum(words) / len(words) / 5 if words else 0.0,
        "quoted": max(0.0, 1 - len(outside.split()) / n),
        "part": float(best.part),
        "lead": float(lead),
        "background": float(fact.background),
        "conflict": float(fact.status == "conflicting"),
    }


def _consensus(best: SentenceVector, users: dict[str, int], witnesses: int) -> float:
    total = sum(best.weights.values())
    shared = sum(w * users.get(f, 1) for f, w in best.weights.items())
    return shared / (total * max(1, witnesses)) if total else 0.0


def score(x: dict[str, float]) -> float:
    """The model's score of a feature row (higher: more of it is in a good summary)."""
    coefficients, intercept = MODEL
    return intercept + sum(c * x[name] for name, c in coefficients)
