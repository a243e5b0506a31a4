"""Same-fact grouping: sentences of different witnesses that state the same thing form one fact.

Pairs are scored by the same-claim model (`sameclaim.probability`: shared words, names, figures,
spelling, spaCy's contextual vectors), or, when the optional `embed` extra is used, by the cosine
of their IDF-weighted vectors mixed with the cosine of sentence embeddings.
Groups grow from the strongest pair down; a sentence joins a group only when its source is not
in it yet and it is similar enough to the group's average, which stops chains (A~B, B~C, A!~C)
from gluing unrelated sentences together.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple

from ..extract.figures import EVENT_KINDS, direction_of, figures_agree
from ..models import Fact, FactStatus, MatchReason, Nearest, NumberMention
from . import sameclaim
from .vectors import (
    SentenceVector,
    close_pairs,
    cosine,
    days_apart,
    embed_all,
    similarity,
)


@dataclass(frozen=True)
class Thresholds:
    same: float  # a pair of sentences states the same fact
    lead: float  # the same, for two opening sentences: ledes of one story state its main news
    join: float  # a newcomer's mean similarity to the members of a group


# Lexical: tuned on the example and the annotated stories; MSRP train picks 0.307 for `same`.
LEXICAL = Thresholds(same=0.30, lead=0.15, join=0.24)
# With embeddings (`similarity="embed"`): `same` calibrated on MSRP train; `join` keeps the
# lexical ratio to `same`; `lead` from the annotated stories (0.318 let unrelated ledes merge).
EMBEDDED = Thresholds(same=0.636, lead=0.5, join=0.509)
SAME_FACT = LEXICAL.same
# Two established groups of disjoint sources merge when their members are this many times the join
# threshold alike on average (None: never merge).
MERGE: float | None = 1.0
# Two sentences each dated once this many days apart tell of two events (a date conflict within one
# event is days, not months, apart: "Wednesday" / "Friday").
APART_DAYS = 31
# Lexical scores from which a pair is decided by the embeddings too. 0.08 (a third fewer sentences
# embedded) scored the same on the claims gold (bench/claims.py: 69.6 / 69.3 corroborated recall)
# but lost two of 23 pairs on the annotated NeuS stories (tests/test_stories.py), so every pair is.
BAND = 0.0


@dataclass
class _Group:
    members: list[SentenceVector] = field(default_factory=list)

    def sources(self) -> set[str]:
        return {m.source for m in self.members}


def group_facts(
    vectors: list[SentenceVector],
    anchors: set[frozenset] | None = None,
    *,
    embed: bool = False,
) -> list[list[SentenceVector]]:
    """Groups of sentences (one per source at most), strongest agreements first, then singletons.
    `anchors`: pairs of sentences, each (source, start), known to state one thing (one quote).
    With `embed`, pairs the words leave undecided (lexical score in `BAND`) are decided by the
    sentence embeddings as well: a paraphrase shares few words."""
    if embed:  # the cores of sentences (`claims.claim_core`) back lone sentences by the model only
        vectors = [v for v in vectors if v.core is None]
        return _grouped(vectors, _pairs_embedded(vectors, anchors or set()))
    pairs, support = _pairs(vectors, anchors or set())
    return _grouped(vectors, pairs, support)


def _grouped(
    vectors: list[SentenceVector],
    pairs: list[tuple[float, int, int]],
    support: dict[int, list[tuple[float, int]]] | None = None,
) -> list[list[SentenceVector]]:
    join = LEXICAL.join
    home: dict[int, _Group] = {}
    for _score, i, j in pairs:
        _join(vectors, home, i, j, join)
    groups = {id(g): g for g in home.values()}.values()
    grouped = _without_echoes([sorted(g.members, key=_order) for g in groups])
    grouped_sentences = {
        (m.source, m.sentence.span.start) for g in grouped for m in g if not m.part
    }
    backing = _core_support(vectors, support or {})
    alone = {
        k for k, v in enumerate(vectors) if k not in home and _alone_shown(v, grouped_sentences)
    }
    # a claim part of a lone sentence is shown too where another witness states it
    backed = {k for k in backing if k not in home and k not in alone}
    supported = _supported(vectors, sorted(alone | backed), backing, alone)
    return sorted(grouped + supported, key=lambda g: _order(g[0]))


def _supported(
    vectors: list[SentenceVector],
    lone: list[int],
    support: dict[int, list[_Backing]],
    shown: set[int],
) -> list[list[SentenceVector]]:
    """Each lone sentence (`shown`) as a fact of its own, with the sentence of another witness
    that best states its claim (`support`, at least `sameclaim.SUPPORT`) even where that sentence
    is grouped for another claim: a sentence states several claims, but sits in one group. A lone
    partner backs one fact (the next likeliest partner backs the next lone sentence), and is shown on its own as well where it is cited by some of its
    words (one predicate of several: it says more). A claim part of a lone sentence becomes a
    fact only with such a sentence beside it."""
    out: list[list[SentenceVector]] = []
    taken: set[int] = set()
    lone_set = set(lone)  # a grouped partner may back several lone sentences
    for k in lone:
        if k in taken:
            continue
        best = next((b for b in support.get(k, ()) if b.partner not in taken), None)
        if best is None:
            if k in shown:
                taken.add(k)
                out.append([vectors[k]])
            continue
        taken.add(k)
        if (
            best.partner in lone_set
            and vectors[best.pair[1]].sentence is vectors[best.partner].sentence
        ):
            taken.add(best.partner)  # a lone partner cited whole is shown in the fact it backs
        out.append([vectors[i] for i in best.pair])  # the fact reads as the lone sentence
    return out


def _alone_shown(v: SentenceVector, grouped_sentences: set[tuple[str, int]]) -> bool:
    """A sentence no other source states is a single-source fact; so is a claim part of a sentence
    that a group holds for another of its claims ("..., adding that a ferry would run"), which
    would otherwise be hidden under that claim. A lone part of a lone sentence: the sentence shows it.
    The core of a sentence never is: its sentence is shown."""
    if v.core is not None:
        return False
    return v.parent is None or (v.source, v.parent.span.start) in grouped_sentences


class _Backing(NamedTuple):
    """The best support of a lone sentence: its probability, the partner's sentence (a core's
    sentence in the core's place), and the two vectors that paired (the fact's members: a core
    cites its whole sentence, but its dates and figures are those of its words)."""

    score: float
    partner: int
    pair: tuple[int, int]


def _core_support(
    vectors: list[SentenceVector], support: dict[int, list[tuple[float, int]]]
) -> dict[int, list[_Backing]]:
    """`support` read for sentences, likeliest first: a core's sentence in its place, as a
    partner (the sentence states the core's claim and cites it) and as a lone sentence backed as
    well as its core is."""
    whole = {(v.source, v.sentence.span.start): k for k, v in enumerate(vectors) if not v.part}

    def sentence(k: int) -> int:
        v = vectors[k]
        return whole.get((v.source, v.parent.span.start), k) if v.core and v.parent else k

    out: dict[int, list[_Backing]] = {}
    for k, found in support.items():
        at = sentence(k)
        # the lone side reads as its whole sentence (a core cited by its own words, one
        # predicate of several, would hide the others)
        mine = k if vectors[k].sentence is vectors[at].sentence else at
        out.setdefault(at, []).extend(
            _Backing(score, sentence(other), (mine, other)) for score, other in found
        )
    for backings in out.values():
        backings.sort(key=lambda b: -b.score)
    return out


def _without_echoes(groups: list[list[SentenceVector]]) -> list[list[SentenceVector]]:
    """Drop a group of claim parts whose sentences another group already holds together."""
    home = {
        (m.source, m.sentence.span.start): k for k, g in enumerate(groups) for m in g if not m.part
    }

    def echo(group: list[SentenceVector]) -> bool:
        owners = {home.get((m.source, (m.parent or m.sentence).span.start)) for m in group}
        return any(m.part for m in group) and len(owners) == 1 and None not in owners

    return [g for g in groups if not echo(g)]


def _order(v: SentenceVector) -> tuple:
    # undated sources first, as before; a date and "" do not compare
    return (v.document.source.published or dt.date.min, v.source, v.sentence.span.start)


def _pairs(
    vectors: list[SentenceVector], anchors: set[frozenset]
) -> tuple[list[tuple[float, int, int]], dict[int, list[tuple[float, int]]]]:
    """Pairs of different sources the same-claim model says state one claim (`sameclaim.SAME`), or
    that carry one quote, strongest first; and for each sentence, the sentence of another witness
    likeliest to state its claim, where that is at least `sameclaim.SUPPORT` (each vector's
    `nearest` keeps it whatever its probability). Where a claim part of a sentence states the
    claim about as well as the whole sentence, the part is cited. The core of a sentence
    (`claims.claim_core`) is in no pair: it only backs a lone sentence."""
    scores = _narrowest(vectors, _scores(vectors, anchors))
    pairs = sorted(
        (
            (score, i, j)
            for (i, j), score in scores.items()
            if vectors[i].core is None
            and vectors[j].core is None
            and (
                score >= sameclaim.SAME
                or (score >= sameclaim.SAME_KIND and _one_kind(vectors[i], vectors[j]))
            )
        ),
        key=lambda p: (-p[0], _order(vectors[p[1]]), _order(vectors[p[2]])),
    )
    candidates: dict[int, list[tuple[float, int]]] = {}
    for (i, j), score in scores.items():
        if vectors[i].witness != vectors[j].witness:
            for k, other in ((i, j), (j, i)):
                candidates.setdefault(k, []).append((score, other))
    for k, found in candidates.items():
        found.sort(key=lambda c: -c[0])
        vectors[k].nearest = (found[0][0], vectors[found[0][1]])
    support = {
        k: [c for c in found if c[0] >= sameclaim.SUPPORT] for k, found in candidates.items()
    }
    return pairs, {k: found for k, found in support.items() if found}


def _scores(vectors: list[SentenceVector], anchors: set[frozenset]) -> dict[tuple[int, int], float]:
    """Same-claim probabilities of the pairs of different sources that reach `SAME` or `SUPPORT`
    (plus 1 for a pair that carries one quote) and whose figures and dates agree."""
    floor = min(sameclaim.SAME, sameclaim.SUPPORT, sameclaim.SAME_KIND)
    scores, sources, after = {}, [v.source for v in vectors], _run_ends(vectors)
    # a pair under the model's lexical FLOOR scores 0 (below `floor`) unless it carries one quote
    pairs = close_pairs(vectors, sameclaim.FLOOR) | _anchor_pairs(vectors, anchors)
    described = _described(vectors)
    for i, j in sorted(pairs):
        a, b = vectors[i], vectors[j]
        if j < after[i] or sources[i] == sources[j]:  # only sentences after this one's source
            continue
        if _describes_another(a, b, described) or _describes_another(b, a, described):
            continue
        score = sameclaim.probability(a, b)
        if a.core is not None or b.core is not None:
            score -= sameclaim.CORE_MARGIN
        if _anchored(a, b, anchors) and (score >= sameclaim.ANCHORED or _figure_kind(a, b)):
            score += 1.0  # one statement: placed before any pair that merely reads alike
        if score >= floor and not figures_clash(a, b):
            if score < sameclaim.DATED_APART and _dated_apart(a, b, 0):
                continue  # dated differently: one claim only if all else is alike
            scores[(i, j)] = score
    return scores


def _described(vectors: list[SentenceVector]) -> dict[tuple[str, int], set[str]]:
    """The entities the appositions of each sentence describe, by (source, sentence start)."""
    out: dict[tuple[str, int], set[str]] = {}
    for v in vectors:
        if v.about and v.parent is not None:
            out.setdefault((v.source, v.parent.span.start), set()).add(v.about)
    return out


def _describes_another(
    a: SentenceVector, b: SentenceVector, described: dict[tuple[str, int], set[str]]
) -> bool:
    """Is `a` an apposition describing someone ("Fauzi, an official of the local disaster
    agency") and `b`, or its sentence, a description of someone else ("Subhan Sahara, the head of
    the local disaster management agency") that does not name the first? Alike titles of two
    people are two claims."""
    if a.about is None:
        return False
    others = described.get((b.source, (b.parent or b.sentence).span.start), set())
    return bool(others) and a.about not in others and "e:" + a.about not in b.features


def _anchor_pairs(vectors: list[SentenceVector], anchors: set[frozenset]) -> set[tuple[int, int]]:
    """The pairs (i, j), i < j, of whole sentences that carry one quote (`_anchored`)."""
    at: dict[tuple[str, int], list[int]] = {}
    for k, v in enumerate(vectors):
        if not v.part:
            at.setdefault((v.source, v.sentence.span.start), []).append(k)
    out = set()
    for anchor in anchors:
        if len(anchor) == 2:  # one sentence twice is no pair of sources
            x, y = anchor
            out |= {(min(i, j), max(i, j)) for i in at.get(x, ()) for j in at.get(y, ())}
    return out


def _figure_kind(a: SentenceVector, b: SentenceVector) -> bool:
    """They give a figure of one kind ("at least 22 houses were damaged" / "around 40 houses were
    damaged"): in one quote, one statement whose values agree or conflict."""
    kinds = {n.kind for n in figures(a)} & {n.kind for n in figures(b)}
    return any(kinds)


def _one_kind(a: SentenceVector, b: SentenceVector) -> bool:
    """They give an amount of money in one currency: sentences the model finds only loosely alike
    may still state one cost or price, with values that agree or conflict (durations and counts
    are too common a kind to pair on: "two decades in office" / "19 years on the council")."""
    kinds = {n.kind for n in figures(a)} & {n.kind for n in figures(b)}
    return any(k.startswith("money:") for k in kinds if k)


def _narrowest(
    vectors: list[SentenceVector], scores: dict[tuple[int, int], float]
) -> dict[tuple[int, int], float]:
    """Drop a pair of a whole sentence where one of its claim parts pairs with the same sentence
    nearly as well (within `sameclaim.NARROWER`) and that sentence does not state the rest of it
    (`_covers`): the part states the claim, the rest of the sentence says more than the other
    source does."""
    whole = {(v.source, v.sentence.span.start): k for k, v in enumerate(vectors) if not v.part}
    best_part: dict[tuple[int, int], float] = {}
    for (i, j), score in scores.items():
        for part, other in ((i, j), (j, i)):
            v = vectors[part]
            if v.parent is not None and v.core is None:
                key = (whole.get((v.source, v.parent.span.start), -1), other)
                best_part[key] = max(best_part.get(key, 0.0), score)

    def narrower(i: int, j: int, score: float) -> bool:
        return best_part.get((i, j), 0.0) >= score - sameclaim.NARROWER and not _covers(
            vectors[j], vectors[i]
        )

    return {
        (i, j): score
        for (i, j), score in scores.items()
        if not narrower(i, j, score) and not narrower(j, i, score)
    }


def _covers(a: SentenceVector, b: SentenceVector) -> bool:
    """Does `a` hold most of `b`'s words (its character 4-grams, `sameclaim.COVERS`)?"""
    return bool(b.grams) and len(a.grams & b.grams) >= sameclaim.COVERS * len(b.grams)


def _pairs_embedded(
    vectors: list[SentenceVector], anchors: set[frozenset]
) -> list[tuple[float, int, int]]:
    """Pairs that state one fact: lexically sure, or in the undecided band and close enough in
    meaning (the embedding mix of `vectors.similarity` against `EMBEDDED`)."""
    sure, band, after = [], [], _run_ends(vectors)
    for i, a in enumerate(vectors):
        for j in range(after[i], len(vectors)):  # the sentences after this one's source
            b = vectors[j]
            if a.source == b.source or figures_clash(a, b):
                continue
            score = cosine(a, b) + (1.0 if _anchored(a, b, anchors) else 0.0)
            lead = _both_ledes(a, b)
            if score >= (LEXICAL.lead if lead else LEXICAL.same):
                sure.append((score, i, j))
            elif score >= BAND:
                band.append((i, j, lead))
    embed_all([vectors[k] for k in {k for i, j, _ in band for k in (i, j)}])
    for i, j, lead in band:
        score = similarity(vectors[i], vectors[j])
        if score >= (EMBEDDED.lead if lead else EMBEDDED.same):
            sure.append((score, i, j))
    return sorted(sure, key=lambda p: (-p[0], _order(vectors[p[1]]), _order(vectors[p[2]])))


def _anchored(a: SentenceVector, b: SentenceVector, anchors: set[frozenset]) -> bool:
    return (
        not a.part
        and not b.part
        and frozenset(((a.source, a.sentence.span.start), (b.source, b.sentence.span.start)))
        in anchors
    )


def figures(v: SentenceVector) -> list[NumberMention]:
    """The typed figures of a sentence (numbers whose kind is known), found once per vector."""
    return v.figures


def figures_clash(a: SentenceVector, b: SentenceVector) -> bool:
    """Do the sentences give figures of one kind that disagree ("killing five" / "killing 24";
    "a 6.4-magnitude quake" / "an 8.6-magnitude quake")? Such sentences are never one fact: they
    are a conflict or an update, which the story's figures show. Nor are two sentences each dated
    once, more than `APART_DAYS` apart ("In 2004, a tsunami killed ..." / "The quake on Tuesday
    killed ..."): they tell of two events, not of one dated two ways."""
    if _dated_apart(a, b):
        return True
    fa, fb = figures(a), figures(b)
    for kind in {n.kind for n in fa} & {n.kind for n in fb} & EVENT_KINDS:
        xs, ys = [n for n in fa if n.kind == kind], [n for n in fb if n.kind == kind]
        if not any(figures_agree(x, y) and _same_way(x, a, y, b) for x in xs for y in ys):
            return True
    return False


def _dated_apart(a: SentenceVector, b: SentenceVector, days: int = APART_DAYS) -> bool:
    """Each is dated once, more than `days` apart."""
    if len(a.dates) != 1 or len(b.dates) != 1:
        return False
    gap = days_apart(a.dates[0], b.dates[0])
    return gap is not None and gap > days


def _same_way(x: NumberMention, a: SentenceVector, y: NumberMention, b: SentenceVector) -> bool:
    """Two distances point the same way (or one gives no direction): "55 km west" is not "55 km south"."""
    if x.kind != "distance":
        return True
    dx, dy = direction_of(x, a.document.source.text), direction_of(y, b.document.source.text)
    return dx is None or dy is None or dx == dy


def _run_ends(vectors: list[SentenceVector]) -> list[int]:
    """For each vector, the index just past the run of vectors of its source it stands in."""
    ends, end = [0] * len(vectors), len(vectors)
    for i in range(len(vectors) - 1, -1, -1):
        if i + 1 < len(vectors) and vectors[i + 1].source != vectors[i].source:
            end = i + 1
        ends[i] = end
    return ends


def _both_ledes(a: SentenceVector, b: SentenceVector) -> bool:
    return a.lede and b.lede


def _join(
    vectors: list[SentenceVector], home: dict[int, _Group], i: int, j: int, join: float
) -> None:
    gi, gj = home.get(i), home.get(j)
    if gi is not None and gi is gj:
        return
    if gi is None and gj is None:
        home[i] = home[j] = _Group([vectors[i], vectors[j]])
        return
    if gi is not None and gj is not None:
        if MERGE is not None and _mergeable(gi, gj, join, MERGE):
            gi.members += gj.members  # one claim grouped twice (headlines here, ledes there)
            for k, g in home.items():
                if g is gj:
                    home[k] = gi
        return
    group, k = (gi, j) if gi is not None else (gj, i)
    if group is None:
        return
    newcomer = vectors[k]
    if newcomer.source in group.sources():
        return
    if sum(_affinity(newcomer, m, join) for m in group.members) / len(group.members) < 1.0:
        return
    if any(figures_clash(newcomer, m) for m in group.members):
        return
    group.members.append(newcomer)
    home[k] = group


def _mergeable(a: _Group, b: _Group, join: float, merge: float) -> bool:
    """Two groups of other sources that read alike on average, as much as `merge` times the join
    threshold, with no figure that disagrees, state one claim."""
    if a.sources() & b.sources():
        return False
    pairs = [(x, y) for x in a.members for y in b.members]
    if any(figures_clash(x, y) for x, y in pairs):
        return False
    return sum(_affinity(x, y, join) for x, y in pairs) / len(pairs) >= merge


def _affinity(a: SentenceVector, b: SentenceVector, join: float) -> float:
    """How near two sentences are, as a multiple of the join threshold of their kind of score:
    the same-claim probability, or with embeddings the lexical and embedding cosines."""
    if a.embedding is None or b.embedding is None:
        bar = sameclaim.SAME_KIND if _one_kind(a, b) else sameclaim.JOIN
        return sameclaim.probability(a, b) / bar
    return max(cosine(a, b) / join, similarity(a, b) / EMBEDDED.join)


def make_fact(index: int, members: list[SentenceVector], conflicting: bool) -> Fact:
    """A `Fact` from a group: status from its independent witnesses and conflicts."""
    witnesses = {m.witness for m in members}
    status: FactStatus = (
        "conflicting"
        if conflicting
        else ("corroborated" if len(witnesses) >= 2 else "single-source")
    )
    return Fact(
        id=f"f{index}",
        text=members[0].sentence.text,
        status=status,
        mentions=[m.sentence.span for m in members],
        sources=sorted({m.source for m in members}),
        witnesses=len(witnesses),
        why=reason(members) if len(members) > 1 else None,
        nearest=_nearest(members[0]) if status == "single-source" else None,
    )


def _nearest(v: SentenceVector) -> Nearest | None:
    """Where another witness comes closest to stating a lone sentence's claim."""
    if v.nearest is None:
        return None
    score, other = v.nearest
    return Nearest(other.sentence.span, round(min(score, 1.0), 3))


def reason(members: list[SentenceVector]) -> MatchReason:
    """Why the members are one fact: the best-scoring pair of different sources and what it shares."""
    score, a, b = max(
        (
            (similarity(a, b), a, b)
            for i, a in enumerate(members)
            for b in members[i + 1 :]
            if a.source != b.source
        ),
        key=lambda t: t[0],
        default=(0.0, members[0], members[-1]),
    )
    shared = set(a.weights) & set(b.weights)
    names = {
        m.entity_id: m.text
        for m in a.document.entity_mentions
        if m.entity_id and f"e:{m.entity_id}" in shared
    }
    agreeing = [
        x.text
        for x in figures(a)
        if any(x.kind == y.kind and figures_agree(x, y) for y in figures(b))
    ]
    words = sorted(
        (f for f in shared if f.startswith("w:")),
        key=lambda f: (-round(a.weights[f] * b.weights[f], 9), f),
    )[:8]
    same_claim = None
    if a.embedding is None:
        same_claim = max(
            sameclaim.probability(x, y)
            for i, x in enumerate(members)
            for y in members[i + 1 :]
            if x.source != y.source
        )
    return MatchReason(
        round(score, 3),
        agreeing,
        sorted(set(names.values())),
        [w[2:] for w in words],
        None if same_claim is None else round(min(same_claim, 1.0), 3),
    )
