"""The corpus-mode speed-ups (bench/corpus.py) change no result: on a few hundred generated
articles the stream clusterer's at-arrival pass gives the same stories as the code before the
change (a frozen copy, tests/_stream_before.py; refinement is tested in test_stream_refine.py), the one-row vectorizer gives `transform`'s numbers bit for bit, and
ingest gives the same copy groups and witnesses as grouping all the articles at once."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import random
import sys
from pathlib import Path

import numpy as np
import pytest

import newsweave.cluster as nwc
from newsweave.clean import clean
from newsweave.cluster import cluster, stream
from newsweave.cluster.explanation import StoryRows
from newsweave.cluster.features import Vectorizer, terms
from newsweave.corpus import ingest, stories
from newsweave.dedup import arrival_order, copy_groups
from newsweave.models import Source
from newsweave.store import open_store

_spec = importlib.util.spec_from_file_location(
    "_stream_before", Path(__file__).with_name("_stream_before.py")
)
before = importlib.util.module_from_spec(_spec)
sys.modules["_stream_before"] = before  # dataclasses look their module up
_spec.loader.exec_module(before)

COMMON = [
    "government",
    "officials",
    "report",
    "people",
    "city",
    "country",
    "police",
    "court",
    "company",
    "market",
    "week",
    "plan",
    "public",
    "state",
    "minister",
    "group",
    "family",
    "children",
    "school",
    "health",
    "money",
    "police",
    "vote",
    "party",
    "election",
    "support",
    "leader",
    "law",
    "attack",
    "water",
    "power",
    "team",
    "series",
    "price",
    "power",
    "energy",
    "trade",
    "talks",
    "deal",
]


def _word(rng: random.Random) -> str:
    return "".join(
        rng.choice("bcdfgklmnprstvz") + rng.choice("aeiou") for _ in range(rng.randint(2, 4))
    )


def corpus(n_stories: int = 70, seed: int = 7) -> list[dict]:
    """Generated news-like records: each story a topic vocabulary, 1-8 articles a few days apart
    over two months, some wire copies (the same text with a changed ending)."""
    rng = random.Random(seed)
    start = dt.date(2024, 3, 1)
    records = []
    for s in range(n_stories):
        topic = [_word(rng) for _ in range(12)]
        names = [_word(rng).capitalize() for _ in range(3)]
        day = start + dt.timedelta(days=rng.randrange(60))
        for a in range(rng.randint(1, 8)):
            sentences = []
            for _ in range(rng.randint(5, 12)):
                words = rng.choices(topic, k=rng.randint(3, 6)) + rng.choices(
                    COMMON, k=rng.randint(3, 6)
                )
                rng.shuffle(words)
                words.insert(rng.randrange(len(words)), rng.choice(names))
                sentences.append(" ".join(words).capitalize() + ".")
            text = " ".join(sentences)
            published = (day + dt.timedelta(days=rng.randrange(3))).isoformat()
            records.append({"id": f"s{s}a{a}", "text": text, "published": published})
            if rng.random() < 0.15:  # a wire copy with its own last sentence
                records.append(
                    {
                        "id": f"s{s}a{a}c",
                        "text": text + " Staff writers contributed reporting.",
                        "published": published,
                    }
                )
    rng.shuffle(records)
    return records


@pytest.fixture(scope="module")
def records():
    return corpus()


@pytest.fixture(scope="module")
def sources(records):
    out = [
        clean(Source(id=r["id"], raw=r["text"], published=dt.date.fromisoformat(r["published"])))
        for r in records
    ]
    out = arrival_order(out)
    copy_groups(out, lineage=False)
    return out


def test_the_corpus_is_a_few_hundred_articles_with_copies(sources):
    assert len(sources) >= 250
    assert sum(1 for s in sources if s.witness != s.id) >= 10


@pytest.mark.parametrize("window", [stream.WINDOW_DAYS, 1, 30])
def test_stream_stories_are_those_of_the_code_before(sources, window, monkeypatch):
    after = cluster(sources, "stream", window=window, refine=False)  # the at-arrival pass
    monkeypatch.setattr(nwc, "stream", before)
    reference = cluster(sources, "stream", window=window, refine=False)
    assert len(reference) > 20
    assert after == reference  # ids, articles, copies, dates, entities, terms, members, closed


def test_stream_with_undated_articles_is_that_of_the_code_before(sources, monkeypatch):
    undated = [
        Source(
            id=s.id,
            raw=s.raw,
            text=s.text,
            witness=s.witness,
            published=None if i % 3 == 0 else s.published,
        )
        for i, s in enumerate(sources)
    ]
    after = cluster(undated, "stream", refine=False)
    monkeypatch.setattr(nwc, "stream", before)
    assert after == cluster(undated, "stream", refine=False)


def test_one_row_vectors_are_transform_rows_bit_for_bit(sources):
    v = Vectorizer()
    for s in sources:
        counts = terms(s)
        v.observe([counts])
        row = v.transform([counts])
        indices, weights = v.transform_one(counts)
        assert indices.dtype == row.indices.dtype
        assert np.array_equal(indices, row.indices) and np.array_equal(weights, row.data)


def test_ingest_copy_groups_and_witnesses_are_those_of_grouping_everything_at_once(
    records, tmp_path
):
    half = len(records) // 2
    for k, part in enumerate((records[:half], records[half:])):  # two runs: the second regroups
        (tmp_path / f"part{k}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in part))
    store = open_store(tmp_path / "news.db")
    ingest([tmp_path / "part0.jsonl"], store)
    ingest([tmp_path / "part1.jsonl"], store)
    stored = [s for _, s in store.articles()]
    fresh = [Source(id=s.id, raw=s.raw, text=s.text, published=s.published) for s in stored]
    # among copies of one day the first to arrive in the store is the earliest
    expected = copy_groups(arrival_order(fresh))
    got = store.copies()
    assert len(got) >= 10
    assert {(g.earliest, frozenset(g.articles)) for g in got} == {
        (g.earliest, frozenset(g.articles)) for g in expected
    }
    witnesses = {s.id: s.witness for s in fresh}
    assert {s.id: s.witness for s in store.get([s.id for s in stored])} == witnesses
    assert {s.id: s.witness for s in stored} == witnesses
    assert stories(store, "stream") == cluster(store.get([s.id for s in stored]), "stream")


def _memberships_before(reps, x, vocab, copies):
    """The memberships as `cluster._story` computed them before the change (x[i].toarray(), names twice)."""
    from collections import Counter

    from newsweave.cluster.features import names

    counts: Counter = Counter()
    for r in reps:
        counts.update(names(r))
    shared = Counter({k: v for k, v in counts.items() if v > 1})
    sims = (x @ x.T).toarray()
    n = len(reps)
    mean = (sims.sum(axis=1) - 1.0) / (n - 1) if n > 1 else np.ones(1)
    centroid = np.asarray(x.mean(axis=0)).ravel()
    out = []
    for i, r in enumerate(reps):
        for copy in copies[r.witness or r.id]:
            weights = x[i].toarray().ravel() * centroid
            top = [vocab[j] for j in np.argsort(-weights, kind="stable")[:6] if weights[j] > 0]
            mine = names(r)
            entities = [n for n, _ in shared.most_common() if n in mine][:6]
            out.append((copy.id, round(float(mean[i]), 4), entities, top))
    return out


def test_story_memberships_are_those_of_the_code_before(sources):
    reps, counts = nwc._representatives(sources)
    v = Vectorizer()
    v.observe(counts)
    x = v.transform(counts)
    vocab = {j: t for t, j in v.vocabulary.items()}
    copies: dict = {}
    for s in sources:
        copies.setdefault(s.witness or s.id, []).append(s)
    rng = random.Random(3)
    for _ in range(25):
        members = sorted(rng.sample(range(len(reps)), rng.randint(1, 6)))
        story = nwc._story(
            [reps[i] for i in members], StoryRows.of(x[members]), vocab, copies, False
        )
        got = [(m.article, m.similarity, m.entities, m.terms) for m in story.members]
        assert got == _memberships_before([reps[i] for i in members], x[members], vocab, copies)


def test_a_story_read_alone_is_the_one_in_the_list(records, tmp_path):
    from newsweave.corpus import story_sources
    from newsweave.errors import NotFoundError

    (tmp_path / "all.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    store = open_store(tmp_path / "news.db")
    ingest([tmp_path / "all.jsonl"], store)
    for mode in ("batch", "stream"):
        listed = stories(store, mode)
        assert [store.find_story(mode, s.id) for s in listed] == listed
        story, sources = story_sources(store, listed[0].id, mode)
        assert story == listed[0] and [s.id for s in sources] == listed[0].articles
    assert store.find_story("batch", "s-none") is None
    with pytest.raises(NotFoundError):
        story_sources(store, "s-none")
