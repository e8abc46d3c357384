"""A corpus timeline in the formats of ``mahattat timeline --format``: JSON as in
``output-contract.md``, Markdown, CSV, TimelineJS3 and vis-timeline, every line with the
article it comes from. Article text is made safe as ``safe.py`` says.

``WRITERS`` maps a ``--format`` name to its writer ``Timeline -> str``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .chronology import date_parts, headline, iso_day
from .safe import csv_table, encodable, html_text, md_text, web_url

if TYPE_CHECKING:
    from ..records import Timeline, TimelineEntry, TimelineItem

TimelineWriter = Callable[["Timeline"], str]


def _lines(tl: Timeline) -> list[tuple[TimelineEntry, TimelineItem]]:
    return [(e, it) for e in tl.entries for it in e.items]


def _source(it: TimelineItem) -> str:
    """Where a line comes from, as plain text: outlet, article id, web link."""
    return " · ".join(x for x in (it.source, it.doc_id, web_url(it.url)) if x)


def _json(data: Any) -> str:
    return encodable(json.dumps(data, ensure_ascii=False, indent=2))


def to_json(tl: Timeline) -> str:
    return _json(tl.as_dict())


def _label(e: TimelineEntry) -> str:
    """The entry's date as an Arabic reader reads it (``2 تشرين الأول/أكتوبر 2018``)."""
    from ..time.values import label

    return label(e.date, e.mod)


def _about(tl: Timeline) -> str:
    """How many articles match, and how many were read when fewer (never a silent cap)."""
    read = f" (the {tl.read:,} best read)" if tl.read is not None else ""
    return f"{tl.articles:,} matching articles{read}"


def to_markdown(tl: Timeline) -> str:
    span = f"{tl.start or '…'} → {tl.end or '…'}"
    out = [f"# {md_text(tl.query)}\n", f"{_about(tl)}, {span}.\n"]
    for e in tl.entries:
        out.append(f"## {md_text(_label(e))} ({md_text(e.date)})\n")
        for it in e.items:
            more = f" (+{len(it.also)} more)" if it.also else ""
            out.append(f"- {md_text(it.text)}  \n  *{md_text(_source(it))}*{more}")
        out.append("")
    return encodable("\n".join(out))


_CSV_FIELDS = [
    "date", "date_ar", "score", "text", "doc_id", "source", "url", "published", "start", "end",
]  # fmt: skip


def to_csv(tl: Timeline) -> str:
    rows = (
        {f: getattr(it, f, None) for f in _CSV_FIELDS}
        | {"date": e.date, "date_ar": _label(e), "score": e.score, "also": ";".join(it.also)}
        for e, it in _lines(tl)
    )
    return csv_table([*_CSV_FIELDS, "also"], rows)


def timelinejs(tl: Timeline) -> dict[str, Any]:
    events = [
        {
            "unique_id": f"{it.doc_id}:{it.start}",
            "start_date": date_parts(e.date),
            "display_date": html_text(_label(e)),
            "text": {
                "headline": html_text(headline(it.text)),
                "text": f"{html_text(it.text)}<br><i>{html_text(_source(it))}</i>",
            },
        }
        for e, it in _lines(tl)
    ]
    about = html_text(_about(tl))
    return {"title": {"text": {"headline": html_text(tl.query), "text": about}}, "events": events}


def vis(tl: Timeline) -> dict[str, Any]:
    items = [
        {
            "id": f"{it.doc_id}:{it.start}",
            "content": html_text(headline(it.text)),
            "title": html_text(f"{_label(e)}: {it.text} ({_source(it)})"),
            "start": iso_day(e.date),
        }
        for e, it in _lines(tl)
    ]
    return {"items": items, "groups": []}


WRITERS: dict[str, TimelineWriter] = {
    "json": to_json,
    "md": to_markdown,
    "csv": to_csv,
    "timelinejs": lambda tl: _json(timelinejs(tl)),
    "vis": lambda tl: _json(vis(tl)),
}
