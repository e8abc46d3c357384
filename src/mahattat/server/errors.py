"""Every error as JSON ``{"error": "one clear line"}`` with its status: the API's own
(``ApiError``), FastAPI's (an unknown path 404, a wrong method 405, a parameter that does
not validate: 400 in the query or path, 422 in the body) and the unexpected (500)."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

log = logging.getLogger("mahattat.server")


class ApiError(HTTPException):
    """An answer other than 200 with its one-line message. An ``HTTPException``: FastAPI
    lets it through while it reads a body (the body limit is raised from there)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(status, message)


def error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers)


_PLAIN = {
    404: "no such page or endpoint: {path}",
    405: "{method} is not allowed on {path}",
}


async def _http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    message = str(exc.detail)
    if not isinstance(exc, ApiError) and exc.status_code in _PLAIN:
        message = _PLAIN[exc.status_code].format(path=request.url.path, method=request.method)
    return error(exc.status_code, message, dict(exc.headers or {}))


async def _invalid(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = list(exc.errors())
    in_body = any(e.get("loc", ("",))[0] == "body" for e in errors)
    return error(422 if in_body else 400, describe(errors[0]) if errors else "bad request")


def describe(e: dict[str, Any]) -> str:
    """``limit (query): Input should be a valid integer, got 'x'``."""
    loc = [str(p) for p in e.get("loc", ())]
    where = f"{loc[-1]} ({loc[0]})" if len(loc) > 1 else (loc[0] if loc else "request")
    if loc == ["body"]:
        where = "body"
    got = e.get("input")
    shown = f", got {got!r}" if isinstance(got, str | int | float) and len(repr(got)) < 60 else ""
    return f"{where}: {e.get('msg', 'invalid')}{shown}"


def install(app: FastAPI) -> None:
    app.add_exception_handler(HTTPException, _http)
    app.add_exception_handler(RequestValidationError, _invalid)
