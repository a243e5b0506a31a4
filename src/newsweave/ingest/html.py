"""An HTML page to its article text (trafilatura) and the title, date, url and site name in it.

trafilatura runs with `favor_precision` (leave out what may be boilerplate), tables kept and
comments dropped. Two general corrections follow:

- **Too little found**: when the precise pass keeps fewer than `SHORT_WORDS` words (less than
  ingest accepts as an article), the page is read again with `favor_recall`, and the longer text
  wins. A strict pass sometimes throws away the whole body of an unusual layout; giving up
  then would refuse a page that has an article.
- **Headline repeated**: a first paragraph that only repeats the page's title is dropped. The
  title is metadata (`Source.title`); left in the text it would be cited as a sentence.

Paragraphs are separated by a blank line, as the clean stage expects; a table comes out one
row a paragraph ("| Schools | 4 million |").
"""

from __future__ import annotations

import re
from typing import Any

from .decode import Unusable

__all__ = ["SHORT_WORDS", "html_article"]

# as `formats.MIN_WORDS`: below this ingest refuses the text, so a second, fuller pass is worth it
SHORT_WORDS = 25
_OPTIONS = {"include_comments": False, "include_tables": True}
_WORD = re.compile(r"\w+")
_TABLE_RULE = re.compile(
    r"^\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?(?:-{3,}:?)?\s*$"
)  # "|---|---|" under a table's header


# Extraction time and memory grow with the page (measured: 4 MB 3.2 s / 182 MB, 19.5 MB 25 s /
# 634 MB), so a page gets a cap of its own, below the 20 MB file cap.
MAX_HTML_CHARS = 5_000_000
# libxml2's parse (and htmldate after it) grows faster than linearly with the attributes of one
# element (measured: 10,000 attributes 0.5 s, 20,000 2.1 s, 40,000 12 s; 400,000 ran for 1,500 s),
# so a page is counted before it is parsed: real pages have a few dozen attributes an element and
# some thousands of elements.
MAX_ATTRIBUTES = 1_000  # on one element
MAX_ELEMENTS = 200_000  # start tags in the page
_TAG = re.compile(r"<[A-Za-z][^\s/>]*([^>]*)>")
_ATTRIBUTE = re.compile(r"""[^\s"'=<>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?""")


def html_article(html: str) -> tuple[str, dict[str, Any]]:
    """Main text of an HTML page, and the title, date, url and site name found in it.

    Raises `Unusable` (with the reason) when the page is bigger than `MAX_HTML_CHARS`, cannot be
    parsed, or has no article text.
    """
    import trafilatura

    if len(html) > MAX_HTML_CHARS:
        raise Unusable(
            f"HTML page too big to extract: {len(html):,} characters, the limit is "
            f"{MAX_HTML_CHARS:,} (news pages are about 200 KB); save the article's text as .txt"
        )
    _check_markup(html)
    try:
        tree = trafilatura.load_html(html)  # parsed once: each pass below works on a copy
        text = _main_text(trafilatura, tree) if tree is not None else ""
        found = trafilatura.extract_metadata(tree, extensive=False) if text else None
    except Exception as exc:
        raise Unusable(
            f"HTML could not be parsed ({type(exc).__name__}); "
            "save the page again or its text as .txt"
        ) from exc
    if found is None:
        raise Unusable(
            "HTML page with no article text found (only navigation, scripts or a "
            "stub?); save the article page itself, or its text as a .txt file"
        )
    page = {
        "title": found.title,
        "published": found.date,
        "url": found.url,
        "outlet": found.sitename,
    }
    return "\n\n".join(_without_headline(paragraphs(text), found.title)), page


def _check_markup(html: str) -> None:
    """Unusable when the page has more elements, or one element more attributes, than a parse
    can take in time (counted in one linear pass over the text, before any parse)."""
    for elements, tag in enumerate(_TAG.finditer(html), 1):
        if elements > MAX_ELEMENTS:
            raise Unusable(
                f"HTML page with too many elements to extract (over {MAX_ELEMENTS:,}); "
                "save the article's text as .txt"
            )
        attributes = tag.group(1)
        if (
            len(attributes) > MAX_ATTRIBUTES * 2
            and _count(_ATTRIBUTE, attributes, MAX_ATTRIBUTES) > MAX_ATTRIBUTES
        ):
            raise Unusable(
                f"HTML page with an element of over {MAX_ATTRIBUTES:,} attributes (at character "
                f"{tag.start():,}); no news page has one; save the article's text as .txt"
            )


def _count(pattern: re.Pattern, text: str, most: int) -> int:
    """Matches of `pattern` in `text`, counted up to `most` + 1."""
    found = 0
    for _ in pattern.finditer(text):
        found += 1
        if found > most:
            break
    return found


def _main_text(trafilatura, tree) -> str:
    """The precise pass's text; the recall pass's when the precise one found too little."""
    text = trafilatura.extract(tree, favor_precision=True, **_OPTIONS) or ""
    if _words(text) < SHORT_WORDS:
        fuller = trafilatura.extract(tree, favor_recall=True, **_OPTIONS) or ""
        if _words(fuller) > _words(text):
            text = fuller
    return text if text.strip() else ""


def paragraphs(text: str) -> list[str]:
    """trafilatura's text (one paragraph, heading or table row a line) as trimmed paragraphs,
    less the "|---|---|" rule trafilatura draws under a table's header row."""
    return [
        line.strip()
        for line in text.splitlines()
        if line.strip() and not _TABLE_RULE.match(line.strip())
    ]


def _without_headline(paras: list[str], title: str | None) -> list[str]:
    """The paragraphs, less a first one that only repeats the title (or the title's headline
    part, as in "Headline | Site")."""
    if len(paras) > 1 and title and _repeats(paras[0], title):
        return paras[1:]
    return paras


def _repeats(para: str, title: str) -> bool:
    words, heading = _tokens(para), _tokens(title)
    if not words or len(words) > len(heading):
        return False
    if words == heading:
        return True
    n = len(words)
    return n >= 3 and any(heading[i : i + n] == words for i in range(len(heading) - n + 1))


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _words(text: str) -> int:
    return len(text.split())
