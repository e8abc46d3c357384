"""One article: ``POST /api/extract`` (pasted text through the pipeline) and
``GET /api/articles/{doc_id}`` (a stored one, with its text)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from .. import labels
from ..context import context, offload
from ..errors import ApiError

router = APIRouter(prefix="/api", tags=["documents"])


class ExtractIn(BaseModel):
    text: str = Field(description="The article, as plain text.")
    published: str = Field(description="Its publication date, e.g. 2020-09-09.")
    title: str | None = Field(default=None, description="Its title, if any.")
    id: str | None = Field(default=None, description="An id to carry into the output.")


@router.post("/extract", summary="Dates, entities, quantities and the chronology of a text")
async def extract(body: ExtractIn, request: Request) -> dict[str, Any]:
    """The document JSON of ``mahattat extract --format json`` (``output-contract.md``),
    with the ``text`` it was run on and ``labels``: the readable Arabic date of every
    timex and event id."""
    from ...io.safe import encodable
    from ...pipeline import extract as run
    from ...pipeline import parse_published

    if not body.text.strip():
        raise ApiError(422, "text: empty (paste an article)")
    # a lone surrogate (a JSON escape can give one) has no UTF-8: U+FFFD, offsets kept
    text, title = encodable(body.text), body.title and encodable(body.title)
    try:
        published = parse_published(body.published).isoformat()
    except ValueError as e:
        raise ApiError(422, f"published: {e}") from None

    def work() -> dict[str, Any]:
        ident = body.id and encodable(body.id)
        doc = run(text, published, id=ident, title=title).as_dict()
        return {**doc, "text": text, "labels": labels.of(doc["timexes"], doc["events"])}

    return await offload(request, work, busy=True)


@router.get("/articles/{doc_id:path}", summary="A stored article with what was found in it")
async def article(doc_id: str, request: Request) -> dict[str, Any]:
    """Its text, and its timexes, entities and events (offsets into that text), with the
    readable date of the publication day and of every timex and event."""
    ctx = context(request)

    def work() -> dict[str, Any]:
        found = ctx.store().article(doc_id)
        if found is None:
            shown = doc_id if len(doc_id) <= 80 else doc_id[:80] + "…"
            raise ApiError(404, f"no article {shown!r} in the store")
        out = found.as_dict()
        out["published_ar"] = labels.day(found.published)
        out["labels"] = labels.of(out["timexes"], out["events"])  # type: ignore[arg-type]
        return out

    return await offload(request, work)
