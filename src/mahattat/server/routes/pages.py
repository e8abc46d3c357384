"""What a browser loads: the page (``web/static``, the page's own files), the npm
packages the page names in ``web/package.json`` (read-only, from ``node_modules``, at
``/vendor/<package>/``) and the API's documentation at ``/docs``: Swagger UI from the
``swagger-ui-dist`` package when installed, else a plain page listing the OpenAPI schema;
nothing from a CDN."""

from __future__ import annotations

import html
import json
from pathlib import Path

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from ...datafile import read_bytes
from ..errors import ApiError

router = APIRouter(include_in_schema=False)
WEB = Path(__file__).resolve().parents[2] / "web"
SWAGGER = "swagger-ui-dist"


def packages(web: Path | None = None) -> list[str]:
    """The npm packages the page depends on (``web/package.json``), none without it."""
    web = web or WEB
    try:
        manifest = json.loads((web / "package.json").read_text("utf-8"))
    except (OSError, ValueError):
        return []
    return sorted(manifest.get("dependencies", {}))


def mount(app: FastAPI, web: Path | None = None) -> None:
    """The static folders: the page's, and each installed package of its manifest."""
    web = web or WEB
    app.mount("/static", StaticFiles(directory=web / "static", check_dir=False), "static")
    for name in packages(web):
        folder = web / "node_modules" / name
        if folder.is_dir():
            app.mount(f"/vendor/{name}", StaticFiles(directory=folder), f"vendor:{name}")


@router.get("/")
async def index() -> Response:
    page = WEB / "static" / "index.html"
    if not page.is_file():
        raise ApiError(404, "the page is not installed (src/mahattat/web/static/index.html)")
    return FileResponse(page, media_type="text/html; charset=utf-8")


@router.get("/docs")
async def docs(request: Request) -> HTMLResponse:
    bundle = WEB / "node_modules" / SWAGGER / "swagger-ui-bundle.js"
    if SWAGGER in packages() and bundle.is_file():
        return HTMLResponse(read_bytes("server/docs.html").decode("utf-8"))
    return HTMLResponse(_plain(request.app.openapi()))


@router.get("/docs/init.js")
async def docs_init() -> Response:
    return Response(read_bytes("server/docs.js"), media_type="text/javascript; charset=utf-8")


def _plain(schema: dict) -> str:
    """Every path of the schema with its method, summary and parameters, as HTML."""
    rows = []
    for path, ops in schema.get("paths", {}).items():
        for method, op in ops.items():
            names = ", ".join(p["name"] for p in op.get("parameters", []))
            rows.append(
                f"<li><code>{method.upper()} {html.escape(path)}</code> "
                f"{html.escape(op.get('summary', ''))}"
                + (f" <small>({html.escape(names)})</small>" if names else "")
                + "</li>"
            )
    title = html.escape(schema.get("info", {}).get("title", "API"))
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"</head><body><h1>{title}</h1><p>The full schema: "
        f'<a href="/openapi.json">/openapi.json</a> (Swagger UI appears here once '
        f"<code>make setup</code> has installed the page's npm packages).</p>"
        f"<ul>{''.join(rows)}</ul></body></html>"
    )
