"""A store in memory: the whole `Store` contract in dicts, for one process (tests, a server
that keeps nothing, trying a pipeline out). `open_store("memory:")` opens an empty one.

Search is plain: every word of the query (letters and digits, case folded) must be a word of
the article's title or text; hits are ranked by how often the words occur (more first).
"""

from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import ReadOnlyError
from ..fetchcache import CacheEntry
from ..models import CopyGroup, Source, Story
from .base import ArticleInfo, SearchHit, Snapshot, Store

WORD = re.compile(r"[^\W_]+")
SNIPPET_WORDS = 12  # words either side of the first match, as the SQLite store's snippet


class MemoryStore(Store):
    def __init__(self, path: str = "memory:", *, readonly: bool = False):
        self.path = path
        self.readonly = readonly
        self._articles: dict[str, tuple[int, Source]] = {}  # id -> (seq, stored copy)
        self._tables: dict[str, dict] = {
            name: {}
            for name in (
                "signatures",
                "embeddings",
                "checkpoints",
                "stories",
                "state",
                "snapshots",
                "cache",
            )
        }
        self._copies: list[CopyGroup] = []
        self._seq = 0

    # --- articles -------------------------------------------------------------------------
    def add(self, sources: Iterable[Source]) -> list[bool]:
        self._check_writable()
        added = []
        for s in sources:
            new = s.id not in self._articles
            if new:
                self._seq += 1
                self._articles[s.id] = (self._seq, _stored(s))
            added.append(new)
        return added

    def get(self, ids: Iterable[str]) -> list[Source]:
        witness = self._witnesses()
        return [
            dataclasses.replace(copy.deepcopy(self._articles[i][1]), witness=witness.get(i, i))
            for i in ids
            if i in self._articles
        ]

    def catalog(self, ids: Iterable[str]) -> dict[str, ArticleInfo]:
        witness = self._witnesses()
        out: dict[str, ArticleInfo] = {}
        for i in ids:
            if i in self._articles:
                seq, s = self._articles[i]
                out[i] = ArticleInfo(
                    seq=seq,
                    outlet=s.outlet,
                    url=s.url,
                    published=s.published.isoformat() if s.published else None,
                    title=s.title,
                    path=s.path,
                    input_id=s.input_id,
                    witness=witness.get(i, i),
                )
        return out

    def articles(self, *, after: int = 0) -> Iterator[tuple[int, Source]]:
        ids = [i for i, (seq, _) in self._articles.items() if seq > after]
        yield from zip((self._articles[i][0] for i in ids), self.get(ids))

    def count(self) -> int:
        return len(self._articles)

    def last_seq(self) -> int:
        return self._seq if self._articles else 0

    def seqs(self, ids: Iterable[str]) -> dict[str, int]:
        return {i: self._articles[i][0] for i in ids if i in self._articles}

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        terms = [w.casefold() for w in WORD.findall(query)]
        if not terms:
            return []
        hits = []
        for seq, s in self._articles.values():
            words = [w.casefold() for w in WORD.findall(f"{s.title or ''} {s.text}")]
            if all(t in words for t in terms):
                score = sum(words.count(t) for t in terms)
                hits.append(
                    (-score, seq, SearchHit(s.id, s.title, _snippet(s.text, terms), -score))
                )
        return [hit for *_, hit in sorted(hits, key=lambda h: h[:2])][:limit]

    def _witnesses(self) -> dict[str, str]:
        return {a: g.earliest for g in self._copies for a in g.articles}

    # --- copies, embeddings, checkpoints ---------------------------------------------------
    def put_signatures(self, signatures: dict[str, bytes]) -> None:
        self._put("signatures", signatures)

    def signatures(self) -> dict[str, bytes]:
        return dict(self._tables["signatures"])

    def put_embeddings(self, vectors: dict[str, bytes]) -> None:
        self._put("embeddings", vectors)

    def embeddings(self) -> dict[str, bytes]:
        return dict(self._tables["embeddings"])

    def put_checkpoint(self, key: str, data: bytes) -> None:
        self._put("checkpoints", {key: bytes(data)})

    def get_checkpoint(self, key: str) -> bytes | None:
        return self._tables["checkpoints"].get(key)

    def unsigned(self) -> list[str]:
        return [i for i in self._articles if i not in self._tables["signatures"]]

    def put_copies(self, groups: list[CopyGroup]) -> None:
        self._check_writable()
        self._copies = copy.deepcopy(groups)

    def copies(self) -> list[CopyGroup]:
        """As the SQLite store gives them: stored members only, in arrival order with the
        earliest first; groups in the order their first member arrived."""
        groups = []
        for g in copy.deepcopy(self._copies):
            stored = sorted((a for a in g.articles if a in self._articles), key=self._seq_of)
            if stored:
                g.articles = sorted(stored, key=lambda a: a != g.earliest)
                g.changes = {a: c for a, c in g.changes.items() if a in self._articles}
                groups.append((self._seq_of(stored[0]), g))
        return [g for _, g in sorted(groups, key=lambda pair: pair[0])]

    def _seq_of(self, article: str) -> int:
        return self._articles[article][0]

    # --- stories, state, snapshots, fetch cache -------------------------------------------
    def put_stories(self, mode: str, stories: list[Story]) -> None:
        self._put("stories", {mode: copy.deepcopy(stories)})

    def stories(self, mode: str) -> list[Story]:
        return copy.deepcopy(self._tables["stories"].get(mode, []))

    def get_state(self, key: str) -> Any:
        return copy.deepcopy(self._tables["state"].get(key))

    def put_state(self, key: str, value: Any) -> None:
        self._put("state", {key: copy.deepcopy(value)})

    def put_snapshot(self, snapshot: Snapshot) -> None:
        self._check_writable()
        self._tables["snapshots"].setdefault(snapshot.story, []).append(copy.deepcopy(snapshot))

    def snapshots(self, story: str) -> list[Snapshot]:
        return copy.deepcopy(self._tables["snapshots"].get(story, []))

    def cache_get(self, url: str) -> CacheEntry | None:
        return self._tables["cache"].get(url)

    def cache_put(self, url: str, entry: CacheEntry) -> None:
        self._put("cache", {url: entry})

    # --- housekeeping -----------------------------------------------------------------------
    def integrity_check(self) -> list[str]:
        stray = {a for g in self._copies for a in g.articles} - set(self._articles)
        return [f"copy group member {a} is not stored" for a in sorted(stray)]

    def close(self) -> None:
        return None

    @contextmanager
    def transaction(self) -> Iterator[MemoryStore]:
        """All of the writes inside, or (on an error) none of them."""
        self._check_writable()
        saved = copy.deepcopy((self._articles, self._tables, self._copies, self._seq))
        try:
            yield self
        except BaseException:
            self._articles, self._tables, self._copies, self._seq = saved
            raise

    def _put(self, table: str, values: dict) -> None:
        self._check_writable()
        self._tables[table].update(values)

    def _check_writable(self) -> None:
        if self.readonly:
            raise ReadOnlyError(self.path, "opened read-only; it cannot be changed")


def _stored(s: Source) -> Source:
    """What a store keeps of a source: its text and metadata, not what later stages add."""
    return Source(
        id=s.id,
        raw=s.raw,
        text=s.text,
        removed=copy.deepcopy(s.removed),
        outlet=s.outlet,
        url=s.url,
        published=s.published,
        title=s.title,
        path=s.path,
        input_id=s.input_id,
    )


def _snippet(text: str, terms: list[str]) -> str:
    """The words around the first match, the query's words marked with [ ]."""
    words = text.split()
    first = next((i for i, w in enumerate(words) if _has(w, terms)), 0)
    start = max(0, first - SNIPPET_WORDS // 2)
    part = " ".join(words[start : start + SNIPPET_WORDS])
    marked = WORD.sub(lambda m: f"[{m[0]}]" if m[0].casefold() in terms else m[0], part)
    return ("… " if start else "") + marked + (" …" if start + SNIPPET_WORDS < len(words) else "")


def _has(word: str, terms: list[str]) -> bool:
    return any(m.casefold() in terms for m in WORD.findall(word))
