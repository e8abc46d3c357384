"""The document's chronology as the tables and timeline files journalists use.

Each writer is ``Document -> str``: events in date order (``events.chronology``), each
line with who acted, where, and how many. TimelineJS3 and vis-timeline get their own
JSON, or as a self-contained page (``pages.py``); sections (``الغزو:``) become
TimelineJS eras and vis-timeline groups. A slide's headline is the start of its event and
its body the rest, never the same words twice. Article text is made safe as ``safe.py``
says.

The events and time packages load the temporal grammar, so they are imported when a
writer runs, not with this module (``mahattat --help`` imports no pipeline).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .safe import csv_table, encodable, html_text, md_text

if TYPE_CHECKING:
    from ..records import Document, Event

HEADLINE_WORDS = 10  # words of the event shown as a TimelineJS headline / vis item
HEADLINE_SLACK = 3  # a line this many words longer is a headline whole: no "… two words"
_CLAUSE_END = tuple("،,؛;:")  # a headline may stop at a clause's end
NO_SECTION = "—"  # the vis-timeline group of the events outside any section


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


def shown(ev: Event) -> str:
    """The event's words as people read them: its ``display`` (glued words split), else
    its text."""
    return ev.display or ev.text


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
            "event": shown(ev),
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
    head = f"# {md_text(_title(doc))}\n\n{md_text(_published(doc))} ({md_text(doc.published)}).\n"
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


def _title(doc: Document) -> str:
    return doc.title or doc.id or "التسلسل الزمني"


def _published(doc: Document) -> str:
    from ..time.values import label

    return f"نُشر في {label(doc.published)}"


def split_headline(text: str) -> tuple[str, str]:
    """``text`` as a headline and the rest, as plain text (HTML writers escape it): the
    first ``HEADLINE_WORDS`` words, or fewer up to a clause's end (``،``), ending in
    ``…`` where the rest, which starts with ``…``, goes on; all of it when it is short."""
    words = text.split()
    if len(words) <= HEADLINE_WORDS + HEADLINE_SLACK:
        return " ".join(words), ""
    ends = [i for i in range(7, HEADLINE_WORDS + 1) if words[i - 1].endswith(_CLAUSE_END)]
    cut = ends[-1] if ends else HEADLINE_WORDS
    return " ".join(words[:cut]) + " …", "… " + " ".join(words[cut:])


def headline(text: str) -> str:
    """The headline of ``text`` (``split_headline``)."""
    return split_headline(text)[0]


def _meta(doc: Document, ev: Event) -> list[str]:
    """Who, where, how many of an event, as lines of a slide (plain text)."""
    parts = [("من", _names(doc, ev.actors)), ("أين", _names(doc, ev.places))]
    parts.append(("كم", _amounts(doc, ev.quantities)))
    return [f"{name}: {'، '.join(values)}" for name, values in parts if values]


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
        head, rest = split_headline(shown(ev))
        body = "<br>".join(html_text(x) for x in [rest, *_meta(doc, ev)] if x)
        item: dict[str, Any] = {
            "unique_id": ev.id,
            "start_date": date_parts(ev.date),
            "display_date": html_text(reads(ev)),
            "text": {"headline": html_text(head), "text": body},
        }
        if ev.end_date:
            item["end_date"] = date_parts(ev.end_date)
        if ev.section:
            item["group"] = html_text(ev.section)
        items.append(item)
    return {
        "title": {"text": {"headline": html_text(_title(doc)), "text": html_text(_published(doc))}},
        "events": items,
        "eras": _eras(events),
    }


def to_timelinejs(doc: Document) -> str:
    return encodable(json.dumps(timelinejs(doc), ensure_ascii=False, indent=2))


def iso_day(date: str) -> str:
    """The first day of a TIMEX3 date, as vis-timeline wants a start."""
    from ..time import values

    return values.first_day(date).isoformat()


def vis_span(date: str, end_date: str | None = None) -> dict[str, str]:
    """Where vis-timeline draws a date: a day as a point, a coarser calendar point (a year,
    a month, a week, a season...) or a range of two as a range to the end of its last day
    (``2011`` -> ``2011-01-01`` to ``2011-12-31T23:59:59``)."""
    from ..time import values

    last = end_date if end_date and values.is_point(end_date) else date
    out = {"start": iso_day(date)}
    if values.is_point(last) and (last != date or values.day(date) is None):
        out |= {"end": f"{values.last_day(last).isoformat()}T23:59:59", "type": "range"}
    return out


def vis_options(items: list[dict[str, Any]]) -> dict[str, Any]:
    """vis-timeline's options: right to left, its few words in Arabic, a box beside its
    date on the side of the time after it (``align`` ``left`` reads so right to left),
    and a window over every item, ranges to their end, with room for the last boxes."""
    words = {"current": "الحالي", "time": "الوقت", "deleteSelected": "احذف المحدد"}
    out: dict[str, Any] = {"rtl": True, "align": "left", "orientation": "top"}
    out |= {"locale": "ar", "locales": {"ar": words}}
    if items:
        first = min(dt.date.fromisoformat(i["start"]) for i in items)
        last = max(dt.date.fromisoformat(i.get("end", i["start"])[:10]) for i in items)
        span = max((last - first).days, 4)
        before, after = dt.timedelta(days=span // 20 or 1), dt.timedelta(days=span // 4)
        out |= {"start": (first - before).isoformat(), "end": (last + after).isoformat()}
    return out


def vis(doc: Document) -> dict[str, Any]:
    """vis-timeline ``items`` and ``options`` (right to left), with one group per section
    when the document has sections (the events outside them in ``NO_SECTION``)."""
    events = _in_date_order(doc.events)
    items = []
    for ev in events:
        item: dict[str, Any] = {
            "id": ev.id,
            "content": html_text(headline(shown(ev))),
            "title": html_text(f"{reads(ev)}: {shown(ev)}"),
            "className": (ev.type or "event").lower(),
        } | vis_span(ev.date, ev.end_date)
        items.append(item)
    sections = [ev.section or NO_SECTION for ev in events]
    return vis_data(items, sections, any(ev.section for ev in events))


def vis_data(items: list[dict[str, Any]], names: list[str], grouped: bool) -> dict[str, Any]:
    """vis-timeline's ``items`` and ``options``; with ``grouped``, one group per distinct
    name of ``names`` (one per item, in order), never an empty ``groups``."""
    out: dict[str, Any] = {"items": items, "options": vis_options(items)}
    if grouped and items:
        groups = list(dict.fromkeys(names))
        for item, name in zip(items, names, strict=True):
            item["group"] = groups.index(name)
        out["groups"] = [{"id": i, "content": html_text(g)} for i, g in enumerate(groups)]
    return out


def to_vis(doc: Document) -> str:
    return encodable(json.dumps(vis(doc), ensure_ascii=False, indent=2))


def to_timelinejs_page(doc: Document) -> str:
    from .pages import timelinejs_page

    return timelinejs_page(timelinejs(doc), _title(doc))


def to_vis_page(doc: Document) -> str:
    from .pages import vis_page

    return vis_page(vis(doc), _title(doc), _published(doc))
