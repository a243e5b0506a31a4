"""The story list's pages and the phone layout in a real browser (Debian's Chromium, Playwright).

Pagination links walk every story; on a 375 x 800 phone viewport no page scrolls sideways (the
list, search, a story, the upload form), with an article whose URL, outlet, title and text carry
words far wider than the screen. Screenshots go to `test-artifacts/browser/`. Skips as
tests/test_browser.py does (no Chromium or no playwright).
"""

from __future__ import annotations

import re

import pytest

import newsweave
from live_server import live_server
from newsweave.serve import create_app
from test_browser import ARGS, CHROMIUM, Visit, sync_api  # skips the module as it does
from test_serve_list import make_list_store

PHONE = {"width": 375, "height": 800}
LONG_WORD = "Supercalifragilistic" * 8
LONG_URL = "https://example.org/" + "very-long-path-segment-" * 12 + "end.html"
WIDE = {
    "outlet": "The " + LONG_WORD + " Gazette",
    "published": "2023-03-11",
    "title": "Harbourmaster " + LONG_WORD + " warns of tides",
    "url": LONG_URL,
    "text": (
        f"The harbourmaster of Westport warned on Saturday that {LONG_WORD} tides of 7 metres would "
        f"reach the quays, in a notice posted at {LONG_URL} for every sailor.\n\n"
        "Boats should stay in port until Monday, the notice said, and the lighthouse keepers agreed."
    ),
}
WIDTH = "[document.documentElement.scrollWidth, window.innerWidth]"


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=ARGS, headless=True
        )
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def list_site(tmp_path_factory, pipeline):
    """The five stories of test_serve_list, and one article far wider than a phone."""
    path = make_list_store(tmp_path_factory.mktemp("browser-list"))
    with newsweave.open_store(path) as store:
        newsweave.ingest_records([WIDE], store)
    with live_server(create_app(path, pipeline=pipeline)) as url:
        yield url


def test_the_page_links_walk_every_story(browser, list_site):
    v = Visit(browser, list_site)
    page = v.page
    v.go("/?per_page=2")
    assert page.locator("nav.pager").inner_text().count("page 1 of 3") == 1
    v.shot("10-list-page-1")
    seen = page.locator("table.stories a.title").all_inner_texts()
    assert page.locator("a[rel=prev]").count() == 0
    while page.locator("a[rel=next]").count():
        with page.expect_navigation():
            page.click("a[rel=next]")
        seen += page.locator("table.stories a.title").all_inner_texts()
    total = len(page.request.get(v.base + "/api/stories").json())
    assert re.search(r"page=3$", page.url) and len(seen) == total == 6
    with page.expect_navigation():
        page.click("a[rel=prev]")
    assert page.url.endswith("page=2")
    v.go("/")
    assert page.locator("table.stories a.title").all_inner_texts() == seen  # one page of all
    page.select_option("form.filters select[name=sort]", "sources")
    page.check("form.filters input[name=multi]")
    with page.expect_navigation():
        page.click("form.filters button")
    assert "sort=sources" in page.url and "multi=1" in page.url
    rows = page.locator("table.stories tbody tr")
    assert rows.count() == 3 and "bridge" in rows.first.inner_text().lower()
    assert rows.first.locator("p.lede").is_visible()
    v.shot("11-list-sources-multi")
    assert v.dialogs == [] and v.outside() == []
    v.close()


def test_no_page_scrolls_sideways_on_a_phone(browser, list_site):
    v = Visit(browser, list_site, viewport=PHONE, is_mobile=True, device_scale_factor=2)
    stories = v.page.request.get(list_site + "/api/stories").json()
    wide = next(s for s in stories if "Harbourmaster" in s["title"])
    bridge = next(s for s in stories if "bridge" in s["title"].lower())
    pages = {
        "list": "/",
        "list-page-2": "/?per_page=2&page=2",
        "search": "/search?q=ferry",
        "search-wide": "/search?q=harbourmaster",
        "story-wide": f"/stories/{wide['id']}",
        "story-bridge": f"/stories/{bridge['id']}",
        "upload": "/upload",
    }
    for n, (name, path) in enumerate(pages.items()):
        assert v.go(path).status == 200, path
        scroll, width = v.page.evaluate(WIDTH)
        v.shot(f"2{n}-phone-{name}")
        assert width == PHONE["width"] and scroll <= width, (path, scroll, width)
    assert v.dialogs == [] and v.outside() == []
    v.close()


def test_the_phone_list_shows_counts_with_their_names(browser, list_site):
    v = Visit(browser, list_site, viewport=PHONE)
    v.go("/")
    row = v.page.locator("table.stories tbody tr").first
    assert v.page.locator("table.stories thead").is_hidden()
    labels = row.locator("td.num").evaluate_all(
        "cells => cells.map(c => getComputedStyle(c, '::before').content)"
    )
    assert labels == ['"Articles "', '"Outlets "', '"Independent "']  # the hidden head's names
    box = row.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    v.close()
