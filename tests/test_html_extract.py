"""HTML pages to article text (`ingest.html`), and the article-extraction benchmark's scorer
(`bench/extraction.py`).

The pages here are small hand-written fixtures. The one test that needs the Zyte benchmark in
../shared checks that the scorer still reproduces the published score of trafilatura's output
(no extraction runs there), so the metric cannot drift silently.
"""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT, SHARED
from newsweave.ingest import formats, html
from newsweave.ingest.decode import Unusable
from newsweave.ingest.html import html_article

sys.path.insert(0, str(ROOT / "bench"))
import extraction

BENCH = SHARED / "datasets" / "article-extraction-benchmark"
PARAS = [
    "The council voted on Tuesday to approve the new budget after a long debate that lasted into the night.",
    "Members said the plan would fund schools and roads across the city for the next three years.",
    "Opponents said the budget was too large and promised to challenge it at the next election.",
]
TABLE = (
    "<table><tr><th>Item</th><th>Amount</th></tr><tr><td>Schools</td><td>4 million</td></tr>"
    "<tr><td>Roads</td><td>2 million</td></tr></table>"
)


def page(body: str, title: str = "Budget passes | Example News") -> str:
    return (
        f"<html><head><title>{title}</title></head><body><nav>Home | News | Sport</nav>"
        f"<article>{body}</article><footer>Copyright 2020 Example Media</footer></body></html>"
    )


def paras_html(paras=PARAS) -> str:
    return "".join(f"<p>{p}</p>" for p in paras)


# --- html_article -------------------------------------------------------------------------------


def test_paragraphs_are_separated_by_blank_lines_and_metadata_comes_back():
    text, meta = html_article(page(paras_html()))
    assert text.split("\n\n") == PARAS
    assert meta == {"title": "Budget passes", "published": None, "url": None, "outlet": None}


def test_formats_still_exports_html_article():
    assert formats.html_article is html_article


def test_a_first_paragraph_repeating_the_title_is_dropped():
    text, meta = html_article(page("<h1>Budget passes</h1>" + paras_html()))
    assert meta["title"] == "Budget passes"
    assert text.split("\n\n") == PARAS


@pytest.mark.parametrize(
    "paras, title, kept",
    [
        (["Budget passes", "Body."], "Budget passes", ["Body."]),
        (["BUDGET PASSES!", "Body."], "Budget passes", ["Body."]),  # case and punctuation aside
        (
            ["Council approves the budget", "Body."],
            "Council approves the budget | Example News",
            ["Body."],
        ),
        (
            ["Council approves", "Body."],
            "Council approves the budget",
            None,
        ),  # only a part of it, too short
        (
            ["Budget passes after a long debate", "Body."],
            "Budget passes",
            None,
        ),  # says more than the title
        (["Budget passes"], "Budget passes", None),  # never the only paragraph
        (["Budget passes", "Body."], None, None),
    ],
)
def test_headline_rule(paras, title, kept):
    assert html._without_headline(paras, title) == (paras if kept is None else kept)


def test_tables_are_kept_one_row_a_paragraph_without_the_header_rule():
    text, _ = html_article(page(paras_html() + TABLE))
    assert text.split("\n\n")[3:] == [
        "| Item | Amount |",
        "| Schools | 4 million |",
        "| Roads | 2 million |",
    ]


def test_a_page_without_an_article_is_unusable_with_a_reason():
    with pytest.raises(Unusable, match="no article text found"):
        html_article(
            "<html><head><title>Home</title></head><body><script>var page = 1;</script>"
            "<div><img src='a.png'></div></body></html>"
        )


def test_too_little_found_reads_the_page_again_for_recall(monkeypatch):
    import trafilatura

    calls = []

    def fake(_html, **options):
        calls.append(options)
        return "Home News Sport" if options.get("favor_precision") else "\n".join(PARAS)

    monkeypatch.setattr(trafilatura, "extract", fake)
    text, _ = html_article(page(paras_html()))
    assert text.split("\n\n") == PARAS
    assert [c.get("favor_precision", False) for c in calls] == [True, False]
    assert (
        calls[1]["favor_recall"] and not calls[1]["include_comments"] and calls[1]["include_tables"]
    )


def test_enough_found_needs_one_pass_and_a_shorter_recall_text_never_wins(monkeypatch):
    import trafilatura

    calls = []

    def fake(_html, **options):
        calls.append(options)
        return "\n".join(PARAS) if options.get("favor_precision") else ""

    monkeypatch.setattr(trafilatura, "extract", fake)
    assert html_article(page(paras_html()))[0].split("\n\n") == PARAS
    assert len(calls) == 1
    short = "Only a few words here."
    monkeypatch.setattr(
        trafilatura, "extract", lambda _h, **o: short if o.get("favor_precision") else ""
    )
    assert html_article(page(paras_html()))[0] == short


# --- the benchmark's metric ---------------------------------------------------------------------


def test_shingles_are_token_4grams_and_a_short_text_is_one_shingle():
    assert extraction.shingles("a b c d e") == {"a b c d": 1, "b c d e": 1}
    assert extraction.shingles("Hello, world!") == {"Hello world": 1}
    assert extraction.shingles("") == {}


def test_page_counts_are_normalised_multisets():
    assert extraction.page_counts("a b c d e", "a b c d e") == (1.0, 0.0, 0.0)
    # truth: abcd bcde cdef; prediction: abcd bcdx -> TP 1, FP 1, FN 2
    assert extraction.page_counts("a b c d e f", "a b c d x") == pytest.approx(
        (1 / 4, 1 / 4, 2 / 4)
    )
    assert extraction.page_counts("a b c d a b c d", "a b c d") == pytest.approx((1 / 5, 0, 4 / 5))
    assert extraction.page_counts("", "") == (0.0, 0.0, 0.0)


def test_scores_average_precision_and_recall_over_their_own_pages():
    truth = {"1": "a b c d e", "2": "f g h i j", "3": "k l m n o"}
    pred = {"1": "a b c d e", "2": ""}  # page 3 missing: an empty prediction
    m = extraction.evaluate(truth, pred, n_bootstrap=50, seed=1)
    # precision only over page 1 (pages 2 and 3 have TP + FP = 0); recall over all three
    assert (m["precision"], m["recall"]) == (1.0, pytest.approx(1 / 3))
    assert (
        m["f1"] == pytest.approx(0.5)
        and m["accuracy"] == pytest.approx(1 / 3)
        and m["missing"] == 1
    )
    lo, hi = m["f1_ci"]
    assert 0 <= lo <= hi <= 1
    assert extraction.evaluate(truth, pred, n_bootstrap=50, seed=1)["f1_ci"] == (lo, hi)  # seeded


def test_paired_difference_resamples_both_systems_on_the_same_pages():
    truth = {"1": "a b c d e", "2": "f g h i j"}
    same = extraction.paired_difference(truth, truth, truth, n_bootstrap=20)
    assert same == (0.0, 0.0, 0.0)
    d, lo, hi = extraction.paired_difference(truth, truth, {"1": "a b c d e"}, n_bootstrap=20)
    assert d == pytest.approx(1 - 2 / 3) and lo <= d <= hi


@pytest.mark.shared
@pytest.mark.skipif(
    not (BENCH / "ground-truth.json").is_file(),
    reason="Zyte article-extraction benchmark not present",
)
def test_scorer_reproduces_the_published_trafilatura_score():
    truth = extraction.load_truth(BENCH)
    m = extraction.evaluate(
        truth, extraction.load_output(BENCH / "output" / "trafilatura.json"), n_bootstrap=0
    )
    _, f1, p, r = extraction.PUBLISHED["trafilatura"]
    assert (
        (round(m["f1"], 3), round(m["precision"], 3), round(m["recall"], 3))
        == (f1, p, r)
        == (0.958, 0.938, 0.978)
    )
