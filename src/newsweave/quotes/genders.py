"""A person's gender, only where the text gives it: an honorific or gendered title before the
name, a gendered role noun with it, a gendered noun it is given to ("a girl named Isabel"), and
the he/she of sentences where that person is the only one named. No first-name lexicon."""

from __future__ import annotations

from typing import Any

from ..lexicon import (
    FEMALE_PRONOUNS,
    FEMALE_WORDS,
    MALE_PRONOUNS,
    MALE_WORDS,
    NAMING_PARTICIPLES,
    REFLEXIVE_PRONOUNS,
    word_gender,
)
from .people import SUBJECT_DEPS, in_quotes, is_person, role_of, sentence_of, untagged_names

HONORIFIC_VOTES = 3  # an honorific outweighs a few pronouns


def genders(ctx: Any) -> dict[str, str]:
    """{entity id: "m" | "f"} for the people whose gender the text gives."""
    if "genders" not in ctx.cache:
        votes: dict[str, list[int]] = {}
        for m in ctx.mentions:
            if is_person(ctx, m.entity_id):
                _vote_words(ctx, m, votes.setdefault(m.entity_id, [0, 0]))
        for tok, entity in untagged_names(ctx):
            _vote_naming(tok, votes.setdefault(entity, [0, 0]))
        _vote_pronouns(ctx, votes)
        ctx.cache["genders"] = {
            e: ("m" if v[0] > v[1] else "f")
            for e, v in votes.items()
            if max(v) >= 1 and min(v) * 2 < max(v)
        }
    return ctx.cache["genders"]


def _vote_words(ctx: Any, m: Any, v: list[int]) -> None:
    """An honorific or a gendered title before the name, a gendered role noun stated with it."""
    span = ctx.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    before = span.doc[span.start - 1] if span is not None and span.start > 0 else None
    words = (
        [before.lower_.rstrip(".")]
        if before is not None and not before.is_sent_end and not before.is_space
        else []
    )
    if m.role is not None:
        words += [w.lower().strip(",.") for w in m.role.text.split()]
    if span is not None:
        _vote_naming(span.root, v)
    for w in words:
        if w in MALE_WORDS:
            v[0] += HONORIFIC_VOTES
        elif w in FEMALE_WORDS:
            v[1] += HONORIFIC_VOTES


def _vote_naming(name: Any, v: list[int]) -> None:
    """A gendered noun the name is given to: "a girl named Isabel", "a man called Roe"."""
    verb = name.head
    if verb.lower_ not in NAMING_PARTICIPLES or verb.dep_ != "acl" or name.i < verb.i:
        return
    noun = verb.head.lower_
    v[0] += HONORIFIC_VOTES * (noun in MALE_WORDS)
    v[1] += HONORIFIC_VOTES * (noun in FEMALE_WORDS)


def _vote_pronouns(ctx: Any, votes: dict[str, list[int]]) -> None:
    """In a sentence that names exactly one person, as the subject: a possessive or reflexive in
    that subject's clause ("Ruiz said her brother ..."); and the "He"/"She" opening the next
    sentence when it names nobody ("Ruiz spoke. She said ...")."""
    subject_of: dict[int, list[tuple[str, Any]]] = {}
    named: set[int] = set()
    for m in ctx.mentions:
        if is_person(ctx, m.entity_id) and not in_quotes(ctx, m.span.start):
            s = sentence_of(ctx, m.span.start)
            named.add(s)
            span = ctx.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
            role = role_of(span.root) if span is not None else None
            subject_of.setdefault(s, []).append((m.entity_id, role))
    sents = list(ctx.doc.sents)
    for s, found in subject_of.items():
        if len({e for e, _ in found}) != 1:
            continue
        entity, role = found[0][0], next((r for _, r in found if r is not None), None)
        v = votes[entity]
        rivals = _gendered_nouns(sents[s])
        if role is not None:
            for tok in role.head.subtree:
                if _own_possessive(tok, role):
                    v[0] += tok.lower_ in MALE_PRONOUNS and "m" not in rivals
                    v[1] += tok.lower_ in FEMALE_PRONOUNS and "f" not in rivals
        opening = sents[s + 1][0] if s + 1 < len(sents) and s + 1 not in named else None
        if opening is not None and not in_quotes(ctx, opening.idx):
            v[0] += opening.lower_ == "he" and "m" not in rivals
            v[1] += opening.lower_ == "she" and "f" not in rivals


def _gendered_nouns(sent: Any) -> set[str]:
    """The genders of the common nouns of people in the sentence ("the girl", "a young woman"):
    a his/her or the next sentence's he/she may be theirs, so they give no one's gender ("Gagan
    said the girl was walking to meet her father")."""
    out = set()
    for t in sent:
        if t.pos_ == "NOUN" and not any(c.tag_ == "PRP$" for c in t.children):  # not "his wife"
            gender = word_gender(t.lower_)
            out |= {gender} if gender else set()
    return out


def _own_possessive(tok: Any, subject: Any) -> bool:
    """A his/her/himself/herself of the subject's clause, not inside the subject ("Her former
    professor, Koolhaas, said": her is not the professor)."""
    if tok.tag_ != "PRP$" and tok.lower_ not in REFLEXIVE_PRONOUNS:
        return False
    inside = subject.left_edge.i <= tok.i <= subject.right_edge.i
    return not inside and _same_clause(tok, subject)


def _same_clause(tok: Any, subject: Any) -> bool:
    """Does no other verb with a subject of its own stand between the pronoun and the subject's
    verb ("Melanie said to the nominee, who began his speech": his is the nominee's)?"""
    head = tok.head
    while head.i != subject.head.i and head.head.i != head.i:
        if head.pos_ in {"VERB", "AUX"} and any(c.dep_ in SUBJECT_DEPS for c in head.children):
            return False
        head = head.head
    return True
