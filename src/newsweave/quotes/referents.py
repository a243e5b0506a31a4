"""Who "he" is: the antecedent of a third-person pronoun, a scored choice among the people named
before it in its document.

Candidates are the person mentions before the pronoun (with the lone name words the model left
untagged, `people.untagged_names`), and the unnamed people described as the subject of a
speech cue ("a resident said"), who win as nobody: a "he said" after "a convention-goer said"
is that convention-goer, not the last person named. Rules, in order:

1. Agreement (filters): a person of the other gender is never chosen ("she" is not Tony
   Fernandes). A person's gender comes from the text (`genders`), else from the he/she the
   chain gave that person in the window. No first-name lexicon: the one maintained offline
   package that ships one (names-dataset) loads gigabytes; an unknown gender agrees with both.
2. Direct choices: a name set before a subject pronoun with a comma is that pronoun (left
   dislocation: "the head of NATO, Hoop Scheffer, he has explained"); himself/herself is its
   clause's subject.
3. Binding: not the subject of the pronoun's own verb, under any of its names ("Kelly told
   him", "Kelly called on him", "Kelly came in and thanked him": him is not Kelly), and a
   subject pronoun is nobody its own clause names after it ("He said Morsi had failed": he is
   not Morsi; a name inside quote marks does not count).
4. Score, highest wins: recency (a cost per sentence back), grammatical subject (a name in
   apposition to a role subject counts: "Another official, Supriyadi, ... said"), for a
   pronoun that opens its sentence as subject, the previous sentence's subject ("Gianforte
   pleaded guilty. He apologized"), more if that sentence introduced them ("8. Kris Nixon, a
   bartender, was working ... He told People"), or the person whose view it gave ("For Kevin
   Roe, Warhol was a legend. He said": Roe; Warhol is then no subject), the subject of the
   clause above the pronoun's, named before it ("Roe was an adviser when, he said, Spacey
   ..."), as much as a reporter where that clause is a speech verb's report ("Roe told the Sun
   that in 2010, when he was 19, ..."), subject of a speech cue, the document's last speaker
   (more for a "he said" when that speaker is the last person named, in its paragraph or the
   one before: "Dr. Roe, a toxicologist, said ... It kills fast. ¶ “...,” he said"), a
   cost for a person named, not as its subject, in the report a "he said" closes ("BP is
   better off than when Mr Dudley took the helm, he said": whom the speaker talks about), a name inside other quote marks than the pronoun's (a cost: quoted
   words are someone else's), and how often the person was named in the window (the subject
   of a profile).
5. Numbered lists: in an item that presents someone new ("9. A former bartender told ...
   He said"), only the item's own people are candidates: a round-up's items are apart.
6. Chain: every he/she/him/her before the pronoun, resolved in text order by the same rules
   (without the last speaker), is a mention of its referent: "Byron ... He went up to
   Cambridge, where he met ...", a biography's "he" many sentences from the name. A person's
   gender from the chain counts only pronouns outside quote marks.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from typing import Any

from ..lexicon import (
    BOUND_PREPOSITIONS,
    FEMALE_PRONOUNS,
    MALE_PRONOUNS,
    REFLEXIVE_PRONOUNS,
    SPEECH_LEMMAS,
)
from .candidates import Candidate, candidates, speech_cue
from .genders import genders
from .people import (
    SUBJECT_DEPS,
    in_quotes,
    is_person,
    list_item,
    paragraph_of,
    sentence_of,
)

PERSONAL = MALE_PRONOUNS | FEMALE_PRONOUNS
_OBJECT_DEPS = {"dobj", "iobj", "dative"}
_DISLOCATED_DEPS = SUBJECT_DEPS | {"dep", "npadvmod", "dislocated"}  # a phrase before "he"

# Weights of the score (decided on GUM train+dev, bench/gum_speakers.py; issue 26 moved the
# last speaker 1.5 -> 1.0 and the continued subject 1.5 -> 2.5, the named-speaker dev gold
# unchanged or better).
SENTENCE_COST = 0.5  # per sentence between the mention and the pronoun
MAX_SENTENCES = 12  # candidates further back are not considered
SUBJECT = 2.0
SPEECH_SUBJECT = 0.5
LAST_SPEAKER = 1.0
QUOTED_COST = 3.0
SALIENCE = 2.0  # times log2(mentions so far), up to MAX_SALIENCE
MAX_SALIENCE = 2.0  # a person named four times is as salient as one named forty
CONTINUED_SUBJECT = 2.5  # "Gianforte pleaded guilty. He apologized": a sentence's subject goes on
REPORTER = 4.0  # "Roe said she thought": the one who says it, as much as salience at most
COORDINATED = 4.0  # "The chief said ..., but he also said": the first speech verb's subject
NEWCOMER = 2.0  # "8. Kris Nixon, a bartender, was working ... He told People": one just introduced
MATRIX = 2.0  # "Roe was an adviser when, he said, ...": the subject of the clause above his
VIEWPOINT = 2.0  # "For Roe, Warhol was a legend. He said": more than Warhol's salience
SPEAKING = 2.0  # "Dr. Roe, a toxicologist, said ... ¶ “...,” he said": the speaker just named
REPORTED_COST = 2.0  # "BP is better off than when Dudley took over, he said": not Dudley


def referent(ctx: Any, pronoun: Any) -> str | None:
    """The entity a he/she/him/her pronoun refers to, or None (nobody named fits, or a person
    described but not named is the best antecedent)."""
    chain, starts = _chain(ctx)
    best = _choose(ctx, pronoun, chain, bisect_left(starts, pronoun.idx), ctx.last_speaker)
    return best.entity_id if best is not None else None


def chained(ctx: Any, pronoun: Any) -> str | None:
    """The entity the chain gave a he/she/him/his/her (resolved in text order without the last
    speaker, which changes as quotes are read), or None."""
    chain, starts = _chain(ctx)
    i = bisect_left(starts, pronoun.idx)
    while i < len(chain) and chain[i].start == pronoun.idx:
        if chain[i].pronoun:
            return chain[i].entity_id
        i += 1
    return None


def _choose(
    ctx: Any, pronoun: Any, cands: list[Candidate], stop: int, speaker: str | None
) -> Candidate | None:
    """The best of the candidates before index `stop` within MAX_SENTENCES of the pronoun (one
    with no entity: a person described, not named, is the best)."""
    gender = "m" if pronoun.lower_ in MALE_PRONOUNS else "f"
    sentence = sentence_of(ctx, pronoun.idx)
    named_below = _named_in_clause(ctx, pronoun)
    opens = pronoun.dep_ in SUBJECT_DEPS and (pronoun.head.dep_ == "ROOT" or _first_word(pronoun))
    quote = ctx.quoted.index(pronoun.idx)
    first = stop
    while first > 0 and sentence - cands[first - 1].sentence <= MAX_SENTENCES:
        first -= 1
    window = _in_item(ctx, pronoun, cands[first:stop])
    told = _chain_genders(window)
    dislocated = _dislocated(ctx, pronoun) or _cataphoric(ctx, pronoun)
    if dislocated is not None and _agrees(ctx, _as_candidate(dislocated), gender, told):
        return _as_candidate(dislocated)
    subject = _clause_subject(pronoun)
    if pronoun.lower_ in REFLEXIVE_PRONOUNS:
        own = _reflexive(ctx, subject, window) if subject is not None else None
        if own is not None and _agrees(ctx, _as_candidate(own), gender, told):
            return _as_candidate(own)
        subject = None  # a reflexive is bound to its subject, never kept from it
    bound = _bound_to(subject, window)
    reporter = _reporter(pronoun)
    coordinated = _coordinated_subject(pronoun)
    matrix = _matrix_subject(pronoun) if reporter is None else None
    if matrix is not None and _reports(matrix.head, pronoun):
        reporter, matrix = matrix, None  # "Roe told the Sun that in 2010, when he was 19, ..."
    recent = None  # a speaker named in this paragraph or the one before: "He said" goes on
    reported = _reported_before(pronoun)
    if pronoun.dep_ in SUBJECT_DEPS and pronoun.head.lemma_.lower() in SPEECH_LEMMAS:
        last = _last_speech_subject(window, quote)
        speaker = last.entity_id if last is not None else speaker  # "He said: ..."
        if last is not None and _last_person(ctx, pronoun, last, window, gender, told):
            recent = last.entity_id
    best, best_score = None, -math.inf
    seen: dict[str | None, int] = {}
    for c in window:
        seen[c.entity_id] = seen.get(c.entity_id, 0) + 1
        if not _agrees(ctx, c, gender, told) or bound(c):
            continue
        if c.entity_id is not None and c.entity_id in named_below:
            continue
        score = _score(c, sentence, speaker, seen[c.entity_id], quote)
        if opens and c.sentence == sentence - 1:
            score += CONTINUED_SUBJECT * c.subject + VIEWPOINT * c.view
            score += NEWCOMER * (c.subject and seen[c.entity_id] == 1 and c.entity_id is not None)
        if reporter is not None and c.start <= reporter.idx < c.end:
            score += REPORTER
        if coordinated is not None and c.start <= coordinated.idx < c.end:
            score += COORDINATED
        if matrix is not None and c.start <= matrix.idx < c.end:
            score += MATRIX
        score += SPEAKING * (recent is not None and c.entity_id == recent)
        score -= REPORTED_COST * (reported is not None and _talked_about(c, reported))
        if score >= best_score:  # ties go to the later mention
            best, best_score = c, score
    return best


def _reported_before(pronoun: Any) -> Any | None:
    """The clause a subject pronoun's speech verb reports, set before it ("BP is better off than
    when Mr Dudley took the helm, he said"), or None."""
    verb = pronoun.head
    if pronoun.dep_ not in SUBJECT_DEPS or verb.lemma_.lower() not in SPEECH_LEMMAS:
        return None
    return next(
        (c for c in verb.children if c.dep_ in {"ccomp", "parataxis"} and c.i < pronoun.i), None
    )


def _talked_about(c: Candidate, clause: Any) -> bool:
    """Is the candidate named inside the reported clause, not as its own subject (whom the
    speaker talks about: "than when Mr Dudley took the helm")?"""
    doc = clause.doc
    first, last = doc[clause.left_edge.i].idx, doc[clause.right_edge.i].idx
    if not first <= c.start <= last:
        return False
    subject = next((t for t in clause.children if t.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return True
    return not doc[subject.left_edge.i].idx <= c.start <= doc[subject.right_edge.i].idx


def _last_person(
    ctx: Any,
    pronoun: Any,
    last: Candidate,
    window: list[Candidate],
    gender: str,
    told: dict[str, str],
) -> bool:
    """Is the speaker the last person of the pronoun's gender mentioned before it outside quote
    marks, in its paragraph or the one before ("Dr. Roe, a toxicologist, said ... It can kill. ¶ “...,” he
    said"; not "Roe said ... Ann's brother begged him, but he replied": him)?"""
    if paragraph_of(ctx, pronoun.idx) - paragraph_of(ctx, last.start) > 1:
        return False
    reported = _reported_before(pronoun)
    return not any(
        c.sentence > last.sentence  # not the speaker's own appositive ("partner at Odgers")
        and c.quoted < 0
        and not (reported is not None and _talked_about(c, reported))
        and c.entity_id != last.entity_id
        and _agrees(ctx, c, gender, told)
        for c in window
    )


def _in_item(ctx: Any, pronoun: Any, window: list[Candidate]) -> list[Candidate]:
    """In an item of a numbered list that presents someone new (a person named or described
    there who is not named in the items before: "9. A former bartender told ... He said"),
    only the item's own people: a round-up's "he" is the item's newcomer or its subject, never
    the last item's person."""
    item = list_item(ctx, pronoun.idx)
    if item is None:
        return window
    before = {c.entity_id for c in window if c.start < item[0]}
    own = [c for c in window if c.start >= item[0]]
    new = any(c.entity_id is None or c.entity_id not in before for c in own if not c.pronoun)
    return own if new else window


def _first_word(tok: Any) -> bool:
    """Does the token open its sentence (quote marks and brackets aside)? "He told People ...;
    he was sitting ...": the parse may hang the first clause on a later one."""
    return all(t.is_punct or t.is_space for t in tok.doc[tok.sent.start : tok.i])


def _last_speech_subject(window: list[Candidate], quote: int) -> Candidate | None:
    """The person last named or resolved as the subject of a speech verb before a speaking
    pronoun, outside its quote: the last speaker in the order of the text (quotes are attributed
    before reported speech, so the speaker remembered while reading them may be an earlier one:
    "Andy Simpson, a spokesman, urged walkers to ... ¶ He said: “...”")."""
    return next(
        (
            c
            for c in reversed(window)
            if c.speech
            and c.subject
            and c.entity_id is not None
            and (c.quoted < 0 or c.quoted != quote)
        ),
        None,
    )


def _reporter(pronoun: Any) -> Any | None:
    """The subject of the speech verb whose reported clause the subject pronoun opens ("Ellen
    Roe said she thought", "Roe told reporters he would"): most often the one who said it."""
    clause = pronoun.head
    if pronoun.dep_ not in SUBJECT_DEPS or clause.dep_ != "ccomp":
        return None
    verb = clause.head
    if verb.lemma_.lower() not in SPEECH_LEMMAS:
        return None
    return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < pronoun.i), None)


def _matrix_subject(pronoun: Any) -> Any | None:
    """The subject, named before the pronoun, of the nearest verb above the pronoun's own clause
    ("Mark Roe was an adviser on the set when, he said, Spacey ...": Roe; not Spacey, named
    after it)."""
    node = pronoun.head
    while node.head.i != node.i:
        node = node.head
        subject = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and subject.i < pronoun.i and subject.pos_ != "PRON":
            return subject
    return None


def _reports(verb: Any, pronoun: Any) -> bool:
    """Is the verb a speech verb whose reported clause (its ccomp) holds the pronoun ("Roe told
    the Sun that in 2010, when he was 19, Kent ...": the one who told it; not "Poe asked him to
    submit his work, which he did")?"""
    if verb.lemma_.lower() not in SPEECH_LEMMAS:
        return False
    return any(
        c.dep_ == "ccomp" and c.left_edge.i <= pronoun.i <= c.right_edge.i for c in verb.children
    )


def _coordinated_subject(pronoun: Any) -> Any | None:
    """The subject of the first of two coordinated speech verbs whose second the subject pronoun
    opens ("The police chief said there was no evidence, but he also said ..."): the same one."""
    verb = pronoun.head
    if pronoun.dep_ not in SUBJECT_DEPS or verb.dep_ != "conj" or not speech_cue(verb):
        return None
    first = verb.head
    if not speech_cue(first):
        return None
    return next((c for c in first.children if c.dep_ in SUBJECT_DEPS and c.i < pronoun.i), None)


def _dislocated(ctx: Any, pronoun: Any) -> str | None:
    """The person a subject pronoun takes up from a noun phrase set before it with a comma
    (left dislocation: "the head of NATO, Hoop Scheffer, he has explained"; "My brother,
    Tom Roe, he said"): the phrase's own name or the name in apposition to it."""
    doc, i = pronoun.doc, pronoun.i
    if pronoun.dep_ not in SUBJECT_DEPS or i < 2 or doc[i - 1].text != ",":
        return None
    for phrase in pronoun.head.children:
        if phrase.i >= i or phrase.pos_ == "PRON" or phrase.right_edge.i not in {i - 2, i - 1}:
            continue
        if phrase.dep_ not in _DISLOCATED_DEPS:
            continue
        names = [phrase, *(t for t in phrase.subtree if t.dep_ == "appos")]
        people = [e for t in names if is_person(ctx, e := ctx.entity_at(t))]
        if people:
            return people[-1]
    return None


def _cataphoric(ctx: Any, pronoun: Any) -> str | None:
    """The person a subject he/she of an adverbial clause set before its main clause names
    later, when that main clause reports speech ("Even though he said ..., Gagan said ...";
    "When she arrived, Officer Roe said ..."): its subject, a person, with no he/she/him/her
    of its own that could be the other one."""
    clause = pronoun.head
    if pronoun.dep_ not in SUBJECT_DEPS or clause.dep_ != "advcl" or clause.i > clause.head.i:
        return None
    main = clause.head
    if main.lemma_.lower() not in SPEECH_LEMMAS:
        return None
    subject = next((c for c in main.children if c.dep_ in SUBJECT_DEPS and c.i > clause.i), None)
    if subject is None or subject.pos_ != "PROPN":
        return None
    others = [
        t
        for t in main.subtree
        if t.lower_ in PERSONAL and not clause.left_edge.i <= t.i <= clause.right_edge.i
    ]
    entity = ctx.entity_at(subject)
    return entity if not others and is_person(ctx, entity) else None


def _as_candidate(entity_id: str) -> Candidate:
    """A bare candidate of the entity, for the agreement test of a direct choice."""
    return Candidate(entity_id, 0, 0, 0, True, False, -1)


def _reflexive(ctx: Any, subject: Any, window: list[Candidate]) -> str | None:
    """The person a himself/herself stands for: its clause's subject, named or a pronoun the
    chain resolved ("Roe turned himself in", "he saw himself as")."""
    at = subject.idx
    found = next((c.entity_id for c in window if c.start <= at < c.end), None)
    found = found or ctx.entity_at(subject)
    return found if is_person(ctx, found) else None


def _bound_to(subject: Any | None, window: list[Candidate]) -> Any:
    """Binding: "Kelly told him" -- him is not Kelly, nor any other mention of Kelly's."""
    if subject is None:
        return lambda c: False
    at = subject.idx
    entity = next((c.entity_id for c in window if c.start <= at < c.end), None)
    return lambda c: c.start <= at < c.end or (entity is not None and c.entity_id == entity)


def _score(c: Candidate, sentence: int, speaker: str | None, named: int, quote: int) -> float:
    """The candidate's score for a pronoun in `sentence` and in the quoted range `quote` (-1:
    outside quote marks). A name in another quote than the pronoun's costs (quoted words are
    someone else's); one in the same quote does not ("Daniel knows he's in a cell")."""
    score = -SENTENCE_COST * (sentence - c.sentence)
    score += SUBJECT * c.subject + SPEECH_SUBJECT * c.speech
    score -= QUOTED_COST * (c.quoted >= 0 and c.quoted != quote)
    if c.entity_id is not None:
        score += LAST_SPEAKER * (c.entity_id == speaker) + SALIENCE * min(
            math.log2(named), MAX_SALIENCE
        )
    return score


def _chain(ctx: Any) -> tuple[list[Candidate], list[int]]:
    """The candidates with every he/she/him/her before them resolved in text order and added
    as a mention of its referent ("Byron ... He went up to Cambridge ... he met": the second he
    is Byron through the first); resolved without the last speaker, which changes as the
    document's quotes are read. With the candidates' start offsets, for bisection."""
    if "chain" not in ctx.cache:
        base, out, starts = candidates(ctx), [], []
        i = 0
        for tok in (t for t in ctx.doc if _pronoun(ctx, t)):
            while i < len(base) and base[i].start < tok.idx:
                out.append(base[i])
                starts.append(base[i].start)
                i += 1
            best = _choose(ctx, tok, out, len(out), None)
            if best is not None:  # a person described goes on too: "a hospital official said.
                # He spoke on condition of anonymity. ¶ “...,” he told the AP"
                out.append(_resolved(ctx, tok, best.entity_id))
                starts.append(tok.idx)
        out += base[i:]
        starts += [c.start for c in base[i:]]
        ctx.cache["chain"] = (out, starts)
    return ctx.cache["chain"]


def chain_genders(ctx: Any) -> dict[str, str]:
    """{entity id: "m" | "f"} from the he/she/his/her outside quote marks the chain gave each
    person over the whole document, where one gender has the clear majority."""
    if "chain_genders" not in ctx.cache:
        ctx.cache["chain_genders"] = _chain_genders(_chain(ctx)[0])
    return ctx.cache["chain_genders"]


def _pronoun(ctx: Any, tok: Any) -> bool:
    """A he/she/him/her that is no part of a name (the "He" of "Liu He")."""
    return (
        tok.lower_ in PERSONAL
        and tok.pos_ == "PRON"
        and not tok.ent_type_
        and ctx.entity_at(tok) is None
    )


def _resolved(ctx: Any, tok: Any, entity: str | None) -> Candidate:
    subject = tok.dep_ in SUBJECT_DEPS
    return Candidate(
        entity,
        tok.idx,
        tok.idx + len(tok),
        sentence_of(ctx, tok.idx),
        subject,
        subject and speech_cue(tok.head),
        ctx.quoted.index(tok.idx),
        "m" if tok.lower_ in MALE_PRONOUNS else "f",
        pronoun=True,
    )


def _agrees(ctx: Any, c: Candidate, gender: str, told: dict[str, str]) -> bool:
    """Does the candidate's gender allow the pronoun's? A named person's gender is the text's
    (`genders`), else that of the pronouns the chain gave them in the window (`told`)."""
    known = _stated_gender(ctx, c, told)
    return known is None or known == gender


def _stated_gender(ctx: Any, c: Candidate, told: dict[str, str]) -> str | None:
    """The gender of an unnamed candidate's noun; of a named one, the text's (`genders`), else
    that of the pronouns the chain gave them in the window (`told`)."""
    return (
        c.gender if c.entity_id is None else genders(ctx).get(c.entity_id) or told.get(c.entity_id)
    )


def _chain_genders(window: list[Candidate]) -> dict[str, str]:
    """{entity id: "m" | "f"} from the he/she the chain resolved to each person in the window,
    where one gender has the clear majority: a person the chain has called "she" is not the
    next "he" ("Karis, she came up with that one ... this guy named Mario, and he"). Only
    pronouns outside quote marks vote: a quote's "she" is whom its speaker talks about, often
    a person the chain cannot yet tell from the speaker ("Roe praised Ann. “She was kind,” he
    said": the "she" is no evidence that Roe is a woman)."""
    votes: dict[str, list[int]] = {}
    for c in window:
        if c.entity_id is not None and c.pronoun and c.gender is not None and c.quoted < 0:
            votes.setdefault(c.entity_id, [0, 0])[c.gender == "f"] += 1
    return {e: ("m" if v[0] > v[1] else "f") for e, v in votes.items() if min(v) * 2 < max(v)}


def _clause_subject(pronoun: Any) -> Any | None:
    """The subject of the verb the pronoun is the object of ("Kelly told him", "Kelly called on
    him", "Kelly came in and thanked him": a subjectless clause may have its head's subject)."""
    verb = pronoun.head
    reflexive = pronoun.lower_ in REFLEXIVE_PRONOUNS  # "turned himself in", "spoke of herself"
    if pronoun.dep_ == "pobj" and (reflexive or pronoun.head.lower_ in BOUND_PREPOSITIONS):
        verb = pronoun.head.head if pronoun.head.dep_ == "prep" else None
    elif pronoun.dep_ not in _OBJECT_DEPS:
        verb = None
    while verb is not None and verb.pos_ in {"VERB", "AUX"}:
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None or not _controlled(verb):
            return subject
        if verb.dep_ == "xcomp":  # "Kelly asked Tom to help her": Tom helps, not Kelly
            controller = next((c for c in verb.head.children if c.dep_ in _OBJECT_DEPS), None)
            if controller is not None:
                return controller
        verb = verb.head
    return None


def _controlled(verb: Any) -> bool:
    """Is a subjectless verb's subject its head's: a conjoined verb ("came in and thanked him"),
    an infinitive ("tried to seduce him") or an adverbial clause opened by a conjunction ("though later recalled him", "after meeting
    him"); not a bare participle, whose subject may be the whole clause ("a gift for sounds,
    enabling him to record them")."""
    if verb.dep_ == "advcl":
        return any(c.dep_ == "mark" for c in verb.children)
    return verb.dep_ in {"conj", "xcomp"}  # "Roe tried to seduce him": Roe seduces


def _named_in_clause(ctx: Any, pronoun: Any) -> set[str]:
    """The entities named by name after a subject pronoun in its clause, outside quote marks
    ("He said he thought Morsi had failed": Morsi): a pronoun is never a name it governs (one
    before it may be: "When Obama arrived, he said")."""
    if pronoun.dep_ not in SUBJECT_DEPS:
        return set()
    return {
        found
        for tok in pronoun.head.subtree
        if tok.i > pronoun.i
        and tok.pos_ == "PROPN"
        and not in_quotes(ctx, tok.idx)
        and (found := ctx.entity_at(tok)) is not None
    }
