"""Article vectors for story clustering: cheap (no parse), so a corpus clusters at thousands of
articles a second.

Terms are lower-cased words without stop words; the headline and the lede (first `LEDE_WORDS`
words) count twice, since they carry what the story is. Weights are sublinear TF × smoothed IDF,
rows L2-normalised, so a dot product is a cosine. Names (capitalised word runs not opening a
sentence) are kept apart for explaining why articles were put together.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain, repeat

import numpy as np
from scipy import sparse

from ..models import Source

LEDE_WORDS = 60
_WORD = re.compile(r"[a-z][a-z'\u2019-]*[a-z]|[a-z]")
# A name: capitalised words ("Ann Lee", "ZTE") not at the start of the text or of a sentence
# (after . ! ? " or \u201c and a space), nor inside a word. The checks on what comes before are
# made after the first capital, so that the regex engine skips to capitals instead of trying
# them at every character; the matches are those of the plain form
# (?<![.!?"\u201c]\s)(?<!^)\b((?:[A-Z][a-z]+|[A-Z]{2,})(?:\s+(?:[A-Z][a-z]+|[A-Z]{2,}))*),
# about three times as fast.
_NAME = re.compile(
    r"([A-Z](?<=\W[A-Z])(?<![.!?\"\u201c]\s[A-Z])(?:[a-z]+|[A-Z]+)(?:\s+(?:[A-Z][a-z]+|[A-Z]{2,}))*)"
)
STOP = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "aren't",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "can't",
        "cannot",
        "could",
        "couldn't",
        "did",
        "didn't",
        "do",
        "does",
        "doesn't",
        "doing",
        "don't",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "hadn't",
        "has",
        "hasn't",
        "have",
        "haven't",
        "having",
        "he",
        "he'd",
        "he'll",
        "he's",
        "her",
        "here",
        "here's",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "how's",
        "i",
        "i'd",
        "i'll",
        "i'm",
        "i've",
        "if",
        "in",
        "into",
        "is",
        "isn't",
        "it",
        "it's",
        "its",
        "itself",
        "just",
        "let's",
        "like",
        "me",
        "more",
        "most",
        "mr",
        "mrs",
        "ms",
        "much",
        "must",
        "mustn't",
        "my",
        "myself",
        "new",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "one",
        "only",
        "or",
        "other",
        "ought",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "per",
        "said",
        "same",
        "say",
        "says",
        "shan't",
        "she",
        "she'd",
        "she'll",
        "she's",
        "should",
        "shouldn't",
        "so",
        "some",
        "such",
        "than",
        "that",
        "that's",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "there's",
        "these",
        "they",
        "they'd",
        "they'll",
        "they're",
        "they've",
        "this",
        "those",
        "though",
        "through",
        "to",
        "too",
        "two",
        "under",
        "until",
        "up",
        "upon",
        "us",
        "very",
        "was",
        "wasn't",
        "we",
        "we'd",
        "we'll",
        "we're",
        "we've",
        "were",
        "weren't",
        "what",
        "what's",
        "when",
        "when's",
        "where",
        "where's",
        "which",
        "while",
        "who",
        "who's",
        "whom",
        "why",
        "why's",
        "will",
        "with",
        "won't",
        "would",
        "wouldn't",
        "year",
        "years",
        "yet",
        "you",
        "you'd",
        "you'll",
        "you're",
        "you've",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "told",
        "according",
        "since",
        "still",
        "even",
        "back",
        "get",
        "got",
        "made",
        "make",
        "many",
        "may",
        "might",
        "well",
        "way",
        "first",
        "last",
        "time",
        "told",
        "week",
        "day",
        "according",
        "going",
    ]
)

EMBED_WORDS = 200  # all-MiniLM-L6-v2 reads 256 word pieces: the headline and lede carry the story

__all__ = ["Vectorizer", "embedding_text", "names", "terms"]


def embedding_text(source: Source) -> str:
    """What an article's sentence embedding is made from: its headline and first words."""
    return " ".join(((source.title or "") + " " + source.text).split()[:EMBED_WORDS])


def terms(source: Source) -> Counter:
    """Term counts of an article: its words, with the headline and lede counted twice."""
    words = [w.replace("\u2019", "'") for w in _WORD.findall(source.text.lower())]
    words = [w for w in words if w not in STOP and len(w) > 1]
    counts = Counter(words)
    counts.update(words[:LEDE_WORDS])
    if source.title:
        counts.update(w for w in _WORD.findall(source.title.lower()) if w not in STOP)
    return counts


_NOT_NAMES = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "dr",
        "mr",
        "mrs",
        "ms",
        "mt",
        "st",
        "jr",
        "sr",
        "prof",
        "gov",
        "sen",
        "rep",
        "gen",
    ]
)


def names(source: Source) -> set[str]:
    """Capitalised names in the text (not sentence openers), as first written; one per spelling
    regardless of case ("ZTE" and "Zte" are one)."""
    found: dict[str, str] = {}
    for m in _NAME.findall(source.text):
        key = m.lower()
        if key not in STOP and key not in _NOT_NAMES and len(key) > 2:
            found.setdefault(key, m)
    return set(found.values())


@dataclass
class Vectorizer:
    """Vocabulary and document frequencies, growing as articles arrive (streaming) or fitted
    on a whole corpus at once (batch)."""

    vocabulary: dict[str, int] = field(default_factory=dict)
    df: list[int] = field(default_factory=list)
    documents: int = 0

    def observe(self, counts: Iterable[Counter]) -> None:
        """Count the documents' terms into the vocabulary and document frequencies."""
        for c in counts:
            self.documents += 1
            for term in c:
                index = self.vocabulary.setdefault(term, len(self.vocabulary))
                if index == len(self.df):
                    self.df.append(0)
                self.df[index] += 1

    def transform(self, counts: list[Counter]) -> sparse.csr_matrix:
        """L2-normalised TF-IDF rows (terms outside the vocabulary are left out)."""
        idf = self._idf()
        size = sum(map(len, counts))
        cols = np.fromiter(
            map(self.vocabulary.get, chain.from_iterable(counts), repeat(-1)),
            dtype=np.int64,
            count=size,
        )
        logs = np.fromiter(
            map(math.log, chain.from_iterable(c.values() for c in counts)),
            dtype=np.float64,
            count=size,
        )
        rows = np.repeat(np.arange(len(counts)), [len(c) for c in counts])
        known = cols >= 0  # terms outside the vocabulary are left out
        cols = cols[known]
        vals = (1.0 + logs[known]) * idf[
            cols
        ]  # math.log per count, then IEEE + and ×: the same bits as per term
        m = sparse.csr_matrix(
            (vals, (rows[known], cols)), shape=(len(counts), len(self.vocabulary))
        )
        return _normalise(m)

    def transform_one(self, counts: Counter) -> tuple[np.ndarray, np.ndarray]:
        """One document's row of `transform` as (term indices, weights), the same numbers in the
        same order (descending term index, as the sparse product in `_normalise` leaves them),
        at the cost of the document's terms rather than of the whole vocabulary."""
        pairs = sorted(
            (j, n)
            for j, n in ((self.vocabulary.get(t), n) for t, n in counts.items())
            if j is not None
        )
        if not pairs:
            return np.zeros(0, dtype=np.int32), np.zeros(0)
        index = np.array([j for j, _ in pairs], dtype=np.int32)
        df = np.asarray([self.df[j] for j, _ in pairs], dtype=np.float64)
        idf = np.log((1.0 + self.documents) / (1.0 + df)) + 1.0
        vals = np.array([(1.0 + math.log(n)) * idf[k] for k, (_, n) in enumerate(pairs)])
        norm = np.sqrt(np.add.reduceat(vals * vals, [0]))
        norm[norm == 0] = 1.0
        vals = (1.0 / norm)[0] * vals
        return index[::-1].copy(), vals[::-1].copy()

    def _idf(self) -> np.ndarray:
        df = np.asarray(self.df, dtype=np.float64)
        return np.log((1.0 + self.documents) / (1.0 + df)) + 1.0


def _normalise(m: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ m)
