"""The reader registry: one entry a kind of input, the kinds owned once (`formats.InputKind`)."""

from __future__ import annotations

import importlib
import json
from typing import get_args

from newsweave.ingest import read_paths
from newsweave.ingest.formats import InputKind, Record
from newsweave.ingest.readers import READERS, Opened, Reader, claimed_kind

ingest = importlib.import_module("newsweave.ingest")  # the package face has a function of that name


def test_every_kind_has_one_reader_and_record_kinds_come_from_them():
    assert set(READERS) == set(get_args(InputKind))
    assert {"jsonl", "csv", "warc", "feed", "parquet"} == ingest.RECORD_KINDS


def test_files_are_claimed_by_path_only_by_streaming_readers(tmp_path):
    warc = tmp_path / "crawl.warc"
    warc.write_bytes(b"WARC/1.0\r\n")
    assert claimed_kind(warc) == "warc"
    assert claimed_kind(tmp_path / "shard.parquet") == "parquet"
    assert claimed_kind(tmp_path / "a.txt") is None


def test_a_reader_added_by_one_entry_is_used(tmp_path, monkeypatch):
    """A new kind is one entry: here a reader that claims `.upper` files and reads them in
    lower case, with its own metadata."""

    def read(o: Opened) -> list[Record]:
        return [Record(o.path.read_text().lower(), o.given, meta={"outlet": "Upper Wire"})]

    monkeypatch.setitem(
        READERS, "upper", Reader(read, own_metadata=True, claims=lambda p: p.suffix == ".upper")
    )
    (tmp_path / "a.upper").write_text("THE BRIDGE OVER THE RIVER CLOSED ON MONDAY. " * 10)
    (tmp_path / "a.upper.meta.json").write_text(json.dumps({"outlet": "Sidecar"}))
    (source,) = read_paths([tmp_path / "a.upper"]).sources
    assert source.raw.startswith("the bridge") and source.outlet == "Upper Wire"


def test_ingest_reports_through_one_diagnostics_collector():
    from newsweave.ingest import IngestResult, read_records
    from newsweave.models import Diagnostics, Skipped

    notes = Diagnostics()
    notes.warn("closing quote mark with no opening mark", about="Reuters")
    notes.skip("a.txt", "empty")
    assert notes.warnings == ["Reuters: closing quote mark with no opening mark"]
    assert notes.skipped == [Skipped("a.txt", "empty")]
    result = read_records([{"text": "too short"}, 7], name="request")
    assert isinstance(result, IngestResult) and isinstance(result, Diagnostics)
    assert [s.path for s in result.skipped] == ["request: item 1", "request: item 2"]
