"""A store's contents as Parquet, for the next stage of a data pipeline (Spark, DuckDB, pandas,
another newsweave run): `newsweave ingest ... --parquet DIR` or `export(store, DIR)`.

    articles.parquet   article (content-hash id), id (the input's own), outlet, url, published
                       (ISO date), title, text (as received: ingesting the file again gives the
                       same articles), cleaned (the text every offset refers to), path, witness
                       (the earliest copy of its wire story), signature (MinHash, 128 × uint32)
    copies.parquet     earliest, article: one row per member of each group of copies
    stories.parquet    mode, story, title, article, similarity: one row per article of each
                       story, for the clustering modes the store has stories for

Needs pyarrow (the `ray` extra, or `pip install pyarrow`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..errors import MissingExtraError
from ..kinds import MODES
from .base import Store

__all__ = ["export"]


def export(store: Store, folder: str | os.PathLike, modes: tuple[str, ...] = MODES) -> list[Path]:
    """Write the store's articles, copies and stored stories into `folder`; the files written."""
    pa, pq = _pyarrow()
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    tables = {
        "articles": _articles(store),
        "copies": _copies(store),
        "stories": _stories(store, modes),
    }
    written = []
    for name, rows in tables.items():
        path = out / f"{name}.parquet"
        pq.write_table(pa.Table.from_pylist(rows, schema=_SCHEMAS[name](pa)), path)
        written.append(path)
    return written


def _articles(store: Store) -> list[dict[str, Any]]:
    signatures = store.signatures()
    return [
        {
            "article": s.id,
            "id": s.input_id,
            "outlet": s.outlet,
            "url": s.url,
            "published": s.published.isoformat() if s.published else None,
            "title": s.title,
            "text": s.raw,
            "cleaned": s.text,
            "path": s.path,
            "witness": s.witness or s.id,
            "signature": signatures.get(s.id),
        }
        for _, s in store.articles()
    ]


def _copies(store: Store) -> list[dict[str, Any]]:
    return [{"earliest": g.earliest, "article": a} for g in store.copies() for a in g.articles]


def _stories(store: Store, modes: tuple[str, ...]) -> list[dict[str, Any]]:
    return [
        {
            "mode": mode,
            "story": story.id,
            "title": story.title,
            "article": m.article,
            "similarity": m.similarity,
        }
        for mode in modes
        for story in store.stories(mode)
        for m in story.members
    ]


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise MissingExtraError("pyarrow", "ray", "writing Parquet (--parquet)") from exc
    return pa, pq


_SCHEMAS = {
    "articles": lambda pa: pa.schema(
        [
            ("article", pa.string()),
            ("id", pa.string()),
            ("outlet", pa.string()),
            ("url", pa.string()),
            ("published", pa.string()),
            ("title", pa.string()),
            ("text", pa.string()),
            ("cleaned", pa.string()),
            ("path", pa.string()),
            ("witness", pa.string()),
            ("signature", pa.binary()),
        ]
    ),
    "copies": lambda pa: pa.schema([("earliest", pa.string()), ("article", pa.string())]),
    "stories": lambda pa: pa.schema(
        [
            ("mode", pa.string()),
            ("story", pa.string()),
            ("title", pa.string()),
            ("article", pa.string()),
            ("similarity", pa.float64()),
        ]
    ),
}
