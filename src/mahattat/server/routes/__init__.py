"""The routes, one small module a concern; ``ROUTERS`` in the order they are mounted."""

from __future__ import annotations

from . import archive, documents, exports, pages, timelines

ROUTERS = (documents.router, archive.router, timelines.router, exports.router, pages.router)
