"""ASGI middleware: the request body limit (413 in the one error shape) and security headers.

The limit is checked against `Content-Length` before anything is read, and counted while a
body without one (chunked) streams in. Every response gets a Content-Security-Policy that
allows nothing but this server's own styles and forms: no scripts, no outside assets.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.exceptions import HTTPException

CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


def error_body(status: int, message: str, kind: str, details: Any = None) -> dict[str, Any]:
    """The one error shape: {"error": {"status", "message", "kind"[, "details"]}}."""
    error: dict[str, Any] = {"status": status, "message": message, "kind": kind}
    if details is not None:
        error["details"] = details
    return {"error": error}


class TooLarge(HTTPException):
    """The request body passed the limit while it was read."""

    def __init__(self, limit: int):
        super().__init__(413, f"request body larger than the limit of {limit} bytes")


class BodyLimit:
    """Refuse request bodies over `max_body` bytes; add the security headers to every response."""

    def __init__(self, app, max_body: int):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        send = _with_headers(send)
        if self._declared(scope) > self.max_body:
            return await self._refuse(send)
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body:
                raise TooLarge(self.max_body)
            return message

        await self.app(scope, counted, send)

    @staticmethod
    def _declared(scope) -> int:
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    return int(value)
                except ValueError:
                    return 0
        return 0

    async def _refuse(self, send) -> None:
        error = error_body(413, TooLarge(self.max_body).detail, "RequestTooLarge")
        body = json.dumps(error, separators=(",", ":")).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


def _with_headers(send):
    async def sending(message):
        if message["type"] == "http.response.start":
            message = {**message, "headers": list(message.get("headers", [])) + HEADERS}
        await send(message)

    return sending
