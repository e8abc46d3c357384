"""Readable Arabic dates (``time.values``) for what the API returns."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..time.values import label, span_label


def of(timexes: Iterable[Mapping[str, Any]], events: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """``{"t1": "14 نيسان/أبريل 2018", "v1": ...}``: every timex by its value, every event
    by its date (a range as one: ``2003 – 2011``)."""
    out = {
        t["id"]: label(t["value"], t.get("mod"), every=t.get("type") == "SET") for t in timexes
    }
    out.update({v["id"]: span_label(v["date"], v.get("end_date"), v.get("mod")) for v in events})
    return out


def day(value: str) -> str:
    return label(value)
