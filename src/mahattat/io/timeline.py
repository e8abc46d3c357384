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


def _cited(e: TimelineEntry, most: int = 5) -> str:
    """How widely a milestone is cited: ``12 articles, 4 outlets: id1, id2, … (+7)``;
    empty for a day method's entry."""
    if not e.articles:
        return ""
    more = len(e.doc_ids) - most
    ids = ", ".join(e.doc_ids[:most]) + (f", … (+{more})" if more > 0 else "")
    articles = f"{e.articles} article{'s' if e.articles > 1 else ''}"
    return f"{articles}, {e.outlets} outlet{'s' if e.outlets > 1 else ''}: {ids}"


def to_markdown(tl: Timeline) -> str:
    span = f"{tl.start or '…'} → {tl.end or '…'}"
    out = [f"# {md_text(tl.query)}\n", f"{_about(tl)}, {span}.\n"]
    for e in tl.entries:
        out.append(f"## {md_text(_label(e))} ({md_text(e.date)})\n")
        if e.articles:
            out.append(f"*{md_text(_cited(e))}*\n")
        for it in e.items:
            more = f" (+{len(it.also)} more)" if it.also else ""
            out.append(f"- {md_text(it.text)}  \n  *{md_text(_source(it))}*{more}")
        out.append("")
    return encodable("\n".join(out))


_CSV_FIELDS = [
    "date", "date_ar", "score", "text", "doc_id", "source", "url", "published", "start", "end",
]  # fmt: skip


_CSV_ENTRY = ["mod", "articles", "outlets", "doc_ids"]  # a milestone's: how widely cited


def _entry_fields(e: TimelineEntry) -> dict[str, object]:
    cited = {"articles": e.articles or None, "outlets": e.outlets or None}
    return {"mod": e.mod, **cited, "doc_ids": ";".join(e.doc_ids)}


def to_csv(tl: Timeline) -> str:
    rows = (
        {f: getattr(it, f, None) for f in _CSV_FIELDS}
        | {"date": e.date, "date_ar": _label(e), "score": e.score, "also": ";".join(it.also)}
        | _entry_fields(e)
        for e, it in _lines(tl)
    )
    return csv_table([*_CSV_FIELDS, "also", *_CSV_ENTRY], rows)


def timelinejs(tl: Timeline) -> dict[str, Any]:
    events = [
        {
            "unique_id": f"{it.doc_id}:{it.start}",
            "start_date": date_parts(e.date),
            "display_date": html_text(_label(e)),
            "text": {
                "headline": html_text(headline(it.text)),
                "text": f"{html_text(it.text)}<br><i>{html_text(_source(it))}</i>"
                + (f"<br>{html_text(_cited(e))}" if e.articles else ""),
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
            "title": html_text(f"{_label(e)}: {it.text} ({_source(it)})")
            + (html_text(f" — {_cited(e)}") if e.articles else ""),
            "start": iso_day(e.date),
        }
        | _period(e.date)
        for e, it in _lines(tl)
    ]
    return {"items": items, "groups": []}


def _period(date: str) -> dict[str, str]:
    """A year or month milestone spans its period on vis-timeline (end exclusive)."""
    from ..time import values

    y, m, d = values.ymd(date)
    if d or not values.is_point(date) or len(date) not in (4, 7):
        return {}
    end = f"{y + 1}-01-01" if not m else f"{y + m // 12}-{m % 12 + 1:02d}-01"
    return {"end": end, "type": "range"}


WRITERS: dict[str, TimelineWriter] = {
    "json": to_json,
    "md": to_markdown,
    "csv": to_csv,
    "timelinejs": lambda tl: _json(timelinejs(tl)),
    "vis": lambda tl: _json(vis(tl)),
}
