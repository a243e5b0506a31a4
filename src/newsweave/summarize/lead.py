"""Which sentence leads the summary: the news, with its key figures.

A lead is a statement of the article's own time that a reader can take alone: not background
(placed by a date well before its article's, `align.timeline.background`: "In 2004, a huge
earthquake ..."), not a caption ("Here's a slideshow ...", "A woman waves the flag ..."), not a
quote (one that opens with a quote mark, or is mostly quoted words: "The news is fake because
..."), and without a "today" or "yesterday" no date could resolve. Where the story has headline
figures (the toll, the other counts of people, the magnitude: the kinds `align.figures` found in
two or more sources), of the three best ranked leads, the best ranked one in a source's first paragraphs that gives the weightiest of them
(the toll, then the other counts of people, then the magnitude) leads; otherwise the best
ranked lead.
"""

from __future__ import annotations

import re
from itertools import islice

from ..align import Alignment
from ..align.facts import figures
from ..align.timeline import background
from ..align.vectors import SentenceVector
from ..extract.dates import NO_PUB
from ..extract.figures import TOLLS

LEAD_REACH = 3  # only the best ranked leads compete on figures: a toll deeper down is background
LEAD_PARAGRAPHS = 6  # the URL, headline and date line come first in many received texts
# Headline figures and how much each counts toward leading: the dead most.
HEADLINE_WEIGHTS = {"dead": 4.0, **dict.fromkeys(TOLLS - {"dead"}, 2.0), "magnitude": 1.0}
QUOTED_SHARE = 0.5  # a sentence with at most this share of its words outside quote marks is a quote
# Words that present pictures or media rather than state news.
CAPTION = re.compile(
    r"^(?:Here(?:['’]s| is| are)|Click|Watch|See|Scroll|Pictured|Above|Below)\b"
    r"|\b(?:slide ?shows?|photo (?:gallery|essay)|galler(?:y|ies)|images?|photos?|pictures?|video)"
    r" (?:of|from|shows?|below|above)\b"
    r"|\b(?:is|are) (?:seen|pictured|shown)\b|\b(?:poses|gestures|waves|holds up|looks on)\b"
    r"|\((?:AP|AFP|Reuters)? ?(?:Photo|Image|Picture)",
    re.I,
)
FRAGMENT = re.compile(r"\W*[a-z]")  # a lower-case start: a clause cut from its sentence
# Days that mean nothing out of context when no date resolves them.
DAY_WORDS = re.compile(
    r"\b(?:today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening)|last night)\b", re.I
)
# A sentence that opens with a quote, unless the quote is a headline's tag ("'Bullets came from
# nowhere': gun violence kills 17").
QUOTE_OPEN = re.compile(r"^[\"“‘'](?![^\"“”‘’']*[\"”’']:\s)")

__all__ = ["lead_index"]


def lead_index(alignment: Alignment, candidates: list[SentenceVector], unquoted) -> int | None:
    """The index in `candidates` (best ranked first) of the sentence to lead with; None when none
    may lead. `unquoted` gives a sentence's words outside its quote marks."""
    kinds = {f.kind for f in alignment.figures} & set(HEADLINE_WEIGHTS)
    may = (i for i, v in enumerate(candidates) if may_lead(v, unquoted(v)))
    leads = list(islice(may, LEAD_REACH))
    first, best, best_score = (leads[0] if leads else None), None, 0.0
    for i in leads:
        v = candidates[i]
        score = _headline_score(v, kinds) if v.sentence.paragraph < LEAD_PARAGRAPHS else 0.0
        if score > best_score:
            best, best_score = i, score
    return best if best is not None else first


def may_lead(v: SentenceVector, outside: str) -> bool:
    """Is the sentence the article's news, standing alone (see the module's docstring)?"""
    text = v.sentence.text
    if CAPTION.search(text) or QUOTE_OPEN.search(text) or FRAGMENT.match(text):
        return False
    if len(outside.split()) <= QUOTED_SHARE * len(text.split()):
        return False
    start, end = v.sentence.span.start, v.sentence.span.end
    dates = [x for x in v.document.dates if start <= x.span.start < end]
    if any(not x.resolved and x.note == NO_PUB and DAY_WORDS.search(x.text) for x in dates):
        return False
    return not background(v.document, v.parent or v.sentence)


def _headline_score(v: SentenceVector, kinds: set[str]) -> float:
    """The weight of the weightiest of the story's headline figure kinds the sentence states (the
    best ranked sentence giving the toll leads, not the one that packs in most figures)."""
    return max(
        (HEADLINE_WEIGHTS[k] for k in {n.kind for n in figures(v) if n.kind} & kinds), default=0.0
    )
