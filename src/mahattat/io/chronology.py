"""The document's chronology as the tables and timeline files journalists use.

Each writer is ``Document -> str``: events in date order (``events.chronology``), each
line with who acted, where, and how many. TimelineJS3 and vis-timeline get their own
JSON; sections (``الغزو:``) become TimelineJS eras and vis-timeline groups. Article text
is made safe as ``safe.py`` says.

The events and time packages load the temporal grammar, so they are imported when a
writer runs, not with this module (``mahattat --help`` imports no pipeline).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .safe import csv_table, encodable, html_text, md_text

if TYPE_CHECKING:
    from ..records import Document, Event

HEADLINE_WORDS = 10  # words of the event shown as a TimelineJS headline / vis item


def _names(doc: Document, ids: tuple[str, ...]) -> list[str]:
    by_id = {e.id: e.text for e in doc.entities}
    return [by_id[i] for i in ids if i in by_id]


def _amounts(doc: Document, ids: tuple[str, ...]) -> list[str]:
    by_id = {q.id: q.text for q in doc.quantities}
    return [by_id[i] for i in ids if i in by_id]


def when(ev: Event) -> str:
    """The TIMEX3 date in a table: ``2004-04 (END)``, ``2003 → 2011``."""
    out = ev.date + (f" → {ev.end_date}" if ev.end_date else "")
    return out + (f" ({ev.mod})" if ev.mod else "")


def reads(ev: Event) -> str:
    """The date as an Arabic reader reads it: ``أواخر نيسان/أبريل 2004``, ``2003 – 2011``."""
    from ..time import values

    return values.span_label(ev.date, ev.end_date, ev.mod)


def _in_date_order(events: Iterable[Event]) -> list[Event]:
    from ..events import chronology

    return chronology(events)


def rows(doc: Document) -> list[dict[str, str]]:
    """One flat row per event, in date order: what every tabular format shows (``date``
    the TIMEX3 date, ``date_ar`` the same as an Arabic reader reads it)."""
    return [
        {
            "date": when(ev),
            "date_ar": reads(ev),
            "event": ev.text,
            "who": "، ".join(_names(doc, ev.actors)),
            "where": "، ".join(_names(doc, ev.places)),
            "how many": "، ".join(_amounts(doc, ev.quantities)),
            "type": ev.type or "",
            "section": ev.section or "",
        }
        for ev in _in_date_order(doc.events)
    ]


def _cell(text: str) -> str:
    return md_text(text).replace("|", "\\|")


def to_markdown(doc: Document) -> str:
    title = md_text(doc.title or doc.id or "Chronology")
    head = f"# {title}\n\nPublished {md_text(doc.published)}.\n"
    cols = ["date", "date_ar", "event", "who", "where", "how many"]
    lines = [head, "| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    lines += ["| " + " | ".join(_cell(r[c]) for c in cols) + " |" for r in rows(doc)]
    return encodable("\n".join(lines))


def to_csv(doc: Document) -> str:
    """Every event field, one event a row in date order (lists joined by ``;``)."""
    fields = ["id", "date", "date_ar", "mod", "end_date", "type", "text", "actors", "places"]
    fields += ["quantities", "section", "negated", "future", "start", "end", "timex"]
    return csv_table(fields, (_csv_row(doc, ev) for ev in _in_date_order(doc.events)))


def _csv_row(doc: Document, ev: Event) -> dict[str, object]:
    return {
        "id": ev.id,
        "date": ev.date,
        "date_ar": reads(ev),
        "mod": ev.mod or "",
        "end_date": ev.end_date or "",
        "type": ev.type or "",
        "text": ev.text,
        "actors": ";".join(_names(doc, ev.actors)),
        "places": ";".join(_names(doc, ev.places)),
        "quantities": ";".join(_amounts(doc, ev.quantities)),
        "section": ev.section or "",
        "negated": ev.negated,
        "future": ev.future,
        "start": ev.start,
        "end": ev.end,
        "timex": ev.timex or "",
    }


def date_parts(date: str) -> dict[str, str]:
    """A TIMEX3 date as TimelineJS date parts, at the granularity known."""
    from ..time import values

    y, m, d = values.ymd(date)
    out = {"year": str(y)}
    if m:
        out["month"] = str(m)
    if d:
        out["day"] = str(d)
    return out


def headline(text: str) -> str:
    """The first words of ``text``, as plain text (HTML writers escape it)."""
    words = text.split()
    return " ".join(words[:HEADLINE_WORDS]) + (" …" if len(words) > HEADLINE_WORDS else "")


def _eras(events: list[Event]) -> list[dict[str, Any]]:
    from ..events import sort_key

    spans: dict[str, list[Event]] = {}
    for ev in events:
        if ev.section:
            spans.setdefault(ev.section, []).append(ev)
    return [
        {
            "start_date": date_parts(min(evs, key=sort_key).date),
            "end_date": date_parts(max(evs, key=sort_key).date),
            "text": {"headline": html_text(name)},
        }
        for name, evs in spans.items()
    ]


def timelinejs(doc: Document) -> dict[str, Any]:
    events = _in_date_order(doc.events)
    items = []
    for ev in events:
        item: dict[str, Any] = {
            "unique_id": ev.id,
            "start_date": date_parts(ev.date),
            "display_date": html_text(reads(ev)),
            "text": {"headline": html_text(headline(ev.text)), "text": html_text(ev.text)},
        }
        if ev.end_date:
            item["end_date"] = date_parts(ev.end_date)
        if ev.section:
            item["group"] = html_text(ev.section)
        items.append(item)
    title = html_text(doc.title or doc.id or "Chronology")
    return {
        "title": {"text": {"headline": title, "text": f"Published {html_text(doc.published)}"}},
        "events": items,
        "eras": _eras(events),
    }


def to_timelinejs(doc: Document) -> str:
    return encodable(json.dumps(timelinejs(doc), ensure_ascii=False, indent=2))


def iso_day(date: str) -> str:
    """The first day of a TIMEX3 date, as vis-timeline wants a start."""
    from ..time import values

    return values.first_day(date).isoformat()


def vis(doc: Document) -> dict[str, Any]:
    """vis-timeline ``items`` and ``groups`` (one group per section)."""
    events = _in_date_order(doc.events)
    groups = list(dict.fromkeys(ev.section or "" for ev in events))
    items = []
    for ev in events:
        item: dict[str, Any] = {
            "id": ev.id,
            "content": html_text(headline(ev.text)),
            "title": html_text(f"{reads(ev)}: {ev.text}"),
            "start": iso_day(ev.date),
            "group": groups.index(ev.section or ""),
            "className": (ev.type or "event").lower(),
        }
        if ev.end_date:
            item["end"] = iso_day(ev.end_date)
        items.append(item)
    return {
        "items": items,
        "groups": [{"id": i, "content": html_text(g)} for i, g in enumerate(groups)],
    }


def to_vis(doc: Document) -> str:
    return encodable(json.dumps(vis(doc), ensure_ascii=False, indent=2))
