"""The words of quantities: number words, scale words, currencies, units of measure and time,
the qualifiers that bound a value, and the words around a number that say it is no quantity.
English, lower case; `extract.numbers` builds its patterns from them."""

from __future__ import annotations

UNITS_1_19 = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORD_VALUES: dict[str, int] = {w: i for i, w in enumerate(UNITS_1_19)} | {
    w: 20 + 10 * i for i, w in enumerate(TENS)
}
SCALE_VALUES = {
    "dozen": 12.0,
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "tn": 1e12,
}
CURRENCY_SIGNS = {
    "$": "USD",
    "us$": "USD",
    "hk$": "HKD",
    "a$": "AUD",
    "c$": "CAD",
    "s$": "SGD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
}
CURRENCY_WORDS = {
    "dollar": "USD",
    "euro": "EUR",
    "pound": "GBP",
    "yuan": "CNY",
    "renminbi": "CNY",
    "yen": "JPY",
    "rupee": "INR",
    "rouble": "RUB",
    "ruble": "RUB",
}
TIME_UNITS = ("year", "month", "week", "day", "hour", "minute", "second", "decade")
# Seconds in a unit of time, for durations given in different units ("one minute" / "60 seconds").
SECONDS = {
    "second": 1.0,
    "minute": 60.0,
    "hour": 3600.0,
    "day": 86400.0,
    "week": 604800.0,
    "month": 2629800.0,  # a twelfth of a year of 365.25 days
    "year": 31557600.0,
    "decade": 315576000.0,
}
# What a span of time is to the event it is told with (`extract.figures.duration_role`): the words
# after it that make it a rate ("three days a week"), a lag between two events ("one day after the
# bombings", "two years ago"), and the words before it that make it a window of time ("in the last
# three days", "within a week"), each a different quantity from how long something lasted.
RATE_WORDS = frozenset({"a", "an", "per", "each", "every"})
OFFSET_WORDS = frozenset({"after", "following", "before", "later", "earlier", "ago", "prior"})
WINDOW_WORDS = frozenset({"last", "past", "next", "coming", "within", "recent"})
# Words of a clause that make its count a running total ("has, thus far, confiscated a total of 14
# rifles", "in their five operations so far"), a different quantity from one event's count ("six
# rifles were seized from the skiff"): `extract.frames.Frame.total`. From the ECB+ dev stories.
# "A total of" alone is not one: "the three boats had a total of 26 crew" is a sum.
RUNNING_TOTAL = (
    "so far",
    "thus far",
    "to date",
    "till date",
    "until now",
    "up to now",
    "all told",
    "cumulative",
)
# Nouns of a toll that "no" counts as none ("No arrests have yet been made", "there were no
# deaths"): a zero toll, compared with the tolls other outlets give (`extract.figures.zero_tolls`).
ZERO_TOLL_NOUNS = ("arrests", "deaths", "fatalities", "casualties", "injuries")
# Words of a clause that say its figure is provisional, as of the report ("No arrests have yet
# been made", "24 dead so far"): a higher figure elsewhere may be the same figure later
# (`align.figures`).
PROVISIONAL = RUNNING_TOTAL + ("not yet", "have yet", "has yet", "had yet", "as yet", "yet been")
MEASURES = {
    "km": "km",
    "kilometre": "km",
    "kilometer": "km",
    "mile": "mile",
    "metre": "m",
    "meter": "m",
    "foot": "ft",
    "feet": "ft",
    "ft": "ft",
    "inch": "inch",
    "inche": "inch",
    "cm": "cm",
    "mm": "mm",
    "kg": "kg",
    "kilogram": "kg",
    "tonne": "tonne",
    "metric ton": "tonne",
    "ton": "ton",
    "barrel": "barrel",
    "acre": "acre",
    "hectare": "hectare",
    "square mile": "sq mile",
    "square kilometre": "sq km",
    "square kilometer": "sq km",
    "litre": "litre",
    "liter": "litre",
    "gallon": "gallon",
    "mph": "mph",
    "megawatt": "MW",
    "mw": "MW",
    "gigawatt": "GW",
    "gw": "GW",
    "degree": "degree",
}

# Qualifier -> kind of bound it puts on the stated value (see `_interval`).
QUALIFIERS = {
    "more than": "lower",
    "over": "lower",
    "at least": "lower",
    "above": "lower",
    "upwards of": "lower",
    "well over": "lower",
    "or more": "lower",
    "just over": "just-over",
    "less than": "upper",
    "fewer than": "upper",
    "under": "upper",
    "below": "upper",
    "up to": "upper",
    "at most": "upper",
    "no more than": "upper",
    "as many as": "upper",
    "as much as": "upper",
    "or less": "upper",
    "or fewer": "upper",
    "nearly": "near-below",
    "almost": "near-below",
    "just under": "near-below",
    "about": "approx",
    "around": "approx",
    "roughly": "approx",
    "approximately": "approx",
    "some": "approx",
    "an estimated": "approx",
    "close to": "approx",
    "or so": "approx",
}
# Words before "one" that make it a pronoun ("no one", "the one who"), not a count.
PRONOUN_ONE_BEFORE = frozenset(
    ["no", "any", "every", "each", "the", "this", "that", "which", "another", "someone", "anyone"]
)
# Words between a number and what it counts, skipped to find the counted noun ("70,000 of its
# employees", "5 more ships").
DETERMINERS = frozenset(
    (
        "of its the their his her our your my a an this these those all more other additional "
        "extra such new key"
    ).split()
)
# Words that are never what a number counts: function words, time and unit words, speech verbs.
STOP_WORDS = frozenset(
    (
        "and or but nor to in on at by for from with into onto as than per that which who whom "
        "whose where when while after before since ago earlier later each apiece times percent "
        "cent year years month months week weeks day days it he she they we you i is are was were "
        "be been being have has had will would could can may might shall should did do does said "
        "says say met went came got more less over under about around up down out off so too also "
        "not only just even then there here if because though although"
    ).split()
)
# Endings of an adjective before the counted noun ("7 Chinese firms"), skipped.
ADJECTIVE_ENDINGS = tuple("est ic al ous ive ful less able ible ese ish ian ed ing ly".split())
# Plurals whose singular is not the word less "s": counted things compare in the singular.
IRREGULAR_PLURALS = {
    "people": "person",
    "men": "man",
    "women": "woman",
    "children": "child",
    "feet": "foot",
}
# "m" straight after a number is metres or millions ("fell 80m", "£80m"). A currency sign before it
# makes it millions (the pattern reads that itself); otherwise the evidence nearest the number
# decides, the word right after it first, then the words before it in its clause, nearest first
# (`extract.numbers._short_m`). Without any such word "80m" is not read: never guessed.
# Words right after the number: a dimension or a thing measured in metres ("80m high", "80m down a
# cliff", "an 80m drop", "the 100m sprint") ...
METRE_AFTER = frozenset(
    (
        "high tall deep long wide away down below above beneath underground drop drops fall falls "
        "plunge descent cliff crevasse ridge gully ravine slope wall tower bridge tunnel wave waves "
        "sprint hurdles freestyle backstroke breaststroke butterfly relay"
    ).split()
)
# ... and millions: a thing that costs ("an 80m deal") or people counted ("6.1m people", "2m
# viewers"), never metres.
MILLION_AFTER = frozenset(
    (
        "deal deals contract contracts budget fund loan loans bailout investment payout package "
        "settlement fine fines transfer takeover bid bonus people users viewers listeners readers "
        "customers subscribers residents voters households passengers visitors tourists workers "
        "children adults fans followers"
    ).split()
)
# Words before the number in its clause: a fall or climb through space, a word of distance ("fell
# about 80m", "within 80m of", "a depth of 80m") ...
METRE_BEFORE = frozenset(
    (
        "fell fall falls falling fallen plunged plunging plummeted plummeting tumbled tumbling "
        "dropped slid slipped descended climbed within height depth altitude elevation distance "
        "radius length measuring measured measures"
    ).split()
)
# ... and money ("cost 80m", "worth 80m", "raised 80m").
MILLION_BEFORE = frozenset(
    (
        "cost costs costing worth budget fund funding funds revenue revenues profit profits loss "
        "losses sales debt debts spent spend spending paid pay paying raised raise raising invest "
        "invested investment price bid fine fined compensation damages valued valuation salary "
        "turnover bailout loan grant sum tax bonus prize jackpot deal contract"
    ).split()
)
# How many words before the number `_short_m` reads, within its clause.
SHORT_M_WINDOW = 6
# Verbs whose "to death" is a sentence, not a killing ("sentenced two men to death"); any other
# verb's "to death" makes its object the dead ("shot to death one person", "stabbed to death").
DEATH_SENTENCE_VERBS = frozenset({"sentence", "condemn"})
