"""Stage 5, quotes: direct and partial quotations with their speakers resolved to entities.

Input: a `Document` (with its spaCy parse and resolved entity mentions) and the entities.
Output: `Document.quotes`, one `QuoteMention` per quoted span, in text order.
"""

from __future__ import annotations

from typing import Any

from ..clean import paragraph_spans
from ..lexicon import (
    CUE_LEMMAS,
    PERSONAL_PRONOUNS,
    PRONOUNS,
    TITLE_MINOR_WORDS,
    VAGUE_SPEAKERS,
    WORK_NOUNS,
)
from ..models import Document, Entity, QuoteKind, QuoteMention, Sentence, Span
from ..spans import SpanIndex
from .finder import QuoteSpan, find_quote_spans, mark_directions
from .frames import (
    colon_lead,
    headed_lead,
    label,
    listed,
    signature,
    signed_paragraph,
    transcript_turns,
    turn_speaker,
)
from .indirect import find_indirect
from .quoted import Quoted, in_quotes
from .speakers import (
    Attribution,
    Context,
    attribute,
    bind_pronoun,
    cue_tokens,
    inverted_speaker,
    resolve_subject,
)

__all__ = ["described_speaker", "find_quote_spans", "find_quotes"]

_COMPLEMENTS = {"ccomp", "dobj", "xcomp", "parataxis", "advcl", "conj"}
# Verbs that, alone at the end of a sentence, announce the quote that follows ("Cole agreed.").
LEAD_IN_LEMMAS = CUE_LEMMAS | {"agree", "disagree", "press", "interject", "elaborate"}
NAMING_CUES = {"call", "describe", "label", "dub", "brand", "term"}
TERM_WORDS = 4  # quoted words with no verb up to this length are a term, not a statement


def find_quotes(
    document: Document, entities: list[Entity], warnings: list[str] | None = None
) -> list[QuoteMention]:
    """Find every quote of a document and attribute it; sets and returns `document.quotes`."""
    text = document.source.text
    spans = find_quote_spans(text, warnings, mark_directions(document.source))
    paragraphs = paragraph_spans(text)
    turns = transcript_turns(text, paragraphs, document.entity_mentions)
    quoted = Quoted((q.start - 1, q.end + 1) for q in spans + [words for _, _, words in turns])
    ctx = Context(document.nlp, document.entity_mentions, {e.id: e for e in entities}, quoted)
    marked = Quoted((q.start - 1, q.end + 1) for q in spans) if turns else quoted
    # a quote inside a transcript's turn has its cue in the turn ("... when he came out and
    # said, “I did this”"): quote marks alone keep a cue out
    out: list[QuoteMention] = []
    for i, q in enumerate(spans):
        sents = _sentences_around(document, q)
        found = _by_layout(ctx, text, paragraphs, q) or _attribution(
            ctx, document, sents, marked, q
        )
        found = found or _governing_verb(ctx, q, marked) or _verb_after(ctx, q, marked)
        found = found or colon_lead(ctx, text, q.start, marked)
        if found is None and i > 0:
            found = _continuation(out[-1], spans[i - 1], document, q)
        out.append(_mention(document, q, sents, found))
    _join_lead_paragraphs(out, spans, text, paragraphs)
    for label_at, named, words in turns:
        found = turn_speaker(ctx, label_at, named)
        out.append(_mention(document, words, _sentences_around(document, words), found))
    out = [q for q in out if q.kind != "partial" or q.how is not None]  # scare quotes, titles
    out = [q for q in out if not _title_of_work(document, q)]
    out = sorted(
        out + find_indirect(document, ctx, quoted), key=lambda q: (q.span.start, -q.span.end)
    )
    _after_reported(document, out)
    _mark_terms(document, out)
    _number_utterances(out)
    document.quotes = out
    return out


def _join_lead_paragraphs(
    out: list[QuoteMention], spans: list[QuoteSpan], text: str, paragraphs: list[tuple[int, int]]
) -> None:
    """ "“Not only can he win.” ¶ “He may be the only one,” Viguerie notes.": a paragraph that is
    only a quote, with no speaker of its own, begins the utterance of the quote that opens the
    next paragraph (news style names the speaker once, in the second paragraph)."""
    for i in range(len(out) - 2, -1, -1):  # backwards: a run of such paragraphs joins in turn
        q, nxt = out[i], out[i + 1]
        if (
            q.how is None
            and nxt.how is not None
            and _leads_into(text, paragraphs, spans[i], spans[i + 1])
        ):
            _continues(q, nxt)


def _continues(q: QuoteMention, speaker: QuoteMention) -> None:
    """`q` goes on with the speaker (and cue) of `speaker`, as a continuation."""
    q.speaker_id, q.speaker_text, q.cue, q.how = (
        speaker.speaker_id,
        speaker.speaker_text,
        speaker.cue,
        "continuation",
    )
    q.speaker_span, q.cue_span = speaker.speaker_span, speaker.cue_span


def _leads_into(text: str, paragraphs: list[tuple[int, int]], q: QuoteSpan, nxt: QuoteSpan) -> bool:
    """Is `q` a whole paragraph, and `nxt` the quote that opens the next one?"""
    at = next((k for k, (a, b) in enumerate(paragraphs) if a <= q.start <= b), None)
    if at is None or at + 1 >= len(paragraphs):
        return False
    (a, b), (c, _) = paragraphs[at], paragraphs[at + 1]
    alone = not text[a : q.start].strip(' "') and not text[q.end : b].strip(' ".,')
    return alone and c <= nxt.start and not text[c : nxt.start].strip(' "')


def _mark_terms(document: Document, quotes: list[QuoteMention]) -> None:
    """A few quoted words with no verb, outside any reported clause, name or label something
    ("called her 'Miss Piggy'", "a 'denial order'"), and so do quoted words that modify the
    noun after them ("the 'Avatar' star", "'Make America Great Again' hats"): kind "term",
    not a statement."""
    clauses = [(q.span.start, q.span.end) for q in quotes if q.kind == "indirect"]
    for q in (q for q in quotes if q.kind != "indirect"):
        words = document.nlp.char_span(q.span.start, q.span.end, alignment_mode="expand")
        reported = any(a <= q.span.start and q.span.end <= b for a, b in clauses)
        if words is not None and (
            _modifies_next_noun(words)
            or (
                q.kind == "partial"
                and (_named_by_cue(document, q, words) or (not reported and _is_label(words)))
            )
        ):
            q.kind = "term"


def _title_of_work(document: Document, q: QuoteMention) -> bool:
    """'said on CNN's "State of the Union."', 'his memoir, "Spilling the Beans,"', 'the film
    "Downsizing"': words in title case in quote marks where a noun phrase stands (after a
    possessive, a preposition, a determiner or an adjective, or a noun for a work) name a show,
    book or film; nobody says them. Quoted words after a cue or a speaker's comma are speech,
    whatever their case ("Reyes said, 'Never Again.'")."""
    words = document.nlp.char_span(q.span.start, q.span.end, alignment_mode="expand")
    if words is None:
        return False
    alpha = [t for t in words if t.is_alpha]
    if not 0 < len(alpha) <= 2 * TERM_WORDS or not (_capital(alpha[0]) and _capital(alpha[-1])):
        return False
    if not all(_capital(t) or t.lower_ in TITLE_MINOR_WORDS for t in alpha):
        return False
    before, possessive = _word_before_marks(words)
    if before is None:
        return False
    if before.text == "," and before.i > 0:  # "his memoir, 'Spilling the Beans,'"
        return before.doc[before.i - 1].lower_ in WORK_NOUNS
    if before.lower_ in WORK_NOUNS:  # "the film 'Downsizing'"
        return True
    return len(alpha) > 1 and (possessive or before.pos_ in {"ADP", "DET", "ADJ"})


def _capital(tok: Any) -> bool:
    return bool(tok.is_title or tok.is_upper)


def _word_before_marks(words: Any) -> tuple[Any | None, bool]:
    """The token before quoted words and their opening marks (None at the start of the text),
    and whether it is a possessive ("CNN's", or "ABC News'" with the apostrophe glued on)."""
    doc, i = words.doc, words.start - 1
    while i >= 0 and (doc[i].is_quote or doc[i].is_space):
        if doc[i].text in {"'", "\u2019"} and i > 0 and not doc[i - 1].whitespace_:
            return doc[i - 1], True
        i -= 1
    return (doc[i], doc[i].tag_ == "POS") if i >= 0 else (None, False)


def _named_by_cue(document: Document, q: QuoteMention, words: Any) -> bool:
    """ "called the plan 'reckless and unhinged'", "described it as 'a remnant of another era'":
    quoted words with no finite verb that a naming verb puts on something are a label ("called
    for 'a full count'" is a demand)."""
    cue = (
        document.nlp.char_span(q.cue_span.start, q.cue_span.end) if q.cue_span is not None else None
    )
    if cue is None or cue[0].lemma_.lower() not in NAMING_CUES or _calls_for(cue[0]):
        return False
    finite = any(t.tag_ in {"VBD", "VBZ", "VBP", "MD"} for t in words)
    return not finite and len([t for t in words if t.is_alpha]) <= 2 * TERM_WORDS


def _calls_for(cue: Any) -> bool:
    """ "called for 'a full count'" is a demand, not a name."""
    return cue.i + 1 < len(cue.doc) and cue.doc[cue.i + 1].lower_ == "for"


def _is_label(words: Any) -> bool:
    return len([t for t in words if t.is_alpha]) <= TERM_WORDS and not any(
        t.pos_ in {"VERB", "AUX"} for t in words
    )


def _modifies_next_noun(words: Any) -> bool:
    """A title-cased name whose closing mark is followed by a common noun ("“Jane The Virgin”
    star Jaime Camil"); quoted adjectives before a noun ("“free, fair” relations") are words."""
    doc, i = words.doc, words.end
    while i < len(doc) and (doc[i].is_quote or doc[i].is_space):
        i += 1
    if i == words.end or i == len(doc) or words[-1].is_punct or doc[i].is_sent_start:
        return False  # no closing mark, or the quoted sentence ended
    alpha = [t for t in words if t.is_alpha]
    return (
        doc[i].pos_ == "NOUN"
        and len(alpha) <= 2 * TERM_WORDS
        and all(t.is_title or t.is_upper for t in alpha)
    )


def _number_utterances(quotes: list[QuoteMention]) -> None:
    """Consecutive pieces attributed through the same cue are one utterance ("A," he said, "B."),
    and so are words quoted inside a reported clause of the same speaker."""
    n = -1
    for i, q in enumerate(quotes):
        same_cue = i > 0 and q.cue_span is not None and q.cue_span == quotes[i - 1].cue_span
        n += 0 if same_cue else 1
        q.utterance = n
    index = SpanIndex(quotes)
    for clause in (q for q in quotes if q.kind == "indirect" and q.speaker_id is not None):
        # words quoted inside the speaker's reported clause: one utterance
        for piece in index.overlapping(clause.span.start, clause.span.end):
            inside = clause.span.start <= piece.span.start and piece.span.end <= clause.span.end
            if inside and piece.kind != "indirect" and piece.speaker_id == clause.speaker_id:
                piece.utterance = clause.utterance


def _governing_verb(ctx: Context, q: QuoteSpan, quoted: Quoted) -> Attribution | None:
    """No speech cue: the verb outside the quote that takes it as its object or complement
    ("beamed", "boomed", "interjecting") stands in for one."""
    words = ctx.doc.char_span(q.start, q.end, alignment_mode="expand")
    for tok in words or []:
        head = tok.head
        if (
            not (q.start <= head.idx < q.end)
            and head.pos_ in {"VERB", "AUX"}
            and tok.dep_ in _COMPLEMENTS
        ) and head.idx not in quoted:
            return attribute(ctx, [head], q.start, quoted)
    return None


def _verb_after(ctx: Context, q: QuoteSpan, quoted: Quoted) -> Attribution | None:
    """'"This is wonderful!" beamed Tom Hale': a verb in the past or present tense right after
    the closing mark, with its speaker after it, stands in for a cue (inverted order)."""
    words = ctx.doc.char_span(q.start, q.end, alignment_mode="expand")
    after = (
        [t for t in ctx.doc[words.end : words.end + 3] if not t.is_punct]
        if words is not None
        else []
    )
    verb = after[0] if after else None
    if verb is None or verb.tag_ not in {"VBD", "VBZ"} or in_quotes(verb, quoted):
        return None
    speaker = inverted_speaker(verb, quoted)
    return resolve_subject(ctx, speaker, verb) if speaker is not None else None


def _by_layout(
    ctx: Context, text: str, paragraphs: list[tuple[int, int]], q: QuoteSpan
) -> Attribution | None:
    """A speaker signed after the quote ("” ― Name", or "― Name" as the next paragraph), labelled
    before it ("Name: “") or named after a dash before its colon ("POLLS - Jane Roe: “")."""
    at = next((k for k, (a, b) in enumerate(paragraphs) if a <= q.start <= b), None)
    start, end = paragraphs[at] if at is not None else (0, len(text))
    found = signature(ctx, text, q.end, end) if q.closed else None
    if (
        found is None
        and at is not None
        and at + 1 < len(paragraphs)
        and _ends_paragraph(text, q, end)
    ):
        found = signed_paragraph(ctx, text, *paragraphs[at + 1])
    return (
        found
        or label(ctx, text, start, max(start, q.start - 1))
        or (listed(ctx, text, paragraphs, at) if at is not None else None)
        or headed_lead(ctx, text, q.start)
    )


def _ends_paragraph(text: str, q: QuoteSpan, para_end: int) -> bool:
    return not text[q.end : para_end].strip(' ".,')


def _sentences_around(document: Document, q: QuoteSpan) -> list[Sentence]:
    return document.index("sentences").overlapping(q.start - 1, q.end + 1)


def _attribution(
    ctx: Context, document: Document, sents: list[Sentence], quoted: Quoted, q: QuoteSpan
) -> Attribution | None:
    """Look for a cue in the quote's own sentences, then in the next sentence of its paragraph."""
    if not sents:
        return None
    frames = [sents]
    nxt = _next_in_paragraph(document, sents[-1])
    if nxt is not None and q.closed:
        frames.append([nxt])
    for frame in frames:
        span = ctx.doc.char_span(frame[0].span.start, frame[-1].span.end, alignment_mode="expand")
        found = (
            attribute(ctx, cue_tokens(span, quoted), q.start, quoted, q.end)
            if span is not None
            else None
        )
        if found is not None:
            if found.how == "pronoun" and found.text:
                bind_pronoun(ctx, found.text.lower(), found.entity_id)
            return found
    return _lead_in(ctx, document, sents[0], quoted, q)


def _lead_in(
    ctx: Context, document: Document, first: Sentence, quoted: Quoted, q: QuoteSpan
) -> Attribution | None:
    """ "Dianne Bystrom agreed. “Mainstream Republicans are running out of time.”": a sentence of
    the quote's paragraph whose speech verb says nothing itself (no object, no clause) hands
    its speaker to the quote that opens the next sentence."""
    i = document.index("sentences").position(first)
    prev = document.sentences[i - 1] if i > 0 else None
    if prev is None or prev.paragraph != first.paragraph or q.start - 1 > first.span.start:
        return None
    span = ctx.doc.char_span(prev.span.start, prev.span.end, alignment_mode="expand")
    root = span.root if span is not None else None
    if (
        root is None
        or root.lemma_.lower() not in LEAD_IN_LEMMAS
        or _says_something(root)
        or in_quotes(root, quoted)
    ):
        return None
    return attribute(ctx, [root], q.start, quoted)


def _says_something(cue: Any) -> bool:
    """The verb has its own content: a clause, a complement or an object (what one "told" is
    whom, so that object does not count)."""
    deps = _COMPLEMENTS | {"attr", "oprd"}
    return any(
        c.dep_ in deps and not (c.dep_ == "dobj" and cue.lemma_ == "tell") for c in cue.children
    )


def _next_in_paragraph(document: Document, sent: Sentence) -> Sentence | None:
    sentences, i = document.sentences, document.index("sentences").position(sent)
    if i + 1 < len(sentences) and sentences[i + 1].paragraph == sent.paragraph:
        return sentences[i + 1]
    return None


def _continuation(
    last: QuoteMention, last_span: QuoteSpan, document: Document, q: QuoteSpan
) -> Attribution | None:
    """A quote with no cue of its own continues the previous quote of its paragraph, the one
    left open at the end of the previous paragraph, or (news style) the speaker's quote that
    ended the previous paragraph when this paragraph opens with the quote."""
    sentences = document.index("sentences")
    around = sentences.overlapping(q.start - 1, q.start + 1)
    before = sentences.by_id(last.sentence_id or "")
    if not around or before is None or around[0].paragraph - before.paragraph > 1:
        return None
    # a closed quote continues only into a paragraph that opens with the next quote
    here = around[0]
    if (
        here.paragraph != before.paragraph
        and last_span.closed
        and not _opens_paragraph(document, here, q)
    ):
        return None
    if last.how is None:
        return None
    # one utterance, even over a paragraph break: news style sets a long quote as "“A,” she
    # said. ¶ “B.”", and the second paragraph goes on with what she said
    return Attribution(
        last.speaker_id,
        last.speaker_text,
        last.cue,
        "continuation",
        _offsets(last.speaker_span),
        _offsets(last.cue_span),
    )


def _after_reported(document: Document, quotes: list[QuoteMention]) -> None:
    """ "McCullough said that when Maria was kidnapped, his phone was ringing. ¶ “And I was on
    the other end of that phone ...”": a quote with no speaker that opens its paragraph goes on
    with the named speaker of the reported speech that ends the paragraph before it."""
    sentences = document.index("sentences")
    for i in range(1, len(quotes)):
        q, last = quotes[i], quotes[i - 1]
        if q.how is not None or q.kind != "direct" or last.kind != "indirect":
            continue
        here = sentences.overlapping(q.span.start, q.span.start + 1)
        before = sentences.by_id(last.sentence_id or "")
        if last.speaker_id is None or not here or before is None:
            continue
        closing = before.span.end >= _paragraph_end(document, before)
        if here[0].paragraph - before.paragraph != 1 or not closing:
            continue
        if not _opens_paragraph(document, here[0], QuoteSpan(q.span.start, q.span.end, True)):
            continue
        _continues(q, last)


def _paragraph_end(document: Document, sentence: Sentence) -> int:
    """Where the paragraph of a sentence ends (the end of its last sentence)."""
    return max(s.span.end for s in document.sentences if s.paragraph == sentence.paragraph)


def _opens_paragraph(document: Document, here: Sentence, q: QuoteSpan) -> bool:
    """Does the quote open its paragraph (a quote paragraph following the speaker's last one)?"""
    sentences, i = document.sentences, document.index("sentences").position(here)
    while i > 0 and sentences[i - 1].paragraph == here.paragraph:
        i -= 1
    return q.start - 1 <= sentences[i].span.start


def _offsets(span: Span | None) -> tuple[int, int] | None:
    return None if span is None else (span.start, span.end)


def _mention(
    document: Document, q: QuoteSpan, sents: list[Sentence], found: Attribution | None
) -> QuoteMention:
    text = document.source.text
    span = Span(document.source.id, q.start, q.end)
    mention = QuoteMention(span=span, text=text[q.start : q.end], kind=_kind(text, q, sents))
    mention.sentence_id = sents[0].id if sents else None
    if found is not None:
        mention.speaker_id, mention.speaker_text = found.entity_id, found.text
        mention.cue, mention.how = found.cue, found.how
        mention.speaker_span = _span(document, found.at)
        mention.cue_span = _span(document, found.cue_at)
    return mention


def _span(document: Document, at: tuple[int, int] | None) -> Span | None:
    return None if at is None else Span(document.source.id, at[0], at[1])


def _kind(text: str, q: QuoteSpan, sents: list[Sentence]) -> QuoteKind:
    """Direct: a whole utterance ("..." said X / X said, "..."); partial: words inside a sentence."""
    first = text[q.start : q.start + 1]
    opens_sentence = bool(sents) and q.start - 1 <= sents[0].span.start
    before = text[max(0, q.start - 3) : q.start - 1].strip()
    if first.isupper() and (opens_sentence or before.endswith((",", ":"))):
        return "direct"
    return "partial"


def described_speaker(mention: QuoteMention) -> str | None:
    """The words describing a speaker the text does not name ("House Republicans", "two people
    briefed on the talks"); None where it names one, or for words that describe nobody ("you",
    "someone", "them", "no injuries")."""
    if mention.how not in {"role", "pronoun"} or not mention.speaker_text:
        return None
    words = mention.speaker_text.casefold()
    if words in VAGUE_SPEAKERS | PRONOUNS | PERSONAL_PRONOUNS or words.startswith("no "):
        return None  # a pronoun describes nobody, unless its group was put in ("detectives")
    return mention.speaker_text
