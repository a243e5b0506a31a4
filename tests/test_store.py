"""The SQLite store: idempotent adds, search, migrations, refusing files that are not ours."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.errors import NotFoundError, StoreError
from newsweave.ingest import CacheEntry
from newsweave.models import CopyChange, CopyGroup, Membership, Removal, Source, Span, Story
from newsweave.store import Snapshot, open_store
from newsweave.store.migrations import MIGRATIONS


def _source(i: int, text: str = "", **kw) -> Source:
    text = text or f"Article number {i} about the harbour bridge closing for repairs in Riverton."
    return Source(id=f"id{i:03d}", raw=text + "\nRAW", text=text, **kw)


@pytest.fixture()
def store(tmp_path):
    with open_store(tmp_path / "news.db") as s:
        yield s


def test_add_is_idempotent_and_keeps_every_field(store):
    s = _source(
        1,
        outlet="Gazette",
        url="http://x/1",
        published=dt.date(2023, 3, 6),
        title="T",
        path="a.txt",
        input_id="r1",
        removed=[Removal("More From WIBX", "site furniture", 10, 24)],
    )
    assert store.add([s, _source(2)]) == [True, True]
    assert store.add([s]) == [False] and store.count() == 2
    (back,) = store.get(["id001"])
    assert (
        back.raw,
        back.text,
        back.outlet,
        back.url,
        back.published,
        back.title,
        back.path,
        back.input_id,
    ) == (s.raw, s.text, "Gazette", "http://x/1", dt.date(2023, 3, 6), "T", "a.txt", "r1")
    assert back.removed == s.removed and back.witness == "id001"


def test_articles_come_in_arrival_order_and_after_a_point(store):
    store.add([_source(3), _source(1)])
    store.add([_source(2)])
    assert [s.id for _, s in store.articles()] == ["id003", "id001", "id002"]
    first = next(store.articles())[0]
    assert [s.id for _, s in store.articles(after=first)] == ["id001", "id002"]
    assert store.last_seq() == first + 2


def test_search_finds_words_and_survives_fts_syntax(store):
    store.add(
        [_source(1, "The mayor said the bridge would close."), _source(2, "Floods hit the valley.")]
    )
    assert [h.article for h in store.search("bridge")] == ["id001"]
    assert "[bridge]" in store.search("bridge")[0].snippet
    assert [h.article for h in store.search("floods valley")] == ["id002"]
    for hostile in [
        '"',
        "AND OR NOT",
        "bridge*",
        "NEAR(",
        "col:bridge",
        "",
        "';DROP TABLE articles;--",
    ]:
        store.search(hostile)  # no exception
    assert store.count() == 2


def test_copies_stories_snapshots_and_cache_round_trip(store):
    store.add([_source(1), _source(2), _source(3)])
    change = CopyChange("added", "Local line.", Span("id002", 0, 11))
    store.put_copies([CopyGroup("id001", ["id001", "id002"], {"id002": [change]})])
    (group,) = store.copies()
    assert group.articles == ["id001", "id002"] and group.changes["id002"] == [change]
    assert [s.witness for s in store.get(["id002", "id003"])] == ["id001", "id003"]
    story = Story(
        "sid001",
        "Bridge",
        ["id001", "id002"],
        [["id001", "id002"]],
        dt.date(2023, 3, 6),
        None,
        ["ana ruiz"],
        ["bridge"],
        [Membership("id001", 0.5, ["ana ruiz"], ["bridge"]), Membership("id002", 0.5)],
        False,
    )
    store.put_stories("batch", [story])
    assert store.stories("batch") == [story] and store.stories("stream") == []
    store.put_snapshot(Snapshot("sid001", "2023-03-06T10:00:00+00:00", ["id001"], {"facts": []}))
    assert store.snapshots("sid001")[0].brief == {"facts": []}
    entry = CacheEntry(
        '"etag"',
        "Mon, 06 Mar 2023 10:00:00 GMT",
        dt.datetime(2023, 3, 6, tzinfo=dt.UTC),
        "ab",
    )
    store.fetch_cache().put("http://x/feed", entry)
    assert (
        store.fetch_cache().get("http://x/feed") == entry
        and store.fetch_cache().get("http://y") is None
    )
    assert store.integrity_check() == []


def test_reopening_keeps_data_and_migrations_are_recorded(tmp_path):
    path = tmp_path / "news.db"
    with open_store(path) as s:
        s.add([_source(1)])
    with open_store(f"sqlite:///{path}") as s:
        assert s.count() == 1
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_read_only_store_refuses_writes(tmp_path):
    path = tmp_path / "news.db"
    open_store(path).close()
    with open_store(path, readonly=True) as s, pytest.raises(StoreError, match="read-only"):
        s.add([_source(1)])
    with pytest.raises(StoreError, match="no such database"):
        open_store(tmp_path / "missing.db", readonly=True)


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"hello, this is not a database at all" * 20, "not a newsweave database"),
        (None, "another program"),
    ],
)
def test_files_that_are_not_newsweave_stores_are_refused(tmp_path, content, reason):
    path = tmp_path / "other.db"
    if content is None:
        sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.commit()
    else:
        path.write_bytes(content)
    with pytest.raises(StoreError, match=reason) as info:
        open_store(path)
    assert str(path) in str(info.value)


def test_missing_folder_newer_schema_and_unknown_scheme(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "no" / "such" / "news.db")
    with pytest.raises(StoreError, match="unknown store kind"):
        open_store("postgres://localhost/news")
    path = tmp_path / "news.db"
    open_store(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    db.commit()
    with pytest.raises(StoreError, match="newer newsweave"):
        open_store(path)


def test_unknown_story_is_a_clear_error(store):
    with pytest.raises(NotFoundError, match="no story"):
        store.story("batch", "s-nope")


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(0, 20), max_size=30))
def test_adding_in_any_order_any_number_of_times_stores_each_article_once(tmp_path_factory, ids):
    with open_store(tmp_path_factory.mktemp("s") / "n.db") as s:
        for i in ids:
            s.add([_source(i)])
        assert s.count() == len(set(ids))
        assert [x.id for _, x in s.articles()] == [f"id{i:03d}" for i in dict.fromkeys(ids)]


def test_the_integrity_check_counts_in_one_snapshot_while_a_writer_commits(tmp_path, monkeypatch):
    """A reader's check must not see a writer's commit between its full-text and article
    counts (it read them one statement at a time, and a busy store looked broken)."""
    db = tmp_path / "news.db"
    writer = open_store(db)
    writer.add([_source(i, f"council meeting number {i}") for i in range(3)])
    reader = open_store(db, readonly=True)
    count = reader.count

    def count_after_a_commit():
        writer.add([_source(99, "a late article")])
        return count()

    monkeypatch.setattr(reader, "count", count_after_a_commit)
    assert reader.integrity_check() == []
    assert count() == 4  # the commit happened, after the check's snapshot
