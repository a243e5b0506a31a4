"""The default store: one SQLite file in WAL mode, FTS5 search, migrations applied on open.

Writes run in `BEGIN IMMEDIATE` transactions, so an interrupted ingest leaves the file as it
was before the batch (no half-written article), and two writers take turns rather than fail
(`busy_timeout`); readers never block writers (WAL).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import ReadOnlyError, StoreError
from ..models import CopyChange, CopyGroup, Membership, Removal, Source, Span, Story
from .base import ArticleInfo, CacheEntry, SearchHit, Snapshot, Store, StoredFigures
from .migrations import MIGRATIONS

APPLICATION_ID = 0x6E777665  # "nwve": marks a file as a newsweave database
BUSY_TIMEOUT_MS = 60_000
_COLUMNS = "seq, id, raw, text, removed, outlet, url, published, title, path, input_id"


class SQLiteStore(Store):
    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = str(path)
        self.readonly = readonly
        self._db = _connect(Path(path), readonly)
        self._depth = 0  # open `transaction()`s: writes inside one join it
        if not readonly:
            _migrate(self._db, self.path)

    # --- articles -------------------------------------------------------------------------
    def add(self, sources: Iterable[Source]) -> list[bool]:
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        added = []
        with self._write() as db:
            for s in sources:
                cur = db.execute(
                    "INSERT OR IGNORE INTO articles (id, raw, text, removed, outlet, url, published, title, "
                    "path, input_id, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        s.id,
                        s.raw,
                        s.text,
                        _removed_json(s.removed),
                        s.outlet,
                        s.url,
                        s.published.isoformat() if s.published else None,
                        s.title,
                        s.path,
                        s.input_id,
                        now,
                    ),
                )
                added.append(cur.rowcount == 1)
        return added

    def get(self, ids: Iterable[str]) -> list[Source]:
        wanted = list(ids)
        found: dict[str, Source] = {}
        for chunk in _chunks(wanted, 500):
            marks = ",".join("?" * len(chunk))
            for row in self._db.execute(
                f"SELECT {_COLUMNS} FROM articles WHERE id IN ({marks})", chunk
            ):
                found[row[1]] = _source(row)
        self._set_witnesses(found.values())
        return [found[i] for i in wanted if i in found]

    def catalog(self, ids: Iterable[str]) -> dict[str, ArticleInfo]:
        out: dict[str, ArticleInfo] = {}
        for chunk in _chunks(list(ids), 500):
            marks = ",".join("?" * len(chunk))
            for row in self._db.execute(
                "SELECT a.id, a.seq, a.outlet, a.url, a.published, a.title, a.path, a.input_id, "
                f"coalesce(c.earliest, a.id) FROM articles a LEFT JOIN copies c ON c.article = a.id "
                f"WHERE a.id IN ({marks})",
                chunk,
            ):
                seq, outlet, url, published, title, path, input_id, witness = row[1:]
                out[row[0]] = ArticleInfo(
                    seq=seq,
                    outlet=outlet,
                    url=url,
                    published=published,
                    title=title,
                    path=path,
                    input_id=input_id,
                    witness=witness,
                )
        return out

    def articles(self, *, after: int = 0) -> Iterator[tuple[int, Source]]:
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM articles WHERE seq > ? ORDER BY seq", (after,)
        )
        witness = dict(self._db.execute("SELECT article, earliest FROM copies"))
        for row in rows:
            source = _source(row)
            source.witness = witness.get(source.id, source.id)
            yield row[0], source

    def count(self) -> int:
        return self._db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def last_seq(self) -> int:
        return self._db.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0]

    def seqs(self, ids: Iterable[str]) -> dict[str, int]:
        """Arrival numbers of the given articles."""
        out: dict[str, int] = {}
        for chunk in _chunks(list(ids), 500):
            marks = ",".join("?" * len(chunk))
            out.update(
                self._db.execute(f"SELECT id, seq FROM articles WHERE id IN ({marks})", chunk)
            )
        return out

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        columns = "a.id, a.title, snippet(articles_fts, 1, '[', ']', ' … ', 12), bm25(articles_fts)"
        return [SearchHit(*row) for row in self._match(columns, query, limit)]

    def matching(self, query: str, *, limit: int = 10_000) -> list[str]:
        return [row[0] for row in self._match("a.id", query, limit)]

    def _match(self, columns: str, query: str, limit: int) -> list[tuple]:
        sql = (
            f"SELECT {columns} FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?"
        )
        try:
            return self._db.execute(sql, (_fts_query(query), limit)).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(self.path, f"cannot search for {query!r} ({exc})") from exc

    def _set_witnesses(self, sources: Iterable[Source]) -> None:
        sources = list(sources)
        earliest: dict[str, str] = {}
        for chunk in _chunks([s.id for s in sources], 500):  # one query per 500 articles
            marks = ",".join("?" * len(chunk))
            earliest.update(
                self._db.execute(
                    f"SELECT article, earliest FROM copies WHERE article IN ({marks})", chunk
                )
            )
        for s in sources:
            s.witness = earliest.get(s.id, s.id)

    # --- copies -----------------------------------------------------------------------------
    def put_signatures(self, signatures: dict[str, bytes]) -> None:
        with self._write() as db:
            db.executemany(
                "INSERT OR REPLACE INTO signatures (article, minhash) VALUES (?, ?)",
                signatures.items(),
            )

    def signatures(self) -> dict[str, bytes]:
        return dict(self._db.execute("SELECT article, minhash FROM signatures"))

    def put_embeddings(self, vectors: dict[str, bytes]) -> None:
        with self._write() as db:
            db.executemany(
                "INSERT OR REPLACE INTO embeddings (article, vector) VALUES (?, ?)", vectors.items()
            )

    def embeddings(self) -> dict[str, bytes]:
        return dict(self._db.execute("SELECT article, vector FROM embeddings"))

    def put_checkpoint(self, key: str, data: bytes) -> None:
        with self._write() as db:
            db.execute("INSERT OR REPLACE INTO checkpoints (key, value) VALUES (?, ?)", (key, data))

    def get_checkpoint(self, key: str) -> bytes | None:
        try:
            row = self._db.execute("SELECT value FROM checkpoints WHERE key = ?", (key,)).fetchone()
        except sqlite3.OperationalError:  # a read-only store of an older schema has no such table
            return None
        return bytes(row[0]) if row else None

    def unsigned(self) -> list[str]:
        return [
            r[0]
            for r in self._db.execute(
                "SELECT id FROM articles WHERE id NOT IN (SELECT article FROM signatures) ORDER BY seq"
            )
        ]

    def put_copies(self, groups: list[CopyGroup]) -> None:
        rows = [
            (a, g.earliest, json.dumps([_change_json(c) for c in g.changes.get(a, [])]))
            for g in groups
            for a in g.articles
        ]
        with self._write() as db:
            db.execute("DELETE FROM copies")
            db.executemany("INSERT INTO copies (article, earliest, changes) VALUES (?, ?, ?)", rows)

    def copies(self) -> list[CopyGroup]:
        groups: dict[str, CopyGroup] = {}
        rows = self._db.execute(
            "SELECT c.article, c.earliest, c.changes FROM copies c "
            "JOIN articles a ON a.id = c.article ORDER BY a.seq"
        )
        for article, earliest, changes in rows:
            group = groups.setdefault(earliest, CopyGroup(earliest, []))
            group.articles.append(article)
            group.changes[article] = [_change(c) for c in json.loads(changes)]
        for g in groups.values():
            g.articles.sort(key=lambda a: a != g.earliest)
        return list(groups.values())

    # --- stories ----------------------------------------------------------------------------
    def put_stories(self, mode: str, stories: list[Story]) -> None:
        with self._write() as db:
            db.execute("DELETE FROM stories WHERE mode = ?", (mode,))
            db.execute("DELETE FROM story_articles WHERE mode = ?", (mode,))
            db.executemany(
                "INSERT INTO stories VALUES (?,?,?,?,?,?,?,?,?,?)",
                [_story_row(mode, i, s) for i, s in enumerate(stories)],
            )
            db.executemany(
                "INSERT INTO story_articles VALUES (?,?,?,?,?,?,?)",
                [_member_row(mode, s, i, m) for s in stories for i, m in enumerate(s.members)],
            )

    def stories(self, mode: str) -> list[Story]:
        members: dict[str, list[Membership]] = {}
        for story, article, sim, ents, terms in self._db.execute(
            "SELECT story, article, similarity, entities, terms FROM story_articles WHERE mode = ? "
            "ORDER BY story, position",
            (mode,),
        ):
            members.setdefault(story, []).append(
                Membership(article, sim, json.loads(ents), json.loads(terms))
            )
        rows = self._db.execute(
            "SELECT id, title, first, last, closed, entities, terms, copies FROM stories "
            "WHERE mode = ? ORDER BY position",
            (mode,),
        )
        return [_story(row, members.get(row[0], [])) for row in rows]

    def find_story(self, mode: str, story_id: str) -> Story | None:
        """One story, read alone (the primary key and the story index), not the whole table."""
        row = self._db.execute(
            "SELECT id, title, first, last, closed, entities, terms, copies FROM stories "
            "WHERE mode = ? AND id = ?",
            (mode, story_id),
        ).fetchone()
        if row is None:
            return None
        members = [
            Membership(article, sim, json.loads(ents), json.loads(terms))
            for article, sim, ents, terms in self._db.execute(
                "SELECT article, similarity, entities, terms FROM story_articles WHERE mode = ? AND story = ? "
                "ORDER BY position",
                (mode, story_id),
            )
        ]
        return _story(row, members)

    def get_state(self, key: str) -> Any:
        row = self._db.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def put_state(self, key: str, value: Any) -> None:
        with self._write() as db:
            db.execute(
                "INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)", (key, json.dumps(value))
            )

    # --- snapshots --------------------------------------------------------------------------
    def put_snapshot(self, snapshot: Snapshot) -> None:
        with self._write() as db:
            db.execute(
                "INSERT INTO snapshots (story, created_at, articles, brief) VALUES (?,?,?,?)",
                (
                    snapshot.story,
                    snapshot.created_at,
                    json.dumps(snapshot.articles),
                    json.dumps(snapshot.brief, ensure_ascii=False),
                ),
            )

    def snapshots(self, story: str) -> list[Snapshot]:
        rows = self._db.execute(
            "SELECT story, created_at, articles, brief FROM snapshots WHERE story = ? ORDER BY n",
            (story,),
        )
        return [Snapshot(s, c, json.loads(a), json.loads(b)) for s, c, a, b in rows]

    def latest_figures(self, stories: Iterable[str]) -> dict[str, StoredFigures]:
        out: dict[str, StoredFigures] = {}
        for chunk in _chunks(list(dict.fromkeys(stories)), 500):
            marks = ",".join("?" * len(chunk))
            for story, created, articles, figures in self._db.execute(
                "SELECT story, created_at, articles, json_extract(brief, '$.figures') "
                "FROM snapshots WHERE n IN (SELECT max(n) FROM snapshots "
                f"WHERE story IN ({marks}) GROUP BY story)",
                chunk,
            ):
                out[story] = StoredFigures(
                    story, created, json.loads(articles), json.loads(figures or "[]")
                )
        return out

    # --- fetch cache ------------------------------------------------------------------------
    def cache_get(self, url: str) -> CacheEntry | None:
        row = self._db.execute(
            "SELECT etag, last_modified, fetched_at, content_hash FROM fetch_cache WHERE url = ?",
            (url,),
        ).fetchone()
        if row is None:
            return None
        etag, modified, fetched, digest = row
        return CacheEntry(etag, modified, dt.datetime.fromisoformat(fetched), digest)

    def cache_put(self, url: str, entry: CacheEntry) -> None:
        with self._write() as db:
            db.execute(
                "INSERT OR REPLACE INTO fetch_cache VALUES (?,?,?,?,?)",
                (
                    url,
                    entry.etag,
                    entry.last_modified,
                    entry.fetched_at.isoformat(),
                    entry.content_hash,
                ),
            )

    # --- housekeeping -----------------------------------------------------------------------
    def integrity_check(self) -> list[str]:
        """Problems found, [] when none; every count read in one snapshot."""
        with self._one_snapshot():
            problems = [r[0] for r in self._db.execute("PRAGMA integrity_check") if r[0] != "ok"]
            problems += [f"foreign key: {r}" for r in self._db.execute("PRAGMA foreign_key_check")]
            fts, articles = (
                self._db.execute("SELECT count(*) FROM articles_fts").fetchone()[0],
                self.count(),
            )
        return problems + (
            [f"full-text index has {fts} rows for {articles} articles"] if fts != articles else []
        )

    @contextmanager
    def _one_snapshot(self) -> Iterator[None]:
        """Reads inside see one state of the file. In autocommit each statement sees the file as
        it is then, so a writer committing between two counts would make them disagree."""
        if self._depth:  # inside transaction(): already one
            yield
            return
        self._db.execute("BEGIN")
        try:
            yield
        finally:
            self._db.execute("COMMIT")

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[SQLiteStore]:
        with self._write():
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        if self.readonly:
            raise ReadOnlyError(
                self.path, "opened read-only; open it without --read-only to change it"
            )
        if self._depth:  # inside transaction(): its BEGIN and COMMIT
            yield self._db
            return
        _begin(self._db, self.path)
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")


def _begin(db: sqlite3.Connection, path: str) -> None:
    """Take the write lock, waiting up to `busy_timeout` for another writer (another ingest) to finish."""
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise StoreError(
            path,
            f"another process has been writing to this store for over {BUSY_TIMEOUT_MS // 1000} s "
            f"({exc}); try again when it has finished",
        ) from exc


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    if not path.parent.is_dir():
        raise StoreError(str(path), f"folder {str(path.parent)!r} does not exist; create it first")
    if readonly and not path.is_file():
        raise StoreError(
            str(path), "no such database; create it with newsweave ingest PATH --db FILE"
        )
    uri = path.resolve().as_uri() + ("?mode=ro" if readonly else "")
    try:
        db = sqlite3.connect(
            uri,
            uri=True,
            isolation_level=None,
            timeout=BUSY_TIMEOUT_MS / 1000,
            check_same_thread=False,
        )
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _check_is_ours(db, str(path))
        if not readonly:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            str(path),
            f"not a newsweave database ({exc}); give a new file name or an "
            "existing newsweave store",
        ) from exc
    return db


def _check_is_ours(db: sqlite3.Connection, path: str) -> None:
    app = db.execute("PRAGMA application_id").fetchone()[0]
    tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if app != APPLICATION_ID and (app != 0 or tables):
        raise StoreError(
            path,
            "an SQLite database of another program, not a newsweave store; give a new file name",
        )


def _migrate(db: sqlite3.Connection, path: str) -> None:
    """Apply the migrations this file lacks, each in its own write transaction. The version is read
    inside the transaction, so two processes opening a new store at once apply each migration once."""
    if db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS):
        return  # up to date: no write lock needed
    while True:
        _begin(db, path)
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > len(MIGRATIONS):
                raise StoreError(
                    path,
                    f"made by a newer newsweave (schema {version}, this one knows "
                    f"{len(MIGRATIONS)}); upgrade newsweave",
                )
            if version < len(MIGRATIONS):
                _apply(db, MIGRATIONS[version], version + 1)
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
        if version >= len(MIGRATIONS):
            return


def _apply(db: sqlite3.Connection, script: str, number: int) -> None:
    for statement in _statements(script):
        db.execute(statement)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {number}")


def _statements(script: str) -> list[str]:
    """Split a migration into statements (complete_statement keeps trigger bodies whole)."""
    out, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            out.append(current.strip())
            current = ""
    return [s for s in out if s.strip(" ;\n")]


def _fts_query(query: str) -> str:
    """Words of a user query as FTS5 terms (so quotes or operators in it can't break the syntax)."""
    words = [w for w in "".join(c if c.isalnum() else " " for c in query).split() if w]
    return " ".join(f'"{w}"' for w in words) or '""'


def _chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _removed_json(removed: list[Removal]) -> str:
    return json.dumps([[r.text, r.reason, r.start, r.end] for r in removed], ensure_ascii=False)


def _source(row: tuple) -> Source:
    _, sid, raw, text, removed, outlet, url, published, title, path, input_id = row
    return Source(
        id=sid,
        raw=raw,
        text=text,
        removed=[Removal(*r) for r in json.loads(removed)],
        outlet=outlet,
        url=url,
        published=dt.date.fromisoformat(published) if published else None,
        title=title,
        path=path,
        input_id=input_id,
    )


def _change_json(c: CopyChange) -> list:
    return [c.kind, c.text, [c.span.source, c.span.start, c.span.end] if c.span else None]


def _change(data: list) -> CopyChange:
    kind, text, span = data
    return CopyChange(kind, text, Span(*span) if span else None)


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _story_row(mode: str, position: int, s: Story) -> tuple:
    return (
        mode,
        s.id,
        s.title,
        _iso(s.first),
        _iso(s.last),
        int(s.closed),
        json.dumps(s.entities),
        json.dumps(s.terms),
        json.dumps(s.copies),
        position,
    )


def _member_row(mode: str, s: Story, position: int, m: Membership) -> tuple:
    return (
        mode,
        m.article,
        s.id,
        position,
        m.similarity,
        json.dumps(m.entities),
        json.dumps(m.terms),
    )


def _story(row: tuple, members: list[Membership]) -> Story:
    sid, title, first, last, closed, entities, terms, copies = row
    return Story(
        id=sid,
        title=title,
        articles=[m.article for m in members],
        copies=json.loads(copies),
        first=dt.date.fromisoformat(first) if first else None,
        last=dt.date.fromisoformat(last) if last else None,
        entities=json.loads(entities),
        terms=json.loads(terms),
        members=members,
        closed=bool(closed),
    )
