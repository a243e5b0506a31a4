"""Who a described speaker is: the entity named inside the subject phrase ("White House
spokeswoman Lindsay Walters", "a White House official"), else the one a role noun stands for
("the spokesman" -> the person given that role; "the ministry" -> the organisation named with
that word; "the paper", "the news station" -> the outlet last named or credited; "the company"
-> the company last named or the firm someone works for; "police" -> the one police force named;
"officials from the party" -> the party), else the author of a document that speaks ("the
statement said", `authors`). A coordinated subject ("police and prosecutors") is nobody single."""

from __future__ import annotations

from typing import Any

from ..lexicon import (
    AGENT_NOUNS,
    AGENT_PREPOSITIONS,
    COMPANY_NOUNS,
    DOCUMENT_NOUNS,
    EMPLOYMENT_VERBS,
    EPITHET_NOUNS,
    FEMALE_PRONOUNS,
    KIN_NOUNS,
    MALE_PRONOUNS,
    MEDIA_NAME_WORDS,
    MEDIA_NOUNS,
    PERSON_ROLE_NOUNS,
    PERSONAL_PRONOUNS,
    STATEMENT_NOUNS,
    TITLE_WORDS,
    word_gender,
)
from .authors import Resolve, document_author, last_reporter
from .context import NOT_PUBLIC, POLICE_ACRONYM, Context
from .genders import genders
from .holders import role_heads, role_holder
from .referents import chain_genders, chained

EMPLOYER_REACH = 200  # tokens back to look for the firm someone works for
KIN_REACH = 2000  # tokens back to look for the name of someone's father, wife, ...
_CLAUSE_DEPS = {"relcl", "acl", "prep", "ccomp", "advcl"}


def entity_in_phrase(ctx: Context, subj: Any) -> str | None:
    """ "White House deputy press secretary Lindsay Walters": the person inside the subject phrase;
    else the organisation the phrase names ("Acme Corp. said"). A place only modifies ("a New
    Hampshire Republican" is no statement of New Hampshire's): the speaker stays the role; so
    does an organisation that modifies a person's role ("a BP spokesman", "Pentagon officials":
    someone of BP, not named; the role noun may still find its holder, `by_role`). Nor is a
    party group its institution's: "House Republicans" are not the House. Nor is a person's
    role that person: "a Hagel spokesman", "Cosme's defense attorney" (a name in apposition,
    "the Patriarch's press secretary, Alexander Volkov", is the speaker)."""
    found = [e for e in (ctx.entity_at(t) for t in head_phrase(subj) if t.pos_ == "PROPN") if e]
    kinds = {e: ctx.entities[e].type if e in ctx.entities else None for e in found}
    named = [ctx.entity_at(c) for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    named = [e for e in named if e in kinds and kinds[e] != "place"]
    if subj.pos_ == "NOUN" and named:
        return named[0]  # "Kalashnikov's daughter, Elena": the name, however the model typed it
    modifiers = {ctx.entity_at(t) for t in head_phrase(subj) if modifies_role(t, subj)}
    people = [e for e in found if kinds[e] == "person" and e not in modifiers]
    if not people and any(kinds[e] == "person" for e in found):
        return None
    if not people and subj.ent_type_ == "NORP":
        return None
    role = subj.lemma_.lower() in PERSON_ROLE_NOUNS | EPITHET_NOUNS
    if not people and role and modifiers >= set(found):
        return None  # "a BP spokesman", "Pentagon officials", "the Boston TV news anchor"
    return next(iter(people or [e for e in found if kinds[e] != "place"]), None)


def titled_person(ctx: Context, subj: Any) -> str | None:
    """The person named at the end of a title with "of" ("Secretary of State Mike Pompeo",
    "Inspector-General of Police Khalid Abu Bakar"): the parse hangs the name on the "of"."""
    words = subj.lower_.replace("-", " ").split()
    if not words or words[-1] not in TITLE_WORDS:
        return None
    for prep in (c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"):
        last = prep.right_edge
        entity = ctx.entity_at(last) if last.pos_ == "PROPN" else None
        if entity is not None and ctx.entities[entity].type == "person":
            return entity
    return None


def modifies_role(tok: Any, subj: Any) -> bool:
    """Is the name a possessor or modifier of the common noun that heads the subject ("a Hagel
    spokesman", "Obama's senior adviser"), not the subject itself or a name in apposition?"""
    if subj.pos_ != "NOUN" or tok.i == subj.i:
        return False
    while tok.head.i != subj.i and tok.head.i != tok.i:
        tok = tok.head
    return tok.head.i == subj.i and tok.dep_ in {"poss", "compound", "nmod", "amod"}


def head_phrase(tok: Any) -> list[Any]:
    """The subject's own words: its subtree less relative clauses and prepositional phrases
    ("the judge who halted Trump's ban": not Trump)."""
    drop = {t.i for c in tok.children if c.dep_ in _CLAUSE_DEPS for t in c.subtree}
    return [t for t in tok.subtree if t.i not in drop]


def by_role(ctx: Context, subj: Any, resolve: Resolve) -> str | None:
    """ "the spokesman" -> the person whose stated role is a spokesman; "the ministry" -> the
    organisation named with that word; "the company" -> the company last named; "the statement"
    -> its author (`authors`, resolving names with `resolve`); else nobody."""
    noun = subj.lemma_.lower()
    if any(c.dep_ == "conj" for c in subj.children):
        return None  # "police and prosecutors said": two speakers, neither one alone
    author = document_author(ctx, subj, resolve) if noun in DOCUMENT_NOUNS else None
    if author is not None:
        return author
    kin = kin_named(ctx, subj) if noun in KIN_NOUNS else None
    if kin is not None:
        return kin
    qualifiers = frozenset(  # "her agent": a possessive pronoun qualifies no role but kin's
        t.lower_
        for t in head_phrase(subj)
        if modifies_role(t, subj) and t.is_alpha and (t.pos_ != "PRON" or noun in KIN_NOUNS)
    )
    said = ctx.cache.setdefault("role_speakers", {})  # role noun -> who last spoke under it
    if noun in said and any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children):
        return said[noun]  # "A Pao spokeswoman said ... The spokeswoman said": the same one
    plural = subj.tag_ in {"NNS", "NNPS"}  # "organizers said": never the one organizer named
    holder = None if plural else role_holder(ctx, subj.idx, noun, qualifiers)
    if holder is not None:
        said[noun] = holder
        return holder
    if any(
        modifies_role(t, subj)
        and (modifier := ctx.entities.get(ctx.entity_at(t) or "")) is not None
        and modifier.type == "person"
        for t in head_phrase(subj)
    ):
        said[noun] = None  # "The spokesman" after it is that one, unnamed too
        return None  # "a Hagel spokesman": someone's spokesman, not the one spokesman named
    words = {noun} | (MEDIA_NAME_WORDS if noun in MEDIA_NOUNS else set())
    named = [next(ctx.earlier("organisation", subj.idx, w), None) for w in words]
    found = [(m.span.start, m.entity_id) for m in named if m is not None and m.entity_id]
    credited = last_reporter(ctx, subj) if noun in MEDIA_NOUNS else None
    nearest = max(found + ([credited] if credited else []), default=None)
    if nearest is not None:
        return nearest[1]  # "the paper", "the station": the outlet last named or credited
    if noun in COMPANY_NOUNS:
        return _last_company(ctx, subj)
    return (
        _organisation_named(ctx, subj)
        or _police(ctx, subj)
        or (_body_of(ctx, subj) if noun in AGENT_NOUNS else None)
    )


def kin_named(ctx: Context, noun: Any) -> str | None:
    """ "His father then asked him": the person the text named before as that same person's
    father ("his father, Johann, encouraged him", "Johann, Daniel's father,"); the possessor is
    resolved as a pronoun or read as a name. Else the one other person of the story who bears
    the possessor's family name, of the kin noun's gender where the text gives theirs ("her
    brother told NBC" with Mary Chapa's brother Hilario Chapa named once, anywhere). Else None."""
    owner = _owner(ctx, noun)
    if owner is None:
        return None
    lemma = noun.lemma_.lower()
    for tok in reversed(noun.doc[max(0, noun.i - KIN_REACH) : noun.i]):
        if tok.lemma_.lower() != lemma or tok.idx in ctx.quoted or _owner(ctx, tok) != owner:
            continue
        names = [c for c in tok.children if c.dep_ == "appos"]
        names += [tok.head] if tok.dep_ == "appos" else []
        for name in names:
            found = ctx.entities.get(ctx.entity_at(name) or "")
            if found is not None and found.type == "person" and found.id != owner:
                return found.id
    return _kin_by_role(ctx, owner, lemma) or _same_family(ctx, owner, lemma)


def _kin_by_role(ctx: Context, owner: str, kin: str) -> str | None:
    """The one person of the story given this kin role of the owner in any report: "her
    estranged husband, Isaiah Silva" (a "her" of the owner's gender, where the text gives it)
    or "Cobain's husband, Isaiah Silva" (the owner's name)."""
    person = ctx.entities.get(owner)
    if person is None:
        return None
    names = {w.casefold() for w in person.name.split()}
    gender = genders(ctx).get(owner)
    found = {
        e.id
        for e in ctx.entities.values()
        if e.type == "person"
        and e.id != owner
        and any(_kin_of(r.text, kin, names, gender) for r in e.roles)
    }
    return found.pop() if len(found) == 1 else None


def _kin_of(role: str, kin: str, names: set[str], gender: str | None) -> bool:
    """Does the role state that kin of the owner ("her husband", "Cobain's husband")?"""
    words = role.casefold().replace("\u2019", "'").split()
    if kin not in role_heads(role) or not words:
        return False
    if words[0] in MALE_PRONOUNS | FEMALE_PRONOUNS:
        return gender is None or (words[0] in FEMALE_PRONOUNS) == (gender == "f")
    return any(w.removesuffix("'s") in names for w in words if w.endswith("'s"))


def _same_family(ctx: Context, owner: str, kin: str) -> str | None:
    """The one person other than `owner` whose name ends in the owner's family name, of the kin
    noun's gender as the text gives it (or the he/she/his/her the chain gave that person) ("brother": a man; "her mother" is not Jeff Davis, her
    husband, whose gender the text never gives; "parents": nobody single)."""
    person = ctx.entities.get(owner)
    if person is None or person.type != "person" or " " not in person.name:
        return None
    family = person.name.split()[-1].casefold()
    gender = word_gender(kin)
    known = chain_genders(ctx) | genders(ctx)  # the text's word first, else its pronouns
    kin_of = [
        e.id
        for e in ctx.entities.values()
        if e.type == "person"
        and e.id != owner
        and " " in e.name
        and e.name.split()[-1].casefold() == family
        and not _alias_of(e, person)
    ]
    fits = [e for e in kin_of if known.get(e) == gender]
    return fits[0] if len(kin_of) == 1 and fits else None


def _alias_of(one: Any, other: Any) -> bool:
    """Is one entity's full name another's name or alias (two entries of one person)?"""
    return one.name in other.aliases or other.name in one.aliases


def _owner(ctx: Context, noun: Any) -> str | None:
    """The person whose kin the noun is: "his" (as the chain of pronouns resolved it), "Daniel's"."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is None:
        return None
    if poss.lower_ in PERSONAL_PRONOUNS and not poss.ent_type_:
        return chained(ctx, poss)
    return ctx.entity_at(poss)


def _last_company(ctx: Context, subj: Any) -> str | None:
    """ "the company": the nearest before it of an organisation named (not a public body) and a
    name someone works for ("vice president of sales for Brava", "joined Brava")."""
    firm = next((m for m in ctx.earlier("organisation", subj.idx, NOT_PUBLIC) if m.entity_id), None)
    doc, lo = subj.doc, firm.span.end if firm is not None else 0
    for tok in reversed(doc[max(0, subj.i - EMPLOYER_REACH) : subj.i]):
        if tok.idx < lo:
            break
        entity = ctx.entities.get(ctx.entity_at(tok) or "") if _employer(tok) else None
        if entity is not None and entity.type != "place" and tok.idx not in ctx.quoted:
            return entity.id
    return firm.entity_id if firm is not None else None


def _employer(tok: Any) -> bool:
    """Is the name the firm of someone's job ("president of sales for Brava", "an engineer at
    Brava", "works for Brava", "joined Brava")?"""
    if tok.pos_ != "PROPN":
        return False
    if tok.dep_ == "dobj":
        return tok.head.lemma_.lower() in EMPLOYMENT_VERBS
    if tok.dep_ != "pobj" or tok.head.lower_ not in {"for", "at"}:
        return False
    head = tok.head.head
    for _ in range(3):  # "president of sales for": up through "of" phrases
        if head.lemma_.lower() in PERSON_ROLE_NOUNS | EMPLOYMENT_VERBS:
            return True
        if head.dep_ not in {"pobj", "prep"}:
            return False
        head = head.head
    return False


def _body_of(ctx: Context, subj: Any) -> str | None:
    """ "Officials from the Acme Party said": the organisation they speak for, as "Acme
    officials" is Acme (the people are not named)."""
    for prep in (c for c in subj.children if c.dep_ == "prep" and c.lower_ in AGENT_PREPOSITIONS):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            found = ctx.entities.get(ctx.entity_at(obj) or "")
            if found is not None and found.type == "organisation":
                return found.id
    return None


def _police(ctx: Context, subj: Any) -> str | None:
    """ "police said", "a police statement": the one police force the story names ("Chicago
    Police Department", "LAPD"), if it names exactly one."""
    if not (
        subj.lower_ == "police"
        or (
            subj.lemma_.lower() in STATEMENT_NOUNS and any(t.lower_ == "police" for t in subj.lefts)
        )
    ):
        return None  # "police sources", "police commanders": people of the force, unnamed
    forces = [
        e
        for e in ctx.entities.values()
        if e.type == "organisation"
        and ("police" in e.name.lower().split() or POLICE_ACRONYM.fullmatch(e.name))
    ]
    forces = [e for e in forces if not any(_shorter_name_of(e.name, o.name) for o in forces)]
    return forces[0].id if len(forces) == 1 else None


def _shorter_name_of(short: str, full: str) -> bool:
    """ "Chicago Police" of "Chicago Police Department", "LAPD" (its initials) of "Los Angeles
    Police Department": the same body, named shorter."""
    words = full.split()
    return short != full and (
        full.startswith(short + " ") or short == "".join(w[0] for w in words if w[0].isupper())
    )


def _organisation_named(ctx: Context, subj: Any) -> str | None:
    """ "the foreign ministry" -> the organisation "Foreign Ministry" of any source: two or more
    words of the phrase, all in the organisation's name."""
    words = {t.lower_ for t in head_phrase(subj) if t.is_alpha and t.pos_ != "DET"}
    if len(words) < 2:
        return None
    return next(
        (
            e.id
            for e in ctx.entities.values()
            if e.type == "organisation" and words <= set(e.name.lower().split())
        ),
        None,
    )
