"""TIMEX3 values read back: which values are calendar points, their (year, month, day),
and the order a chronology sorts them in. The one place that parses a value string;
events, exports and timelines ask here.
"""

from __future__ import annotations

import datetime as dt
import re

# A calendar point: a year, a month, a day, an ISO week, a quarter, a half or a season.
_POINT = re.compile(r"\d{4}(?:-(?:\d\d(?:-\d\d)?|W\d\d|Q[1-4]|H[12]|SP|SU|FA|WI))?")
_DAY = re.compile(r"(\d{4}-\d\d-\d\d)(?:T|$)")  # a DATE's day, or a TIME's
_MOD_ORDER = {"START": 0, "EARLY": 0, "MID": 1, None: 1, "END": 2, "LATE": 2}
# The month a part of the year opens with (seasons by the northern meteorological year).
_PART_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12, "H1": 1, "H2": 7}

Ymd = tuple[int, int, int]  # month and day 0 when the value does not give them


def is_point(value: str) -> bool:
    """Whether ``value`` is a calendar point (``2003``, ``2004-04``, ``2018-W03``...),
    not a duration, a set, a decade or a reference such as ``PRESENT_REF``."""
    return _POINT.fullmatch(value) is not None


def day(value: str) -> str | None:
    """The day a value names (``2018-04-14`` of a DATE or of a TIME ``2018-04-14T10:30``),
    or None when it is coarser or no calendar point."""
    m = _DAY.match(value)
    return m.group(1) if m else None


def ymd(value: str) -> Ymd:
    """``(year, month, day)`` of a calendar point, 0 for what it leaves open; a week is
    its Monday, a quarter, half or season its first month."""
    y, _, rest = value.partition("-")
    month = dom = 0
    if rest[:1] == "W":
        week = min(int(rest[1:3]), 52)  # W53 exists only in some years
        monday = dt.date.fromisocalendar(int(y), max(week, 1), 1)
        month, dom = monday.month, monday.day
    elif rest[:1] == "Q":
        month = 3 * int(rest[1]) - 2
    elif rest[:2] in _PART_MONTH:
        month = _PART_MONTH[rest[:2]]
    elif rest:
        month = int(rest[:2])
        dom = int(rest[3:5]) if len(rest) >= 5 else 0
    return int(y), month, dom


def sort_key(value: str, mod: str | None = None) -> tuple[int, int, int, int]:
    """Chronological order with the granularity kept: ``2007`` (START) before
    ``2007-01``, ``2007-01`` before ``2007-01-05``, ``2007`` (END) after them."""
    return (*ymd(value), _MOD_ORDER.get(mod, 1))


def first_day(value: str) -> dt.date:
    """The first day of a calendar point (``2018-04`` -> 2018-04-01)."""
    y, m, d = ymd(value)
    return dt.date(y, max(m, 1), max(d, 1))


def after(value: str, dct: dt.date) -> bool:
    """Whether a calendar point lies wholly after the day ``dct``."""
    today = dct.isoformat()
    return is_point(value) and value[:10] > today[: len(value[:10])]
