"""The fetch-cache protocol: what a `Fetcher` keeps between runs for conditional GET, and the
interface of where it keeps it. Neutral ground between ingest (the fetcher reads and writes
entries) and store (a store keeps them across runs), so neither imports the other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

__all__ = ["CacheEntry", "FetchCache", "MemoryCache"]


@dataclass(frozen=True)
class CacheEntry:
    """What a cache keeps of the last successful fetch of a URL."""

    etag: str | None
    last_modified: str | None
    fetched_at: dt.datetime
    content_hash: str  # SHA-256 hex digest of the last body


class FetchCache(Protocol):
    """Where a Fetcher keeps validators for conditional GET, keyed by the URL as asked.

    Two methods, no other contract: `get` returns what `put` stored last for the URL (or None);
    `put` may overwrite. A SQLite table (url primary key, one column per CacheEntry field) fits.
    """

    def get(self, url: str) -> CacheEntry | None: ...

    def put(self, url: str, entry: CacheEntry) -> None: ...


class MemoryCache:
    """A FetchCache in a dict: for one process (tests, a long-running server)."""

    def __init__(self) -> None:
        self.entries: dict[str, CacheEntry] = {}

    def get(self, url: str) -> CacheEntry | None:
        return self.entries.get(url)

    def put(self, url: str, entry: CacheEntry) -> None:
        self.entries[url] = entry
