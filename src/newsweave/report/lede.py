"""What the story list shows of each story without making its brief: a lede and one key figure.

The lede is the first sentence of the story's lead article (its earliest; arrival order breaks
ties), cited by (article, start, end) in the cleaned text; a first sentence that only repeats the
article's title, or a short line with no stop (a subheading), is passed over, and an article
with no text beyond its title gives the title (`from` says which). The key figure comes, with
`from` saying where from, either from the story's remembered brief (its first key figure, one
that two or more independent sources give), when that brief was made from exactly the story's
current articles, or else from the first quantity in the lede with a unit or what it counts
(`extract.numbers`: years, dates and ids are not quantities). Both cost one read of the lead
articles' texts and one of the remembered briefs' figures per page.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..extract.numbers import find_numbers
from ..lexicon import ABBREVIATIONS
from ..models import Source

if TYPE_CHECKING:
    from ..store import StoredFigures

# A lede is cut (at a word) beyond this many characters: the list shows a line or two per story.
LEDE_CHARS = 280
# A first line shorter than this, with no stop at its end, is a heading, not the lede.
HEADING_WORDS = 8
# A sentence ends at . ! ? (and any closing quote or bracket) before a capital, or at a newline.
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z])|\n")
# ... but not after a short form (lexicon.ABBREVIATIONS) or initials ("O.J. Simpson").
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")
_NOT_WORD = re.compile(r"\W+")
_NOT_SPACE = re.compile(r"\S")

__all__ = ["LEDE_CHARS", "key_figure", "lead_article", "lede"]


def lead_article(listed: dict[str, Any]) -> str:
    """The id of a listed story's earliest article (undated ones last; then the story's order)."""
    articles = listed["articles"]
    order = range(len(articles))
    first = min(order, key=lambda i: (articles[i]["published"] or "9999", i))
    return articles[first]["id"]


def lede(source: Source, story_title: str | None = None) -> dict[str, Any]:
    """The article's first sentence that is not its title: `text`, `article`, `start`, `end`
    (offsets into the cleaned text), `cut` (True when shortened to LEDE_CHARS), `from`, and
    `is_title` (the story's title is this sentence or its start, so a page shows it once)."""
    found = _first_sentence(source)
    found["is_title"] = _starts_with(found["text"], story_title)
    return found


def _first_sentence(source: Source) -> dict[str, Any]:
    start = _skip_space(source.text, 0)
    while start < len(source.text):
        end = _sentence_end(source.text, start)
        sentence = source.text[start:end]
        if not (_same_words(sentence, source.title) or _heading(sentence)):
            return _cited(source, start, end)
        start = _skip_space(source.text, end)
    title = source.title or source.text.strip()
    return {
        "text": title,
        "article": source.id,
        "start": None,
        "end": None,
        "cut": False,
        "from": "title",
    }


def key_figure(
    listed: dict[str, Any], lede: dict[str, Any] | None, stored: StoredFigures | None
) -> dict[str, Any] | None:
    """The story's key figure from its remembered brief when that brief is current, else the
    first quantity in the lede; None when neither has one."""
    if stored is not None and _current(stored, listed) and stored.figures[0].get("values"):
        return _from_brief(stored)
    if lede is None or lede["start"] is None:
        return None
    found = [n for n in find_numbers(lede["text"], lede["article"]) if n.unit or n.counts]
    if not found:  # a bare number ("H.R. 667") says too little to show alone
        return None
    n = found[0]
    shown = " ".join(x for x in (n.qualifier, n.text) if x)
    return {
        "text": shown,
        "label": n.counts,
        "verdict": None,
        "from": "lede",
        "article": lede["article"],
        "start": lede["start"] + n.span.start,
        "end": lede["start"] + n.span.end,
        "made": None,
    }


def _current(stored: StoredFigures, listed: dict[str, Any]) -> bool:
    """Whether the brief has figures and was made from exactly the story's articles."""
    return bool(stored.figures) and sorted(stored.articles) == sorted(
        a["id"] for a in listed["articles"]
    )


def _from_brief(stored: StoredFigures) -> dict[str, Any]:
    figure = stored.figures[0]
    value = figure["values"][0]
    shown = " ".join(x for x in (value.get("qualifier"), value["text"]) if x)
    return {
        "text": shown,
        "label": figure["label"],
        "verdict": figure["verdict"],
        "from": "brief",
        "article": value["source"],
        "start": value["start"],
        "end": value["end"],
        "made": stored.created_at,
    }


def _cited(source: Source, start: int, end: int) -> dict[str, Any]:
    cut = end - start > LEDE_CHARS
    if cut:
        space = source.text.rfind(" ", start, start + LEDE_CHARS)
        end = space if space > start else start + LEDE_CHARS
    return {
        "text": source.text[start:end],
        "article": source.id,
        "start": start,
        "end": end,
        "cut": cut,
        "from": "text",
    }


def _sentence_end(text: str, start: int) -> int:
    end = next(
        (m.end() for m in SENTENCE_END.finditer(text, start) if not _shortened(text, start, m)),
        len(text),
    )
    return len(text[start:end].rstrip()) + start


def _shortened(text: str, start: int, end: re.Match) -> bool:
    """Whether the stop ending `end` closes an abbreviation or initials, not a sentence."""
    if end.group().startswith("\n") or not end.group().startswith("."):
        return False
    word = _WORD_BEFORE.search(text, start, end.start())
    if word is None:
        return False
    return word.group(1).casefold() in ABBREVIATIONS or bool(_INITIALS.fullmatch(word.group(1)))


def _skip_space(text: str, at: int) -> int:
    found = _NOT_SPACE.search(text, at)
    return found.start() if found else len(text)


def _heading(sentence: str) -> bool:
    """A line of a few words with no closing stop: a subheading or a caption credit."""
    return not sentence.rstrip("\"'\u201d\u2019)").endswith((".", "!", "?")) and (
        len(sentence.split()) < HEADING_WORDS
    )


def _words(text: str) -> str:
    return _NOT_WORD.sub(" ", text).strip().casefold()


def _same_words(sentence: str, title: str | None) -> bool:
    if not title or len(sentence) > 2 * len(title) + 10:  # cheap: not the title
        return False
    return _words(sentence) == _words(title)


def _starts_with(sentence: str, title: str | None) -> bool:
    """Whether the title is the sentence or its start (a title cut short ends in "…", maybe
    inside a word)."""
    if not title:
        return False
    cut = title.rstrip().endswith(("…", "..."))
    head = _words(title.rstrip(".… "))
    start = _words(sentence[: 2 * len(title) + 10]) + " "
    return bool(head) and start.startswith(head if cut else head + " ")
