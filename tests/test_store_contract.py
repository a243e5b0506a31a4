"""The `Store` contract, run against every implementation: SQLite and the in-memory store.

Whatever corpus mode, the CLI and the web app call on a store is declared on `Store`
(store/base.py) and behaves the same in each; a new store joins by adding its factory to
`STORES`. The SQLite-only behaviour (WAL, migrations, files that are not ours) is in
test_store.py.
"""

from __future__ import annotations

import datetime as dt
import inspect

import pytest

from corpus_fixtures import ALL, write_articles
from newsweave.corpus import brief_story, ingest, stories
from newsweave.errors import NotFoundError, ReadOnlyError
from newsweave.fetchcache import CacheEntry
from newsweave.models import CopyChange, CopyGroup, Membership, Removal, Source, Span, Story
from newsweave.store import MemoryStore, Snapshot, SQLiteStore, Store, open_store

STORES = {
    "sqlite": lambda tmp: open_store(tmp / "news.db"),
    "memory": lambda tmp: open_store("memory:"),
}


@pytest.fixture(params=sorted(STORES))
def store(request, tmp_path):
    with STORES[request.param](tmp_path) as s:
        yield s


def _source(i: int, text: str = "", **kw) -> Source:
    text = text or f"Article number {i} about the harbour bridge closing for repairs in Riverton."
    return Source(id=f"id{i:03d}", raw=text + "\nRAW", text=text, **kw)


def _story(sid: str, articles: list[str]) -> Story:
    return Story(
        sid,
        "Bridge",
        articles,
        [articles],
        dt.date(2023, 3, 6),
        None,
        ["ana ruiz"],
        ["bridge"],
        [Membership(a, 0.5, ["ana ruiz"], ["bridge"]) for a in articles],
        False,
    )


def test_every_store_implements_the_whole_interface():
    for cls in (SQLiteStore, MemoryStore):
        assert not inspect.isabstract(cls), cls
    declared = {name for name, _ in inspect.getmembers(Store) if not name.startswith("_")}
    assert {"seqs", "catalog", "story", "find_story", "readonly", "transaction"} <= declared


def test_articles_are_added_once_and_read_back_in_arrival_order(store):
    s = _source(3, outlet="Gazette", published=dt.date(2023, 3, 6), title="T", path="a.txt")
    s.removed = [Removal("More From WIBX", "site furniture", 10, 24)]
    assert store.add([s, _source(1)]) == [True, True]
    assert store.add([s, _source(2)]) == [False, True]
    assert store.count() == 3
    (back,) = store.get(["id003"])
    assert (back.raw, back.text, back.outlet, back.published, back.title, back.removed) == (
        s.raw,
        s.text,
        "Gazette",
        dt.date(2023, 3, 6),
        "T",
        s.removed,
    )
    assert [s.id for s in store.get(["id002", "nope", "id003"])] == ["id002", "id003"]
    order = [s.id for _, s in store.articles()]
    assert order == ["id003", "id001", "id002"]
    seqs = store.seqs(["id001", "id003", "nope"])
    assert set(seqs) == {"id001", "id003"} and seqs["id003"] < seqs["id001"]
    assert store.last_seq() == max(store.seqs(order).values())
    assert [s.id for _, s in store.articles(after=seqs["id001"])] == ["id002"]


def test_the_catalog_gives_metadata_and_witnesses(store):
    store.add([_source(1, outlet="AP", published=dt.date(2023, 3, 6)), _source(2)])
    store.put_copies([CopyGroup("id001", ["id001", "id002"])])
    catalog = store.catalog(["id002", "id001", "nope"])
    assert set(catalog) == {"id001", "id002"}
    assert catalog["id001"]["outlet"] == "AP" and catalog["id001"]["published"] == "2023-03-06"
    assert catalog["id002"]["witness"] == "id001" and catalog["id001"]["witness"] == "id001"
    assert set(catalog["id001"]) == {
        "seq",
        "outlet",
        "url",
        "published",
        "title",
        "path",
        "input_id",
        "witness",
    }


def test_search_needs_every_word_and_marks_them(store):
    store.add(
        [_source(1, "The mayor said the bridge would close."), _source(2, "Floods hit the valley.")]
    )
    assert [h.article for h in store.search("bridge")] == ["id001"]
    assert "[bridge]" in store.search("bridge")[0].snippet
    assert [h.article for h in store.search("floods valley")] == ["id002"]
    assert store.search("bridge valley") == []
    for hostile in ['"', "AND OR NOT", "NEAR(", "", "';DROP TABLE articles;--"]:
        store.search(hostile)
    assert store.count() == 2


def test_copies_signatures_and_embeddings_round_trip(store):
    store.add([_source(1), _source(2), _source(3)])
    assert store.unsigned() == ["id001", "id002", "id003"]
    store.put_signatures({"id001": b"\x01\x02", "id003": b"\x03"})
    assert store.signatures() == {"id001": b"\x01\x02", "id003": b"\x03"}
    assert store.unsigned() == ["id002"]
    store.put_embeddings({"id002": b"\x00" * 8})
    assert store.embeddings() == {"id002": b"\x00" * 8}
    change = CopyChange("added", "Local line.", Span("id002", 0, 11))
    store.put_copies([CopyGroup("id001", ["id002", "id001"], {"id002": [change]})])
    (group,) = store.copies()
    assert group.articles == ["id001", "id002"] and group.changes["id002"] == [change]
    assert [s.witness for s in store.get(["id002", "id003"])] == ["id001", "id003"]
    store.put_copies([])
    assert store.copies() == [] and store.get(["id002"])[0].witness == "id002"


def test_stories_state_checkpoints_and_snapshots_round_trip(store):
    store.add([_source(1), _source(2), _source(3)])  # a story's articles are stored ones
    story = _story("sid001", ["id001", "id002"])
    store.put_stories("batch", [story, _story("sid002", ["id003"])])
    assert store.stories("batch")[0] == story and store.stories("stream") == []
    assert store.find_story("batch", "sid001") == story == store.story("batch", "sid001")
    assert (
        store.find_story("batch", "nope") is None and store.find_story("stream", "sid001") is None
    )
    with pytest.raises(NotFoundError):
        store.story("batch", "nope")
    store.put_stories("batch", [])
    assert store.stories("batch") == []
    assert store.get_state("k") is None
    store.put_state("k", [3, 8, "lexical"])
    assert store.get_state("k") == [3, 8, "lexical"]
    store.put_checkpoint("stories.stream", b"\x00npz")
    assert store.get_checkpoint("stories.stream") == b"\x00npz"
    assert store.get_checkpoint("other") is None
    store.put_snapshot(Snapshot("sid001", "2023-03-06T10:00:00+00:00", ["id001"], {"facts": []}))
    store.put_snapshot(Snapshot("sid001", "2023-03-07T10:00:00+00:00", ["id001", "id002"], {}))
    assert [s.created_at[:10] for s in store.snapshots("sid001")] == ["2023-03-06", "2023-03-07"]
    assert store.snapshots("sid001")[0].brief == {"facts": []} and store.snapshots("x") == []


def test_the_fetch_cache(store):
    entry = CacheEntry('"e"', None, dt.datetime(2023, 3, 6, tzinfo=dt.UTC), "ab")
    store.fetch_cache().put("http://x/feed", entry)
    assert store.fetch_cache().get("http://x/feed") == entry
    assert store.cache_get("http://y") is None
    assert store.integrity_check() == []


def test_a_failed_transaction_keeps_nothing(store):
    store.add([_source(1)])
    with pytest.raises(RuntimeError), store.transaction():
        store.add([_source(2)])
        store.put_signatures({"id002": b"\x02"})
        raise RuntimeError("killed")
    assert store.count() == 1 and store.signatures() == {} and store.unsigned() == ["id001"]


def test_a_read_only_store_refuses_every_write(tmp_path):
    open_store(tmp_path / "news.db").close()
    for readonly in (open_store(tmp_path / "news.db", readonly=True), MemoryStore(readonly=True)):
        with readonly:
            assert readonly.readonly
            for write in (
                lambda s: s.add([_source(1)]),
                lambda s: s.put_state("k", 1),
                lambda s: s.put_stories("batch", []),
                lambda s: s.put_copies([]),
                lambda s: s.put_signatures({}),
                lambda s: s.put_snapshot(Snapshot("s", "t", [], {})),
            ):
                with pytest.raises(ReadOnlyError):
                    write(readonly)


def test_corpus_mode_gives_the_same_stories_and_briefs_in_either_store(tmp_path):
    """The library over the interface only: ingest, stories and a story's brief come out the
    same from SQLite and from memory."""
    paths = write_articles(tmp_path / "in", ALL)
    found = {}
    for name, make in STORES.items():
        with make(tmp_path) as store:
            run = ingest(paths, store)
            assert run.count("ingested") == len(ALL)
            found[name] = [(s.articles, s.copies, s.title) for s in stories(store)]
            biggest = max(stories(store), key=lambda s: len(s.articles))
            brief = brief_story(store, biggest.id, since="last")
            found[name].append(sorted(f.text for f in brief.facts))
    assert found["memory"] == found["sqlite"]


def test_matching_and_the_latest_figures(store):
    store.add(
        [_source(1, "The mayor said the bridge would close."), _source(2, "Floods hit the valley.")]
    )
    assert store.matching("bridge") == ["id001"] and store.matching("nothing") == []
    figures = [{"id": "g1", "kind": "dead", "values": []}]
    store.put_snapshot(Snapshot("s1", "2023-03-06T10:00:00+00:00", ["id001"], {"figures": []}))
    store.put_snapshot(Snapshot("s1", "2023-03-07T10:00:00+00:00", ["id001"], {"figures": figures}))
    latest = store.latest_figures(["s1", "s2", "s1"])
    assert set(latest) == {"s1"} and latest["s1"].figures == figures
    assert latest["s1"].created_at.startswith("2023-03-07") and latest["s1"].articles == ["id001"]
