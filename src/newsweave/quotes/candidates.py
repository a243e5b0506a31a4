"""The people a pronoun may stand for in a document, built once per document: each person
mention (with the lone name words the model left untagged), and each person described as a
subject, not named ("a resident said", "the mayor"), with what `referents` scores them by:
their sentence, whether they are a subject or a speech cue's subject, their quote, a gender
from a gendered noun, and whose view a sentence gives ("For Roe, ...")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..lexicon import (
    FEMALE_WORDS,
    MALE_WORDS,
    PERSON_NOUNS,
    PERSON_ROLE_NOUNS,
    SPEECH_LEMMAS,
    VIEWPOINT_PREPOSITIONS,
    word_gender,
)
from .holders import role_holder
from .people import is_person, pseudonym, role_of, sentence_of, untagged_names

__all__ = ["Candidate", "candidates", "speech_cue"]


@dataclass
class Candidate:
    entity_id: str | None  # None: a person described, not named ("a resident")
    start: int  # character offsets of the mention
    end: int
    sentence: int
    subject: bool
    speech: bool
    quoted: int  # the quoted range the mention is in (`Quoted.index`), -1 outside quote marks
    gender: str | None = None  # of an unnamed candidate, from its noun ("a woman"); of a
    # pronoun resolved in the chain, from the pronoun ("she")
    pronoun: bool = False  # a he/she/him/her the chain resolved
    view: bool = False  # whose view the sentence gives ("For Roe, ...")


def candidates(ctx: Any) -> list[Candidate]:
    """The document's candidates in text order (cached in the document's `Context`)."""
    if "candidates" not in ctx.cache:
        people = [_named(ctx, m) for m in ctx.mentions if is_person(ctx, m.entity_id)]
        people += [_untagged(ctx, tok, e) for tok, e in untagged_names(ctx)]
        found = sorted(
            [c for c in people if c is not None] + _described(ctx), key=lambda c: c.start
        )
        ctx.cache["candidates"] = found
    return ctx.cache["candidates"]


def _untagged(ctx: Any, tok: Any, entity_id: str) -> Candidate:
    role = role_of(tok)
    return Candidate(
        entity_id,
        tok.idx,
        tok.idx + len(tok),
        sentence_of(ctx, tok.idx),
        role is not None,
        role is not None and speech_cue(role.head),
        ctx.quoted.index(tok.idx),
    )


def _named(ctx: Any, m: Any) -> Candidate | None:
    span = ctx.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    if span is None:
        return None
    role = role_of(span.root)
    if role is not None and _viewpoint_frame(role.head) is not None:
        role = None  # "For Roe, Warhol was a legend": the sentence is Roe's, not Warhol's
    frame = _viewpoint_frame(span.root.head) if span.root.dep_ == "pobj" else None
    view = frame is not None and frame.i == span.root.i
    return Candidate(
        None if pseudonym(ctx, m.span.start, m.span.end) else m.entity_id,
        m.span.start,
        m.span.end,
        sentence_of(ctx, m.span.start),
        role is not None or view,
        role is not None and speech_cue(role.head),
        ctx.quoted.index(m.span.start),
        view=view,
    )


def _viewpoint_frame(tok: Any) -> Any | None:
    """The person whose view a clause gives, in a frame opening its sentence ("For Kevin Roe, a
    USI instructor, Warhol was a legend. He said": he is Roe, whose view it was; "To Roe, ..."),
    given the frame's preposition or the clause's verb; else None."""
    verb = tok.head if tok.dep_ == "prep" else tok
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i < verb.i):
        first = prep.doc[prep.i - 1] if prep.i > 0 else None
        if prep.lower_ not in VIEWPOINT_PREPOSITIONS or not (
            first is None or first.is_sent_end or first.is_space or first.pos_ == "CCONJ"
        ):
            continue
        holder = next((c for c in prep.children if c.dep_ == "pobj"), None)
        after = prep.right_edge.i + 1
        if holder is not None and holder.pos_ == "PROPN" and prep.doc[after].text == ",":
            return holder
    return None


def speech_cue(verb: Any) -> bool:
    while verb.dep_ in {"conj", "xcomp"} and verb.head.i != verb.i:  # "he paused and added"
        if verb.lemma_.lower() in SPEECH_LEMMAS:
            return True
        verb = verb.head
    return verb.lemma_.lower() in SPEECH_LEMMAS


def _described(ctx: Any) -> list[Candidate]:
    """People described as a subject, not named (a place may modify them): a role noun ("The
    mayor complimented ...":
    the person the story gives that role, if one) or the common-noun subject of a speech cue
    ("a convention-goer said": nobody named), with no name in apposition; a gendered noun
    gives the gender."""
    covered = {m.span.start for m in ctx.mentions if m.type != "place"}  # "The Portland police
    # chief said": a place only modifies the role; a name in the phrase is the speaker
    out = []
    for tok in ctx.doc:
        if tok.dep_ != "nsubj" or tok.pos_ != "NOUN" or tok.tag_ in {"NNS", "NNPS"}:
            continue
        word, speech = tok.lower_, speech_cue(tok.head)
        role = word in PERSON_ROLE_NOUNS or word in FEMALE_WORDS or word in MALE_WORDS
        someone = word in PERSON_NOUNS and _indefinite(tok)  # "A British journalist met Roe"
        if (
            not (speech or role or someone)
            or any(c.dep_ == "appos" for c in tok.children)
            or any(t.idx in covered for t in tok.subtree)
        ):
            continue
        gender = word_gender(word)
        holder = None if someone and not role else _holder(ctx, tok, role)
        out.append(
            Candidate(
                holder,
                tok.idx,
                tok.idx + len(tok),
                sentence_of(ctx, tok.idx),
                True,
                speech,
                ctx.quoted.index(tok.idx),
                gender,
            )
        )
    return out


def _indefinite(tok: Any) -> bool:
    """Does the noun open with "a"/"an" (someone not met before)?"""
    return any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in tok.children)


def _holder(ctx: Any, tok: Any, role: bool) -> str | None:
    """The person a described subject is: a role noun's holder ("the mayor"); for another noun
    that speaks, only where the words before it meet a stated role ("The Portland police chief
    said" is Randy Wright, "Portland police chief" another outlet; "a convention-goer" nobody)."""
    lemma = tok.lemma_.lower()
    if role:
        return role_holder(ctx, tok.idx, lemma)
    words = frozenset(c.lower_ for c in tok.children if c.dep_ == "compound" and c.is_alpha)
    return role_holder(ctx, tok.idx, lemma, words) if words else None
