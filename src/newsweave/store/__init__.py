"""Store: the corpus on disk. SQLite by default (one file, WAL, FTS5), behind the `Store` interface.

>>> store = open_store("news.db")          # or "sqlite:///path/news.db", or "memory:"
>>> store.add(sources)                     # idempotent: ids are content hashes
"""

from __future__ import annotations

import os

from ..errors import StoreError
from .base import ArticleInfo, CacheEntry, SearchHit, Snapshot, Store, StoredFigures
from .memory import MemoryStore
from .sqlite import SQLiteStore

__all__ = [
    "ArticleInfo",
    "CacheEntry",
    "MemoryStore",
    "SQLiteStore",
    "SearchHit",
    "Snapshot",
    "Store",
    "StoredFigures",
    "open_store",
]


def open_store(url: str | os.PathLike, *, readonly: bool = False) -> Store:
    """Open (creating if needed) the store at `url`: a file path or `sqlite:///relative.db` /
    `sqlite:////abs/path.db`; `memory:` is an empty store in this process (`MemoryStore`)."""
    text = os.fspath(url)
    if text == "memory:":
        return MemoryStore(readonly=readonly)
    if "://" in text:
        scheme, _, rest = text.partition("://")
        if scheme != "sqlite":
            raise StoreError(
                text, f"unknown store kind {scheme!r}; use a file path or sqlite:///path"
            )
        text = rest[1:]  # as SQLAlchemy: sqlite:///relative.db, sqlite:////absolute.db
    return SQLiteStore(text, readonly=readonly)
