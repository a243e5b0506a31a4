"""Candidate pruning of the stream's arrival comparison (cluster/stream.py, above PRUNE_ABOVE open
articles): the open articles sharing a strong term with the arrival are found in an inverted index
kept through arrivals, closings, compaction and refinement; where every term is strong the pruned
pass is the exact one; with the default strong terms it compares fewer pairs and stays close;
the result does not depend on the hash seed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from newsweave.cluster import cluster, stream
from newsweave.cluster.features import terms
from test_throughput import records, sources


def _labels(sources, **kw) -> dict[str, str]:
    return {a: s.id for s in cluster(sources, "stream", **kw) for a in s.articles}


def _all_terms_strong(monkeypatch) -> None:
    monkeypatch.setattr(stream, "PRUNE_ABOVE", 0)
    monkeypatch.setattr(stream, "STRONG_TERMS", 10**6)
    monkeypatch.setattr(stream, "COMMON_DF", 1.0)


@pytest.mark.parametrize("refine", [False, True])
@pytest.mark.parametrize("window", [stream.WINDOW_DAYS, 30])
def test_pruning_with_every_term_strong_gives_the_exact_stories(
    sources, monkeypatch, refine, window
):
    exact = cluster(sources, "stream", refine=refine, window=window)
    _all_terms_strong(monkeypatch)
    assert cluster(sources, "stream", refine=refine, window=window) == exact
    assert len(exact) > 20


def _replay(sources, window: int = stream.WINDOW_DAYS) -> tuple[stream.StreamState, list[int]]:
    """The at-arrival pass by hand, returning how many candidates each pruned arrival met."""
    state, met = stream.StreamState(), []
    candidates = stream.OpenBlock.candidates

    def spy(block, strong):
        rows = candidates(block, strong)
        met.append((len(rows), len(block)))
        return rows

    stream.OpenBlock.candidates = spy
    try:
        for i, s in enumerate(sources):
            stream.add(state, i, terms(s), s.published, threshold=0.52, window=window)
    finally:
        stream.OpenBlock.candidates = candidates
    return state, met


def test_default_strong_terms_meet_fewer_articles_and_agree_mostly(sources, monkeypatch):
    exact, _ = _replay(sources)
    monkeypatch.setattr(stream, "PRUNE_ABOVE", 0)
    pruned, met = _replay(sources)
    assert len(met) == len(sources) - 1
    assert sum(m for m, _ in met) < 0.7 * sum(
        n for _, n in met
    )  # candidates: well under the open set
    same = sum(1 for i in exact.label if _first(exact, i) == _first(pruned, i))
    assert same >= 0.9 * len(sources)


def _first(state: stream.StreamState, i: int) -> int:
    """The first article of i's story (story numbers differ between runs, first articles do not)."""
    label = state.label[i]
    return min(j for j, other in state.label.items() if other == label)


def test_the_index_finds_exactly_the_open_rows_sharing_a_strong_term(sources, monkeypatch):
    monkeypatch.setattr(stream, "PRUNE_ABOVE", 0)
    state, _ = _replay(sources, window=1)  # stories close often, so the block compacts
    block = state.open
    assert len(block) < len(sources) // 2 and len(block.ids) < len(
        sources
    )  # closed rows were dropped
    strong = {
        a: set(stream.strong_terms(state.vectors[a], state.vectorizer).tolist()) for a in block.row
    }
    for probe in list(block.row)[::7]:
        query = np.array(sorted(strong[probe]), dtype=np.int64)
        found = {block.ids[r] for r in block.candidates(query).tolist()}
        assert found == {a for a in block.row if _indexed(block, a) & strong[probe]}


def _indexed(block: stream.OpenBlock, article: int) -> set[int]:
    row = block.row[article]
    return {t for t, rows in block.postings.lists.items() if row in rows}


_PRUNED_JSON = """
import json, sys
sys.path.insert(0, sys.argv[1])
from newsweave.cluster import cluster, stream
import test_throughput as tt
from newsweave.clean import clean
from newsweave.dedup import arrival_order, copy_groups
from newsweave.models import Source
import datetime as dt
stream.PRUNE_ABOVE = 0
out = [clean(Source(id=r["id"], raw=r["text"], published=dt.date.fromisoformat(r["published"]))) for r in tt.corpus()]
out = arrival_order(out)
copy_groups(out, lineage=False)
print(json.dumps([[s.id, s.articles] for s in cluster(out, "stream")]))
"""


def test_the_pruned_stream_does_not_depend_on_the_hash_seed(tmp_path):
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", _PRUNED_JSON, str(Path(__file__).parent)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] and len(json.loads(outputs[0])) > 20
