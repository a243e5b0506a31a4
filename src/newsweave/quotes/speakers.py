"""Who said it: the speaker of a quote, from the parse of the sentences around it.

Order of evidence: a speech cue (said, told, tweeted, wrote, warned, according to, ...) outside
the quote marks and its grammatical subject, which may be a name, a pronoun ("She said" -> the
person "she" last referred to) or a role ("the spokesman" -> the person with that role); else
the speaker of the previous quote in the same paragraph (a quote continued after "he said");
else nobody (`None`), never a guess.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from ..lexicon import (
    ADDRESSEE_CUES,
    CUE_LEMMAS,
    EPITHET_NOUNS,
    HOLDER_VERBS,
    INVERTED_CUES,
    MEANS_VERBS,
    PERSON_ROLE_NOUNS,
    PERSONAL_PRONOUNS,
    PLACE_NOUNS,
    PLURAL_PRONOUNS,
    PRONOUNS,
    RELATIVES,
    SPEAKING_GROUPS,
    STATEMENT_NOUNS,
    word_gender,
)
from .context import SUBJECT_DEPS, Attribution, Context, recent_organisation
from .evidence import evidence_in_report
from .genders import genders
from .people import pseudonym
from .quoted import NOT_QUOTED, Quoted, in_quotes
from .referents import referent
from .roles import by_role, entity_in_phrase, titled_person

MAX_NAME_WORDS = 6  # words of "Rubio spokesman Alex Conant" after an inverted cue
MAX_APPOSITIVE = 16  # tokens of ", a spokesman for the ministry," between a name and its cue
MAX_PHRASE_WORDS = 8  # words of "Texas delegate Bill Eastland" between a closing mark and its cue
# Links climbed from a cue to the verb whose subject speaks ("..., saying", "before asking her").
_CLIMB = {"advcl", "conj", "xcomp", "ccomp", "relcl", "pcomp", "prep"}
_SOURCE = {"in", "by"}  # "as reported in X", "as stated by X"
_AGE = re.compile(r"\b\d{1,3}-year-old\b")
_AGE_AFTER = re.compile(r", \d{1,3} ?,")
PLURAL_REACH = 80  # tokens back to look for the plural noun a "they" may stand for


def cue_tokens(span: Any, quoted: Quoted) -> list[Any]:
    """Speech-cue tokens of a span that stand outside every quote."""
    out = []
    for tok in span:
        if tok.idx in quoted:
            continue
        if (tok.pos_ in {"VERB", "AUX"} and tok.lemma_.lower() in CUE_LEMMAS) or (
            tok.lower_ == "according"
            and tok.i + 1 < len(tok.doc)
            and tok.doc[tok.i + 1].lower_ == "to"
        ):
            out.append(tok)
    return out


def attribute(
    ctx: Context,
    cues: list[Any],
    quote_start: int,
    quoted: Quoted = NOT_QUOTED,
    quote_end: int | None = None,
) -> Attribution | None:
    """The speaker given by the cue nearest the quote that has a usable subject. Nearness is
    measured from the quote's edges: '"<long quote>," she said' is nearer to "she said" than
    to a cue in the sentence before it."""
    end = quote_start if quote_end is None else quote_end
    for cue in sorted(cues, key=lambda t: _gap(t, quote_start, end)):
        subject = _subject(cue, quoted)
        if subject is not None:
            return resolve_subject(ctx, subject, cue)
    return None


def _gap(cue: Any, start: int, end: int) -> int:
    """Characters between a cue and the span [start, end) (0 inside it)."""
    if cue.idx < start:
        return start - (cue.idx + len(cue))
    return max(0, cue.idx - end)


def _subject(cue: Any, quoted: Quoted = NOT_QUOTED) -> Any | None:
    """The grammatical subject of a cue verb, climbing through "..., saying" and conjunctions,
    and past verbs inside quotes (the subject of quoted words is not their speaker); else a
    name right beside the cue, where the parser left it without a subject."""
    if cue.lower_ == "according":
        to = cue.doc[cue.i + 1]
        return next((c for c in to.children if c.dep_ == "pobj"), None)
    return (
        _source_of_as(cue)
        or syntactic_subject(cue, quoted)
        or _adjacent_name(cue, quoted)
        or inverted_speaker(cue, quoted)
        or speaker_after_mark(cue, quoted)
    )


def _source_of_as(cue: Any) -> Any | None:
    """ "as reported in the Ledger", "as stated by Roe": the name after the participle speaks,
    not the subject of the clause the "as" phrase hangs on."""
    if cue.tag_ != "VBN" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        return None
    for prep in (c for c in cue.children if c.dep_ in {"prep", "agent"} and c.lower_ in _SOURCE):
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.pos_ == "PROPN":
            return obj
    return None


def syntactic_subject(cue: Any, quoted: Quoted) -> Any | None:
    verb = cue
    for _ in range(5):
        skip = in_quotes(verb, quoted) or (verb is not cue and _reported(verb, quoted))
        subj = None if skip else _nearest_subject(verb, quoted)
        if subj is not None and verb is cue and evidence_in_report(cue, subj):
            subj = _nearest_subject(cue.head, quoted) or subj  # "X said the fact showed"
        if subj is not None and subj.dep_ == "nsubjpass" and verb is cue:
            return _agent(cue)  # "no injuries were reported", "he was told by aides that"
        if subj is not None:
            # "McCaskill, who said ...": the speaker is the noun the clause hangs on
            if subj.lower_ in RELATIVES and verb.dep_ == "relcl":
                return _holder(_antecedent(verb.head) if subj.lower_ == "who" else verb.head)
            return subj
        if verb.dep_ not in _CLIMB or verb.head.i == verb.i:
            return None
        if _participle_on_infinitive(verb):
            verb = verb.head.head  # its sibling, the participle the infinitive hangs on
            continue
        controller = _object_control(verb, quoted) or _quoted_as(verb, quoted)
        if controller is not None:
            return controller
        verb = verb.head
    return None


def _participle_on_infinitive(verb: Any) -> bool:
    """ "urging people to stay home and warning them that ...": a participle the parse joins to
    an infinitive is no part of it (an infinitive's conjunct is bare), so whoever the infinitive
    is asked of does not say it; it goes on the participle the infinitive hangs on."""
    head = verb.head
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBG"
        and head.tag_ == "VB"
        and head.dep_ == "xcomp"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
    )


def _antecedent(noun: Any) -> Any:
    """The noun a relative clause stands for: the one it hangs on, but for "who" on a thing in a
    prepositional phrase ("Jane Roe, a member of a commission who suggested"), the person the
    phrase describes (the parse hangs the clause on the nearest noun)."""
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or _is_person_word(noun):
        return noun
    tok = noun
    while tok.dep_ in {"pobj", "prep"} and tok.head.i != tok.i:
        tok = tok.head
    if not _is_person_word(tok):
        return noun
    return tok.head if tok.dep_ == "appos" and tok.head.pos_ == "PROPN" else tok


def _holder(noun: Any) -> Any:
    """ "Roe held a sign that read", "Poe played the host, who chastised", "Roe wrote an article
    for the website that said": the one who holds, acts out or writes the thing speaks, not the
    thing (nor a noun the parse hung the clause on inside its phrase)."""
    thing = noun
    while thing.dep_ == "pobj" and thing.head.dep_ == "prep" and thing.head.head.pos_ == "NOUN":
        thing = thing.head.head  # "an article for the website": the article
    verb = thing.head
    if thing.dep_ != "dobj" or verb.lemma_.lower() not in HOLDER_VERBS:
        return noun
    return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), noun)


def _is_person_word(tok: Any) -> bool:
    return tok.ent_type_ == "PERSON" or tok.lemma_.lower() in PERSON_ROLE_NOUNS


def _nearest_subject(verb: Any, quoted: Quoted) -> Any | None:
    """The verb's subject outside quotes; of two ("CAIRO (Reuters) - ... chief Catherine Ashton
    said": a dateline the parser took for one), the one nearest before the verb."""
    found = [
        c
        for c in verb.children
        if c.dep_ in SUBJECT_DEPS and not c.is_punct and not in_quotes(c, quoted)
    ]
    before = [c for c in found if c.i < verb.i]
    return before[-1] if before else next(iter(found), None)


def _agent(verb: Any) -> Any | None:
    """The "by" phrase of a passive cue ("was told by aides"): the one who spoke, if named."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def _object_control(verb: Any, quoted: Quoted) -> Any | None:
    """ "prompting the company to say", "urged him to explain": the object of the verb an
    infinitive hangs on does the speaking, not that verb's subject."""
    if verb.dep_ != "xcomp" or verb.head.lemma_.lower() in MEANS_VERBS:
        return None  # "used the rates to argue": the one who used them argues
    return next(
        (
            c
            for c in verb.head.children
            if c.dep_ == "dobj" and c.i < verb.i and not in_quotes(c, quoted)
        ),
        None,
    )


def _quoted_as(verb: Any, quoted: Quoted) -> Any | None:
    """ "Izvestia quotes his daughter, Elena, as saying": the one quoted speaks, not the paper."""
    head = verb.head
    if (
        verb.dep_ != "pcomp"
        or head.lower_ != "as"
        or head.head.lemma_.lower() not in {"quote", "cite"}
    ):
        return None
    return next(
        (c for c in head.head.children if c.dep_ == "dobj" and not in_quotes(c, quoted)), None
    )


def _reported(verb: Any, quoted: Quoted) -> bool:
    """Is the verb the head of a clause another speech verb reports ("Lee said it was early but
    added", "Roe wrote the aides knew, saying")? A cue hung on such a clause by the parser is
    the reporter's, not the clause subject's ("it", "the aides"). A speech verb inside the quote
    reports nothing of the writer's."""
    head = verb.head
    return (
        verb.dep_ == "ccomp" and head.lemma_.lower() in CUE_LEMMAS and not in_quotes(head, quoted)
    )


def _adjacent_name(cue: Any, quoted: Quoted) -> Any | None:
    """ "... ," Tulsa police Chief Chuck Jordan said / said Chuck Jordan: the name's last word.
    The name after "told" or "asked" is whom it was said to ("..., told The Huffington Post")."""
    after_ok = cue.lemma_.lower() not in ADDRESSEE_CUES
    for ent in _entities_near(cue):
        if (
            ent.label_ in {"PERSON", "ORG"}
            and (_just_before(ent, cue) or (after_ok and ent.start == cue.i + 1))
            and ent.start_char not in quoted
        ):
            return ent[-1]
    return None


def inverted_speaker(cue: Any, quoted: Quoted) -> Any | None:
    """'"Is it open?" asked the girl, who ...': a cue right after the closing mark, with its
    speaker after it (inverted order), whatever the parser made of those words. The head is
    the last word of the noun phrase ("a local resident", "Rubio spokesman Alex Conant")."""
    doc = cue.doc
    if cue.i < 2 or not doc[cue.i - 1].is_quote or not doc[cue.i - 2].is_punct:
        return None
    if cue.lemma_.lower() in ADDRESSEE_CUES - {"ask"}:
        return None
    words = []
    for tok in doc[cue.i + 1 : cue.i + 1 + MAX_NAME_WORDS]:
        if not _noun_phrase_word(tok) or in_quotes(tok, quoted):
            break
        words.append(tok)
    heads = [t for t in words if t.pos_ in {"NOUN", "PROPN"} or t.is_title]
    return heads[-1] if heads and words[-1] is heads[-1] else None


def speaker_after_mark(cue: Any, quoted: Quoted) -> Any | None:
    """'"...?" the 43-year-old asked' / '"...," Texas delegate Bill Eastland, wearing a hat,
    said': a short noun phrase (and an appositive set off by commas) between a closing mark
    and its cue, whatever the parser made of those words. The head is the phrase's last noun."""
    mark = _closing_mark_before(cue, quoted)
    if mark is None:
        return None
    words = _phrase_words(cue.doc[mark + 1 : cue.i], quoted)
    heads = [t for t in words if t.pos_ in {"NOUN", "PROPN"} or t.is_title or _after_hyphen(t)]
    return heads[-1] if heads and words[-1] is heads[-1] else None


def _after_hyphen(tok: Any) -> bool:
    """The "old" of "the 43-year-old": a compound that names a person."""
    return tok.i > 0 and _infix_hyphen(tok.doc[tok.i - 1])


def _closing_mark_before(cue: Any, quoted: Quoted) -> int | None:
    """The index of the nearest closing quote mark before the cue that ends a quoted clause
    (punctuation inside the marks: '," ' or '?" '), within reach of a phrase and appositive."""
    doc = cue.doc
    for i in range(cue.i - 1, max(0, cue.i - 1 - MAX_PHRASE_WORDS - MAX_APPOSITIVE), -1):
        tok = doc[i]
        if "\n" in tok.text or "\n" in tok.whitespace_:
            return None
        before = doc[i - 1]
        if tok.is_quote and before.is_punct and not before.is_quote and in_quotes(before, quoted):
            return i if not in_quotes(doc[i + 1], quoted) else None
    return None


def _phrase_words(gap: Any, quoted: Quoted) -> list[Any]:
    """The words of a noun phrase filling the gap, or [] when it is not one: up to a comma
    only if the rest is an appositive closed by a comma right before the cue."""
    comma = next((t.i - gap.start for t in gap if t.text == ","), len(gap))
    words, rest = list(gap[:comma]), gap[comma:]
    if len(rest) and (rest[-1].text != "," or len(rest) > MAX_APPOSITIVE or len(rest) < 3):
        return []
    if not words or len(words) > MAX_PHRASE_WORDS:
        return []
    ok = all(_noun_phrase_word(t) or _infix_hyphen(t) for t in words)
    return words if ok and not any(in_quotes(t, quoted) for t in words) else []


def _infix_hyphen(tok: Any) -> bool:
    """The hyphens of "43-year-old" (no space on either side)."""
    return (
        tok.text == "-" and not tok.whitespace_ and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_
    )


def _noun_phrase_word(tok: Any) -> bool:
    if tok.lower_ in RELATIVES or tok.is_punct or tok.is_space:
        return False
    return tok.pos_ in {"DET", "ADJ", "NOUN", "PROPN", "NUM"} or tok.is_title


def _entities_near(cue: Any) -> tuple:
    """The entities of the parse that could be adjacent to the cue (an appositive's length
    before it, or right after it), in order; `doc.ents` builds every entity of the document."""
    doc, lo = cue.doc, max(0, cue.i - MAX_APPOSITIVE - 1)
    while lo > 0 and doc[lo].ent_iob_ == "I":
        lo -= 1  # back to the start of the entity the window opens in
    return doc[lo : cue.i + 2].ents


def _just_before(ent: Any, cue: Any) -> bool:
    """The name ends right before the cue, or before an appositive set off by commas
    ("Flynn, a top Trump surrogate, said")."""
    if ent.end > cue.i:
        return False  # the name is after the cue (an empty gap is not "just before")
    gap = cue.doc[ent.end : cue.i]
    if not len(gap):
        return True
    # an appositive has words between its commas: "on ZTE, said two people" is not ZTE speaking
    return (
        3 <= len(gap) <= MAX_APPOSITIVE
        and gap[0].text == ","
        and gap[-1].text == ","
        and not any(t.is_quote for t in gap)
    )


def resolve_subject(ctx: Context, subj: Any, cue: Any) -> Attribution:
    subj = _statement_beside(subj)
    at = _through_relative(subj, cue, _chars(_phrase(subj)))
    found = Attribution(None, _phrase(subj).text, cue.text, "role", at, _cue_chars(cue))
    if subj.lower_ in PRONOUNS | PERSONAL_PRONOUNS and not subj.ent_type_:  # not "Liu He"
        found.entity_id, found.how = _pronoun_referent(ctx, subj), "pronoun"
        if found.entity_id is None and subj.lower_ == "they":
            _describe_group(ctx, found, subj, cue)
        return found
    entity_id = titled_person(ctx, subj) or _organisation_twin(
        ctx, ctx.entity_at(subj) or entity_in_phrase(ctx, subj)
    )
    if entity_id is not None and not _may_speak(ctx, entity_id, subj, cue):
        entity_id = None
    if entity_id is not None:
        remember(ctx, entity_id)
        found.entity_id, found.how = entity_id, "named"
        return found
    epithet = _epithet(subj)
    if epithet and subj.lower_ in EPITHET_NOUNS:  # many are actors: the one just named is
        found.entity_id = _recent_person(ctx, subj.idx, word_gender(subj.lower_), main=True)
    if found.entity_id is None:
        found.entity_id = by_role(ctx, subj, functools.partial(_resolved, ctx))
    if found.entity_id is None and epithet:
        found.entity_id = _recent_person(ctx, subj.idx)
    return found


def _statement_beside(subj: Any) -> Any:
    """ "at the airport of the capital, Kuala Lumpur, a statement by the committee said": a
    statement the parse set beside a name as its appositive is what speaks, not the name."""
    return next(
        (c for c in subj.children if c.dep_ == "appos" and c.lemma_.lower() in STATEMENT_NOUNS),
        subj,
    )


def _epithet(subj: Any) -> bool:
    """ "The 23-year-old comedian", "the 43-year-old", "The actor, 41,", "the actor": news
    style's stand-in for the person just named (as "he" is), not a new one. A word of
    `EPITHET_NOUNS` says what many people are: the person just named is meant, whoever else
    the story calls an actor; another role noun only where no one is given that role."""
    if subj.tag_ != "NN" or not any(c.lower_ == "the" for c in subj.children):
        return False
    if subj.lower_ in EPITHET_NOUNS:
        return True
    aged = subj.doc[subj.left_edge.i : subj.i + 1].text
    after = subj.doc[subj.i + 1 : subj.i + 4].text  # "The actor, 41, explained"
    return bool(_AGE.search(aged) or _AGE_AFTER.match(after))


def _organisation_twin(ctx: Context, entity_id: str | None) -> str | None:
    """A name the model typed a place here and an organisation elsewhere in the story ("as
    reported in MODERN"): as a speaker it is the organisation."""
    entity = ctx.entities.get(entity_id or "")
    if entity is None or entity.type != "place":
        return entity_id
    key = entity.name.casefold()
    twin = next(
        (
            e.id
            for e in ctx.entities.values()
            if e.type == "organisation" and key in {n.casefold() for n in [e.name, *e.aliases]}
        ),
        None,
    )
    return twin or entity_id


def _resolved(ctx: Context, tok: Any, verb: Any) -> str | None:
    """The entity a name or noun stands for, as the speaker of `verb` (a document's author)."""
    return resolve_subject(ctx, tok, verb).entity_id


def _may_speak(ctx: Context, entity_id: str, subj: Any, cue: Any) -> bool:
    """People, organisations and groups speak; a place only as its government, named as the
    speaker itself ("China said", "said Washington"), never a town beside a settlement noun
    ("Bireun village residents") nor a place inside the subject phrase, nor the subject of a
    verb that is no speech cue ("Indonesia lies on the “Ring of Fire”"). Nor a name in quote
    marks, alone (`people.pseudonym`)."""
    entity = ctx.entities.get(entity_id)
    if pseudonym(ctx, subj.idx, subj.idx + len(subj)):
        return False  # "“John” told the BBC": a name given to someone unnamed
    if entity is None or entity.type != "place":
        return True
    nxt = subj.doc[subj.i + 1] if subj.i + 1 < len(subj.doc) else None
    settlement = nxt is not None and nxt.lower_ in PLACE_NOUNS
    spoken = cue.lemma_.lower() in CUE_LEMMAS or cue.lower_ == "according"
    return spoken and subj.pos_ == "PROPN" and ctx.entity_at(subj) == entity_id and not settlement


def _through_relative(subj: Any, cue: Any, at: tuple[int, int]) -> tuple[int, int]:
    """ "water bottles that said", "Rikkie Wells, who tweeted": the cue's own subject is the
    relative pronoun; the speaker's words run from the noun it stands for through it."""
    for clause in (c for c in subj.children if c.dep_ == "relcl"):
        if clause.left_edge.i <= cue.i <= clause.right_edge.i:
            rel = next(
                (c for c in clause.children if c.dep_ in SUBJECT_DEPS and c.lower_ in RELATIVES),
                None,
            )
            if rel is not None and rel.i > subj.i:
                return at[0], rel.idx + len(rel)
    return at


def _chars(span: Any) -> tuple[int, int]:
    return span.start_char, span.end_char


def _cue_chars(cue: Any) -> tuple[int, int]:
    """ "said", or both words of "according to"."""
    end = cue.i + 2 if cue.lower_ == "according" else cue.i + 1
    return _chars(cue.doc[cue.i : end])


def _phrase(tok: Any) -> Any:
    """The subject as written up to its head ("White House spokeswoman Lindsay Walters"), or
    the head word alone when that runs long."""
    start = tok.left_edge.i
    while start < tok.i and (tok.doc[start].is_punct or tok.doc[start].lower_ in INVERTED_CUES):
        start += 1
    end = tok.i  # "police and prosecutors": a group of common nouns is described whole
    for c in tok.children if tok.pos_ == "NOUN" else ():
        if c.dep_ == "conj" and c.pos_ == "NOUN" and c.i > tok.i:
            end = max(end, c.i)
    span = tok.doc[start : end + 1]
    return span if len(span) <= 6 else tok.doc[tok.i : tok.i + 1]


def _pronoun_referent(ctx: Context, subj: Any) -> str | None:
    """ "he"/"she": the scored choice of `referents` (gender, recency, subjects, the last
    speaker); "they"/"it": the organisation last named as a subject (a plural is never one
    named person), else nobody; "I" and "we" outside quote marks: the writer or the outlet,
    nobody the story names ("By now I was seeing ...", "We've asked the company to clarify" are
    not the words of the person or company last named)."""
    if subj.lower_ == "we" and not in_quotes(subj, ctx.quoted):
        return None
    if subj.lower_ in PLURAL_PRONOUNS | {"it"}:
        found = recent_organisation(ctx, subj.idx)
        group = _plural_subject_before(ctx, subj) if subj.lower_ == "they" else None
        if (
            found is not None
            and group is not None
            and group.idx > _last_named(ctx, found, subj.idx)
        ):
            return None  # "prosecutors said ... they said": those people, unnamed
        return found
    if subj.lower_ in PERSONAL_PRONOUNS:
        return referent(ctx, subj)
    return None  # "I" outside quote marks is the writer, whom the text does not name


def _describe_group(ctx: Context, found: Attribution, they: Any, cue: Any) -> None:
    """ "Detectives gave no motive. They said ...": a "they" no organisation stands for is the
    group of people last the subject before it; its words describe the speaker (and name it
    where they do: "police" for the one force named). The speaker's offsets stay on "they"."""
    group = _plural_subject_before(ctx, they)
    if group is None or not (
        group.lemma_.lower() in SPEAKING_GROUPS | PERSON_ROLE_NOUNS or group.lower_ == "police"
    ):
        return
    described = resolve_subject(ctx, group, cue)
    found.entity_id, found.text = described.entity_id, described.text


def _plural_subject_before(ctx: Context, pronoun: Any) -> Any | None:
    """The nearest plural common-noun subject ("prosecutors") outside quotes before a "they",
    within a few sentences."""
    doc = pronoun.doc
    for tok in reversed(doc[max(0, pronoun.i - PLURAL_REACH) : pronoun.i]):
        if tok.dep_ in SUBJECT_DEPS and tok.tag_ == "NNS" and tok.idx not in ctx.quoted:
            return tok
    return None


def _last_named(ctx: Context, entity_id: str, before: int) -> int:
    """Where the entity was last named before the offset (-1: not at all)."""
    return next(
        (m.span.start for m in ctx.earlier("organisation", before) if m.entity_id == entity_id), -1
    )


def _recent_person(
    ctx: Context, before: int, gender: str | None = None, main: bool = False
) -> str | None:
    """The person most recently named as a grammatical subject before `before` (with `main`, of
    a main clause first), else named at all; of `gender` where it is given and the text gives
    theirs."""
    known = genders(ctx) if gender else {}
    people = [
        m
        for m in ctx.earlier("person", before)
        if m.entity_id
        and known.get(m.entity_id, gender) == gender
        and not pseudonym(ctx, m.span.start, m.span.end)
    ]
    subjects = [m for m in people if ctx.is_subject(m)]
    if main:  # the subject of a main clause first
        subjects = [m for m in subjects if _main_subject(ctx, m)] + subjects
    first = subjects or people
    return first[0].entity_id if first else None


def _main_subject(ctx: Context, m: Any) -> bool:
    """Is the mention the subject of its sentence's main verb ("Jon Bernthal says he saw Kevin
    Spacey behave badly": Bernthal, not Spacey)?"""
    span = ctx.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    return span is not None and span.root.head.dep_ == "ROOT"


def remember(ctx: Context, entity_id: str | None) -> None:
    """Later "he"/"she" most likely refer to the last person named as a speaker."""
    entity = ctx.entities.get(entity_id) if entity_id else None
    if entity is not None and entity.type == "person":
        ctx.last_speaker = entity_id


def bind_pronoun(ctx: Context, pronoun: str, entity_id: str | None) -> None:
    if pronoun in {"he", "she"}:
        remember(ctx, entity_id)


def resolve_mention(ctx: Context, tok: Any, cue: Any | None = None) -> str | None:
    """The entity a speaker mention (a name, pronoun or role noun at `tok`) resolves to, as a
    quote's speaker would; `cue` is its speech verb where there is one. Any he/she/him/his/her
    goes to the pronoun choice."""
    if tok.lower_ in PERSONAL_PRONOUNS and not tok.ent_type_:
        return referent(ctx, tok)
    if tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and ctx.entity_at(tok) is None:
        tok = tok.head  # "Biologist Nick Bos": the role word before a name is that name's
    return resolve_subject(ctx, tok, cue if cue is not None else tok).entity_id
