"""The store interface: what corpus mode needs from a database, so a server database can
implement it later. `SQLiteStore` (one file, WAL, FTS5) is the default implementation,
`MemoryStore` (dicts, one process) the second; tests/test_store_contract.py runs the same
contract against both.

Articles are keyed by content hash (`Source.id`), so adding the same article again changes
nothing; each article also gets an arrival number (`seq`), which orders streaming clustering
and lets `--since` ask what arrived after a point.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypedDict

from ..errors import NotFoundError
from ..fetchcache import CacheEntry
from ..models import CopyGroup, Source, Story


@dataclass
class SearchHit:
    article: str
    title: str | None
    snippet: str  # cleaned text around the match, terms marked with [ ]
    rank: float


class ArticleInfo(TypedDict):
    """An article's metadata without its text (`Store.catalog`)."""

    seq: int  # arrival number
    outlet: str | None
    url: str | None
    published: str | None  # ISO date
    title: str | None
    path: str | None
    input_id: str | None
    witness: str  # the earliest copy of its copy group (itself when it has none)


@dataclass
class Snapshot:
    """A brief of a story as it was shown once, to tell later what changed."""

    story: str
    created_at: str
    articles: list[str]
    brief: dict[str, Any]  # the brief's JSON contract


@dataclass
class StoredFigures:
    """The key figures of a story's latest remembered brief, and the articles it was made from."""

    story: str
    created_at: str
    articles: list[str]
    figures: list[dict[str, Any]]  # the brief contract's "figures"


class Store(ABC):
    """A newsweave corpus: articles, copy groups, signatures, stories, snapshots, fetch cache."""

    path: str
    readonly: bool = False  # opened read-only: every write raises ReadOnlyError

    # articles
    @abstractmethod
    def add(self, sources: Iterable[Source]) -> list[bool]:
        """Add cleaned sources; for each, True if it was new (False: already stored)."""

    @abstractmethod
    def get(self, ids: Iterable[str]) -> list[Source]:
        """The stored sources with these ids, in the order asked (unknown ids left out)."""

    @abstractmethod
    def catalog(self, ids: Iterable[str]) -> dict[str, ArticleInfo]:
        """Metadata of articles without their text, by id (unknown ids left out)."""

    @abstractmethod
    def articles(self, *, after: int = 0) -> Iterator[tuple[int, Source]]:
        """(arrival number, source) of every article that arrived after `after`, in arrival order."""

    @abstractmethod
    def count(self) -> int: ...

    @abstractmethod
    def last_seq(self) -> int:
        """The arrival number of the newest article (0 when empty)."""

    @abstractmethod
    def seqs(self, ids: Iterable[str]) -> dict[str, int]:
        """Arrival numbers of the given articles (unknown ids left out)."""

    @abstractmethod
    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Full-text search over titles and cleaned texts."""

    def matching(self, query: str, *, limit: int = 10_000) -> list[str]:
        """Ids of the articles the search matches, best first, without snippets (stores may
        override this to skip making them)."""
        return [h.article for h in self.search(query, limit=limit)]

    # copies of one wire story
    @abstractmethod
    def put_signatures(self, signatures: dict[str, bytes]) -> None: ...

    @abstractmethod
    def signatures(self) -> dict[str, bytes]: ...

    @abstractmethod
    def put_embeddings(self, vectors: dict[str, bytes]) -> None:
        """Keep articles' sentence embeddings (float32 bytes), so clustering computes each once."""

    @abstractmethod
    def embeddings(self) -> dict[str, bytes]: ...

    @abstractmethod
    def unsigned(self) -> list[str]:
        """Ids of articles with no signature yet (an ingest stopped before signing them)."""

    @abstractmethod
    def put_copies(self, groups: list[CopyGroup]) -> None:
        """Replace the copy groups (every article not in a group is its own witness)."""

    @abstractmethod
    def copies(self) -> list[CopyGroup]: ...

    # stories
    @abstractmethod
    def put_stories(self, mode: str, stories: list[Story]) -> None:
        """Replace the stories of a clustering mode ("batch" or "stream")."""

    @abstractmethod
    def stories(self, mode: str) -> list[Story]: ...

    def find_story(self, mode: str, story_id: str) -> Story | None:
        """One story of a mode, or None (stores may override this to read only that story)."""
        return next((s for s in self.stories(mode) if s.id == story_id), None)

    def story(self, mode: str, story_id: str) -> Story:
        """`find_story`, with NotFoundError for an unknown id."""
        found = self.find_story(mode, story_id)
        if found is None:
            raise NotFoundError(
                self.path,
                f"no story {story_id!r} (mode {mode}); list them with "
                f"newsweave stories --db {self.path}",
            )
        return found

    @abstractmethod
    def get_state(self, key: str) -> Any:
        """The value last kept under `key` by `put_state`, or None."""

    @abstractmethod
    def put_state(self, key: str, value: Any) -> None:
        """Small JSON values a stage keeps between runs (clustering state, settings)."""

    def put_checkpoint(self, key: str, data: bytes) -> None:
        """Keep a stage's state between runs as bytes (the stream clusterer's, so new articles
        go on from it); a store that cannot keep one drops it, and the stage starts afresh."""
        return None

    def get_checkpoint(self, key: str) -> bytes | None:
        """The bytes last kept under `key`, or None."""
        return None

    # snapshots for --since
    @abstractmethod
    def put_snapshot(self, snapshot: Snapshot) -> None: ...

    @abstractmethod
    def snapshots(self, story: str) -> list[Snapshot]:
        """Snapshots of a story, oldest first."""

    def latest_figures(self, stories: Iterable[str]) -> dict[str, StoredFigures]:
        """For each story with a snapshot, the figures of its latest one (stores may override
        this to read only the figures, not whole briefs)."""
        out = {}
        for story in dict.fromkeys(stories):
            kept = self.snapshots(story)
            if kept:
                last = kept[-1]
                figures = last.brief.get("figures") or []
                out[story] = StoredFigures(story, last.created_at, last.articles, figures)
        return out

    # conditional GET
    def fetch_cache(self) -> StoreFetchCache:
        """The store as an `ingest.fetch.FetchCache`, to hand to a `Fetcher`."""
        return StoreFetchCache(self)

    @abstractmethod
    def cache_get(self, url: str) -> CacheEntry | None: ...

    @abstractmethod
    def cache_put(self, url: str, entry: CacheEntry) -> None: ...

    # housekeeping
    @abstractmethod
    def integrity_check(self) -> list[str]:
        """Problems found (empty when the store is sound)."""

    @abstractmethod
    def close(self) -> None: ...

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """One write transaction around several calls: all of their writes, or (after a crash or an
        error) none; other writers wait. The default does nothing; SQLiteStore takes the lock."""
        yield self

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass
class StoreFetchCache:
    """A `FetchCache` (get/put by URL) kept in a store, so conditional GET works across runs."""

    store: Store

    def get(self, url: str) -> CacheEntry | None:
        return self.store.cache_get(url)

    def put(self, url: str, entry: CacheEntry) -> None:
        self.store.cache_put(url, entry)
