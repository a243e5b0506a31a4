"""The stream clusterer goes on from a checkpoint (cluster.resume_stream, cluster/checkpoint.py).

What must hold: going on from the checkpoint of the first k articles gives exactly the stories of
one pass over all of them, and passes only the articles after the k; a checkpoint that does not
fit (other articles first, other settings) or is damaged is not used, and the result is still the
full pass; the loader builds nothing outside newsweave.cluster; in corpus mode `stories --mode
stream` after a second ingest passes only the new articles and stores what a fresh run would."""

from __future__ import annotations

import io
import json

import numpy as np
import pytest

import newsweave.cluster as nwc
from newsweave.cluster import StreamSettings, checkpoint, cluster_stream, resume_stream, stream
from newsweave.corpus import ingest_records, stories
from newsweave.store import open_store
from test_throughput import records, sources


@pytest.fixture
def arrivals(monkeypatch):
    """Counts the articles the stream passes."""
    passed = []
    add = stream.add

    def counting(state, article, *a, **k):
        passed.append(article)
        return add(state, article, *a, **k)

    monkeypatch.setattr(stream, "add", counting)
    return passed


def _representatives(sources) -> int:
    return len({s.witness or s.id for s in sources})


@pytest.mark.parametrize("prune", [False, True])
@pytest.mark.parametrize("share", [0.1, 0.5, 0.93])
def test_going_on_from_a_checkpoint_is_one_pass_over_all(
    sources, arrivals, monkeypatch, share, prune
):
    if prune:  # the inverted index of candidate pruning travels in the checkpoint too
        monkeypatch.setattr(stream, "PRUNE_ABOVE", 0)
    k = int(share * len(sources))
    whole, state = resume_stream(sources)
    arrivals.clear()
    _, saved = resume_stream(sources[:k])
    assert len(arrivals) == _representatives(sources[:k])
    arrivals.clear()
    resumed, again = resume_stream(sources, checkpoint=saved)
    assert len(arrivals) == _representatives(sources) - _representatives(sources[:k])
    assert resumed == whole  # ids, articles, copies, dates, entities, terms, members, closed
    assert again == state  # and the same state, byte for byte, to go on from
    assert resume_stream(sources, checkpoint=again)[0] == whole  # nothing new: nothing passed
    assert len(arrivals) == _representatives(sources) - _representatives(sources[:k])


def test_a_checkpoint_of_other_articles_or_settings_is_not_used(sources, arrivals):
    k = len(sources) // 2
    _, saved = resume_stream(sources[:k])
    whole = cluster_stream(sources)
    for others, settings in ((sources[1:], StreamSettings()), (sources, StreamSettings(window=7))):
        arrivals.clear()
        found, _ = resume_stream(others, settings, checkpoint=saved)
        assert len(arrivals) == _representatives(others)
        assert found == cluster_stream(others, window=settings.window)
    assert resume_stream(sources, checkpoint=saved)[0] == whole


@pytest.mark.parametrize("damage", [b"", b"not a checkpoint", "truncated", "version"])
def test_a_damaged_checkpoint_is_not_used(sources, arrivals, monkeypatch, damage):
    _, saved = resume_stream(sources[:100])
    if damage == "truncated":
        damage = saved[: len(saved) // 2]
    elif damage == "version":
        monkeypatch.setattr(nwc, "VERSION", nwc.VERSION + 1)
        damage = saved
    arrivals.clear()
    found, _ = resume_stream(sources, checkpoint=damage)
    assert len(arrivals) == _representatives(sources)
    assert found == cluster_stream(sources)


def test_values_come_back_with_their_types():
    value = {
        "a": [1, 2.5, None, True, "x"],
        3: (np.arange(4, dtype=np.int32), np.float64(0.25)),
        (1, 2): {1, 2},
        "c": __import__("collections").Counter({"w": 2}),
        "d": __import__("datetime").date(2024, 3, 1),
        "inf": float("-inf"),
        "grid": np.ones((2, 3)),
    }
    back = checkpoint.load(checkpoint.dump(value))
    assert back.keys() == value.keys()
    assert back["a"] == value["a"] and back[(1, 2)] == {1, 2} and back["c"] == value["c"]
    assert back["d"] == value["d"] and back["inf"] == float("-inf")
    assert back[3][0].dtype == np.int32 and back[3][0].tolist() == [0, 1, 2, 3]
    assert type(back[3][1]) is np.float64 and back[3][1] == 0.25
    assert back["grid"].shape == (2, 3)


def test_plain_lists_and_dicts_keep_each_scalars_type():
    """Lists and dicts of plain scalars are written as JSON lists in one piece: ints stay ints
    (keys too), bools bools, floats floats, and a set or a Counter its own type."""
    value = {
        "vocab": {"zte": 0, "trump": 1},
        "by_id": {7: "a", 8: None},
        "flags": [True, 1, 1.0, -0.0],
        "df": __import__("collections").Counter({3: 2, 5: 1}),
        "seen": {1, 2, 3},
        "pair": (1, "x"),
        "mixed": [1, np.int64(2)],
    }
    back = checkpoint.load(checkpoint.dump(value))
    assert back == value
    for key in value:
        assert type(back[key]) is type(value[key])
    assert [type(x) for x in back["flags"]] == [bool, int, float, float]
    assert [type(k) for k in back["by_id"]] == [int, int] and type(back["mixed"][1]) is np.int64


def _forged(tree: dict) -> bytes:
    buffer = io.BytesIO()
    meta = json.dumps({"format": checkpoint.FORMAT, "tree": tree}).encode()
    np.savez(buffer, tree=np.frombuffer(meta, dtype=np.uint8))
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name",
    [
        "os:system",
        "subprocess:Popen",
        "newsweave.store.sqlite:SQLiteStore",
        "newsweave.clusterx:Thing",
        "newsweave.cluster.stream:WINDOW_DAYS",
    ],
)
def test_the_loader_builds_only_classes_of_the_cluster_package(name):
    with pytest.raises(checkpoint.CheckpointError):
        checkpoint.load(_forged({"o": name, "f": {}}))


def test_only_cluster_objects_and_plain_arrays_are_written():
    with pytest.raises(checkpoint.CheckpointError):
        checkpoint.dump({"x": open_store})
    with pytest.raises(checkpoint.CheckpointError):
        checkpoint.dump(np.array([object()]))


def test_corpus_stream_stories_go_on_from_the_stored_checkpoint(records, arrivals, tmp_path):
    half = len(records) // 2
    store = open_store(tmp_path / "news.db")
    ingest_records(records[:half], store)
    stories(store, "stream")
    arrivals.clear()
    ingest_records(records[half:], store)
    resumed = stories(store, "stream")
    stored = [s for _, s in store.articles()]
    assert 0 < len(arrivals) <= _representatives(stored) - _representatives(stored[:half])
    fresh = open_store(tmp_path / "fresh.db")
    ingest_records(records[:half], fresh)
    ingest_records(records[half:], fresh)
    assert resumed == stories(fresh, "stream")
    assert [s for _, s in fresh.articles()] == stored
