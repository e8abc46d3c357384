"""Pure ASGI middleware (no ``BaseHTTPMiddleware``: it would buffer and reorder): strict
headers on every answer, the body limit, and a JSON 500 for the unexpected."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from .errors import ApiError

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

log = logging.getLogger("mahattat.server")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}


async def send_json(send: Send, status: int, message: str) -> None:
    body = json.dumps({"error": message}, ensure_ascii=False).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class Guard:
    """The outermost layer: the strict headers on every answer (an answer that sets its
    own Content-Security-Policy, an exported page run in a sandbox, keeps it), and an
    unexpected exception answered as JSON 500 (logged with its traceback) rather than
    with the server's plain text."""

    def __init__(self, app: App, hosts: tuple[str, ...] = ()) -> None:
        self.app = app
        self.hosts = {h.lower() for h in hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def secured(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k.encode(), v.encode()) for k, v in HEADERS.items()
                         if k.encode() not in present]  # fmt: skip
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        if self.hosts and (host := _host(scope)) not in self.hosts:
            await send_json(secured, 400, f"unknown host {host!r}: this server answers "
                                          f"{', '.join(sorted(self.hosts))}")  # fmt: skip
            return
        try:
            await self.app(scope, receive, secured)
        except ApiError as e:  # raised outside a route (a body read by a middleware)
            if not started:
                await send_json(secured, e.status_code, str(e.detail))
        except Exception as e:
            log.exception("unexpected error on %s", scope.get("path"))
            if not started:
                await send_json(secured, 500, f"internal error ({type(e).__name__})")


def _host(scope: Scope) -> str:
    """The request's Host without its port (``[::1]:8000`` -> ``[::1]``)."""
    raw = dict(scope.get("headers", [])).get(b"host", b"").decode("latin-1").lower()
    if raw.startswith("["):  # an IPv6 literal
        return raw[: raw.find("]") + 1] if "]" in raw else raw
    return raw.split(":", 1)[0]


class BodyTooLarge(ApiError):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body too large (limit {limit / 1024 / 1024:g} MB)")


class BodyLimit:
    """413 for a body above ``limit`` bytes: at once when its Content-Length says so, else
    as soon as the bytes read pass it (a chunked body has no length), without reading
    the rest."""

    def __init__(self, app: App, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None:
            if not declared.isdigit():
                await send_json(send, 400, "Content-Length is not a number")
                return
            if int(declared) > self.limit:
                await send_json(send, 413, BodyTooLarge(self.limit).detail)
                return
        read = 0

        async def counted() -> Message:
            nonlocal read
            message = await receive()
            if message["type"] == "http.request":
                read += len(message.get("body", b""))
                if read > self.limit:
                    raise BodyTooLarge(self.limit)
            return message

        await self.app(scope, counted, send)
