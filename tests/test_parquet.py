"""Parquet in (`ingest` reads .parquet shards) and out (`ingest --parquet DIR`, `store.parquet.export`)."""

from __future__ import annotations

import pytest

from corpus_fixtures import ALL, COPY, write_jsonl

pa = pytest.importorskip("pyarrow")
import pyarrow.parquet as pq  # noqa: E402

from newsweave import ingest, open_store, stories  # noqa: E402
from newsweave.cli import main  # noqa: E402
from newsweave.store.parquet import export  # noqa: E402


def _contents(store) -> dict:
    articles = [(s.id, s.text, s.outlet, s.published, s.title, s.input_id, s.witness) for _, s in store.articles()]
    return {"articles": articles, "copies": [g.articles for g in store.copies()],
            "stories": [(s.id, s.articles) for s in stories(store, "batch")]}


def test_export_then_ingest_gives_the_same_store(tmp_path):
    write_jsonl(tmp_path / "in.jsonl", ALL + [COPY])
    with open_store(tmp_path / "a.db") as a:
        ingest([tmp_path / "in.jsonl"], a)
        stories(a, "batch")
        files = export(a, tmp_path / "out", modes=("batch",))
        before = _contents(a)
    assert [f.name for f in files] == ["articles.parquet", "copies.parquet", "stories.parquet"]
    table = pq.read_table(tmp_path / "out" / "articles.parquet")
    assert table.num_rows == len(ALL) + 1 and table.column("signature")[0].as_py() is not None
    assert pq.read_table(tmp_path / "out" / "copies.parquet").num_rows == 2
    with open_store(tmp_path / "b.db") as b:
        run = ingest([tmp_path / "out" / "articles.parquet"], b)
        assert run.count("ingested") == len(ALL) + 1
        assert _contents(b) == before  # same ids (raw text), cleaned text, metadata, copies, stories


def test_bad_parquet_rows_and_files_are_skipped_with_reasons(tmp_path):
    rows = [{"id": "a", "text": ALL[0][3], "published": None},
            {"id": "b", "text": None, "published": None},
            {"id": "c", "text": "too short", "published": None}]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "mixed.parquet")
    pq.write_table(pa.Table.from_pylist([{"body": "x"}]), tmp_path / "nocolumn.parquet")
    (tmp_path / "broken.parquet").write_bytes(b"PAR1 not really")
    with open_store(tmp_path / "s.db") as store:
        run = ingest([tmp_path], store)
    reasons = {e.input.rsplit("/", 1)[-1]: e.reason for e in run.entries if e.status == "skipped"}
    assert run.count("ingested") == 1
    assert "neither 'text' nor 'html'" in reasons["mixed.parquet: row 2"]
    assert "mixed.parquet: row 3" in reasons
    assert "no 'text' or 'html' column" in reasons["nocolumn.parquet"]
    assert "not a readable Parquet file" in reasons["broken.parquet"]


def test_parquet_dates_are_read_as_dates(tmp_path):
    import datetime as dt

    table = pa.Table.from_pylist([{"text": ALL[0][3], "published": dt.date(2023, 3, 6), "outlet": "Gazette"}])
    pq.write_table(table, tmp_path / "d.parquet")
    with open_store(tmp_path / "s.db") as store:
        ingest([tmp_path / "d.parquet"], store)
        (_, source), = store.articles()
    assert source.published == dt.date(2023, 3, 6) and source.outlet == "Gazette"


def test_cli_writes_parquet_for_the_next_stage(tmp_path, capsys):
    write_jsonl(tmp_path / "in.jsonl", ALL)
    assert main(["ingest", str(tmp_path / "in.jsonl"), "--db", str(tmp_path / "s.db"), "--parquet",
                 str(tmp_path / "pq"), "-q"]) == 0
    assert "wrote articles.parquet, copies.parquet, stories.parquet" in capsys.readouterr().err
    story_rows = pq.read_table(tmp_path / "pq" / "stories.parquet").to_pylist()
    assert {r["mode"] for r in story_rows} == {"batch"} and len(story_rows) == len(ALL)
