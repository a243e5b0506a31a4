"""`newsweave serve`: the web UI and HTTP API over a store (FastAPI; the `serve` extra).

    >>> from newsweave.serve import create_app
    >>> app = create_app("news.db", readonly=True)     # any ASGI server can run it
    >>> newsweave.serve.run("news.db", port=8080)       # or: newsweave serve --db news.db

Pages (HTML, each with a JSON twin at the same URL plus `.json`), the API under `/api`, and the
OpenAPI description at `/openapi.json`: see docs/api.md. The web layer is thin: `views` holds
framework-free view functions over the library, `app` the routes, `limits` the body limit and
security headers. FastAPI, uvicorn and Jinja2 are imported only here, never by `newsweave brief`.
"""

from __future__ import annotations

import os
from importlib.util import find_spec

from ..errors import MissingExtraError

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "create_app", "run"]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8080
PAGE_WAIT_S = 0.8  # `newsweave serve`: a browser waits at most this long for an unkept brief
_PACKAGES = {
    "fastapi": "fastapi",
    "starlette": "fastapi",
    "pydantic": "fastapi",
    "jinja2": "jinja2",
    "multipart": "python-multipart",
    "python_multipart": "python-multipart",
    "uvicorn": "uvicorn",
}


def create_app(
    store_path: str | os.PathLike,
    *,
    readonly: bool = False,
    max_body: int | None = None,
    pipeline=None,
    page_wait: float | None = None,
):
    """The ASGI app over the store at `store_path` (see `app.create_app`)."""
    if not (find_spec("python_multipart") or find_spec("multipart")):  # FastAPI needs it for forms
        raise MissingExtraError("python-multipart", "serve", "newsweave serve")
    try:
        from .app import MAX_BODY
        from .app import create_app as make
    except ImportError as exc:
        raise _missing(exc) from exc
    return make(
        os.fspath(store_path),
        readonly=readonly,
        max_body=max_body or MAX_BODY,
        pipeline=pipeline,
        page_wait=page_wait,
    )


def run(
    store_path: str | os.PathLike,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    readonly: bool = False,
) -> None:
    """Serve the store with uvicorn until interrupted (a browser waits at most `PAGE_WAIT_S`
    for a story page whose brief is not kept: see `app.create_app`)."""
    app = create_app(store_path, readonly=readonly, page_wait=PAGE_WAIT_S)
    try:
        import uvicorn
    except ImportError as exc:
        raise _missing(exc) from exc
    uvicorn.run(app, host=host, port=port, log_level="info")


def _missing(exc: ImportError) -> MissingExtraError:
    top = (exc.name or "fastapi").split(".")[0]
    return MissingExtraError(_PACKAGES.get(top, top), "serve", "newsweave serve")
