"""Claims inside a sentence: the parts of a sentence that state a claim of their own, so that a
claim is matched across sources even where its sentence says more.

"A strong quake struck Aceh on Tuesday, killing at least five people" states two claims (a quake
struck Aceh; it killed at least five); "Officials say 24 were killed by the quake, which struck the
western tip of Sumatra" states where it struck in a clause another outlet may give alone.
`claim_parts` returns such parts as pseudo-sentences (contiguous spans of the sentence, offsets
into the cleaned text) with the words they depend on (the subject of the sentence, the noun an
apposition describes). The whole sentence stays a unit too: a part is matched only in addition.

Parts are: a participle clause after a comma (", killing ..."), a non-restrictive relative clause
(", which ..."), a second predicate joined to the main verb (", and injured dozens"), and an
apposition set off by commas ("ZTE, a company with more than 70,000 employees, said"). An
apposition or relative clause is cited with the short noun phrase it describes, where that stands
just before it ("ZTE, a company with more than 70,000 employees"), so that it reads as a claim.

`claim_core` gives the other side: the sentence's main claim without those asides (nor an
attribution set off by commas, ", police said"), "Greg Gianforte, the Montana congressman-elect
who was accused of body slamming a reporter, pleaded guilty to misdemeanor assault" read as
"Greg Gianforte pleaded guilty to misdemeanor assault", so that it matches "Gianforte pleaded
guilty and was sentenced to community service". Its words are not contiguous: a core is matched
for its sentence and cited by the whole sentence, which states it.

`claim_predicates` splits a sentence whose main verb has a second one (or a second clause) into
one claim per predicate, each read with its subject: "Gianforte pleaded guilty and was
sentenced to community service" is "Gianforte pleaded guilty" (its words stand together: cited
by them) and "Gianforte was sentenced to community service" (matched for its sentence and cited
by it, as a core is).
"""

from __future__ import annotations

from typing import Any

from ..models import Document, Sentence, Span

# A part needs this many words to say anything alone.
MIN_PART_WORDS = 5
PART_DEPS = frozenset({"advcl", "relcl", "conj", "appos"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Parts that describe a noun ("Fauzi, an official of the agency"; "the quake, which struck ...")
# read with that noun: the part starts at it when it stands just before, in at most this many words.
NAMED = frozenset({"appos", "relcl"})
MAX_HEAD_WORDS = 6
# A core needs this many words (with a verb), and the asides it leaves out at least this many.
MIN_CORE_WORDS = 5
MIN_ASIDE_WORDS = 3
# A predicate read with its subject ("Gianforte pleaded guilty") needs this many content words
# besides the subject (its verb counts): "He was arrested" says too little to match on.
MIN_PREDICATE_WORDS = 2


def claim_parts(document: Document, sentence: Sentence) -> list[tuple[Sentence, list[Any]]]:
    """(part, context tokens) for each claim a sentence states beside its main one."""
    doc = document.nlp
    if doc is None:
        return []
    span = doc.char_span(sentence.span.start, sentence.span.end, alignment_mode="expand")
    if span is None or len(span) < 2 * MIN_PART_WORDS:
        return []
    out = []
    for token in span:
        if token.dep_ in PART_DEPS and _separate(token, span):
            part = _part(document, sentence, token, span)
            if part is not None:
                out.append((part, _context(token)))
    return out


def described(context: list[Any]) -> Any:
    """The noun an apposition part describes ("Fauzi" of "Fauzi, an official of the local disaster
    agency"), from the part's `context` (`claim_parts`); None for a clause."""
    if len(context) != 1:
        return None
    head = context[0]
    return head if any(c.dep_ == "appos" for c in head.children) else None


def claim_core(document: Document, sentence: Sentence) -> list[Any]:
    """The tokens of a sentence's main claim: the sentence without the parts `claim_parts` looks
    for (clauses and appositions set off by commas, second predicates of the main verb) and
    without an attribution set off by commas (", police said"); [] where the asides are a few
    words or the rest says nothing (no verb)."""
    span = _span(document, sentence)
    if span is None:
        return []
    dropped = _asides(span, conj=True)
    kept = [t for t in span if t.i not in dropped]
    words = [t for t in kept if not t.is_punct]
    asides = sum(1 for t in span if t.i in dropped and not t.is_punct)
    if asides < MIN_ASIDE_WORDS or len(words) < MIN_CORE_WORDS:
        return []
    return kept if any(t.pos_ in {"VERB", "AUX"} for t in words) else []


def _span(document: Document, sentence: Sentence) -> Any:
    """The parsed tokens of a sentence (None without a parse)."""
    doc = document.nlp
    if doc is None:
        return None
    return doc.char_span(sentence.span.start, sentence.span.end, alignment_mode="expand")


def _asides(span: Any, *, conj: bool) -> set[int]:
    """The token indices of a sentence's asides: clauses and appositions set off by commas, an
    attribution (", police said") and, with `conj`, second predicates of the main verb."""
    dropped: set[int] = set()
    for token in span:
        if token.i in dropped or (token.dep_ == "conj" and not conj):
            continue
        if token.dep_ == "parataxis" or (token.dep_ in PART_DEPS and _separate(token, span)):
            dropped |= {t.i for t in token.subtree}
            if token.dep_ == "conj":  # "... and was arrested nearby": the "and" too
                dropped |= {t.i for t in token.head.children if t.dep_ == "cc" and t.i < token.i}
    return dropped


def claim_predicates(
    document: Document, sentence: Sentence
) -> list[tuple[Sentence | None, list[Any]]]:
    """Each predicate of a sentence whose main verb has a second one of the same subject, read
    with that subject and without asides: "Gianforte pleaded guilty and was sentenced to community
    service" states "Gianforte pleaded guilty" and "Gianforte was sentenced to community service";
    a clause joined with a subject of its own ("..., but the other three boats were intercepted")
    is read with that subject.
    For each: (the part of the sentence that states it, where its words stand together, else None;
    its tokens). A predicate whose words do not stand together is matched for its sentence, which
    cites it (as a core is)."""
    span = _span(document, sentence)
    if span is None:
        return []
    root = span.root
    subject = [t for c in root.children if c.dep_ in SUBJECTS for t in c.subtree]
    predicates = _predicates(root, span)
    if not subject or len(predicates) < 2:
        return []
    asides = _asides(span, conj=False)
    out = []
    for predicate in predicates:
        own = {t.i for t in predicate.subtree} - _cut(predicate)
        if predicate is not root and not _has_subject(predicate):
            own |= {t.i for t in subject}
        tokens = _trimmed([t for t in span if t.i in own and t.i not in asides])
        content = [t for t in tokens if t.i not in {s.i for s in subject} and _content(t)]
        if len(content) < MIN_PREDICATE_WORDS:
            continue
        out.append((_contiguous(document, sentence, tokens), tokens))
    return out


def _predicates(root: Any, span: Any) -> list[Any]:
    """The main verb and the predicates and clauses joined to it ("... and was sentenced", "...,
    but the other boats were intercepted"), in order."""
    if root.pos_ not in {"VERB", "AUX"}:
        return [root]
    out, todo = [root], [root]
    while todo:
        for t in todo.pop().children:
            if t.dep_ == "conj" and t.pos_ in {"VERB", "AUX"} and span.start <= t.i < span.end:
                out.append(t)
                todo.append(t)
    return sorted(out, key=lambda t: t.i)


def _has_subject(predicate: Any) -> bool:
    return any(c.dep_ in SUBJECTS or c.dep_ == "expl" for c in predicate.children)


def _cut(predicate: Any) -> set[int]:
    """The words of the clauses joined to a predicate ("... and was sentenced"), with the
    conjunctions before them: another claim."""
    out: set[int] = set()
    for t in predicate.children:
        if t.dep_ == "conj" and t.pos_ in {"VERB", "AUX"}:
            out |= {w.i for w in t.subtree}
        elif t.dep_ == "cc":
            out.add(t.i)
    return out


def _trimmed(tokens: list[Any]) -> list[Any]:
    """`tokens` without punctuation or conjunctions at either end."""
    while tokens and _edge(tokens[-1]):
        tokens = tokens[:-1]
    while tokens and _edge(tokens[0]):
        tokens = tokens[1:]
    return tokens


def _edge(token: Any) -> bool:
    return token.is_punct or token.dep_ == "cc"


def _content(token: Any) -> bool:
    return (token.is_alpha and not token.is_stop) or token.like_num


def _contiguous(document: Document, sentence: Sentence, tokens: list[Any]) -> Sentence | None:
    """The part of the sentence `tokens` span, where they stand together and leave some out."""
    if not tokens or tokens[-1].i - tokens[0].i + 1 != len(tokens):
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    if end - start >= sentence.span.end - sentence.span.start - 2:
        return None
    text = document.source.text[start:end]
    return Sentence(
        f"{sentence.id}.{start}", Span(sentence.span.source, start, end), text, sentence.paragraph
    )


def _separate(token: Any, span: Any) -> bool:
    """Is the clause set off as a claim of its own (after a comma, or a predicate of the main verb)?"""
    left = token.left_edge
    before = span.doc[left.i - 1] if left.i > span.start else None
    comma = before is not None and before.text in {",", ";", "—", "–", "--"}
    if token.dep_ == "conj":
        return (
            token.pos_ in {"VERB", "AUX"}
            and token.head.dep_ == "ROOT"
            and token.head.pos_ in {"VERB", "AUX"}
        )
    if token.dep_ == "advcl":
        return comma and token.tag_ in {"VBG", "VBN"}
    return comma  # relcl, appos


def _part(document: Document, sentence: Sentence, token: Any, span: Any) -> Sentence | None:
    tokens = [t for t in token.subtree if span.start <= t.i < span.end]
    if token.dep_ == "conj":  # "and injured dozens": from the verb on, without the conjunction
        tokens = [t for t in tokens if t.i >= token.i]
    words = [t for t in tokens if not t.is_punct]
    if len(words) < MIN_PART_WORDS or not _says_something(token, words):
        return None
    if token.dep_ in NAMED:
        words = [t for t in _with_head(token, tokens, span) if not t.is_punct]
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    if end <= start or end - start >= sentence.span.end - sentence.span.start - 2:
        return None  # (end <= start: a subtree the parse left out of order; a crash on Multi-News)
    text = document.source.text[start:end]
    return Sentence(
        f"{sentence.id}.{start}", Span(sentence.span.source, start, end), text, sentence.paragraph
    )


def _with_head(token: Any, tokens: list[Any], span: Any) -> list[Any]:
    """The part's tokens from the noun phrase it describes on, where that phrase ends just before
    the part (a comma between) and is short."""
    head = token.head
    before = [t for t in head.subtree if t.i < token.left_edge.i and span.start <= t.i]
    left = [t for t in before if t.i <= head.i]
    if not left or len(left) > MAX_HEAD_WORDS:
        return tokens
    gap = span.doc[head.i + 1 : token.left_edge.i]
    if any(not t.is_punct for t in gap):
        return tokens
    return left + list(gap) + tokens


def _says_something(token: Any, words: list[Any]) -> bool:
    """A clause needs a verb of its own; an apposition a figure or a noun of its own beside names
    ("a company with more than 70,000 employees", not "Craig Zadan and Neil Meron")."""
    if token.dep_ == "appos":
        return any(t.like_num for t in words) or any(t.pos_ == "NOUN" for t in words)
    return any(t.pos_ == "VERB" for t in words)


def _context(token: Any) -> list[Any]:
    """What the part speaks of: the main subject for a clause, the described noun for an apposition."""
    if token.dep_ == "appos":
        return [token.head]
    root = token.sent.root
    return [w for c in root.children if c.dep_ in SUBJECTS for w in c.subtree]
