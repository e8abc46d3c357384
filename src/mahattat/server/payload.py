"""A timeline sent back by the page (``POST /api/export``): the JSON ``/api/timeline``
gave, with the lines an editor struck removed or another candidate put in their place,
read back into the ``Timeline`` the writers take. Fields the records do not have are
left out; a record's field the JSON lacks keeps its default."""

from __future__ import annotations

from dataclasses import MISSING, fields
from typing import Any, TypeVar

from ..records import Timeline, TimelineEntry, TimelineItem
from ..time import values
from .errors import ApiError

R = TypeVar("R")


def timeline(data: Any) -> Timeline:
    """The ``Timeline`` of ``data``; 422 naming what is wrong."""
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise _bad('a timeline object with an "entries" list')
    entries = tuple(_entry(e, i) for i, e in enumerate(data["entries"]))
    matched = data.get("matched", data.get("articles", 0))
    read = data.get("read")
    coverage = data.get("coverage") or []
    if not isinstance(coverage, list) or not all(
        isinstance(c, dict) and isinstance(c.get("day"), str) and isinstance(c.get("articles"), int)
        for c in coverage
    ):
        raise _bad('"coverage" as a list of {"day", "articles"}')
    return Timeline(
        query=_text(data.get("query", ""), "query"),
        start=_optional(data.get("from"), "from"),
        end=_optional(data.get("to"), "to"),
        articles=_int(matched, "matched"),
        entries=entries,
        read=None if read in (None, matched) else _int(read, "read"),
        coverage=tuple((c["day"], c["articles"]) for c in coverage),
        mode=_text(data.get("mode") or "days", "mode"),
    )


def _entry(e: Any, i: int) -> TimelineEntry:
    where = f"entries[{i}]"
    if not isinstance(e, dict) or not isinstance(e.get("items"), list):
        raise _bad(f'{where} as an object with an "items" list')
    if not isinstance(e.get("date"), str) or not _placed(e["date"], e.get("mod")):
        raise _bad(f'{where}.date as a calendar value ("2018-10-02", "2018-10", "2018"...)')
    cited = e.get("cited_by") or {}
    values = {
        **e,
        "score": e.get("score", 0.0),
        "articles": e.get("articles", cited.get("articles", 0) if isinstance(cited, dict) else 0),
        "outlets": e.get("outlets", cited.get("outlets", 0) if isinstance(cited, dict) else 0),
        "items": tuple(_item(it, f"{where}.items[{j}]") for j, it in enumerate(e["items"])),
        "candidates": (),  # what the editor did not keep is not exported
    }
    return _record(TimelineEntry, values, where)


def _placed(date: str, mod: Any) -> bool:
    """Whether the writers can put ``date`` on a calendar and read it out."""
    try:
        values.first_day(date)
        values.label(date, mod if isinstance(mod, str) else None)
    except (ValueError, KeyError):
        return False
    return True


def _item(it: Any, where: str) -> TimelineItem:
    if not isinstance(it, dict) or not isinstance(it.get("text"), str):
        raise _bad(f'{where} as an object with a "text" string')
    return _record(TimelineItem, it, where)


def _record(cls: type[R], values: dict[str, Any], where: str) -> R:
    """``cls`` from the keys of ``values`` that are its fields; a list becomes a tuple
    (``also``...), a value of the wrong kind a 422."""
    kept: dict[str, Any] = {}
    for f in fields(cls):  # type: ignore[arg-type]
        if f.name not in values:
            continue
        value = values[f.name]
        default = f.default if f.default is not MISSING else None
        if isinstance(value, list):
            value = tuple(value)
        if not _fits(value, default, f.type):
            raise _bad(f"{where}.{f.name} of the wrong kind ({type(value).__name__})")
        kept[f.name] = value
    try:
        return cls(**kept)
    except TypeError as e:
        raise _bad(f"{where}: {e}") from None


def _fits(value: Any, default: Any, annotation: Any) -> bool:
    """A loose check against the field's annotation (a string under ``from __future__``)."""
    text = str(annotation)
    if value is None:
        return "None" in text
    if isinstance(value, bool):
        return "bool" in text
    if isinstance(value, tuple):
        if "tuple[str" in text:
            return all(isinstance(v, str) for v in value)
        return text.startswith("tuple")
    if isinstance(value, int | float):
        return "int" in text or "float" in text
    if isinstance(value, str):
        return "str" in text
    return isinstance(value, TimelineItem) or isinstance(default, type(value))


def _text(value: Any, name: str) -> str:
    if not isinstance(value, str):
        raise _bad(f"{name} as a string")
    return value


def _optional(value: Any, name: str) -> str | None:
    return None if value is None else _text(value, name)


def _int(value: Any, name: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise _bad(f"{name} as a count")
    return value


def _bad(what: str) -> ApiError:
    return ApiError(422, f"body: expected {what}")
