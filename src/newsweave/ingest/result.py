"""What ingest made of its inputs (`IngestResult`): the articles, and what it tells the user."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Diagnostics, Skipped, Source

__all__ = ["IngestResult"]


@dataclass
class IngestResult(Diagnostics):
    """What ingest made of its inputs: the articles, the inputs not used (`skipped`: a reason a
    person can act on), lesser problems (`warnings`: used, with a problem), and the inputs that
    gave nothing new."""

    sources: list[Source] = field(default_factory=list)
    duplicates: list[Skipped] = field(default_factory=list)  # the same text as an earlier input
    unchanged: list[Skipped] = field(default_factory=list)  # fetched before and not modified since
