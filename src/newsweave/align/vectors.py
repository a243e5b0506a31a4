"""Sparse feature vectors of sentences: content lemmas plus the entities, dates and numbers they
mention, weighted by inverse document frequency over the sentences of one brief."""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from scipy import sparse

from ..models import DateMention, Document, NumberMention, Sentence, Span
from .claims import claim_core, claim_parts, claim_predicates, described

# Feature prefixes; entities, dates and numbers count more than a single word.
WEIGHTS = {"w": 1.0, "e": 1.5, "d": 2.0, "n": 2.0}
# Weight of the lexical cosine beside the embedding cosine, calibrated on MSRP train
# (bench/samefact.py: 0.2 lexical, threshold 0.636).
EMBED_MIX = 0.2
# The kinds of entity an apposition part is about (`SentenceVector.about`).
DESCRIBED = frozenset({"person", "organisation"})
# Reporting verbs say how a fact reached the page, not what it is.
REPORTING = {"say", "tell", "add", "report", "state", "according", "announce", "note", "claim"}
# Main verbs that say nothing of what a sentence is about.
LIGHT_VERBS = frozenset({"say", "be"})
# A sentence of at least this many letters said twice in one document is one sentence (pages that
# repeat a paragraph); shorter ones ("He said.") may be said twice.
MIN_REPEAT_CHARS = 40
_NON_WORD = re.compile(r"[^a-z0-9 ]+")
# How far below a floor the sparse product's cosine may fall and the pair still be scored
# (`close_pairs`): far above the rounding of a sum of a few dozen products.
_MARGIN = 1e-9
# Rows of the sparse product taken at once (`close_pairs`): a story of thousands of sentences
# never holds all its pairs' products in memory.
_PRODUCT_ROWS = 512


@dataclass
class SentenceVector:
    sentence: Sentence
    document: Document
    features: Counter
    weights: dict[str, float]
    norm: float = 0.0
    embedding: Any = None  # unit sentence embedding, with `similarity="embed"`
    parent: Sentence | None = None  # for a claim inside a sentence (align.claims): that sentence
    # the vector of another witness likeliest to state its claim, with that probability (align.facts)
    nearest: tuple[float, SentenceVector] | None = None
    # for the main claim of a sentence (align.claims.claim_core) or one of its predicates read with
    # its subject (claim_predicates): its words; `parent` is then that sentence, and `sentence`
    # what cites it (the sentence, or the predicate's words where they stand together)
    core: tuple[Any, ...] | None = None
    # for an apposition part ("Fauzi, an official of the agency"): the entity it describes
    about: str | None = None

    @property
    def part(self) -> bool:
        return self.parent is not None

    @functools.cached_property
    def figures(self) -> list[NumberMention]:
        """The typed figures it states (numbers whose kind is known): read for every pair it is in."""
        return [n for n in self._mentioned("numbers") if n.kind]

    @functools.cached_property
    def dates(self) -> list[DateMention]:
        """The resolved dates it states."""
        return [d for d in self._mentioned("dates") if d.resolved]

    def _mentioned(self, kind: str) -> list[Any]:
        """The document's mentions of `kind` that start in its words (for a core, those it kept:
        a date in an aside it leaves out is not the date of its claim)."""
        start, end = self.sentence.span.start, self.sentence.span.end
        found = [
            x for x in self.document.index(kind).overlapping(start, end) if start <= x.span.start
        ]
        if self.core is None:
            return found
        words = [(t.idx, t.idx + len(t.text)) for t in self.core]
        return [x for x in found if any(a <= x.span.start < b for a, b in words)]

    @property
    def lede(self) -> bool:
        """Is it its article's opening sentence?"""
        return self.sentence is self.document.sentences[0]

    @functools.cached_property
    def text(self) -> str:
        """The words it stands for: its sentence's, or those of the core of it."""
        if self.core is None:
            return self.sentence.text
        return "".join(t.text_with_ws for t in self.core).strip()

    @functools.cached_property
    def grams(self) -> frozenset[str]:
        """Character 4-grams of its lower-cased letters, digits and spaces."""
        t = _NON_WORD.sub("", self.text.lower())
        return frozenset(t[i : i + 4] for i in range(len(t) - 3))

    @functools.cached_property
    def words(self) -> int:
        return len(self.text.split())

    @functools.cached_property
    def named(self) -> frozenset[str]:
        """Its features with a weight (read for every pair it is in, once `weights` are set)."""
        return frozenset(self.weights)

    def tokens(self) -> Any | None:
        """Its sentence's tokens in the document's parse (None without a parse)."""
        doc, span = self.document.nlp, self.sentence.span
        if doc is None:
            return None
        return doc.char_span(span.start, span.end, alignment_mode="expand")

    def span_of(self, first: int, last: int) -> Span:
        """The offsets of its document's tokens `first` to `last`, both included."""
        words = self.document.nlp[first : last + 1]
        return Span(self.source, words.start_char, words.end_char)

    @functools.cached_property
    def _parsed(self) -> tuple[Any, str]:
        """The unit mean of spaCy's contextual vectors over its content words (None without
        them), and its main verb's lemma ("" for "say" and "be")."""
        span = self.tokens()
        if span is None:
            return None, ""
        doc = span.doc
        verb = span.root.lemma_.lower()
        rows = [t.i for t in self.core or span if t.is_alpha and not t.is_stop]
        tensor = getattr(doc, "tensor", None)
        if not rows or tensor is None or not len(tensor):
            return None, "" if verb in LIGHT_VERBS else verb
        mean = tensor[rows].mean(0)
        norm = float((mean @ mean) ** 0.5)
        return (mean / norm if norm else None), "" if verb in LIGHT_VERBS else verb

    @property
    def context(self) -> Any:
        return self._parsed[0]

    @property
    def verb(self) -> str:
        return self._parsed[1]

    @property
    def source(self) -> str:
        return self.document.source.id

    @property
    def witness(self) -> str:
        return self.document.source.witness or self.document.source.id


def sentence_vectors(
    documents: list[Document],
    *,
    embed: bool = False,
    keep: Callable[[Document, Sentence], bool] | None = None,
) -> list[SentenceVector]:
    """One vector per sentence of every document (those `keep` accepts), IDF-weighted over them;
    with `embed`, each also carries its sentence embedding (the `embed` extra)."""
    vectors = []
    for d in documents:
        said: set[str] = set()
        for s, found in _document_found(d, keep):
            if _repeated(s, said):
                continue
            vectors.append(SentenceVector(s, d, _features(d, s, found), {}))
            vectors += _claim_vectors(d, s, found)
    if embed:
        embed_all(vectors)
    counted = [v for v in vectors if v.core is None]  # a core repeats words of its sentence
    df = Counter(f for v in counted for f in v.features)
    n = len(counted) or 1
    for v in vectors:
        v.weights = {f: c * _idf(n, df[f]) * WEIGHTS[f[0]] for f, c in v.features.items()}
        v.norm = math.sqrt(sum(w * w for w in v.weights.values()))
    return vectors


def _claim_vectors(
    document: Document, sentence: Sentence, found: tuple[list, list, list]
) -> list[SentenceVector]:
    """The vectors of the claims a sentence states beside the whole of it (`align.claims`): its
    parts, its predicates read with their subject, and its core. A claim whose words stand
    together is a part (cited by those words); one whose words do not is matched for its sentence,
    which cites it (a core). The core is left out where a predicate is the same words."""
    out = [
        SentenceVector(
            p,
            document,
            _features(document, p, _within(found, p), context),
            {},
            parent=sentence,
            about=_described(found[0], context),
        )
        for p, context in claim_parts(document, sentence)
    ]
    core = claim_core(document, sentence)
    claims: list[tuple[list[Any], Sentence]] = [(core, sentence)] if core else []
    for part, tokens in claim_predicates(document, sentence):
        claims = [(c, at) for c, at in claims if _word_ids(c) != _word_ids(tokens)]
        claims.append((tokens, part or sentence))
    for c, at in claims:
        features = _features(document, sentence, _within_words(found, c), words=c)
        out.append(SentenceVector(at, document, features, {}, parent=sentence, core=tuple(c)))
    return out


def _described(names: list[Any], context: list[Any]) -> str | None:
    """The person or organisation an apposition part describes, where a name of the sentence
    covers that noun (a place described, "Bener Meriah, one of the worst-hit areas", is not
    told apart from another: two outlets name it differently, "Bener Meriah district")."""
    head = described(context)
    if head is None:
        return None
    return next(
        (
            m.entity_id
            for m in names
            if m.span.start <= head.idx < m.span.end and m.entity_id and m.type in DESCRIBED
        ),
        None,
    )


def _word_ids(tokens: list[Any]) -> set[int]:
    return {t.i for t in tokens if not t.is_punct}


def _repeated(sentence: Sentence, said: set[str]) -> bool:
    """Has its document said this sentence before (a paragraph a page repeats)? Adds it if not."""
    key = " ".join(_NON_WORD.sub("", sentence.text.lower()).split())
    if len(key) < MIN_REPEAT_CHARS:
        return False
    if key in said:
        return True
    said.add(key)
    return False


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
    small, big = (
        (a.weights, b.weights) if len(a.weights) < len(b.weights) else (b.weights, a.weights)
    )
    return sum(w * big.get(f, 0.0) for f, w in small.items()) / (a.norm * b.norm)


def close_pairs(vectors: list[SentenceVector], floor: float) -> set[tuple[int, int]]:
    """The pairs (i, j), i < j, whose `cosine` may reach `floor` (> 0): one sparse
    product of the unit weight vectors finds them, instead of a cosine per pair of sentences.
    The product sums in another order than `cosine`, so a small margin keeps every pair whose
    exact cosine reaches `floor`; callers still score each pair with `cosine`."""
    columns: dict[str, int] = {}
    rows, cols, values = [], [], []
    for i, v in enumerate(vectors):
        for f, w in v.weights.items() if v.norm else ():
            rows.append(i)
            cols.append(columns.setdefault(f, len(columns)))
            values.append(w / v.norm)
    if not values:
        return set()
    unit = sparse.csr_matrix((values, (rows, cols)), shape=(len(vectors), len(columns)))
    out: set[tuple[int, int]] = set()
    for start in range(0, len(vectors), _PRODUCT_ROWS):  # a block of rows at a time: bounded memory
        block = (unit[start : start + _PRODUCT_ROWS] @ unit.T).tocoo()
        close = (block.data >= floor - _MARGIN) & (block.col > block.row + start)
        out.update(zip((block.row[close] + start).tolist(), block.col[close].tolist()))
    return out


def similarity(a: SentenceVector, b: SentenceVector) -> float:
    """Same-fact score: the lexical cosine, mixed with the embedding cosine when both have one."""
    lexical = cosine(a, b)
    if a.embedding is None or b.embedding is None:
        return lexical
    return EMBED_MIX * lexical + (1 - EMBED_MIX) * float(a.embedding @ b.embedding)


def _singular(word: str | None) -> str:
    return (word or "").lower().rstrip("s")


def _content_word(tok) -> bool:
    return (
        tok.is_alpha
        and not tok.is_stop
        and len(tok.text) > 1
        and tok.lemma_.lower() not in REPORTING
    )


def _idf(n: int, df: int) -> float:
    return math.log((1 + n) / (1 + df)) + 1.0


def _document_found(
    document: Document, keep: Callable[[Document, Sentence], bool] | None
) -> list[tuple[Sentence, tuple[list, list, list]]]:
    """The resolved names, dates and numbers of each sentence `keep` accepts, grouped by sentence
    once (a scan of the whole document per sentence was quadratic in its length)."""
    names = document.by_sentence([m for m in document.entity_mentions if m.entity_id])
    dates = document.by_sentence([d for d in document.dates if d.resolved])
    numbers = document.by_sentence([n for n in document.numbers if n.unit or n.value >= 10])
    return [
        (s, (names.get(s.id, []), dates.get(s.id, []), numbers.get(s.id, [])))
        for s in document.sentences
        if keep is None or keep(document, s)
    ]


def _within(found: tuple[list, list, list], part: Sentence) -> tuple[list, list, list]:
    """Of a sentence's names, dates and numbers, those a claim part of it holds."""
    start, end = part.span.start, part.span.end
    return tuple([x for x in items if start <= x.span.start < end] for items in found)  # type: ignore[return-value]


def _within_words(found: tuple[list, list, list], words: list[Any]) -> tuple[list, list, list]:
    """Of a sentence's names, dates and numbers, those that start in one of `words` (tokens)."""
    starts = [(t.idx, t.idx + len(t.text)) for t in words]

    def kept(x: Any) -> bool:
        return any(a <= x.span.start < b for a, b in starts)

    return tuple([x for x in items if kept(x)] for items in found)  # type: ignore[return-value]


def _features(
    document: Document,
    sentence: Sentence,
    found: tuple[list, list, list],
    context: list | None = None,
    words: list[Any] | None = None,
) -> Counter:
    """Content lemmas plus the resolved names, dates and numbers `found` in the sentence (or claim
    part; or only its `words`, tokens), and the content words of the `context` a part depends on."""
    features: Counter = Counter()
    for tok in context or []:
        if _content_word(tok):
            features["w:" + tok.lemma_.lower()] += 1
    names, dates, numbers = found
    for m in names:
        features["e:" + m.entity_id] += 1
    if words is None and document.nlp is not None:
        words = document.nlp.char_span(
            sentence.span.start, sentence.span.end, alignment_mode="expand"
        )
    if words is not None:
        for tok in words:
            if _content_word(tok) and not any(m.span.start <= tok.idx < m.span.end for m in names):
                features["w:" + tok.lemma_.lower()] += 1
    for d in dates:
        features[f"d:{d.date}/{d.end}"] += 1
    for num in numbers:
        features[f"n:{num.value:g}:{num.unit}:{_singular(num.counts)}"] += 1
    return features


def days_apart(x: DateMention, y: DateMention) -> int | None:
    """Days between two dates or date ranges (0 or less: they overlap); None when either is
    unresolved."""
    if x.date is None or y.date is None:
        return None
    return max(x.date - (y.end or y.date), y.date - (x.end or x.date)).days
