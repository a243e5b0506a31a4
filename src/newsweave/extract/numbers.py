"""Quantities in news text: value, unit, what they count, and any qualifier.

"more than 70,000 employees" -> 70000, unit None, counts "employees", qualifier "more than";
"$1.2 billion fine" -> 1.2e9 USD counts "fine"; "seven-year ban" -> 7 year counts "ban";
"40 percent of its components" -> 40 percent counts "components". Years, dates, times,
ordinals and vague amounts ("tens of billions") are not quantities here.
"""

from __future__ import annotations

import re
from typing import Any

from ..models import NumberMention, Span

WORD_NUMBERS = {
    w: i for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
WORD_NUMBERS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                     "ninety": 90, "hundred": 100, "dozen": 12})
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6, "k": 1e3, "tn": 1e12}
CURRENCIES = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
CURRENCY_WORDS = {"dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
                  "yuan": "CNY", "yen": "JPY", "rupees": "INR"}
TIME_UNITS = {"year", "month", "week", "day", "hour", "minute", "decade", "century"}
MEASURES = {"km": "km", "kilometers": "km", "kilometres": "km", "miles": "mile", "mile": "mile",
            "tonnes": "tonne", "tons": "ton", "kg": "kg", "barrels": "barrel", "acres": "acre", "meters": "m", "metres": "m"}
QUALIFIERS = r"more than|over|at least|nearly|almost|about|around|roughly|up to|less than|fewer than|some|approximately|as many as|as much as|only|just"
_WORDNUM = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"thousand|million|billion|trillion|bn|tn|m|k"
NUMBER = re.compile(
    rf"(?:(?P<qual>\b(?:{QUALIFIERS})) )?"
    rf"(?P<num>(?P<cur>US\$|\$|€|£|¥)?(?:(?P<digits>{_DIGITS})|\b(?P<word>(?:{_WORDNUM})(?:-(?:{_WORDNUM}))?|a dozen)\b)"
    rf"(?:\s?(?P<scale>{_SCALE})\b)?"
    rf"(?:(?:\s|-)?(?P<unit>%|(?:percent|per cent|(?:year|month|week|day|hour|minute|decade)s?|"
    rf"{'|'.join(MEASURES)}|{'|'.join(CURRENCY_WORDS)})\b))?)",
    re.IGNORECASE,
)
_SKIP_AFTER = re.compile(r"^(?:st|nd|rd|th)\b|^-(?:largest|biggest|year-old|old)\b|^\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|^:\d")
_MONTH_BEFORE = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.? $")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_COUNT_SKIP = {"of", "its", "the", "their", "his", "her", "our", "a", "an", "in", "more", "new", "than"}
_STOP_NOUNS = {"percent", "per", "cent", "times", "people's", "and", "or", "for", "to", "on", "at", "by",
               "with", "from", "as", "that", "which", "who", "is", "was", "were", "are", "be", "s"}


def find_numbers(text: str, source_id: str, doc: Any = None) -> list[NumberMention]:
    """Every quantity in `text`; `doc` (a spaCy parse of `text`) improves what each counts."""
    out = []
    for m in NUMBER.finditer(text):
        mention = _mention(text, m, source_id, doc)
        if mention is not None:
            out.append(mention)
    return out


def _mention(text: str, m: re.Match, source_id: str, doc: Any) -> NumberMention | None:
    start, end = m.span("num")
    raw = m.group("num")
    if _excluded(text, m, start, end):
        return None
    value = _value(m)
    if value is None:
        return None
    unit = _unit(m)
    counts = _counts(text, end, doc, start)
    if unit in TIME_UNITS and not _hyphenated(raw):
        counts = None
    qualifier = m.group("qual").lower() if m.group("qual") else None
    return NumberMention(Span(source_id, start, end), text[start:end], value, unit, counts, qualifier)


def _hyphenated(raw: str) -> bool:
    return bool(re.search(r"-(?:year|month|week|day|hour|minute|decade)s?$", raw, re.I))


def _excluded(text: str, m: re.Match, start: int, end: int) -> bool:
    digits, word = m.group("digits"), m.group("word")
    after, before = text[end : end + 12], text[max(0, start - 12) : start]
    if _SKIP_AFTER.search(after) or _MONTH_BEFORE.search(before):
        return True
    if digits and _YEAR.match(digits) and not (m.group("cur") or m.group("unit") or m.group("scale")):
        return True
    if digits and (re.match(r"^[\d/.-]*\d", after) or re.search(r"[\d/-]$", before) or re.match(r"^[-/]\d", after)):
        return True
    if word and word.lower() in {"one", "zero"} and not (m.group("unit") or m.group("scale") or m.group("cur")):
        return True
    return bool(re.match(r"^\s?of (?:billions|millions|thousands|the)\b", after, re.I) and not digits)


def _value(m: re.Match) -> float | None:
    digits, word = m.group("digits"), m.group("word")
    if digits:
        value = float(digits.replace(",", ""))
    elif word:
        value = _word_value(word.lower())
        if value is None:
            return None
    else:
        return None
    scale = (m.group("scale") or "").lower()
    if scale in {"m", "k", "bn", "tn"} and not m.group("cur"):
        return value if scale not in {"bn", "tn"} else value * SCALES[scale]
    return value * SCALES.get(scale, 1.0)


def _word_value(word: str) -> float | None:
    if word == "a dozen":
        return 12.0
    parts = word.split("-")
    values = [WORD_NUMBERS.get(p) for p in parts]
    if None in values:
        return None
    return float(sum(values))


def _unit(m: re.Match) -> str | None:
    if m.group("cur"):
        return CURRENCIES[m.group("cur").lower()]
    unit = (m.group("unit") or "").lower()
    if not unit:
        return None
    if unit in {"percent", "per cent", "%"}:
        return "percent"
    if unit in CURRENCY_WORDS:
        return CURRENCY_WORDS[unit]
    if unit in MEASURES:
        return MEASURES[unit]
    return unit.rstrip("s") if unit.rstrip("s") in TIME_UNITS else unit


def _counts(text: str, end: int, doc: Any, start: int) -> str | None:
    """What the number counts: the parse's noun for it when there is a parse, else the next noun."""
    if doc is not None:
        noun = _parsed_noun(doc, start, end)
        if noun:
            return noun
    return _counted_noun(text, end)


def _counted_noun(text: str, end: int) -> str | None:
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", text[end : end + 60])
    for w in words[:4]:
        if w.lower() in _COUNT_SKIP:
            continue
        return w.lower() if w.lower() not in _STOP_NOUNS and w.isalpha() and w[0].islower() else None
    return None


def _parsed_noun(doc: Any, start: int, end: int) -> str | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    last = span[-1]
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and nxt.pos_ == "NOUN":
        return _compound(nxt, last.i)
    if nxt is not None and nxt.lower_ == "of":
        obj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
        return obj.lower_ if obj is not None and obj.pos_ == "NOUN" else None
    head = last.head
    if head.pos_ == "NOUN" and head.i > last.i:
        return _compound(head, last.i)
    if head.lower_ == "by" and head.head.pos_ == "VERB":
        obj = next((c for c in head.head.children if c.dep_ == "dobj"), None)
        return _compound(obj) if obj is not None else None
    return None


def _compound(tok: Any, after: int = -1) -> str:
    """A noun with the compound nouns before it ("trade deficit"), none at or before `after`."""
    while tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.i == tok.i + 1:
        tok = tok.head
    words = [c.lower_ for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i > after] + [tok.lower_]
    return " ".join(words)


_TOLERANCE = {"about": 0.05, "around": 0.05, "roughly": 0.05, "approximately": 0.05, "nearly": 0.1, "almost": 0.1, "some": 0.1}
_LOWER = {"more than", "over", "at least", "as many as", "as much as"}
_UPPER = {"less than", "fewer than", "up to", "nearly", "almost"}


def _key(counts: str | None) -> str:
    return (counts or "").lower().rstrip("s")


def same_quantity(a: NumberMention, b: NumberMention) -> bool | None:
    """True: compatible values of one quantity; False: incompatible; None: not comparable."""
    if a.unit != b.unit or _key(a.counts) != _key(b.counts):
        return None
    return _fits(a, b.value) or _fits(b, a.value)


def _fits(bound: NumberMention, value: float) -> bool:
    """Whether `value` is consistent with what `bound` states, given its qualifier."""
    q, v = bound.qualifier, bound.value
    if value == v:
        return True
    if q in _LOWER and value > v:
        return True
    if q in _UPPER and value < v and value >= v * (1 - _TOLERANCE.get(q, 1.0)):
        return True
    tol = _TOLERANCE.get(q or "", 0.0)
    return abs(value - v) <= tol * abs(v)
