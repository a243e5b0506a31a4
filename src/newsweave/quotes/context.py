"""What one document's attribution reads: its parse, its entity mentions and pronoun state
(`Context`), and what attribution returns (`Attribution`)."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..extract.entities import initials as name_initials
from ..lexicon import POLICE_INITIALS, PUBLIC_BODIES
from ..models import Entity, EntityMention
from .quoted import Quoted

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
NOT_PUBLIC = "\0not-public"  # `Context.earlier` key: names with no word of PUBLIC_BODIES
# "LAPD", "NYPD", "PSNI": a police force, no company
POLICE_ACRONYM = re.compile(r"[A-Z]{1,4}PD|" + "|".join(sorted(w.upper() for w in POLICE_INITIALS)))


@dataclass
class Attribution:
    entity_id: str | None
    text: str | None
    cue: str | None
    how: str | None
    at: tuple[int, int] | None = None  # the speaker's words in the text (char offsets)
    cue_at: tuple[int, int] | None = None  # the cue's words


@dataclass
class Context:
    """What one document's attribution needs: its parse, its entity mentions, and pronoun state."""

    doc: Any
    mentions: list[EntityMention]
    entities: dict[str, Entity]
    quoted: Quoted = field(default_factory=Quoted)  # the document's quote marks
    last_speaker: str | None = None  # the person last named or resolved as a speaker
    cache: dict[str, Any] = field(default_factory=dict)  # per-document tables (quotes.referents)
    _subjects: dict[tuple[int, int], bool] = field(default_factory=dict, repr=False)

    @functools.cached_property
    def text(self) -> str:
        """The parsed text, read once (spaCy rebuilds `doc.text` from every token on each read)."""
        return self.doc.text

    @functools.cached_property
    def _entity_by_offset(self) -> dict[int, str]:
        """The entity of each character offset inside a resolved mention (the first mention wins)."""
        out: dict[int, str] = {}
        for m in self.mentions:
            if m.entity_id is None:
                continue
            for i in range(m.span.start, m.span.end):
                out.setdefault(i, m.entity_id)
        return out

    def mentioned(self, tok: Any) -> bool:
        """Is the token inside a resolved mention?"""
        return tok.idx in self._entity_by_offset

    def entity_at(self, tok: Any) -> str | None:
        """The entity a token belongs to, by mention offsets or by a known surname."""
        found = self._entity_by_offset.get(tok.idx)
        if found is not None:
            return found
        found = self._by_surname(tok.text) if tok.pos_ == "PROPN" else None
        if found is None and (tok.is_upper or tok.is_title):
            found = self._one_word_names.get(tok.text)  # "LAPD", tagged a common noun
        return found

    @functools.cached_property
    def _one_word_names(self) -> dict[str, str]:
        """Organisations by a one-word name or alias ("LAPD") or by the initials of a name of
        three or more capitalised words ("PCTA"), for a mention the model missed in this
        document."""
        out: dict[str, str] = {}
        initials: dict[str, str] = {}  # "the PCTA": Pacific Crest Trail Association's
        for e in (e for e in self.entities.values() if e.type == "organisation"):
            for name in [e.name, *e.aliases]:
                if " " not in name:
                    out.setdefault(name, e.id)
            capitals = name_initials(e.name)
            if len(capitals) >= 3:
                initials.setdefault(capitals, e.id)
        return initials | out  # a name written out wins over initials

    def _by_surname(self, word: str) -> str | None:
        hits = self._people_by_word.get(word.casefold(), [])
        return hits[0] if len(hits) == 1 else None

    @functools.cached_property
    def _people_by_word(self) -> dict[str, list[str]]:
        """The ids of the people with each word in their name (once per person)."""
        out: dict[str, list[str]] = {}
        for e in self.entities.values():
            for word in set(e.name.casefold().split()) if e.type == "person" else ():
                out.setdefault(word, []).append(e.id)
        return out

    def earlier(self, etype: str, before: int, word: str | None = None) -> Iterator[EntityMention]:
        """The mentions of a type (with `word` in their lower-cased name; NOT_PUBLIC: with no
        word of a public body) that end by offset `before`, nearest first."""
        mentions, starts = self._of_type.get((etype, word), ([], []))
        for i in range(bisect.bisect_left(starts, before) - 1, -1, -1):
            if mentions[i].span.end <= before:
                yield mentions[i]

    @functools.cached_property
    def _of_type(self) -> dict[tuple[str, str | None], tuple[list[EntityMention], list[int]]]:
        out: dict[tuple[str, str | None], tuple[list[EntityMention], list[int]]] = {}
        for m in sorted(self.mentions, key=lambda m: m.span.start):
            words = set(m.text.lower().split())
            public = words & PUBLIC_BODIES or POLICE_ACRONYM.fullmatch(m.text)
            for word in [None, *words] + ([] if public else [NOT_PUBLIC]):
                mentions, starts = out.setdefault((m.type, word), ([], []))
                mentions.append(m)
                starts.append(m.span.start)
        return out

    def is_subject(self, m: EntityMention) -> bool:
        """Is the mention the grammatical subject of its clause (remembered per mention)?"""
        key = (m.span.start, m.span.end)
        if key not in self._subjects:
            span = self.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
            self._subjects[key] = span is not None and span.root.dep_ in SUBJECT_DEPS
        return self._subjects[key]


def recent_organisation(ctx: Context, before: int) -> str | None:
    """The organisation last named as a grammatical subject before offset `before`."""
    return next(
        (
            m.entity_id
            for m in ctx.earlier("organisation", before)
            if m.entity_id and ctx.is_subject(m)
        ),
        None,
    )
