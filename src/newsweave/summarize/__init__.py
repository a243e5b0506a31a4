"""Stage 7, summarize: a short extractive summary, cited by construction.

Every summary sentence is a source sentence of one fact, and cites that fact's sentences in every
source that states it. The news leads: the statement of the article's own time that gives the
story's headline figures (the toll first; `lead.py`), never background, a caption or a quote.
Then corroborated facts, then the most central single-source ones;
a candidate too similar to one already chosen is skipped; sentences that lean on the previous
sentence ("He said ...", a quote continued from before) are not used out of context.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..align import Alignment
from ..align.facts import figures
from ..align.vectors import SentenceVector, cosine
from ..extract.dates import date_line
from ..extract.figures import figures_agree
from ..models import Fact, SummarySentence
from . import scorer
from .lead import lead_index, may_lead

MIN_SENTENCES, MAX_SENTENCES = 3, 7
DEFAULT_WORDS = 140
WORDS_PER_SENTENCE = 20  # a longer summary may hold more sentences
# A candidate must bring this share of its weighted content (words, names, dates, numbers) that
# no sentence chosen before it shows; tuned on NeuS val (0.2-0.4 score alike).
NOVEL = 0.3
_DEPENDENT_START = re.compile(
    r"^(?:He|She|They|It|This|That|These|Those|But|And|Also|However)\b|^\"[a-z]"
)

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}

__all__ = ["DEFAULT_WORDS", "Candidate", "candidates", "ranked", "summarize"]


def summarize(alignment: Alignment, *, words: int = DEFAULT_WORDS) -> list[SummarySentence]:
    """Pick 3 or more fact sentences within about `words` words (at most 7 at the default
    length, more for longer summaries), best first."""
    most = max(MAX_SENTENCES, words // WORDS_PER_SENTENCE)
    chosen: list[SummarySentence] = []
    total = 0
    for sentence in ranked(alignment):
        n = len(sentence.text.split())
        if len(chosen) >= most or (len(chosen) >= MIN_SENTENCES and total + n > words):
            break
        chosen.append(sentence)
        total += n
    return chosen


def ranked(alignment: Alignment) -> list[SummarySentence]:
    """Every usable fact sentence, best first (by `scorer`), each citing all its sources, each
    adding enough that the ones ranked above it did not say."""
    scored = sorted(candidates(alignment), key=lambda c: -c.score)
    lead = lead_index(alignment, [c.best for c in scored], _unquoted)
    if lead is not None:  # the news and its key figures first
        scored.insert(0, scored.pop(lead))
    kept: list[SummarySentence] = []
    shown: set[str] = set()
    for c in scored:
        if _novelty(c.best, shown) >= NOVEL:
            kept.append(_sentence(c.fact, c.best, alignment.vectors[c.fact.id]))
            shown.update(c.best.weights)
    return kept


@dataclass
class Candidate:
    """A usable fact, the sentence that would show it and the scorer's features of the two."""

    fact: Fact
    best: SentenceVector
    features: dict[str, float]
    score: float = 0.0


def candidates(alignment: Alignment) -> list[Candidate]:
    """The usable facts in the alignment's order, each with its shown sentence and features."""
    centrality = _centrality(alignment)
    every = [v for vs in alignment.vectors.values() for v in vs]
    witnesses = len({v.witness for v in every})
    users = Counter(f for f, _ in {(f, v.witness) for v in every for f in v.weights})
    ledes = [v for v in every if v.lede]
    documents = {id(v.document): v.document for v in every}.values()
    places = {id(s): i for d in documents for i, s in enumerate(d.sentences)}
    out = []
    for fact in alignment.facts:
        if not _usable(fact, alignment):
            continue
        best = _best(alignment.vectors[fact.id])
        outside = _unquoted(best)
        x = scorer.features(
            fact,
            best,
            central=centrality[fact.id],
            headline=max((cosine(best, v) for v in ledes if v.source != best.source), default=0.0),
            paragraph=alignment.vectors[fact.id][0].sentence.paragraph,
            index=places.get(id(best.parent or best.sentence), 0),
            witnesses=witnesses,
            users=users,
            outside=outside,
            lead=may_lead(best, outside),
        )
        out.append(Candidate(fact, best, x, scorer.score(x)))
    return out


def _usable(fact: Fact, alignment: Alignment) -> bool:
    """Self-contained: a sane length, not leaning on the previous sentence, not a bare quote, not
    a date line ("By Alex Acquisto, BDN Staff • June 14, 2017 2:30 pm")."""
    best = _best(alignment.vectors[fact.id])
    text = best.sentence.text
    if not 6 <= len(text.split()) <= 60 or _DEPENDENT_START.search(text) or text.count('"') % 2:
        return False
    if date_line(text) is not None:
        return False
    outside = _unquoted(best)
    return len(outside.split()) >= 4 and not _pronoun_attribution(outside)


def _pronoun_attribution(outside: str) -> bool:
    """A quote whose only words outside its marks are a pronoun and a verb ('"...," she said'):
    out of context the reader cannot tell who spoke."""
    words = _WORD.findall(outside)
    return len(words) <= 3 and any(w.lower() in _PRONOUNS for w in words)


def _unquoted(v: SentenceVector) -> str:
    """The words of a sentence outside its quote marks (the narration and attribution): reported
    speech ("ferries will run, officials said") is a statement with its source, not a quote."""
    span, text = v.sentence.span, v.document.source.text
    keep = [True] * (span.end - span.start)
    for q in (
        q
        for q in v.document.index("quotes").overlapping(span.start, span.end)
        if q.kind != "indirect"
    ):
        for i in range(max(q.span.start, span.start), min(q.span.end, span.end)):
            keep[i - span.start] = False
    return "".join(c if k else " " for c, k in zip(text[span.start : span.end], keep))


def _best(members: list[SentenceVector]) -> SentenceVector:
    """The mention to show: the first that does not lean on its context, else the first."""
    return next((m for m in members if not _DEPENDENT_START.search(m.sentence.text)), members[0])


def _centrality(alignment: Alignment) -> dict[str, float]:
    """Mean similarity of a fact's first sentence to every other fact's.
    The mean of cosines is the dot product with the sum of the unit vectors, less the vector's
    own term: linear in the number of facts (all the pairs were quadratic)."""
    firsts = {fid: ms[0] for fid, ms in alignment.vectors.items()}
    total, others = _unit_sum(firsts.values()), len(firsts) - 1
    out = {}
    for fid, v in firsts.items():
        mean = 0.0
        if v.norm and others:
            own = sum(w * w for w in v.weights.values()) / v.norm
            mean = (sum(w * total.get(f, 0.0) for f, w in v.weights.items()) - own) / (
                v.norm * others
            )
        out[fid] = mean
    return out


def _unit_sum(vectors) -> dict[str, float]:
    """The feature-wise sum of the vectors scaled to unit length (those with any weight)."""
    total: dict[str, float] = {}
    for v in vectors:
        for f, w in v.weights.items() if v.norm else ():
            total[f] = total.get(f, 0.0) + w / v.norm
    return total


def _novelty(v: SentenceVector, shown: set[str]) -> float:
    """The share of a sentence's feature weight (IDF-weighted words, names, dates, numbers)
    that the sentences in `shown` do not carry; 0 for a sentence without features."""
    total = sum(v.weights.values())
    return sum(w for f, w in v.weights.items() if f not in shown) / total if total else 0.0


def _sentence(fact: Fact, best: SentenceVector, members: list[SentenceVector]) -> SummarySentence:
    """The shown sentence, citing itself and every other source's sentence that states its figures:
    a span that gives no value, or another value, for a figure the sentence states is not cited."""
    stating = [m for m in members if m is best or states_figures(best, m)]
    spans = {m.sentence.span for m in stating}
    citations = [best.sentence.span] + [
        m for m in fact.mentions if m != best.sentence.span and m in spans
    ]
    status = fact.status
    if status == "corroborated" and len({m.witness for m in stating}) < 2:
        status = "single-source"  # the other sources do not state its figures
    return SummarySentence(
        text=best.sentence.text, citations=citations, status=status, fact_id=fact.id
    )


def states_figures(shown: SentenceVector, other: SentenceVector) -> bool:
    """Does `other` give every typed figure of `shown`, with a value that agrees?"""
    theirs = figures(other)
    return all(
        any(y.kind == x.kind and figures_agree(x, y) for y in theirs) for x in figures(shown)
    )
