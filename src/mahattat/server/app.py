"""``create_app``: the one way to build the server (``mahattat serve`` runs it with
uvicorn; tests drive it with FastAPI's TestClient)."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from .. import __version__
from . import errors
from .context import Context
from .guard import BodyLimit, Guard
from .routes import ROUTERS, pages
from .settings import ServerSettings

DESCRIPTION = (
    "Arabic news into dated event timelines: extract a text, search an archive, build a "
    'topic\'s timeline and export it. Errors are JSON `{"error": "..."}`.'
)


def create_app(db: Path | None, *, settings: ServerSettings | None = None) -> FastAPI:
    """The app over the store ``db`` (read only; None or a missing file: the page and
    ``/api/extract`` work, the store's endpoints answer 404 with how to ingest)."""
    cfg = settings or ServerSettings.load()
    app = FastAPI(
        title="mahattat",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,  # FastAPI's own pages load Swagger UI from a CDN: routes/pages.py
        redoc_url=None,
    )
    app.state.mahattat = Context(db, cfg)
    errors.install(app)
    for router in ROUTERS:
        app.include_router(router)
    pages.mount(app)
    app.add_middleware(BodyLimit, limit=cfg.max_body_bytes)
    if cfg.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(cfg.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["content-type"],
        )
    app.add_middleware(Guard, hosts=cfg.hosts)  # the last added is the outermost
    return app
