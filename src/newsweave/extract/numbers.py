"""Quantities in news text: value, unit, what they count, and any qualifier.

"more than 70,000 employees" -> 70000, unit None, counts "employees", qualifier "more than";
"$1.2 billion fine" -> 1.2e9 "USD" counts "fine"; "seven-year ban" -> 7 "year" counts "ban";
"40 percent of its components" -> 40 "percent" counts "components".

A mention's span covers the numeric expression only (currency sign, number, scale word, unit:
"$1.2 billion", "40 percent", "seven years", "seven-year"); a qualifier before it ("more than")
or after it ("or more") is kept in `qualifier`, outside the span. Years, dates, times,
ordinals, id-like digit strings, the pronoun "one" and vague amounts ("tens of billions") are
not quantities here. Ranges ("5 to 10 percent", "$5-10 billion") give two mentions that share
unit and scale, marked "at least" / "up to".

With a spaCy parse of the text, what a number counts comes from the dependency tree ("cut the
trade deficit by $100 billion" -> "trade deficit"); without one, from the next content word.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from typing import Any

from ..lexicon import COUNTED_SYNONYMS
from ..models import NumberMention, Span
from .quantity_words import (
    ADJECTIVE_ENDINGS,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    DETERMINERS,
    IRREGULAR_PLURALS,
    MEASURES,
    METRE_AFTER,
    METRE_BEFORE,
    MILLION_AFTER,
    MILLION_BEFORE,
    PRONOUN_ONE_BEFORE,
    QUALIFIERS,
    SCALE_VALUES,
    SHORT_M_WINDOW,
    STOP_WORDS,
    TENS,
    TIME_UNITS,
    UNITS_1_19,
    WORD_VALUES,
)

_APPROX_TOLERANCE = 0.05
_NEAR_TOLERANCE = 0.10
_RANGE_LOW, _RANGE_HIGH = "at least", "up to"

_PRE_QUALS = "|".join(
    q.replace(" ", r"\s+")
    for q in sorted(QUALIFIERS, key=len, reverse=True)
    if not q.startswith("or ")
)
_WORDNUM = "|".join(sorted(WORD_VALUES, key=len, reverse=True))
_TENS_RE = "|".join(TENS)
_ONES_RE = "|".join(UNITS_1_19[1:10])
_MEASURE_RE = "|".join(
    sorted((k.replace(" ", r"\s+") + "s?" for k in MEASURES), key=len, reverse=True)
)
_CURWORD_RE = "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True))
_TIME_RE = "|".join(TIME_UNITS)
_SCALE_RE = "dozen|hundred|thousand|million|billion|trillion"
# What "half a" and "a ... and a half" may measure: a scale, a share, a unit of time or measure.
_HALVED = rf"(?:{_SCALE_RE}|percent|per|percentage|(?:{_TIME_RE})s?|{_MEASURE_RE})"

_PATTERN = rf"""
    (?:(?P<qual>\b(?i:{_PRE_QUALS}))\s+)?
    (?P<num>(?<![\w.])(?<!\d,)
      (?P<cur>US\$|HK\$|A\$|C\$|S\$|\$|€|£|¥)?
      (?:(?P<digits>\d{{1,3}}(?:,[ ]?\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)
        |(?P<word>\b(?i:(?:{_TENS_RE})-(?:{_ONES_RE})|{_WORDNUM})\b)
        |(?P<half>\b(?i:half)\s+(?i:an?))(?=\s+(?i:{_HALVED})\b)
        |(?P<a>\b[Aa]n?)(?=\s+(?i:{_SCALE_RE})\b|\s+(?i:{_HALVED})\s+and\s+a\s+half\b))
      (?P<andhalf>\s+and\s+a\s+half\b)?
      (?:\s?(?P<sabbr>(?i:bn|bln|mln|mn|tn))\b
        |(?(cur)(?P<sshort>[mkbMKB])\b|(?(digits)(?P<mamb>[ ]?m)\b|(?!)))
        |(?:\s+|-)(?P<sword>(?i:(?:hundred\s+)?(?:thousand|million|billion|trillion)|hundred|dozen))\b)?
      (?:(?P<pct>\s?%|\s+(?i:percent|per[\s-]cent|pct|percentage\s+points?)\b)
        |(?P<usep>\s+|-)(?P<time>(?i:(?:{_TIME_RE})s?(?:-olds?)?))\b
        |(?P<msep>\s+|-|)(?P<measure>(?i:{_MEASURE_RE}))\b
        |\s+(?P<curword>(?i:{_CURWORD_RE})s?)\b)?
      (?:(?(time)|(?(measure)|(?(sword)|(?!))))(?P<halfafter>\s+and\s+a\s+half)\b)?
    )
    (?!\w|[.,]\d)
    (?:\s+(?P<post>(?i:or\s+(?:more|less|fewer|so)))\b)?
    """
NUMBER = re.compile(_PATTERN, re.VERBOSE)
# The pattern without a space after a thousands comma, for a day after a month name (`_matches`).
_UNSPACED = re.compile(_PATTERN.replace(",[ ]?", ",", 1), re.VERBOSE)

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
)
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\.?\s+$")
_MONTH_AFTER = re.compile(rf"^\s+(?:of\s+)?{_MONTH}\b")
_TIME_AFTER = re.compile(
    r"^(?:\s?(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock\b|GMT\b|UTC\b|[ECMP][SD]?T\b|BST\b|CET\b|hrs\b)|:\d)"
)
_ID_BEFORE = re.compile(
    r"(?:[#№]|\b[Nn]os?\.|\b(?i:page|number|article|section|chapter|flight|route|room|version|model|episode|"
    r"season|phase|level|gate|platform|channel|exit|highway|interstate|paragraph|clause|item|figure|table|code))\s*$"
)
_WORD_TOKEN = re.compile(r"[A-Za-z][\w'.-]*|\d+|[^\w\s]")
_CAP_WORD_BEFORE = re.compile(r"(?<![\w'])[A-Z][\w.&-]*\s+$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:\"'“‘(\n]\s*)$")

_MODIFIER_DEPS = frozenset({"nummod", "compound", "amod", "npadvmod", "nmod", "quantmod", "appos"})
_VERB_LINK_PREPS = frozenset({"by", "to", "from"})


@dataclass(frozen=True)
class _Hit:
    """A regex match turned into numbers, before exclusions and counted-thing lookup."""

    start: int
    end: int
    tail: int  # where the counted thing is looked for (after any "or more")
    value: float
    unit: str | None
    scale: float
    scaled: bool
    hyphen_unit: bool
    qualifier: str | None
    match: re.Match


def find_numbers(text: str, source_id: str, doc: Any = None) -> list[NumberMention]:
    """Every quantity in `text`, sorted by offset; `doc` (a spaCy parse of `text`) improves `counts`."""
    if not isinstance(text, str):
        return []
    if doc is not None and getattr(doc, "text", None) != text:
        doc = None
    hits = [h for m in _matches(text) if (h := _hit(text, m)) is not None]
    hits, pairs = _join_ranges(text, hits)
    ranged = set(pairs) | set(pairs.values())
    found = {
        i: _mention(text, source_id, h, doc)
        for i, h in enumerate(hits)
        if i in ranged or not _excluded(text, h, doc)
    }
    for low, high in pairs.items():
        found[low].counts = found[high].counts = found[high].counts or found[low].counts
    return [found[i] for i in sorted(found)]


def same_quantity(a: NumberMention, b: NumberMention) -> bool | None:
    """True: compatible values of one quantity; False: incompatible values; None: not comparable.

    Comparable means same unit and same counted thing (case and simple plurals ignored).
    Qualifiers turn values into intervals ("more than 70,000" is [70000, inf), "about 100" is
    [95, 105]); the mentions agree when their intervals meet, or when one is the other rounded
    ("70 percent" / "70.3 percent").
    """
    if a.unit != b.unit or _counted_key(a.counts) != _counted_key(b.counts):
        return None
    low_a, high_a = _interval(a)
    low_b, high_b = _interval(b)
    return max(low_a, low_b) <= min(high_a, high_b) or _rounded(a, b) or _rounded(b, a)


# --- values and units -------------------------------------------------------------------


def _matches(text: str) -> list[re.Match]:
    """The pattern's matches, except that a day after a month name keeps to itself ("May 5, 200
    people" is a day and 200 people, where "2, 000ft", a space after the thousands comma, is 2,000)."""
    out, at = [], 0
    while (m := NUMBER.search(text, at)) is not None:
        if ", " in (m["digits"] or "") and _MONTH_BEFORE.search(
            text[max(0, m.start("num") - 12) : m.start("num")]
        ):
            m = _UNSPACED.match(text, m.start()) or m
        out.append(m)
        at = max(m.end(), at + 1)
    return out


def _hit(text: str, m: re.Match) -> _Hit | None:
    """The numbers of one regex match, or None when it has no usable value."""
    base = _base_value(m)
    short_m = _short_m(text, m) if m["mamb"] else None
    if base is None or (m["mamb"] and short_m is None):
        return None
    scale = 1e6 if short_m == "million" else _scale(m)
    base += 0.5 if m["andhalf"] or m["halfafter"] else 0.0
    qualifier = m["qual"] or m["post"]
    qualifier = " ".join(qualifier.lower().split()) if qualifier else None
    start, end = m.span("num")
    if not math.isfinite(base * scale):
        return None
    return _Hit(
        start,
        end,
        m.end(),
        base * scale,
        "m" if short_m == "metre" else _unit(m),
        scale,
        scale != 1.0,
        bool(m["time"] and m["usep"] == "-"),
        qualifier,
        m,
    )


def _base_value(m: re.Match) -> float | None:
    if m["digits"]:
        value = float(re.sub(r"[, ]", "", m["digits"]))
        return value if math.isfinite(value) else None
    if m["a"]:
        return 1.0
    if m["half"]:
        return 0.5
    return _word_value(m["word"] or "")


def _word_value(word: str) -> float | None:
    """ "seven" -> 7, "twenty-five" -> 25."""
    parts = [WORD_VALUES.get(p) for p in word.lower().split("-")]
    known = [p for p in parts if p is not None]
    return float(sum(known)) if known and len(known) == len(parts) else None


def _scale(m: re.Match) -> float:
    words = (m["sabbr"] or m["sshort"] or m["sword"] or "").lower().split()
    return math.prod(SCALE_VALUES.get(w, 1.0) for w in words)


def _short_m(text: str, m: re.Match) -> str | None:
    """ "million" or "metre" for "m" after a number with no currency sign, by the evidence nearest
    it (`quantity_words.METRE_AFTER` and the lists beside it): a unit after it ("80m euros", "5m
    years") or a money word makes millions, a word of distance metres ("fell 80m", "an 80m drop");
    None without evidence."""
    if m["curword"] or m["measure"] or m["time"] or m["pct"]:
        return "million"
    after = re.match(r"[ \t]*-?([A-Za-z]+)", text[m.end("num") : m.end("num") + 30])
    clause = re.split(r"[.!?;:\n]", text[max(0, m.start("num") - 80) : m.start("num")])[-1]
    before = [w.lower() for w in re.findall(r"[A-Za-z]+", clause)][-SHORT_M_WINDOW:]
    evidence = [(after.group(1).lower(), METRE_AFTER, MILLION_AFTER)] if after else []
    evidence += [(word, METRE_BEFORE, MILLION_BEFORE) for word in reversed(before)]
    for word, metre, million in evidence:
        if word in metre:
            return "metre"
        if word in million:
            return "million"
    return None


def _unit(m: re.Match) -> str | None:
    """The normalised unit: a currency code, "percent", a singular time unit, a measure, or None."""
    if m["cur"]:
        return CURRENCY_SIGNS[m["cur"].lower()]
    if m["pct"]:
        return "percentage point" if "point" in m["pct"].lower() else "percent"
    if m["time"]:
        return m["time"].lower().split("-")[0].rstrip("s")
    if m["measure"]:
        return _measure(m["measure"])
    if m["curword"]:
        return CURRENCY_WORDS.get(_singular(m["curword"].lower()))
    return None


def _measure(word: str) -> str | None:
    key = " ".join(word.lower().split())
    return MEASURES.get(key) or MEASURES.get(key[:-1]) or MEASURES.get(_singular(key))


# --- ranges -----------------------------------------------------------------------------


def _join_ranges(text: str, hits: list[_Hit]) -> tuple[list[_Hit], dict[int, int]]:
    """Give both ends of "5 to 10 percent" / "$5-10 billion" one unit and scale; pair them low -> high."""
    out, pairs = list(hits), dict[int, int]()
    for i in range(len(out) - 1):
        kind = None if i in pairs.values() else _range_kind(text, out[i], out[i + 1])
        if kind is not None:
            out[i], out[i + 1] = _range_pair(out[i], out[i + 1], kind)
            pairs[i] = i + 1
    return out, pairs


def _range_kind(text: str, low: _Hit, high: _Hit) -> str | None:
    """ "range", "change" (from X to Y) or None when the two hits are not two ends of one range."""
    gap = text[low.tail : high.start]
    before = text[max(0, low.start - 12) : low.start].lower().rstrip()
    dash = gap in {"-", "–"}
    same_unit = low.unit in (None, high.unit) or (
        dash and high.unit is None and bool(low.match["cur"])
    )
    if low.qualifier or not (high.unit or high.scaled or low.match["cur"]) or not same_unit:
        return None
    if dash:
        return "range" if low.match["digits"] and high.match["digits"] else None
    if gap == " to ":
        return (
            "change" if before.endswith("from") else ("range" if low.value <= high.value else None)
        )
    return "range" if gap == " and " and before.endswith("between") else None


def _scale_of(high: _Hit, low: _Hit) -> float:
    """The scale `low` borrows from `high` ("5 to 10 million" -> 1e6), 1 when it has its own."""
    if low.scaled or not high.scaled:
        return 1.0
    return high.scale


def _range_pair(low: _Hit, high: _Hit, kind: str) -> tuple[_Hit, _Hit]:
    borrowed = _scale_of(high, low)
    unit = low.unit or high.unit
    quals = (
        (_RANGE_LOW, high.qualifier or _RANGE_HIGH) if kind == "range" else (None, high.qualifier)
    )
    if low.value * borrowed > high.value:  # "500,000 to 1 million": low already has its scale
        borrowed = 1.0
    new_low = replace(
        low,
        value=low.value * borrowed,
        unit=unit,
        scaled=low.scaled or borrowed != 1.0,
        qualifier=quals[0],
        tail=high.tail,
    )
    return new_low, replace(high, unit=unit, qualifier=quals[1])


# --- exclusions -------------------------------------------------------------------------


def _excluded(text: str, hit: _Hit, doc: Any) -> bool:
    """Whether a hit is not a quantity: a year, date, time, id, ordinal-ish compound or pronoun."""
    before, after = text[max(0, hit.start - 40) : hit.start], text[hit.end : hit.end + 12]
    return (
        _is_year(hit)
        or _is_date_or_time(hit, before, after)
        or _is_id_like(text, hit, before, after)
        or _is_hyphen_compound(hit, after)
        or _is_name_word(hit, before)
        or _is_pronoun(text, hit, doc)
    )


def _bare(hit: _Hit) -> bool:
    """No currency, scale or unit: only the number itself."""
    return not (hit.unit or hit.scaled)


def _is_year(hit: _Hit) -> bool:
    digits = hit.match["digits"] or ""
    return bool(re.fullmatch(r"(?:19|20)\d\d", digits)) and _bare(hit) and not hit.qualifier


def _is_date_or_time(hit: _Hit, before: str, after: str) -> bool:
    digits = hit.match["digits"] or ""
    day_like = bool(re.fullmatch(r"\d{1,2}", digits)) and 1 <= int(digits) <= 31 and _bare(hit)
    if day_like and (_MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after)):
        return True
    return bool(digits and _bare(hit) and (_TIME_AFTER.match(after) or re.search(r"\d:$", before)))


def _is_id_like(text: str, hit: _Hit, before: str, after: str) -> bool:
    """Phone numbers, scores, model names, "24/7", "No. 3", "WIBX 950", "Flight 370"."""
    digits = hit.match["digits"]
    if not digits:
        return False
    if re.search(r"(?:\w[-/]|[-/:]|\d[.,])$", before) or re.match(r"^(?:[-/–:]\d|\.\d)", after):
        return True
    if _ID_BEFORE.search(before) or (not hit.match["cur"] and re.fullmatch(r"0\d+|\d{7,}", digits)):
        return True
    return _bare(hit) and not hit.qualifier and "," not in digits and _after_name(before)


def _after_name(before: str) -> bool:
    """The number follows a capitalised word that does not start a sentence ("WIBX 950")."""
    m = _CAP_WORD_BEFORE.search(before)
    return m is not None and not _SENTENCE_START.search(before[: m.start()])


def _is_hyphen_compound(hit: _Hit, after: str) -> bool:
    """ "two-thirds", "three-judge", "one-sided", "twenty-first": not counted quantities here
    ("6.1-magnitude" is: a measure named after its number)."""
    return (
        not hit.unit
        and bool(re.match(r"^[-–][A-Za-z]", after))
        and not re.match(r"^[-–](?i:magnitude)\b", after)
    )


def _is_name_word(hit: _Hit, before: str) -> bool:
    """A capitalised number word inside a sentence is a name ("Group of Seven", "Big Four")."""
    word = hit.match["word"] or ""
    return word[:1].isupper() and not hit.qualifier and not _SENTENCE_START.search(before)


def _is_pronoun(text: str, hit: _Hit, doc: Any) -> bool:
    """ "one"/"zero" are kept only before a counted noun ("one official", not "one of", "the one who")."""
    word = (hit.match["word"] or "").lower()
    if word not in {"one", "zero"} or hit.unit or hit.scaled or hit.match["andhalf"]:
        return False
    words = re.findall(r"[A-Za-z]+", text[max(0, hit.start - 20) : hit.start].lower())
    if words and words[-1] in PRONOUN_ONE_BEFORE:
        return True
    if doc is not None:
        return not _parsed_nummod(doc, hit)
    following = re.findall(r"[A-Za-z]+", text[hit.end : hit.end + 20].lower())
    return not following or following[0] in DETERMINERS or _heuristic_counts(text, hit) is None


def _parsed_nummod(doc: Any, hit: _Hit) -> bool:
    span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
    return span is not None and any(
        t.dep_ == "nummod" and t.head.i > t.i and t.head.pos_ == "NOUN" for t in span
    )


# --- what a number counts ---------------------------------------------------------------


def _mention(text: str, source_id: str, hit: _Hit, doc: Any) -> NumberMention:
    counts = None if hit.unit in TIME_UNITS and not hit.hyphen_unit else _counts(text, hit, doc)
    span = Span(source_id, hit.start, hit.end)
    return NumberMention(
        span, text[hit.start : hit.end], hit.value, hit.unit, counts, hit.qualifier
    )


def _counts(text: str, hit: _Hit, doc: Any) -> str | None:
    """What the number counts: from the parse when there is one, else from the next words."""
    if doc is None:
        return _heuristic_counts(text, hit)
    span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
    return _parsed_counts(span) if span is not None and len(span) else None


def _heuristic_counts(text: str, hit: _Hit) -> str | None:
    """The first noun-looking word after the number, skipping "of its", determiners and adjectives."""
    skip = DETERMINERS | ({"in", "worth"} if hit.unit in CURRENCY_SIGNS.values() else frozenset())
    fallback = None
    for token in _WORD_TOKEN.findall(text[hit.tail : hit.tail + 80])[:6]:
        word = token.rstrip(".").lower()
        if word in skip or token[0].isupper():
            continue
        if not token[0].isalpha() or word in STOP_WORDS:
            break
        if not word.endswith("s") and word.endswith(ADJECTIVE_ENDINGS):
            fallback = fallback or word
            continue
        return word
    return fallback if fallback and not fallback.endswith(("ed", "ing", "ly", "est")) else None


def _parsed_counts(span: Any) -> str | None:
    """The noun the number modifies, the object of "of"/"in" after it, or what a "by"-phrase changes."""
    anchor = _anchor(span)
    head = anchor.head
    if (
        head.i > span.end - 1
        and anchor.dep_ in _MODIFIER_DEPS
        and head.pos_ in {"NOUN", "PROPN", "ADJ"}
    ):
        return _phrase(head, span.end - 1)
    obj = _prep_object(anchor, span)
    if obj is not None:
        return _phrase(obj, span.end - 1)
    if head.lower_ in _VERB_LINK_PREPS and head.head.pos_ in {"VERB", "AUX"}:
        target = _child(head.head, {"dobj"}) or _child(head.head, {"nsubj", "nsubjpass"})
        return (
            _phrase(target, -1) if target is not None and target.pos_ in {"NOUN", "PROPN"} else None
        )
    return None


def _anchor(span: Any) -> Any:
    """The token of the span that attaches it to the rest of the sentence."""
    outside = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
    return outside[-1] if outside else span[-1]


def _prep_object(anchor: Any, span: Any) -> Any:
    """The noun of "of"/"in" right after the number ("40 percent of its components")."""
    doc = span.doc
    preps = [c for c in anchor.children if c.lower_ in {"of", "in"} and c.i >= span.end]
    if span.end < len(doc) and doc[span.end].lower_ == "of":
        preps.append(doc[span.end])
    for prep in preps:
        obj = _child(prep, {"pobj"})
        if obj is not None and obj.pos_ in {"NOUN", "PROPN"}:
            return obj
    return None


def _child(token: Any, deps: set[str]) -> Any:
    return next((c for c in token.children if c.dep_ in deps), None)


def _phrase(token: Any, after: int) -> str | None:
    """A noun with the compound nouns right before it ("trade deficit"), none at or before `after`."""
    if not token.is_alpha or token.lower_ in STOP_WORDS:
        return None
    words = [
        c.lower_ for c in token.lefts if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i > after
    ]
    return " ".join(words + [token.lower_])


# --- comparison -------------------------------------------------------------------------


def _singular(word: str) -> str:
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    for plural, one in IRREGULAR_PLURALS.items():
        if len(plural) > 5 and word.endswith(plural) and len(word) - len(plural) >= 3:
            return word[: -len(plural)] + one  # "grandchildren", "policemen"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def counted_key(counts: str | None) -> str:
    """ "Employees" and "employee" compare equal; so do "trade deficits" and "trade deficit", and
    one thing's names (`lexicon.COUNTED_SYNONYMS`: "grandkids" and "grandchildren")."""
    words = (counts or "").lower().split()
    if not words:
        return ""
    one = _singular(words[-1])
    return " ".join(words[:-1] + [COUNTED_SYNONYMS.get(one, one)])


_counted_key = counted_key


def _interval(n: NumberMention) -> tuple[float, float]:
    """The values a mention allows, given its qualifier."""
    v, slack = n.value, abs(n.value)
    kind = QUALIFIERS.get((n.qualifier or "").lower())
    if kind == "lower":
        return v, math.inf
    if kind == "upper":
        return -math.inf, v
    if kind == "just-over":
        return v, v + _NEAR_TOLERANCE * slack
    if kind == "near-below":
        return v - _NEAR_TOLERANCE * slack, v
    if kind == "approx":
        return v - _APPROX_TOLERANCE * slack, v + _APPROX_TOLERANCE * slack
    eps = 1e-9 * max(1.0, slack)
    return v - eps, v + eps


_STATED_DIGITS = re.compile(r"\d+(?:,[ ]?\d{3})*(?:\.(\d+))?")
_HALF_UNIT = 0.4999  # under a half, so that adjacent whole numbers never meet


def _rounded(precise: NumberMention, coarse: NumberMention) -> bool:
    """Is `coarse` `precise` rounded to fewer digits? "70 percent" for 70.3 and "92 percent" for
    91.9 are; "$4 million" for $4.5 million and "20" for "21" are not."""
    if precise.qualifier or coarse.qualifier or _rounding(precise) >= _rounding(coarse):
        return False
    return abs(precise.value - coarse.value) <= _rounding(coarse)


def _rounding(n: NumberMention) -> float:
    """Just under half a unit of the last digit stated ("70": 0.4999; "$1.2 billion": $0.04999 billion)."""
    m = _STATED_DIGITS.search(n.text)
    base = float(re.sub(r"[, ]", "", m.group(0))) if m else 0.0
    if m is None or not base or "half" in n.text.lower():
        return 0.0
    decimals = len(m.group(1) or "")
    return _HALF_UNIT * 10.0**-decimals * abs(n.value / base)
