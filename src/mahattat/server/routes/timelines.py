"""A topic's timeline (``/api/timeline``, days or milestones) as ``mahattat timeline``
makes it, and the same written as a file (``/api/timeline/export``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from .. import params
from ..context import context, offload
from ..errors import ApiError
from .archive import From, Q, Source, To, Variants
from .exports import Format, written

router = APIRouter(prefix="/api", tags=["timelines"])


@dataclass(frozen=True)
class Asked:
    """The parameters of a timeline, as ``mahattat timeline`` takes its options."""

    q: str
    start: str | None
    end: str | None
    source: str | None
    dates: int
    per_date: int
    mode: str
    method: str | None
    variants: bool
    candidates: int


def asked(
    q: Q,
    start: From = None,
    end: To = None,
    source: Source = None,
    dates: Annotated[int, Query(description="Dates to keep.")] = 10,
    per_date: Annotated[int, Query(description="Lines per date.")] = 1,
    mode: Annotated[str, Query(description="days | milestones")] = "days",
    method: Annotated[str | None, Query(description="A method of its mode.")] = None,
    variants: Variants = False,
    candidates: Annotated[int, Query(description="Other lines offered per date.")] = 0,
) -> Asked:
    return Asked(q, start, end, source, dates, per_date, mode, method, variants, candidates)


def build(request: Request, a: Asked) -> Any:
    """The ``Timeline`` asked for (run in a worker thread); 400 for a bad parameter."""
    from ...cli import MAX_DATES, MAX_PER_DATE
    from ...timelines import METHODS, MILESTONE_METHODS, summarize

    ctx = context(request)
    modes: dict[str, list[str]] = {"days": list(METHODS), "milestones": list(MILESTONE_METHODS)}
    if a.mode not in modes:
        raise ApiError(400, f"mode: days or milestones, not {a.mode!r}")
    method = a.method or modes[a.mode][0]
    if method not in modes[a.mode]:
        raise ApiError(400, f"method: one of {', '.join(modes[a.mode])} in {a.mode} mode")
    if not 1 <= a.dates <= MAX_DATES:
        raise ApiError(400, f"dates: 1 to {MAX_DATES}")
    if not 1 <= a.per_date <= MAX_PER_DATE:
        raise ApiError(400, f"per_date: 1 to {MAX_PER_DATE}")
    if not 0 <= a.candidates <= ctx.settings.max_candidates:
        raise ApiError(400, f"candidates: 0 to {ctx.settings.max_candidates}")
    start, end = params.days(a.start, a.end) if a.mode == "days" else params.span(a.start, a.end)
    store = ctx.store()
    query, found = params.query(store, a.q, a.variants)
    tl = summarize(store, query, start=start, end=end, source=a.source, dates=a.dates,
                   per_date=a.per_date, method=method, candidates=a.candidates)  # fmt: skip
    return tl, found


@router.get("/timeline", summary="A topic's timeline: its days, or its milestones")
async def timeline(request: Request, a: Annotated[Asked, Depends(asked)]) -> dict[str, Any]:
    """The JSON of ``mahattat timeline --format json`` (``output-contract.md``); with
    ``candidates=K`` each item also lists ``candidates``, other lines of its date (same
    shape), that an editor may keep instead."""

    def work() -> dict[str, Any]:
        tl, found = build(request, a)
        out: dict[str, Any] = tl.as_dict()
        for e in out["entries"]:
            others = e.get("candidates", [])
            for it in e["items"]:
                it["candidates"] = others
        return {**out, "variants": found}

    return await offload(request, work, busy=True)


@router.get("/timeline/export", summary="A topic's timeline as a file")
async def export(
    request: Request, a: Annotated[Asked, Depends(asked)], format: Format
) -> Response:
    def work() -> Response:
        tl, _ = build(request, a)
        return written(tl, format)

    return await offload(request, work, busy=True)
