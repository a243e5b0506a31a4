"""The Ray engine (`newsweave.scale`, `ingest --engine ray`) gives the embedded engine's results.

One local Ray (2 workers) serves the module; its tests run on one pytest worker (`--dist loadfile`).
Each comparison runs the same inputs through both engines into two stores and compares what
the stages made: the run report, the stored articles, signatures, copy groups with lineage,
stories in both modes with their explanations, and briefs made on Ray's actor pool.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import operator
import random
import re

import numpy as np
import pytest

from conftest import SHARED
from corpus_fixtures import ALL, COPY, write_articles, write_jsonl

ray = pytest.importorskip("ray")

from newsweave import open_store, scale, stories  # noqa: E402
from newsweave.cluster import batch  # noqa: E402
from newsweave.corpus import brief_and_render, ingest, write_briefs  # noqa: E402
from newsweave.dedup import minhash  # noqa: E402
from newsweave.parallel import LOCAL  # noqa: E402

NEUS = SHARED / "datasets" / "neus-allsides" / "data" / "naacl2022_lrc_roundup_random_order_probe"


@pytest.fixture(scope="module")
def executor():
    with scale.session(workers=2) as ex:
        yield ex


def made(store) -> dict:
    """Everything the stages stored, in store order (ids, texts, removals, metadata, witnesses'
    groups, lineage, signatures, stories of both modes with their explanations)."""
    articles = [dataclasses.asdict(s) for _, s in store.articles()]
    return {
        "articles": articles,
        "signatures": store.signatures(),
        "copies": [dataclasses.asdict(g) for g in store.copies()],
        "batch": [dataclasses.asdict(s) for s in stories(store, "batch")],
        "stream": [dataclasses.asdict(s) for s in stories(store, "stream")],
    }


def both(tmp_path, paths, executor, **options):
    """Ingest `paths` with each engine into its own store; (runs, stores' contents)."""
    runs, contents = [], []
    for name, run in (
        ("embedded", lambda s: ingest(paths, s, **options)),
        ("ray", lambda s: scale.ingest(paths, s, executor=executor, **options)),
    ):
        with open_store(tmp_path / f"{name}.db") as store:
            runs.append(run(store))
            if name == "ray":
                for mode in (
                    "batch",
                    "stream",
                ):  # clustered on Ray first; `made` then reads the cache
                    stories(store, mode, executor=executor)
            contents.append(made(store))
    return runs, contents


def assert_same_run(a, b):
    assert a.entries == b.entries  # the same inputs, in the same order, with the same reasons
    assert sorted(a.warnings) == sorted(b.warnings)


def test_shuffled_candidates_are_the_embedded_ones(executor):
    rng = np.random.default_rng(7)
    sigs = rng.integers(0, 2**32, size=(3000, minhash.NUM_PERM), dtype=np.uint64).astype(np.uint32)
    for a, b in rng.integers(0, 3000, size=(400, 2)):  # copies: some bands shared
        bands = rng.choice(minhash.BANDS, size=rng.integers(1, 6), replace=False)
        for band in bands:
            cols = slice(band * minhash.ROWS, (band + 1) * minhash.ROWS)
            sigs[b, cols] = sigs[a, cols]
    sigs[100:140] = sigs[99]  # a burst of 41 identical texts: bigger than BUCKET_ALL_PAIRS
    from newsweave.scale.lsh import candidate_pairs

    expected = minhash.candidate_pairs(sigs)
    assert (
        len(expected) > 800
    )  # 400 planted pairs and the burst's 41 x 40 / 2 less its unpaired tail
    assert np.array_equal(candidate_pairs(executor, sigs), expected)
    assert np.array_equal(candidate_pairs(executor, sigs[:1]), minhash.candidate_pairs(sigs[:1]))


class _Workers:
    """An in-process executor that claims three workers: similarity blocks get smaller."""

    workers = 3

    def map(self, fn, items, *, shared=None, chunk=None):
        return LOCAL.map(fn, items, shared=shared)


def test_similarity_graph_does_not_depend_on_the_blocks():
    from scipy import sparse

    rng = np.random.default_rng(3)
    x = sparse.random(700, 400, density=0.05, format="csr", random_state=rng)
    x = sparse.csr_matrix(
        sparse.diags(1 / np.sqrt(x.multiply(x).sum(axis=1).A.ravel() + 1e-12)) @ x
    )
    dates = [dt.date(2024, 1, 1) + dt.timedelta(days=int(d)) for d in rng.integers(0, 30, 700)]
    assert batch.similarity_graph(x, dates, _Workers()) == batch.similarity_graph(x, dates)


def test_executor_keeps_order_and_makes_models(executor):
    items = list(range(103))  # worker functions must be importable: builtins and operator here
    assert executor.map(str, items) == LOCAL.map(str, items) == [str(i) for i in items]
    assert executor.map(operator.mul, items, shared=3, chunk=7) == [3 * i for i in items]
    assert executor.map(str, []) == []
    seven = functools.partial(int, 7)
    assert executor.map_model(seven, operator.mul, items) == LOCAL.map_model(
        seven, operator.mul, items
    )
    assert executor.map_model(seven, operator.mul, items) == [7 * i for i in items]


def _fixture_inputs(tmp_path) -> list:
    """Plain files with sidecars, JSON Lines in two shards (a duplicate across them, a bad line),
    a wire copy in its own file, a Parquet shard (a copy, a duplicate, a bad row), a feed, a
    binary file and a missing path."""
    folder = tmp_path / "in"
    write_articles(folder / "plain", ALL[:3])
    write_jsonl(folder / "a.jsonl", ALL[3:])
    write_jsonl(folder / "b.jsonl", [ALL[4], COPY], start=10)
    with (folder / "b.jsonl").open("a") as f:
        f.write("{not json\n")
    (folder / "feed.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Bridge</title>'
        f"<guid>g1</guid><description>{_xml(ALL[1][3])}</description></item></channel></rss>"
    )
    (folder / "photo.txt").write_bytes(bytes(range(256)) * 4)
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [
        {
            "id": "p1",
            "outlet": "Syndicator",
            "text": ALL[0][3] + "\n\nA syndicator added this line today.",
        },
        {"id": "p2", "outlet": "Again", "text": ALL[2][3]},
        {"id": "p3", "text": None},
    ]
    pq.write_table(pa.Table.from_pylist(rows), folder / "shard.parquet")
    return [folder, tmp_path / "missing.jsonl"]


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


def test_corpus_job_equals_embedded_on_fixture_inputs(tmp_path, executor):
    (runs, (a, b)) = both(tmp_path, _fixture_inputs(tmp_path), executor)
    assert_same_run(*runs)
    assert {e.status for e in runs[0].entries} == {"ingested", "duplicate", "skipped"}
    assert a == b
    assert a["copies"] and any(len(s["articles"]) > 1 for s in a["batch"])


def test_meta_file_used_on_workers_warns_like_embedded(tmp_path, executor):
    folder = tmp_path / "plain"
    for i, (_, _, _, text) in enumerate(ALL[:3]):
        (folder / f"{i}.txt").parent.mkdir(exist_ok=True)
        (folder / f"{i}.txt").write_text(text)
    meta = tmp_path / "meta.json"
    meta.write_text(
        json.dumps(
            {
                "0.txt": {"outlet": "Gazette", "published": "2023-03-06"},
                "1.txt": {"outlet": "Herald", "published": "next week"},
                "typo.txt": {"outlet": "Nobody"},
            }
        )
    )
    (runs, (a, b)) = both(tmp_path, [folder], executor, meta=meta)
    assert_same_run(*runs)
    assert any("typo.txt" in w for w in runs[1].warnings) and any(
        "next week" in w for w in runs[1].warnings
    )
    assert a == b


def _neus_articles(lines: int) -> list[dict]:
    """NeuS test articles of the first `lines` stories (three outlets each), with synthetic
    publication dates: a story's articles on one day or the next, stories over 40 days."""
    rng = random.Random(5)
    rows = []
    for k, line in enumerate(
        NEUS.joinpath("test.source").read_text(encoding="utf-8").splitlines()[:lines]
    ):
        day = dt.date(2024, 3, 1) + dt.timedelta(days=rng.randrange(40))
        for j, art in enumerate(line.split(" [SEP] ")):
            title, _, text = art.partition("ARTICLE=>")
            rows.append(
                {
                    "id": f"n{k}-{j}",
                    "title": title.replace("TITLE=>", "").strip(),
                    "text": text.strip(),
                    "published": (day + dt.timedelta(days=rng.randrange(2))).isoformat(),
                }
            )
    return rows


def _copy_of(row: dict, k: int) -> dict:
    """A station's copy of a wire story: new headline and id, last sentence cut, a local line."""
    sentences = re.split(r"(?<=[.!?]) ", row["text"])
    text = (
        " ".join(sentences[:-1] or sentences)
        + " Local officials had no comment on the report, the station said."
    )
    return {
        **row,
        "text": text,
        "id": f"copy{k}",
        "title": f"Station: {row['title']}",
        "outlet": f"Station {k}",
    }


@pytest.mark.shared
@pytest.mark.skipif(not NEUS.is_dir(), reason="needs ../shared/datasets/neus-allsides")
def test_corpus_job_equals_embedded_on_real_articles(tmp_path, executor):
    rows = _neus_articles(100)  # 300 real articles
    copies = [_copy_of(rows[i], i) for i in range(0, 300, 30)]
    shards = [
        rows[:150],
        rows[150:] + copies[:5],
        copies[5:] + rows[:3],
    ]  # copies and duplicates cross shards
    folder = tmp_path / "shards"
    folder.mkdir()
    for n, shard in enumerate(shards):
        (folder / f"part{n}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in shard))
    (runs, (a, b)) = both(tmp_path, [folder], executor)
    assert_same_run(*runs)
    assert len(a["articles"]) >= 300 and len(a["copies"]) >= 5
    assert a == b
    with open_store(tmp_path / "embedded.db") as store:
        chosen = [s for s in stories(store, "batch") if len(s.articles) >= 3][:4]
        jobs = [(store.get(s.articles), "json") for s in chosen]
    from newsweave import Pipeline

    assert executor.map_model(Pipeline, brief_and_render, jobs) == LOCAL.map_model(
        Pipeline, brief_and_render, jobs
    )


def test_briefs_written_on_the_actor_pool_are_the_embedded_ones(tmp_path, executor):
    paths = _fixture_inputs(tmp_path)
    out = {}
    for name, ex in (("embedded", LOCAL), ("ray", executor)):
        with open_store(tmp_path / f"{name}.db") as store:
            (ingest if ex is LOCAL else lambda p, s, ex=ex: scale.ingest(p, s, executor=ex))(
                paths, store
            )
            written = write_briefs(store, tmp_path / name, fmt="json", executor=ex)
            out[name] = {n: (tmp_path / name / n).read_text() for _, n in written}
            out[name]["snapshots"] = [len(store.snapshots(s.id)) for s, _ in written]
    assert out["ray"] == out["embedded"] and len(out["ray"]) >= 3


def test_cli_engine_ray_reports_like_embedded(tmp_path, executor, capsys):
    from newsweave.cli import main

    paths = [str(p) for p in _fixture_inputs(tmp_path)]
    reports = []
    for name, extra in (("embedded", []), ("ray", ["--engine", "ray", "--workers", "2"])):
        assert (
            main(["ingest", *paths, "--db", str(tmp_path / f"{name}.db"), "-f", "json", *extra])
            == 3
        )  # skips
        reports.append(json.loads(capsys.readouterr().out))
    assert reports[0] == reports[1]
    assert ray.is_initialized()  # a Ray the caller started is left running


def test_cli_refuses_ray_options_without_the_engine(tmp_path, capsys):
    from newsweave.cli import main

    assert main(["ingest", str(tmp_path), "--db", str(tmp_path / "x.db"), "--workers", "2"]) != 0
    assert "--engine ray" in capsys.readouterr().err


def test_missing_ray_names_the_extra(monkeypatch):
    import builtins

    from newsweave.errors import MissingExtraError
    from newsweave.scale import engine

    real = builtins.__import__

    def no_ray(name, *args, **kwargs):
        if name == "ray":
            raise ImportError("No module named 'ray'", name="ray")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_ray)
    with pytest.raises(MissingExtraError, match=r"newsweave\[ray\]"):
        engine.import_ray()
