"""Conflicts of a closed category ("slot conflicts"): two sources say one thing of one thing but
give it values of one closed word class that cannot both be true: a colour ("a silver Toyota
Camry" / "a grey Toyota Camry"), the kind of a named ship ("Patrol vessel INS Sukanya" / "frigate
INS Sukanya"), on land or at sea ("the quake struck inland" / "struck off Aceh province"), the
named place a thing is at ("a Logan Square daycare" / "a Palmer Square day care"), where a person
lives ("who lived in South Ozone Park" / "Raj K. Chohan, 59, of College Point"), a rank of one
ladder ("former partner" / "former associate"), the day one speaker's quoted words give ("This
morning I was stopped" / "Yesterday I was stopped"), how well a thing was done ("was well
equipped" / "was insufficiently equipped") and what was done to a number of people ("apprehending
26 pirates" / "rescued 26 crewmembers"). Days and months by name: `conflicts.py`.

Each value is a `Fill`: its slot, the thing it is of (`key`), the value in one form, the words
that state it (cited). Two fills of one slot and key from different witnesses conflict when their
values differ and the two are about one thing: sentences that state one claim (`sameclaim`), one
named thing, one person, or the story's own event (no sentence of another time). A source that
gives two values of one slot and key (two cars, two quakes) tells of two things: it is left out.
A place one source names that the other source names too is no rival of it (the other may hold
it: "Queens" / "South Ozone Park").
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from ..extract.date_patterns import DAYWORDS
from ..extract.entities import name_key
from ..extract.figures import governor, stem
from ..extract.frames import event_word
from ..lexicon import (
    ADEQUATE_MANNERS,
    ATTACKER_NOUNS,
    CARRYING_VERBS,
    COLOUR_KIND_HEADS,
    COLOURS,
    EVENT_SYNONYMS,
    FATE_VERBS,
    FURTHER_WORDS,
    INADEQUATE_MANNERS,
    OFFSHORE_PREPOSITIONS,
    PEOPLE_NOUNS,
    RANK_FORMS,
    RANK_LADDERS,
    RELATION_WORDS,
    RESIDING_VERBS,
    SETTINGS,
    TITLE_ENDS,
    VESSEL_TYPES,
    WEAPON_KINDS,
    word_gender,
)
from ..models import Conflict, ConflictValue, Document, Entity, Span
from .sameclaim import probability
from .timeline import background
from .vectors import SentenceVector

# Two sentences giving one thing two colours state one claim from this same-claim probability
# ("hit by a silver Toyota Camry" / "struck by a grey Toyota Camry heading north": 0.5 to 0.59 on
# the claims dev story of the car; `bench/claims.py`).
COLOUR_LINK = 0.5
# Two sentences naming two places for one thing ("an incident at a Logan Square daycare" / "at a
# Palmer Square day care") state one claim from this probability: a place modifier is weaker
# evidence than a colour (a city and its district are both true), so the sentences must be nearly
# one sentence.
PLACE_LINK = 0.9
# Two sentences quoting one speaker's words with different relative days ("This morning I was
# stopped by an officer" / "Yesterday I was stopped by an officer": 0.90 on ecb-35) state one claim
# from this probability: the words are the speaker's, said once, so the day cannot differ.
QUOTE_LINK = 0.8
# Place names tagged as these are not places.
_NOT_PLACES = {"PERSON", "ORG", "NORP", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "PRODUCT"}


@dataclass(frozen=True)
class Fill:
    slot: str  # "colour", "vessel type", "setting", "place", "residence", "rank"
    key: str  # what the value is of: a head noun, a name, an event, a person's id
    value: str  # the value in one form ("grey" for "gray")
    span: Span  # the words that state it
    witness: str
    label: str = ""  # the thing as written ("Toyota Camry", "INS Sukanya", "quake hit")
    link: SentenceVector | None = None  # the sentence (sentence slots); None for a person


def slot_conflicts(vectors: list[SentenceVector]) -> list[Conflict]:
    """Conflicts of colours, ship kinds, on land or at sea, and named places of one thing, read
    off the sentences of the statements."""
    fills = [f for v in vectors if not v.part for f in _sentence_fills(v)]
    texts = {v.source: v.document.source.text for v in vectors}
    return _conflicts(_one_value_each(fills), texts, _linked_sentences)


def fill_conflicts(fills: list[Fill], texts: dict[str, str], linked) -> list[Conflict]:
    """Conflicts of fills another module reads (`align.deaths`), by this module's rules."""
    return _conflicts(_one_value_each(fills), texts, linked)


def entity_slot_conflicts(entities: list[Entity], documents: list[Document]) -> list[Conflict]:
    """Conflicts of where one person lives and of the rank a person holds."""
    by_source = {d.source.id: d for d in documents}
    texts = {s: d.source.text for s, d in by_source.items()}
    fills = [f for e in entities if e.type == "person" for f in _person_fills(e, by_source)]
    return _conflicts(_one_value_each(fills), texts, lambda a, b: True)


# --- what the sentences say ------------------------------------------------------------------------


def _sentence_fills(v: SentenceVector):
    tokens = v.tokens()
    if tokens is None:
        return
    readers = (
        _colours,
        _vessel_types,
        _settings,
        _place_modifiers,
        _quoted_days,
        _adequacies,
        _fates,
        _weapons,
    )
    for reader in readers:
        for slot, key, value, first, last, label in reader(v, tokens):
            yield Fill(slot, key, value, v.span_of(first, last), v.witness, label, v)


def _colours(v: SentenceVector, tokens):
    """ "a silver Toyota Camry", "a 2013 gray Camry": a lower-case colour, then the words of one
    noun phrase up to its last noun (the thing: "camry"); not a colour said of a person."""
    for t in tokens:
        if t.text not in COLOURS:
            continue
        head = _phrase_head(t, tokens)
        if head is None or head.lemma_.lower() in PEOPLE_NOUNS | COLOUR_KIND_HEADS:
            continue
        if not word_gender(head.lower_):
            yield "colour", head.lemma_.lower(), COLOURS[t.text], t.i, head.i, head.text


def _phrase_head(t, tokens):
    """The last noun of the run of nouns, numbers and adjectives after `t` (up to four words)."""
    head = None
    for u in tokens.doc[t.i + 1 : min(t.i + 5, tokens.end)]:
        if u.pos_ not in {"NOUN", "PROPN", "NUM", "ADJ"} or u.lower_ in COLOURS:
            break
        if u.pos_ in {"NOUN", "PROPN"}:
            head = u
    return head


def _vessel_types(v: SentenceVector, tokens):
    """ "Patrol vessel INS Sukanya", "Navy's frigate INS Sukanya": a kind of ship just before a
    name (not a person's); the thing is the name's last word."""
    doc = tokens.doc
    for t in tokens:
        if t.lower_ not in _VESSEL_FIRST_WORDS:
            continue
        for size in (2, 1):
            end = min(t.i + size, tokens.end)
            kind = VESSEL_TYPES.get(" ".join(u.lower_ for u in doc[t.i : end]))
            if kind is None or end >= tokens.end:
                continue
            name = _name_after(doc, end, tokens.end)
            if name is not None:
                yield "vessel type", name[-1].lower_, kind, t.i, name[-1].i, name.text
            break


_VESSEL_FIRST_WORDS = {kind.split()[0] for kind in VESSEL_TYPES}


def _name_after(doc, i: int, end: int):
    """The run of proper nouns from token `i` (not a person's name), or None."""
    j = i
    while j < end and doc[j].pos_ == "PROPN":
        j += 1
    if j == i or any(doc[k].ent_type_ == "PERSON" for k in range(i, j)):
        return None
    return doc[i:j]


def _settings(v: SentenceVector, tokens):
    """ "The quake struck inland" / "struck off Indonesia's Aceh province" / "struck offshore":
    on land or at sea, said of the verb of the story's event (its subject's noun and the verb in
    one form); not in a sentence of another time, nor of "another" or "a second" quake."""
    for t in tokens:
        if t.lower_ not in SETTINGS and t.lower_ not in OFFSHORE_PREPOSITIONS:
            continue
        value, last, verb = SETTINGS.get(t.lower_), t, t.head
        if value is None and t.lower_ in OFFSHORE_PREPOSITIONS:
            value, last = ("at sea", _off_place(t)) if _off_objects(t) else (None, t)
        if value is None or verb.pos_ != "VERB":
            continue
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None or any(c.lower_ in FURTHER_WORDS for c in subject.children):
            continue
        if background(v.document, v.sentence):
            return
        event = f"{_event(subject.lemma_)} {_event(verb.lemma_)}"
        label = f"{subject.text} {verb.text}"
        yield "setting", event, value, min(subject.i, t.i), max(last.i, verb.i), label


def _off_objects(t) -> list:
    """The place a verb's "off" puts it off ("struck off Indonesia's Aceh province", parsed as a
    preposition or a particle), when a name or "the coast" follows."""
    if t.dep_ == "prep":
        objects = [c for c in t.children if c.dep_ == "pobj"]
    elif t.dep_ == "prt":
        objects = [c for c in t.head.children if c.dep_ == "dobj" and c.i > t.i]
    else:
        return []
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    if nxt is None or not (nxt.pos_ == "PROPN" or nxt.lower_ == "the"):
        return []
    if nxt.pos_ == "PROPN":
        return objects
    return [o for o in objects if o.lemma_.lower() in {"coast", "shore"}]


def _off_place(t):
    """The last word of the name after "off" ("off Indonesia's Aceh province")."""
    last = t
    for u in t.doc[t.i + 1 : t.i + 7]:
        if u.pos_ not in {"PROPN", "NOUN", "PART", "ADJ", "DET"} or (
            u.pos_ == "DET" and u.i > t.i + 1
        ):
            break
        last = u
    return last


def _event(lemma: str) -> str:
    return EVENT_SYNONYMS.get(lemma.lower(), lemma.lower())


def _place_modifiers(v: SentenceVector, tokens):
    """ "at a Logan Square daycare" / "at a Palmer Square day care": a name before a common noun
    (joined with the nouns before it: "daycare"), the name not a person's or a company's."""
    doc = tokens.doc
    for t in tokens:
        if t.pos_ != "NOUN" or t.dep_ == "compound":
            continue
        first = t.i
        while (
            first > tokens.start
            and doc[first - 1].pos_ == "NOUN"
            and doc[first - 1].dep_ == "compound"
        ):
            first -= 1
        start = first
        while (
            start > tokens.start
            and doc[start - 1].pos_ == "PROPN"
            and doc[start - 1].dep_ == "compound"
        ):
            start -= 1
        name = doc[start:first]
        if len(name) and not any(u.ent_type_ in _NOT_PLACES for u in name):
            key = "".join(u.lower_ for u in doc[first : t.i + 1])
            yield "place", key, name.text, start, t.i, doc[first : t.i + 1].text


def _quoted_days(v: SentenceVector, tokens):
    """ "This morning I was stopped" / "Yesterday I was stopped": a day named relative to when the
    words were said ("today", "yesterday"), inside a quote, with the verb it dates."""
    d = v.document
    for m in d.index("dates").overlapping(tokens.start_char, tokens.end_char):
        offset = DAYWORDS.get(m.text.lower())
        if offset is None or not tokens.start_char <= m.span.start:
            continue
        quotes = d.index("quotes").overlapping(m.span.start, m.span.end)
        if not any(q.kind == "direct" and q.span.contains(m.span) for q in quotes):
            continue
        lemma = governor(d.nlp, m.span)
        words = d.nlp.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if lemma and words is not None:
            label = f'"{lemma}"'
            yield (
                "quoted day",
                stem(event_word(lemma)),
                str(offset),
                words.start,
                words.end - 1,
                label,
            )


def _adequacies(v: SentenceVector, tokens):
    """ "was well equipped" / "appeared to be insufficiently equipped" / "ill-equipped climber" /
    "were not properly equipped": a participle with an adverb of how well it was done
    (`lexicon.ADEQUATE_MANNERS`, `INADEQUATE_MANNERS`; "not" turns the first kind), keyed by the
    participle ("equipped")."""
    for t in tokens:
        if not (t.tag_ == "VBN" or (t.pos_ == "ADJ" and t.lower_.endswith("ed"))):
            continue
        manners = [c for c in t.children if c.dep_ == "advmod" and c.lower_ in _MANNERS]
        if len(manners) != 1:
            continue
        good = manners[0].lower_ in ADEQUATE_MANNERS
        negated = [c for c in t.children if c.dep_ == "neg" and c.i < manners[0].i]
        if negated and not good:
            continue  # "not poorly equipped": says little
        value = "adequately" if good and not negated else "inadequately"
        first = negated[0].i if negated else manners[0].i
        yield "adequacy", stem(t.lower_), value, first, t.i, t.lower_


_MANNERS = ADEQUATE_MANNERS | INADEQUATE_MANNERS


def _fates(v: SentenceVector, tokens):
    """ "apprehending 26 Somali pirates" / "rescued 26 Somali crewmembers" / "26 pirates
    arrested": a number of people (more than one) that a verb of `lexicon.FATE_VERBS` takes as
    its object (or passive subject), keyed by the number: held or freed."""
    for t in tokens:
        if t.dep_ != "nummod" or not t.like_num:
            continue
        noun, verb = t.head, t.head.head
        fate = FATE_VERBS.get(verb.lemma_.lower()) if verb.pos_ == "VERB" else None
        passive = noun.dep_ == "nsubj" and verb.tag_ == "VBN"  # a headline's "26 pirates arrested"
        if fate is None or not (noun.dep_ in {"dobj", "nsubjpass"} or passive):
            continue
        count = next((n for n in _in_tokens(v, t) if n.value > 1), None)
        if count is not None:
            first, last = min(t.i, verb.i), max(noun.i, verb.i)
            yield "fate", f"{count.value:g}", fate, first, last, f"{count.value:g} {noun.lower_}"


def _weapons(v: SentenceVector, tokens):
    """ "the shooter ... who brought a rifle into the building" / "walked into his former office
    with a shotgun": a kind of weapon (`lexicon.WEAPON_KINDS`) carried by the one who does the
    act, an attacker word or a person (`lexicon.ATTACKER_NOUNS`; not "police armed with rifles"):
    the object of a carrying verb or "with" a verb; not in a sentence of another time."""
    for t in tokens:
        kind = WEAPON_KINDS.get(t.lemma_.lower()) if t.pos_ == "NOUN" else None
        if kind is None:
            continue
        verb = t.head.head if t.dep_ == "pobj" and t.head.lower_ == "with" else t.head
        carried = t.dep_ == "dobj" and verb.lemma_.lower() in CARRYING_VERBS
        held = t.dep_ == "pobj" and verb is not t.head  # "with a shotgun"
        if not (carried or held) or verb.pos_ not in {"VERB", "ADJ"}:
            continue
        holder = _holder(verb)
        if holder is not None and not background(v.document, v.sentence):
            yield "weapon", "attacker", kind, min(t.i, verb.i), max(t.i, verb.i), "the attacker"


def _holder(verb):
    """Who holds what `verb` does with a weapon, when it is an attacker or a person: the verb's
    subject (up the heads of a clause without one: "with the purpose of killing him"), the noun a
    relative clause or participle describes ("an employee who brought", "police armed")."""
    node = verb
    for _ in range(6):
        subject = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None or node.dep_ == "acl" or node.head is node:
            break
        node = node.head
    if node.dep_ == "acl":
        subject = node.head
    if subject is not None and subject.lower_ in {"who", "that"} and node.dep_ == "relcl":
        subject = node.head
        if subject.dep_ == "attr":  # "the shooter was an employee who brought ..."
            subject = next((c for c in subject.head.children if c.dep_ == "nsubj"), subject)
    if subject is None:
        return None
    person = subject.ent_type_ == "PERSON" or subject.lower_ in {"he", "she"}
    return subject if person or subject.lemma_.lower() in ATTACKER_NOUNS else None


def _in_tokens(v: SentenceVector, t) -> list:
    """The numbers read at a token."""
    return v.document.index("numbers").overlapping(t.idx, t.idx + len(t))


# --- what is said of people ------------------------------------------------------------------------


def _person_fills(e: Entity, documents: dict[str, Document]):
    yield from _residences(e, documents)
    witness = {s: d.source.witness or s for s, d in documents.items()}
    for f in _ranks(e):
        yield Fill(f.slot, f.key, f.value, f.span, witness.get(f.span.source, f.witness), e.name)


def _residences(e: Entity, documents: dict[str, Document]):
    """ "Raj K. Chohan, 59, of College Point" (after an age, any name but a person's; else a
    place's), "Raj Chohan, who lived in South Ozone Park"."""
    for span in e.mentions:
        d = documents.get(span.source)
        if d is None or d.nlp is None:
            continue
        mention = d.nlp.char_span(span.start, span.end, alignment_mode="expand")
        if mention is None or not len(mention):
            continue
        place = _of_place(mention) or _lived_in(mention)
        if place is not None:
            where = Span(span.source, span.start, place[-1].idx + len(place[-1]))
            witness = d.source.witness or d.source.id
            yield Fill("residence", e.id, place.text, where, witness, e.name)


def _of_place(mention):
    doc, i = mention.doc, mention.end
    aged = False
    if i + 3 < len(doc) and doc[i].text == "," and doc[i + 1].like_num and doc[i + 2].text == ",":
        i, aged = i + 3, True
    if i >= len(doc) or doc[i].lower_ != "of":
        return None
    place = _name_after(doc, i + 1, min(len(doc), i + 6))
    if place is None:
        return None
    kinds = {u.ent_type_ for u in place}
    if aged or (kinds & {"GPE", "LOC", "FAC"} and not kinds & _NOT_PLACES):
        return place  # after an age, a name is where the person is from, whatever its tag
    return None


def _lived_in(mention):
    for clause in mention.root.children:
        if clause.dep_ != "relcl" or clause.lemma_.lower() not in RESIDING_VERBS:
            continue
        for t in clause.subtree:
            if t.lower_ == "in" and t.dep_ == "prep":
                objects = [c for c in t.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
                if objects:
                    return _name_after(mention.doc, t.i + 1, objects[0].i + 1)
    return None


def _ranks(e: Entity):
    """A rank of one ladder in the person's roles ("former partner", "the former associate"),
    with whether it is called former: "former associate" / "partner" can both be true. Not a
    relation to someone ("a former business partner", "Trump's associate", "an associate of")."""
    for role in e.roles:
        words = _title(role.text)
        possessive = re.search(r"['\u2019]s\b", role.text)
        if not words or possessive or (len(words) > 1 and words[-2] in RELATION_WORDS):
            continue
        if re.search(rf"\b{re.escape(words[-1])}\s+of\b", role.text.lower()):
            continue
        head = RANK_FORMS.get(words[-1], words[-1])
        ladder = next((i for i, ranks in enumerate(RANK_LADDERS) if head in ranks), None)
        if ladder is not None:
            former = "former" in words or "ex" in words
            key = f"{e.id}:{ladder}:{former}"
            yield Fill("rank", key, head, role.span, role.span.source, e.name)


def _title(role: str) -> list[str]:
    words = [w for w in re.split(r"[\s\-]+", role.lower().replace(".", "")) if w]
    cut = next((i for i, w in enumerate(words) if w in TITLE_ENDS or w.endswith(",")), len(words))
    return words[:cut]


# --- the conflicts -----------------------------------------------------------------------------------


def _one_value_each(fills: list[Fill]) -> list[Fill]:
    """The fills of the sources that give one value of a slot and key."""
    values: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for f in fills:
        values[(f.slot, f.key, f.span.source)].add(_norm(f.value))
    return [f for f in fills if len(values[(f.slot, f.key, f.span.source)]) == 1]


def _norm(value: str) -> str:
    return name_key(value).replace(" ", "")


def _linked_sentences(a: Fill, b: Fill) -> bool:
    """Are the two fills about one thing? A ship's kind and a setting: by their key (one named
    ship, the story's event); a colour and a place: their sentences state one claim."""
    if a.link is None or b.link is None:
        return False
    if a.slot in {"vessel type", "setting", "weapon"}:
        return True
    pa, pb = _people(a.link, a.span), _people(b.link, b.span)
    if pa and pb and not pa & pb:
        return False  # "Berg won a gold medal" / "Holt won a silver medal": two people's claims
    if a.slot == "adequacy" and pa & pb:
        return True  # "Mr Buckley was well equipped" / "Mr Buckley's group was ill-equipped"
    floor = {
        "colour": COLOUR_LINK,
        "adequacy": COLOUR_LINK,
        "fate": COLOUR_LINK,
        "quoted day": QUOTE_LINK,
    }.get(a.slot, PLACE_LINK)
    return probability(a.link, b.link) >= floor


def _people(v: SentenceVector, value: Span) -> set[str]:
    """The people the sentence names (their entity ids), but in the words of the value (a car's
    model may be taken for a name)."""
    span = v.sentence.span
    return {
        m.entity_id
        for m in v.document.entity_mentions
        if m.type == "person"
        and span.start <= m.span.start < span.end
        and not m.span.overlaps(value)
        and m.entity_id
    }


def _rivals(a: Fill, b: Fill, texts: dict[str, str]) -> bool:
    """Different values from different witnesses; a named place that the other's source names
    too is no rival of it (it may hold the other: "Queens" and "South Ozone Park")."""
    if a.witness == b.witness or _norm(a.value) == _norm(b.value):
        return False
    if a.slot in {"place", "residence"}:
        return not (_names(texts[a.span.source], b.value) or _names(texts[b.span.source], a.value))
    if a.slot == "weapon":  # a source naming both kinds tells of two weapons
        return not (_arms(texts[a.span.source], b.value) or _arms(texts[b.span.source], a.value))
    return True


def _arms(text: str, kind: str) -> bool:
    """Does the text name a weapon of the kind ("pistol" for "handgun"), singular or plural?"""
    return any(
        _names(text, w) or _names(text, f"{w}s") for w, k in WEAPON_KINDS.items() if k == kind
    )


def _names(text: str, name: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE) is not None


def _conflicts(fills: list[Fill], texts: dict[str, str], linked) -> list[Conflict]:
    groups: dict[tuple[str, str], list[Fill]] = defaultdict(list)
    for f in fills:
        groups[(f.slot, f.key)].append(f)
    out = []
    for (slot, _key), group in groups.items():
        kept: dict[str, Fill] = {}
        for a, b in combinations(group, 2):
            if _rivals(a, b, texts) and linked(a, b):
                kept.setdefault(a.span.source, a)
                kept.setdefault(b.span.source, b)
        if kept:
            out.append(_conflict(slot, list(kept.values()), texts))
    return out


_KIND = {
    "colour": "detail",
    "vessel type": "detail",
    "rank": "role",
    "residence": "place",
    "quoted day": "date",
    "adequacy": "detail",
    "fate": "detail",
    "weapon": "detail",
    "death place": "place",
}
_WHAT = {
    "colour": "colour of the {key}",
    "vessel type": "kind of ship of {key}",
    "setting": "where the {key}, on land or at sea",
    "place": "place of the {key}",
    "residence": "where {key} lives",
    "rank": "rank of {key}",
    "quoted day": "day the quoted words give for {key}",
    "adequacy": "how well {key}",
    "fate": "what happened to the {key}",
    "weapon": "weapon of {key}",
    "death place": "where {key} died",
}


def _conflict(slot: str, fills: list[Fill], texts: dict[str, str]) -> Conflict:
    values = [
        ConflictValue(f.span.source, f.span.slice(texts[f.span.source]), f.span.start, f.span.end)
        for f in sorted(fills, key=lambda f: (f.span.source, f.span.start))
    ]
    subject = _WHAT[slot].format(key=fills[0].label)
    given = " / ".join(dict.fromkeys(_shown(f, texts) for f in fills))
    note = f"{subject}: {given}; they cannot both be true, so one source is wrong ({_WHY[slot]})"
    return Conflict(_KIND.get(slot, "place"), values, subject=subject, note=note)  # type: ignore[arg-type]


def _shown(f: Fill, texts: dict[str, str]) -> str:
    """The value as the note gives it: the words for a day ("This morning"), else its form."""
    return f.span.slice(texts[f.span.source]) if f.slot == "quoted day" else f.value


_WHY = {
    "colour": "the sentences state one claim",
    "vessel type": "one named ship",
    "setting": "the story's event, in sentences of its own time",
    "place": "the sentences state one claim, and neither source names the other's place",
    "residence": "one person, and neither source names the other's place",
    "rank": "one person, ranks of one ladder that are held one at a time",
    "quoted day": "one speaker's words, said once, in sentences that state one claim",
    "adequacy": "one thing, named by one person or stated in one claim",
    "fate": "one number of people, in sentences that state one claim",
    "weapon": "one attacker's weapon, and neither source names the other's kind",
    "death place": "every source gives the story one dead",
}
