"""Do two sentences (or claim parts) of different sources state one claim? A logistic model over
what the pair shares, fitted on the claims dev gold (`bench/sameclaim_fit.py` writes `MODEL`).

The features are read off what the sentence vectors already hold (no model beyond spaCy's parse):
- `grams`: how much of the shorter text's character 4-grams the other has (spelling variants,
  "metres"/"meters", inflections, names split differently);
- `lexical`: the IDF-weighted cosine of words, names, dates and figures (`vectors.cosine`);
- `short`: the log word count of the shorter of the two (two short texts share little by chance);
- `contained`: the shared weight over the smaller vector's (a clause inside a longer sentence);
- `rarest`: the weight of the rarest word they share;
- `context`: the cosine of the mean of spaCy's contextual token vectors over content words;
- `figure`: they give one number of one unit and counted thing;
- `parts`: how many of the two are claim parts of a longer sentence;
- `verb`: the same main verb (other than "say" and "be");
- `ledes`: both open their articles.
"""

from __future__ import annotations

import math

from .vectors import SentenceVector, cosine

# (feature, coefficient), then the intercept: `bench/sameclaim_fit.py` on bench/claims_gold
# (19 stories, 1,048 adjudicated pairs, 2026-12-07): pairs with a lexical cosine of at least `FLOOR`.
MODEL: tuple[tuple[tuple[str, float], ...], float] = (
    (
        ("grams", 5.7560),
        ("lexical", 4.9861),
        ("short", 1.2307),
        ("contained", -0.3694),
        ("rarest", 1.5975),
        ("context", 1.0274),
        ("figure", 1.6256),
        ("parts", 0.2495),
        ("verb", 0.7413),
        ("ledes", 0.7798),
    ),
    -9.0148,
)
# Below this lexical cosine a pair shares too little to be scored (on the dev gold no pair under it
# reached `SAME`).
FLOOR = 0.1
# A pair states one claim from this probability (on dev pairs of stories left out of the fit:
# precision 0.81, recall 0.57; `bench/sameclaim_fit.py`). This and `SUPPORT` were chosen on the
# dev stories' briefs (`bench/claims.py`): 0.6 / 0.5 kept corroborated precision >= 93 (unjudged
# pairs counted wrong) with the most claims shown corroborated.
SAME = 0.6
# A sentence no group holds is shown with the sentence of another witness that states its claim
# from this probability (that sentence may sit in a group for another of its claims).
SUPPORT = 0.5
# Two sentences each dated once, on different days, state one claim (dated two ways: a conflict)
# only from this probability ("resigned on Monday" / "resigned on Tuesday"); below it they tell
# of two events ("talks earlier this month" / "a visit from Tuesday to Saturday").
DATED_APART = 0.9
# Two sentences that carry one quote group (`align.quoted_together`) state one claim only where
# they also read somewhat alike (from this probability): a group may join two quotes of one speaker
# ('"Of course we don't trust them," said A.' / '"They will probably attack more," he said.'), and
# the words around a quote may state another claim. On the dev stories 12 of the 15 quote-anchored
# pairs under 0.3 were wrong (`bench/claims.py -v`). Two that give a figure of one kind stay
# paired: one statement whose values agree or conflict (`facts._figure_kind`).
ANCHORED = 0.3
# A claim part is cited instead of its whole sentence when it pairs nearly as well (by this much).
NARROWER = 0.1
# ... unless the other sentence holds this share of the whole sentence's character 4-grams.
COVERS = 0.7
# Two sentences giving an amount of money in one currency are one fact from this probability: its
# values then agree or conflict ("would cost $4 million" / "put the cost at $4.5 million").
SAME_KIND = 0.25
# A newcomer joins a group when its mean probability with the members reaches this.
JOIN = 0.5
# A sentence's main claim without its asides (`claims.claim_core`) scores this much lower with
# another sentence: it has left out words that may tell two claims apart. Cores only back a lone
# sentence (`SUPPORT`) and join no group: grouped, a sentence and its core sat in two facts, and
# on the dev stories corroborated precision fell (95.1 to 94.5; 91.7 with no margin). 0.2 kept it
# at 95 (`bench/claims.py`: 0.1 gave 94.6, counting unjudged pairs wrong).
CORE_MARGIN = 0.2


def features(
    a: SentenceVector, b: SentenceVector, lexical: float | None = None
) -> dict[str, float]:
    """The model's features of a pair (see the module docstring)."""
    shared = a.named & b.named
    small = min(a.norm, b.norm) ** 2
    ga, gb = a.grams, b.grams
    return {
        "grams": len(ga & gb) / min(len(ga), len(gb)) if ga and gb else 0.0,
        "lexical": cosine(a, b) if lexical is None else lexical,
        "short": math.log(1 + min(a.words, b.words)),
        "contained": sum(a.weights[f] * b.weights[f] for f in shared) / small if small else 0.0,
        "rarest": max(
            (min(a.weights[f], b.weights[f]) for f in shared if f.startswith("w:")), default=0.0
        )
        / 5,
        "context": _dot(a.context, b.context),
        "figure": float(any(f.startswith("n:") for f in shared)),
        "parts": float(a.part) + float(b.part),
        "verb": float(bool(a.verb) and a.verb == b.verb),
        "ledes": float(a.lede and b.lede),
    }


def probability(a: SentenceVector, b: SentenceVector, lexical: float | None = None) -> float:
    """How likely the two state one claim (0 below the lexical `FLOOR`)."""
    lexical = cosine(a, b) if lexical is None else lexical
    if lexical < FLOOR:
        return 0.0
    coefficients, intercept = MODEL
    x = features(a, b, lexical)
    z = intercept + sum(c * x[name] for name, c in coefficients)
    return 1.0 / (1.0 + math.exp(-z))


def _dot(x, y) -> float:
    if x is None or y is None:
        return 0.0
    return float(x @ y)
