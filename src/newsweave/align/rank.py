"""What matters most in a brief: the key claims ranked, who covers each, the main speakers.

A claim's score is its independent witnesses (each one outranks any difference below), plus how
central it is (it names the story's main terms and entities) and how early it comes in its article
(lede position), less a little for a sentence that opens with a quote (the voices show quotes). Claims are then chosen best first, skipping one that mostly repeats a claim
already chosen. The coverage grid says, for each key claim and each source, whether the source
states it (citing its sentence), contradicts it (a conflict or a key figure in conflict, citing the
sentence that gives the differing value) or omits it.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable

from ..cluster.features import STOP
from ..models import (
    Brief,
    Conflict,
    CoverageCell,
    CoverageRow,
    Fact,
    Figure,
    KeyClaim,
    QuoteGroup,
    Span,
    Speaker,
)

KEY_CLAIMS = 8  # at most this many key claims
SPEAKERS = 3
QUOTE_MIN, QUOTE_MAX = 6, 40  # the words of a quote that stands for its speaker
# Central and lede add, a quote subtracts: their spread stays below 1, so one more independent
# witness always outranks them. A claim that is someone's quoted words shows under the voices.
CENTRAL_WEIGHT = 0.45
LEDE_WEIGHT = 0.25
QUOTED_WEIGHT = 0.25
MAIN_TERMS = 12  # the story's main terms: its most widely used content words
MAIN_ENTITIES = 5
REPEAT = 0.6  # a claim sharing this share of its content words with one chosen repeats it
MIN_WORDS, MAX_WORDS = 6, 60  # a usable claim: a sentence, not a fragment or a paragraph
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_LEANING = re.compile(r"^(?:He|She|They|It|This|That|These|Those|But|And|Also)\b|^[\"“]?[a-z]")
# A noun described and no more, as a claim part cited with its noun reads ("The quake, which hit at
# a depth of 10 km"; "Subhan Sahara, the head of the agency"): not a claim on its own.
_DESCRIPTION = re.compile(r"^[^,.!?]{1,80}, (?:which|who|whose|where|a|an|the)\b[^.!?\"”]*$")

__all__ = [
    "coverage",
    "key_claims",
    "ranked_facts",
    "real_conflicts",
    "repeats",
    "speakers",
    "usable",
]


def content_words(text: str) -> set[str]:
    """The text's content words, lower case, stop words and one-letter words left out."""
    return {w for w in (m.lower() for m in _WORD.findall(text)) if len(w) > 2 and w not in STOP}


def key_claims(brief: Brief, limit: int = KEY_CLAIMS) -> list[KeyClaim]:
    """The story's most important claims, best first, no two saying nearly the same thing."""
    return ranked_facts(brief, (f for f in brief.facts if usable(f)), limit)


def ranked_facts(brief: Brief, facts: Iterable[Fact], limit: int | None = None) -> list[KeyClaim]:
    """The facts as key claims, best first, each adding something those above it did not say."""
    story = _Story(brief)
    background = {f.id for f in brief.facts if f.background}  # the story's own news first
    scored = sorted(
        (story.claim(f) for f in facts),
        key=lambda k: (k.fact_id in background, -k.score, k.fact_id),
    )
    chosen: list[KeyClaim] = []
    shown: list[set[str]] = []
    for claim in scored:
        words = content_words(claim.text)
        if any(_repeats(words, other) for other in shown):
            continue
        chosen.append(claim)
        shown.append(words)
        if limit is not None and len(chosen) >= limit:
            break
    return chosen


def usable(fact: Fact) -> bool:
    """A claim that reads on its own: a sane length, not leaning on the sentence before, not a
    noun and its description alone, not a piece of a quote that runs on into (or in from) another
    sentence."""
    text = fact.text
    if not MIN_WORDS <= len(text.split()) <= MAX_WORDS or _LEANING.search(text):
        return False
    if _DESCRIPTION.match(text):
        return False
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")


def _repeats(words: set[str], other: set[str]) -> bool:
    if not words or not other:
        return False
    return len(words & other) / min(len(words), len(other)) >= REPEAT


class _Story:
    """What the story is mostly about (its main terms and entities) and where sentences are."""

    def __init__(self, brief: Brief):
        self.brief = brief
        self.witness = {s.id: s.witness or s.id for s in brief.sources}
        self.terms = _main_terms(brief)
        self.entity_spans = _main_entity_spans(brief)
        self.starts = {d.source.id: [s.span.start for s in d.sentences] for d in brief.documents}

    def claim(self, fact: Fact) -> KeyClaim:
        sources = list(dict.fromkeys(fact.sources or (m.source for m in fact.mentions)))
        witnesses = fact.witnesses or len({self.witness.get(s, s) for s in sources})
        span = min(fact.mentions, key=self.index) if fact.mentions else Span("", 0, 0)
        central, lede = self.central(fact), 1 / (1 + self.index(span) / 2)
        quoted = fact.text.lstrip().startswith(('"', "“"))
        score = witnesses + CENTRAL_WEIGHT * central + LEDE_WEIGHT * lede - QUOTED_WEIGHT * quoted
        return KeyClaim(
            fact.id, fact.text, fact.status, round(score, 4), witnesses, sources, span,
            round(central, 4), round(lede, 4),
        )  # fmt: skip

    def index(self, span: Span) -> int:
        """The sentence index of the span in its article (0 for the first sentence)."""
        starts = self.starts.get(span.source)
        return max(bisect.bisect_right(starts, span.start) - 1, 0) if starts else 0

    def central(self, fact: Fact) -> float:
        """Half for the story's main terms it uses, half for the main entities it names."""
        terms = len(content_words(fact.text) & self.terms) / max(min(len(self.terms), 4), 1)
        names = sum(any(_overlaps(m, e) for m in fact.mentions) for e in self.entity_spans)
        return 0.5 * min(terms, 1.0) + 0.5 * min(names / 2, 1.0)


def _main_terms(brief: Brief) -> set[str]:
    """The content words the most witnesses use (each witness counted once)."""
    words: dict[str, set[str]] = {}  # a witness's words: one outlet's articles, or copies
    for s in brief.sources:
        words.setdefault(s.witness or s.id, set()).update(content_words(s.text))
    counts = Counter(w for used in words.values() for w in used)
    top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:MAIN_TERMS]
    return {w for w, n in top if n > 1 or len(words) == 1}


def _main_entity_spans(brief: Brief) -> list[list[Span]]:
    """The mentions of each of the entities named by the most sources."""
    top = sorted(brief.entities, key=lambda e: (-len(set(e.sources)), -len(e.mentions)))
    return [e.mentions for e in top[:MAIN_ENTITIES]]


def _overlaps(span: Span, others: list[Span]) -> bool:
    return any(
        o.source == span.source and o.start < span.end and span.start < o.end for o in others
    )


# --- coverage -----------------------------------------------------------------------------------
def coverage(brief: Brief, claims: list[KeyClaim]) -> list[CoverageRow]:
    """For each key claim, each source (in brief order): states / contradicts / omits, cited."""
    facts = {f.id: f for f in brief.facts}
    rows = []
    for claim in claims:
        fact = facts[claim.fact_id]
        against = {
            source: _sentence(brief, span)
            for source, span in _contradictions(brief, fact, claim.span).items()
        }
        rows.append(CoverageRow(claim.fact_id, [_cell(s.id, fact, against) for s in brief.sources]))
    return rows


def _sentence(brief: Brief, span: Span) -> Span:
    """The sentence holding the span (a differing value read in its words: "55 kilometers west
    of Bireun", not "55 kilometers"); the span itself where no sentence holds it."""
    doc = next((d for d in brief.documents if d.source.id == span.source), None)
    for sentence in doc.sentences if doc else []:
        if sentence.span.start <= span.start and span.end <= sentence.span.end:
            return sentence.span
    return span


def _cell(source: str, fact: Fact, against: dict[str, Span]) -> CoverageCell:
    if source in against:
        return CoverageCell(source, "contradicts", against[source])
    stated = next((m for m in fact.mentions if m.source == source), None)
    return CoverageCell(source, "states", stated) if stated else CoverageCell(source, "omits")


def _contradictions(brief: Brief, fact: Fact, shown: Span) -> dict[str, Span]:
    """Source -> the span of its value that differs from the value the shown claim gives, for
    conflicts of this fact (not updates over time) and key figures in conflict it states."""
    out: dict[str, Span] = {}
    for conflict in brief.conflicts:
        if not conflict.update and _about(conflict, fact):
            for span in _conflicting(conflict, shown):
                out.setdefault(span.source, span)
    for figure in brief.figures:
        if figure.verdict == "conflict":
            for span in _differing(figure, shown):
                out.setdefault(span.source, span)
    return out


def _conflicting(conflict: Conflict, shown: Span) -> list[Span]:
    """The conflict's values in other sources that differ from the shown source's value."""
    mine = next((v.value for v in conflict.values if v.source == shown.source), None)
    return [
        Span(v.source, v.start, v.end)
        for v in conflict.values
        if mine is not None and v.value != mine and v.source != shown.source
    ]


def _differing(figure: Figure, shown: Span) -> list[Span]:
    """The figure's values in other sources that differ from the one the shown sentence gives."""
    mine = next((v for v in figure.values if _within(v.sentence or v.span, shown)), None)
    if mine is None:
        return []
    return [
        v.span for v in figure.values if v.value != mine.value and v.span.source != shown.source
    ]


def _about(conflict: Conflict, fact: Fact) -> bool:
    """The conflict is about the fact: attached to it, or its values lie in the fact's sentences."""
    if conflict.fact_id is not None:
        return conflict.fact_id == fact.id
    return any(
        _within(Span(v.source, v.start, v.end), m) for v in conflict.values for m in fact.mentions
    )


def _within(span: Span, sentence: Span) -> bool:
    return span.source == sentence.source and sentence.start <= span.start < sentence.end


# --- conflicts and speakers ---------------------------------------------------------------------
def real_conflicts(brief: Brief) -> list[Conflict]:
    """Contradictions, not updates over time or differences of quote wording, nor about the
    background (the toll of an earlier disaster); those with the most sources first."""
    background = {f.id for f in brief.facts if f.background}
    real = [
        x
        for x in brief.conflicts
        if not x.update and x.kind != "quote" and x.fact_id not in background
    ]
    return sorted(real, key=lambda x: -len({v.source for v in x.values}))


def speakers(brief: Brief, limit: int = SPEAKERS, shown: Iterable[str] = ()) -> list[Speaker]:
    """The named speakers quoted by the most outlets, each with their most telling quote: one
    that does not repeat the `shown` texts (the key claims) where they have one."""
    groups: dict[str, list] = {}
    for g in brief.quotes:
        if g.speaker and g.mentions and any(m.kind != "term" for m in g.mentions):
            groups.setdefault(g.speaker_id or g.speaker, []).append(g)
    ranked = sorted(groups.values(), key=lambda gs: (-len(_sources(gs)), -len(gs)))
    seen = [content_words(t) for t in shown]
    return [Speaker(gs[0].speaker, _telling(gs, seen).id, _sources(gs)) for gs in ranked[:limit]]


def repeats(text: str, shown: Iterable[str]) -> bool:
    """The text mostly repeats (in content words) one of the `shown` texts."""
    return _repeats_any(text, [content_words(t) for t in shown])


def _repeats_any(text: str, seen: list[set[str]]) -> bool:
    words = content_words(text)
    return any(_repeats(words, other) for other in seen)


def _telling(groups: list, seen: list[set[str]]) -> QuoteGroup:
    """The quote that stands for a speaker: words quoted directly, a sentence long rather than
    a phrase or a paragraph, carried by the most outlets, the shorter of equals."""

    def key(g: QuoteGroup):
        m = g.mentions[0]
        sized = QUOTE_MIN <= len(m.text.split()) <= QUOTE_MAX
        return (
            m.kind not in ("direct", "partial"),
            _repeats_any(m.text, seen),
            not sized,
            -len(_sources([g])),
            len(m.text),
        )

    return min(groups, key=key)


def _sources(groups) -> list[str]:
    return list(dict.fromkeys(m.span.source for g in groups for m in g.mentions))
