"""Date expressions resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.extract.dates import find_dates, resolve

D = dt.date
AP, REUTERS = D(2018, 5, 14), D(2018, 5, 15)  # a Monday and a Tuesday


def _one(text, pub):
    found = find_dates(text, "s", pub)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text,pub,expr,start,end",
    [
        ("Trump's unexpected announcement Sunday comes as talks near.", AP, "Sunday", D(2018, 5, 13), None),
        ("China on Monday welcomed Trump's comments.", AP, "Monday", AP, None),
        ("The ministry said Liu He will visit the U.S. from Tuesday to Saturday for talks.", AP, "from Tuesday to Saturday", D(2018, 5, 15), D(2018, 5, 19)),
        ("He said that Mr Liu would travel to Washington from today to Saturday.", REUTERS, "from today to Saturday", D(2018, 5, 15), D(2018, 5, 19)),
        ("Lu Kang told a news briefing yesterday that China agreed.", REUTERS, "yesterday", D(2018, 5, 14), None),
        ("The department last month blocked the company.", AP, "last month", D(2018, 4, 1), D(2018, 4, 30)),
        ("It said in early May that it had halted operations.", AP, "early May", D(2018, 5, 1), D(2018, 5, 10)),
        ("During talks in Beijing earlier this month, officials met.", REUTERS, "earlier this month", D(2018, 5, 1), D(2018, 5, 14)),
        ("The firm said last week that it had suspended work.", REUTERS, "last week", D(2018, 5, 7), D(2018, 5, 13)),
        ("Talks are planned in Washington this week.", AP, "this week", D(2018, 5, 14), D(2018, 5, 20)),
        ("ZTE broke a 2017 agreement.", REUTERS, "2017", D(2017, 1, 1), D(2017, 12, 31)),
        ("It was signed on May 14, 2018 in Beijing.", None, "May 14, 2018", D(2018, 5, 14), None),
        ("It was signed on 2018-05-14.", None, "2018-05-14", D(2018, 5, 14), None),
        ("Results are due in May 2019.", AP, "May 2019", D(2019, 5, 1), D(2019, 5, 31)),
        ("The summit runs May 3-5 in Singapore.", AP, "May 3-5", D(2018, 5, 3), D(2018, 5, 5)),
    ],
)
def test_resolution(text, pub, expr, start, end):
    d = _one(text, pub)
    assert (d.text, d.date, d.end, d.resolved) == (expr, start, end, True)


def test_past_weekday_even_when_a_future_word_follows():
    d = _one("In a second tweet on Sunday, Mr Trump said the countries would overcome it.", REUTERS)
    assert d.date == D(2018, 5, 13)


def test_no_publication_date_means_unresolved_not_guessed():
    for d in find_dates("Trump spoke on Sunday and the ban came last month.", "s", None):
        assert d.resolved is False and d.date is None and "publication date" in d.note


def test_vague_and_invalid_are_found_but_unresolved():
    vague, invalid = find_dates("In recent weeks, a deal dated Feb. 30, 2019 appeared.", "s", AP)
    assert (vague.resolved, vague.note) == (False, "vague")
    assert (invalid.resolved, invalid.note) == (False, "invalid date")


def test_not_dates():
    assert find_dates("He may go. The 2017 employees left. A 10-year-old boy. 2018 people.", "s", AP) == []


def test_resolve_single_expression():
    assert resolve("last month", AP) == (D(2018, 4, 1), D(2018, 4, 30), "last month relative to publication date")
    assert resolve("Sunday", None)[0] is None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Sunday", "May", "14", ",", " ", "2018", "from", "to", "today", "last", "month",
                                  "early", "-", "Feb.", "30", "will", "'s", "\n", "x", "."]), max_size=25))
def test_never_raises_and_spans_slice_back(words):
    text = " ".join(words)
    for pub in (AP, None):
        for d in find_dates(text, "s", pub):
            assert text[d.span.start : d.span.end] == d.text
