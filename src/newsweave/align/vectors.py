"""Sparse feature vectors of sentences: content lemmas plus the entities, dates and numbers they
mention, weighted by inverse document frequency over the sentences of one brief."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Any, Callable

from ..models import Document, Sentence
from .claims import claim_parts

# Feature prefixes; entities, dates and numbers count more than a single word.
WEIGHTS = {"w": 1.0, "e": 1.5, "d": 2.0, "n": 2.0}
# Weight of the lexical cosine beside the embedding cosine, calibrated on MSRP train
# (bench/samefact.py: 0.2 lexical, threshold 0.636).
EMBED_MIX = 0.2
# Reporting verbs say how a fact reached the page, not what it is.
REPORTING = {"say", "tell", "add", "report", "state", "according", "announce", "note", "claim"}


@dataclass
class SentenceVector:
    sentence: Sentence
    document: Document
    features: Counter
    weights: dict[str, float]
    norm: float = 0.0
    embedding: Any = None  # unit sentence embedding, with `similarity="embed"`
    parent: Sentence | None = None  # for a claim inside a sentence (align.claims): that sentence

    @property
    def part(self) -> bool:
        return self.parent is not None

    @property
    def source(self) -> str:
        return self.document.source.id

    @property
    def witness(self) -> str:
        return self.document.source.witness or self.document.source.id


def sentence_vectors(documents: list[Document], *, embed: bool = False,
                     keep: Callable[[Document, Sentence], bool] | None = None) -> list[SentenceVector]:
    """One vector per sentence of every document (those `keep` accepts), IDF-weighted over them;
    with `embed`, each also carries its sentence embedding (the `embed` extra)."""
    vectors = []
    for d in documents:
        for s in d.sentences:
            if keep is None or keep(d, s):
                vectors.append(SentenceVector(s, d, _features(d, s), {}))
                vectors += [SentenceVector(p, d, _features(d, p, context), {}, parent=s)
                            for p, context in claim_parts(d, s)]
    if embed:
        embed_all(vectors)
    df = Counter(f for v in vectors for f in v.features)
    n = len(vectors) or 1
    for v in vectors:
        v.weights = {f: c * _idf(n, df[f]) * WEIGHTS[f[0]] for f, c in v.features.items()}
        v.norm = math.sqrt(sum(w * w for w in v.weights.values()))
    return vectors


def embed_all(vectors: list[SentenceVector]) -> None:
    """Give each vector that has none its sentence embedding (one batch)."""
    todo = [v for v in vectors if v.embedding is None]
    if todo:
        from ..embedding import embed as encode

        for v, e in zip(todo, encode([v.sentence.text for v in todo])):
            v.embedding = e


def cosine(a: SentenceVector, b: SentenceVector) -> float:
    if not a.norm or not b.norm:
        return 0.0
    small, big = (a.weights, b.weights) if len(a.weights) < len(b.weights) else (b.weights, a.weights)
    return sum(w * big.get(f, 0.0) for f, w in small.items()) / (a.norm * b.norm)


def similarity(a: SentenceVector, b: SentenceVector) -> float:
    """Same-fact score: the lexical cosine, mixed with the embedding cosine when both have one."""
    lexical = cosine(a, b)
    if a.embedding is None or b.embedding is None:
        return lexical
    return EMBED_MIX * lexical + (1 - EMBED_MIX) * float(a.embedding @ b.embedding)


def _singular(word: str | None) -> str:
    return (word or "").lower().rstrip("s")


def _content_word(tok) -> bool:
    return tok.is_alpha and not tok.is_stop and len(tok.text) > 1 and tok.lemma_.lower() not in REPORTING


def _idf(n: int, df: int) -> float:
    return math.log((1 + n) / (1 + df)) + 1.0


def _features(document: Document, sentence: Sentence, context: list | None = None) -> Counter:
    """Features of the sentence (or claim part), plus the words of `context` it depends on."""
    features: Counter = Counter()
    for tok in context or []:
        if _content_word(tok):
            features["w:" + tok.lemma_.lower()] += 1
    start, end = sentence.span.start, sentence.span.end
    names = [m for m in document.entity_mentions if start <= m.span.start < end and m.entity_id]
    for m in names:
        features["e:" + m.entity_id] += 1
    if document.nlp is not None:
        span = document.nlp.char_span(start, end, alignment_mode="expand")
        for tok in span or []:
            if _content_word(tok) and not any(m.span.start <= tok.idx < m.span.end for m in names):
                features["w:" + tok.lemma_.lower()] += 1
    for d in document.dates:
        if start <= d.span.start < end and d.resolved:
            features[f"d:{d.date}/{d.end}"] += 1
    for num in document.numbers:
        if start <= num.span.start < end and (num.unit or num.value >= 10):
            features[f"n:{num.value:g}:{num.unit}:{_singular(num.counts)}"] += 1
    return features
