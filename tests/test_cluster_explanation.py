"""A story's explanation on its sparse rows (`cluster/explanation.py`) against the dense formulas
it replaced, bit for bit: mean similarities from `(x @ x.T).toarray()`, story terms from a
vocabulary-wide `x.mean(axis=0)` and member terms from vocabulary-wide dense rows, each ranked by
a stable `np.argsort` (equal weights in term order), on generated rows with many tied weights; and the names regex against its plain form."""

from __future__ import annotations

import random
import re

import numpy as np
import pytest
from scipy import sparse

from newsweave.cluster.explanation import StoryRows, centroid_of, explain, split, top
from newsweave.cluster.features import _NAME

# the names regex before it checked what comes before a name after the name's first capital
PLAIN_NAME = re.compile(
    r"(?<![.!?\"\u201c]\s)(?<!^)\b((?:[A-Z][a-z]+|[A-Z]{2,})(?:\s+(?:[A-Z][a-z]+|[A-Z]{2,}))*)"
)


def _dense(x: sparse.csr_matrix) -> tuple[np.ndarray, list[int], list[list[int]]]:
    """(mean similarities, story terms, member terms) by the dense formulas `_story` used before."""
    n = x.shape[0]
    sims = (x @ x.T).toarray()
    mean = (sims.sum(axis=1) - 1.0) / (n - 1) if n > 1 else np.ones(1)
    centroid = np.asarray(x.mean(axis=0)).ravel()
    terms = [int(j) for j in np.argsort(-centroid, kind="stable")[:8] if centroid[j] > 0]
    members = []
    for i in range(n):
        weights = x[i].toarray().ravel() * centroid
        members.append([int(j) for j in np.argsort(-weights, kind="stable")[:6] if weights[j] > 0])
    return mean, terms, members


def _rows(rng: np.random.Generator, n: int, width: int) -> sparse.csr_matrix:
    """n unit rows over a topic's few terms and some others, weights from a handful of values (so
    that many are tied), each row's entries stored in a shuffled order, some rows empty."""
    topic = rng.choice(width, 12, replace=False)
    data, indices, indptr = [], [], [0]
    for _ in range(n):
        k = 0 if rng.random() < 0.05 else int(rng.integers(1, 20))
        cols = np.unique(
            np.r_[rng.choice(topic, min(k, 6), replace=False), rng.integers(0, width, k)]
        )[:k]
        vals = rng.choice([0.5, 1.0, 1.5, 2.0], len(cols)) * rng.choice(
            [1.0, 1.0, 1.0, 1.1], len(cols)
        )
        vals = vals / (np.sqrt(np.sum(vals * vals)) or 1.0)
        order = rng.permutation(len(cols))
        data += vals[order].tolist()
        indices += cols[order].tolist()
        indptr.append(len(indices))
    return sparse.csr_matrix(
        (np.array(data), np.array(indices, dtype=np.int32), np.array(indptr)), shape=(n, width)
    )


@pytest.mark.parametrize("width", [60, 3000])  # short and long vocabularies
def test_explanations_are_those_of_the_dense_formulas_bit_for_bit(width):
    rng = np.random.default_rng(width)
    tied = 0
    for n in [1, 1, 2, 2, 3, 5, 8, 9, 17, 40] * 6:
        x = _rows(rng, n, width)
        mean, terms, members = _dense(x)
        got = explain(StoryRows.of(x))
        assert got.similarity.tobytes() == mean.tobytes()
        assert (got.terms, got.member_terms) == (terms, members)
        used, weights, _ = centroid_of(StoryRows.of(x))
        centroid = np.asarray(x.mean(axis=0)).ravel()
        assert weights.tobytes() == centroid[used].tobytes() and not np.delete(centroid, used).any()
        tied += len(np.unique(weights)) < len(weights)
    assert tied  # equal weights were met, and ranked in term order


def test_equal_weights_rank_in_term_order_whatever_the_stored_order():
    cols, values = np.array([9, 2, 5, 7, 1]), np.array([0.5, 0.5, 0.9, 0.5, 0.0])
    assert top(cols, values, 3) == [5, 2, 7]
    assert top(cols[::-1], values[::-1], 5) == [5, 2, 7, 9]  # a zero weight is never a term


def test_split_gives_each_groups_rows_as_the_row_index_stores_them():
    rng = np.random.default_rng(1)
    x = _rows(rng, 50, 200)
    groups = [[0, 7, 9], [1], [2, 3, 4, 5, 6, 8] + list(range(10, 50))]
    for rows, group in zip(split(x, groups), groups):
        part = x[group]
        assert np.array_equal(rows.indptr, part.indptr)
        assert (
            np.array_equal(rows.cols, part.indices) and rows.vals.tobytes() == part.data.tobytes()
        )


def _text(rng: random.Random) -> str:
    pieces = [
        "Ann",
        "ZTE",
        "Lee",
        "Zte",
        "new",
        "A",
        "I",
        "Mr",
        ".",
        "!",
        "?",
        '"',
        "\u201c",
        " ",
        "  ",
        "\n",
        "\t",
        "-",
        "é",
        "_",
        "3",
        "x",
        "Ab",
        "AB",
        "aB",
    ]
    return "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))


def test_the_names_regex_finds_what_its_plain_form_finds():
    rng = random.Random(11)
    texts = [_text(rng) for _ in range(20000)] + [
        'Ann Lee met ZTE. Bob Smith said \u201cHello Ann" and "Carl Dee" left. éAnn _Bob 3Cid Dan',
        "\u201cAnn Lee\u201d, said Ann. ZTE and Zte! IBM? New York City\nOslo",
    ]
    for text in texts:
        assert _NAME.findall(text) == PLAIN_NAME.findall(text), text
