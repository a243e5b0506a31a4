"""Publication stamps with numeric dates ("Last updated 15:48 15/09/2013"): read day first or month
first only where the numbers or the page's other numeric dates show the order."""

from __future__ import annotations

import datetime as dt

import pytest

from newsweave.extract.dates import find_dates
from newsweave.extract.stamps import stamp

BODY = (
    "Two climbers died at the weekend in Mount Cook National Park, the second of them after a fall"
    " near the Mount Sefton bivvy, police said.\n\nThe second man fell yesterday, police said."
)


def _page(head: str, later: str = "") -> str:
    """A report with `head` as its stamp and `later` in a long paragraph of its body."""
    return (
        f"Climbers killed\n\n{head}\n\n{BODY}\n\nAn earlier report ({later}) said so." + " x" * 80
    )


@pytest.mark.parametrize(
    "head, day",
    [
        ("Last updated 15:48 15/09/2013", dt.date(2013, 9, 15)),  # 15 is no month: day first
        ("Posted: 9/15/2013 11:10 am EDT", dt.date(2013, 9, 15)),  # 15 is no month: month first
        ("Last updated 10:02 05/05/2013", dt.date(2013, 5, 5)),  # one day either way
    ],
)
def test_a_numeric_stamp_whose_numbers_show_the_order_gives_the_day(head, day):
    assert stamp(_page(head))[0] == day


def test_an_ambiguous_numeric_stamp_gives_no_day():
    assert stamp(_page("Last updated 15:48 05/09/2013")) is None


def test_an_ambiguous_numeric_stamp_is_read_in_the_order_the_page_shows():
    """The page's other numeric date (14/09/2013) shows day first, so 05/09 is 5 September."""
    text = _page("Last updated 15:48 05/09/2013", "first published 14/09/2013")
    assert stamp(text)[0] == dt.date(2013, 9, 5)


def test_a_page_whose_numeric_dates_disagree_shows_no_order():
    text = _page("Last updated 15:48 05/09/2013", "seen 14/09/2013 and 9/14/2013")
    assert stamp(text) is None


def test_yesterday_in_an_article_with_a_numeric_stamp_is_placed():
    text = _page("Last updated 15:48 15/09/2013")
    yesterday = next(d for d in find_dates(text, "s", None) if d.text == "yesterday")
    assert yesterday.date == dt.date(2013, 9, 14) and "date line" in yesterday.note
