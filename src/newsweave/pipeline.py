"""The pipeline: ingest -> clean -> dedup -> extract -> quotes -> align -> summarize -> Brief.

`Pipeline` holds the options and loads the language model on first use; `brief()` in the
package root is the one-call shortcut over it.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from typing import Any, NamedTuple

from .align import Alignment, align
from .caveats import caveats
from .clean import clean, split_empty
from .dedup import assign_witnesses
from .errors import NoArticlesError
from .extract import DEFAULT_MODEL, extract, load, load_new
from .ingest import Fetcher, IngestResult, example_sources, read_paths
from .kinds import Similarity
from .models import Brief, Diagnostics, Document, Entity, Source
from .quotes import find_quotes
from .summarize import DEFAULT_WORDS, summarize

PathLike = str | os.PathLike


class Aligned(NamedTuple):
    """Every stage up to alignment, for one set of sources (`Pipeline.align`)."""

    sources: list[Source]  # in the canonical order, cleaned, with witnesses
    documents: list[Document]
    entities: list[Entity]
    alignment: Alignment
    warnings: list[str]  # each prefixed with its source's label


class Pipeline:
    """A configured newsweave pipeline; reuse one instance to keep the model loaded."""

    def __init__(
        self,
        *,
        model: str = DEFAULT_MODEL,
        words: int = DEFAULT_WORDS,
        similarity: Similarity = "lexical",
    ):
        self.model = model
        self.words = words
        self.similarity = similarity  # "lexical", or "embed" with the `embed` extra
        self._own_nlp: Any = None  # a model of its own (`fork`); else the shared one

    @property
    def nlp(self) -> Any:
        return self._own_nlp if self._own_nlp is not None else load(self.model)

    def fork(self) -> Pipeline:
        """The same options on a model of its own, so two threads can brief at once (the web
        app briefs uploads on a fork: a long upload never holds a story page)."""
        twin = Pipeline(model=self.model, words=self.words, similarity=self.similarity)
        twin._own_nlp = load_new(self.model)
        return twin

    def brief_paths(
        self,
        paths: Iterable[PathLike],
        *,
        meta: PathLike | None = None,
        fetcher: Fetcher | None = None,
        follow_links: bool = False,
    ) -> Brief:
        """Ingest files, folders and URLs (fetched with `fetcher`, see `read_paths`), then brief what could be read."""
        return self.brief_ingested(
            read_paths(paths, meta=meta, fetcher=fetcher, follow_links=follow_links)
        )

    def brief_example(self) -> Brief:
        """The brief of the bundled example story (ZTE, May 2018: AP and Reuters)."""
        return self.brief_ingested(example_sources())

    def brief_ingested(self, result: IngestResult) -> Brief:
        result.sources, empty = split_empty(result.sources)
        result.skipped += empty
        if not result.sources:
            reasons = (
                "; ".join(f"{s.path}: {s.reason}" for s in result.skipped) or "no input files given"
            )
            raise NoArticlesError(f"no article could be read ({reasons})")
        brief = self.run(result.sources)
        brief.skipped = list(result.skipped) + list(result.duplicates) + list(result.unchanged)
        brief.warnings = list(result.warnings) + brief.warnings
        return brief

    def run(self, sources: list[Source]) -> Brief:
        """Brief sources that are already ingested (their `raw` text and metadata set)."""
        return self.brief_aligned(*self.align(sources))

    def align(self, sources: list[Source]) -> Aligned:
        """Every stage up to alignment, named (`Aligned`; it unpacks as the 5-tuple it was). The
        sources are taken in one order whatever order they came in (oldest first, then by content
        id), so the same articles always give the same brief."""
        sources = sorted(sources, key=canonical_order)
        for source in sources:
            if not source.text:
                clean(source)
        assign_witnesses(sources)
        documents, entities = extract(sources, self.nlp)
        notes = Diagnostics()
        for document in documents:
            found: list[str] = []
            find_quotes(document, entities, found)
            for warning in found:
                notes.warn(warning, about=document.source.label)
        return Aligned(
            sources,
            documents,
            entities,
            align(documents, entities, similarity=self.similarity),
            notes.warnings,
        )

    def brief_aligned(
        self,
        sources: list[Source],
        documents: list[Document],
        entities: list[Entity],
        alignment: Alignment,
        warnings: list[str],
    ) -> Brief:
        """The brief of aligned sources: the alignment's parts plus the summary, the reader's
        caveats (`newsweave.caveats`) first among the warnings."""
        found = caveats(sources)
        return Brief(
            sources=sources,
            documents=documents,
            facts=alignment.facts,
            quotes=alignment.quotes,
            entities=entities,
            numbers=alignment.numbers,
            conflicts=alignment.conflicts,
            timeline=alignment.timeline,
            undated=alignment.undated,
            summary=summarize(alignment, words=self.words),
            warnings=[c.message for c in found] + warnings,
            figures=alignment.figures,
            caveats=found,
        )


def canonical_order(source: Source) -> tuple:
    """Undated sources first, then by publication date, then by content id."""
    return (source.published is not None, source.published or dt.date.min, source.id)


def brief(
    paths: Iterable[PathLike] | None = None,
    *,
    example: bool = False,
    meta: PathLike | None = None,
    words: int = DEFAULT_WORDS,
    model: str = DEFAULT_MODEL,
) -> Brief:
    """One call: the cross-source brief of news files/folders (or of the bundled example)."""
    pipeline = Pipeline(model=model, words=words)
    if example:
        return pipeline.brief_example()
    return pipeline.brief_paths(paths or [], meta=meta)
