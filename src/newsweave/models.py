"""The one typed data model that flows through every newsweave stage.

Stages read and add to these dataclasses; no opaque dicts travel between stages.

    ingest    -> Source (raw text + metadata)
    clean     -> Source.text (cleaned) + Source.removed
    dedup     -> Source.witness (copies of one wire story and one outlet's articles share a
                 witness), Source.outlet_name (one name shown for an outlet's names)
    extract   -> Document (sentences, entity mentions, numbers, dates)
    quotes    -> Document.quotes (QuoteMention with resolved speakers)
    align     -> Fact, QuoteGroup, Conflict, TimelineEvent, NumberGroup
    align.rank -> KeyClaim (the story's most important claims, ranked), Coverage (who states,
                 omits or contradicts each), Speaker (the main speakers, one quote each)
    summarize -> SummarySentence
    report    -> Brief rendered as terminal / Markdown / HTML / JSON

Corpus mode adds: `RunEntry` (what ingest did with each input), `CopyGroup` (copies of one wire
story with their lineage) and `Story` (articles clustered into one story, with why each is there).

Every claim points at text through a `Span`: a source id and character offsets into that
source's *cleaned* text (`Source.text`), so `source.text[span.start:span.end]` is the claim.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from .outlets import canonical_outlet
from .spans import SpanIndex

EntityType = Literal["person", "organisation", "place"]
FactStatus = Literal["corroborated", "single-source", "conflicting"]
FigureVerdict = Literal["agree", "updated", "conflict"]
QuoteKind = Literal["direct", "partial", "indirect", "term"]
CaveatKind = Literal["not-one-story", "not-english", "one-witness"]


@dataclass(frozen=True, order=True)
class Span:
    """Character offsets `[start, end)` into the cleaned text of source `source`."""

    source: str
    start: int
    end: int

    def slice(self, text: str) -> str:
        return text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        return self.source == other.source and self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.source == other.source and self.start < other.end and other.start < self.end


@dataclass
class Removal:
    """A piece of the received text that clean removed, and why (offsets into `Source.raw`)."""

    text: str
    reason: str
    start: int
    end: int


@dataclass
class Source:
    """One article as received, then cleaned. `text` is the cleaned text all offsets refer to."""

    id: str
    raw: str
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    title: str | None = None
    path: str | None = None
    input_id: str | None = None
    where: str | None = None  # where it was read: the file, or "file:line" for a JSON Lines record
    text: str = ""
    removed: list[Removal] = field(default_factory=list)
    witness: str = ""
    # the outlet's name as every report shows it (dedup: one name for "AP" and "Associated
    # Press"; an outlet known by its URL's domain alone); None: the outlet as given, if any
    outlet_name: str | None = None

    @property
    def label(self) -> str:
        """A short human name: its outlet (the name shown for it), else its JSON Lines id, else
        its file name, else its id."""
        shown = self.outlet_name or canonical_outlet(self.outlet)
        if shown:
            return shown
        if self.input_id:
            return self.input_id
        if self.path:
            return self.path.rsplit("/", 1)[-1]
        return self.id


@dataclass
class Skipped:
    """An input that was not used, with the reason a person can act on."""

    path: str
    reason: str


@dataclass
class Diagnostics:
    """What a run tells its user besides its result: warnings (used, with a problem) and skips
    (not used, with the reason). A stage adds to the one collector it is given (`warn`, `skip`)
    rather than to lists passed down its calls; `IngestResult` is one, `Pipeline.align` keeps
    one for the brief's warnings."""

    warnings: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def warn(self, message: str, *, about: str | None = None) -> None:
        """A warning, prefixed with what it is about ("Reuters: ...") when given."""
        self.warnings.append(f"{about}: {message}" if about else message)

    def skip(self, where: str, reason: str) -> None:
        self.skipped.append(Skipped(where, reason))


@dataclass
class Sentence:
    id: str
    span: Span
    text: str
    paragraph: int


@dataclass
class Role:
    """A title or role stated for an entity in one place ("a spokesman for China's foreign ministry")."""

    text: str
    span: Span


@dataclass
class EntityMention:
    span: Span
    text: str
    type: EntityType
    entity_id: str | None = None
    role: Role | None = None
    alias: str | None = None  # the name as written with its honorific ("Mr Liu"), when it had one
    short: str | None = None  # initials the text gives it in brackets ("... Prevention (CDC)")
    speaks: bool = False  # a place named as a speaker ("Malaysia said"): its government


@dataclass
class Entity:
    """One real-world referent across all sources, with every name variant it went by."""

    id: str
    name: str
    type: EntityType
    aliases: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)


@dataclass
class NumberMention:
    """A quantity as stated: `$1.2 billion` -> value 1.2e9, unit "USD", counts "fine"."""

    span: Span
    text: str
    value: float
    unit: str | None = None
    counts: str | None = None
    qualifier: str | None = None  # "more than", "at least", "about", ...
    kind: str | None = None  # what it measures: "dead", "magnitude", "depth", ... (extract.figures)


@dataclass
class DateMention:
    """A date expression resolved against the publication date, or marked unresolved."""

    span: Span
    text: str
    date: dt.date | None = None
    end: dt.date | None = None
    resolved: bool = False
    note: str = ""


@dataclass
class QuoteMention:
    """What one source reports someone said: quoted words (`span` covers the words inside the
    quote marks) or, for `kind` "indirect", the reported clause ("that Mr Liu would travel").
    Kinds: "direct" (a whole quoted utterance), "partial" (quoted words inside a sentence),
    "term" (a few quoted words naming something: "called it a 'con'"), "indirect"."""

    span: Span
    text: str
    kind: QuoteKind = "direct"
    speaker_id: str | None = None
    speaker_text: str | None = None
    cue: str | None = None
    how: str | None = None  # how the speaker was found: "named", "pronoun", "role", "continuation"
    sentence_id: str | None = None
    speaker_span: Span | None = None  # where the text names (or refers to) the speaker here
    cue_span: Span | None = None  # the cue: "said", "according to", "tweeted"
    utterance: int = 0  # pieces of one utterance split by a cue ("A," he said, "B.") share it


@dataclass
class Document:
    """Everything extracted from one cleaned source."""

    source: Source
    sentences: list[Sentence] = field(default_factory=list)
    entity_mentions: list[EntityMention] = field(default_factory=list)
    numbers: list[NumberMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quotes: list[QuoteMention] = field(default_factory=list)
    nlp: Any = field(default=None, repr=False, compare=False)  # the spaCy Doc, when one was made

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding a character offset."""
        found = self.index("sentences").overlapping(offset, offset + 1)
        return found[0] if found else None

    def by_sentence(self, items: list) -> dict[str, list]:
        """Items with a `span` (mentions, dates, numbers, quotes) grouped by the id of the
        sentence their start lies in, in their order; items outside every sentence are left out."""
        out: dict[str, list] = {}
        for item in items:
            sentence = self.sentence_at(item.span.start)
            if sentence is not None:
                out.setdefault(sentence.id, []).append(item)
        return out

    def index(self, name: str) -> SpanIndex:
        """A `SpanIndex` over one of the lists (`sentences`, `quotes`, ...), rebuilt when the
        list is replaced or changes length."""
        items = getattr(self, name)
        cached = self.__dict__.get("_index_" + name)
        if cached is None or cached.items is not items or len(cached.items) != cached.size:
            cached = self.__dict__["_index_" + name] = SpanIndex(items)
        return cached


@dataclass
class SaidBy:
    """Who a source says stated a fact: the quote or reported speech (`span`, its words) that
    covers most of the fact's sentence there, in quote group `quote`. The outlet reports a
    claim rather than asserting it. `speaker` is None where the text does not say who spoke."""

    span: Span
    quote: str
    kind: QuoteKind
    speaker: str | None = None
    speaker_id: str | None = None


@dataclass
class Fact:
    """Sentences of different sources that state the same thing."""

    id: str
    text: str
    status: FactStatus
    mentions: list[Span]
    sources: list[str] = field(default_factory=list)
    witnesses: int = 0
    score: float = 0.0
    said_by: list[SaidBy] = field(default_factory=list)
    why: MatchReason | None = None  # for a fact of several sources: why they were grouped
    # for a single-source fact: the closest statement of another witness, below the bar for one fact
    nearest: Nearest | None = None
    background: bool = False  # tells of another time than the story's ("In 2004, a tsunami ...")


@dataclass
class QuoteGroup:
    """Quotes of one speaker on one occasion, across sources."""

    id: str
    speaker: str | None
    speaker_id: str | None
    mentions: list[QuoteMention]
    variant: bool = False
    diff: list[tuple[str, str]] = field(default_factory=list)  # (op, words): op in "=", "-", "+"
    notes: list[str] = field(default_factory=list)
    # where some outlet leaves the speaker unnamed ("he said"): the sources that name them
    named_in: list[str] = field(default_factory=list)


@dataclass
class ConflictValue:
    source: str
    value: str
    start: int
    end: int


@dataclass
class Conflict:
    kind: Literal["number", "date", "name", "role", "quote", "place", "detail"]
    values: list[ConflictValue]
    subject: str = ""
    note: str = ""
    fact_id: str | None = None
    update: bool = (
        False  # reported at different times: possibly a later figure, not a contradiction
    )

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Conflict:
        """A conflict as the brief JSON contract writes it (a snapshot's, read back)."""
        values = [
            ConflictValue(v["source"], v["value"], v["start"], v["end"]) for v in data["values"]
        ]
        return cls(
            data["kind"],
            values,
            data.get("subject", ""),
            data.get("note", ""),
            data.get("fact"),
            data.get("update", False),
        )


@dataclass
class FigureValue:
    """One source's value of a key figure, cited: `span` covers the number as written."""

    span: Span
    text: str
    value: float
    unit: str | None = None
    qualifier: str | None = None
    direction: str | None = None  # for a distance: "west" of "55 km west of Bireun"
    published: dt.date | None = None
    sentence: Span | None = None  # the sentence that states it


@dataclass
class Figure:
    """A quantity of the story (the toll, the injured, the magnitude) as each source gives it, and
    the verdict: the values agree, were updated over time, or conflict (align.figures)."""

    id: str
    kind: str  # extract.figures.figure_kind: "dead", "magnitude", "distance:bireun", ...
    label: str  # for readers: "dead", "magnitude", "distance from Bireun"
    verdict: FigureVerdict
    values: list[FigureValue] = field(default_factory=list)
    note: str = ""


@dataclass
class Nearest:
    """The span of another witness likeliest to state a single-source fact's claim, with the
    same-claim probability that fell short of making them one fact: where a reader checks first."""

    span: Span
    same_claim: float


@dataclass
class MatchReason:
    """Why sentences of different sources were grouped as one fact: the best pair's score and
    what they share (figures, names, words)."""

    score: float
    figures: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    # the same-claim model's probability for the best pair (align.sameclaim), with the lexical
    # decision; None with embeddings
    same_claim: float | None = None


@dataclass
class NumberGroup:
    value: float
    unit: str | None
    text: str
    counts: str | None
    mentions: list[Span]


@dataclass
class TimelineEvent:
    """One event: its date range (None for an undated event, `Brief.undated`), the text of its
    leading statement, and its citations (the placing date in each statement; for an undated
    event, each statement)."""

    date: dt.date | None
    end: dt.date | None
    text: str
    mentions: list[Span]
    fact_id: str | None = None
    disputed: bool = False  # the sources date this fact differently (see the date conflict)
    facts: list[str] = field(default_factory=list)  # every fact stating the event (fact_id first)
    note: str = ""  # for an undated event: why no date places it


@dataclass
class SummarySentence:
    text: str
    citations: list[Span]
    status: FactStatus
    fact_id: str


@dataclass
class StatusChange:
    """A fact whose status changed since an earlier brief (JSON: fact, from, to)."""

    fact: str
    before: FactStatus
    after: FactStatus


@dataclass
class Changes:
    """What changed in a story's brief since an earlier one (`brief --story ID --since WHEN`).

    A fact, quote or conflict is new when none of its mentions or values was in the earlier
    brief (articles never change, so offsets compare across briefs). `changes["baseline"]`
    reads a field by its JSON contract name, as the dict this replaced was read."""

    since: str | None  # when the earlier brief was shown (None: there was none)
    baseline: bool  # False: no earlier brief, everything is new
    new_sources: list[str] = field(default_factory=list)
    new_facts: list[str] = field(default_factory=list)
    status_changed: list[StatusChange] = field(default_factory=list)
    new_quotes: list[str] = field(default_factory=list)
    conflicts_opened: list[Conflict] = field(default_factory=list)
    conflicts_resolved: list[Conflict] = field(default_factory=list)

    def __getitem__(self, key: str) -> Any:
        if key not in self.__dataclass_fields__:
            raise KeyError(key)
        return getattr(self, key)

    @classmethod
    def of(cls, value: Changes | dict[str, Any]) -> Changes:
        """`value` as `Changes`: given the JSON contract's `changes` object (as code written for
        the dict this replaced sets `Brief.changes`), read into the typed form."""
        if isinstance(value, Changes):
            return value
        return cls(
            value["since"],
            value["baseline"],
            list(value["new_sources"]),
            list(value["new_facts"]),
            [StatusChange(c["fact"], c["from"], c["to"]) for c in value["status_changed"]],
            list(value["new_quotes"]),
            [Conflict.from_json(c) for c in value["conflicts_opened"]],
            [Conflict.from_json(c) for c in value["conflicts_resolved"]],
        )


@dataclass
class KeyClaim:
    """A fact ranked among the story's most important claims (align.rank): `score` is its
    independent outlets plus how central and how early it is; `span` the mention shown."""

    fact_id: str
    text: str
    status: FactStatus
    score: float
    witnesses: int
    sources: list[str]
    span: Span
    central: float = 0.0  # share of the story's main terms and entities it names, 0..1
    lede: float = 0.0  # 1 for a first sentence, falling with the sentence index


CoverageState = Literal["states", "omits", "contradicts"]


@dataclass
class CoverageCell:
    """What one source does with one key claim; `span` cites it (None where it omits it)."""

    source: str
    state: CoverageState
    span: Span | None = None


@dataclass
class CoverageRow:
    """One key claim across every source of the brief, in source order."""

    fact_id: str
    cells: list[CoverageCell]


@dataclass
class Speaker:
    """A main speaker of the story and the quote that stands for them (align.rank)."""

    name: str
    quote: str  # the id of the QuoteGroup shown
    sources: list[str]  # the outlets that quote this speaker at all


@dataclass
class Caveat:
    """Something a reader must know before trusting a brief (`newsweave.caveats`); its
    `message` (naming the articles) is also one of `Brief.warnings`."""

    kind: CaveatKind
    message: str
    sources: list[str]  # the articles concerned (the outliers, the non-English ones, ...)
    groups: list[list[str]] = field(default_factory=list)  # not-one-story: article groups
    language: str | None = None  # not-english: the language or script detected


@dataclass
class Brief:
    """The cross-source brief of one story: what `newsweave brief` produces."""

    sources: list[Source]
    documents: list[Document] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    quotes: list[QuoteGroup] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    numbers: list[NumberGroup] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    undated: list[TimelineEvent] = field(default_factory=list)  # events no date places
    summary: list[SummarySentence] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    caveats: list[Caveat] = field(default_factory=list)
    changes: Changes | None = None  # with --since: what changed since an earlier brief

    def source(self, source_id: str) -> Source:
        for s in self.sources:
            if s.id == source_id:
                return s
        raise KeyError(source_id)

    def entity(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)


RunStatus = Literal["ingested", "duplicate", "skipped"]


@dataclass
class RunEntry:
    """One line of an ingest run report: what happened to one input (a file, a record, a URL)."""

    input: str
    status: RunStatus
    article: str | None = None  # the article id (ingested, or the one this duplicates)
    reason: str = ""


@dataclass
class CopyChange:
    """What one copy of a wire story changed against the earliest copy.

    kind "added": a paragraph only this copy has (`span` into this copy); "cut": a paragraph of
    the earliest copy this one lacks (`span` into the earliest); "edited": a reworded paragraph
    (`span` into this copy); "number": a figure that differs (`text` is "earlier -> this");
    "title": a different headline ("earlier -> this")."""

    kind: Literal["added", "cut", "edited", "number", "title"]
    text: str
    span: Span | None = None


@dataclass
class CopyGroup:
    """Copies of one wire story: `earliest` is the first published (then first ingested) copy."""

    earliest: str
    articles: list[str]
    changes: dict[str, list[CopyChange]] = field(default_factory=dict)  # article id -> its edits


@dataclass
class Membership:
    """Why an article is in its story: its similarity to the rest and what they share."""

    article: str
    similarity: float
    entities: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)


@dataclass
class Story:
    """Articles about one news story. `id` is stable: derived from the story's first article."""

    id: str
    title: str
    articles: list[str]
    copies: list[list[str]] = field(default_factory=list)  # groups of copies of one wire story
    first: dt.date | None = None
    last: dt.date | None = None
    entities: list[str] = field(default_factory=list)  # shared by most of its articles
    terms: list[str] = field(default_factory=list)
    members: list[Membership] = field(default_factory=list)
    closed: bool = False  # streaming: no article joined within the inactivity window
