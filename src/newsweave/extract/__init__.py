"""Stage 4, extract: sentences, entities (merged across sources), numbers and dates.

Input: cleaned `Source`s. Output: one `Document` per source and the list of `Entity`s that
all sources share, each mention pointing at offsets in its source's cleaned text.
"""

from __future__ import annotations

from typing import Any

from ..models import Document, Entity, Source
from .dates import find_dates
from .entities import entity_mentions, sentences
from .figures import figure_kind, same_kind_in_brackets, zero_tolls
from .nlp import DEFAULT_MODEL, load, load_new, parse
from .numbers import find_numbers
from .resolve import resolve_entities

__all__ = ["DEFAULT_MODEL", "extract", "load", "load_new"]


def extract(sources: list[Source], nlp: Any) -> tuple[list[Document], list[Entity]]:
    """Parse every source once and extract what later stages need."""
    docs = parse(nlp, [s.text for s in sources])
    documents = [_document(source, doc) for source, doc in zip(sources, docs)]
    entities = resolve_entities(m for d in documents for m in d.entity_mentions)
    return documents, entities


def _document(source: Source, doc: Any) -> Document:
    numbers = find_numbers(source.text, source.id, doc=doc) + zero_tolls(source.text, source.id)
    numbers.sort(key=lambda n: n.span.start)
    for n in numbers:
        n.kind = figure_kind(n, doc)
    same_kind_in_brackets(numbers, source.text)
    return Document(
        source=source,
        sentences=sentences(doc, source.id),
        entity_mentions=entity_mentions(doc, source.id),
        numbers=numbers,
        dates=find_dates(source.text, source.id, source.published),
        nlp=doc,
    )
