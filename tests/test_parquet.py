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
    articles = [
        (s.id, s.text, s.outlet, s.published, s.title, s.input_id, s.witness)
        for _, s in store.articles()
    ]
    return {
        "articles": articles,
        "copies": [g.articles for g in store.copies()],
        "stories": [(s.id, s.articles) for s in stories(store, "batch")],
    }


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
        assert (
            _contents(b) == before
        )  # same ids (raw text), cleaned text, metadata, copies, stories


def test_bad_parquet_rows_and_files_are_skipped_with_reasons(tmp_path):
    rows = [
        {"id": "a", "text": ALL[0][3], "published": None},
        {"id": "b", "text": None, "published": None},
        {"id": "c", "text": "too short", "published": None},
    ]
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

    table = pa.Table.from_pylist(
        [{"text": ALL[0][3], "published": dt.date(2023, 3, 6), "outlet": "Gazette"}]
    )
    pq.write_table(table, tmp_path / "d.parquet")
    with open_store(tmp_path / "s.db") as store:
        ingest([tmp_path / "d.parquet"], store)
        ((_, source),) = store.articles()
    assert source.published == dt.date(2023, 3, 6) and source.outlet == "Gazette"


def test_cli_writes_parquet_for_the_next_stage(tmp_path, capsys):
    write_jsonl(tmp_path / "in.jsonl", ALL)
    assert (
        main(
            [
                "ingest",
                str(tmp_path / "in.jsonl"),
                "--db",
                str(tmp_path / "s.db"),
                "--parquet",
                str(tmp_path / "pq"),
                "-q",
            ]
        )
        == 0
    )
    assert "wrote articles.parquet, copies.parquet, stories.parquet" in capsys.readouterr().err
    story_rows = pq.read_table(tmp_path / "pq" / "stories.parquet").to_pylist()
    assert {r["mode"] for r in story_rows} == {"batch"} and len(story_rows) == len(ALL)


# --- issue 29: damaged and amplified files -------------------------------------------------------
BODY = (
    "The council approved the plan on Tuesday, officials said. Mayor Ana Ruiz told reporters the city "
    "had waited twelve years. "
)


def _corrupt_parquet(path):
    """A Parquet file whose footer reads but whose data pages are damaged (a snappy error while
    rows are read, outside the open that was guarded)."""
    rows = [{"id": str(i), "text": BODY * 3 + str(i)} for i in range(2000)]
    pq.write_table(pa.Table.from_pylist(rows), path, compression="snappy", row_group_size=500)
    data = bytearray(path.read_bytes())
    for i in range(4000, 4400):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))


def test_a_corrupt_parquet_file_is_skipped_and_the_rest_of_the_run_stored(tmp_path, capsys):
    """It raised OSError outside any try: 0 articles stored, and the CLI blamed the output."""
    folder = tmp_path / "in"
    folder.mkdir()
    _corrupt_parquet(folder / "corrupt.parquet")
    write_jsonl(folder / "good.jsonl", ALL)
    assert main(["ingest", str(folder), "--db", str(tmp_path / "s.db"), "--format", "json"]) == 3
    report = __import__("json").loads(capsys.readouterr().out)
    assert report["counts"]["ingested"] == len(ALL)
    (damaged,) = [e for e in report["inputs"] if e["input"].endswith("corrupt.parquet")]
    assert "damaged after row 0" in damaged["reason"] and "Corrupt snappy" in damaged["reason"]


def test_a_parquet_file_declaring_millions_of_rows_is_refused_from_its_footer(tmp_path):
    import time

    pq.write_table(
        pa.table({"text": pa.array(["x"] * 5_000_000)}),
        tmp_path / "many.parquet",
        compression="snappy",
    )
    assert (tmp_path / "many.parquet").stat().st_size < 100_000
    started = time.process_time()
    from newsweave.ingest import read_paths

    result = read_paths([tmp_path / "many.parquet"])
    assert time.process_time() - started < 2 and result.sources == []
    (skip,) = result.skipped
    assert "5,000,000 rows" in skip.reason and "the limits are 100,000 rows" in skip.reason


def test_bad_rows_are_listed_up_to_twenty_then_counted(tmp_path):
    from newsweave.ingest import read_paths

    rows = [{"id": str(i), "text": f"too short {i}"} for i in range(5000)] + [
        {"id": "ok", "text": BODY * 3}
    ]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "bad.parquet")
    result = read_paths([tmp_path / "bad.parquet"])
    assert len(result.sources) == 1 and len(result.skipped) == 21
    assert result.skipped[-1].reason.startswith("4,980 more bad records skipped (only 3 words")
