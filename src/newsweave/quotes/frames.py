"""Speakers given by layout rather than by a speech verb.

- a signature after the quote: "“We can build a wall.” ― Steve Quinlan";
- a label before it at the start of a paragraph: "Pamela Padilla: “He is ignorant ...”",
  "PENCE: Well, look, ..." (a transcript line);
- a colon ending the clause before it: "Obama has a new message: “It's about me.”";
- a list of someone's sayings under headings: "Some favorite Sementilli quotes:" ¶
  "ON HAPPINESS: “...”" ¶ "ON VISION: “...”" (the heading names nobody);
- an interview printed as a transcript, with no quote marks: "Peter Travers: We live now ..." ¶
  "Matt Damon: I think ..." ¶ "PT: ..." ¶ "MD: ..." (each turn a direct quote of the person
  its label names, initials included, once two people are labelled so).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from typing import Any

from ..extract.entities import initials
from ..lexicon import INVERTED_CUES, PERSONAL_PRONOUNS, PRONOUNS, SAYING_NOUNS
from .finder import QuoteSpan
from .quoted import Quoted, in_quotes
from .speakers import Attribution, Context, remember, resolve_subject, syntactic_subject

_SIGNATURE = re.compile(r'"?\s*[\u2015\u2014\u2013-]{1,2}\s*(?=[A-Z])')
# "Name:", "Rep. Trey Gowdy (R-S.C.):" (a party and state in brackets), the quote may touch the colon
_LABEL = re.compile(
    r"(?P<name>[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3})(?: \([^()\n]{1,12}\))?:(?:\s|$)"
)
# "HEADLINE - Jane Roe: “...”", "More from Roe and Poe: “...”": a name set off before the colon
_HEADED_NAME = re.compile(
    r"(?:\s[-\u2013\u2014]\s*|\b[Ff]rom )(?P<name>[A-Z][\w.'\u2019-]*(?: (?:and )?[A-Z][\w.'\u2019-]*){0,4})$"
)
MAX_NAME_TOKENS = 5
MAX_SIGNED_TOKENS = 14  # "-President Obama, tweeting after Clinton's speech."
_DASHES = set("\u2015\u2014\u2013-")
_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_PERSONAL = (PRONOUNS - {"it"}) | PERSONAL_PRONOUNS  # who may sign or head a quote ("his" own)
MAX_LIST = 12  # headed paragraphs between a list's introduction and a quote of it


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


def signed_paragraph(ctx: Context, text: str, para_start: int, para_end: int) -> Attribution | None:
    """A paragraph that is only a dash and a name, with at most a short description and no
    finite verb ("-Jane Roe, tweeting after the speech."), signs the quote paragraph before it
    (fact-check and notebook style). A dash line that says something ("-Pollster Jane Roe
    warned of ...") is a list item, not a signature."""
    if text[para_start : para_start + 1] not in _DASHES:
        return None
    words = ctx.doc.char_span(para_start, para_end, alignment_mode="expand")
    if words is None or len(words) > MAX_SIGNED_TOKENS or any(t.tag_ in _FINITE for t in words):
        return None
    first = next((t for t in words if not t.is_punct), None)
    if first is None or first.pos_ != "PROPN":
        return None  # "– An immigrant himself –" is a subheading
    return signature(ctx, text, para_start, para_end)


def label(ctx: Context, text: str, para_start: int, quote_start: int) -> Attribution | None:
    """ "Name:" opening the paragraph, right before the quote (or the transcript line)."""
    m = _LABEL.match(text, para_start, quote_start)
    if m is None or text[m.end() : quote_start].strip(' "') or m.start("name") != para_start:
        return None
    name = _name_at(ctx, para_start, m.end("name"))
    if name is None or is_heading(name):
        return None
    return _attribution(ctx, name, (m.end("name"), m.end("name") + 1))


# An interview printed as a transcript: each turn a paragraph opening with its speaker's label and
# a colon, no quote marks ("Peter Travers: We live now ..." ¶ "Matt Damon: I think ..." ¶ "PT:
# ..." ¶ "MD: ..."). A document's turns are read as such only when two or more people are
# labelled so; a label of initials is the labelled person whose name has them. A paragraph with
# no label between two turns continues the turn before it.
MIN_TURNS = 2


def transcript_turns(
    text: str, paragraphs: list[tuple[int, int]], mentions: list[Any]
) -> list[tuple[tuple[int, int], tuple[int, int], QuoteSpan]]:
    """(label, the label naming that person in full, words) of each turn of a transcript (see
    above), by the person mentions at the labels; [] for a document with none."""
    labelled = []
    for start, end in paragraphs:
        m = _LABEL.match(text, start, end)
        body = m.end() if m is not None else end
        if m is None or m.start("name") != start or body >= end or text[body] in "\"'":
            continue
        labelled.append(((start, m.end("name")), QuoteSpan(body, end, True)))
    people = {m.span.start: m.span.end for m in mentions if m.type == "person"}
    full: dict[str, tuple[int, int]] = {}
    for (a, b), _ in labelled:
        if a in people and people[a] <= b:
            full.setdefault(initials(text[a:b]), (a, b))
    if len(full) < MIN_TURNS:
        return []
    out = []
    for (a, b), words in labelled:
        label = text[a:b]  # a name, or its initials ("PT")
        named = full.get(label if label.isupper() else initials(label))
        if named is not None and (text[a:b] == text[slice(*named)] or text[a:b].isupper()):
            out.append(((a, b), named, words))
    return out + _continued_turns(text, paragraphs, out)


def _continued_turns(
    text: str,
    paragraphs: list[tuple[int, int]],
    turns: list[tuple[tuple[int, int], tuple[int, int], QuoteSpan]],
) -> list[tuple[tuple[int, int], tuple[int, int], QuoteSpan]]:
    """A paragraph with no label between two turns goes on with the turn before it ("Matt
    Damon: I think ..." ¶ "And we live in this culture ..." ¶ "PT: ..."), unless it opens
    with a quote mark (the article's own words around a quote)."""
    out = []
    for before, after in itertools.pairwise(turns):
        for start, end in paragraphs:
            if before[2].end < start < after[0][0] and text[start] not in "\"'\u201c\u2018":
                out.append((before[0], before[1], QuoteSpan(start, end, True)))
    return out


def turn_speaker(ctx: Context, label: tuple[int, int], named: tuple[int, int]) -> Attribution:
    """The speaker of a transcript turn: the person its full label names, at its own label."""
    name = _name_at(ctx, *named)
    colon = (label[1], label[1] + 1)
    found = Attribution(None, ctx.text[slice(*label)], ":", "role", label, colon)
    if name is not None:
        found = dataclasses.replace(_attribution(ctx, name, colon), at=label)
        found.text = ctx.text[slice(*label)] if found.entity_id is None else found.text
    return found


def is_heading(name: Any) -> bool:
    """An upper-case label with a function word ("ON HAPPINESS", "PAYING IT FORWARD") heads a
    section and names nobody (a transcript's "PENCE:" or "MODERATOR:" has none)."""
    words = [t for t in name if t.is_alpha]
    return bool(words) and all(t.is_upper for t in words) and any(t.is_stop for t in words)


def listed(
    ctx: Context, text: str, paragraphs: list[tuple[int, int]], at: int
) -> Attribution | None:
    """ "Some of our favorite Sementilli quotes:" ¶ "ON HAPPINESS: “...”" ¶ "ON VISION: “...”": a
    paragraph ending in a colon that names someone's quotes (or sayings, words, tweets)
    introduces a list of them, and each paragraph under a heading after it is theirs."""
    if not _headed(ctx, text, *paragraphs[at]):
        return None
    for k in range(at - 1, max(-1, at - 1 - MAX_LIST), -1):
        start, end = paragraphs[k]
        if text[start:end].rstrip().endswith(":"):
            return _sayings_of(ctx, start, end)
        if not _headed(ctx, text, start, end):
            return None
    return None


def _headed(ctx: Context, text: str, start: int, end: int) -> bool:
    """Does the paragraph open with a heading and a colon, then a quote?"""
    m = _LABEL.match(text, start, end)
    if m is None or not text[m.end() : end].lstrip().startswith('"'):
        return False
    name = _name_at(ctx, start, m.end("name"))
    return name is not None and is_heading(name)


def _sayings_of(ctx: Context, start: int, end: int) -> Attribution | None:
    """The name right before a saying noun of the paragraph ("Sementilli quotes", "Trump's
    tweets"), as the speaker."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    for tok in span if span is not None else []:
        if tok.lower_.removesuffix("s") not in SAYING_NOUNS or tok.i == 0:
            continue
        owner = tok.doc[tok.i - 1]
        if owner.lower_ in {"'s", "\u2019s"} and owner.i > 0:
            owner = tok.doc[owner.i - 1]
        if owner.pos_ == "PROPN" and ctx.entity_at(owner) is not None:
            return _attribution(ctx, owner.doc[owner.i : owner.i + 1], _chars(tok))
    return None


def _chars(tok: Any) -> tuple[int, int]:
    return tok.idx, tok.idx + len(tok)


def colon_lead(ctx: Context, text: str, quote_start: int, quoted: Quoted) -> Attribution | None:
    """ "Obama is rolling out a new message: 'It's about me.'": the subject of the clause the
    colon ends speaks the quote."""
    at = _colon_before(text, quote_start)  # the colon may end the previous paragraph
    colon = ctx.doc.char_span(at, at + 1, alignment_mode="expand") if at is not None else None
    if colon is None:
        return None
    subject = _owner(_clause_subject(colon[0], quoted))
    if subject is None or (subject.pos_ == "PRON" and subject.lower_ not in _PERSONAL):
        return None  # "It was simple: ..." names nobody
    return resolve_subject(ctx, subject, colon[0])


def _owner(subject: Any | None) -> Any | None:
    """ "His favorite quote was his own:", "Trump's message was clear:": the one whose saying
    the subject is speaks the quote; any other subject speaks for itself."""
    if subject is None or subject.lemma_.lower() not in SAYING_NOUNS:
        return subject
    return next((c for c in subject.children if c.dep_ == "poss"), subject)


def _colon_before(text: str, quote_start: int) -> int | None:
    """Offset of the colon that ends the text right before the quote (marks, spaces and a
    paragraph break between), if there is one."""
    i = quote_start - 1
    while i > 0 and text[i - 1] in ' "\n':
        i -= 1
    return i - 1 if i > 0 and text[i - 1] == ":" else None


def headed_lead(ctx: Context, text: str, quote_start: int) -> Attribution | None:
    """A name set off by a dash (or "from") right before the colon before the quote labels it
    ("POLLS TIGHTEN - Jane Roe: “...”"), whatever the clause before the dash says or whoever
    its verb names; it is layout, and wins over a cue."""
    colon = _colon_before(text, quote_start)
    return _headed_label(ctx, text, colon) if colon is not None else None


def _headed_label(ctx: Context, text: str, colon: int) -> Attribution | None:
    """A name set off by a dash (or "from") right before the colon labels the quote after it
    ("POLLS TIGHTEN - Jane Roe: “...”"), whatever the clause before the dash says."""
    m = _HEADED_NAME.search(text, max(0, colon - 80), colon)
    name = _name_at(ctx, m.start("name"), colon) if m is not None else None
    return _attribution(ctx, name, (colon, colon + 1)) if name is not None else None


def _clause_subject(colon: Any, quoted: Quoted) -> Any | None:
    """The subject of the verb the colon ends ("Obama is rolling out a message:"), or the name
    of an inverted cue ("Said Ellis:"). The parser may hang the colon on the quote's own verb:
    then the clause is the one of the word before the colon ("was his own:")."""
    head = colon.head
    if head.pos_ == "PROPN" and any(c.lower_ in INVERTED_CUES for c in head.children):
        return head
    if in_quotes(head, quoted) and colon.i > 0:
        head = colon.doc[colon.i - 1]
    while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i:
        head = head.head
    if head.pos_ not in {"VERB", "AUX"} or in_quotes(head, quoted):
        return None
    return syntactic_subject(head, quoted)


def _name_at(ctx: Context, start: int, end: int) -> Any | None:
    """The proper-noun phrase beginning at `start` (up to a few words), as a spaCy span."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    words: list[Any] = []
    for tok in span:
        if (tok.pos_ != "PROPN" and not (tok.is_title or tok.is_upper)) or len(
            words
        ) == MAX_NAME_TOKENS:
            break
        words.append(tok)
    return span[: len(words)] if words else None


def _attribution(ctx: Context, name: Any, cue_at: tuple[int, int]) -> Attribution:
    entity_id = next((e for e in (ctx.entity_at(t) for t in name) if e), None)
    if entity_id is not None:
        remember(ctx, entity_id)
    cue = ctx.text[cue_at[0] : cue_at[1]]
    return Attribution(
        entity_id,
        name.text,
        cue,
        "named" if entity_id else "role",
        (name.start_char, name.end_char),
        cue_at,
    )
