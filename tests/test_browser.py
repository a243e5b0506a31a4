"""newsweave serve in a real browser: Playwright drives Debian's Chromium against a loopback server.

The list, search, a story, a citation's highlighted span, an upload; and article text carrying
script payloads, shown on every page, proven inert in the browser. Screenshots go to
`test-artifacts/browser/`. The whole module skips, with the reason, when `/usr/bin/chromium` (the
Debian package, installed by `.ci/run`) or the `playwright` package is missing; the browser is
never downloaded (no `playwright install`).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import quote

import pytest

CHROMIUM = Path(os.environ.get("NEWSWEAVE_CHROMIUM", "/usr/bin/chromium"))
if not CHROMIUM.exists():
    pytest.skip(
        f"browser tests need Chromium at {CHROMIUM} (Debian: apt-get install chromium)",
        allow_module_level=True,
    )
sync_api = pytest.importorskip(
    "playwright.sync_api",
    reason="browser tests need the playwright package (pip install -e '.[test]')",
)
pytest.importorskip("fastapi")

import newsweave  # noqa: E402
from corpus_fixtures import BRIDGE, FLOOD  # noqa: E402
from live_server import live_server  # noqa: E402
from newsweave.serve import create_app  # noqa: E402
from test_serve import make_store  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "test-artifacts" / "browser"
# no background traffic: without these Chromium keeps opening connections to the outside
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]
XSS = [
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=1">',
    '"><svg onload="window.__xss=1">',
    "<img src=x onerror=alert(1)>",
]
EXECUTED = "typeof window.__xss !== 'undefined'"
ACTIVE = "document.querySelectorAll('script, img, svg, iframe, object, embed, [onerror], [onload]').length"


# --- the server, the browser, a page that records what it did -----------------------------------
# Module scope, not session: Playwright's sync API keeps an asyncio loop running in this thread
# while it is started, and other modules' tests call asyncio.run().
@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=ARGS, headless=True
        )
        yield launched  # each launch gets a fresh, temporary profile
        launched.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory, pipeline):
    with live_server(
        create_app(make_store(tmp_path_factory.mktemp("browser")), pipeline=pipeline)
    ) as url:
        yield url


@pytest.fixture(scope="module")
def evil_site(tmp_path_factory, pipeline):
    """A store whose titles, outlets, ids and texts carry the payloads."""
    path = tmp_path_factory.mktemp("browser-xss") / "xss.db"
    evil = []
    for i, (outlet, published, title, text) in enumerate(BRIDGE + FLOOD):
        bad = XSS[i % len(XSS)]
        evil.append(
            {
                "outlet": f"{outlet} {bad}",
                "published": published,
                "title": f"{title} {bad}",
                "url": "javascript:window.__xss=1",
                "id": f"{i}{bad}",
                "text": text.replace(" said", f" said {bad}", 1)
                + f"\n\nMore {XSS[(i + 1) % len(XSS)]} text.",
            }
        )
    with newsweave.open_store(path) as store:
        newsweave.ingest_records(evil, store)
    with live_server(create_app(path, pipeline=pipeline)) as url:
        yield url


class Visit:
    """A page in a fresh context that records dialogs, failed requests and every URL it asked for."""

    def __init__(self, browser, base: str, viewport: dict | None = None, **options):
        self.base = base
        viewport = viewport or {"width": 1100, "height": 900}
        self.context = browser.new_context(viewport=viewport, **options)
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("request", lambda r: self.requests.append(r.url))

    def go(self, path: str):
        response = self.page.goto(self.base + path)
        self.page.wait_for_load_state("load")
        return response

    def shot(self, name: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)

    def outside(self) -> list[str]:
        return [u for u in self.requests if not u.startswith((self.base + "/", "data:", "about:"))]

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser, site):
    v = Visit(browser, site)
    yield v
    assert v.dialogs == [] and v.outside() == []
    v.close()


def background(page, selector: str) -> str:
    return page.eval_on_selector(selector, "e => getComputedStyle(e).backgroundColor")


# --- the pages, as a reader uses them -------------------------------------------------------------
def test_list_search_story_and_a_highlighted_citation(visit):
    page = visit.page
    assert visit.go("/").status == 200
    rows = page.locator("table.stories tbody tr")
    assert rows.count() == 2 and "Marsh Valley" in rows.first.inner_text()
    visit.shot("01-list")
    page.fill("form.find input[name=q]", "ferry")
    page.press("form.find input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/search\?q=ferry"))
    assert page.locator("mark", has_text=re.compile("^ferry$", re.I)).count() >= 1
    visit.shot("02-search")
    page.locator("a[href^='/stories/']").first.click()
    page.wait_for_url(re.compile(r"/stories/s[0-9a-f]+$"))
    assert "Bridge" in page.locator("h1").inner_text()
    assert (
        page.locator("#summary").is_visible() and page.locator("#sources article.src").count() == 3
    )
    cite = page.locator("#summary a[href^='#s']").first
    target = cite.get_attribute("href")[1:]
    span = f"#sources mark[id='{target}']"
    before = background(page, span)
    cite.click()
    page.wait_for_url(re.compile(f"#{re.escape(target)}$"))
    assert (
        page.evaluate("document.querySelector(':target') && document.querySelector(':target').id")
        == target
    )
    assert page.eval_on_selector(span, "e => e.matches(':target') && !!e.closest('#sources')")
    after = background(page, span)
    assert after != before and after not in ("rgba(0, 0, 0, 0)", "transparent"), (before, after)
    assert page.locator(span).is_visible() and page.locator(span).inner_text().strip()
    visit.shot("03-story-citation")


def test_the_story_opens_at_a_glance_with_the_grid_and_folds_the_rest(visit):
    page = visit.page
    visit.go("/")
    page.locator("a[href^='/stories/']", has_text="Bridge").first.click()
    page.wait_for_url(re.compile(r"/stories/s[0-9a-f]+$"))
    glance, grid = page.locator("#at-a-glance"), page.locator("#coverage table.coverage")
    assert glance.is_visible() and grid.is_visible()
    assert glance.locator("ol li").count() >= 1
    assert grid.locator("tr").count() == glance.locator("ol li").count() + 1
    assert page.locator("details.section").count() >= 4
    facts = page.locator("details.section", has=page.locator("#facts"))
    assert not page.locator("#facts").is_visible()
    visit.shot("08-story-at-a-glance")
    facts.locator("> summary").click()  # no script: the browser unfolds it
    assert page.locator("#facts").is_visible() and facts.get_attribute("open") is not None
    cell = grid.locator("td.states a").first
    target = cell.get_attribute("href")[1:]
    assert not page.locator(f"#sources mark[id='{target}']").is_visible()
    cell.click()  # a cited cell unfolds the sources and shows its span
    page.wait_for_url(re.compile(f"#{re.escape(target)}$"))
    span = page.locator(f"#sources mark[id='{target}']")
    assert span.is_visible() and span.inner_text().strip()
    assert page.locator("script").count() == 0
    visit.shot("09-story-grid-citation")


def test_the_list_filter_finds_a_story(visit):
    page = visit.page
    visit.go("/")  # the one search box finds articles, then the stories they belong to
    page.fill("form.find input[name=q]", "flooded")
    page.press("form.find input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/search\?q=flooded"))
    page.click("text=the stories they belong to")
    page.wait_for_url(re.compile(r"/\?q=flooded$"))
    assert page.input_value("form.find input[name=q]") == "flooded"
    titles = page.locator("table.stories tbody tr a").all_inner_texts()
    assert len(titles) == 1 and "Marsh Valley" in titles[0]
    page.locator("table.stories tbody tr a").first.click()
    page.wait_for_url(re.compile(r"/stories/"))
    assert page.locator("#summary").is_visible()


def test_upload_two_files_gives_a_brief(visit, tmp_path):
    files = []
    for outlet, _, _, text in BRIDGE[1:]:
        files.append(tmp_path / f"{outlet.lower()}.txt")
        files[-1].write_text(text, encoding="utf-8")
    page = visit.page
    visit.go("/upload")
    page.set_input_files("input[type=file][name=files]", [str(f) for f in files])
    visit.shot("04-upload-form")
    with page.expect_navigation():
        page.click("form.upload button")
    assert page.url.endswith("/upload") and page.locator("#summary").is_visible()
    sources = page.locator("#sources article.src").all_inner_texts()
    assert (
        len(sources) == 2
        and any("herald.txt" in s for s in sources)
        and any("courier.txt" in s for s in sources)
    )
    assert page.locator("#summary a[href^='#s']").count() >= 1
    visit.shot("05-upload-brief")


# --- nothing from an article runs ---------------------------------------------------------------
def test_the_harness_sees_a_payload_that_runs(browser, evil_site):
    """The control: with CSP bypassed, the same payloads unescaped do run and are seen."""
    v = Visit(browser, evil_site, bypass_csp=True)
    with v.page.expect_event(
        "dialog", timeout=15000
    ):  # the img's onerror fires when its load fails
        v.page.set_content("<p>" + "".join(XSS) + "</p>")
    assert v.page.evaluate(EXECUTED) and v.dialogs
    v.close()


def xss_pages(base: str) -> list[str]:
    import httpx

    stories = httpx.get(base + "/api/stories").json()
    assert len(stories) == 2
    pages = [
        "/",
        "/?q=window",
        "/?outlet=" + quote("Gazette " + XSS[0]),
        "/search?q=xss",
        "/search?q=script",
        "/search?q=onerror",
        "/upload",
    ]
    pages += [f"/stories/{s['id']}" for s in stories]
    pages += [
        "/stories/" + quote(XSS[0], safe=""),
        "/stories/" + quote(XSS[2], safe=""),
        "/search?q=" + quote(XSS[1], safe=""),
        "/no/" + quote(XSS[1], safe=""),
    ]
    return pages


@pytest.mark.parametrize("csp", ["enforced", "bypassed"])
def test_article_payloads_never_run_in_the_browser(browser, evil_site, csp):
    """Every page, with the server's CSP and with it bypassed (so escaping alone must hold)."""
    v = Visit(browser, evil_site, bypass_csp=csp == "bypassed")
    shown = ""
    for n, path in enumerate(xss_pages(evil_site)):
        v.go(path)
        v.page.wait_for_timeout(30)  # let any handler that got in fire
        assert not v.page.evaluate(EXECUTED), path
        assert v.page.evaluate(ACTIVE) == 0, path
        shown += v.page.inner_text("body")
        if path.startswith("/stories/s") and csp == "bypassed":
            v.shot(f"06-xss-story-{n}")
    for payload in XSS:
        assert payload in shown, payload  # visible, as text
    assert v.dialogs == [] and v.outside() == []
    v.close()


def test_uploaded_payloads_never_run_in_the_browser(browser, evil_site, tmp_path):
    v = Visit(browser, evil_site, bypass_csp=True)
    page = v.page
    v.go("/upload")
    for i, (outlet, _, title, text) in enumerate(FLOOD):
        fieldset = page.locator("form.upload fieldset").nth(i)
        fieldset.locator("input[name=outlet]").fill(f"{outlet} {XSS[i]}")
        fieldset.locator("input[name=title]").fill(f"{title} {XSS[2]}")
        fieldset.locator("textarea[name=text]").fill(
            text.replace(" said", f" said {XSS[i + 1]}", 1)
        )
    named = tmp_path / "bridge.txt"
    named.write_text(BRIDGE[0][3] + f"\n\nMore {XSS[3]} text.", encoding="utf-8")
    page.set_input_files("input[type=file][name=files]", [str(named)])
    with page.expect_navigation():
        page.click("form.upload button")
    assert page.locator("#summary").is_visible()
    assert not page.evaluate(EXECUTED) and page.evaluate(ACTIVE) == 0
    body = page.inner_text("body")
    assert all(p in body for p in XSS), body[:500]
    v.shot("07-xss-upload")
    assert v.dialogs == [] and v.outside() == []
    v.close()
