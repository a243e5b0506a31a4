"""Renderers: every format shows the brief, and hostile article text stays inert."""

from __future__ import annotations

import re

import pytest

from newsweave import render
from newsweave.models import Source

HOSTILE = (
    "<script>alert(1)</script> Officials said on Monday the plan <img src=x onerror=alert(2)> would pass. "
    'The minister, Jo Park, said "<b onmouseover=alert(3)>we are ready</b>" to reporters. '
    "[bold]Not markup[/bold] and *stars* stay text.\n\nMore details about the plan came later in the day."
)


@pytest.fixture(scope="module")
def hostile_brief(pipeline):
    s = Source(
        id="h1",
        raw=HOSTILE,
        outlet="<script>x()</script>Evil",
        title='"><script>alert(4)</script>',
        url="javascript:alert(5)",
    )
    t = Source(id="h2", raw=HOSTILE.replace("Monday", "Tuesday"), outlet="Other", title="t")
    return pipeline.run([s, t])


def test_html_escapes_all_article_text(hostile_brief):
    page = render(hostile_brief, "html")
    assert "<script" not in page.lower() and "<img" not in page and "<b " not in page
    assert not re.search(r"<[^>]*\bon\w+=", page), "an event handler attribute made it into a tag"
    assert (
        "javascript:" not in page.split("<body>")[1].split("href=")[0]
        or "href='javascript" not in page
    )
    assert "&lt;script&gt;" in page


def test_markdown_escapes(hostile_brief):
    text = render(hostile_brief, "markdown")
    assert "<script>" not in text and "\\<script\\>" in text


def test_terminal_keeps_brackets_as_text(hostile_brief):
    assert "[bold]Not markup[/bold]" in render(hostile_brief, "text", width=80)


def test_example_in_every_format(example_brief):
    first = example_brief.summary[0].text
    for fmt in ("text", "markdown", "html", "json"):
        out = render(example_brief, fmt, width=100)
        assert out and (first[:40] in out or first[:40].replace('"', "&quot;") in out), fmt


def test_html_citations_point_at_marked_spans(example_brief):
    page = render(example_brief, "html")
    targets = set(re.findall(r"href='#(s\d+-\d+-\d+)'", page))
    ids = set(re.findall(r"<(?:mark|span) id=(s\d+-\d+-\d+)>", page))
    assert targets and targets <= ids


def test_html_shows_removed_boilerplate_and_quote_diff(example_brief):
    page = render(example_brief, "html")
    assert "More From WIBX 950" in page and "site furniture" in page
    assert "<del>" in page and "<ins>" in page


def test_unknown_format():
    with pytest.raises(ValueError):
        render(None, "pdf")
