"""What a number measures, so that only figures of one kind are ever compared.

"killing at least five people" is a death toll, "injuring 50" the injured, "6.1-magnitude" a
magnitude, "at a depth of 10 kilometers" a depth, "55 km west of Bireun" a distance: a toll of 5
and a distance of 34 miles are never compared, and neither are 5 dead and 300 who slept outdoors.

`figure_kind` reads the kind from the spaCy parse around the number (the noun it counts, the verb
or adjective that noun hangs on, the subject of a "rose to" verb) and from the words right beside
it; a figure with no recognised kind is keyed by what it counts and the verb that governs it
("count:house:damage"), which compares only like with like. `figures_agree` compares two values of
one kind: measures in one unit (kilometres and miles, metres and feet, within the rounding of a
conversion), qualifiers as intervals ("at least 20" and "25" agree), a rounding as agreement.

The cue words are language data: `KIND_CUES` below, one named set per kind.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from typing import Any

from ..lexicon import STREET_WORDS
from ..models import NumberMention, Span
from .numbers import _counted_key, _interval, _rounded
from .quantity_words import (
    DEATH_SENTENCE_VERBS,
    OFFSET_WORDS,
    RATE_WORDS,
    SECONDS,
    TIME_UNITS,
    WINDOW_WORDS,
    ZERO_TOLL_NOUNS,
)
from .times import times_agree

# Lemmas that say what a count of people (or a toll) measures, one set per kind. From reading the
# tolls of the ECB+ and Multi-News dev stories (earthquakes, shootings, fires, arrests).
KIND_CUES: dict[str, frozenset[str]] = {
    "dead": frozenset(
        [
            "kill",
            "die",
            "dead",
            "death",
            "toll",
            "fatality",
            "fatal",
            "life",
            "body",
            "perish",
            "drown",
            "murder",
            "slay",
        ]
    ),
    "injured": frozenset(
        [
            "injure",
            "injured",
            "injury",
            "wound",
            "wounded",
            "hurt",
            "casualty",
            "hospitalize",
            "hospitalise",
        ]
    ),
    "missing": frozenset(["missing", "miss", "unaccounted"]),
    # before "displaced": "rescuers struggle to evacuate 14 children still trapped under the rubble"
    "trapped": frozenset(["trap", "trapped", "bury", "buried"]),
    "displaced": frozenset(
        ["evacuate", "evacuee", "displace", "displaced", "homeless", "flee", "shelter", "refugee"]
    ),
    "arrested": frozenset(["arrest", "arrested", "detain", "detained", "custody", "charge"]),
}
# Tolls: counts of people that rise as a story develops, and how far apart two stated values may be
# and still be one figure whatever their qualifiers.
TOLLS = frozenset({"dead", "injured", "missing", "trapped", "displaced", "arrested"})
TOLL_SPREAD = 3.0
# The event's own measures: compared across the whole story, and two sentences that disagree on
# one are never one fact. Other kinds ("count:house:damage") are compared only inside one fact.
EVENT_KINDS = TOLLS | {"magnitude", "depth", "distance"}
# What a toll counts: people, or the toll itself ("170 fatalities").
PEOPLE = frozenset(
    [
        "person",
        "people",
        "man",
        "woman",
        "child",
        "children",
        "kid",
        "baby",
        "resident",
        "villager",
        "worker",
        "soldier",
        "civilian",
        "student",
        "passenger",
        "victim",
        "other",
        "officer",
        "policeman",
        "miner",
        "tourist",
        "pilgrim",
        "prisoner",
        "protester",
        "demonstrator",
        "activist",
        "suspect",
        "migrant",
        "fan",
        "citizen",
        "adult",
        "teenager",
        "girl",
        "boy",
        "member",
        "crew",
        "firefighter",
        "patient",
    ]
)
TOLL_NOUNS = frozenset({"death", "fatality", "casualty", "injury", "life", "body"})
# Entity types of a proper noun that is no person; "GPE" is not among them: the small model calls
# "Raj Chohan" a place, and "Aceh, 59," reads as no sentence of news.
NOT_PEOPLE = frozenset({"DATE", "TIME", "EVENT", "PRODUCT", "MONEY", "QUANTITY"})
# Words between a count and its cue that carry no meaning of their own ("seven were injured").
_PASS_THROUGH = frozenset(
    [
        "be",
        "have",
        "been",
        "were",
        "was",
        "are",
        "is",
        "reportedly",
        "still",
        "also",
        "so",
        "far",
        "confirm",
        "confirmed",
        "more",
        "other",
        "others",
    ]
)
# Kinds of figures that name a point, not a quantity (`extract.ordinals`, `extract.records`,
# `align.marks`): a year, a rank, a day, a win-loss record; no qualifier or rounding applies.
MARK_KINDS = frozenset({"year", "ordinal", "date", "day", "weekday", "month", "record"})
# Of those, the kinds that name a day at some precision: a calendar day, a day of a month, a month
# (`days_agree`).
DAY_KINDS = frozenset({"date", "day", "month"})
# Words next to a number that name the measure itself ("6.1-magnitude", "magnitude 6.1", "10 km deep").
MAGNITUDE_WORDS = frozenset({"magnitude", "richter"})
DEPTH_WORDS = frozenset({"depth", "deep", "beneath", "below", "underground"})
LENGTH_WORDS = frozenset({"long", "length", "tall", "high", "height", "wide", "width"})
# Metres per unit, for comparing measures of length given in different units.
METRES = {
    "km": 1000.0,
    "mile": 1609.344,
    "m": 1.0,
    "ft": 0.3048,
    "cm": 0.01,
    "mm": 0.001,
    "inch": 0.0254,
}
# A converted measure is rounded by whoever converted it ("10 kilometers (6 miles)"): 6 miles is
# 9.66 km, so conversions agree within this relative tolerance.
CONVERSION_TOLERANCE = 0.06
# A count up to this after "the" refers to things already told of (`_referring`).
REFERRING_MAX = 3
# How far from the number (in tokens) a measure word may stand.
_NEAR = 3


def figure_kind(number: NumberMention, doc: Any = None) -> str | None:
    """The kind of quantity `number` states: "dead", "injured", "missing", "trapped", "displaced", "arrested",
    "magnitude", "depth", "distance", "length", "money:USD", "percent", "age", "address:<street>"
    (a house number: "200 W. American Blvd."), "duration" (with
    ":after" or ":window" for a lag or a window of time: `duration_role`), or a
    "count:<counted>:<verb>" key; None for a bare number with nothing to say what it counts."""
    tokens = number_tokens(number, doc)
    near = _near_lemmas(tokens)
    if number.unit in METRES:
        return _length_kind(near, tokens)
    if near & MAGNITUDE_WORDS and number.value < 10:
        return "magnitude"
    if number.unit == "percent":
        return "percent"  # what a share is of, and what money pays for, is worded too freely to key
    if number.unit and number.unit.isupper() and len(number.unit) == 3:
        return f"money:{number.unit}"
    if number.unit in TIME_UNITS:
        if "old" in near:
            return _named_age(tokens) or "age"  # "32-year-old Englishman Robert Buckley"
        role = duration_role(tokens)
        if role == "rate":
            return None  # "three days a week": how often, not how long
        return f"duration:{_counted_key(number.counts)}" + (f":{role}" if role else "")
    kind = _age_of(number, tokens) or _stated_age(number, tokens) or _toll_kind(number, tokens)
    if kind:
        return kind
    if number.counts and not number.unit and _referring(number, tokens):
        return None  # "the two countries prepare for talks": things told of, not a figure
    counted = _counted_key(number.counts)
    if counted and counted.split()[-1] in STREET_WORDS:
        return f"address:{counted}"  # "at 200 W. American Blvd.": a house number, not a count
    if number.unit or number.counts:
        return f"count:{_counted_key(number.counts) or number.unit}:{_verb(tokens)}"
    return None


# "no" before a toll noun, a few words of time or manner between ("no new arrests", "no reported
# deaths"), not "no more than" nor "no fewer than".
_ZERO_TOLL = re.compile(
    r"\b(?:no|zero)\s+(?:(?:new|further|immediate|other|reported|known|confirmed)\s+)?"
    rf"({'|'.join(ZERO_TOLL_NOUNS)})\b",
    re.I,
)


def zero_tolls(text: str, source_id: str) -> list[NumberMention]:
    """Tolls stated as none ("No arrests have yet been made", "there were no deaths"): value 0,
    counting the toll noun, the words "No arrests" cited."""
    return [
        NumberMention(Span(source_id, m.start(), m.end()), m.group(0), 0.0, counts=m.group(1))
        for m in _ZERO_TOLL.finditer(text)
    ]


def duration_role(tokens: Any) -> str | None:
    """What a span of time measures besides how long something lasted: "rate" ("three days a
    week"), "after" (a lag between two events: "one day after the bombings", "two years ago") or
    "window" (the time over which something is counted: "in the last three days", "within a
    week"); None for a length ("walked seven days", "felt for 15 seconds") or without a parse."""
    if tokens is None:
        return None
    doc, sent = tokens.doc, tokens[0].sent
    after = [t.lower_ for t in doc[tokens.end : min(sent.end, tokens.end + 2)]]
    if (
        len(after) == 2
        and after[0] in RATE_WORDS
        and doc[tokens.end + 1].lemma_.lower() in TIME_UNITS
    ):
        return "rate"
    if after[:1] and after[0] in OFFSET_WORDS:
        return "after"
    before = {t.lower_ for t in doc[max(sent.start, tokens.start - 2) : tokens.start]}
    return "window" if before & WINDOW_WORDS else None


def _referring(number: NumberMention, tokens: Any) -> bool:
    """A small count after "the" ("the two countries", "the three men") refers to things already
    told of; it is not a quantity an outlet reports."""
    if tokens is None or number.value > REFERRING_MAX or not len(tokens):
        return False
    first = tokens[0]
    return first.i > 0 and first.doc[first.i - 1].lower_ == "the"


def _stated_age(number: NumberMention, tokens: Any) -> str | None:
    """ "age" for a bare number said to be one ("died last month aged 94", "at the age of 91")."""
    if tokens is None or number.unit or not 0 < number.value < 120:
        return None
    before = [t.lower_ for t in tokens.doc[max(0, tokens.start - 3) : tokens.start]]
    return "age" if before[-1:] == ["aged"] or before[-3:] == ["the", "age", "of"] else None


def _age_of(number: NumberMention, tokens: Any) -> str | None:
    """ "age:<name>" for a bare number set off after a person's name ("Raj Chohan, 59, was killed")."""
    if tokens is None or number.unit or not 0 < number.value < 120:
        return None
    doc = tokens.doc
    before = doc[tokens.start - 2 : tokens.start] if tokens.start >= 2 else None
    after = doc[tokens.end] if tokens.end < len(doc) else None
    if before is None or before[1].text != "," or after is None or after.text != ",":
        return None
    name = before[0]
    # a capitalised noun is a name the model took for a word ("Cheeks, 48, logged ...")
    named = name.pos_ == "PROPN" or (name.pos_ == "NOUN" and name.text[:1].isupper())
    if name.ent_type_ != "PERSON" and (not named or name.ent_type_ in NOT_PEOPLE):
        return None
    return f"age:{name.lower_}"


def _named_age(tokens: Any) -> str | None:
    """ "age:<family name>" for an age right before the person's name ("36-year-old Duncan Rait",
    "the 49-year-old Sementilli", "32-year-old Englishman Robert Buckley"); None before a common
    noun ("a 59-year-old woman")."""
    if tokens is None:
        return None
    doc, sent = tokens.doc, tokens[0].sent
    for t in doc[tokens.end : min(sent.end, tokens.end + 4)]:
        if t.pos_ == "PROPN" and t.ent_type_ not in NOT_PEOPLE:
            end = t.i
            while end + 1 < sent.end and doc[end + 1].pos_ == "PROPN":
                end += 1
            return f"age:{doc[end].lower_}"
        if t.is_punct or t.pos_ not in {"ADJ", "NOUN"} or not t.text[:1].isupper():
            return None  # a common noun, a verb: no name follows
    return None


def _toll_kind(number: NumberMention, tokens: Any) -> str | None:
    """ "dead", "injured", ... for a count of people (or a bare number) that a cue word describes:
    first the words right after it ("24 dead and over 200 injured", "seven were injured"), then
    its chain of heads ("killing at least five people", "the death toll rose to 24")."""
    counted = _counted_key(number.counts)
    head = counted.split()[-1] if counted else ""
    for kind, cues in KIND_CUES.items():
        if counted in cues or (head == "toll" and set(counted.split()[:-1]) & cues):
            return kind  # "1 dead", "leaving 24 dead", "170 fatalities", "the death toll to 11"
    if counted and counted not in PEOPLE and counted not in TOLL_NOUNS:
        return None
    for lemmas in (_after_lemmas(tokens), _context_lemmas(tokens)):
        for kind, cues in KIND_CUES.items():
            if lemmas & cues:
                return kind
    return None


# A compass direction after a distance ("55 km (34 miles) west of Bireun").
DIRECTION = re.compile(
    r"^\s*(?:\([^)]{0,40}\)\s*)?((?:north|south)?-?(?:east|west)?(?:north|south)?)(?:ern)?\s+of\b",
    re.I,
)


def direction_of(number: NumberMention, text: str) -> str | None:
    """ "west" for "55 km west of Bireun"; None when no direction follows the distance."""
    m = DIRECTION.match(text[number.span.end : number.span.end + 60])
    return m.group(1).lower().replace("-", "") if m and m.group(1) else None


def same_kind_in_brackets(numbers: list[NumberMention], text: str) -> None:
    """A measure converted in brackets right after another ("10 kilometers (6 miles)") is the same
    figure: it takes the kind of the one it converts (a depth stays a depth)."""
    for before, after in itertools.pairwise(numbers):
        if before.kind and _converts(before, after, text):
            after.kind = before.kind


def conversions(numbers: list[NumberMention], text: str) -> set[tuple[str, int]]:
    """The places of measures that convert the one before them in brackets ("55 kilometers (34
    miles)": the 34 miles): shown with the figure of the measure they convert, never a figure of
    their own."""
    return {
        (after.span.source, after.span.start)
        for before, after in itertools.pairwise(numbers)
        if _converts(before, after, text)
    }


def _converts(before: NumberMention, after: NumberMention, text: str) -> bool:
    gap = text[before.span.end : after.span.start]
    return before.unit in METRES and after.unit in METRES and gap.strip() == "("


def figures_agree(a: NumberMention, b: NumberMention) -> bool:
    """Do two values of one kind of figure agree (qualifiers, rounding and unit conversion
    understood)? Marks (`MARK_KINDS`: a year, a rank, a day) agree only when equal."""
    if (a.kind or "").startswith("time:"):
        return times_agree(a, b)
    if (a.kind or "") in DAY_KINDS:
        return days_agree(a.value, b.value)
    if (a.kind or "").partition(":")[0] in MARK_KINDS:
        return a.value == b.value  # "March 2" is no rounding of "April 21, 2004" (20040421)
    if a.unit in METRES and b.unit in METRES and a.unit != b.unit:
        x, y = a.value * METRES[a.unit], b.value * METRES[b.unit]
        return abs(x - y) <= CONVERSION_TOLERANCE * max(abs(x), abs(y))
    if a.unit in SECONDS and b.unit in SECONDS and a.unit != b.unit:
        a, b = _in_seconds(a), _in_seconds(b)  # "around one minute" / "around 15 seconds"
    if a.kind in TOLLS and far_apart([a.value, b.value]):
        return False
    low_a, high_a = _interval(a)
    low_b, high_b = _interval(b)
    return max(low_a, low_b) <= min(high_a, high_b) or _rounded(a, b) or _rounded(b, a)


def days_agree(a: float, b: float) -> bool:
    """Do two days agree, each named as a calendar day (YYYYMMDD), a day of a month with no year
    (MMDD) or a month (1-12: `extract.ordinals.date_marks`, `align.marks.days_of_month`)? At the
    coarser of the two: "23 December" agrees with "in December", "March 2, 2014" with "the March
    2 broadcast"; "March 2" does not with "April 21, 2004" (no rounding of a day)."""
    (fine, fine_kind), (coarse, coarse_kind) = sorted(
        [(int(a), _day_precision(a)), (int(b), _day_precision(b))], key=lambda x: -x[1]
    )
    if fine_kind == coarse_kind:
        return fine == coarse
    if coarse_kind == 1:  # a month
        return (fine // 100) % 100 == coarse
    return fine % 10000 == coarse  # a day of a month in a calendar day


def _day_precision(value: float) -> int:
    """3 for a calendar day (YYYYMMDD), 2 for a day of a month (MMDD), 1 for a month."""
    return 3 if value >= 10000 else 2 if value >= 100 else 1


def _in_seconds(n: NumberMention) -> NumberMention:
    return dataclasses.replace(n, value=n.value * SECONDS[n.unit or "second"], unit="second")


def far_apart(values: list[float]) -> bool:
    """Tolls whose stated values are `TOLL_SPREAD` times apart ("at least five" / "at least 24"
    dead) do not agree for a reader, though a lower bound allows any higher figure: the toll moved."""
    stated = [abs(v) for v in values if v]
    return bool(stated) and max(stated) >= TOLL_SPREAD * min(stated)


def number_tokens(number: NumberMention, doc: Any) -> Any:
    """The parse's tokens of a number; None without a parse."""
    if doc is None:
        return None
    span = doc.char_span(number.span.start, number.span.end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _near_lemmas(tokens: Any) -> set[str]:
    """Lowercased words within a few tokens of the number, and the parts of a hyphenated word."""
    if tokens is None:
        return set()
    doc = tokens.doc
    sent = tokens[0].sent
    lo, hi = max(sent.start, tokens.start - _NEAR), min(sent.end, tokens.end + _NEAR)
    words = set()
    for t in doc[lo:hi]:
        words.add(t.lemma_.lower())
        words.update(p.lower() for p in t.text.split("-"))
    return words


def _length_kind(near: set[str], tokens: Any) -> str:
    if near & DEPTH_WORDS or (tokens is not None and _context_lemmas(tokens) & DEPTH_WORDS):
        return "depth"
    if near & LENGTH_WORDS:
        return "length"
    return "distance"


def _to_death(verb: Any) -> set[str]:
    """{"death"} for a verb done "to death" ("shot to death one person": the one is dead, not
    one of those shot), but not a sentence ("sentenced to death")."""
    if verb.lemma_.lower() in DEATH_SENTENCE_VERBS:
        return set()
    deaths = [
        o
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "to"
        for o in c.children
        if o.dep_ == "pobj" and o.lemma_.lower() == "death"
    ]
    return {"death"} if deaths else set()


def _after_lemmas(tokens: Any) -> set[str]:
    """The first meaningful word after the number (and the people it counts), in its sentence."""
    if tokens is None:
        return set()
    sent = tokens[0].sent
    for t in tokens.doc[tokens.end : min(sent.end, tokens.end + 5)]:
        lemma = t.lemma_.lower()
        if t.is_punct or t.dep_ == "cc":
            return set()
        if (
            lemma in _PASS_THROUGH
            or t.lower_ in _PASS_THROUGH
            or _counted_key(t.lower_) in PEOPLE
            or t.pos_ == "AUX"
        ):
            continue
        return {lemma, t.lower_}
    return set()


def _context_lemmas(tokens: Any) -> set[str]:
    """Lemmas that say what the number is about: the noun it counts and that noun's modifiers,
    the verbs and nouns up its chain of heads to the first verb, and that verb's subject
    ("the death toll rose to 24")."""
    if tokens is None:
        return set()
    anchor = anchor_token(tokens)
    out: set[str] = set()
    node = anchor
    for step in range(4):
        if (
            step
            and node.pos_ in {"NOUN", "PROPN"}
            and _counted_key(node.lower_) not in PEOPLE | TOLL_NOUNS
        ):
            break  # "a mother of two died": the two are not the dead
        out.add(node.lemma_.lower())
        out.update(
            c.lemma_.lower()
            for c in node.children
            if c.dep_ in {"amod", "acl", "relcl", "compound", "acomp", "advmod"}
            and c.i not in range(tokens.start, tokens.end)
        )
        if node.pos_ in {"VERB", "AUX"} or node.head is node:
            out.update(
                c.lemma_.lower()
                for c in node.children
                if c.dep_ in {"acomp", "oprd", "xcomp", "ccomp"}
            )
            out.update(_to_death(node))
            if anchor.dep_ not in {
                "nummod",
                "quantmod",
                "compound",
            }:  # "the toll rose to 24", not "injured people ... two trucks"
                out.update(
                    w.lemma_.lower()
                    for c in node.children
                    if c.dep_ in {"nsubj", "nsubjpass"}
                    for w in c.subtree
                )
            break
        node = node.head
    return out


def _verb(tokens: Any) -> str:
    if tokens is None:
        return ""
    node = anchor_token(tokens)
    for _ in range(4):
        if node.pos_ == "VERB":
            return node.lemma_.lower()
        if node.head is node:
            break
        node = node.head
    return ""


def governor(doc: Any, span: Span) -> str | None:
    """The lemma of the verb or noun an expression (a date, a year) hangs on ("filed paperwork
    Wednesday": "file"); None without a parse."""
    token = governor_token(doc, span)
    return str(token.lemma_.lower()) if token is not None else None


def governor_token(doc: Any, span: Span) -> Any:
    """The token of the verb or noun an expression hangs on (`governor`); None without one."""
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand") if doc else None
    if tokens is None or not len(tokens):
        return None
    token = tokens.root
    for _ in range(4):
        if token.head is token:
            return None
        token = token.head
        if token.pos_ in {"VERB", "NOUN"} and not (tokens.start <= token.i < tokens.end):
            return token
    return None


def stem(word: str) -> str:
    """One form for a verb and its noun ("filed" / "a court filing": "fil")."""
    return re.sub(r"(?:ing|ed|es|e|s)$", "", word)


def anchor_token(tokens: Any) -> Any:
    """The token through which a number's tokens hang on the rest of the sentence."""
    outside = [t for t in tokens if not (tokens.start <= t.head.i < tokens.end) or t.head.i == t.i]
    return outside[-1] if outside else tokens[-1]
