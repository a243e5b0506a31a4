"""The web app's views: plain functions over the library, free of any web framework.

Each view returns a `View`: `data` is the page's JSON twin, and the HTML page is its template
rendered with `data` plus `extra` (what only the HTML needs, such as the brief's sections
rendered by `report.html`, whose text is escaped by its `esc`). So a page and its twin cannot
drift apart: they are one value shown two ways.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from ..corpus import IngestRun, brief_story, find_story, ingest_records, stories
from ..errors import ReadOnlyError
from ..ingest import IngestResult, read_paths
from ..kinds import MODES
from ..models import Brief
from ..outlets import known_outlet, outlet_key, source_outlet_key
from ..report import html, view
from ..report.corpus import run_dict, stories_list
from ..report.json import to_dict
from ..report.lede import key_figure, lead_article, lede
from ..store import SearchHit, Store

SEARCH_LIMIT = 50
LIST_MATCHES = 10_000  # articles a list search reads: the stories of all of them are listed
PER_PAGE = 50  # stories a list page shows (per_page: 1 to MAX_PER_PAGE)
MAX_PER_PAGE = 200
REFRESH_S = 2  # a story page whose brief is being prepared reloads itself after this
SORTS = ("newest", "sources")
_MARKED = re.compile(r"\[([^\[\]]*)\]")
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass
class View:
    template: str
    data: dict[str, Any]  # the JSON twin
    extra: dict[str, Any] = field(default_factory=dict)  # for the HTML page only


@dataclass
class ListQuery:
    """The story list's filters, order and page, as given in the query string."""

    mode: str = "batch"
    q: str | None = None
    outlet: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    sort: str = "newest"  # or "sources": most independent sources first
    multi: bool = False  # only stories of two or more articles
    page: int = 1
    per_page: int = PER_PAGE

    def given(self) -> dict[str, Any]:
        """Every filter (None when not given), dates as ISO strings; not the page."""
        return {
            k: v.isoformat() if isinstance(v, dt.date) else v
            for k, v in vars(self).items()
            if k not in ("page", "per_page")
        }

    def link(self, page: int) -> str:
        """The query string of another page of the same list (defaults left out)."""
        defaults = ListQuery()
        shown = {k: v for k, v in self.given().items() if v and v != getattr(defaults, k)}
        if self.multi:
            shown["multi"] = 1
        if self.per_page != PER_PAGE:
            shown["per_page"] = self.per_page
        return urlencode({**shown, "page": page})


class Briefs:
    """Computes briefs and keeps the last few story briefs, keyed by the story's articles (a
    brief reads nothing else), so a page and its JSON twin cost one brief, and articles stored
    in other stories do not make a story's kept brief stale. A model briefs one text at a time: story briefs
    take turns on `pipeline`, uploads on `uploads` (a fork of it with a model of its own, made
    at the first upload), so a long upload never holds a story page; a kept brief never waits."""

    def __init__(self, pipeline, size: int = 16, uploads=None):
        self.pipeline = pipeline
        self.size = size
        self._uploads = uploads
        self._story_turn = threading.Lock()
        self._upload_turn = threading.Lock()
        self._kept_lock = threading.Lock()
        self._kept: OrderedDict[tuple, Brief] = OrderedDict()
        self._making: dict[tuple, threading.Thread] = {}  # briefs made in the background
        self._failed: dict[tuple, Exception] = {}  # their errors, raised at the next request

    def story(self, store: Store, story_id: str, *, mode: str, since: str | None) -> Brief:
        key = _key(store, find_story(store, story_id, mode), mode, since)  # NotFoundError
        kept = self._kept_brief(key)
        if kept is not None:
            return kept
        with self._story_turn:
            kept = self._kept_brief(key)  # briefed by the request this one waited for
            if kept is not None:
                return kept
            brief = brief_story(store, story_id, mode=mode, pipeline=self.pipeline, since=since)
        with self._kept_lock:
            self._kept[key] = brief
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)
        return brief

    def story_soon(
        self, store: Store, story_id: str, *, mode: str, since: str | None, wait: float, reopen
    ) -> Brief | None:
        """The story's brief when it is kept or made within `wait` seconds; else None, and the
        brief goes on being made in a background thread (over its own store, `reopen()`) and is
        kept for a later request. An error making it is raised by the next request."""
        key = _key(store, find_story(store, story_id, mode), mode, since)  # NotFoundError
        kept = self._kept_brief(key)
        if kept is not None:
            return kept
        with self._kept_lock:
            job = self._making.get(key)
            if job is None and key not in self._failed:
                job = threading.Thread(
                    target=self._make, args=(key, reopen, story_id, mode, since), daemon=True
                )
                self._making[key] = job
                job.start()
        if job is not None:
            job.join(wait)
        with self._kept_lock:
            failed = self._failed.pop(key, None)
        if failed is not None:
            raise failed
        return self._kept_brief(key)

    def _make(self, key: tuple, reopen, story_id: str, mode: str, since: str | None) -> None:
        try:
            with reopen() as store:
                self.story(store, story_id, mode=mode, since=since)
        except Exception as exc:  # raised to the next request for this brief
            with self._kept_lock:
                self._failed[key] = exc
        finally:
            with self._kept_lock:
                self._making.pop(key, None)

    def _kept_brief(self, key: tuple) -> Brief | None:
        with self._kept_lock:
            if key in self._kept:
                self._kept.move_to_end(key)
            return self._kept.get(key)

    def ingested(self, result: IngestResult) -> Brief:
        with self._upload_turn:
            if self._uploads is None:
                self._uploads = self.pipeline.fork()
            return self._uploads.brief_ingested(result)


def _key(store: Store, story, mode: str, since: str | None) -> tuple:
    """What a story's brief is made of: the story's articles (and what `since` compares with)."""
    return (store.path, story.id, mode, since, tuple(story.articles))


class Listings:
    """The stories of a clustering mode as listed, kept while the store is unchanged (the same
    newest article and the same stored clustering), so paging through the list or searching
    reads and clusters the store once, not per request. `Listings(0)` keeps none."""

    def __init__(self, size: int = 4):
        self.size = size
        self._lock = threading.Lock()
        self._kept: OrderedDict[tuple, list[dict[str, Any]]] = OrderedDict()

    def get(self, store: Store, mode: str) -> list[dict[str, Any]]:
        key = (store.path, mode, store.last_seq(), json.dumps(store.get_state(f"stories.{mode}")))
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
        listed = _listed(store, mode)
        with self._lock:
            self._kept[key] = listed
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)
        return listed


# --- the story list and search ------------------------------------------------------------------
def story_list(store: Store, query: ListQuery, listings: Listings | None = None) -> View:
    """One page of the stories, filtered by search words, outlet, dates and size, in the order
    asked; each with its lede and key figure (`report.lede`), and links to the pages around."""
    shown, listed = found_stories(store, query, listings)
    pages = max(1, -(-len(shown) // query.per_page))
    start = (query.page - 1) * query.per_page
    page = [dict(s) for s in shown[start : start + query.per_page]]  # the kept ones stay as listed
    _add_ledes(store, page)
    links = {
        "next": query.link(query.page + 1) if query.page < pages else None,
        "prev": query.link(min(query.page, pages + 1) - 1) if query.page > 1 else None,
    }
    data = {
        "stories": page,
        "filters": query.given(),
        "count": len(shown),
        "total": len(listed),
        "outlets": _outlets(listed),
        "modes": list(MODES),
        "sorts": list(SORTS),
        "page": query.page,
        "pages": pages,
        "per_page": query.per_page,
        "offset": start,
        **{k: v and f"/index.json?{v}" for k, v in links.items()},
    }
    html_links = {k: v and f"/?{v}" for k, v in links.items()}
    return View("stories.html", data, {**html_links, "default_per_page": PER_PAGE})


def found_stories(
    store: Store, query: ListQuery, listings: Listings | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The stories the filters keep, in the order asked, and every story of the mode."""
    listed = (listings or Listings(0)).get(store, query.mode)
    found = set(store.matching(query.q, limit=LIST_MATCHES)) if query.q else set()
    shown = [s for s in listed if _keep(s, query, found)]
    if query.sort == "sources":  # stable: newest first among equals
        shown.sort(key=lambda s: (-s["independent"], -s["outlets"], -len(s["articles"])))
    return shown, listed


def _add_ledes(store: Store, page: list[dict[str, Any]]) -> None:
    """Each story's `lede` and `figure` (None when it has none): one read of the lead articles'
    texts and one of the remembered briefs' figures for the whole page."""
    leads = {s["id"]: lead_article(s) for s in page}
    texts = {source.id: source for source in store.get(set(leads.values()))}
    stored = store.latest_figures(leads)
    for story in page:
        source = texts.get(leads[story["id"]])
        story["lede"] = lede(source, story["title"]) if source is not None else None
        story["figure"] = key_figure(story, story["lede"], stored.get(story["id"]))


def _listed(store: Store, mode: str) -> list[dict[str, Any]]:
    found = stories(store, mode)
    return stories_list(found, store.catalog(a for s in found for a in s.articles))


def _keep(story: dict[str, Any], query: ListQuery, found: set[str]) -> bool:
    articles = story["articles"]
    if query.multi and len(articles) < 2:
        return False
    if query.q and not any(a["id"] in found for a in articles):
        return False
    if query.outlet and not any(
        source_outlet_key(a["outlet"], a.get("url")) == outlet_key(query.outlet) for a in articles
    ):
        return False
    first, last = story["first"] or story["last"], story["last"] or story["first"]
    if query.since and not (last and last >= query.since.isoformat()):
        return False
    return not (query.until and not (first and first <= query.until.isoformat()))


def _outlets(listed: list[dict[str, Any]]) -> list[str]:
    """The outlets of the listed stories, each once under the name shown for it."""
    named: dict[str, str] = {}
    for a in (a for s in listed for a in s["articles"] if a["outlet"]):
        named.setdefault(outlet_key(a["outlet"]), known_outlet(a["outlet"]) or a["outlet_name"])
    return sorted(set(named.values()), key=str.casefold)


def search(
    store: Store,
    q: str,
    *,
    mode: str = "batch",
    limit: int = SEARCH_LIMIT,
    listings: Listings | None = None,
) -> View:
    """Articles matching the words (FTS5), each with its story."""
    hits = store.search(q, limit=limit) if q.strip() else []
    data = {"query": q, "mode": mode, "limit": limit}
    if not hits:
        return View("search.html", {**data, "hits": [], "count": 0})
    listed = (listings or Listings(0)).get(store, mode)
    story_of = {a["id"]: s for s in listed for a in s["articles"]}
    catalog = store.catalog(h.article for h in hits)
    rows = [_hit(h, story_of.get(h.article), catalog.get(h.article, {})) for h in hits]
    return View("search.html", {**data, "hits": rows, "count": len(rows)})


def _hit(hit: SearchHit, story: dict[str, Any] | None, meta: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "article": hit.article,
        "title": hit.title,
        "snippet": hit.snippet,
        "rank": hit.rank,
        "story": story and story["id"],
        "outlet": meta.get("outlet"),
        "published": meta.get("published"),
        "parts": snippet_parts(hit.snippet),
        "story_title": story and story["title"],
        "story_articles": story and len(story["articles"]),
    }


def snippet_parts(snippet: str) -> list[dict[str, Any]]:
    """The snippet as pieces, `match` true for the words FTS5 marked with [ ]."""
    parts, pos = [], 0
    for m in _MARKED.finditer(snippet):
        parts += [
            {"text": snippet[pos : m.start()], "match": False},
            {"text": m.group(1), "match": True},
        ]
        pos = m.end()
    parts.append({"text": snippet[pos:], "match": False})
    return [p for p in parts if p["text"]]


# --- briefs --------------------------------------------------------------------------------------
def story_page(
    store: Store, briefs: Briefs, story_id: str, *, mode: str = "batch", since: str | None = None
) -> View:
    """A stored story: its listing and its brief (the brief JSON contract under "brief")."""
    brief = briefs.story(store, story_id, mode=mode, since=since)  # NotFoundError for an unknown id
    return _story_view(store, brief, story_id, mode, since)


def story_page_soon(
    store: Store,
    briefs: Briefs,
    story_id: str,
    *,
    mode: str = "batch",
    since: str | None = None,
    wait: float = 1.0,
    reopen=None,
) -> View:
    """`story_page` when the brief is kept or made within `wait` seconds; else a page saying it
    is being prepared, which reloads itself every `REFRESH_S` seconds (no script: a meta
    refresh) while the brief is made in the background (`Briefs.story_soon`)."""
    brief = briefs.story_soon(store, story_id, mode=mode, since=since, wait=wait, reopen=reopen)
    if brief is not None:
        return _story_view(store, brief, story_id, mode, since)
    story = find_story(store, story_id, mode)
    listing = stories_list([story], store.catalog(story.articles))[0]
    data = {"story": listing, "mode": mode, "since": since, "preparing": True}
    return View("preparing.html", data, {"refresh": REFRESH_S})


def _story_view(store: Store, brief: Brief, story_id: str, mode: str, since: str | None) -> View:
    story = find_story(store, story_id, mode)  # clustered by the brief's turn: read alone
    listing = stories_list([story], store.catalog(story.articles))[0]
    return _brief_view("story.html", brief, {"story": listing, "mode": mode, "since": since})


def _brief_view(
    template: str, brief: Brief, data: dict[str, Any], detail: view.Detail = "brief"
) -> View:
    """The brief's page: at a glance and who reports what, then the sections, folded unless
    `detail` is "full" (one `report.view.Report` rendered by `report.html`); its JSON twin is
    the brief contract."""
    report = view.build(brief, detail)
    toc = [(view.GLANCE_ID, view.GLANCE_TITLE)]
    toc += [(view.COVERAGE_ID, view.COVERAGE_TITLE)] if report.coverage else []
    extra = {
        "sections": html.body(report),
        "title": report.title,
        "headline": report.headline,
        "toc": toc + [(s.id, s.title) for s in report.sections],
    }
    return View(template, {**data, "brief": to_dict(brief)}, extra)


@dataclass
class Paste:
    """One article pasted into the upload form."""

    text: str
    outlet: str | None = None
    title: str | None = None
    published: str | None = None


def upload_form(max_body: int) -> View:
    fields = {
        "text": "article text (repeat text/outlet/title/published for more articles)",
        "outlet": "optional",
        "title": "optional",
        "published": "optional, YYYY-MM-DD",
        "files": "article files: any format newsweave brief reads (.txt with .meta.json, .html, "
        ".jsonl, .csv, feeds, WARC)",
    }
    return View(
        "upload.html", {"post": "/upload", "fields": fields, "max_body": max_body, "slots": 3}
    )


def upload_brief(
    briefs: Briefs, pastes: Iterable[Paste], files: Iterable[tuple[str, bytes]]
) -> View:
    """The brief of pasted texts and uploaded files, made in a temporary folder; nothing is stored."""
    with tempfile.TemporaryDirectory(prefix="newsweave-upload-") as tmp:
        root = Path(tmp)
        _write_uploads(root, [p for p in pastes if p.text.strip()], list(files))
        result = read_paths([root])
        _relative(result, root)
        brief = briefs.ingested(result)
    return _brief_view("brief.html", brief, {}, detail="full")  # one upload: shown whole


def _write_uploads(root: Path, pastes: list[Paste], files: list[tuple[str, bytes]]) -> None:
    for number, paste in enumerate(pastes, 1):
        path = root / f"pasted-{number}.txt"
        path.write_text(paste.text, encoding="utf-8")
        meta = {
            k: v
            for k, v in (
                ("outlet", paste.outlet),
                ("title", paste.title),
                ("published", paste.published),
            )
            if v and v.strip()
        }
        if meta:
            path.with_name(path.name + ".meta.json").write_text(json.dumps(meta), encoding="utf-8")
    for name, data in files:
        _free_name(root, safe_name(name)).write_bytes(data)


def safe_name(name: str) -> str:
    """An uploaded file's name reduced to its last part in safe characters (never a path)."""
    base = _UNSAFE_NAME.sub("_", name.replace("\\", "/").rsplit("/", 1)[-1]).lstrip(".")[-120:]
    return base or "upload"


def _free_name(root: Path, name: str) -> Path:
    path, n = root / name, 1
    while path.exists():
        n += 1
        path = root / f"{n}-{name}"
    return path


def _relative(result: IngestResult, root: Path) -> None:
    """Show inputs by their upload names, not the server's temporary folder."""
    prefix = str(root) + "/"
    for s in result.sources:
        s.path, s.where = (x.replace(prefix, "") if x else x for x in (s.path, s.where))
    for skip in result.skipped + result.duplicates:
        skip.path = skip.path.replace(prefix, "")
        skip.reason = skip.reason.replace(prefix, "")
    result.warnings = [w.replace(prefix, "") for w in result.warnings]


# --- the API's ingest ---------------------------------------------------------------------------
def ingest_articles(store: Store, records: list[dict[str, Any]]) -> dict[str, Any]:
    """Ingest records into the store; the run report as `newsweave ingest --format json` prints it."""
    if store.readonly:
        raise ReadOnlyError(
            store.path, "the server runs with --read-only; articles cannot be added"
        )
    run: IngestRun = ingest_records(records, store, name="request")
    return run_dict(run.entries, run.warnings, run.totals)
