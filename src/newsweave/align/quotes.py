"""Quote groups: one speaker on one occasion, across sources, with each outlet's wording.

Quoted words and reported (indirect) speech are grouped apart: an utterance with words in quote
marks is grouped by those words (its reported clause is context); one with none is reported
speech, grouped only by shared words and never flagged as a wording conflict.

Within a source, the quotes stage numbers utterances (a quote broken by "he said" is one). Across sources, utterances of one speaker are grouped when their words overlap
(containment of the shorter in the longer), or, failing that, when each source has exactly one
remaining utterance of that speaker about the same entities: then the wordings differ (a
paraphrase or a translation), which the group notes (shown with each outlet's words and a diff).
"""

from __future__ import annotations

import difflib
import functools
import re
from collections import defaultdict
from collections.abc import Iterable

from ..models import Document, QuoteGroup, QuoteMention
from ..quotes import described_speaker

SAME_WORDS = 0.5
SHORT_CONTENT = 3  # content words of a quote so short its every word must match
LEFTOVER_WORDS = (
    4  # an utterance this short ("a mess.", "says who?") is never paired as a paraphrase
)
BARE_WORDS = 6  # content words of a bare (unquoted) piece matched to another outlet's quote
BARE_SHARE = 0.8  # share of them the quote must hold
_WORD = re.compile(r"[\w']+")


def group_quotes(documents: list[Document], names: dict[str, str]) -> list[QuoteGroup]:
    """Quote groups in order of first appearance; unattributed quotes stay alone."""
    by_speaker: dict[tuple[str | None, bool], list[list[QuoteMention]]] = defaultdict(list)
    for u in (u for d in documents for u in _utterances(d)):
        quoted = [q for q in u if q.kind != "indirect"]  # the words in quote marks, if any
        for part in (quoted, _reported_apart(u, quoted)) if quoted else (u,):
            if part and (
                part is quoted or part[0].speaker_id is not None or described_speaker(part[0])
            ):  # "sources said"; not nobody
                by_speaker[(part[0].speaker_id, part is not quoted)].append(part)
    groups: list[list[list[QuoteMention]]] = []
    for (speaker, indirect), utts in by_speaker.items():
        groups.extend(
            [[u] for u in utts] if speaker is None else _match(utts, pair_leftovers=not indirect)
        )
    groups = _name_across_outlets(groups)
    groups.sort(key=lambda g: (_doc_index(documents, g[0][0]), g[0][0].span.start))
    return [_group(i, g, names, documents) for i, g in enumerate(groups, 1)]


def _reported_apart(u: list[QuoteMention], quoted: list[QuoteMention]) -> list[QuoteMention]:
    """The reported speech of an utterance outside its quoted words ("“A,” sources say. They say
    B." through one cue): a statement of its own, not context of the quote."""
    return [
        q
        for q in u
        if q.kind == "indirect"
        and not any(q.span.start < x.span.end and x.span.start < q.span.end for x in quoted)
    ]


def _name_across_outlets(groups: list[list[list[QuoteMention]]]) -> list[list[list[QuoteMention]]]:
    """A quote one outlet leaves unnamed ("he said", "the official said", no cue) joins the
    group of the same words that another outlet attributes to a named speaker; so do words
    one outlet prints bare, with no speaker and no quote marks (a post), that another quotes."""
    named = [
        g
        for g in groups
        if _speaker_of(g) is not None and any(q.kind != "indirect" for u in g for q in u)
    ]
    out = []
    for g in groups:
        u = g[0]
        home = None
        if len(g) == 1 and u[0].speaker_id is None:
            quoted = any(q.kind != "indirect" for q in u)
            home = next(
                (
                    h
                    for h in named
                    if _source(u) not in {_source(x) for x in h}
                    and any(_same_words(u, x) if quoted else _inside(u, x) for x in h)
                ),
                None,
            )
        if home is None:
            out.append(g)
        else:
            home.append(u)
    return out


def _inside(u: list[QuoteMention], x: list[QuoteMention]) -> bool:
    """Is an unattributed piece with no quote marks the words another outlet quotes (a post or
    letter one outlet prints bare and another quotes, with its author)? Nearly all its content
    words, and enough of them to be a statement, are in the quote."""
    a, b = _content(set(_words(u))), _content(set(_words(x)))
    return len(a) >= BARE_WORDS and len(a & b) >= BARE_SHARE * len(a)


def _speaker_of(group: list[list[QuoteMention]]) -> str | None:
    return next((q.speaker_id for u in group for q in u if q.speaker_id is not None), None)


def _doc_index(documents: list[Document], m: QuoteMention) -> int:
    return next(i for i, d in enumerate(documents) if d.source.id == m.span.source)


def _utterances(document: Document) -> list[list[QuoteMention]]:
    """The document's quotes grouped by the utterance the quotes stage numbered them with."""
    out: dict[int, list[QuoteMention]] = {}
    for q in document.quotes:
        out.setdefault(q.utterance, []).append(q)
    return list(out.values())


def _words(utt: list[QuoteMention]) -> list[str]:
    return [w.lower() for q in utt for w in _WORD.findall(q.text)]


def overlap(a: Iterable[str], b: Iterable[str]) -> float:
    """Share of the shorter wording's words found in the longer one."""
    sa, sb = set(a), set(b)
    return len(sa & sb) / min(len(sa), len(sb)) if sa and sb else 0.0


def _match(
    utts: list[list[QuoteMention]], *, pair_leftovers: bool
) -> list[list[list[QuoteMention]]]:
    """Utterances of one speaker grouped across sources by shared words; with `pair_leftovers`,
    the one utterance left in each source is paired too (a paraphrase or translation)."""
    groups: list[list[list[QuoteMention]]] = []
    for u in utts:
        home = next(
            (
                g
                for g in groups
                if _source(u) not in {_source(x) for x in g} and any(_same_words(u, x) for x in g)
            ),
            None,
        )
        if home is None:
            groups.append([u])
        else:
            home.append(u)
    return _pair_leftovers(groups) if pair_leftovers else groups


def _source(utt: list[QuoteMention]) -> str:
    return utt[0].span.source


def _pair_leftovers(groups: list[list[list[QuoteMention]]]) -> list[list[list[QuoteMention]]]:
    """One ungrouped utterance per source, of the same speaker, when it is the only one left."""
    alone = [g for g in groups if len(g) == 1]
    by_source: dict[str, list] = defaultdict(list)
    for g in alone:
        by_source[_source(g[0])].append(g)
    if len(by_source) < 2 or any(len(v) != 1 for v in by_source.values()):
        return groups
    merged = [u for g in alone for u in g]
    if not _one_topic(merged):
        return groups
    return [g for g in groups if len(g) > 1] + [merged]


def _same_words(u: list[QuoteMention], x: list[QuoteMention]) -> bool:
    """Do two utterances share their words? Counted over content words, so "no idea" is not part
    of "John Doe No. 117 … has no …"; a short one ("solid evidence") must be wholly inside the
    other, not half ("convincing evidence")."""
    a, b = _content(set(_words(u))), _content(set(_words(x)))
    short, long = sorted((a, b), key=len)
    if len(short) <= SHORT_CONTENT:
        return bool(short) and short <= long
    return overlap(a, b) >= SAME_WORDS


def _content(words: set[str]) -> set[str]:
    stop = _stop_words()
    return {w.removesuffix("'s") for w in words if len(w) > 2 and w not in stop}


@functools.cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # spaCy is loaded by then; not at import

    return frozenset(STOP_WORDS)


def _one_topic(utts: list[list[QuoteMention]]) -> bool:
    """Could these be one statement worded twice? Each has a few words and shares a content word
    with another ("We think highly of the U.S. statement regarding ZTE's case" / "greatly
    appreciates the positive US position on the ZTE issue"); "fake news." and "Yes, I will run
    for the Senate" are two things one person said."""
    words = [set(_words(u)) for u in utts]
    content = [_content(ws) for ws in words]
    names = {
        w.casefold().removesuffix("'s")
        for u in utts
        for q in u
        for w in re.findall(r"(?<!^)\b[A-Z][\w.']+", q.text)
    }
    return all(len(ws) >= LEFTOVER_WORDS for ws in words) and all(
        any(_telling(c & other, names) for j, other in enumerate(content) if j != i)
        for i, c in enumerate(content)
    )


def _telling(shared: set[str], names: set[str]) -> bool:
    """Two leftover quotes are one statement when they share a name ("ZTE") or two content words;
    one common word ("walls") is two things one person said."""
    return len(shared) >= 2 or bool(shared & names)


def _group(
    index: int, group: list[list[QuoteMention]], names: dict[str, str], documents: list[Document]
) -> QuoteGroup:
    group = sorted(group, key=lambda u: (_doc_index(documents, u[0]), u[0].span.start))
    mentions = [q for u in group for q in u]
    speaker_id = _speaker_of(group)
    wordings = [" ".join(q.text for q in u) for u in group]
    g = QuoteGroup(
        id=f"q{index}",
        speaker=names.get(speaker_id or ""),
        speaker_id=speaker_id,
        mentions=mentions,
    )
    if speaker_id is not None and any(q.speaker_id is None for q in mentions):
        g.named_in = sorted({q.span.source for q in mentions if q.speaker_id == speaker_id})
    if len(group) > 1:
        g.variant = len({_norm(w) for w in wordings}) > 1
        pair = _contrast(wordings)
        g.diff = word_diff(*pair)
        g.notes = _notes(pair)
    return g


def _contrast(wordings: list[str]) -> tuple[str, str]:
    """The two wordings to show side by side: the first, and the first whose words differ from it
    (copies of one wire story word a quote alike; the variant may come from a third outlet)."""
    first = _norm(wordings[0])
    other = next((w for w in wordings[1:] if _norm(w) != first), wordings[1])
    return wordings[0], other


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower().replace("u.s.", "us")))


def word_diff(a: str, b: str) -> list[tuple[str, str]]:
    """Word-level diff of two wordings: ("=", words) kept, ("-", words) only in a, ("+", words) only
    in b. Words match ignoring case and surrounding punctuation; the first wording's form is shown."""
    wa, wb = a.split(), b.split()
    ka, kb = [_key(w) for w in wa], [_key(w) for w in wb]
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("=", " ".join(wa[i1:i2])))
            continue
        if i2 > i1:
            out.append(("-", " ".join(wa[i1:i2])))
        if j2 > j1:
            out.append(("+", " ".join(wb[j1:j2])))
    return out


def _key(word: str) -> str:
    return word.strip(".,;:!?\"'()[]").lower().replace("u.s.", "us").replace(".", "")


def _notes(pair: tuple[str, str]) -> list[str]:
    a, b = _norm(pair[0]).split(), _norm(pair[1]).split()
    if a == b:
        return ["same words, different punctuation or spelling"]
    share = overlap(a, b)
    shorter, longer = sorted((a, b), key=len)
    if share >= 0.9 and " ".join(shorter) in " ".join(longer):
        return ["one outlet quotes only part of the words (truncation)"]
    if share >= SAME_WORDS:
        return ["wording differs inside the quote marks (edited or paraphrased)"]
    return ["different wording of the same statement (paraphrase or translation)"]
