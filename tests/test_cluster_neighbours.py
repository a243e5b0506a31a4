"""The pruned neighbour graph of large corpora (`cluster/neighbours.py`) against the exact one."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from scipy import sparse

from newsweave.cluster import batch, neighbours
from newsweave.parallel import LOCAL


def _corpus(n: int = 600, width: int = 1000, seed: int = 5):
    """Unit rows: a few topic words each (shared within a topic) plus common words everywhere,
    weighted low as their IDF would weigh them."""
    rng = np.random.default_rng(seed)
    rows, cols = [], []
    for i in range(n):
        topic = rng.integers(0, 40)
        words = np.r_[
            rng.choice(10, 4, replace=False),
            10 + 7 * topic + rng.choice(7, 4, replace=False),
            rng.integers(290, width, 2),
        ]
        rows += [i] * len(words)
        cols += words.tolist()
    weights = (rng.random(len(rows)) + 0.1) * np.where(np.array(cols) < 10, 0.2, 1.0)
    x = sparse.csr_matrix((weights, (rows, cols)), shape=(n, width))
    x.sum_duplicates()
    x = sparse.csr_matrix(sparse.diags(1 / np.sqrt(x.multiply(x).sum(axis=1).A.ravel())) @ x)
    dates = [dt.date(2024, 1, 1) + dt.timedelta(days=int(d)) for d in rng.integers(0, 30, n)]
    return x, dates


def _pruned(monkeypatch, x, dates, executor=LOCAL, **settings):
    monkeypatch.setattr(neighbours, "EXACT_UP_TO", 0)
    for name, value in settings.items():
        monkeypatch.setattr(neighbours, name, value)
    return batch.similarity_graph(x, dates, executor)


def _exact(monkeypatch, x, dates):
    monkeypatch.setattr(neighbours, "EXACT_UP_TO", 10**9)
    return batch.similarity_graph(x, dates)


def _same(a: dict, b: dict) -> bool:
    return (
        all(
            a[i].keys() == b[i].keys()
            and np.allclose([a[i][j] for j in a[i]], [b[i][j] for j in a[i]], rtol=0, atol=1e-12)
            for i in a
        )
        and a.keys() == b.keys()
    )


def test_pruned_graph_with_nothing_pruned_is_the_exact_graph(monkeypatch):
    x, dates = _corpus()
    exact = _exact(monkeypatch, x, dates)
    pruned = _pruned(
        monkeypatch, x, dates, TERMS=10**6, MAX_DF=1.0, CANDIDATES=10**6, CANDIDATE_FLOOR=0.0
    )
    assert _same(pruned, exact)


def test_pruned_graph_keeps_exact_values_and_every_strong_pair(monkeypatch):
    x, dates = _corpus()
    exact = _exact(monkeypatch, x, dates)
    pruned = _pruned(monkeypatch, x, dates, TERMS=5, CANDIDATES=20)
    cosines = (x @ x.T).toarray()
    for i, nbrs in pruned.items():
        for j, v in nbrs.items():
            assert v == pytest.approx(
                cosines[i, j] * batch.time_factor(dates[i], dates[j]), abs=1e-12
            )
    strong = {(i, j) for i, nbrs in exact.items() for j, v in nbrs.items() if v >= 0.5}
    assert strong and all(j in pruned[i] for i, j in strong)
    assert sum(map(len, pruned.values())) < sum(map(len, exact.values()))  # it did prune


def test_pruned_graph_does_not_depend_on_the_blocks(monkeypatch):
    class Workers:
        workers = 3

        def map(self, fn, items, *, shared=None, chunk=None):
            return LOCAL.map(fn, items, shared=shared)

    x, dates = _corpus()
    assert _pruned(monkeypatch, x, dates, Workers()) == _pruned(monkeypatch, x, dates)


def test_strong_terms_leave_their_input_alone_and_keep_the_heaviest():
    x, _ = _corpus(n=50)
    before = x.copy()
    p = neighbours.strong_terms(x, terms=3, max_df=1.0)
    assert (x != before).nnz == 0 and np.array_equal(x.indptr, before.indptr)
    for i in range(50):
        row = x[i].toarray().ravel()
        assert sorted(p[i].indices.tolist()) == sorted(np.argsort(-row, kind="stable")[:3].tolist())


def test_strong_terms_drop_the_commonest_terms():
    x, _ = _corpus(n=2000)
    p = neighbours.strong_terms(x, terms=100, max_df=0.05)
    df = np.bincount(x.indices, minlength=x.shape[1])
    assert set(p.indices.tolist()) == set(np.flatnonzero((df > 0) & (df <= 100)).tolist())


def test_top_keeps_m_per_row_earlier_ties_first():
    indptr = np.array([0, 5, 7])
    values = np.array([0.3, 0.5, 0.3, 0.3, 0.1, 0.2, 0.9])
    assert neighbours._top(indptr, values, 3).tolist() == [
        True,
        True,
        True,
        False,
        False,
        True,
        True,
    ]
