"""Quantities with units, what they count, and qualifier-aware comparison."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.extract.numbers import find_numbers, same_quantity


def _found(text, nlp=None):
    doc = nlp(text) if nlp is not None else None
    return [(n.text, n.value, n.unit, n.counts, n.qualifier) for n in find_numbers(text, "s", doc)]


@pytest.mark.parametrize("use_parse", [True, False])
@pytest.mark.parametrize(
    "text,expected",
    [
        ("ZTE, a company with more than 70,000 employees, said in early May that it had halted operations.",
         [("70,000", 70000.0, None, "employees", "more than")]),
        ("The department blocked ZTE from importing American components for seven years.",
         [("seven years", 7.0, "year", None, None)]),
        ("ZTE has asked the department to suspend the seven-year ban on doing business.",
         [("seven-year", 7.0, "year", "ban", None)]),
        ("ZTE sources more than 40 percent of its components from the U.S.",
         [("40 percent", 40.0, "percent", "components", "more than")]),
        ("The company, which had already paid a $1.2 billion fine, paid bonuses.",
         [("$1.2 billion", 1.2e9, "USD", "fine", None)]),
        ("as punishment for ZTE breaking a 2017 agreement", []),
        ("prompting China's second-largest maker of equipment", []),
        ("They proposed tens of billions of dollars in tariffs in recent weeks.", []),
        ("It happened at 10 a.m. on May 14 near a 10-year-old boy.", []),
    ],
)
def test_example_quantities(nlp, use_parse, text, expected):
    assert _found(text, nlp if use_parse else None) == expected


def test_parse_finds_what_a_number_counts_after_by(nlp):
    found = _found("Trump is seeking to cut U.S. trade deficit by $100 billion and to garner new concessions.", nlp)
    assert found == [("$100 billion", 1e11, "USD", "trade deficit", None)]


def test_percent_sign_and_scales():
    assert _found("It grew 5.5% to $3bn.") == [("5.5%", 5.5, "percent", None, None), ("$3bn", 3e9, "USD", None, None)]


def _n(text):
    return find_numbers(text, "s")[0]


def test_same_quantity_with_qualifiers():
    assert same_quantity(_n("more than 70,000 employees"), _n("70,000 employees")) is True
    assert same_quantity(_n("at least 20 people"), _n("25 people")) is True
    assert same_quantity(_n("about 100 people"), _n("98 people")) is True
    assert same_quantity(_n("a $1.2 billion fine"), _n("a $1.4 billion fine")) is False
    assert same_quantity(_n("for seven years"), _n("for five years")) is False
    assert same_quantity(_n("70,000 employees"), _n("70,000 dollars")) is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789$%,.- abmkseventyfourpercentyears")), max_size=80))
def test_never_raises_and_spans_slice_back(text):
    for n in find_numbers(text, "s"):
        assert text[n.span.start : n.span.end] == n.text
