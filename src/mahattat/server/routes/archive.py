"""The store: what it holds (``/api/status``), search (``/api/search``) and the matching
articles per day (``/api/coverage``)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from ... import __version__
from .. import labels, params
from ..context import context, offload
from ..errors import ApiError

router = APIRouter(prefix="/api", tags=["archive"])

Q = Annotated[str, Query(description="Words (all), \"a phrase\", a | b, -excluded.")]
From = Annotated[str | None, Query(alias="from", description="Published on or after.")]
To = Annotated[str | None, Query(alias="to", description="Published on or before.")]
Source = Annotated[str | None, Query(description="Only this outlet.")]
Variants = Annotated[bool, Query(description="Also match the other spellings found.")]


@router.get("/status", summary="The store, its outlets, and how to make one")
async def status(request: Request) -> dict[str, Any]:
    ctx = context(request)

    def work() -> dict[str, Any]:
        if ctx.hint is not None:
            return {"store": None, "articles": None, "sources": [], "hint": ctx.hint}
        store = ctx.store()
        name = ctx.db.name if ctx.db else None
        sources = [s for s, _ in store.sources()]
        return {"store": name, "articles": store.article_count(), "sources": sources,
                "hint": None}  # fmt: skip

    return {**await offload(request, work), "version": __version__}


@router.get("/search", summary="Ranked full-text search (bm25), as mahattat search")
async def search(
    request: Request,
    q: Q,
    start: From = None,
    end: To = None,
    source: Source = None,
    entity: Annotated[str | None, Query(description="Only articles naming it.")] = None,
    limit: Annotated[int, Query(ge=1)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
    variants: Variants = False,
) -> dict[str, Any]:
    """The matching articles, best first, a page of ``limit`` from ``offset``; ``matched``
    counts them all; ``variants`` lists the other spellings of the query's words the
    store holds (used when ``variants=true``)."""
    ctx, cfg = context(request), context(request).settings
    if limit > cfg.max_search:
        raise ApiError(400, f"limit: at most {cfg.max_search}")
    if offset > cfg.max_offset:
        raise ApiError(400, f"offset: at most {cfg.max_offset}")
    first, last = params.days(start, end)
    entity = entity.strip() if entity and entity.strip() else None

    def work() -> dict[str, Any]:
        store = ctx.store()
        query, found = params.query(store, q, variants)
        hits = store.search(query, start=first, end=last, source=source, limit=offset + limit,
                            entity=entity)[offset:]  # fmt: skip
        matched = store.count(query, first, last, source, entity)
        return {
            "query": q,
            "matched": matched,
            "hits": [_hit(h.as_dict()) for h in hits],
            "variants": found,
        }

    return await offload(request, work)


def _hit(h: dict[str, Any]) -> dict[str, Any]:
    keys = ("doc_id", "published", "source", "title", "url", "snippet")
    return {**{k: h[k] for k in keys}, "published_ar": labels.day(h["published"])}


@router.get("/coverage", summary="Matching articles per publication day (for a chart)")
async def coverage(
    request: Request, q: Q, start: From = None, end: To = None, source: Source = None,
    variants: Variants = False,
) -> dict[str, Any]:  # fmt: skip
    ctx = context(request)
    first, last = params.days(start, end)

    def work() -> dict[str, Any]:
        store = ctx.store()
        query, _ = params.query(store, q, variants)
        days = store.coverage(query, first, last, source)
        return {
            "query": q,
            "matched": sum(days.values()),
            "coverage": [{"day": d, "articles": n} for d, n in days.items()],
        }

    return await offload(request, work)
