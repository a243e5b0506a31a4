"""The people of one document as pronouns see them: which sentence a mention is in, whether
an entity is a person, the names the model left untagged, and the subject a name stands as."""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from ..clean import paragraph_spans
from ..extract.nlp import BLANKED_NUMBER

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
MIN_ITEMS = 3  # numbered paragraphs that make a list whose items each present someone


def sentence_of(ctx: Any, offset: int) -> int:
    return bisect_right(sentence_starts(ctx), offset) - 1


def sentence_starts(ctx: Any) -> list[int]:
    if "sentence_starts" not in ctx.cache:
        ctx.cache["sentence_starts"] = [s.start_char for s in ctx.doc.sents]
    return ctx.cache["sentence_starts"]


def paragraph_of(ctx: Any, offset: int) -> int:
    """The number of the paragraph (a block between blank lines) the offset is in."""
    if "paragraph_starts" not in ctx.cache:
        ctx.cache["paragraph_starts"] = [a for a, _ in paragraph_spans(ctx.text)]
    return bisect_right(ctx.cache["paragraph_starts"], offset) - 1


def list_item(ctx: Any, offset: int) -> tuple[int, int] | None:
    """The item of a numbered list the offset is in ("4. Justin Roe told BBC News ...", its
    number blanked before the parse, `extract.nlp.unnumbered`): from its number to the next item's (the last item: to the end of its paragraph), in a list of
    at least MIN_ITEMS items; else None."""
    if "list_items" not in ctx.cache:
        starts = [m.start() for m in BLANKED_NUMBER.finditer(ctx.text)]
        items = []
        if len(starts) >= MIN_ITEMS:
            last = ctx.text.find("\n\n", starts[-1])
            ends = starts[1:] + [len(ctx.text) if last < 0 else last]
            items = list(zip(starts, ends, strict=True))
        ctx.cache["list_items"] = items
    return next((item for item in ctx.cache["list_items"] if item[0] <= offset < item[1]), None)


def untagged_names(ctx: Any) -> list[tuple[Any, str]]:
    """(token, person id) for each name word the model left untagged that stands alone and is
    a word of one person's name in the story ("Isabel and I" after "Isabel Ruiz"); a word of
    two people's names, or one beside another name word ("Isabel Smith"), is nobody here."""
    if "untagged" not in ctx.cache:
        doc, out = ctx.doc, []
        for tok in doc:
            if tok.pos_ != "PROPN" or not tok.is_title or ctx.mentioned(tok):
                continue
            beside = [doc[j] for j in (tok.i - 1, tok.i + 1) if 0 <= j < len(doc)]
            entity = ctx.entity_at(tok)
            if is_person(ctx, entity) and not any(t.pos_ == "PROPN" for t in beside):
                out.append((tok, entity))
        ctx.cache["untagged"] = out
    return ctx.cache["untagged"]


_MARKS = '"\u201c\u201d'


def pseudonym(ctx: Any, start: int, end: int) -> bool:
    """Is the name at [start, end) alone inside quote marks, a name the story gives someone
    it does not name ("“John” told the BBC", "a woman identified only as “Jane”"): nobody
    else of that name?"""
    text = ctx.text
    return start > 0 and end < len(text) and text[start - 1] in _MARKS and text[end] in _MARKS


def is_person(ctx: Any, entity_id: str | None) -> bool:
    entity = ctx.entities.get(entity_id) if entity_id else None
    return entity is not None and entity.type == "person"


def role_of(tok: Any) -> Any | None:
    """The token that stands as the subject for this name: itself, the role noun it is in
    apposition to ("Another official, Supriyadi, ... said"), or the noun it is a compound of
    ("Rubio spokesman Alex Conant" has its name as the head already)."""
    if tok.dep_ in SUBJECT_DEPS:
        return tok
    if tok.dep_ == "appos" and tok.head.dep_ in SUBJECT_DEPS:
        return tok.head
    return None


def in_quotes(ctx: Any, offset: int) -> bool:
    return offset in ctx.quoted
