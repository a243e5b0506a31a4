"""Indirect speech: what someone said, claimed or found without quotation marks.

"Lu Kang said that Mr Liu would travel to Washington" -> speaker Lu Kang, content "that Mr Liu
would travel to Washington". The cue is an attribution verb whose clausal complement is the
content; "according to X" makes the rest of its clause the content; "vowed to fight" and
"urged Congress to act" report an intention or a demand. A content that is mostly inside
quotation marks is a direct quote, found and attributed by the quote finder instead.
"""

from __future__ import annotations

from typing import Any

from ..lexicon import (
    CLAUSE_CUES,
    CONDITIONS,
    CONTENT_NOUNS,
    DESIRE_VERBS,
    INFINITIVE_CUES,
    JUDGING_CUES,
    JUDGING_PREPOSITIONS,
    MAKING_VERBS,
    NOUN_SOURCES,
    PERCEPTION_VERBS,
    QUESTION_MARKS,
    SPEECH_LEMMAS,
    STANCE_NOUNS,
    TIME_PREPOSITIONS,
    VOICING_VERBS,
)
from ..models import Document, QuoteMention, Span
from .quoted import Quoted, in_quotes
from .speakers import Attribution, Context, attribute, resolve_subject

_CLAUSE_DEPS = {"ccomp"}
_AUTHOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}  # the model's labels of who may write
_TIMES = {"DATE", "TIME"}
_PARTICIPLES = {"VBN", "VBG", "VBD"}  # "found him collapsed" ("collapsed" is often read as VBD)
_OBJECT_CASE = {"him", "her", "them", "me", "us"}  # pronouns no tensed verb takes as subject
# A clause with no more words than this outside quote marks ("that" + the quote) is the quote.
MAX_WORDS_OUTSIDE = 1


def find_indirect(document: Document, ctx: Context, quoted: Quoted) -> list[QuoteMention]:
    """Indirect speech of a document, attributed like quotes; in text order."""
    doc, out = document.nlp, []
    for sent in document.sentences:
        span = doc.char_span(sent.span.start, sent.span.end, alignment_mode="expand")
        for cue, content in _frames(span, quoted) if span is not None else []:
            mention = _mention(document, ctx, cue, content, quoted, sent.id)
            if mention is not None:
                out.append(mention)
    return out


def _frames(span: Any, quoted: Quoted) -> list[tuple[Any, Any]]:
    """(cue token, content span) pairs of one sentence."""
    out = []
    for tok in span:
        if tok.idx in quoted:
            continue
        content = _content(tok, span)
        if content is not None and len(content) > 1:
            out.append((tok, content))
    return out


def _content(tok: Any, sent: Any) -> Any | None:
    lemma = tok.lemma_.lower()
    if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        return _according_to(tok, sent)
    if tok.pos_ == "NOUN" and lemma in CONTENT_NOUNS:
        return _noun_content(tok)
    if tok.pos_ not in {"VERB", "AUX"} or _hypothetical(tok) or _circumstance(tok):
        return None
    if lemma in CLAUSE_CUES and _as_clause(tok):
        return _rest_of_clause(tok, tok.head, sent)
    if lemma in CLAUSE_CUES and _parenthetical(tok):
        return _after_parenthesis(tok, tok.head, sent)
    if lemma in CLAUSE_CUES:
        clause = next((c for c in tok.children if c.dep_ in _CLAUSE_DEPS), None)
        if (
            clause is not None
            and not _unspoken_question(tok, clause)
            and not _perceived(tok, clause)
        ):
            return _without_credit(_after(tok, _subtree(clause)))
    if lemma in INFINITIVE_CUES and not (lemma in DESIRE_VERBS and tok.dep_ == "relcl"):
        inf = next(
            (c for c in tok.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}), None
        )
        if inf is not None:
            return _subtree(inf)
    if lemma in JUDGING_CUES:
        return _judged(tok)
    if lemma in VOICING_VERBS:
        return _voiced(tok)
    return None


def _perceived(verb: Any, clause: Any) -> bool:
    """ "found him collapsed on the floor", "heard him saying 'Mommy'", "saw her leave": a verb
    of finding or perceiving whose complement is a participle or bare verb with an object-case
    subject tells what someone saw, not what anyone said ("found that the deal was off", "found
    the deal was off" report a finding; PolNeAR counts "see their taxes go up" as a belief)."""
    if verb.lemma_.lower() not in PERCEPTION_VERBS or clause.tag_ not in _PARTICIPLES | {"VB"}:
        return False
    if any(c.dep_ in {"mark", "aux", "auxpass"} for c in clause.children):
        return False  # "found that the deal was off", "saw it would fail"
    # "found him collapsed": "him" is the subject of no tensed verb ("found PolitiFact rated
    # Democrats higher" and "see their taxes go up" may report a finding or a belief)
    return any(c.dep_ == "nsubj" and c.lower_ in _OBJECT_CASE for c in clause.children)


def _unspoken_question(verb: Any, clause: Any) -> bool:
    """ "would see if it opens up", "decided whether to go": an indirect question of a verb that
    is not one of speech reports no statement ("asked whether" does)."""
    return verb.lemma_.lower() not in SPEECH_LEMMAS and any(
        c.dep_ == "mark" and c.lower_ in QUESTION_MARKS for c in clause.children
    )


def _noun_content(noun: Any) -> Any | None:
    """ "her claim that she was fired", "a media report that talks had begun": the noun's "that"
    clause (a "that" that is the clause's subject or object makes a relative clause instead:
    "the report that she wrote")."""
    for clause in (c for c in noun.children if c.dep_ in {"acl", "relcl", "ccomp"}):
        if clause.i > noun.i and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
        ):
            return _subtree(clause)
    return None


def _noun_speaker(ctx: Context, noun: Any) -> Attribution:
    """The one a content noun is of: its possessor ("her claim"), its author ("a report in the
    Ledger", "warnings from his lawyer"), the subject of a verb that makes it ("Democrats
    persisted in arguments that"), else the noun's own phrase ("a media report", resolved as a
    subject would be)."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    return resolve_subject(ctx, owner or _named_by(noun) or _maker(noun) or noun, noun)


def _named_by(noun: Any) -> Any | None:
    """ "a report in the Ledger that ...", "a claim by Jane Roe", "warnings from his lawyer": the
    name the noun is in, or the one it is by or from, is its author."""
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in NOUN_SOURCES):
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None:
            continue
        if (
            prep.lower_ != "in"
            and obj.pos_ in {"NOUN", "PROPN", "PRON"}
            and obj.ent_type_ not in _TIMES
        ):
            return obj
        if obj.pos_ == "PROPN" and obj.ent_type_ in _AUTHOR_LABELS:
            return obj  # not "a report in March"
    return None


def _maker(noun: Any) -> Any | None:
    """ "Democrats persisted in arguments that ...", "said in a statement that ...": the subject
    of a verb that makes the statement the noun names (not "rejected claims that ...")."""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ not in {"dobj", "pobj"} or verb.lemma_.lower() not in MAKING_VERBS | CLAUSE_CUES:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _voiced(verb: Any) -> Any | None:
    """ "expressed optimism that the talks would resume", "expressing fears he was to blame":
    the clause of the stance noun the verb voices."""
    for noun in (c for c in verb.children if c.dep_ == "dobj"):
        if noun.lemma_.lower() in STANCE_NOUNS:
            clause = next((c for c in noun.children if c.dep_ in {"acl", "ccomp"}), None)
            return _subtree(clause) if clause is not None and clause.i > noun.i else None
    return None


def _judged(verb: Any) -> Any | None:
    """ "praised the council for acting", "accused the opposition of stalling": whom the speaker
    judges and for what, up to a clause or appositive on a name in it ("for welcoming Jane Roe,
    a member of a panel who said ..." : what the member said is hers, not the speaker's)."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    prep = next(
        (
            c
            for c in [*verb.children, *obj.children]
            if c.dep_ == "prep" and c.lower_ in JUDGING_PREPOSITIONS and c.i > obj.i
        ),
        None,
    )
    if prep is None:
        return None
    doc, end = verb.doc, prep.right_edge.i + 1
    cuts = [t.left_edge.i for t in doc[prep.i : end] if t.dep_ in {"relcl", "appos"}]
    span = doc[obj.left_edge.i : min([end, *cuts])]
    while len(span) > 1 and (span[-1].is_punct or span[-1].is_space):
        span = span[:-1]
    return span


def _hypothetical(verb: Any) -> bool:
    """ "unless Washington agreed to ease the sanctions", "if he says so": a condition, not
    something anyone said."""
    return any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in verb.children)


def _circumstance(verb: Any) -> bool:
    """ "The U.S. imposed the penalty after finding that ...": a gerund in a time adjunct tells
    what led to an act; it is not anyone's statement."""
    return verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ in TIME_PREPOSITIONS


def _according_to(tok: Any, sent: Any) -> Any | None:
    """ "X happened, according to Y": the clause the prepositional phrase hangs on, without it."""
    head = tok.head
    while head.dep_ not in {"ROOT", "ccomp", "conj"} and head.head.i != head.i:
        head = head.head
    report = _credited_report(tok)
    return _rest_of_clause(tok, report if report is not None else head, sent)


def _credited_report(according: Any) -> Any | None:
    """ "Her lawyer said the act was not malicious, according to WXYZ": a named source credited
    at the end of a report's clause credits the whole report (the parse hangs the phrase on the
    reported clause); the speech cue of that report, else None."""
    clause = according.head
    cue = clause.head
    source = next((c for c in according.doc[according.i + 1].children if c.dep_ == "pobj"), None)
    return (
        cue
        if clause.dep_ == "ccomp"
        and cue.lemma_.lower() in CLAUSE_CUES
        and cue.i < clause.i < according.i
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in cue.children)
        and source is not None
        and source.pos_ == "PROPN"
        and according.right_edge.i >= clause.right_edge.i - 1
        else None
    )


def _without_credit(content: Any) -> Any:
    """A report's clause without the named source that credits the whole report (its own
    "according to" phrase, which the parse puts inside the clause)."""
    according = next(
        (t for t in content if t.lower_ == "according" and _credited_report(t) is not None), None
    )
    if according is None:
        return content
    end = according.i
    while end > content.start and content.doc[end - 1].is_punct:
        end -= 1
    return content.doc[content.start : end]


def _as_clause(verb: Any) -> bool:
    """ "As the Ledger reported at the time, ...": a cue in an "as" clause with a subject of
    its own reports the clause it hangs on."""
    return (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        and any(c.dep_ == "nsubj" for c in verb.children)
    )


def _parenthetical(verb: Any) -> bool:
    """ "At one point, Davis said, her mother put the children in the car": a cue with a
    subject of its own set off by commas inside the clause it reports, before that clause's
    verb."""
    doc, words = verb.doc, [t.i for t in verb.subtree if not t.is_punct]
    return (
        verb.dep_ == "parataxis"
        and verb.i < verb.head.i
        and any(c.dep_ == "nsubj" for c in verb.children)
        and words[0] > 0
        and words[-1] + 1 < len(doc)
        and doc[words[0] - 1].text == ","
        and doc[words[-1] + 1].text == ","
    )


def _after_parenthesis(tok: Any, head: Any, sent: Any) -> Any | None:
    """The words of `head`'s clause after the parenthetical cue ("her mother put ...")."""
    words = [t for t in head.subtree if t.i > tok.right_edge.i and not t.is_punct]
    return sent.doc[words[0].i : words[-1].i + 1] if words else None


def _rest_of_clause(tok: Any, head: Any, sent: Any) -> Any | None:
    """The words of `head`'s clause wholly before or wholly after the phrase of `tok`."""
    drop = {t.i for t in tok.subtree} | {tok.i + 1}
    words = [t for t in head.subtree if t.i not in drop and not t.is_punct]
    if not words:
        return None
    return (
        sent.doc[words[0].i : words[-1].i + 1]
        if words[-1].i < tok.left_edge.i or words[0].i > max(tok.right_edge.i, tok.i + 1)
        else None
    )


def _after(cue: Any, clause: Any) -> Any:
    """ "a move that trade experts said could make it harder": the relative pronoun belongs to
    the clause, but the reported words are the ones after the cue."""
    return clause.doc[cue.i + 1 : clause.end] if clause.start < cue.i < clause.end else clause


def _subtree(tok: Any) -> Any:
    span = tok.doc[tok.left_edge.i : tok.right_edge.i + 1]
    while len(span) > 1 and (span[-1].is_punct or span[-1].is_space):
        span = span[:-1]
    return span


def _words_outside(content: Any, quoted: Quoted) -> int:
    """Words of a clause outside quote marks: "he hopes the day sends a message that "..."" has
    ten, so it is reported speech that quotes a few words (the utterance takes the clause), even
    when the quoted words are most of its characters."""
    return sum(1 for t in content if t.is_alpha and not in_quotes(t, quoted))


def _mention(
    document: Document, ctx: Context, cue: Any, content: Any, quoted: Quoted, sentence_id: str
) -> QuoteMention | None:
    start, end = content.start_char, content.end_char
    if _words_outside(content, quoted) <= MAX_WORDS_OUTSIDE:
        return None  # a direct quote: the quote finder has it
    found = _noun_speaker(ctx, cue) if cue.pos_ == "NOUN" else attribute(ctx, [cue], start, quoted)
    sid = document.source.id
    mention = QuoteMention(
        Span(sid, start, end),
        document.source.text[start:end],
        kind="indirect",
        sentence_id=sentence_id,
    )
    if found is not None:
        mention.speaker_id, mention.speaker_text, mention.cue, mention.how = (
            found.entity_id,
            found.text,
            found.cue,
            found.how,
        )
        mention.speaker_span = Span(sid, *found.at) if found.at else None
        mention.cue_span = Span(sid, *found.cue_at) if found.cue_at else None
    return mention
