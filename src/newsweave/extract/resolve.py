"""One entity per real referent across sources: merge name variants, keep aliases and roles.

"Steve Mnuchin" / "Steven Mnuchin" (first-name variants), "Mr Liu" / "Liu He" (a lone surname
or Chinese family name attached to the one full name that has it), "U.S." / "US" / "United
States" (place aliases), "the ZTE Corp." / "ZTE" (organisation suffixes and country prefixes).
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz

from ..lexicon import (
    GENERATION_SUFFIXES,
    HONORIFICS,
    KNOWN_ORGS,
    NICKNAMES,
    ORG_PREFIXES,
    ORG_SUFFIXES,
    ORG_WORDS,
    PLACE_ALIASES,
    PLACE_NOUNS,
    PUBLIC_BODIES,
    SERVICE_WORDS,
    word_gender,
)
from ..models import Entity, EntityMention, EntityType, Span
from ..outlets import outlet_entity
from .entities import initials, name_key

# A name joins the one longer name it opens only when written at most this many times as often
# (`_joined_to_longer`): a short name written again and again is the name, the longer a misread.
CUT_SHORT_RATIO = 3


def resolve_entities(mentions: Iterable[EntityMention]) -> list[Entity]:
    """Group mentions (of all sources) into entities; sets each mention's `entity_id`."""
    mentions = list(mentions)
    groups = _group(mentions)
    entities = [_entity(group) for group in groups]
    _assign_ids(entities, groups)
    return sorted(entities, key=lambda e: (-len(e.mentions), e.name))


def _group(mentions: list[EntityMention]) -> list[list[EntityMention]]:
    places = Counter(name_key(m.text) for m in mentions if m.type == "place")
    persons = Counter(name_key(m.text) for m in mentions if m.type == "person")
    for m in mentions:
        key = name_key(m.text)
        if outlet_entity(m.text):
            m.type = "organisation"  # "AP" the model took for a person
        elif m.type == "person" and places[key] > persons[key]:
            m.type = "place"  # "Banda Aceh" typed a person here, a place in most mentions
    _retype_by_story(mentions)
    people = [m for m in mentions if m.type == "person"]
    person_groups = _group_people(people)
    surnames = _person_index(person_groups)
    named = {key: len(group) for key, group in surnames.items()}
    others = Counter(name_key(m.text) for m in mentions if m.type != "person")
    rest: dict[tuple[str, str], list[EntityMention]] = defaultdict(list)
    endings: dict[str, list[list[EntityMention]]] = {}  # lone name -> `_ending_with` it
    for m in mentions:
        if m.type == "person":
            continue
        owner = _possessed_person(m, surnames)
        if owner is not None:  # "the University of Toulouse's Young-Ho Eom"
            owner.append(m)
            m.type = "person"
            continue
        key = name_key(m.text)
        if _a_persons_name(m, key, named, others):
            # "Bloomberg" as a place, "Trump" as an organisation; a lone family name shared
            # by several people goes to the one its own report names
            if " " not in key and key not in endings:
                endings[key] = _ending_with(key, person_groups)
            lone = " " not in key and _unique_match(key, person_groups, m, endings[key])
            (lone or surnames[key]).append(m)
            m.type = "person"
        else:
            rest[_other_key(m, key)].append(m)
    return person_groups + _attach_initials(_attach_short_orgs(rest))


def _retype_by_story(mentions: list[EntityMention]) -> None:
    """Types the story's other names settle: a person's name that is a company's name less
    its legal suffix ("HB Brandt" beside "HB Brandt & Co.") or the first partners' names of a
    firm named by its partners ("Lane Hollis" of "Lane Hollis Carver & Webb"), and a lone name
    that only a company begins with ("Lane said"), is the company; a name of two or three
    capitalised words typed an organisation, with no word of one, whose last word is a person
    the story names by that word alone ("Marta Vellini" beside "Vellini said"), is that
    person."""
    keys = [name_key(m.text) for m in mentions]
    companies = {
        short
        for m, key in zip(mentions, keys)
        if m.type == "organisation"
        for short in _company_short_names(key)
    }
    lone = {w[0] for m in mentions if m.type == "person" and len(w := _person_tokens(m.text)) == 1}
    for m, key in zip(mentions, keys):
        if m.type == "person" and " " in key and key in companies:
            m.type = "organisation"
        elif m.type == "organisation" and key not in companies and _a_persons_full_name(m, lone):
            m.type = "person"
    surnames = {
        w[-1] for m in mentions if m.type == "person" and len(w := _person_tokens(m.text)) > 1
    }
    firsts = {key.split()[0] for key in companies} - surnames
    for m, key in zip(mentions, keys):
        if m.type == "person" and key in firsts:
            m.type = "organisation"


def _company_short_names(key: str) -> set[str]:
    """The shorter names of a company that a person's could be: without its legal suffix
    ("wl ross & co" -> "wl ross"), and the first two or more partners' names of a firm named by
    its partners ("lane hollis carver & webb" -> "lane hollis", "lane hollis carver")."""
    base = _without_suffix(key)
    out = {base} if base != key else set()
    words = base.split()
    if "&" in words:
        partners = words[: words.index("&")]
        out |= {" ".join(partners[:n]) for n in range(2, len(partners) + 1)}
    return out


def _without_suffix(key: str) -> str:
    """An organisation's name without its legal suffix ("wl ross & co" -> "wl ross")."""
    words = key.split()
    while len(words) > 1 and words[-1] in ORG_SUFFIXES | {"&", "and"}:
        words.pop()
    return " ".join(words)


def _a_persons_full_name(m: EntityMention, lone: set[str]) -> bool:
    words = m.text.split()
    return (
        2 <= len(words) <= 3
        and all(w.isalpha() and w.istitle() for w in words)
        and name_key(m.text).split()[-1] in lone
        and not {w.lower() for w in words} & (ORG_WORDS | KNOWN_ORGS | PLACE_NOUNS)
        and outlet_entity(m.text) is None
    )


def _possessed_person(
    m: EntityMention, surnames: dict[str, list[EntityMention]]
) -> list[EntityMention] | None:
    """A name the model ran on from a possessive before it ("the University of Toulouse's
    Young-Ho Eom"): when what follows the last "'s" is a person's name of two or more words in
    the story, the mention is that person's, cut to those words."""
    tail = re.split(r"['’]s\s+", m.text)[-1]
    key = name_key(tail)
    if tail == m.text or " " not in key or key not in surnames:
        return None
    m.span = Span(m.span.source, m.span.end - len(tail), m.span.end)
    m.text = tail
    return surnames[key]


def _a_persons_name(m: EntityMention, key: str, named: dict[str, int], others: Counter) -> bool:
    """Is an organisation's or a lone place's name the name of a person of the story ("Trump"
    typed an organisation, "Bloomberg" a place, however often)? Not an acronym named more
    often otherwise than as the person ("DAB" seven times beside one "Pro-Beijing DAB" that the
    model typed a person): people's names are not written in capitals."""
    if key not in named or (m.type != "organisation" and " " in key):
        return False
    return named[key] >= others[key] or not m.text.isupper()


@functools.lru_cache(maxsize=4096)
def _person_tokens(text: str) -> tuple[str, ...]:
    words = name_key(text).split()
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    return tuple(words)


def _group_people(people: list[EntityMention]) -> list[list[EntityMention]]:
    """Full names merged by compatible first names; lone names attached to their one full name."""
    full: dict[str, list[EntityMention]] = defaultdict(list)
    single: dict[str, list[EntityMention]] = defaultdict(list)
    for m in people:
        words = _person_tokens(m.text)
        if words:
            (full if len(words) > 1 else single)[" ".join(words)].append(m)
    clusters = _cluster_full_names(full)
    for token, ms in single.items():
        unmatched: list[EntityMention] = []
        ending = _ending_with(token, clusters)
        for m in ms:
            target = _unique_match(token, clusters, m, ending)
            if target is None:
                unmatched.append(m)
            else:
                target.append(m)
        clusters += _by_honorific_gender(unmatched)
    return clusters


def _by_honorific_gender(lone: list[EntityMention]) -> list[list[EntityMention]]:
    """Lone family names no full name takes, one person per honorific gender: "Mr Wilson" and
    "Mrs Wilson" are a couple; a bare "Wilson" beside both is neither."""
    groups: dict[str | None, list[EntityMention]] = defaultdict(list)
    for m in lone:
        groups[_honorific_gender(m)].append(m)
    if len(groups) == 2 and None in groups:  # the bare name goes with the one gendered
        gendered = next(g for k, g in groups.items() if k is not None)
        return [gendered + groups[None]]
    return [g for g in groups.values() if g]


def _cluster_full_names(full: dict[str, list[EntityMention]]) -> list[list[EntityMention]]:
    """Full names grouped, commonest first: a name joins the first group with a name of the same
    person and none of a namesake ("Arthur Dickson Wright", the father, does not join "Clarissa
    Dickson Wright" through the "Dickson Wright" both are called)."""
    full = _joined_to_longer(full)
    names = sorted(full, key=lambda n: -len(full[n]))
    clusters: list[tuple[list[str], list[EntityMention]]] = []
    for name in names:
        home = next(
            (
                c
                for c in clusters
                if any(_same_person(name, other) for other in c[0])
                and not any(_namesakes(name, other) for other in c[0])
            ),
            None,
        )
        if home is None:
            clusters.append(([name], list(full[name])))
        else:
            home[0].append(name)
            home[1].extend(full[name])
    return [ms for _, ms in clusters]


def _joined_to_longer(full: dict[str, list[EntityMention]]) -> dict[str, list[EntityMention]]:
    """A name of two words or more that opens one longer name of the story, and no other, is
    that name cut short ("Frances Bean" of "Frances Bean Cobain"); not a father's name before a
    son's generation suffix ("Donald Trump" of "Donald Trump Jr."), nor a name before an
    initial ("Crotty Alexander L" of a citation), nor one whose last word another full name
    ends with (it is that person's: "Laura Crotty Alexander"), nor a name written far more often
    than the longer one (a headline's "Ellen DeGeneres Returns" is not her name)."""
    out = {name: list(ms) for name, ms in full.items()}
    endings = Counter(name.split()[-1] for name in full)
    for name in sorted(full, key=lambda n: len(n.split())):
        words = name.split()
        if len(words) < 2 or endings[words[-1]] > 1:
            continue
        longer = [other for other in out if _opens(words, other.split())]
        if len(longer) == 1 and len(out[name]) <= CUT_SHORT_RATIO * len(out[longer[0]]):
            out[longer[0]].extend(out.pop(name))
    return out


def _same_person(a: str, b: str) -> bool:
    wa, wb = a.split(), b.split()
    if wa[-1] != wb[-1]:
        return False
    if set(wa) <= set(wb) or set(wb) <= set(wa):
        return True
    return _first_names_match(wa[0], wb[0])


def _namesakes(a: str, b: str) -> bool:
    """Two full names of one family name whose first names differ: two people."""
    return a.split()[-1] == b.split()[-1] and not _same_person(a, b)


def _first_names_match(a: str, b: str) -> bool:
    if a == b or (min(len(a), len(b)) >= 3 and (a.startswith(b) or b.startswith(a))):
        return True
    if any(a in group and b in group for group in NICKNAMES):
        return True
    return fuzz.ratio(a, b) >= 85


def _ending_with(token: str, clusters: list[list[EntityMention]]) -> list[list[EntityMention]]:
    """The clusters with a name whose last word is `token`."""
    return [c for c in clusters if any(_person_tokens(m.text)[-1] == token for m in c)]


def _unique_match(
    token: str,
    clusters: list[list[EntityMention]],
    lone: EntityMention,
    ending: list[list[EntityMention]],
) -> list[EntityMention] | None:
    """The one cluster whose full names end (or, for family-name-first names, start) with `token`.
    Of several people with that family name, the one the lone name's own report names in full
    most (a lone "Olgin" in the report on Mario Olgin, the father, is not his daughter Mollie
    Olgin, whom most reports are about), else the story's dominant one (`_dominant`). Not by
    report for a name with an honorific, which tells a gender the names do not: "Mr Wilson"
    is not Jane Wilson, whom his report names more. `ending`: `_ending_with(token, clusters)`,
    found once per name by the caller."""
    last = ending
    gender = _honorific_gender(lone)
    if gender is not None:  # "Mrs Wilson" is not the Wilson already called "Mr Wilson"
        last = [c for c in last if all(_honorific_gender(m) in {None, gender} for m in c)]
    if len(last) == 1:
        return last[0]
    if len(last) > 1:
        here = None if lone.alias else _named_in_full_here(last, token, lone.span)
        return here or _dominant(last)
    if last:
        return None
    first = [c for c in clusters if any(_said_first(token, m, lone) for m in c)]
    if len(first) > 1:  # "says Robin": Robin Roberts, not the "Robin Carter" of a correction
        return _named_in_full_here(first, token, lone.span, 0) or _dominant(first)
    if first:
        return first[0]
    misspelt = [c for c in clusters if any(_misspelt_here(token, m, lone) for m in c)]
    return misspelt[0] if len(misspelt) == 1 else None


def _misspelt_here(token: str, full: EntityMention, lone: EntityMention) -> bool:
    """Is this full name, in the lone name's own report, that name with two letters of its
    family name swapped (a typo: "Anna Kovlaski" once, "Kovalski said" after)?"""
    words = _person_tokens(full.text)
    return full.span.source == lone.span.source and len(words) > 1 and _swapped(words[-1], token)


def _swapped(a: str, b: str) -> bool:
    """Are two words of five letters or more the same but for two letters side by side swapped?"""
    if len(a) != len(b) or len(a) < 5 or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and (a[diff[0]], a[diff[1]]) == (b[diff[1]], b[diff[0]])
    )


def _said_first(token: str, full: EntityMention, lone: EntityMention) -> bool:
    """Is the lone name the first word of this full name, by which the person goes? "Mr Xi" is
    Xi Jinping; a two-word name's first word is its; with an honorific, a three-word name's too
    ("Mr Khalid": Khalid Abu Bakar); and that of a longer name its report gave in full before
    ("Police chief Khalid Abu Bakar said ... Khalid told reporters")."""
    words = _person_tokens(full.text)
    if len(words) < 2 or words[0] != token:
        return False
    if len(words) == 2 or (len(words) == 3 and lone.alias):
        return True
    return full.span.source == lone.span.source and full.span.start < lone.span.start


def _honorific_gender(m: EntityMention) -> str | None:
    """ "m" for "Mr Wilson", "f" for "Mrs Wilson", else None."""
    return word_gender((m.alias or "").split(" ")[0].lower().rstrip("."))


def _named_in_full_here(
    clusters: list[list[EntityMention]], token: str, at: Span, place: int = -1
) -> list[EntityMention] | None:
    """Of the clusters, the one the report of `at` names in full with this family name (the
    word at `place` of the full name: -1, or 0 for a given name) at least twice as often as any
    other (`_dominant` over that report's full names), else None."""
    here = [
        [
            m
            for m in c
            if m.span.source == at.source
            and len(words := _person_tokens(m.text)) > 1
            and words[place] == token
        ]
        for c in clusters
    ]
    if not any(here):
        return None
    best = _dominant(here)
    return next((c for c, h in zip(clusters, here) if h is best), None)


def _dominant(clusters: list[list[EntityMention]]) -> list[EntityMention] | None:
    """Of several people with one surname ("Fabio Sementilli" and his sister "Mirella Rota
    Sementilli"), the one the stories name at least twice as often as any other: a lone
    "Sementilli" is the story's subject. Else none (two Sassoons named alike: nobody)."""
    ranked = sorted(clusters, key=len, reverse=True)
    return ranked[0] if len(ranked[0]) >= 2 * len(ranked[1]) else None


def _person_index(groups: list[list[EntityMention]]) -> dict[str, list[EntityMention]]:
    """Each person's group by every ending of their names: the full name, the family name, and
    a family name of several words ("Le Pichon" of "Jean-Baptiste Le Pichon")."""
    index: dict[str, list[EntityMention]] = {}
    for group in groups:
        for m in group:
            words = _person_tokens(m.text)
            for i in range(len(words)):
                index.setdefault(" ".join(words[i:]), group)
    return index


def _other_key(m: EntityMention, key: str) -> tuple[str, str]:
    if outlet := outlet_entity(m.text):  # "AFP" / "Agence France-Presse": one outlet
        return ("organisation", name_key(outlet))
    if m.speaks:  # "Malaysia said": the government, not the country's land
        return ("organisation", name_key(PLACE_ALIASES.get(key, key)))
    if m.type == "place":
        return ("place", name_key(PLACE_ALIASES.get(key, key)))
    words = [w for w in _without_suffix(key).split() if w not in ORG_SUFFIXES]
    while len(words) > 1 and words[0] in ORG_PREFIXES:
        words = words[1:]
    words = [re.sub(r"'s$", "", w) for w in words]
    if " ".join(words) in PLACE_ALIASES:
        return ("place", name_key(PLACE_ALIASES[" ".join(words)]))
    return ("organisation", " ".join(words) or key)


def _attach_short_orgs(
    rest: dict[tuple[str, str], list[EntityMention]],
) -> list[list[EntityMention]]:
    """ "Commerce" joins "Commerce Department" when that is the one organisation it begins
    (names of several words too, longest first: "Lane Hollis" joins "Lane Hollis Carver & Webb"
    and then "Lane" does); a
    name that is no kind of body ("Shell", not "House") joins the one organisation it ends
    ("Royal Dutch Shell") where none begins with it."""
    groups = dict(rest)
    for kind, key in sorted(rest, key=lambda k: -len(k[1].split())):
        if kind != "organisation":
            continue
        longer = [k for k in groups if k[0] == kind and k[1].startswith(key + " ")]
        if " " in key:  # longest first
            if len(longer) == 1 and _a_body_going_on(key, longer[0][1]):
                groups[longer[0]].extend(groups.pop((kind, key)))
            continue
        if not longer and key not in ORG_WORDS | PUBLIC_BODIES:
            longer = [k for k in groups if k[0] == kind and k[1].endswith(" " + key)]
        if len(longer) == 1:
            groups[longer[0]].extend(groups.pop((kind, key)))
    return list(groups.values())


def _a_body_going_on(key: str, longer: str) -> bool:
    """Is the longer name the same body's, named more fully: a force or an office named by its
    service ("Chicago Police" of "Chicago Police Department"), or a firm by more of its
    partners ("Lane Hollis" of "Lane Hollis Carver & Webb")? Not a thing and the body named
    after it ("Pacific Crest Trail" and its "Association")."""
    return key.split()[-1] in SERVICE_WORDS | ORG_WORDS or "&" in longer.split()


def _attach_initials(groups: list[list[EntityMention]]) -> list[list[EntityMention]]:
    """An organisation named by its initials joins the one named in full whose initials they are:
    given in brackets after it anywhere in the story ("the Centers for Disease Control and
    Prevention (CDC)"), else the capitals of its name ("PCTA": Pacific Crest Trail Association),
    where one organisation has them."""
    orgs = [g for g in groups if g[0].type == "organisation"]
    defined: dict[str, list[list[EntityMention]]] = defaultdict(list)
    spelled: dict[str, list[list[EntityMention]]] = defaultdict(list)
    for g in orgs:
        for short in {m.short for m in g if m.short}:
            defined[short].append(g)
        for name in {m.text for m in g if " " in m.text}:
            capitals = initials(name)
            if len(capitals) >= 3 and all(other is not g for other in spelled[capitals]):
                spelled[capitals].append(g)
    out = list(groups)
    for g in orgs:
        short = g[0].text
        if " " in short or not short.isupper() or any(m.text != short for m in g):
            continue
        full = defined.get(short) or spelled.get(short) or []
        if len(full) == 1 and full[0] is not g:
            full[0].extend(g)
            out.remove(g)
    return out


def _entity(group: list[EntityMention]) -> Entity:
    etype = _majority_type(group)
    entity = Entity(id="", name=_canonical_name(group, etype), type=etype)
    entity.mentions = sorted(m.span for m in group)
    entity.sources = sorted({m.span.source for m in group})
    entity.aliases = _aliases(group, entity.name)
    entity.roles = [m.role for m in group if m.role is not None]
    return entity


def _majority_type(group: list[EntityMention]) -> EntityType:
    counts = Counter(m.type for m in group)
    return "person" if counts["person"] else counts.most_common(1)[0][0]


def _display(text: str) -> str:
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    return re.sub(r"['’]s?$", "", text)


def _canonical_name(group: list[EntityMention], etype: EntityType) -> str:
    forms = Counter(_display(m.text) for m in group)
    if etype == "place" or all(m.speaks for m in group):  # a place, or its government
        key = name_key(next(iter(forms)))
        return PLACE_ALIASES.get(key, forms.most_common(1)[0][0])
    if etype == "person":
        full = {f: n for f, n in forms.items() if len(f.split()) > 1} or forms
        return _respelt(_fullest(max(full, key=lambda f: (full[f], len(f), f)), full), forms)
    outlet = next(filter(None, map(outlet_entity, forms)), None)
    if outlet is not None:
        return _display(outlet)
    short = {m.short for m in group if m.short} | {initials(f) for f in forms if " " in f}
    spelled = {f: n for f, n in forms.items() if f not in short} or forms  # not "CDC"
    name = max(spelled, key=lambda f: (spelled[f], -len(f), f))
    return _fuller_org(name, spelled)


def _respelt(name: str, forms: Counter[str]) -> str:
    """A full name whose family name is the typo of the one the person goes by alone more often
    ("Anna Kovlaski" once, "Kovalski" twice): spelt as it is most often."""
    words = name.split()
    last = words[-1]
    spellings = [f for f in forms if " " not in f and _swapped(f.lower(), last.lower())]
    best = max(spellings, key=lambda f: (forms[f], f), default=None)
    ending = sum(n for f, n in forms.items() if f.split()[-1] == last)
    if best is None or forms[best] <= ending:
        return name
    return " ".join([*words[:-1], best])


def _fuller_org(name: str, forms: dict[str, int]) -> str:
    """The commonest name, or a longer one ending in it that is written at least half as often
    ("Royal Dutch Shell" twice beside "Shell" twice), else the longest that goes on from it with
    more than a legal suffix ("Lane Hollis Carver & Webb" once beside "Lane" ten times, not
    "ZTE Corp." beside "ZTE"), and not for initials nor into a list of bodies."""
    words = name.split()
    longer = [
        f
        for f, n in forms.items()
        if len(f.split()) > len(words)
        and f.split()[-len(words) :] == words
        and 2 * n >= forms[name]
    ]
    if longer:
        return max(longer, key=lambda f: (forms[f], len(f), f))
    if name.isupper():
        return name  # "UN", not the "UN Security Council" it may be written in
    going_on = [
        f
        for f in forms
        if (fw := f.split())[: len(words)] == words
        and {w.lower().rstrip(".") for w in fw[len(words) :]} - ORG_SUFFIXES
        and "and" not in fw  # "Department of Commerce and Office of ...": two bodies
    ]
    return max(going_on, key=lambda f: (len(f.split()), forms[f], f), default=name)


def _fullest(name: str, forms: Counter[str] | dict[str, int]) -> str:
    """A longer form that has every word of the commonest name and ends as it does: "Cyril
    Alexander Volkov" once, over "Alexander Volkov" twice (a middle or first name the other
    mentions leave out). Of several, the one written most often, then the longest: "Clarissa
    Dickson Wright" four times over the "Louise Esmerelda Dickson Wright" of her christening
    once."""
    words = name.split()
    longer = [
        f
        for f in forms
        if len(fw := f.split()) > len(words)
        and ((fw[-1] == words[-1] and set(words) <= set(fw)) or _opens(words, fw))
        and all(w[:1].isupper() for w in fw)
    ]
    return max(longer, key=lambda f: (forms[f], len(f.split()), f), default=name)


def _opens(words: list[str], longer: list[str]) -> bool:
    """Do the words open the longer name, which goes on with no generation suffix ("Frances
    Bean" of "Frances Bean Cobain")?"""
    rest = [w.lower().rstrip(".") for w in longer[len(words) :]]
    return (
        len(words) > 1
        and longer[: len(words)] == words
        and bool(rest)
        and all(len(w) > 1 and w not in GENERATION_SUFFIXES for w in rest)
    )


def _aliases(group: list[EntityMention], name: str) -> list[str]:
    seen: dict[str, None] = {}
    for m in group:
        for form in (_display(m.text), m.alias):
            if form and form != name:
                seen.setdefault(form, None)
    return list(seen)


def _assign_ids(entities: list[Entity], groups: list[list[EntityMention]]) -> None:
    used: set[str] = set()
    for entity, group in zip(entities, groups):
        base = re.sub(r"[^a-z0-9]+", "-", entity.name.lower()).strip("-") or entity.type
        eid, n = base, 2
        while eid in used:
            eid, n = f"{base}-{n}", n + 1
        used.add(eid)
        entity.id = eid
        for m in group:
            m.entity_id = eid
