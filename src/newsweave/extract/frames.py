"""Where a figure stands in its sentence: the verb that governs it, that verb's subject and the
person it names (family name and age), the places it is counted over, and whether its clause makes
it a running total (`Frame`, `figure_frame`). Figures compared across outlets are anchored in
their frames (`align.crossfigures`): one verb, one subject or one person join them; different
people or different places keep them apart."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from ..lexicon import EVENT_SYNONYMS, SPEECH_LEMMAS
from ..models import NumberMention
from .date_patterns import MONTHS, WEEKDAYS
from .figures import anchor_token, number_tokens
from .quantity_words import RUNNING_TOTAL


@dataclasses.dataclass(frozen=True)
class Frame:
    """Where a figure stands in its sentence: the verb that governs it, that verb's subject, and
    the places it is counted over (proper nouns and `PLACE_NOUNS`) ("killed 170,000 people in the province" / "across
    Asia": scope {"province"} / {"asia"}), and whether its clause makes it a running total
    (`quantity_words.RUNNING_TOTAL`: "has so far seized 14 rifles"), and who its subject is (a
    person's family name and age, through the verbs a verb without a subject hangs on: "Duncan
    Rait, 36, died after slipping and falling 200 ft": "rait", 36)."""

    verb: str = ""
    subject: str = ""
    scope: frozenset[str] = frozenset()
    total: bool = False
    who: str = ""  # the family name of the person the figure's subject names ("rait")
    age: float | None = None  # the age the subject phrase gives ("the 36-year-old": 36)
    when: str = ""  # the year the figure's clause is of: "2015", "this year", "last year"


# Prepositions that set the places a figure is counted over, and the common nouns of places.
SCOPE_PREPOSITIONS = frozenset({"in", "across", "around", "throughout"})
PLACE_NOUNS = frozenset(
    {
        "province",
        "region",
        "state",
        "country",
        "district",
        "county",
        "city",
        "town",
        "village",
        "area",
        "capital",
        "island",
        "world",
    }
)


def figure_frame(number: NumberMention, doc: Any = None) -> Frame:
    """The figure's `Frame`; empty without a parse."""
    tokens = number_tokens(number, doc)
    if tokens is None:
        return Frame()
    node = anchor_token(tokens)
    heads = [node]
    for _ in range(4):
        if node.pos_ == "VERB" or node.head is node:
            break
        node = node.head
        heads.append(node)
    verb = event_word(node.lemma_) if node.pos_ == "VERB" else ""
    subject = next(
        (
            event_word(c.lemma_)
            for c in node.children
            if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ != "PRON"
        ),
        "",
    )
    scope = frozenset(
        o.lemma_.lower()
        for h in heads
        for p in h.children
        if p.dep_ == "prep" and p.lower_ in SCOPE_PREPOSITIONS
        for o in p.children
        if o.dep_ == "pobj" and o not in heads and _place_word(o)
    )
    # the subject of "said" is who speaks, not who the figure is of ("Smith said 24 died")
    actor = verb and node.lemma_.lower() not in SPEECH_LEMMAS
    who, age = _person(_subject(node)) if actor else ("", None)
    return Frame(
        verb if verb else "",
        subject if verb else "",
        scope,
        _running_total(node),
        who,
        age,
        _year_phrase(heads),
    )


class Frames:
    """The frames of one story's figures, each computed once: the figures of a fact
    (`align.figures.fact_figures`) and those compared across outlets (`align.crossfigures`) are
    mostly the same numbers. Made for one story (`align.align`); not shared between stories."""

    def __init__(self) -> None:
        self._found: dict[tuple[str, int, int], Frame] = {}

    def of(self, number: NumberMention, doc: Any = None) -> Frame:
        """`figure_frame` of the number, computed on its first asking."""
        key = (number.span.source, number.span.start, number.span.end)
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = figure_frame(number, doc)
        return found


# Dependencies through which a verb with no subject of its own takes its governor's ("Rait died
# after slipping and falling 200 ft": the one who fell is the subject of "died").
_SUBJECT_THROUGH = frozenset({"conj", "advcl", "xcomp", "pcomp", "prep"})
# An age in a subject phrase: "36-year-old Duncan Rait", "Robert Buckley, 32,".
_AGE = re.compile(r"\b(\d{1,3})-years?-old\b|,\s(\d{1,3})\s,")


def _subject(verb: Any) -> Any:
    """The subject token of a verb, climbing from a verb without one to the verb it hangs on; None
    for a pronoun subject (who "he" is is not read here) or none found."""
    node = verb
    for _ in range(4):
        subjects = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:  # the nearest: "The day following Rait's death ... Buckley slipped and fell"
            return None if subjects[-1].pos_ == "PRON" else subjects[-1]
        if node.dep_ not in _SUBJECT_THROUGH or node.head.i == node.i:
            return None
        node = node.head
    return None


def _person(subject: Any) -> tuple[str, float | None]:
    """(the family name of the person a subject phrase names, the age it gives them): ("rait",
    36) for "36-year-old Duncan Rait", ("", 36) for "the 36-year-old"; ("", None) for none. The
    words of a phrase hanging on it are not its own ("the day after Smit's death, ... Brook")."""
    if subject is None:
        return "", None
    doc = subject.doc
    own = [t for t in subject.subtree if not _hangs_off(t, subject)]
    who = ""
    first = next((t for t in own if t.ent_type_ == "PERSON"), None)
    if first is not None:  # the last word of the first person named ("Duncan Smit": "smit")
        end = first.i
        while end + 1 <= own[-1].i and doc[end + 1].pos_ == "PROPN":
            end += 1
        who = doc[end].lower_
    m = _AGE.search(" ".join(t.text for t in own).replace(" - ", "-"))
    return who, float(m.group(1) or m.group(2)) if m else None


# Phrases that hang on a subject without naming it: "the day after Smit's death", "the climber
# who rescued Brook".
_NOT_THE_SUBJECT = frozenset({"prep", "poss", "relcl", "acl"})


def _hangs_off(token: Any, subject: Any) -> bool:
    for _ in range(len(token.doc)):
        if token.i == subject.i or token.head.i == token.i:
            return False
        if token.dep_ in _NOT_THE_SUBJECT:
            return True
        token = token.head
    return False


_TOTAL = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in RUNNING_TOTAL) + r")\b")


def _running_total(node: Any) -> bool:
    """Do the words of the clause a figure's verb heads (its sentence, when no verb governs it)
    say it is a running total ("The ship has, thus far, confiscated 14 rifles")?"""
    words = node.subtree if node.pos_ in {"VERB", "AUX"} else node.sent
    return bool(_TOTAL.search(" ".join(t.lower_ for t in words)))


def event_word(lemma: str) -> str:
    """One form for the words that tell of one event ("hit" and "struck": "strike";
    `lexicon.EVENT_SYNONYMS`)."""
    word = lemma.lower()
    return EVENT_SYNONYMS.get(word, word)


def _place_word(token: Any) -> bool:
    """A name or common noun of a place: "in Aceh", "across the region"; not a time named like a
    place ("in April", "in May 2012": the time of the figure, not where it was counted)."""
    if token.ent_type_ in {"DATE", "TIME"} or token.lower_ in MONTHS or token.lower_ in WEEKDAYS:
        return False
    return token.pos_ == "PROPN" or token.lemma_ in PLACE_NOUNS


# The year a figure's clause is of: a year its verb, or a word on the way to it, takes as a time
# ("In 2015, 21 cases were confirmed", "confirmed ... this year", "4 million in 2016"), or the year
# its clause describes ("2015, when 21 cases were confirmed"). Clauses hanging on the verb are not
# its time ("a sharp rise compared with last year, when seven were confirmed").
_TIME_DEPS = frozenset({"npadvmod", "tmod", "prep", "pobj"})
_YEAR = re.compile(r"(?:19|20)\d\d")
_RELATIVE_YEARS = {"this year": 0, "last year": -1, "next year": 1}


def _year_phrase(heads: list[Any]) -> str:
    """The year phrase of a figure (see above), from the words it hangs on, nearest first; ""."""
    for h in heads:
        if h.dep_ == "relcl" and _year_word(h.head):
            return _year_word(h.head)
        if h.dep_ in {"relcl", "advcl"} and _when_after(h):
            return _when_after(h)
        for c in h.children:
            if c.dep_ not in _TIME_DEPS or c in heads:
                continue
            found = _year_word(c) or next(
                (_year_word(o) for o in c.children if o.dep_ == "pobj" and _year_word(o)), ""
            )
            if found:
                return found
    return ""


def _when_after(clause: Any) -> str:
    """The year phrase a "when" clause follows ("last year, when seven cases had been confirmed",
    where the parse hangs the clause on another noun); ""."""
    if not any(c.lower_ == "when" for c in clause.children):
        return ""
    before = clause.left_edge.i - 1
    while before >= 0 and clause.doc[before].is_punct:
        before -= 1
    return _year_word(clause.doc[before]) if before >= 0 else ""


def _year_word(token: Any) -> str:
    """ "2015" for a year token, "this year" for the head of that phrase; "" otherwise."""
    if token.ent_type_ != "DATE":
        return ""
    if _YEAR.fullmatch(token.text):
        return token.text
    phrase = " ".join(t.lower_ for t in token.subtree)
    return phrase if phrase in _RELATIVE_YEARS else ""


def year_of(when: str, story_year: int | None) -> int | None:
    """The year of a `Frame.when`: its digits, or "this/last/next year" from the story's year
    (None when that is unknown)."""
    if _YEAR.fullmatch(when):
        return int(when)
    if when in _RELATIVE_YEARS and story_year is not None:
        return story_year + _RELATIVE_YEARS[when]
    return None


# Dependencies of a clause that describes a noun ("O'Brien, who was hired on April 21, 2004"):
# its date tells when that noun's story happened, not when the sentence's other figures did.
_DESCRIBING = frozenset({"relcl", "acl"})


def dated_elsewhere(number: NumberMention, doc: Any, dates: list[tuple[int, int]]) -> bool:
    """Does every date of the figure's sentence ((start, end) offsets) stand in a clause that
    describes a noun and does not hold the figure ("Nearly three weeks after the season ended,
    King fired O'Brien, who was hired on April 21, 2004": the date is O'Brien's hiring, not the
    lag's)? False without dates or a parse."""
    tokens = number_tokens(number, doc)
    if tokens is None or not dates:
        return False
    held = anchor_token(tokens)
    for start, end in dates:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        clause = next((t for t in [span.root, *span.root.ancestors] if t.dep_ in _DESCRIBING), None)
        if clause is None or held in clause.subtree:
            return False
    return True
