"""Who "he" is: speaker resolution and entity types on GUM coreference, with baselines beside.

    .venv/bin/python bench/gum_speakers.py [--split train+dev|test] [--json OUT] [--errors]

Data: ../shared/datasets/gum-coref (GUM's news, interview and biography documents; its
README explains the files). Only `conllu/` is read: the gold tokens, the gold dependency parse
(to find speech-verb subjects), paragraph marks and the entity brackets (`Entity=` in MISC).
Each document's text is rebuilt from its tokens (paragraphs joined by a blank line) and run
through newsweave's own stages (extract, quotes); gold tokens are found in it by offset.

Targets (only mentions of a person chain that has a proper-name mention somewhere, since the
point is the name the brief shows):
- "speech subject": a third-person pronoun or a nominal ("the spokesman") whose head is the
  `nsubj` of a speech verb (newsweave's cue lemmas) in the gold parse;
- "pronoun": every third-person personal pronoun (he, she, him, her, his, they, ...) of a
  person chain.

newsweave's answer for a target: the speaker of the quote or reported speech whose
`speaker_span` covers the target's head (what the brief shows), else newsweave's resolver
asked directly (`quotes.speakers.resolve_mention`). Right when the entity chosen has a mention
in the document overlapping one of the gold chain's proper-name mentions.

Peers in the same run, on the same entity mentions newsweave found: "last person named" (the
person mention nearest before the target) and "last person named as a subject".

Entity types: each gold named mention (head a proper noun) of type person / place /
organization; newsweave's type is the type of the resolved entity whose mention covers the
head token and lies within the gold mention (the "Boston" of "the Boston Red Sox" is a place
mention inside an organisation mention); spaCy's is the small model's own label (PERSON;
GPE/LOC; ORG) of the entity span so placed. Accuracy over all gold named mentions (a miss
counts wrong) and over those found. GUM types a country acting as a team or a government as
an organisation (metonymy), which no name-typing rule here tries to follow.

Develop on train+dev; run test once.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUM = ROOT.parent / "shared" / "datasets" / "gum-coref"
TEST = {
    "news_nasa",
    "news_sensitive",
    "interview_hill",
    "interview_libertarian",
    "bio_dvorak",
    "bio_jespersen",
}
THIRD_PERSON = {
    "he",
    "she",
    "him",
    "her",
    "his",
    "hers",
    "himself",
    "herself",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
}
NOT_THIRD = {
    "i",
    "me",
    "my",
    "mine",
    "we",
    "us",
    "our",
    "you",
    "your",
    "myself",
    "ourselves",
    "yourself",
}
GOLD_TYPES = {"person": "person", "place": "place", "organization": "organisation"}


@dataclass
class Token:
    i: int
    form: str
    lemma: str
    upos: str
    head: int  # document index of the head, -1 for the root
    deprel: str
    start: int = 0
    end: int = 0


@dataclass
class Mention:
    chain: str
    etype: str
    first: int
    last: int  # inclusive


@dataclass
class GumDoc:
    name: str
    text: str = ""
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


def read_conllu(path: Path) -> GumDoc:
    """Tokens with document offsets, the gold parse and the entity brackets of one document."""
    doc = GumDoc(path.stem.removeprefix("GUM_"))
    parts: list[str] = []
    open_: dict[str, list[tuple[str, int]]] = collections.defaultdict(list)
    offset, base, space, new_par = 0, 0, "", False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar"):
            new_par = True
        if not line or line.startswith("#"):
            if not line:
                base = len(doc.tokens)
            continue
        cols = line.split("\t")
        if not cols[0].isdigit():
            continue  # multi-word tokens and empty nodes
        if doc.tokens:
            sep = "\n\n" if new_par else (" " if space or int(cols[0]) == 1 else "")
            parts.append(sep)
            offset += len(sep)
        new_par = False
        head = int(cols[6])
        tok = Token(
            len(doc.tokens),
            cols[1],
            cols[2],
            cols[3],
            base + head - 1 if head else -1,
            cols[7],
            offset,
            offset + len(cols[1]),
        )
        doc.tokens.append(tok)
        parts.append(cols[1])
        offset += len(cols[1])
        space = "SpaceAfter=No" not in cols[9]
        _brackets(cols[9], tok.i, open_, doc.mentions)
    doc.text = "".join(parts)
    return doc


_ENTITY = re.compile(r"Entity=([^|]+)")
_CLOSINGS = re.compile(r"((?:\d+\))*)$")


def _brackets(misc: str, i: int, open_: dict, out: list[Mention]) -> None:
    m = _ENTITY.search(misc)
    if m is None:
        return
    pieces = m.group(1).split("(")
    _close(pieces[0], i, open_, out)
    for piece in pieces[1:]:
        closings = _CLOSINGS.search(piece).group(1)
        attrs = piece[: len(piece) - len(closings)]
        chain, etype = attrs.split("-")[:2]
        if attrs.endswith(")"):
            out.append(Mention(chain, etype, i, i))
        else:
            open_[chain].append((etype, i))
        _close(closings, i, open_, out)


def _close(closings: str, i: int, open_: dict, out: list[Mention]) -> None:
    for chain in re.findall(r"(\d+)\)", closings):
        if open_[chain]:
            etype, first = open_[chain].pop()
            out.append(Mention(chain, etype, first, i))


def mention_head(doc: GumDoc, m: Mention) -> Token:
    """The token of the mention whose head lies outside it."""
    inside = range(m.first, m.last + 1)
    return next(
        (doc.tokens[i] for i in inside if doc.tokens[i].head not in inside), doc.tokens[m.first]
    )


def is_named(doc: GumDoc, m: Mention) -> bool:
    return mention_head(doc, m).upos == "PROPN"


# ---- newsweave on one document ------------------------------------------------------------


@dataclass
class Run:
    document: object
    entities: dict
    ctx: object
    quotes: list


def run_newsweave(doc: GumDoc, nlp) -> Run:
    from newsweave.extract import extract
    from newsweave.models import Source
    from newsweave.quotes import find_quote_spans, find_quotes
    from newsweave.quotes.quoted import Quoted
    from newsweave.quotes.speakers import Context

    source = Source(id=doc.name, raw=doc.text, text=doc.text)
    documents, entities = extract([source], nlp)
    quotes = find_quotes(documents[0], entities, [])
    by_id = {e.id: e for e in entities}
    quoted = Quoted((q.start - 1, q.end + 1) for q in find_quote_spans(doc.text))  # as quotes does
    ctx = Context(documents[0].nlp, documents[0].entity_mentions, by_id, quoted)
    return Run(documents[0], by_id, ctx, quotes)


def newsweave_answer(
    run: Run, doc: GumDoc, target: Token, cue: Token | None
) -> tuple[str | None, str]:
    """(entity id, where it came from): the brief's quote speaker, else the resolver asked directly."""
    from newsweave.quotes.speakers import resolve_mention

    for q in run.quotes:
        s = q.speaker_span
        if s is not None and s.start <= target.start < s.end:
            return q.speaker_id, "quote"
    tok = _spacy_token(run, target)
    cue_tok = _spacy_token(run, cue) if cue is not None else None
    return (resolve_mention(run.ctx, tok, cue_tok) if tok is not None else None), "resolver"


def _spacy_token(run: Run, t: Token):
    span = run.document.nlp.char_span(t.start, t.end, alignment_mode="expand")
    return span[-1] if span is not None and len(span) else None


def baseline(run: Run, target: Token, subjects_only: bool) -> str | None:
    people = [
        m
        for m in run.document.entity_mentions
        if m.span.end <= target.start and m.entity_id and run.entities[m.entity_id].type == "person"
    ]
    if subjects_only:
        people = [m for m in people if _root_dep(run, m) in {"nsubj", "nsubjpass"}]
    return people[-1].entity_id if people else None


def _root_dep(run: Run, m) -> str:
    span = run.document.nlp.char_span(m.span.start, m.span.end, alignment_mode="expand")
    return span.root.dep_ if span is not None else ""


def right(run: Run, doc: GumDoc, entity_id: str | None, names: list[Mention]) -> bool:
    if entity_id is None or entity_id not in run.entities:
        return False
    entity = run.entities[entity_id]
    gold = [(doc.tokens[m.first].start, doc.tokens[m.last].end) for m in names]
    return any(s.start < b and a < s.end for s in entity.mentions for a, b in gold)


# ---- targets -------------------------------------------------------------------------------


def targets(doc: GumDoc, cue_lemmas: set[str]) -> list[tuple[str, Mention, Token, Token | None]]:
    """(kind, mention, head token, cue) for speech-subject and third-person-pronoun targets."""
    named = collections.defaultdict(list)
    for m in doc.mentions:
        if m.etype == "person" and is_named(doc, m):
            named[m.chain].append(m)
    out = []
    for m in doc.mentions:
        if m.etype != "person" or m.chain not in named or is_named(doc, m):
            continue
        head = mention_head(doc, m)
        if head.lemma.lower() in NOT_THIRD or head.form.lower() in NOT_THIRD:
            continue
        gov = doc.tokens[head.head] if head.head >= 0 else None
        if head.deprel == "nsubj" and gov is not None and gov.lemma.lower() in cue_lemmas:
            out.append(("speech subject", m, head, gov))
        if head.upos == "PRON" and head.form.lower() in THIRD_PERSON and m.first == m.last:
            out.append(("pronoun", m, head, gov if head.deprel == "nsubj" else None))
    return out


def score_doc(doc: GumDoc, nlp, cue_lemmas: set[str], errors: list[str]) -> dict:
    run = run_newsweave(doc, nlp)
    names = collections.defaultdict(list)
    for m in doc.mentions:
        if m.etype == "person" and is_named(doc, m):
            names[m.chain].append(m)
    counts: dict = collections.defaultdict(collections.Counter)
    for kind, m, head, cue in targets(doc, cue_lemmas):
        gold = names[m.chain]
        answer, via = newsweave_answer(run, doc, head, cue)
        ok = right(run, doc, answer, gold)
        c = counts[kind]
        c["n"] += 1
        c["newsweave"] += ok
        c[f"via {via}"] += 1
        c["last named"] += right(run, doc, baseline(run, head, False), gold)
        c["last subject"] += right(run, doc, baseline(run, head, True), gold)
        if not ok and errors is not None:
            shown = run.entities[answer].name if answer in run.entities else None
            ctx = doc.text[max(0, head.start - 120) : head.end + 40].replace("\n", " ¶ ")
            errors.append(
                f"{doc.name}\t{kind}\t{head.form}\tgold={doc.text[doc.tokens[gold[0].first].start : doc.tokens[gold[0].last].end]}"
                f"\tshown={shown}\t…{ctx}"
            )
    counts["types"] = _types(doc, run)
    return counts


def _types(doc: GumDoc, run: Run) -> collections.Counter:
    from newsweave.extract.entities import SPACY_TYPES

    c: collections.Counter = collections.Counter()
    ents = list(run.document.nlp.ents)
    for m in doc.mentions:
        if m.etype not in GOLD_TYPES or not is_named(doc, m):
            continue
        head, gold = mention_head(doc, m), GOLD_TYPES[m.etype]
        a, b = doc.tokens[m.first].start, doc.tokens[m.last].end
        c["n"] += 1
        ours = next(
            (
                run.entities[x.entity_id].type
                for x in run.document.entity_mentions
                if _covers(x.span.start, x.span.end, head, a, b) and x.entity_id in run.entities
            ),
            None,
        )
        theirs = next(
            (
                SPACY_TYPES.get(e.label_)
                for e in ents
                if _covers(e.start_char, e.end_char, head, a, b)
            ),
            None,
        )
        c["newsweave found"] += ours is not None
        c["newsweave"] += ours == gold
        c["spacy found"] += theirs is not None
        c["spacy"] += theirs == gold
    return c


def _covers(start: int, end: int, head: Token, a: int, b: int) -> bool:
    """A system span on the gold mention: over its head and not beyond it (the "Boston" of "the
    Boston Red Sox" is a place inside an organisation: the organisation's span is not its)."""
    return start <= head.start < end and a <= start and end <= b


def documents(split: str) -> list[Path]:
    paths = sorted((GUM / "conllu").glob("GUM_*.conllu"))
    is_test = [p.stem.removeprefix("GUM_") in TEST for p in paths]
    return [p for p, t in zip(paths, is_test) if t == (split == "test")]


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=["train+dev", "test"], default="train+dev")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--errors", type=Path, help="write every wrong target here (TSV)")
    args = ap.parse_args(argv)
    from newsweave.extract import load
    from newsweave.lexicon import CUE_LEMMAS

    nlp = load()
    total: dict = collections.defaultdict(collections.Counter)
    errors: list[str] = []
    t0 = time.perf_counter()
    paths = documents(args.split)
    for path in paths:
        for kind, c in score_doc(read_conllu(path), nlp, CUE_LEMMAS, errors).items():
            total[kind].update(c)
    result = {
        "split": args.split,
        "documents": len(paths),
        "seconds": round(time.perf_counter() - t0, 1),
        **{k: dict(v) for k, v in total.items()},
    }
    _print(result)
    save(result, errors, args.json, args.errors)
    return result


def save(result: dict, errors: list[str], json_path: Path | None, errors_path: Path | None) -> None:
    """Write the result as JSON and the error lines as TSV, where asked (shared with named_speakers)."""
    if json_path:
        json_path.write_text(json.dumps(result, indent=2) + "\n")
    if errors_path:
        errors_path.write_text("\n".join(errors) + "\n", encoding="utf-8")


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}" if b else "-"


def _print(r: dict) -> None:
    print(f"GUM {r['split']}: {r['documents']} documents, {r['seconds']} s")
    for kind in ("speech subject", "pronoun"):
        c = r.get(kind, {})
        n = c.get("n", 0)
        print(
            f"  {kind} ({n}): newsweave {_pct(c.get('newsweave', 0), n)}  last named {_pct(c.get('last named', 0), n)}"
            f"  last named as subject {_pct(c.get('last subject', 0), n)}"
            f"  (from quotes {c.get('via quote', 0)}, resolver {c.get('via resolver', 0)})"
        )
    t = r.get("types", {})
    n = t.get("n", 0)
    print(
        f"  entity types of named mentions ({n}): newsweave {_pct(t.get('newsweave', 0), n)}"
        f" ({_pct(t.get('newsweave', 0), t.get('newsweave found', 0))} of {t.get('newsweave found', 0)} found);"
        f" spaCy alone {_pct(t.get('spacy', 0), n)} ({_pct(t.get('spacy', 0), t.get('spacy found', 0))}"
        f" of {t.get('spacy found', 0)} found)"
    )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main()
