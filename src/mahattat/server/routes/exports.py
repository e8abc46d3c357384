"""A timeline written as a file by the writers of ``io/timeline.py`` (``WRITERS``):
``POST /api/export`` takes the timeline JSON back, as the editor left it."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Body, Query, Request
from fastapi.responses import Response

from .. import payload
from ..context import offload
from ..errors import ApiError

router = APIRouter(prefix="/api", tags=["exports"])

Format = Annotated[str, Query(description="csv | md | timelinejs | vis | json, and the"
                                          " -html pages where installed")]  # fmt: skip

_TYPES = {"csv": "text/csv", "md": "text/markdown", "html": "text/html"}
# An exported page runs its own inline scripts, away from this origin (sandboxed).
PAGE_CSP = (
    "sandbox allow-scripts; default-src 'none'; script-src 'unsafe-inline'; "
    "style-src 'unsafe-inline'; img-src data:; font-src data:"
)


def written(tl: Any, fmt: str) -> Response:
    """The file of ``tl`` in ``fmt``: its type, and a download name from the query."""
    from ...io.timeline import WRITERS

    if fmt not in WRITERS:
        raise ApiError(400, f"format: one of {', '.join(WRITERS)}, not {fmt!r}")
    kind = fmt.rsplit("-", 1)[-1]
    ext = {"timelinejs": "json", "vis": "json"}.get(kind, kind)
    media = _TYPES.get(ext, "application/json")
    name = f"{(tl.query or 'timeline')[:60]}-{fmt}.{ext}"  # a header line stays short
    headers = {
        "content-disposition": "attachment; filename=\"timeline.{}\"; filename*=UTF-8''{}".format(
            ext, quote(name, safe="")
        )
    }
    if ext == "html":
        headers["content-security-policy"] = PAGE_CSP
    try:
        body = WRITERS[fmt](tl)
    except (OSError, RuntimeError) as e:  # a page's npm package not installed (make setup)
        raise ApiError(503, f"cannot write {fmt}: {e}") from None
    return Response(body.encode("utf-8"), media_type=f"{media}; charset=utf-8", headers=headers)


@router.post("/export", summary="A timeline, as the editor left it, written as a file")
async def export(
    request: Request,
    format: Format,
    body: Annotated[dict[str, Any], Body(description="The JSON of /api/timeline, edited.")],
) -> Response:
    tl = payload.timeline(body)
    return await offload(request, lambda: written(tl, format), busy=True)
