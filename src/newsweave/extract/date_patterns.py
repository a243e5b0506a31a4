"""The patterns of date expressions and the words they are built from (month and day names,
day words, number words, parts of a month), compiled once; `extract.dates` finds and resolves
with them."""

from __future__ import annotations

import datetime as dt
import re
from types import MappingProxyType

Date = dt.date
Match = re.Match[str]


MONTH_NAMES = tuple(
    "january february march april may june july august september october november december".split()
)
_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = MappingProxyType(
    {
        **{n: i for i, n in enumerate(MONTH_NAMES, 1)},
        **{n[:3]: i for i, n in enumerate(MONTH_NAMES, 1)},
        "sept": 9,
    }
)
WEEKDAYS = MappingProxyType({n: i for i, n in enumerate(_DAY_NAMES)})
NO_PUB = "relative date with no publication date"
NO_YEAR = "day and month with no year and no publication date"
NO_ORDER = "day and month order unknown"

# --- pattern pieces (compiled with re.ASCII: case-insensitive parts never match non-ASCII) ----------
_MONTH = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b))"
)
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?\b"
_YEAR_DIGITS = r"(?:19|20)[0-9]{2}"
_YEAR = rf"{_YEAR_DIGITS}\b"
_NAMED_DAY = r"(?<!Black )(?<!Good )(?<!Super )(?<!Bloody )(?<!Cyber )(?<!Ash )(?<!Palm )(?<!Easter )(?<!Holy )"
_PAPER = r"(?! (?:Times|Telegraph|Mirror|Express|Post|Herald|Observer|Star|Independent|Tribune|Journal|Mail|Night)\b)"
_WD = rf"{_NAMED_DAY}\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b{_PAPER}"
_MOD = r"(?i:this past|this coming|next|last|this|past|coming)"
_DAYWORD = (
    r"(?<!USA )\b(?i:the day before yesterday|the day after tomorrow|(?:earlier|later) today|today|tonight"
    r"|yesterday|tomorrow|this (?:morning|afternoon|evening)|last night)\b"
)
_POINT = rf"(?:(?:\b{_MOD} )?{_WD}|{_DAYWORD})"
_END = rf"(?:{_POINT}|{_MONTH} {_DAY}|{_DAY} {_MONTH})"
_PART = (
    r"(?P<part>\b(?i:early|late|mid|the middle of|the end of|end of|the beginning of|the start of))"
)
_NUMBER = r"(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|[0-9]{1,2})"
_YEAR_CONTEXT = (
    r"(?:\b(?i:in|since|by|until|till|of|a|an|the|from|during|before|after|through|throughout"
    r"|around|fiscal|year|its|their|his|her|our)|['\u2019]s)"
)
_COUNTS = (
    r"(?! (?i:per ?cent|employees|people|persons|workers|votes|units|jobs|troops|soldiers|students|members"
    r"|residents|cases|deaths|dead|points|times|miles|km|kilometres|kilometers|metres|meters|feet|tons|tonnes"
    r"|barrels|shares|copies|dollars|yuan|euros|pounds|yen|cars|homes|houses|acres|hectares|words|pages"
    r"|seats|kg)\b)"
)
_EVENTS = (
    r"(?=(?:agreement|deal|settlement|elections?|campaign|law|report|season|budget|census|survey|plea"
    r"|ruling|order|visit|summit|talks|decision|investigation|probe|attacks?|crisis|war|ban|sanctions"
    r"|accord|pact|treaty|vote|referendum|Olympics|World Cup|study|fine|penalty|merger|lawsuit|trial"
    r"|meeting|earthquake|hurricane|shooting|levels?|results|figures|revenue|sales|profit)\b)"
)


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.ASCII)


# A numeric date with its year, "15/09/2013" or "9/15/2013": which number is the day is read from
# the numbers themselves (one over 12 is the day) or from the page's other numeric dates
# (`extract.dates.numeric_order`); never guessed.
_DAY_OR_MONTH = r"(?:3[01]|[12][0-9]|0?[1-9])"
NUMERIC = _re(
    rf"(?<![0-9/.])(?P<a>{_DAY_OR_MONTH})/(?P<b>{_DAY_OR_MONTH})/(?P<y>{_YEAR_DIGITS})(?![0-9/])"
)
DAY_FIRST, MONTH_FIRST = "day first", "month first"

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("numeric", NUMERIC),
    (
        "iso",
        _re(
            rf"(?<![0-9-])(?P<y>{_YEAR_DIGITS})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-2][0-9]|3[01])(?![0-9])"
        ),
    ),
    (
        "range_md",
        _re(
            rf"(?:(?P<btw>\b(?i:between)) |\b(?i:from) )?(?P<m>{_MONTH}) (?P<d1>{_DAY})"
            rf"(?:\s?[-\u2013]\s?|\s(?i:to|through|until|till)\s|(?(btw)\s(?i:and)\s|(?!)))"
            rf"(?:(?P<m2>{_MONTH}) )?(?P<d2>{_DAY})(?:,? (?P<y>{_YEAR}))?"
        ),
    ),
    (
        "range_dm",
        _re(
            rf"(?<![0-9][.,])\b(?P<d1>{_DAY})(?:\s?[-\u2013]\s?|\s(?i:to)\s)(?P<d2>{_DAY}) (?P<m>{_MONTH})"
            rf"(?:,? (?P<y>{_YEAR}))?"
        ),
    ),
    (
        "range",
        _re(
            rf"(?:(?P<frm>\b(?i:from))|\b(?i:between)) (?P<a>{_END})"
            rf"(?: (?(frm)(?i:to|through|thru|until|till)|(?i:and)) |\s?[-\u2013]\s?)(?P<b>{_END})"
        ),
    ),
    ("wd_range", _re(rf"(?P<a>{_WD})(?:\s?[-\u2013]\s?| (?i:through|thru) )(?P<b>{_WD})")),
    (
        "year_range",
        _re(
            rf"(?:\b(?i:from) (?P<a>{_YEAR}) (?i:to|until|through)|\b(?i:between) (?P<c>{_YEAR}) (?i:and))"
            rf" (?P<b>{_YEAR})(?![0-9%])"
        ),
    ),
    # not after a day's number: "10 Nov 11" is 10 November ('11 the year), "3 May 15 people" the 3rd
    (
        "mdy",
        _re(
            rf"(?:{_WD},? )?(?<![0-9] )(?P<m>{_MONTH}) (?P<d>{_DAY})(?:,? (?P<y>{_YEAR}))?(?![:.][0-9])"
        ),
    ),
    (
        "dmy",
        _re(
            rf"(?:{_WD},? )?(?<![0-9][.,])\b(?P<d>{_DAY}) (?:of )?(?P<m>{_MONTH})(?! I\b)(?:,? (?P<y>{_YEAR}))?"
        ),
    ),
    ("month_year", _re(rf"(?P<m>{_MONTH}),? (?:of )?(?P<y>{_YEAR})(?![0-9%])")),
    ("part_month", _re(rf"{_PART}[- ](?P<m>{_MONTH})(?:,? (?P<y>{_YEAR}))?")),
    ("part_year", _re(rf"{_PART}[- ](?P<y>{_YEAR})(?![0-9%]|[/.,][0-9])")),
    (
        "month_rel_year",
        _re(rf"(?P<m>{_MONTH}),? (?:of )?(?P<which>\b(?i:this|last|next)) (?i:year)\b"),
    ),
    ("rel_month", _re(rf"(?P<which>\b(?i:this|last|next)) (?P<m>{_MONTH})(?![ .]*[0-9])")),
    (
        "in_month",
        _re(
            rf"\b(?i:in|since|until|till|by|during|before|after|through|throughout) (?P<s>(?P<m>{_MONTH}))"
            r"(?!['\u2019]s| [0-9]| (?:said|says|told|has|had|was|is|will|would)\b)"
        ),
    ),
    (
        "relative",
        _re(
            r"\b(?i:(?:(?:earlier|later) )?(?:the )?(?:this|last|next|past|coming)"
            r" (?:week|month|year|weekend))\b"
        ),
    ),
    ("weekend", _re(r"\b(?i:over|during|at|on) (?P<s>(?i:the weekend))\b")),
    ("ago", _re(rf"\b(?P<n>{_NUMBER}) (?P<u>(?i:day|week|month|year))s? (?i:ago)\b")),
    (
        "vague",
        _re(
            rf"\b(?i:(?:recent|coming|past|last|next)(?: (?:few|several|couple of|{_NUMBER}))?"
            r" (?:days|weeks|months|years))\b"
        ),
    ),
    ("point", _re(_POINT)),
    ("decade", _re(r"(?<![0-9$\u00a3\u20ac])\b(?P<s>(?:19|20)[0-9]0s)\b")),
    ("year", _re(rf"{_YEAR_CONTEXT} (?P<s>{_YEAR})(?![0-9%]|[/.,][0-9]){_COUNTS}")),
    ("year_noun", _re(rf"(?<![0-9$\u00a3\u20ac.,/-])\b(?P<s>{_YEAR}) {_EVENTS}")),
)

MD = _re(rf"(?P<m>{_MONTH}) (?P<d>{_DAY})")
DM = _re(rf"(?P<d>{_DAY}) (?P<m>{_MONTH})")
BARE_WD = _re(rf"{_WD}")
SENTENCE_BREAK = _re(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z])|\n")
_PAST_IRREGULAR = (
    r"said|told|was|were|had|did|came|went|made|took|gave|met|left|spoke|wrote|won|lost|began|sent"
    r"|held|got|saw|knew|thought|brought|bought|fell|rose|grew|became|struck|stood|sought|led|paid"
    r"|broke|chose|ran|flew|drove|set|hit|cut|put|ago"
)
_NOT_PAST = (
    r"(?!(?:need|indeed|proceed|exceed|succeed|speed|seed|feed|bleed|breed|hundred|red|bed|shed|embed"
    r"|sacred|naked|wicked|kindred)\b)"
)
TENSE = _re(
    r"(?P<fut>\b(?i:will|would|shall|going to|gonna|plans? to|planned to|planning to|intends? to|aims? to|about to"
    r"|(?:is|are|was|were) (?:due|set|scheduled|expected|slated|poised|likely|to)"
    r"|(?:due|set|scheduled|expected|slated|poised|planned) (?:to|for|on)|next|upcoming)\b|['\u2019]ll\b)"
    rf"|(?P<past>\b(?:{_PAST_IRREGULAR})\b|\b{_NOT_PAST}[a-z]{{2,}}ed\b)"
)
# A past-tense yearless day is moved to the year before only when the nearest-year rule put it
# this far after publication: nearer, it may be a deadline in a past-tense sentence ("announced a
# goal of 90% by April 19"), which no tense word marks.
PAST_SLACK_DAYS = 90
# The date line: within the first paragraphs (URL, headline, byline come first), at most this long.
DATE_LINE_PARAGRAPHS, DATE_LINE_WORDS = 6, 12
DATE_LINE_NOTE = " (against the article's date line)"
FULL_DATES = frozenset({"iso", "mdy", "dmy", "numeric"})
SELF_NOTES = frozenset({"absolute", "month", "year", "years", "decade", "range"})
DAYWORDS = MappingProxyType(
    {
        "today": 0,
        "tonight": 0,
        "this morning": 0,
        "this afternoon": 0,
        "this evening": 0,
        "earlier today": 0,
        "later today": 0,
        "yesterday": -1,
        "last night": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }
)
NUMBERS = MappingProxyType(
    {
        w: i
        for i, w in enumerate(
            ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
        )
    }
    | {"a": 1, "an": 1}
)
MONTH_PARTS = MappingProxyType({"early": (1, 10), "mid": (11, 20), "late": (21, None)})
YEAR_PARTS = MappingProxyType({"early": (1, 4), "mid": (5, 8), "late": (9, 12)})
PART_KEYS = MappingProxyType(
    {
        "early": "early",
        "beginning": "early",
        "start": "early",
        "mid": "mid",
        "middle": "mid",
        "late": "late",
        "end": "late",
    }
)
