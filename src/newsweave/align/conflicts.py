"""Typed conflicts between sources: numbers, dates, names, roles (quote wording: see quotes.py).

Each conflict names the sources' values with their offsets and says in `note` why it is (or may
only seem) a conflict, so the reader can judge.
"""

from __future__ import annotations

import re
from itertools import combinations

from rapidfuzz.fuzz import ratio

from ..extract.date_patterns import DAYWORDS
from ..extract.dates import MONTHS, WEEKDAYS
from ..extract.figures import governor_token, stem
from ..extract.frames import event_word
from ..models import Conflict, ConflictValue, DateMention, Document, Entity, Span
from .figurelinks import anchor_cosine
from .vectors import SentenceVector, days_apart

# Family names at least this alike (rapidfuzz ratio) are spellings of one ("Morsi" / "Mursi").
SPELLING = 70
# Cosine of two sentences (their dates left out) above which two dates naming one verb date one
# event (`day_conflicts`). Read on the claims dev stories (bench/claims.py).
DAY_LINK = 0.4
# ... or above this, their numbers left out too, when both name one month of one year and one name
# ("In April last year an 8.6-magnitude quake struck 431 kilometres off Banda Aceh" / "An
# 8.7-magnitude earthquake also hit off the city of Banda Aceh in May 2012": 0.32; ecb-37).
YEAR_LINK = 0.3
# The day a report was written ("today", "this afternoon") is dated by the report's stamp, which
# may be of another time zone than the event's (a wire story reprinted abroad, stamped "April 10,
# 2007-7:07AM", tells of "this morning" in Detroit on April 9): such a day this many days off
# another source's date is no conflict. Not "yesterday": a writer who dates the event from the
# day after has the date to hand ("yesterday" in a Saturday report / "died on Friday" stays one).
ZONE_SLACK_DAYS = 1

# The titles of an office or post, the only descriptions two sources can disagree on ("White House
# spokesman" / "deputy press secretary", "former mayor" / "mayor"): "actor" / "beleaguered star"
# or "writer" / "friend" describe one person two ways, and an age or a misparse ("19", "show") is
# no title at all.
OFFICES = {  # in their TITLE_FORMS form
    "president",
    "premier",
    "minister",
    "secretary",
    "senator",
    "representative",
    "governor",
    "mayor",
    "ambassador",
    "envoy",
    "director",
    "chair",
    "chief",
    "ceo",
    "cfo",
    "spokesperson",
    "judge",
    "justice",
    "prosecutor",
    "attorney",
    "commissioner",
    "speaker",
    "chancellor",
    "king",
    "queen",
    "general",
    "colonel",
    "admiral",
    "sheriff",
    "adviser",
    "counselor",
    "manager",
    "editor",
    "professor",
    "lawmaker",
    "legislator",
    "commander",
    "councilmember",
    "treasurer",
    "administrator",
    "superintendent",
    "dean",
    "provost",
}
_FORMER = {"former", "ex"}
# One form for the ways a title is written ("Sen." / "Senator", "spokesman" / "spokesperson").
TITLE_FORMS = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "congressman": "representative",
    "congresswoman": "representative",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "chairman": "chair",
    "chairwoman": "chair",
    "advisor": "adviser",
    "col": "colonel",
    "councilman": "councilmember",
    "councilwoman": "councilmember",
}


def fact_conflicts(members: list[SentenceVector], fact_id: str) -> list[Conflict]:
    """Date disagreements between the witnesses of one fact (numbers: align.figures): copies of
    one wire story stating the same value raise a disagreement once, not once per copy."""
    witness = {m.document.source.id: m.witness for m in members}
    out: list[Conflict] = []
    seen: set[tuple] = set()
    for a, b in combinations(members, 2):
        if a.witness == b.witness:
            continue
        for c in _date_conflicts(a, b, fact_id):
            key = (c.kind, frozenset((witness[v.source], v.value) for v in c.values))
            if key not in seen:
                seen.add(key)
                out.append(c)
    return out


def _in(document: Document, span: Span, name: str) -> list:
    """The document's `name` list items (numbers, dates) that start inside the span."""
    return [
        x
        for x in document.index(name).overlapping(span.start, span.end)
        if span.start <= x.span.start
    ]


def _date_conflicts(a: SentenceVector, b: SentenceVector, fact_id: str) -> list[Conflict]:
    named = _named_day_conflict(a, b, fact_id)
    if named:
        return named
    if len(a.dates) != 1 or len(b.dates) != 1:
        return []
    x, y = a.dates[0], b.dates[0]
    apart = days_apart(x, y) or 0
    if apart <= 0:  # they overlap, or one is unresolved
        return []
    if apart <= ZONE_SLACK_DAYS and (_relative(x) or _relative(y)):
        return []
    note = f"{x.text!r} ({_range(x)}) vs {y.text!r} ({_range(y)}): the same fact dated differently"
    return [
        Conflict("date", [_value(x, _range(x)), _value(y, _range(y))], fact_id=fact_id, note=note)
    ]


def _relative(m: DateMention) -> bool:
    """Is the date the day of the report's writing ("today", "this afternoon")?"""
    return DAYWORDS.get(" ".join(m.text.lower().split())) == 0


def _named_day_conflict(a: SentenceVector, b: SentenceVector, fact_id: str) -> list[Conflict]:
    """One fact's sentences each giving one date, named by different weekdays ("on Thursday" /
    "on Friday") or months ("in April" / "in May 2012"): one event within a week (a month) is
    dated two ways, whatever the sources' publication days. Relative days ("yesterday") are not
    compared: they depend on when each source was published."""
    da, db = _in(a.document, a.sentence.span, "dates"), _in(b.document, b.sentence.span, "dates")
    if len(da) != 1 or len(db) != 1:
        return []
    x, y = da[0], db[0]
    gx, gy = _governors(a.document, x), _governors(b.document, y)
    if not gx & gy:
        return []  # "arrested Tuesday" / "for Sunday's game": two events of one sentence pair
    for names in (WEEKDAYS, MONTHS):
        nx, ny = _names_in(x.text, names), _names_in(y.text, names)
        if (
            len(nx) == 1
            and len(ny) == 1
            and nx != ny
            and _one_day(a.document, gx & gy, names)
            and _one_day(b.document, gx & gy, names)
        ):
            note = f"{x.text!r} vs {y.text!r}: the same fact dated on different days by name"
            return [Conflict("date", [_value(x), _value(y)], fact_id=fact_id, note=note)]
    return []


def _one_day(document: Document, verbs: frozenset[str], names) -> bool:
    """Does the document name at most one day (of `names`: weekdays or months) for the verbs or
    nouns? "Smit died on Friday", "Jones died on Saturday": two events, not one dated twice."""
    days = {
        day
        for m in document.dates
        if _names_in(m.text, names) and _governors(document, m) & verbs
        for day in _names_in(m.text, names)
    }
    return len(days) <= 1


def _governors(document: Document, m: DateMention) -> frozenset[str]:
    """The stems of the verb or noun a date expression dates ("filed paperwork Wednesday" and "a
    court filing on Thursday": "fil"), and, for a participle in -ing describing a noun, of the
    verb that noun hangs on: what the noun was doing happened at the time of that verb ("foiled
    an attack on vessels transiting the Gulf on Friday": "transit" and "foil"). Empty without a
    parse."""
    token = governor_token(document.nlp, m.span)
    if token is None:
        return frozenset()
    out = {stem(event_word(token.lemma_.lower()))}
    if token.dep_ == "acl" and token.tag_ == "VBG":
        head = token.head
        for _ in range(4):
            if head.pos_ == "VERB" or head.head is head:
                break
            head = head.head
        if head.pos_ == "VERB":
            out.add(stem(event_word(head.lemma_.lower())))
    return frozenset(out)


def _names_in(text: str, names) -> set[int]:
    """The weekdays (or months) a date expression names, by number ("Sept." and "September": 9)."""
    return {names[w] for w in re.findall(r"[a-z]+", text.lower()) if w in names}


def _range(d: DateMention) -> str:
    return f"{d.date}..{d.end}" if d.end else str(d.date)


def _value(m, value: str | None = None) -> ConflictValue:
    return ConflictValue(m.span.source, value or m.text, m.span.start, m.span.end)


def day_conflicts(vectors: list[SentenceVector], shown: list[Conflict]) -> list[Conflict]:
    """Outlets that date one event by different weekday or month names, whatever facts their
    sentences are in ("wrote a letter to the Patriarch in May 2012" / "in April wrote a lengthy
    letter to Patriarch Kirill"): the dates name the same verb or noun (`_governors`) in sentences
    alike enough (`_alike_days`). A source that names two days of one year for one verb ("Rait
    died on Friday", "Buckley died on Saturday") tells of two events: it is left out."""
    named = [x for v in vectors if not v.part for x in _named_days(v)]
    days: dict[tuple, set[int]] = {}
    for v, m, verbs, kind, day in named:
        for verb in verbs:
            days.setdefault((v.source, verb, kind, _year(m)), set()).add(day)
    named = [
        x
        for x in named
        if all(len(days[(x[0].source, verb, x[3], _year(x[1]))]) == 1 for verb in x[2])
    ]
    cited = {(v.source, v.start) for c in shown for v in c.values}
    out: list[Conflict] = []
    for i, (a, x, ga, ka, da) in enumerate(named):
        for b, y, gb, kb, db in named[i + 1 :]:
            if not ga & gb or ka != kb or da == db or a.witness == b.witness:
                continue
            if {(x.span.source, x.span.start), (y.span.source, y.span.start)} & cited:
                continue
            if None not in (_year(x), _year(y)) and _year(x) != _year(y):
                continue  # "in May 2012" / "in April 2013": two events
            if _alike_days(a, b, ka == "month" and _year(x) is not None):
                note = f"{x.text!r} vs {y.text!r}: one event dated on different days by name"
                out.append(Conflict("date", [_value(x), _value(y)], note=note))
                cited |= {(x.span.source, x.span.start), (y.span.source, y.span.start)}
    return out


def _year(m: DateMention) -> int | None:
    return m.date.year if m.date else None


def _alike_days(a: SentenceVector, b: SentenceVector, one_year: bool) -> bool:
    """Do two sentences dated by different day names tell of one event (`DAY_LINK`; for months of
    one year, `YEAR_LINK` with a name in common)?"""
    if anchor_cosine(a, b, {"d:"}) >= DAY_LINK:
        return True
    shared = {f for f in a.weights.keys() & b.weights.keys() if f.startswith("e:")}
    return one_year and bool(shared) and anchor_cosine(a, b, {"d:", "n:"}) >= YEAR_LINK


def _named_days(v: SentenceVector):
    """(vector, date, its governors, "weekday" or "month", the day's number) for each date of the
    sentence that names one weekday or one month."""
    for m in _in(v.document, v.sentence.span, "dates"):
        verbs = _governors(v.document, m)
        if not verbs:
            continue
        for kind, names in (("weekday", WEEKDAYS), ("month", MONTHS)):
            found = _names_in(m.text, names)
            if len(found) == 1:
                yield v, m, verbs, kind, next(iter(found))


def entity_conflicts(entities: list[Entity]) -> list[Conflict]:
    """Per person: name spellings and stated roles that differ between sources."""
    out: list[Conflict] = []
    for e in entities:
        if e.type == "person" and len(e.sources) > 1:
            out.extend(_role_conflicts(e))
    return out


def name_conflicts(entities: list[Entity], texts: dict[str, str]) -> list[Conflict]:
    """Sources that spell one person's full name differently ("Steve" vs "Steven Mnuchin")."""
    out = []
    for e in entities:
        if e.type != "person":
            continue
        by_source: dict[str, Span] = {}
        for span in e.mentions:
            name = span.slice(texts[span.source])
            if len(name.split()) > 1:
                by_source.setdefault(span.source, span)
        forms = {s: " ".join(sp.slice(texts[s]).split()) for s, sp in by_source.items()}
        if len({_family_name(f) for f in forms.values()}) > 1:
            values = [ConflictValue(s, forms[s], sp.start, sp.end) for s, sp in by_source.items()]
            note = f"spellings of one person's name ({' / '.join(sorted(set(forms.values())))}); merged as {e.name}"
            out.append(Conflict("name", values, subject=e.name, note=note))
    return out


def holder_conflicts(entities: list[Entity], texts: dict[str, str]) -> list[Conflict]:
    """One post given to two names by different sources ("Chargers general manager A.J. Smith" /
    "Chargers general manager A.J. Butler"): two people of one given name and different family
    names, never named by one source together, each given the same title of an office with the
    same other words (the organisation). One of the names is likely wrong."""
    people = [e for e in entities if e.type == "person" and len(e.name.split()) > 1]
    out = []
    for a, b in combinations(people, 2):
        if set(a.sources) & set(b.sources) or _given_name(a.name) != _given_name(b.name):
            continue
        if ratio(_family_name(a.name), _family_name(b.name)) >= SPELLING:
            continue  # "Morsi" / "Mursi": one name spelled two ways
        post = _shared_post(a, b)
        if post is None:
            continue
        values = [_named(e, texts) for e in (a, b)]
        note = (
            f"{a.name} and {b.name} are each called {post!r} by different sources: one post, "
            "two names; one of them may be wrong"
        )
        out.append(Conflict("name", values, subject=post, note=note))
    return out


def _given_name(name: str) -> str:
    """ "A.J. Smith" and "AJ Butler": "aj"."""
    return name.split()[0].replace(".", "").casefold()


def _shared_post(a: Entity, b: Entity) -> str | None:
    """A title both are given: one office word and a word beside it in common ("Chargers
    general manager" / "Chargers General Manager"); None when there is none."""
    for x in a.roles:
        for y in b.roles:
            head = _head(x.text)
            if head not in OFFICES or head != _head(y.text):
                continue
            if set(_title_words(x.text)) & set(_title_words(y.text)) - {head}:
                return x.text
    return None


def _named(e: Entity, texts: dict[str, str]) -> ConflictValue:
    """The entity's first mention, as written."""
    span = e.mentions[0]
    return ConflictValue(span.source, span.slice(texts[span.source]), span.start, span.end)


def _family_name(name: str) -> str:
    """The family name as spelled, case aside: "Steve" / "Steven Mnuchin", "Raj K. Chohan" /
    "Raj Chohan", "DONALD TRUMP" / "Donald Trump" and "Comedian Ellen DeGeneres" are one spelling."""
    words = [w for w in name.replace(".", " ").split() if len(w) > 1]
    return words[-1].casefold() if words else ""


def _role_conflicts(e: Entity) -> list[Conflict]:
    """Sources of which one calls a person's post former and another gives it as held. Two titles
    that can both be true ("White House spokesman" / "deputy press secretary", "Prime Minister" /
    "premier") are one person described two ways, not a conflict."""
    first: dict[str, ConflictValue] = {}
    for role in e.roles:
        if _head(role.text) in OFFICES and role.span.source not in first:
            first[role.span.source] = ConflictValue(
                role.span.source, role.text, role.span.start, role.span.end
            )
    values = list(first.values())
    if len({_former(v.value) for v in values}) < 2 or not _compatible(values):
        return []
    note = f"{e.name}'s post is called former by one source and held by another: check which is current"
    return [Conflict("role", values, subject=e.name, note=note)]


def _former(role: str) -> bool:
    return bool(_FORMER & set(_title_words(role)))


def _head(role: str) -> str:
    """The title word: first noun-like word of "spokesman for X", last word of "White House
    spokesman"; one form for a title's abbreviations and variants ("Gov." is governor)."""
    words = _title_words(role)
    if "for" in words or "of" in words or "at" in words:
        cut = min(words.index(p) for p in ("for", "of", "at") if p in words)
        words = words[:cut] or words
    return words[-1] if words else ""


def _title_words(role: str) -> list[str]:
    words = [w for w in re.split(r"[\s\-]+", role.lower().replace(".", "")) if w]
    return [TITLE_FORMS.get(w, w) for w in words]


def _compatible(values: list[ConflictValue]) -> bool:
    """One title containing the other's title word is not a conflict ("US President" / "President")."""
    norm = [set(_title_words(v.value)) for v in values]
    heads = [_head(v.value) for v in values]
    return all(h in n for h in heads for n in norm)


# Initials joined by "&" ("C&G Accounting", "AT&T"), a word after them kept for the label.
_INITIALS = re.compile(r"(?<![\w&])([A-Z]{1,3})\s?&\s?([A-Z]{1,3})(?![\w&])")


def transposed_initials(documents: list[Document]) -> list[Conflict]:
    """One name's initials given in two orders by two witnesses ("C&G Accounting" / "a staff
    accountant for G&C"), neither source using the other order: one of them has them wrong."""
    found: dict[tuple[str, str], list[tuple[Document, re.Match]]] = {}
    for d in documents:
        for m in _INITIALS.finditer(d.source.text):
            found.setdefault((m[1], m[2]), []).append((d, m))
    out = []
    for (x, y), here in found.items():
        there = found.get((y, x), [])
        if x >= y or not there:
            continue
        a_sources = {d.source.id for d, _ in here}
        b_sources = {d.source.id for d, _ in there}
        if a_sources & b_sources:
            continue  # one source gives both orders: two names, not one misspelt
        (da, ma), (db, mb) = here[0], there[0]
        if (da.source.witness or da.source.id) == (db.source.witness or db.source.id):
            continue
        values = [
            ConflictValue(da.source.id, ma[0], ma.start(), ma.end()),
            ConflictValue(db.source.id, mb[0], mb.start(), mb.end()),
        ]
        note = (
            f"{ma[0]!r} vs {mb[0]!r}: one name's initials in two orders; one source has them wrong"
        )
        out.append(Conflict("name", values, subject=f"initials {ma[0]} / {mb[0]}", note=note))
    return out
