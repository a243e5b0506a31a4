"""One type per name in a document, settled by evidence in its text (after `entities`).

The small model types each mention on its own, and often by the word alone: "Paris" is a
place even where "Paris claims she was sent ..." is a woman, "Holt" an organisation in his own
biography, "Harrow" a person once and a school twice. Here every mention of a name votes:

- the model's type, one vote a mention;
- a person, EVIDENCE votes: the name is the subject of a clause with a he/she of its own and
  no other person named in the sentence ("Paris claims she was ...", "Holt moved to left
  field. He ..."), or it has kin ("Paris's father");
- an organisation, EVIDENCE votes for a place: a country beside a score or the subject or
  object of a match verb in a sentence with one ("Sweden defeated South Korea 1-0") is its
  team.

The type with most votes is every mention's ("one name, one type"); a full name whose last
word was shown to be a person's by evidence is a person ("Valeska Paris" after "Paris claims
she"). A place named as the one speaking ("Malaysia said") is, in that mention, its government:
an organisation (`EntityMention.speaks`). One pass over the mentions and their sentences:
linear in the document.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

from ..lexicon import (
    CONTEST_VERBS,
    CUE_LEMMAS,
    FEMALE_PRONOUNS,
    KIN_NOUNS,
    MALE_PRONOUNS,
    PLACE_NOUNS,
    SERVICE_WORDS,
)
from ..models import EntityMention, EntityType

EVIDENCE = 3  # votes of one piece of evidence, against one vote a mention from the model
MIN_EVIDENCE = 2  # pieces of evidence a name needs before they count (one may be a misparse)
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_OBJECT_DEPS = {"dobj", "pobj"}
_BOUND_DEPS = {"dobj", "iobj", "dative"}
_GENDERED = MALE_PRONOUNS | FEMALE_PRONOUNS
_OPENING_PRONOUNS = {"he", "she"}
_QUOTE_MARKS = {'"', "“", "”", "``", "''"}
# A match score ("1-0", "3 – 0"): one or two digits each side of a dash.
_SCORE_TEXT = r"(?<![\d,.])\d{1,2}\s?[-–—]\s?\d{1,2}(?![\d,.])"
_SCORE = re.compile(_SCORE_TEXT)
_SCORE_END = re.compile(_SCORE_TEXT + r"$")


def settle_types(
    doc: Any,
    mentions: list[EntityMention],
    keys: list[str],
    maybe: frozenset[int] = frozenset(),
    stated: frozenset[int] = frozenset(),
) -> list[EntityMention]:
    """Give every mention the type its name wins in this document (`keys`: each mention's
    `name_key`, in the same order; `mentions` in text order). The mentions at the indices in
    `maybe` are names the model did not tag, proposed as people: they get no vote of their own
    and are kept only where the evidence makes their name a person's, or where it is the last
    word of a person's full name ("Ostrum" after "Mark Ostrum"). The mentions
    at the indices in `stated` were typed by the words around them ("in Banda Aceh", "Suka
    Makmur village", "Mr"), not by the model: evidence. Returns the mentions kept."""
    spans = [doc.char_span(m.span.start, m.span.end, alignment_mode="expand") for m in mentions]
    votes: dict[str, Counter[EntityType]] = defaultdict(Counter)
    person, score, match = Counter[str](), Counter[str](), Counter[str]()  # evidence by name
    for i, (m, key, span) in enumerate(zip(mentions, keys, spans)):
        votes[key][m.type] += EVIDENCE if i in stated else i not in maybe
        if span is None:
            continue
        person[key] += _person_evidence(i, mentions, spans)
        if m.type == "place":
            score[key] += _beside_score(span) or (_in_match(span) and _score_in(span.sent))
            match[key] += _in_match(span)
    for key, n in person.items():
        if n >= MIN_EVIDENCE:
            votes[key]["person"] += EVIDENCE * n
    for m, key in zip(mentions, keys):
        last = key.split()[-1] if key else key  # "...": a name of no words
        if score[key] and score[key] + match[key] >= MIN_EVIDENCE:
            m.type = "organisation"  # a team: beside a score once, in a match twice
        elif person[last] >= MIN_EVIDENCE and _winner(votes[last], m.type) == "person":
            m.type = "person"  # "Valeska Paris" after "Paris claims she ..." twice
        else:
            m.type = _winner(votes[key], m.type)
    surnames = {k.split()[-1] for m, k in zip(mentions, keys) if m.type == "person" and " " in k}
    proven = {k for k, n in person.items() if n >= MIN_EVIDENCE}
    for m, key, span in zip(mentions, keys, spans):
        # a government is "it", never "he" or "she" ("Denver said he would stay": a man)
        if m.type == "place" and not person[key] and span is not None and _speaking_place(span):
            m.type, m.speaks = "organisation", True
    return [
        m
        for i, (m, k) in enumerate(zip(mentions, keys))
        if i not in maybe or (m.type == "person" and (k in proven or k in surnames))
    ]


def _speaking_place(span: Any) -> bool:
    """A country or city named as the one speaking is its government, an organisation: the
    subject of a speech verb ("Malaysia said", "The North hit back, saying") or what a claim is
    "according to"; not a place inside the subject ("Bireun village residents said"), nor one
    with a settlement noun after it ("Bireun village said")."""
    root, doc = span.root, span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if root.pos_ != "PROPN" or (after is not None and after.lower_ in PLACE_NOUNS | {"'s", "’s"}):
        return False
    if root.lower_ in SERVICE_WORDS:
        return False  # "New York Police said": a force, not the city's government
    if root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according":
        return True
    if root.dep_ != "nsubj" or any(c.dep_ == "appos" for c in root.children):
        return False  # "the capital, Kuala Lumpur, a statement ... said": the statement speaks
    verb = root.head
    between = doc[min(span.end, verb.i) : max(span.start, verb.i)]
    if any(t.text == ":" or t.is_quote for t in between):
        return False  # "MD: A lot of people say": a speaker's label, not a subject
    return verb.lemma_.lower() in CUE_LEMMAS or any(
        c.dep_ in {"advcl", "xcomp"} and c.tag_ == "VBG" and c.lemma_.lower() in CUE_LEMMAS
        for c in verb.children
    )


def _winner(votes: Counter[EntityType], own: EntityType) -> EntityType:
    ranked = votes.most_common()
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return own  # a tie: each mention keeps the model's type
    return ranked[0][0]


def _person_evidence(i: int, mentions: list[EntityMention], spans: list[Any]) -> bool:
    """Kin ("Paris's father"); or, as a subject, a he/she in its sentence with no other name
    that could take it on the way ("Paris claims she ...", "In his first season, Holt
    batted"); or, as the main clause's subject, a next sentence that opens with "He"/"She"."""
    span = spans[i]
    if span.root.dep_ == "poss" and span.root.head.lemma_.lower() in KIN_NOUNS:
        return True
    if span.root.dep_ not in _SUBJECT_DEPS:
        return False
    sent = span.root.sent
    if _pronoun_after(i, mentions, spans, sent) or _pronoun_before(i, mentions, spans, sent):
        return True
    return span.root.head.dep_ == "ROOT" and _next_opens_with_pronoun(sent)


def _pronoun_after(i: int, mentions: list[EntityMention], spans: list[Any], sent: Any) -> bool:
    """A he/she/his/her after the name in its sentence, with no quote mark nor any other name
    that could take it (a person, or a subject) between them."""
    j = i + 1
    for tok in spans[i].doc[spans[i].end : sent.end]:
        while j < len(mentions) and mentions[j].span.end <= tok.idx:
            if _could_take(mentions[j], spans[j]):
                return False
            j += 1
        if tok.text in _QUOTE_MARKS:
            return False
        if tok.lower_ in _GENDERED and not _bound(tok, spans[i].root):
            return True
    return False


def _bound(pronoun: Any, subject: Any) -> bool:
    """ "the Church imprisoned her": an object of the subject's own verb is someone else."""
    return pronoun.dep_ in _BOUND_DEPS and pronoun.head.i == subject.head.i


def _pronoun_before(i: int, mentions: list[EntityMention], spans: list[Any], sent: Any) -> bool:
    """A his/her earlier in the sentence than the name, and no other name before it there."""
    if i > 0 and mentions[i - 1].span.start >= sent.start_char:
        return False
    before = spans[i].doc[sent.start : spans[i].start]
    return any(t.lower_ in _GENDERED for t in before) and not any(
        t.text in _QUOTE_MARKS for t in before
    )


def _could_take(m: EntityMention, span: Any) -> bool:
    return m.type == "person" or (span is not None and span.root.dep_ in _SUBJECT_DEPS)


def _next_opens_with_pronoun(sent: Any) -> bool:
    doc = sent.doc
    if any(t.text == ":" for t in sent[-2:]):
        return False  # what follows is what was said
    nxt = doc[sent.end] if sent.end < len(doc) else None
    while nxt is not None and nxt.is_space and nxt.i + 1 < len(doc):
        nxt = doc[nxt.i + 1]
    return nxt is not None and nxt.lower_ in _OPENING_PRONOUNS and nxt.is_sent_start


def _beside_score(span: Any) -> bool:
    """A score right before or after the name ("Sweden 1 – 0 Korea")."""
    doc = span.doc
    after = doc[span.end : span.end + 3].text
    before = doc[max(0, span.start - 3) : span.start].text
    return bool(_SCORE.match(after) or _SCORE_END.search(before))


def _in_match(span: Any) -> bool:
    """The subject or object of a match verb ("Belgium faced Panama", "lost to England")."""
    root = span.root
    if root.dep_ not in _SUBJECT_DEPS | _OBJECT_DEPS:
        return False
    verb = root.head.head if root.dep_ == "pobj" else root.head
    return verb.lemma_.lower() in CONTEST_VERBS


def _score_in(sent: Any) -> bool:
    return _SCORE.search(sent.text) is not None
