"""Date expressions found in news text and resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.extract.dates import date_line, find_dates, resolve

D = dt.date
AP, REUTERS = D(2018, 5, 14), D(2018, 5, 15)  # a Monday and a Tuesday


def _one(text, pub):
    found = find_dates(text, "s", pub)
    assert len(found) == 1, found
    return found[0]


def _check(text, pub, expr, start, end):
    d = _one(text, pub)
    assert (d.text, d.date, d.end, d.resolved) == (expr, start, end, True), d
    assert text[d.span.start : d.span.end] == d.text and d.span.source == "s"


# The example story (AP published Monday 2018-05-14, Reuters Tuesday 2018-05-15).
@pytest.mark.parametrize(
    "text,pub,expr,start,end",
    [
        (
            "Trump's unexpected announcement Sunday comes as the two countries prepare for additional trade talks.",
            AP,
            "Sunday",
            D(2018, 5, 13),
            None,
        ),
        (
            "The two countries prepare for additional trade talks in Washington this week.",
            AP,
            "this week",
            D(2018, 5, 14),
            D(2018, 5, 20),
        ),
        (
            "The foreign ministry said Vice Premier Liu He will visit the U.S. from Tuesday to Saturday for talks.",
            AP,
            "from Tuesday to Saturday",
            D(2018, 5, 15),
            D(2018, 5, 19),
        ),
        ("China on Monday welcomed Trump's comments.", AP, "Monday", AP, None),
        (
            "The U.S. Commerce Department last month blocked the ZTE Corp.",
            AP,
            "last month",
            D(2018, 4, 1),
            D(2018, 4, 30),
        ),
        (
            "ZTE said in early May that it had halted its main operations.",
            AP,
            "early May",
            D(2018, 5, 1),
            D(2018, 5, 10),
        ),
        (
            "The U.S. responded to ZTE's punishment at trade talks in Beijing this month.",
            AP,
            "this month",
            D(2018, 5, 1),
            D(2018, 5, 31),
        ),
        (
            "He said that Mr Liu would travel to Washington from today to Saturday to continue trade talks.",
            REUTERS,
            "from today to Saturday",
            D(2018, 5, 15),
            D(2018, 5, 19),
        ),
        (
            "Lu Kang told a regularly scheduled news briefing yesterday that China greatly appreciated it.",
            REUTERS,
            "yesterday",
            D(2018, 5, 14),
            None,
        ),
        (
            "Mr Trump's announcement on Sunday was a stunning reversal.",
            REUTERS,
            "Sunday",
            D(2018, 5, 13),
            None,
        ),
        (
            "It forced the company to say last week that it had suspended its main operations.",
            REUTERS,
            "last week",
            D(2018, 5, 7),
            D(2018, 5, 13),
        ),
        (
            "During trade talks in Beijing earlier this month, Liu He raised the issue.",
            REUTERS,
            "earlier this month",
            D(2018, 5, 1),
            D(2018, 5, 14),
        ),
        (
            "It was punishment for ZTE breaking a 2017 agreement.",
            REUTERS,
            "2017",
            D(2017, 1, 1),
            D(2017, 12, 31),
        ),
        (
            "In a second tweet on Sunday, Mr Trump said past US trade deals would be fixed.",
            REUTERS,
            "Sunday",
            D(2018, 5, 13),
            None,
        ),
    ],
)
def test_example_story(text, pub, expr, start, end):
    _check(text, pub, expr, start, end)


def test_example_vague_recent_weeks():
    d = _one(
        "The two have proposed tens of billions of dollars in tariffs in recent weeks, fanning worries.",
        REUTERS,
    )
    assert (d.text, d.date, d.end, d.resolved, d.note) == (
        "recent weeks",
        None,
        None,
        False,
        "vague",
    )


@pytest.mark.parametrize(
    "text,pub,expr,start,end",
    [
        # weekdays: past by default, future when the sentence is future-marked
        ("Tuesday's meeting ended without a deal.", REUTERS, "Tuesday", REUTERS, None),
        ("Officials met on Wednesday.", AP, "Wednesday", D(2018, 5, 9), None),
        ("Officials will meet on Wednesday.", AP, "Wednesday", D(2018, 5, 16), None),
        ("Talks are scheduled to resume on Thursday.", AP, "Thursday", D(2018, 5, 17), None),
        ("The delegation is due to arrive Friday.", AP, "Friday", D(2018, 5, 18), None),
        ("The firm plans to report results on Friday.", AP, "Friday", D(2018, 5, 18), None),
        ("On Thursday, the committee will vote.", AP, "Thursday", D(2018, 5, 17), None),
        ("She said she'll decide Friday.", AP, "Friday", D(2018, 5, 18), None),
        ("They meet next Tuesday.", AP, "next Tuesday", D(2018, 5, 15), None),
        ("They met last Tuesday.", REUTERS, "last Tuesday", D(2018, 5, 8), None),
        ("They met last Monday.", AP, "last Monday", D(2018, 5, 7), None),
        ("The vote is this Friday.", AP, "this Friday", D(2018, 5, 18), None),
        ("Trump, who will visit Asia, spoke Sunday.", AP, "Sunday", D(2018, 5, 13), None),
        # ranges
        (
            "They met from Monday through Friday.",
            REUTERS,
            "from Monday through Friday",
            D(2018, 5, 14),
            D(2018, 5, 18),
        ),
        (
            "It happened between May 3 and May 5.",
            AP,
            "between May 3 and May 5",
            D(2018, 5, 3),
            D(2018, 5, 5),
        ),
        ("The summit runs May 3-5 in Singapore.", AP, "May 3-5", D(2018, 5, 3), D(2018, 5, 5)),
        (
            "The summit ran 3\u20135 May 2018.",
            None,
            "3\u20135 May 2018",
            D(2018, 5, 3),
            D(2018, 5, 5),
        ),
        ("Shops close Monday through Friday.", AP, "Monday through Friday", AP, D(2018, 5, 18)),
        (
            "The fair ran from Dec. 28 to Jan. 3.",
            D(2019, 1, 10),
            "from Dec. 28 to Jan. 3",
            D(2018, 12, 28),
            D(2019, 1, 3),
        ),
        (
            "It ran from Thursday to Tuesday.",
            D(2018, 5, 16),
            "from Thursday to Tuesday",
            D(2018, 5, 10),
            D(2018, 5, 15),
        ),
        (
            "Output fell from 2015 to 2017.",
            None,
            "from 2015 to 2017",
            D(2015, 1, 1),
            D(2017, 12, 31),
        ),
        # days relative to the publication date
        ("He spoke today.", AP, "today", AP, None),
        ("He speaks tonight.", AP, "tonight", AP, None),
        ("He spoke this morning.", AP, "this morning", AP, None),
        ("He arrives tomorrow.", AP, "tomorrow", D(2018, 5, 15), None),
        ("He spoke last night.", AP, "last night", D(2018, 5, 13), None),
        ("He left two days ago.", AP, "two days ago", D(2018, 5, 12), None),
        ("The storm hit over the weekend.", AP, "the weekend", D(2018, 5, 12), D(2018, 5, 13)),
        # weeks, months, years relative to the publication date
        ("Talks resume next week.", AP, "next week", D(2018, 5, 21), D(2018, 5, 27)),
        ("Talks resume next month.", AP, "next month", D(2018, 6, 1), D(2018, 6, 30)),
        ("Sales fell last year.", AP, "last year", D(2017, 1, 1), D(2017, 12, 31)),
        ("Sales rose this year.", AP, "this year", D(2018, 1, 1), D(2018, 12, 31)),
        ("Sales will rise next year.", AP, "next year", D(2019, 1, 1), D(2019, 12, 31)),
        ("Sales rose last month.", D(2018, 1, 9), "last month", D(2017, 12, 1), D(2017, 12, 31)),
        ("Prices rose over the past week.", AP, "the past week", D(2018, 5, 7), D(2018, 5, 13)),
        ("It opens later this month.", AP, "later this month", D(2018, 5, 15), D(2018, 5, 31)),
        # months without a year
        ("It happened in mid-May.", D(2018, 6, 1), "mid-May", D(2018, 5, 11), D(2018, 5, 20)),
        ("It happened in late May.", D(2018, 6, 1), "late May", D(2018, 5, 21), D(2018, 5, 31)),
        ("It happened in early June.", AP, "early June", D(2017, 6, 1), D(2017, 6, 10)),
        ("It happened in May.", AP, "May", D(2018, 5, 1), D(2018, 5, 31)),
        ("It closed in July.", AP, "July", D(2017, 7, 1), D(2017, 7, 31)),
        ("It will open in July.", AP, "July", D(2018, 7, 1), D(2018, 7, 31)),
        ("It will open in March.", AP, "March", D(2019, 3, 1), D(2019, 3, 31)),
        ("In May the firm halted work.", AP, "May", D(2018, 5, 1), D(2018, 5, 31)),
        ("Prices fell last June.", AP, "last June", D(2017, 6, 1), D(2017, 6, 30)),
        # absolute dates
        ("It was signed on May 14, 2018 in Beijing.", None, "May 14, 2018", D(2018, 5, 14), None),
        ("It was signed on 14 May 2018 in Beijing.", None, "14 May 2018", D(2018, 5, 14), None),
        ("It was signed on 2018-05-14.", None, "2018-05-14", D(2018, 5, 14), None),
        ("It was signed Monday, May 14, 2018.", None, "Monday, May 14, 2018", D(2018, 5, 14), None),
        ("It was signed on May 14.", AP, "May 14", D(2018, 5, 14), None),
        ("It was signed on Dec. 20.", AP, "Dec. 20", D(2017, 12, 20), None),
        ("It was signed on Jan. 5.", D(2018, 12, 20), "Jan. 5", D(2019, 1, 5), None),
        # past tense, and the nearest May 4 months after publication: the last one
        ("She was arrested on May 4th.", D(2018, 11, 17), "May 4th", D(2018, 5, 4), None),
        ("The vote will be held on May 4.", D(2018, 11, 17), "May 4", D(2019, 5, 4), None),
        (
            "The law takes effect on May 4.",
            D(2018, 11, 17),
            "May 4",
            D(2019, 5, 4),
            None,
        ),  # no tense word
        ("It was signed on Sept. 3, 2016.", None, "Sept. 3, 2016", D(2016, 9, 3), None),
        ("It was signed on the 3rd of March 2016.", None, "3rd of March 2016", D(2016, 3, 3), None),
        ("Results are due in May 2019.", AP, "May 2019", D(2019, 5, 1), D(2019, 5, 31)),
        ("It grew in late 2017.", None, "late 2017", D(2017, 9, 1), D(2017, 12, 31)),
        ("It was founded in 2017.", None, "2017", D(2017, 1, 1), D(2017, 12, 31)),
        ("It has grown since 1999.", None, "1999", D(1999, 1, 1), D(1999, 12, 31)),
        ("Trump's 2016 campaign was costly.", None, "2016", D(2016, 1, 1), D(2016, 12, 31)),
        ("Their 2017 election was close.", None, "2017", D(2017, 1, 1), D(2017, 12, 31)),
        ("It was popular in the 1990s.", None, "1990s", D(1990, 1, 1), D(1999, 12, 31)),
    ],
)
def test_resolution(text, pub, expr, start, end):
    _check(text, pub, expr, start, end)


def test_direction_from_tense_in_the_clause_that_holds_the_weekday():
    past, future = find_dates(
        "Liu met Xi on Tuesday. Liu will meet Xi on Tuesday.", "s", D(2018, 5, 17)
    )
    assert (past.date, future.date) == (D(2018, 5, 15), D(2018, 5, 22))


def test_future_range_that_wraps_past_the_weekend():
    d = _one("Liu will visit from Thursday to Monday.", AP)
    assert (d.date, d.end) == (D(2018, 5, 17), D(2018, 5, 21))


def test_no_publication_date_leaves_relative_dates_unresolved():
    found = find_dates(
        "Trump spoke on Sunday. The ban came last month. Liu visits from Tuesday to Saturday, "
        "in early May, yesterday and on May 14.",
        "s",
        None,
    )
    assert [d.text for d in found] == [
        "Sunday",
        "last month",
        "from Tuesday to Saturday",
        "early May",
        "yesterday",
        "May 14",
    ]
    for d in found:
        assert (
            d.resolved is False
            and d.date is None
            and d.end is None
            and "publication date" in d.note
        )


def test_absolute_dates_resolve_without_publication_date():
    found = find_dates(
        "Signed May 14, 2018, under a 2017 agreement, and amended 2018-06-01.", "s", None
    )
    assert [(d.date, d.resolved) for d in found] == [
        (D(2018, 5, 14), True),
        (D(2017, 1, 1), True),
        (D(2018, 6, 1), True),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "In recent days, talks stalled.",
        "In the coming weeks, talks resume.",
        "Over the past few months, talks stalled.",
        "In recent months talks stalled.",
    ],
)
def test_vague(text):
    d = _one(text, AP)
    assert (d.resolved, d.date, d.note) == (False, None, "vague")


@pytest.mark.parametrize(
    "text",
    [
        "A deal dated February 30, 2019 appeared.",
        "A deal dated Feb. 30 appeared.",
        "A deal dated 2019-02-30 appeared.",
        "A deal dated 31 April 2018 appeared.",
    ],
)
def test_invalid_dates_are_found_but_unresolved(text):
    for pub in (AP, None):
        d = _one(text, pub)
        assert (d.resolved, d.date, d.note) == (False, None, "invalid date")


@pytest.mark.parametrize(
    "text",
    [
        "He may go. May I ask?",
        "The 2017 employees left.",
        "A 10-year-old boy. 2018 people.",
        "It cost $2017 in all.",
        "It had 12,017 staff and 2,018 shops.",
        "Call at 10:30 or 9 p.m.",
        "Shares rose 2018 points.",
        "The Sunday Times reported it.",
        "Black Friday sales rose.",
        "He read USA Today.",
        "He met Theresa May's aides.",
        "It is 1,999 miles away.",
        "Page 2017 of the file.",
    ],
)
def test_not_dates(text):
    assert find_dates(text, "s", AP) == []


def test_overlapping_matches_keep_the_longest():
    texts = [
        d.text
        for d in find_dates("It ran from May 3 to May 5, 2018 and earlier this month.", "s", AP)
    ]
    assert texts == ["from May 3 to May 5, 2018", "earlier this month"]


def test_sorted_by_offset_and_spans_slice_back():
    text = "Last year, yesterday and on Sunday; next week in May 2019."
    found = find_dates(text, "src", AP)
    assert [d.span.start for d in found] == sorted(d.span.start for d in found)
    assert [text[d.span.start : d.span.end] for d in found] == [
        "Last year",
        "yesterday",
        "Sunday",
        "next week",
        "May 2019",
    ]


def test_resolve_single_expression():
    assert resolve("last month", AP) == (
        D(2018, 4, 1),
        D(2018, 4, 30),
        "last month relative to publication date",
    )
    assert resolve("May 14, 2018", None)[:2] == (D(2018, 5, 14), None)
    assert resolve("Sunday", None) == (None, None, "relative date with no publication date")
    assert resolve("Wednesday", AP)[0] == D(2018, 5, 9)
    assert resolve("Wednesday", AP, future=True)[0] == D(2018, 5, 16)
    assert resolve("from Tuesday to Saturday", AP, future=True)[:2] == (
        D(2018, 5, 15),
        D(2018, 5, 19),
    )
    assert resolve("recent weeks", AP) == (None, None, "vague")
    assert resolve("February 30", AP) == (None, None, "invalid date")
    assert resolve("no date here", AP) == (None, None, "not a date expression")


def test_extreme_publication_dates_do_not_raise():
    for pub in (D.min, D.max):
        for d in find_dates(
            "Sunday, tomorrow, next year, last month, May 14 and in early May.", "s", pub
        ):
            assert d.resolved == (d.date is not None)


_WORDS = [
    "Sunday",
    "Monday",
    "May",
    "Feb.",
    "Sept.",
    "14",
    "3",
    "30",
    "2017",
    "2018-05-14",
    ",",
    " ",
    "-",
    "\u2013",
    "from",
    "to",
    "between",
    "and",
    "through",
    "today",
    "yesterday",
    "last",
    "next",
    "this",
    "early",
    "mid-",
    "month",
    "week",
    "year",
    "ago",
    "two",
    "in",
    "on",
    "a",
    "the",
    "recent",
    "weeks",
    "will",
    "said",
    "'s",
    "\n",
    ". ",
    "x",
    "I",
    "$",
    "1990s",
    "\u017f",
    "K",
]


@settings(max_examples=400, deadline=None)
@given(
    words=st.lists(st.sampled_from(_WORDS) | st.text(max_size=4), max_size=30),
    pub=st.none() | st.dates(),
    sep=st.sampled_from(["", " "]),
)
def test_never_raises_and_spans_slice_back(words, pub, sep):
    text = sep.join(words)
    found = find_dates(text, "s", pub)
    assert [d.span.start for d in found] == sorted(d.span.start for d in found)
    for prev, d in zip([None, *found], found):
        assert text[d.span.start : d.span.end] == d.text and d.text
        assert d.resolved == (d.date is not None)
        assert d.end is None or (d.date is not None and d.end >= d.date)
        assert prev is None or prev.span.end <= d.span.start


@pytest.mark.parametrize(
    ("text", "expr", "start", "end"),
    [
        (
            "In April last year an 8.6-magnitude quake struck.",
            "April last year",
            "2012-04-01",
            "2012-04-30",
        ),
        ("It opened in May of next year.", "May of next year", "2014-05-01", "2014-05-31"),
        ("Sales fell in June this year.", "June this year", "2013-06-01", "2013-06-30"),
    ],
)
def test_a_month_of_last_or_next_year_counts_from_the_publication_year(text, expr, start, end):
    (d,) = find_dates(text, "s", D(2013, 7, 2))
    assert d.text == expr and (d.date, d.end) == (D.fromisoformat(start), D.fromisoformat(end))


def test_without_a_publication_date_the_article_date_line_anchors_relative_dates():
    text = (
        "http://example.com/news/quake\n\nQuake hits Aceh\n\nWEDNESDAY 03 JULY 2013\n\n"
        "The quake struck yesterday afternoon. In April last year another quake hit."
    )
    found = {d.text: d for d in find_dates(text, "s", None)}
    assert found["yesterday"].date == D(2013, 7, 2)
    assert "date line" in found["yesterday"].note
    assert found["April last year"].date == D(2012, 4, 1)
    assert date_line(text) == D(2013, 7, 3)


@pytest.mark.parametrize(
    "text",
    [
        "The council met on May 14, 2018, and voted to close the bridge.\n\nMore later.",
        "Quake hits Aceh\n\nThe quake struck on Tuesday.",
        "\n\n".join(["A short line."] * 7 + ["July 2, 2013"]),
    ],
)
def test_no_date_line_in_a_sentence_or_below_the_top(text):
    assert date_line(text) is None


# --- numeric dates with a year: day first or month first only where that is shown -----------


@pytest.mark.parametrize(
    "expr, day",
    [
        ("15/09/2013", D(2013, 9, 15)),
        ("9/15/2013", D(2013, 9, 15)),
        ("05/05/2013", D(2013, 5, 5)),
    ],
)
def test_numeric_dates_whose_numbers_show_the_order(expr, day):
    assert resolve(expr, None) == (day, None, "absolute")


def test_an_ambiguous_numeric_date_is_not_guessed():
    assert resolve("05/09/2013", None) == (None, None, "day and month order unknown")
    assert resolve("31/02/2013", None)[2] == "invalid date"


def test_an_ambiguous_numeric_date_follows_the_order_of_the_page():
    text = "The report of 05/09/2013 replaced the one of 28/08/2013."
    found = [(d.text, d.date) for d in find_dates(text, "s", None)]
    assert found == [("05/09/2013", D(2013, 9, 5)), ("28/08/2013", D(2013, 8, 28))]
    text = "The report of 05/09/2013 replaced the one of 08/28/2013."
    assert find_dates(text, "s", None)[0].date == D(2013, 5, 9)


def test_a_numeric_date_line_stands_in_for_the_publication_date():
    assert date_line("Climbers killed\n\nLast updated 15:48 15/09/2013\n\nText.") == D(2013, 9, 15)


@pytest.mark.parametrize(
    "text, expr, day",
    [
        ("The ship thwarted an attack on 10 Nov 11.", "10 Nov", D(2011, 11, 10)),  # 'D Mon YY'
        ("On 3 May 15 people died in the floods.", "3 May", D(2011, 5, 3)),
        ("The ship thwarted an attack on Nov 11.", "Nov 11", D(2011, 11, 11)),
    ],
)
def test_a_month_after_a_days_number_is_that_day_not_the_month_of_the_next_number(text, expr, day):
    found = _one(text, D(2011, 11, 15))
    assert (found.text, found.date) == (expr, day)
