"""What a reader must be told before trusting a brief: articles that may not be one story,
articles not in English, and a brief with one witness only (nothing can be corroborated: one
article, copies of one report, or the articles of one outlet).

`caveats(sources)` runs after clean and dedup (it reads `Source.text` and `Source.witness`)
and returns `Caveat`s, each with a one-line message naming the articles concerned; the
pipeline puts them in `Brief.caveats` and their messages first among the pipeline's
`Brief.warnings`. No check changes the
brief itself or the exit code.

Not one story: the articles' story vectors and similarity graph are the clustering stage's
(`cluster.features`, `cluster.batch.similarity_graph`, no time factor); articles joined by no
edge of at least `LINK` fall apart into groups (connected components). The bar is the graph's
own floor, checked on NeuS val (`bench/one_story.py --tune`): 2.1% of the articles of a real
three-outlet story have no such link, 90.5% of pairs of articles from two stories have none.

Language: the share of each language's commonest function words (`lexicon.FUNCTION_WORDS`:
English, German, French, Spanish, Italian, Portuguese, Dutch) and, for text mostly in another
script, the script's name (`SCRIPTS`: Cyrillic, Greek, Arabic, Hebrew, Devanagari, Thai, Hangul,
Japanese kana, CJK ideographs). It cannot tell other Latin-script languages; it says nothing
of a text under `MIN_WORDS` words.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

from .cluster import batch
from .cluster.features import Vectorizer, terms
from .lexicon import FUNCTION_WORDS
from .models import Caveat, Source
from .outlets import source_outlet_key

LINK = batch.FLOOR  # the least similarity that keeps two articles in one story (NeuS val)
NAMED = 10  # articles named in one message; the rest are counted
MIN_WORDS = 20  # fewer words than this: too short to tell the language
FOREIGN_SHARE = 0.12  # a language's function words make at least this share of the words...
FOREIGN_MARGIN = 2.0  # ... and this many times the English share
SPLIT_HINT = "newsweave ingest --db stories.db FILES, then newsweave stories --db stories.db"

__all__ = ["LINK", "SCRIPTS", "caveats", "language", "one_outlet", "one_witness", "story_groups"]


# The first word of a letter's Unicode name -> the script named in the warning.
SCRIPTS = {
    "CYRILLIC": "Cyrillic script",
    "GREEK": "Greek script",
    "ARABIC": "Arabic script",
    "HEBREW": "Hebrew script",
    "DEVANAGARI": "Devanagari script",
    "THAI": "Thai script",
    "HANGUL": "Korean (Hangul)",
    "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese",
    "CJK": "Chinese or Japanese (CJK ideographs)",
}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def caveats(sources: Sequence[Source]) -> list[Caveat]:
    """The reader's warnings for these cleaned, deduplicated sources, most serious first."""
    languages = {s.id: language(s.text) for s in sources}
    found = _foreign(sources, languages)
    english = [s for s in sources if languages[s.id] in (None, "English")]
    found += _not_one_story(english)
    found += _one_witness(sources)
    return found


def language(text: str) -> str | None:
    """The language (or script) the text is written in, by `FUNCTION_WORDS` and `SCRIPTS`;
    None when it is too short to tell or no listed language stands out."""
    script = _script(text)
    if script:
        return script
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return None
    shares = {
        name: sum(w in listed for w in words) / len(words)
        for name, listed in FUNCTION_WORDS.items()
    }
    best = max(shares, key=lambda name: shares[name])
    if best == "English":
        return best
    foreign = shares[best] >= FOREIGN_SHARE and shares[best] >= FOREIGN_MARGIN * shares["English"]
    return best if foreign else None


def _script(text: str) -> str | None:
    """The script of most of the letters when it is not Latin, else None."""
    counts = Counter(
        "LATIN" if ch < "\u0250" else unicodedata.name(ch, "?").split(" ")[0]
        for ch in text
        if ch.isalpha()
    )
    letters = sum(counts.values())
    if not letters:
        return None
    first, n = counts.most_common(1)[0]
    return SCRIPTS.get(first) if n > letters / 2 else None


def story_groups(sources: Sequence[Source]) -> list[list[Source]]:
    """The sources in groups that share no link of `LINK` or more (one group: one story),
    largest first, each in the order given."""
    counts = [terms(s) for s in sources]
    vectorizer = Vectorizer()
    vectorizer.observe(counts)
    graph = batch.similarity_graph(vectorizer.transform(counts), [None] * len(sources))
    label = list(range(len(sources)))
    for i in range(len(sources)):
        for j, similarity in graph[i].items():
            if similarity >= LINK:
                _join(label, i, j)
    groups: dict[int, list[Source]] = {}
    for i, source in enumerate(sources):
        groups.setdefault(_root(label, i), []).append(source)
    return sorted(groups.values(), key=len, reverse=True)


def _root(label: list[int], i: int) -> int:
    while label[i] != i:
        i = label[i]
    return i


def _join(label: list[int], i: int, j: int) -> None:
    a, b = _root(label, i), _root(label, j)
    label[max(a, b)] = min(a, b)


def name(source: Source) -> str:
    """How a warning names an article: where it was read (as given: a file, a JSON Lines
    line), else its record id or content id, with its outlet when known."""
    own = source.where or source.path or source.input_id or source.id
    outlet = source.label if source.outlet else None  # the name every report shows
    return f"{own} ({outlet})" if outlet and outlet != own else own


def _names(sources: Sequence[Source]) -> str:
    """The articles' names, the first `NAMED` of them and how many more (the caveat's
    `sources` and `groups` list them all)."""
    shown = ", ".join(name(s) for s in sources[:NAMED])
    return shown + (f" and {len(sources) - NAMED} more" if len(sources) > NAMED else "")


def _foreign(sources: Sequence[Source], languages: dict[str, str | None]) -> list[Caveat]:
    """One caveat per language other than English, naming its articles."""
    by_language: dict[str, list[Source]] = {}
    for s in sources:
        detected = languages[s.id]
        if detected is not None and detected != "English":
            by_language.setdefault(detected, []).append(s)
    return [
        Caveat(
            "not-english",
            f"{_names(found)} {'looks' if len(found) == 1 else 'look'} like {lang}, not English: "
            "the analysis (sentences, names, speakers, facts) is English-only, so what the "
            "brief shows of it may be missing or wrong",
            [s.id for s in found],
            language=lang,
        )
        for lang, found in by_language.items()
    ]


def _not_one_story(sources: Sequence[Source]) -> list[Caveat]:
    """A caveat when the articles fall apart into groups that share almost no words (copies of
    one report share most of their words, so they stay together; two stories of one outlet do
    not)."""
    if len(sources) < 2:
        return []
    groups = story_groups(sources)
    if len(groups) == 1:
        return []
    main, rest = groups[0], [s for g in groups[1:] for s in g]
    if len(main) == 1:
        rest = list(sources)
        message = (
            f"{_names(rest)} share almost no words with each other: they may be "
            f"{len(groups)} different stories"
        )
    elif all(len(g) == 1 for g in groups[1:]):
        message = (
            f"{_names(rest)} {'shares' if len(rest) == 1 else 'share'} almost no words with "
            f"the other articles ({_names(main)}): "
            + ("it may be another story" if len(rest) == 1 else "they may be other stories")
        )
    else:
        message = (
            f"these articles fall into {len(groups)} groups that share almost no words: "
            + "; ".join(f"[{_names(g)}]" for g in groups[:NAMED])
            + (f" and {len(groups) - NAMED} more" if len(groups) > NAMED else "")
            + ": they may be different stories"
        )
    return [
        Caveat(
            "not-one-story",
            f"{message}, and the brief mixes them; to split articles into stories: {SPLIT_HINT}",
            [s.id for s in rest],
            groups=[[s.id for s in g] for g in groups],
        )
    ]


def _one_witness(sources: Sequence[Source]) -> list[Caveat]:
    """A caveat when every source is one witness (one article, copies of one report, or the
    articles of one outlet)."""
    if len({s.witness or s.id for s in sources}) != 1:
        return []
    outlet = one_outlet(sources)
    whose = f"comes from {outlet}" if outlet and len(sources) > 1 else "is this report's"
    return [
        Caveat(
            "one-witness",
            f"{one_witness(sources, named=True)}: nothing can be corroborated; every fact "
            f"{whose} alone",
            [s.id for s in sources],
        )
    ]


def one_outlet(sources: Sequence[Source]) -> str | None:
    """The outlet every source is from (its name as shown), None when they are not all from
    one known outlet."""
    if not all(s.outlet_name or s.outlet for s in sources):
        return None
    shown = {s.label for s in sources}
    return shown.pop() if len(shown) == 1 else None


def one_witness(sources: Sequence[Source], *, named: bool = False) -> str:
    """What sources that are one witness are: "one article", "3 articles, all from Reuters",
    "2 copies of one report", "3 copies of one report or articles of one outlet"; with
    `named`, the articles named in brackets."""
    names = f" ({_names(sources)})" if named else ""
    if len(sources) == 1:
        return f"one article{names}"
    outlet = one_outlet(sources)
    if outlet is not None:
        return f"{len(sources)} articles, all from {outlet}{names}"
    keys = Counter(source_outlet_key(s.outlet, s.url) for s in sources)
    if any(n > 1 for key, n in keys.items() if key):
        return f"{len(sources)} copies of one report or articles of one outlet{names}"
    return f"{len(sources)} copies of one report{names}"
