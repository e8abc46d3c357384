"""A corpus timeline in the formats of ``mahattat timeline --format``: JSON as in
``output-contract.md``, Markdown, CSV, TimelineJS3 and vis-timeline (as JSON, or as a
self-contained page, ``pages.py``), every line with the article it comes from. Made for
the tools newsrooms open them in: Arabic dates and outlet names, source lines isolated
for bidi and URLs decoded (``safe.py``), a CSV Excel reads as UTF-8. Article text is
made safe as ``safe.py`` says.

``WRITERS`` maps a ``--format`` name to its writer ``Timeline -> str``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .chronology import date_parts, split_headline, vis_data, vis_span
from .outlets import outlet, outlets
from .safe import csv_table, encodable, html_text, isolate, md_text, shown_url

if TYPE_CHECKING:
    from ..records import Timeline, TimelineEntry, TimelineItem

TimelineWriter = Callable[["Timeline"], str]
MOST_ALSO = 5  # outlets named after a line ("also in ..."), the others counted


def _lines(tl: Timeline) -> list[tuple[TimelineEntry, TimelineItem]]:
    return [(e, it) for e in tl.entries for it in e.items]


def _source(it: TimelineItem, title: bool = False) -> str:
    """Where a line comes from, as plain text: outlet, (article title,) article id, web
    link decoded, each a bidi isolate (Latin ids and links inside Arabic)."""
    parts = (outlet(it.source), it.title if title else None, it.doc_id, shown_url(it.url))
    return " · ".join(isolate(x) for x in parts if x)


def _also(it: TimelineItem) -> str:
    """Who else tells the line: the other outlets (``وردت أيضا في: العربية، فرانس 24
    (+3)``), else how many more articles of its own outlet, or of outlets unknown."""
    names = outlets(it.also_sources, but=it.source)
    if names:
        more = f" (+{len(names) - MOST_ALSO})" if len(names) > MOST_ALSO else ""
        return "وردت أيضا في: " + "، ".join(isolate(n) for n in names[:MOST_ALSO]) + more
    if not it.also:
        return ""
    own = f" من {isolate(outlet(it.source))}" if it.also_sources and it.source else ""
    return f"وردت أيضا في مقالات أخرى{own}: {len(it.also)}"


def _json(data: Any) -> str:
    return encodable(json.dumps(data, ensure_ascii=False, indent=2))


def to_json(tl: Timeline) -> str:
    return _json(tl.as_dict())


def _label(e: TimelineEntry) -> str:
    """The entry's date as an Arabic reader reads it (``2 تشرين الأول/أكتوبر 2018``)."""
    from ..time.values import label

    return label(e.date, e.mod)


def _day(value: str | None) -> str:
    from ..time.values import label

    return label(value) if value else "…"


def _about(tl: Timeline) -> str:
    """How many articles match, and how many were read when fewer (never a silent cap)."""
    read = f" (قُرئت أفضل {tl.read:,} منها)" if tl.read is not None else ""
    return f"المقالات المطابقة: {tl.articles:,}{read}"


def _span(tl: Timeline) -> str:
    """The days asked for, else those of the first and last entries."""
    first = tl.start or (tl.entries[0].date if tl.entries else None)
    last = tl.end or (tl.entries[-1].date if tl.entries else None)
    return f"من {_day(first)} إلى {_day(last)}"


def _cited(e: TimelineEntry, most: int = 5) -> str:
    """How widely a milestone is cited: ``المقالات: 12، وسائل الإعلام: 4 (id1، id2، … +7)``;
    empty for a day method's entry."""
    if not e.articles:
        return ""
    more = len(e.doc_ids) - most
    ids = "، ".join(isolate(i) for i in e.doc_ids[:most]) + (f"، … (+{more})" if more > 0 else "")
    return f"المقالات: {e.articles}، وسائل الإعلام: {e.outlets} ({ids})"


def to_markdown(tl: Timeline) -> str:
    out = [f"# {md_text(tl.query)}\n", f"{md_text(_about(tl))}، {md_text(_span(tl))}.\n"]
    for e in tl.entries:
        out.append(f"## {md_text(_label(e))} ({md_text(e.date)})\n")
        if e.articles:
            out.append(f"*{md_text(_cited(e))}*\n")
        for it in e.items:
            also = f"  \n  {md_text(_also(it))}" if it.also else ""
            out.append(f"- {md_text(it.text)}  \n  *{md_text(_source(it, title=True))}*{also}")
        out.append("")
    return encodable("\n".join(out))


# What an editor reads first, then what a program needs to find the line again.
_CSV_EDITOR = ["date", "date_ar", "text", "outlet", "title", "url", "also_outlets"]
_CSV_MACHINE = ["score", "doc_id", "source", "published", "start", "end", "also"]
_CSV_ENTRY = ["mod", "articles", "outlets", "doc_ids"]  # a milestone's: how widely cited


def _entry_fields(e: TimelineEntry) -> dict[str, object]:
    cited = {"articles": e.articles or None, "outlets": e.outlets or None}
    return {"mod": e.mod, **cited, "doc_ids": ";".join(e.doc_ids)}


def _csv_row(e: TimelineEntry, it: TimelineItem) -> dict[str, object]:
    return {
        "date": e.date,
        "date_ar": _label(e),
        "text": it.text,
        "outlet": outlet(it.source),
        "title": it.title,
        "url": shown_url(it.url) or it.url,
        "also_outlets": "، ".join(outlets(it.also_sources, but=it.source)),
        "score": e.score,
        "doc_id": it.doc_id,
        "source": it.source,
        "published": it.published,
        "start": it.start,
        "end": it.end,
        "also": ";".join(it.also),
    } | _entry_fields(e)


def to_csv(tl: Timeline) -> str:
    """One line a row (a UTF-8 BOM first, for Excel): the editor's columns (date, Arabic
    date, line, outlet, title, URL, the other outlets that tell it), then the machine's."""
    rows = (_csv_row(e, it) for e, it in _lines(tl))
    return csv_table([*_CSV_EDITOR, *_CSV_MACHINE, *_CSV_ENTRY], rows)


def _slide_text(e: TimelineEntry, it: TimelineItem, rest: str) -> str:
    """A slide's body: the rest of the line its headline began, then where it comes from,
    who else told it and, for a milestone, how widely it is cited."""
    notes = [f"<i>{html_text(_source(it, title=True))}</i>"]
    notes += [html_text(x) for x in (_also(it), _cited(e)) if x]
    return "<br>".join(([html_text(rest)] if rest else []) + notes)


def timelinejs(tl: Timeline) -> dict[str, Any]:
    events = []
    for e, it in _lines(tl):
        head, rest = split_headline(it.text)
        events.append({
            "unique_id": f"{it.doc_id}:{it.start}",
            "start_date": date_parts(e.date),
            "display_date": html_text(_label(e)),
            "text": {"headline": html_text(head), "text": _slide_text(e, it, rest)},
        })  # fmt: skip
    about = html_text(f"{_about(tl)}، {_span(tl)}")
    return {"title": {"text": {"headline": html_text(tl.query), "text": about}}, "events": events}


def vis(tl: Timeline) -> dict[str, Any]:
    """vis-timeline ``items`` (a year or a month drawn over its span) and ``options``
    (right to left); one group per outlet when every line has one, else none."""
    lines = _lines(tl)
    items = []
    for e, it in lines:
        tip = f"{_label(e)}: {it.text} ({_source(it)})" + (f" — {_cited(e)}" if e.articles else "")
        item: dict[str, Any] = {
            "id": f"{it.doc_id}:{it.start}",
            "content": html_text(split_headline(it.text)[0]),
            "title": html_text(tip),
        } | vis_span(e.date)
        items.append(item)
    names = [outlet(it.source) for _, it in lines]
    return vis_data(items, names, all(names))


def _title(tl: Timeline) -> str:
    return f"الخط الزمني: {tl.query}" if tl.query else "الخط الزمني"


def to_timelinejs_page(tl: Timeline) -> str:
    from .pages import timelinejs_page

    return timelinejs_page(timelinejs(tl), _title(tl))


def to_vis_page(tl: Timeline) -> str:
    from .pages import vis_page

    return vis_page(vis(tl), _title(tl), f"{_about(tl)}، {_span(tl)}")


WRITERS: dict[str, TimelineWriter] = {
    "json": to_json,
    "md": to_markdown,
    "csv": to_csv,
    "timelinejs": lambda tl: _json(timelinejs(tl)),
    "vis": lambda tl: _json(vis(tl)),
    "timelinejs-html": to_timelinejs_page,
    "vis-html": to_vis_page,
}
