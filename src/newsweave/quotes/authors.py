"""Who speaks through a document or an outlet: the author of "the statement said", "according to
its website", "Westlaw data", "an analysis led by Jane Roe", and the outlet that "the news
station" stands for.

A document's author, in order: an entity that names it ("Westlaw data", "the ministry's
statement"); the one it is "from", "by", "led by" or "attributed to"; the organisation "its" stands for (the
subject of the sentence, else the organisation last named as a subject); and, for "the
statement" or "a second statement", the author of the last such document named before it in
the same article ("the party said in a statement ... The statement said"). Nobody otherwise:
"a court filing" with no party named stays unnamed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..lexicon import (
    ANAPHORIC_DETERMINERS,
    ATTRIBUTING_VERBS,
    FURTHER_WORDS,
    ISSUING_VERBS,
    PERSONAL_PRONOUNS,
)
from .context import SUBJECT_DEPS, Context, recent_organisation
from .referents import chained

Resolve = Callable[[Any, Any], "str | None"]  # (speaker token, its verb) -> entity id
_BY = {"by", "from"}
DOCUMENT_REACH = 400  # tokens back to look for the statement "the statement" refers to


def document_author(ctx: Context, subj: Any, resolve: Resolve) -> str | None:
    """The entity a document noun speaks for, or None."""
    return (
        _naming_entity(ctx, subj)
        or _from_or_by(subj, resolve)
        or _its(ctx, subj)
        or (_issued_before(ctx, subj, resolve) if _refers_back(subj) else None)
    )


def _naming_entity(ctx: Context, subj: Any) -> str | None:
    """ "Westlaw data", "the ministry's statement": a name modifying the noun (a place's is no
    author: "a Cook County record" is the county's office's, not the county's); "her memoir":
    the person the chain of pronouns gave "her"."""
    for tok in subj.lefts:
        if tok.dep_ == "poss" and tok.lower_ in PERSONAL_PRONOUNS:
            return chained(ctx, tok)
        if tok.dep_ not in {"compound", "poss", "nmod"}:
            continue
        for word in tok.subtree:
            found = ctx.entity_at(word) if word.pos_ == "PROPN" else None
            entity = ctx.entities.get(found or "")
            if entity is not None and entity.type != "place":
                return entity.id
    return None


def _from_or_by(subj: Any, resolve: Resolve) -> str | None:
    """ "a statement from the ministry", "an analysis led by Jane Roe", "a report by the board";
    "an analysis of Wikipedia articles led by Jane Roe" (the parse hangs "led" on the
    articles)."""
    found = _issued_by(subj, resolve)
    if found is not None:
        return found
    for prep in (c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if any(c.dep_ == "acl" for c in obj.children):
                return _issued_by(obj, resolve)
    return None


def _issued_by(subj: Any, resolve: Resolve) -> str | None:
    """The object of the noun's own "from", "by", "led by" or "attributed to"."""
    for child in subj.children:
        if child.dep_ == "prep" and child.lower_ in _BY:
            return _object_entity(child, resolve)
        if child.dep_ == "acl":
            agent = next((c for c in child.children if c.dep_ in {"agent", "prep"}), None)
            if agent is not None and (
                agent.lower_ in _BY
                or (agent.lower_ == "to" and child.lemma_.lower() in ATTRIBUTING_VERBS)
            ):
                return _object_entity(agent, resolve)
    return None


def _object_entity(prep: Any, resolve: Resolve) -> str | None:
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return resolve(obj, prep) if obj is not None else None


def _its(ctx: Context, subj: Any) -> str | None:
    """ "according to its website": the organisation that is the subject of the sentence ("The
    clinic is licensed, according to its website"), else the one last named as a subject."""
    if not any(c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in subj.children):
        return None
    root = subj.sent.root
    for tok in (c for c in root.children if c.dep_ in SUBJECT_DEPS):
        found = ctx.entity_at(tok)
        entity = ctx.entities.get(found or "")
        if entity is not None and entity.type == "organisation":
            return entity.id
    return recent_organisation(ctx, subj.idx)


def _refers_back(subj: Any) -> bool:
    """ "the statement", "a second statement", "another filing": a document named before."""
    return any(
        c.lower_ in ANAPHORIC_DETERMINERS or c.lower_ in FURTHER_WORDS for c in subj.children
    )


def _issued_before(ctx: Context, subj: Any, resolve: Resolve) -> str | None:
    """The author of the nearest earlier document of the same noun in the article, if the text
    gives one ("X said in a statement", "In a statement, X put", "X issued a statement")."""
    doc, noun = subj.doc, subj.lemma_.lower()
    for tok in reversed(doc[max(0, subj.i - DOCUMENT_REACH) : subj.i]):
        if tok.lemma_.lower() == noun and tok.pos_ == "NOUN" and tok.idx not in ctx.quoted:
            return _naming_entity(ctx, tok) or _from_or_by(tok, resolve) or _issuer(tok, resolve)
    return None


def _issuer(noun: Any, resolve: Resolve) -> str | None:
    """The subject of the verb a document is issued by ("X issued a statement") or said in
    ("X said in a statement", "In its filing, X revealed")."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "in":
        verb = verb.head
    elif not (noun.dep_ == "dobj" and verb.lemma_.lower() in ISSUING_VERBS):
        return None
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    return resolve(subject, verb) if subject is not None and subject.i != noun.i else None


def last_reporter(ctx: Context, subj: Any) -> tuple[int, str] | None:
    """ "the news station reported": the outlet last credited before it in the article, as the
    object of "according to" or the subject of "reported" ("..., ABC7 reported. ... the station
    said"), however the model typed its name: (its offset, its entity id)."""
    doc = subj.doc
    for tok in reversed(doc[max(0, subj.i - DOCUMENT_REACH) : subj.i]):
        if tok.pos_ != "PROPN" or tok.idx in ctx.quoted or not _credited(tok):
            continue
        entity = ctx.entities.get(ctx.entity_at(tok) or "")
        if entity is not None and entity.type != "place":
            return tok.idx, entity.id
    return None


def _credited(tok: Any) -> bool:
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "to":
        return head.i > 0 and tok.doc[head.i - 1].lower_ == "according"
    return tok.dep_ in SUBJECT_DEPS and head.lemma_.lower() == "report"
