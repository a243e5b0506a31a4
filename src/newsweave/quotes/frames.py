"""Speakers given by layout rather than by a speech verb.

- a signature after the quote: "“We can build a wall.” ― Steve Quinlan";
- a label before it at the start of a paragraph: "Pamela Padilla: “He is ignorant ...”",
  "PENCE: Well, look, ..." (a transcript line).
"""

from __future__ import annotations

import re
from typing import Any

from .speakers import Attribution, Context, remember

_SIGNATURE = re.compile(r'"?\s*[\u2015\u2014\u2013-]{1,2}\s*(?=[A-Z])')
_LABEL = re.compile(r"(?P<name>[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3}):\s")
MAX_NAME_TOKENS = 5


def signature(ctx: Context, text: str, quote_end: int, para_end: int) -> Attribution | None:
    """The name signed after a closed quote with a dash, if that is all that follows it."""
    m = _SIGNATURE.match(text, quote_end, para_end)
    if m is None:
        return None
    name = _name_at(ctx, m.end(), para_end)
    if name is None:
        return None
    dash = (m.end() - len(m.group().lstrip('" ')), m.end())
    return _attribution(ctx, name, dash)


def label(ctx: Context, text: str, para_start: int, quote_start: int) -> Attribution | None:
    """"Name:" opening the paragraph, right before the quote (or the transcript line)."""
    m = _LABEL.match(text, para_start, quote_start)
    if m is None or text[m.end() : quote_start].strip(' "') or m.start("name") != para_start:
        return None
    name = _name_at(ctx, para_start, m.end("name"))
    return _attribution(ctx, name, (m.end("name"), m.end("name") + 1)) if name is not None else None


def _name_at(ctx: Context, start: int, end: int) -> Any | None:
    """The proper-noun phrase beginning at `start` (up to a few words), as a spaCy span."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    words = []
    for tok in span:
        if tok.pos_ != "PROPN" and not (tok.is_title or tok.is_upper) or len(words) == MAX_NAME_TOKENS:
            break
        words.append(tok)
    return span[: len(words)] if words else None


def _attribution(ctx: Context, name: Any, cue_at: tuple[int, int]) -> Attribution:
    entity_id = next((e for e in (ctx.entity_at(t) for t in name) if e), None)
    if entity_id is not None:
        remember(ctx, entity_id)
    cue = ctx.doc.text[cue_at[0] : cue_at[1]]
    return Attribution(entity_id, name.text, cue, "named" if entity_id else "role",
                       (name.start_char, name.end_char), cue_at)
