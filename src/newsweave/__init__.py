"""newsweave: read many reports of one news story and see what is known, by whom, and where the
sources part ways, every statement cited to the exact source text. Offline.

    >>> import newsweave
    >>> b = newsweave.brief(example=True)
    >>> [s.text for s in b.summary]

Public API: `brief`, `Pipeline`, `Brief` and the data model in `newsweave.models`, the
exceptions in `newsweave.errors`, and `render` for the output formats; corpus mode:
`open_store`, `ingest`, `ingest_records`, `stories`, `brief_story`; the web app: `newsweave.serve`.
"""

from ._version import __version__
from .corpus import IngestRun, brief_story, ingest, ingest_records, stories
from .errors import (
    FetchError,
    InputError,
    MetadataError,
    MissingExtraError,
    ModelError,
    NewsweaveError,
    NoArticlesError,
    NotFoundError,
    ReadOnlyError,
    StoreError,
)
from .models import Brief, Source, Story
from .pipeline import Pipeline, brief
from .report import FORMATS, render
from .store import Store, open_store

__all__ = [
    "FORMATS",
    "Brief",
    "FetchError",
    "IngestRun",
    "InputError",
    "MetadataError",
    "MissingExtraError",
    "ModelError",
    "NewsweaveError",
    "NoArticlesError",
    "NotFoundError",
    "Pipeline",
    "ReadOnlyError",
    "Source",
    "Store",
    "StoreError",
    "Story",
    "__version__",
    "brief",
    "brief_story",
    "ingest",
    "ingest_records",
    "open_store",
    "render",
    "stories",
]
