"""The ASGI app: FastAPI routes over `views`, one JSON error shape, limits and headers.

Pages and their JSON twins: `/` and `/index.json`, `/stories/{id}` and `/stories/{id}.json`,
`/search` and `/search.json`, `/upload` and `/upload.json` (GET: the form, POST: a brief);
`Accept: application/json` on a page's own URL gives the twin too. The API lives under `/api`.
Every error is `{"error": {"status", "message", "kind"}}` (an HTML page showing the same for a
browser on a page URL). No path parameter touches the file system: static files are a fixed
set read at start-up, and story ids are only looked up in the store.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

import jinja2
from fastapi import APIRouter, Body, Depends, FastAPI, File, Form, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, BeforeValidator
from starlette.exceptions import HTTPException

from .._version import __version__
from ..errors import (
    InputError,
    MissingExtraError,
    NewsweaveError,
    NoArticlesError,
    NotFoundError,
    ReadOnlyError,
    StoreError,
)
from ..ingest.files import resolved
from ..kinds import Mode
from ..store import Store, open_store
from . import views
from .limits import BodyLimit, TooLarge, error_body

LOG = logging.getLogger("newsweave.serve")
MAX_BODY = 20 * 1024 * 1024
Sort = Literal["newest", "sources"]  # views.SORTS
# a form's empty date field ("since=") means no date, not an invalid one
Day = Annotated[dt.date | None, BeforeValidator(lambda v: v or None)]
# most specific first: the first class an error is an instance of gives its HTTP status
STATUS: list[tuple[type[NewsweaveError], int]] = [
    (NotFoundError, 404),
    (ReadOnlyError, 403),
    (StoreError, 500),
    (MissingExtraError, 500),
    (InputError, 400),
    (NoArticlesError, 400),
    (NewsweaveError, 400),
]
HTTP_KIND = {404: "NotFound", 405: "MethodNotAllowed", 413: "RequestTooLarge"}
STATIC_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}


@dataclass
class Settings:
    store_path: str
    readonly: bool
    max_body: int
    page_wait: float | None = None  # see create_app


class Article(BaseModel):
    """One article to ingest: `text` (or `html`, a web page) and optional metadata."""

    text: str | None = None
    html: str | None = None
    id: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    title: str | None = None


def create_app(
    store_path: str,
    *,
    readonly: bool = False,
    max_body: int = MAX_BODY,
    pipeline=None,
    page_wait: float | None = None,
) -> FastAPI:
    """The web app over the store at `store_path` (created if new, unless `readonly`).
    `page_wait`: a browser (`Accept: text/html`) asking for a story page whose brief is not
    kept waits at most this many seconds for it, then gets a page that reloads itself while the
    brief is made in the background; None: every story page waits for its brief (the JSON twin
    and the API always do)."""
    from ..pipeline import Pipeline

    settings = Settings(str(store_path), readonly, max_body, page_wait)
    open_store(settings.store_path, readonly=readonly).close()  # fail now, not on the first request
    app = FastAPI(
        title="newsweave",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        description="Cross-source briefs of the news stories in a newsweave store.",
    )
    app.state.settings = settings
    app.state.briefs = views.Briefs(pipeline or Pipeline())
    app.state.listings = views.Listings()
    app.state.pages = _templates()
    app.state.static = _static_files()
    app.add_middleware(CrashResponse)  # inside BodyLimit, so a 500 gets the security headers too
    app.add_middleware(BodyLimit, max_body=max_body)
    for cls, handler in HANDLERS.items():
        app.add_exception_handler(cls, handler)
    app.include_router(api)
    app.include_router(pages)
    return app


def _templates() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("newsweave.serve", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["version"] = __version__
    return env


def _static_files() -> dict[str, tuple[bytes, str]]:
    folder = resources.files("newsweave.serve").joinpath("static")
    return {
        f.name: (f.read_bytes(), STATIC_TYPES.get("." + f.name.rsplit(".", 1)[-1], "text/plain"))
        for f in folder.iterdir()
        if f.is_file() and not f.name.startswith(".")
    }


def get_store(request: Request) -> Iterator[Store]:
    """A store connection for one request (SQLite in WAL mode: readers never block the writer)."""
    settings: Settings = request.app.state.settings
    with open_store(settings.store_path, readonly=settings.readonly) as store:
        yield store


# --- responses and errors -----------------------------------------------------------------------
def respond(request: Request, view: views.View) -> Response:
    """The view as its JSON twin, or as its HTML page."""
    if not _is_page(request):
        return JSONResponse(view.data)
    page = request.app.state.pages.get_template(view.template)
    context = {**view.data, **view.extra, "json_url": _json_url(request), "path": request.url.path}
    return HTMLResponse(page.render(context))


def _is_page(request: Request) -> bool:
    """HTML unless the URL is a twin (.json) or the API, or the client asks for JSON alone."""
    path = request.url.path
    if path.endswith(".json") or path.startswith("/api/"):
        return False
    accept = request.headers.get("accept", "")
    return not ("application/json" in accept and "text/html" not in accept)


def _wants_page(request: Request) -> bool:
    """Errors are JSON, except an HTML page for a browser (Accept: text/html) on a page URL."""
    return _is_page(request) and "text/html" in request.headers.get("accept", "")


def _json_url(request: Request) -> str:
    path = request.url.path
    twin = "/index.json" if path == "/" else path + ".json"
    return twin + (f"?{request.url.query}" if request.url.query else "")


def error_response(
    request: Request, status: int, message: str, kind: str, details: Any = None
) -> Response:
    body = error_body(status, message, kind, details)
    if _wants_page(request):
        page = request.app.state.pages.get_template("error.html")
        return HTMLResponse(
            page.render(error=body["error"], json_url=None, path=request.url.path), status
        )
    return JSONResponse(body, status)


async def _newsweave_error(request: Request, exc: NewsweaveError) -> Response:
    status = next(code for cls, code in STATUS if isinstance(exc, cls))
    return error_response(
        request, status, _public(str(exc), request.app.state.settings), type(exc).__name__
    )


def _public(message: str, settings: Settings) -> str:
    """The message as a web client may see it: the store by its file name, never the server's
    folders ("/srv/data/news.db: ..." -> "news.db: ...")."""
    store = Path(settings.store_path)
    for shown in sorted(
        {str(store), str(store.absolute()), str(resolved(store))}, key=len, reverse=True
    ):
        message = message.replace(shown, store.name)
    return message


async def _invalid(request: Request, exc: RequestValidationError) -> Response:
    details = [
        {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
        for e in exc.errors()
    ]
    where = "; ".join(f"{'.'.join(map(str, d['loc']))}: {d['msg']}" for d in details)
    return error_response(request, 422, f"invalid request: {where}", "ValidationError", details)


async def _http_error(request: Request, exc: HTTPException) -> Response:
    message = exc.detail if isinstance(exc.detail, str) else "error"
    if exc.status_code == 404 and message == "Not Found":
        message = f"no page at {request.url.path}"
    return error_response(
        request, exc.status_code, message, HTTP_KIND.get(exc.status_code, "HTTPError")
    )


class CrashResponse:
    """A bug's exception becomes a 500 in the one error shape (a page for a browser), answered
    inside the middleware that adds the security headers (Starlette's own handler of last resort
    answers outside every middleware); the traceback goes to the server log."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = False

        async def tracked(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracked)
        except Exception:
            if started:
                raise  # too late for an error response: the server closes the connection
            LOG.exception("internal error answering %s %s", scope.get("method"), scope.get("path"))
            response = error_response(
                Request(scope), 500, "internal error; see the server log", "InternalError"
            )
            await response(scope, receive, send)


HANDLERS: dict[type[Exception], Any] = {
    NewsweaveError: _newsweave_error,
    RequestValidationError: _invalid,
    HTTPException: _http_error,
}


# --- pages and their JSON twins -----------------------------------------------------------------
pages = APIRouter()


def _twin(router: APIRouter, path: str, twin: str, methods: tuple[str, ...] = ("GET",)):
    """Register one endpoint at a page URL and at its `.json` twin (the twin first, so that
    `/stories/{id}.json` is not read as a story id ending in ".json")."""

    def register(endpoint):
        router.add_api_route(
            twin, endpoint, methods=list(methods), name=endpoint.__name__ + "_json"
        )
        router.add_api_route(
            path,
            endpoint,
            methods=list(methods),
            name=endpoint.__name__,
            response_class=HTMLResponse,
        )
        return endpoint

    return register


def list_query(
    q: str | None = None,
    outlet: str | None = None,
    since: Day = None,
    until: Day = None,
    mode: Mode = "batch",
    sort: Sort = "newest",
    multi: bool = False,
) -> views.ListQuery:
    """The list's filters from the query string (blank words as none), for every list route."""
    return views.ListQuery(
        mode, (q or "").strip() or None, (outlet or "").strip() or None, since, until, sort, multi
    )


@_twin(pages, "/", "/index.json")
def story_list(
    request: Request,
    store: Store = Depends(get_store),
    query: views.ListQuery = Depends(list_query),
    page: int = Query(1, ge=1),
    per_page: int = Query(views.PER_PAGE, ge=1, le=views.MAX_PER_PAGE),
) -> Response:
    """The stories, a page at a time, newest first or most sources first: counts, lede and key
    figure; search (`q`, FTS5), filters by outlet, dates and size (`multi`: two or more articles)."""
    query.page, query.per_page = page, per_page
    return respond(request, views.story_list(store, query, request.app.state.listings))


@_twin(pages, "/stories/{story_id}", "/stories/{story_id}.json")
def story(
    request: Request,
    story_id: str,
    store: Store = Depends(get_store),
    mode: Mode = "batch",
    since: str | None = None,
) -> Response:
    """A story's brief: summary with citations, facts, conflicts, quotes, timeline, sources."""
    settings: Settings = request.app.state.settings
    briefs = request.app.state.briefs
    if settings.page_wait is None or not _wants_page(request):
        view = views.story_page(store, briefs, story_id, mode=mode, since=since or None)
        return respond(request, view)
    view = views.story_page_soon(
        store,
        briefs,
        story_id,
        mode=mode,
        since=since or None,
        wait=settings.page_wait,
        reopen=lambda: open_store(settings.store_path, readonly=settings.readonly),
    )
    response = respond(request, view)
    if view.data.get("preparing"):
        response.status_code = 202  # accepted: the brief is being made
    return response


@_twin(pages, "/search", "/search.json")
def search(
    request: Request, store: Store = Depends(get_store), q: str = "", mode: Mode = "batch"
) -> Response:
    """Articles matching the words (titles and texts, FTS5), each with its story."""
    listings = request.app.state.listings
    return respond(request, views.search(store, q, mode=mode, listings=listings))


@_twin(pages, "/upload", "/upload.json")
def upload_form(request: Request) -> Response:
    """The upload form: paste texts or choose files, get their brief (nothing is stored)."""
    return respond(request, views.upload_form(request.app.state.settings.max_body))


@_twin(pages, "/upload", "/upload.json", methods=("POST",))
def upload(
    request: Request,
    text: list[str] = Form([]),
    outlet: list[str] = Form([]),
    title: list[str] = Form([]),
    published: list[str] = Form([]),
    files: list[UploadFile] = File([]),
) -> Response:
    """The brief of the pasted texts (with their outlet, title, date) and uploaded files."""
    pastes = [
        views.Paste(t, *(_nth(x, i) for x in (outlet, title, published)))
        for i, t in enumerate(text)
    ]
    uploads = [(f.filename or "upload", f.file.read()) for f in files if f.filename]
    return respond(request, views.upload_brief(request.app.state.briefs, pastes, uploads))


def _nth(values: list[str], i: int) -> str | None:
    return values[i] if i < len(values) else None


@pages.get("/static/{name}", include_in_schema=False)
def static(request: Request, name: str) -> Response:
    """One of the packaged static files, by exact name (never a path)."""
    found = request.app.state.static.get(name)
    if found is None:
        raise HTTPException(404, f"no static file {name!r}")
    return Response(found[0], media_type=found[1], headers={"Cache-Control": "max-age=3600"})


# --- the API ------------------------------------------------------------------------------------
api = APIRouter(prefix="/api")


@api.post("/articles")
def ingest_articles(
    articles: list[Article] = Body(...), store: Store = Depends(get_store)
) -> dict[str, Any]:
    """Ingest articles into the store; the run report (as `newsweave ingest --format json`).
    403 when the server runs with `--read-only`."""
    records = [a.model_dump(exclude_none=True) for a in articles]
    return views.ingest_articles(store, records)


@api.get("/stories")
def api_stories(
    request: Request,
    store: Store = Depends(get_store),
    query: views.ListQuery = Depends(list_query),
) -> list[dict[str, Any]]:
    """The stories JSON contract (docs/json-contract.md), every one the list's filters keep
    (not a page), newest first or `sort=sources`."""
    return views.found_stories(store, query, request.app.state.listings)[0]


@api.get("/stories/{story_id}/brief")
def api_brief(
    request: Request,
    story_id: str,
    store: Store = Depends(get_store),
    mode: Mode = "batch",
    since: str | None = None,
) -> dict[str, Any]:
    """The brief JSON contract (docs/json-contract.md) of a stored story."""
    view = views.story_page(
        store, request.app.state.briefs, story_id, mode=mode, since=since or None
    )
    return view.data["brief"]


@api.get("/search")
def api_search(
    request: Request,
    q: str = Query(..., min_length=1),
    store: Store = Depends(get_store),
    limit: int = Query(20, ge=1, le=200),
    mode: Mode = "batch",
) -> list[dict[str, Any]]:
    """Articles matching the words: `article`, `title`, `snippet` (terms in [ ]), `rank`, `story`."""
    listings = request.app.state.listings
    hits = views.search(store, q, mode=mode, limit=limit, listings=listings).data["hits"]
    return [{k: v for k, v in h.items() if k != "parts"} for h in hits]


__all__ = ["MAX_BODY", "TooLarge", "create_app"]
