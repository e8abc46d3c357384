"""``mahattat serve``: the HTTP API and the newsroom's page over the same pipeline and
store (FastAPI; imported only by that command). ``create_app`` builds it."""

from __future__ import annotations

from .app import create_app
from .settings import ServerSettings

__all__ = ["ServerSettings", "create_app"]
