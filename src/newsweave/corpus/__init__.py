"""Corpus mode: ingest into a store, syndicated copies, stories, and briefs of stored stories.

    >>> store = newsweave.open_store("news.db")
    >>> run = newsweave.ingest(["crawl/"], store)      # run report: ingested / duplicate / skipped
    >>> for story in newsweave.stories(store):         # batch clustering, cached until new articles
    ...     print(story.id, story.title, len(story.articles))
    >>> brief = newsweave.brief_story(store, story.id)
    >>> newsweave.ingest_records([{"outlet": "AP", "text": "..."}], store)   # records, as the web API gets them

Ingest is idempotent: article ids are content hashes, so a second run over the same inputs
reports every article as a duplicate and changes nothing. New articles are stored in
publication order (the streaming clusterer takes them in arrival order).

The parts, each over the `Store` interface only:

    ingest.py   read, clean, sign and store (one path over any executor); the run report
    copies.py   signatures, LSH candidates, copy groups and their lineage
    stories.py  stories clustered on demand, cached in the store under a `ClusterKey`
    changes.py  what `--since` compares of two briefs (`BriefMarks`) and what changed since
    briefs.py   a story's brief (remembered), every story's brief written to a folder
"""

from .briefs import BRIEFS_AT_ONCE, brief_and_render, brief_story, write_briefs
from .copies import SIGN_CHUNK, Candidates, signature_bytes, update_copies
from .ingest import IngestRun, clean_and_sign, ingest, ingest_records, store_cleaned, totals
from .stories import STREAM_CHECKPOINT, ClusterKey, find_story, stories, story_sources

__all__ = [
    "BRIEFS_AT_ONCE",
    "SIGN_CHUNK",
    "STREAM_CHECKPOINT",
    "Candidates",
    "ClusterKey",
    "IngestRun",
    "brief_and_render",
    "brief_story",
    "clean_and_sign",
    "find_story",
    "ingest",
    "ingest_records",
    "signature_bytes",
    "store_cleaned",
    "stories",
    "story_sources",
    "totals",
    "update_copies",
    "write_briefs",
]
