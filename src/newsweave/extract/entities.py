"""Sentences and entity mentions (with stated roles) from one parsed source."""

from __future__ import annotations

import re
from typing import Any

from ..lexicon import (
    EPITHET_NOUNS,
    FACILITY_NOUNS,
    FEMALE_WORDS,
    HONORIFICS,
    INVERTED_CUES,
    KIN_NOUNS,
    KNOWN_ORGS,
    MALE_WORDS,
    NAME_PARTICLES,
    NOT_NAME_WORDS,
    ORG_WORDS,
    PAGE_LABELS,
    PERSON_ROLE_NOUNS,
    PLACE_NOUNS,
    POSTNOMINALS,
    SERVICE_WORDS,
    SPEECH_LEMMAS,
    TITLE_WORDS,
    UNNAMED_WORDS,
)
from ..models import EntityMention, EntityType, Role, Sentence, Span
from .name_types import settle_types

SPACY_TYPES: dict[str, EntityType] = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
}
# Words that open an entity span but are not part of the name: determiners and inverted cues.
_NOT_NAME = {"the", "a", "an"} | INVERTED_CUES
_DETERMINER = re.compile(r"^(?:a|an|the)\s+", re.IGNORECASE)
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# A sentence is a title-cased headline when it has this many capitalised words of four letters or
# more and no lower-case word but function words ("of", "the").
TITLE_CASE_MIN_WORDS = 3
# Words no untagged person's name has: titles, organisations' and places' words.
_NOT_PERSON_WORDS = TITLE_WORDS | ORG_WORDS | PLACE_NOUNS | KNOWN_ORGS
GENDER_NOUNS = MALE_WORDS | FEMALE_WORDS  # "Valeska Paris, an Australian woman": a person
# Capitalised words before a name that are no part of it ("Coach", "CLOSE", "The").
_NOT_NAME_START = _NOT_PERSON_WORDS | PERSON_ROLE_NOUNS | EPITHET_NOUNS | PAGE_LABELS | _NOT_NAME
_TITLE_LIKE = TITLE_WORDS | PERSON_ROLE_NOUNS | EPITHET_NOUNS
_ROLE_STOP_POS = {"VERB", "AUX", "DET", "ADP", "PUNCT", "PRON", "CCONJ", "SCONJ", "NUM", "PART"}


def sentences(doc: Any, source_id: str) -> list[Sentence]:
    """Sentences of a parsed cleaned text, trimmed of surrounding whitespace, with paragraph numbers."""
    out: list[Sentence] = []
    paragraph, text = 0, doc.text  # spaCy rebuilds doc.text from every token on each read
    for sent in doc.sents:
        start, end = _trim(text, sent.start_char, sent.end_char)
        if end <= start:
            continue
        if out and "\n" in text[out[-1].span.end : start]:
            paragraph += 1
        span = Span(source_id, start, end)
        out.append(Sentence(f"{source_id}:s{len(out)}", span, text[start:end], paragraph))
    return out


def entity_mentions(doc: Any, source_id: str) -> list[EntityMention]:
    """Person, organisation and place mentions, with titles and appositive roles as stated."""
    out: list[EntityMention] = []
    stated: set[int] = set()  # ids of mentions typed by the words around them, not the model
    text = doc.text  # read once: spaCy rebuilds it from every token on each read
    headlines = _title_cased(doc)
    for ent in _named_after_people(_joined_places(doc)):
        model_type = SPACY_TYPES.get(ent.label_)
        if model_type is None:
            continue
        span = _name_span(ent)
        if span is None or _not_a_name(span):
            continue
        etype = _corrected_type(span, model_type)
        start, end = span.start_char, span.end_char
        role = person_role(span) if etype == "person" else None
        mention = EntityMention(Span(source_id, start, end), text[start:end], etype)
        if role is not None:
            mention.role = Role(role.text, Span(source_id, role.start_char, role.end_char))
        mention.alias = _with_honorific(span)
        if etype == "organisation":
            mention.short = _bracketed_initials(text, end)
        out.append(mention)
        if etype != model_type:
            stated.add(id(mention))
    found = out + unlisted_people(doc, source_id, out)
    proposed = untagged_subjects(doc, source_id, found)
    maybe = {id(m) for m in proposed}
    found = sorted(found + proposed, key=lambda m: m.span.start)
    found = [m for m in found if not _headline_only(m, headlines, text)]
    return settle_types(
        doc,
        found,
        [name_key(m.text) for m in found],
        maybe=frozenset(i for i, m in enumerate(found) if id(m) in maybe),
        stated=frozenset(i for i, m in enumerate(found) if id(m) in stated),
    )


_INITIALS = re.compile(r"\s?\(([A-Z][A-Z&]{1,7})\)")


def _bracketed_initials(text: str, end: int) -> str | None:
    """The initials given in brackets right after a name: "(CDC)" after "the Centers for Disease
    Control and Prevention"."""
    m = _INITIALS.match(text, end)
    return m.group(1) if m else None


def _joined_places(doc: Any) -> list[Any]:
    """The model's entities, with two one-word place names it set side by side joined into
    one name ("Valeska" "Paris" -> "Valeska Paris", typed a place until the words around it say
    otherwise): no place name follows another with only a space between."""
    ents = list(doc.ents)
    out: list[Any] = []
    for ent in ents:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label_ == ent.label_ == "GPE"
            and prev.end == ent.start
            and len(ent) == 1
            and doc[prev.end - 1].whitespace_ == " "
            and all(t.is_title and t.pos_ == "PROPN" for t in (*prev, *ent))
        ):
            out[-1] = type(ent)(doc, prev.start, ent.end, label=ent.label_)  # a spaCy Span
            continue
        out.append(ent)
    return out


def _named_after_people(ents: list[Any]) -> list[Any]:
    """A person's name the model set right before the name of an organisation or a building it
    is part of ("Ronald Reagan" of "Ronald Reagan UCLA Medical Center"): one name, the
    organisation's, where the person's last word is a compound of the proper nouns after it and
    they end in an organisation's or a building's word or were tagged as one."""
    out: list[Any] = []
    for ent in ents:
        if out and out[-1].end > ent.start:
            continue  # already part of the organisation's name before it
        end = _institution_end(ent) if ent.label_ == "PERSON" else None
        out.append(ent if end is None else type(ent)(ent.doc, ent.start, end, label="ORG"))
    return out


def _institution_end(ent: Any) -> int | None:
    """Where the name of the institution a person's name opens ends, if it opens one."""
    doc, last = ent.doc, ent[-1]
    head = last.head
    if last.dep_ != "compound" or head.i < ent.end:
        return None
    after = doc[ent.end : head.i + 1]
    if not all(t.pos_ == "PROPN" and t.ent_type_ in {"", "ORG", "FAC"} for t in after):
        return None
    tagged = head.ent_type_ in {"ORG", "FAC"}
    if not (tagged or head.lower_ in ORG_WORDS | FACILITY_NOUNS):
        return None
    end = head.i + 1
    while tagged and end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end


def _title_cased(doc: Any) -> list[tuple[int, int]]:
    """(start, end) of the sentences written in title case ("Father of Portland Shooting Victim
    Says Justice Will Be Served"), where the model takes capitalised words for names."""
    out = []
    for sent in doc.sents:
        words = [t for t in sent if t.is_alpha]
        capitals = [t for t in words if len(t) > 3 and (t.is_title or t.is_upper)]
        if len(capitals) >= TITLE_CASE_MIN_WORDS and all(
            t.is_stop or t.is_title or t.is_upper for t in words
        ):
            out.append((sent.start_char, sent.end_char))
    return out


def _headline_only(mention: EntityMention, headlines: list[tuple[int, int]], text: str) -> bool:
    """A name found in a title-cased headline and written nowhere else in the text ("Father",
    "Will Be Served"): the headline's capitals, not a name. A name the body also writes
    ("Portland") is kept."""
    if not any(a <= mention.span.start < b for a, b in headlines):
        return False
    name = mention.text
    at = text.find(name)
    while at >= 0:
        if not any(a <= at < b for a, b in headlines):
            return False
        at = text.find(name, at + 1)
    return True


def unlisted_people(doc: Any, source_id: str, known: list[EntityMention]) -> list[EntityMention]:
    """Names the model missed, recovered from grammar: the proper-noun subject of a speech verb
    ("Ruiz said") or a proper-noun appositive of a role ("The mayor, Ana Ruiz, ...")."""
    covered = {i for m in known for i in range(m.span.start, m.span.end)}
    out: list[EntityMention] = []
    for tok in _tokens_where(doc, "POS", {"PROPN"}):
        if tok.idx in covered or tok.dep_ == "compound":
            continue
        span, titled = _titled_name(doc, tok)
        if not (titled or _speaker_slot(tok)) or any(t.idx in covered for t in span):
            continue
        if span[0].lower_.rstrip(".") in TITLE_WORDS or any(t.lower_ in ORG_WORDS for t in span):
            continue
        covered.update(range(span.start_char, span.end_char))
        out.append(
            EntityMention(
                Span(source_id, span.start_char, span.end_char),
                span.text,
                "person",
                alias=_with_honorific(span),
            )
        )
    return out


def untagged_subjects(doc: Any, source_id: str, known: list[EntityMention]) -> list[EntityMention]:
    """Proper nouns the model left untagged as the subject of a clause ("Byron received his
    early education"), and a person's one-word name it took for a common noun opening a
    sentence ("Rathbun requested ..." beside "Mark Rathbun"): proposed as people, kept by
    `settle_types` only on evidence or where the name is a person's elsewhere."""
    covered = {i for m in known for i in range(m.span.start, m.span.end)}
    people = {w for m in known if m.type == "person" for w in name_key(m.text).split()[-1:]}
    out: list[EntityMention] = []
    for tok in _tokens_where(doc, "DEP", _SUBJECT_DEPS):
        if tok.ent_type_:
            continue
        if tok.pos_ != "PROPN" and not (tok.is_title and tok.lower_ in people):
            continue
        span, _ = _titled_name(doc, tok)
        if any(t.idx in covered or not (t.is_title and t.is_alpha) for t in span):
            continue
        if {t.lower_ for t in span} & _NOT_PERSON_WORDS:
            continue
        covered.update(range(span.start_char, span.end_char))
        out.append(
            EntityMention(Span(source_id, span.start_char, span.end_char), span.text, "person")
        )
    return out


def _tokens_where(doc: Any, attribute: str, values: set[str]) -> list[Any]:
    """The tokens whose `attribute` ("POS", "DEP") is one of `values`, read from the doc's array
    (building every token of a long text to test one attribute costs more than the test)."""
    import numpy
    from spacy.attrs import IDS

    wanted = [doc.vocab.strings[v] for v in values]
    column = doc.to_array([IDS[attribute]])
    return [doc[int(i)] for i in numpy.flatnonzero(numpy.isin(column, wanted))]


def _titled_name(doc: Any, tok: Any) -> tuple[Any, bool]:
    """The proper-noun chain ending at `tok`, and whether a person's title opens it
    ("Mayor Rahm Emanuel" -> "Rahm Emanuel", True)."""
    start = tok
    while (before := _name_word_before(doc, start)) is not None:
        start = before
    i = start.i
    while i < tok.i and doc[i].lower_.rstrip(".") in TITLE_WORDS - HONORIFICS and doc[i].is_title:
        i += 1
    titled = i > start.i and all(t.is_title and t.is_alpha for t in doc[i : tok.i + 1])
    return doc[i : tok.i + 1], titled


def _name_word_before(doc: Any, tok: Any) -> Any | None:
    """The proper noun a name's word is the compound of, right before it, or glued to it by a
    hyphen (the "Jean" of "Jean-Baptiste Le Pichon"); else None."""
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.pos_ == "PROPN" and prev.dep_ == "compound":
        return prev
    if prev is None or tok.i < 2 or prev.text != "-" or prev.whitespace_:
        return None
    word = doc[tok.i - 2]
    return word if word.pos_ == "PROPN" and word.is_title and not word.whitespace_ else None


def _speaker_slot(tok: Any) -> bool:
    """A proper noun where only a person's name stands: the subject of a speech verb, the
    appositive of a role ("The mayor, Ana Ruiz"), the owner of kin ("Ana Ruiz's husband")."""
    if tok.dep_ in {"nsubj", "nsubjpass"}:
        return tok.head.lemma_.lower() in SPEECH_LEMMAS
    if tok.dep_ == "poss":
        return tok.head.lemma_.lower() in KIN_NOUNS
    return tok.dep_ == "appos" and tok.head.lower_ in PERSON_ROLE_NOUNS


def _with_honorific(span: Any) -> str | None:
    """ "Mr Liu" when the name is preceded by an honorific."""
    if span.start == 0:
        return None
    prev = span.doc[span.start - 1]
    if prev.lower_.rstrip(".") in HONORIFICS:
        return span.doc[span.start - 1 : span.end].text
    return None


def initials(name: str) -> str:
    """The first letters of a name's capitalised words ("Pacific Crest Trail Association":
    "PCTA"; "Peter Travers": "PT")."""
    return "".join(w[0] for w in name.split() if w[0].isupper())


def name_key(name: str) -> str:
    """A comparison key for a name: no dots, possessives, determiners or case; one apostrophe
    ("Children’s" and "Children's")."""
    name = re.sub(r"['’]s?$", "", name.strip())
    name = _DETERMINER.sub("", name).replace(".", "").replace("’", "'")
    return " ".join(name.lower().replace("-", " ").split())


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _name_span(ent: Any) -> Any | None:
    """The entity span without a leading determiner, title words, a trailing possessive, degree
    or honour ("Ph.D.", "OBE": `POSTNOMINALS`) or the line breaks the model runs into it
    ("Brock Holt\n\n", a lone "\n\n")."""
    start, end = ent.start, ent.end
    doc = ent.doc
    if ent.label_ == "PERSON":
        start = _untagged_start(doc, start)
    while start < end and (
        doc[start].lower_ in _NOT_NAME
        or doc[start].is_space
        or doc[start].is_quote
        or _is_title(ent, start)
        or _page_label(doc[start], end - start)
    ):
        start += 1
    while end > start and (doc[end - 1].text in {"'s", "'", "’s"} or doc[end - 1].is_space):
        end -= 1
    while end > start + 1 and doc[end - 1].lower_.replace(".", "") in POSTNOMINALS:
        end -= 1
    end = _hyphenated_end(ent.doc, end)
    end = next(
        (
            i
            for i in range(start + 1, end)
            if _not_name_word(ent.doc[i]) and not _after_hyphen(doc, i, start)
        ),
        end,
    )
    while end > start + 1 and doc[end - 1].text == "-":
        end -= 1  # "Shenzhen-" of "Shenzhen-based"
    return ent.doc[start:end] if end > start else None


def _untagged_start(doc: Any, start: int) -> int:
    """Where a person's name starts: back over a capitalised name word the model left out of it
    ("Marcel" of '"...," Marcel Williams Foster yelled'; "Jean-" of "Jean-Baptiste"), not a
    title, nor a word the model tags otherwise ("Democrat Rob Quist"). A name's first word in
    running text (after a verb, a comma or a quote mark): a capitalised word opening a sentence
    or a headline, or after a preposition or another capital, is rather a role ("Prosecutor
    Richard Roe", "scandal: Journalist Ann Roe says", "VP of Education Ann Roe")."""
    word = _name_word_before(doc, doc[start])
    if word is None or not _bare_name_word(word):
        return start
    if word.i > 0 and doc[start - 1].text == "-":  # "Jean" of "Jean-Baptiste"
        return word.i
    before = doc[word.i - 1] if word.i > 0 else None
    if word.is_sent_start or before is None:
        return start
    running = before.is_lower and before.pos_ not in {"ADP", "DET"}
    return word.i if running or before.is_quote or before.text == "," else start


def _bare_name_word(tok: Any) -> bool:
    return (
        tok.ent_iob_ == "O"
        and tok.tag_ == "NNP"
        and tok.is_title
        and tok.is_alpha
        and tok.lower_ not in _NOT_NAME_START
    )


def _after_hyphen(doc: Any, i: int, start: int) -> bool:
    """A lower-case word glued to a hyphen after a name's word other than its first: the "nam"
    of "Kim Jong-nam" (not the "based" of "Shenzhen-based")."""
    hyphen = doc[i - 1]
    return (
        i - 2 > start
        and hyphen.text == "-"
        and not hyphen.whitespace_
        and not doc[i - 2].whitespace_
    )


def _page_label(tok: Any, length: int) -> bool:
    """A player's or link's label in capitals opening a longer span ("CLOSE Kevin Spacey")."""
    return length > 1 and tok.is_upper and tok.lower_ in PAGE_LABELS


def _not_name_word(tok: Any) -> bool:
    """A lower-case content word, which no name has: the model ran the name on ("Isaiah claims
    Frances"); "of", "and", "for" ("Bank of America") and particles ("del") are kept."""
    return tok.is_alpha and tok.is_lower and not tok.is_stop and tok.lower_ not in NAME_PARTICLES


def _hyphenated_end(doc: Any, end: int) -> int:
    """A name ending in a hyphenated part the model cut off ("Moon Jae" of "Moon Jae-in")."""
    while (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
    ):
        end += 2
    return end


def _is_title(ent: Any, i: int) -> bool:
    """A title word, or a role or epithet noun capitalised at a sentence's start ("Billionaire
    Phillip Ruffin", "Democrat Nancy Pelosi"), opening a PERSON span with a name still after it."""
    if ent.label_ != "PERSON" or i >= ent.end - 1:
        return False
    return ent.doc[i].lower_.rstrip(".") in _TITLE_LIKE


def _not_a_name(span: Any) -> bool:
    """A time or a measure ("0737 GMT", "magnitude-6.1"), titles alone ("Det"), words saying
    that someone is not named ("Anonymous British"), or a capitalised
    common plural opening a sentence ("Houses collapsed", "Eyewitnesses say") that the text never
    capitalises elsewhere ("Sanders said" stays a name beside "Bernie Sanders")."""
    if {t.lower_.rstrip(".").split("-")[0] for t in span} & NOT_NAME_WORDS:
        return True
    if len(span) > 1 and span[0].lower_ in UNNAMED_WORDS:
        return True  # "Anonymous British journalist:", nobody's name
    if all(t.lower_.rstrip(".") in TITLE_WORDS for t in span):
        return True  # "Det" of "Det Con Tim Bird", a title the model tagged alone
    if _title_of(span):
        return True  # "Inspector-General of Police" (Khalid Abu Bakar), a person's title
    tok = span[0]
    if len(span) != 1 or tok.tag_ != "NNS" or not tok.is_sent_start:
        return False
    return not any(
        t.text == tok.text and not t.is_sent_start for t in tok.doc
    )  # "Bernie Sanders" elsewhere


def _title_of(span: Any) -> bool:
    """A title of office with "of" and no name after it: "Inspector-General of Police",
    "Secretary of State" (the person holding it is named next, or not at all)."""
    i = 0
    while i < len(span) and (span[i].lower_.rstrip(".") in TITLE_WORDS or span[i].text == "-"):
        i += 1
    return (
        0 < i < len(span) - 1
        and span[i].lower_ == "of"
        and not any(t.ent_type_ == "PERSON" for t in span)
    )


def _corrected_type(span: Any, etype: EntityType) -> EntityType:
    """Fix the small model's common confusions: people and organisations, and places by the
    words around them ("Suka Makmur village", "in Banda Aceh")."""
    words = [t.lower_.rstrip(".") for t in span]
    if _place_evidence(span, etype):
        return "place"
    if etype == "person" and (
        set(words) & ORG_WORDS or " ".join(words) in KNOWN_ORGS or _plural_after_the(span)
    ):
        return "organisation"
    if etype != "person" and _reads_as_person(span, words):
        return "person"
    return etype


def _plural_after_the(span: Any) -> bool:
    """ "the Jets", "the Clintons": one plural proper noun after "the" is a team, a band or a
    family, never one person."""
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    return len(span) == 1 and span[0].tag_ == "NNPS" and before == "the"


def _place_evidence(span: Any, etype: EntityType) -> bool:
    """A settlement noun right before or after the name ("capital Banda Aceh", "the town of
    Bireun", "Bukit Sama village"), a police station ("Antrim Police station"), or "in"/"near" before a name the model took for a person."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    before = [t.lower_ for t in doc[max(0, span.start - 2) : span.start]]
    if after is not None and after.lower_ in PLACE_NOUNS and after.tag_ in {"NN", "NNP"}:
        return True
    if after is not None and after.lower_ in FACILITY_NOUNS and span[-1].lower_ in SERVICE_WORDS:
        return True  # "Antrim Police station": a building
    if (before[-1:] and before[-1] in PLACE_NOUNS) or (
        before[-2:-1] and before[-2] in PLACE_NOUNS and before[-1] == "of"
    ):
        return True
    return (
        etype == "person"
        and before[-1:] in (["in"], ["near"])
        and (after is None or after.text not in {"'s", "’s"})
    )


def _reads_as_person(span: Any, words: list[str]) -> bool:
    """An ORG span like "Eswar Prasad, a professor of ..." or "Mr Trump" is a person."""
    if set(words) & ORG_WORDS or " ".join(words) in KNOWN_ORGS:
        return False
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and (
        before.lower_.rstrip(".") in HONORIFICS or _person_noun(before)
    ):  # "disaster agency official Fauzi", "forensic anthropologist Matteo Borrini"
        return True
    if not 1 <= len(span) <= 3 or not all(t.is_title for t in span):
        return False
    role = _appositive(span)
    return role is not None and any(_person_noun(t) or t.lower_ in GENDER_NOUNS for t in role)


def _person_noun(tok: Any) -> bool:
    """A noun only a person is: a role noun, or one of a practitioner in "-ist" ("scientist",
    "anthropologist", "journalist"; not "checklist", "playlist")."""
    word = tok.lower_
    if word in PERSON_ROLE_NOUNS:
        return True
    return (
        tok.tag_ == "NN"
        and len(word) >= 6
        and word.endswith("ist")
        and (not word.endswith("list") or word[-5] in "aeiou")
    )


def person_role(span: Any) -> Any | None:
    """The role stated with a person: a title before the name, else an appositive after it."""
    return _title_before(span) or _appositive(span)


def _title_before(span: Any) -> str | None:
    """ "White House deputy press secretary Lindsay Walters" -> "White House deputy press secretary"."""
    doc, i = span.doc, span.start
    while i > 0 and _title_token(doc[i - 1]):
        i -= 1
    if i == span.start:
        return None
    words = doc[i : span.start]
    if all(t.lower_.rstrip(".") in HONORIFICS for t in words):
        return None
    if not any(t.pos_ == "NOUN" or t.lower_.rstrip(".") in TITLE_WORDS for t in words):
        return None
    return words


def _title_token(tok: Any) -> bool:
    if tok.is_space or tok.pos_ in _ROLE_STOP_POS or tok.is_sent_end:
        return False
    return tok.pos_ in {"NOUN", "PROPN", "ADJ"} and tok.ent_type_ not in {"PERSON", "DATE"}


def _appositive(span: Any) -> Any | None:
    """ "Lu Kang, a spokesman for China's foreign ministry" -> "a spokesman for China's foreign ministry"
    (the spaCy span of the role); "her estranged husband, Isaiah Silva" -> "her estranged
    husband"."""
    doc, root = span.doc, span.root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= span.end and child.tag_ not in {"NNS", "NNPS"}:
            return _role_text(doc[child.left_edge.i : child.right_edge.i + 1])
    nxt = doc[span.end : span.end + 2]
    if len(nxt) == 2 and nxt[0].text == "," and nxt[1].lower_ == "of" and nxt[1].head.i == root.i:
        return _role_text(doc[nxt[1].i : nxt[1].right_edge.i + 1])
    head = root.head
    if (
        root.dep_ == "appos"
        and head.pos_ == "NOUN"
        and head.i == span.start - 2
        and doc[span.start - 1].text == ","
    ):
        return _role_text(doc[head.left_edge.i : head.i + 1])  # "her husband, Isaiah Silva"
    return None


def _role_text(span: Any) -> Any | None:
    """The role span without a leading determiner or trailing punctuation, if it is a sane length."""
    doc, start, end = span.doc, span.start, span.end
    while start < end and (doc[start].lower_ in {"a", "an", "the"} or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    role = doc[start:end]
    return role if 2 <= len(role.text) <= 160 else None
