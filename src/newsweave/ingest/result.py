"""What ingest made of its inputs (`IngestResult`): the articles, and what it tells the user."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Skipped, Source

__all__ = ["IngestResult"]


@dataclass
class IngestResult:
    """What ingest made of its inputs: the articles, the inputs not used, and lesser problems."""

    sources: list[Source] = field(default_factory=list)
    skipped: list[Skipped] = field(
        default_factory=list
    )  # not used: path + a reason a person can act on
    warnings: list[str] = field(default_factory=list)  # used, but with a problem
    duplicates: list[Skipped] = field(default_factory=list)  # the same text as an earlier input
    unchanged: list[Skipped] = field(default_factory=list)  # fetched before and not modified since
