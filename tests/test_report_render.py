"""Markdown, HTML and terminal renderers on a small hand-made brief (no NLP pipeline)."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from rich.console import Console

from newsweave.models import (
    Brief,
    Conflict,
    ConflictValue,
    Entity,
    Fact,
    QuoteGroup,
    QuoteMention,
    Removal,
    Role,
    Skipped,
    Source,
    Span,
    SummarySentence,
    TimelineEvent,
)
from newsweave.report import _common
from newsweave.report.html import _marked, to_html
from newsweave.report.markdown import md, to_markdown
from newsweave.report.terminal import print_brief

AP_TEXT = 'The ministry fined Acme $1.2 billion on Monday. Jo Park said "we will appeal the ruling" later.'
RT_TEXT = 'Acme was fined $1 billion, officials said. Park said "we will appeal this ruling".'


def _span(source: Source, needle: str) -> Span:
    start = source.text.index(needle)
    return Span(source.id, start, start + len(needle))


def _quote(source: Source, words: str) -> QuoteMention:
    return QuoteMention(span=_span(source, words), text=words, speaker_id="e1", speaker_text="Park")


def _brief(ap: Source, rt: Source, *, quote_ap: str, quote_rt: str) -> Brief:
    fine_ap, fine_rt = _span(ap, AP_TEXT.split(". ")[0]), _span(rt, "Acme was fined $1 billion")
    group = QuoteGroup(
        "q1",
        "Jo Park",
        "e1",
        [_quote(ap, quote_ap), _quote(rt, quote_rt)],
        variant=True,
        diff=[("=", "we will appeal"), ("-", "the"), ("+", "this"), ("=", "ruling")],
        notes=["wording differs between outlets"],
    )
    return Brief(
        sources=[ap, rt],
        facts=[
            Fact("f1", "Acme was fined.", "corroborated", [fine_ap, fine_rt], ["ap", "rt"], 2),
            Fact(
                "f2", "Park will appeal.", "single-source", [_span(ap, "Jo Park said")], ["ap"], 1
            ),
        ],
        quotes=[group],
        entities=[
            Entity(
                "e1",
                "Jo Park",
                "person",
                ["Mr Park", "Park"],
                ["ap", "rt"],
                roles=[Role("chief executive", fine_ap), Role("chief executive", fine_rt)],
            ),
            Entity("e2", "Acme", "organisation", [], ["ap", "rt"]),
        ],
        conflicts=[
            Conflict(
                "number",
                [
                    ConflictValue("ap", "$1.2 billion", *_offsets(ap, "$1.2 billion")),
                    ConflictValue("rt", "$1 billion", *_offsets(rt, "$1 billion")),
                ],
                subject="the fine",
                note="outlets give different amounts",
                fact_id="f1",
            )
        ],
        timeline=[
            TimelineEvent(
                dt.date(2018, 4, 16), dt.date(2018, 4, 20), "Acme was fined.", [fine_ap], "f1"
            )
        ],
        summary=[
            SummarySentence(
                "Acme was fined by the ministry.", [fine_ap, fine_rt], "corroborated", "f1"
            ),
            SummarySentence(
                "Park said the firm would appeal.",
                [_span(ap, "Jo Park said")],
                "single-source",
                "f2",
            ),
        ],
        skipped=[Skipped("inputs/empty.txt", "no article text found")],
    )


def _offsets(source: Source, needle: str) -> tuple[int, int]:
    span = _span(source, needle)
    return span.start, span.end


@pytest.fixture
def brief() -> Brief:
    ap = Source(
        "ap",
        raw="WASHINGTON (AP) — " + AP_TEXT,
        outlet="AP",
        url="https://apnews.com/x",
        title="Acme fined",
        published=dt.date(2018, 4, 16),
        text=AP_TEXT,
        witness="ap",
        removed=[Removal("WASHINGTON (AP) — ", "dateline", 0, 18)],
    )
    rt = Source(
        "rt",
        raw=RT_TEXT,
        outlet=None,
        path="in/reuters.txt",
        published=dt.date(2018, 4, 17),
        text=RT_TEXT,
        witness="rt",
    )
    return _brief(
        ap, rt, quote_ap="we will appeal the ruling", quote_rt="we will appeal this ruling"
    )


HOSTILE_TEXT = (
    'Officials said <img src=x onerror=alert(1)> the plan ""><script>alert(2)</script>" would pass.'
)


@pytest.fixture
def hostile() -> Brief:
    ap = Source(
        "ap",
        raw="",
        outlet="<b>Evil</b>",
        url="javascript:alert(3)",
        title="<script>alert(1)</script>",
        text=f"{AP_TEXT} {HOSTILE_TEXT}",
    )
    rt = Source(
        "rt",
        raw="",
        outlet="[bold]Other[/bold]",
        text=f"{RT_TEXT} {HOSTILE_TEXT}",
        removed=[Removal("<img src=y onerror=alert(4)>", "<i>x</i>", 0, 5)],
    )
    brief = _brief(
        ap, rt, quote_ap='"><script>alert(2)</script>', quote_rt="<img src=x onerror=alert(1)>"
    )
    brief.summary[0].text = "<script>alert(5)</script> [bold]sum[/bold] *x*"
    brief.skipped[0].reason = "<img src=z onerror=alert(6)>"
    return brief


def _terminal(brief: Brief, **kwargs) -> str:
    console = Console(record=True, width=80, file=io.StringIO(), **kwargs)
    print_brief(brief, console, detail="full")
    return console.export_text()


def test_markdown_has_every_section_in_order(brief):
    text = to_markdown(brief, detail="full")
    glance = ("## At a glance", "## Who reports what")  # the parts every detail level opens with
    heads = [line for line in text.splitlines() if line.startswith("## ") and line not in glance]
    assert heads == [
        "## Summary",
        "## Facts",
        "## Conflicts",
        "## Who said what",
        "## Timeline",
        "## Entities",
        "## Sources",
        "## Skipped inputs",
    ]
    assert text.startswith("# Acme fined\n") and "2 sources, 2 independent" in text
    assert "Acme was fined by the ministry. [1][2]" in text
    assert "(single source: AP)" in text and "2 outlets / 2 independent" in text
    assert "~~the~~" in text and "**this**" in text and "reuters.txt" in text
    assert (
        "2018-04-16 – 2018-04-20" in text and "dateline" in text and "no article text found" in text
    )


def test_markdown_entities_people_first_with_aliases_and_roles(brief):
    text = to_markdown(brief, detail="full")
    assert text.index("### People") < text.index("### Organisations")
    entities = text.split("## Entities")[1]
    line = next(line for line in entities.splitlines() if line.startswith("- **Jo Park**"))
    assert "Mr Park" in line and line.count("chief executive") == 1 and "[1][2]" in line


def test_html_citations_resolve_to_marked_spans(brief):
    page = to_html(brief)
    targets = set(re.findall(r"href='#(s\d+-\d+-\d+)'", page))
    ids = set(re.findall(r"<(?:mark|span) id=(s\d+-\d+-\d+)>", page))
    assert targets and targets <= ids
    first = brief.summary[0].citations[0]
    assert f"<mark id=s1-{first.start}-{first.end}>" in page


def test_html_content(brief):
    page = to_html(brief)
    assert (
        page.startswith("<!doctype html>")
        and "<script" not in page
        and "http" not in page.split("<body>")[0]
    )
    assert "<del>the</del>" in page and "<ins>this</ins>" in page
    assert "(single source: AP)" in page and "2 outlets / 2 independent" in page
    assert "<details><summary>boilerplate removed (1)</summary>" in page and "dateline" in page
    assert "<a href='https://apnews.com/x'" in page and "2018-04-16 – 2018-04-20" in page
    assert (
        page.index("Who said what")
        < page.index("Timeline")
        < page.index("Entities")
        < page.index("Sources")
    )


def test_html_escapes_hostile_text(hostile):
    page = to_html(hostile)
    assert "<script" not in page.lower() and "<img" not in page and "<b>Evil" not in page
    assert not re.search(r"<[^>]*\bon\w+=", page)
    assert "javascript:" not in page.replace(
        "javascript:alert(3)</", ""
    )  # shown as text, never linked
    assert "href='javascript" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert '"><' not in page.split("<body>")[1].replace("'><", "")


def test_markdown_escapes_hostile_text(hostile):
    text = to_markdown(hostile, detail="full")
    assert not re.search(r"(?<!\\)[<>]", text), "an unescaped angle bracket"
    assert "\\<script\\>" in text and "\\<img src=x" in text
    assert "\\[bold\\]" in text and "\\*x\\*" in text and "<javascript" not in text
    assert md("1. item") == "1\\. item" and md("- x|y") == "\\- x\\|y"


def test_terminal_output(brief):
    out = _terminal(brief)
    assert "Acme was fined by the ministry." in out and "[1][2]" in out
    assert "(single source: AP)" in out and "[-the-]" in out and "{+this+}" in out
    assert (
        out.index("Summary") < out.index("Facts") < out.index("Conflicts") < out.index("Timeline")
    )
    assert "the fine" in out and "reuters.txt" in out and "no article text found" in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_terminal_keeps_markup_as_text(hostile):
    out = _terminal(hostile, no_color=True)
    assert (
        "[bold]sum[/bold]" in out
        and "[bold]Other[/bold]" in out
        and "<script>alert(5)</script>" in out
    )


def test_marked_handles_overlapping_nested_and_bad_spans(brief):
    text = "abcdefghij"
    spans = [
        Span("ap", 0, 6),
        Span("ap", 2, 4),
        Span("ap", 4, 8),
        Span("ap", 5, 5),
        Span("ap", 8, 99),
    ]
    html = _marked(brief, text, spans)
    assert html == (
        "<mark id=s1-0-6>ab<mark id=s1-2-4>cd</mark><span id=s1-4-8></span>e"
        "<span id=s1-5-5></span>f</mark>gh<span id=s1-8-99></span>ij"
    )


def test_common_helpers(brief):
    assert _common.label(brief, "rt") == "reuters.txt" and _common.label(brief, "zz") == "zz"
    assert _common.witnesses(brief) == 2 and _common.title(Brief(sources=[])) == "Brief"
    assert list(_common.conflicts_by_kind(brief)) == ["number"]
    assert _common.when(brief.timeline[0]) == "2018-04-16 – 2018-04-20"
    assert [n for n, _ in _common.refs(brief, brief.summary[0].citations)] == [1, 2]


def test_reported_speech_is_marked_reported_and_a_refusal_by_its_cue(brief):
    said = QuoteMention(span=_span(brief.sources[0], "appeal"), text="appeal", kind="indirect")
    said.cue = "said"
    declined = QuoteMention(span=_span(brief.sources[0], "appeal"), text="appeal", kind="indirect")
    declined.cue = "declined"
    assert _common.marks(QuoteGroup("q8", None, None, [said])) == ("(reported) ", "")
    assert _common.marks(QuoteGroup("q9", None, None, [declined])) == ("(declined) ", "")
    assert _common.marks(brief.quotes[0]) == ("\u201c", "\u201d")


def test_quotes_sit_under_one_heading_per_speaker_with_the_unattributed_last(brief):
    ap, rt = brief.sources
    unattributed = QuoteGroup(
        "q2",
        None,
        None,
        [
            QuoteMention(
                span=_span(rt, "we will appeal this ruling"), text="we will appeal this ruling"
            )
        ],
    )
    second = QuoteGroup("q3", "Jo Park", "e1", [_quote(ap, "we will appeal the ruling")])
    brief.quotes = [brief.quotes[0], unattributed, second]
    assert [(name, [g.id for g in gs]) for name, gs in _common.by_speaker(brief.quotes)] == [
        ("Jo Park", ["q1", "q3"]),
        ("unattributed", ["q2"]),
    ]
    page = to_markdown(brief, detail="full")
    section = page[page.index("## Who said what") : page.index("## Timeline")]
    assert section.count("**Jo Park**") == 1 and section.index("**Jo Park**") < section.index(
        "**unattributed**"
    )
    assert to_html(brief).count("<h3>Jo Park</h3>") == 1
    out = _terminal(brief)
    assert out.count("Jo Park\n") == 1


def test_words_whose_speaker_another_outlet_names_say_where_the_name_comes_from(brief):
    """Reuters' "he said" quote, named by AP: every format prints "(named in AP)" beside
    Reuters' words, and nothing beside AP's own."""
    group = brief.quotes[0]
    group.mentions[1].speaker_id = group.mentions[1].speaker_text = None
    group.named_in = ["ap"]
    text_out = _terminal(brief)
    line = next(x for x in text_out.splitlines() if "we will appeal this ruling" in x)
    assert line.rstrip().endswith("(named in AP)")
    assert "named in" not in next(x for x in text_out.splitlines() if "appeal the ruling" in x)
    page = to_markdown(brief, detail="full")
    assert "we will appeal this ruling” *(named in AP)*" in page
    assert page.count("named in") == 1
    assert "this ruling”" in to_html(brief) and "(named in AP)</span>" in to_html(brief)
