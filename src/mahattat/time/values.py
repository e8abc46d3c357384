"""TIMEX3 values read back: which values are calendar points, their (year, month, day),
the order a chronology sorts them in, and how they read in Arabic (``label``). The one
place that parses a value string; events, exports and timelines ask here.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any

from ..datafile import load_json

# A calendar point: a year, a month, a day, an ISO week, a quarter, a half or a season.
_POINT = re.compile(r"\d{4}(?:-(?:\d\d(?:-\d\d)?|W\d\d|Q[1-4]|H[12]|SP|SU|FA|WI))?")
_DAY = re.compile(r"(\d{4}-\d\d-\d\d)(?:T|$)")  # a DATE's day, or a TIME's
_MOD_ORDER = {"START": 0, "EARLY": 0, "MID": 1, None: 1, "END": 2, "LATE": 2}
# The month a part of the year opens with (seasons by the northern meteorological year).
_PART_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12, "H1": 1, "H2": 7}
_PART_MONTHS = {"Q": 3, "H": 6, "SP": 3, "SU": 3, "FA": 3, "WI": 3}  # how many months a part spans

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
    if rest[:1] == "W" and rest[1:2].isdigit():  # a week, not winter (WI)
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


def last_day(value: str) -> dt.date:
    """The last day of a calendar point (``2018`` -> 2018-12-31, ``2018-02`` -> 2018-02-28,
    a week its Sunday, ``2018-WI`` -> 2019-02-28)."""
    y, m, d = ymd(value)
    rest = value.partition("-")[2]
    if d:
        return dt.date(y, m, d) + dt.timedelta(days=6 if rest[:1] == "W" else 0)
    months = 12 if not m else _PART_MONTHS.get(rest[:1], _PART_MONTHS.get(rest[:2], 1))
    later = m - 1 + months if m else 12  # months from January of y to the month after it
    return dt.date(y + later // 12, later % 12 + 1, 1) - dt.timedelta(days=1)


def after(value: str, dct: dt.date) -> bool:
    """Whether a calendar point lies wholly after the day ``dct``."""
    today = dct.isoformat()
    return is_point(value) and value[:10] > today[: len(value[:10])]


# --- readable Arabic dates ---------------------------------------------------------------

_DAY_TIME = re.compile(r"(\d{4}-\d\d-\d\d)T(?:(\d\d):(\d\d)(?::\d\d)?|(MO|AF|EV|NI))")
_CLOCK = re.compile(r"T(\d\d):(\d\d)(?::\d\d)?")
_WEEK = re.compile(r"(\d{4})-W(\d\d)(-WE)?")
_YEAR_PART = re.compile(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)")
_DURATION = re.compile(
    r"P(?:([\dX.]+)CE)?(?:([\dX.]+)DE)?(?:([\dX.]+)Y)?(?:([\dX.]+)M)?(?:([\dX.]+)W)?"
    r"(?:([\dX.]+)D)?"
    r"(?:T(?:([\dX.]+)H)?(?:([\dX.]+)M)?(?:([\dX.]+)S)?)?"
)
_UNITS = ("CE", "DE", "Y", "M", "W", "D", "H", "TM", "S")
_INTERVAL = re.compile(r"(\d{4}(?:-\d\d(?:-\d\d)?)?)/(\d{4}(?:-\d\d(?:-\d\d)?)?)")


@cache
def _labels() -> dict[str, Any]:
    return load_json("time/labels.json")


def label(value: str, mod: str | None = None, *, every: bool = False) -> str:
    """A TIMEX3 value as an Arabic reader reads it: ``2018-04-14`` -> ``14 نيسان/أبريل
    2018``, ``2018-SU`` -> ``صيف 2018``, ``2004`` with mod END -> ``أواخر 2004``,
    ``2015-W03`` -> ``أسبوع 12 – 18 كانون الثاني/يناير 2015``, ``199`` -> ``التسعينيات``,
    ``2018-05-16/2018-06-14`` -> ``16 أيار/مايو – 14 حزيران/يونيو 2018``. A value it cannot
    read (``XXXX-12-25``, ``XXXX-WXX-5``) comes back as it is. A duration reads as its
    counts (``P3Y6M`` -> ``3 سنوات و6 أشهر``), or with ``every`` (a SET) as how often
    (``P1W`` -> ``كل أسبوع``). Words and templates: ``data/time/labels.json``."""
    text = _duration(value, every) or _label(value)
    if text is None:
        return value
    template = _labels()["mod"].get(mod or "")
    return template.format(text) if template else text


def _label(value: str) -> str | None:
    lab = _labels()
    if value in lab["ref"]:
        return str(lab["ref"][value])
    if m := _DAY_TIME.fullmatch(value):
        day = _day(dt.date.fromisoformat(m.group(1)))
        if m.group(4):
            return str(lab["part_of_day"][m.group(4)]).format(day)
        return str(lab["clock"]).format(day, hour=m.group(2), minute=m.group(3))
    if m := _CLOCK.fullmatch(value):
        return str(lab["clock_alone"]).format(hour=m.group(1), minute=m.group(2))
    if m := _INTERVAL.fullmatch(value):
        return _span(m.group(1), m.group(2))
    if m := _WEEK.fullmatch(value):
        return _week(int(m.group(1)), int(m.group(2)), bool(m.group(3)))
    if m := _YEAR_PART.fullmatch(value):
        year, part = _year(m.group(1)), m.group(2)
        table = {"Q": lab["quarter"], "H": lab["half"]}.get(part[0])
        template = table[part[1]] if table else lab["season"][part]
        return str(template).format(year=year)
    if re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d)?)?", value):
        return _point(value)
    if re.fullmatch(r"\d{3}", value):
        return _decade(value)
    if value in lab["century"]:
        return str(lab["century"][value])
    if m := re.fullmatch(r"BC(\d{4})", value):
        return str(lab["before_era"]).format(year=_year(m.group(1)))
    return None


def _duration(value: str, every: bool) -> str | None:
    m = _DURATION.fullmatch(value)
    if m is None or value in ("P", "PT"):
        return None
    lab = _labels()
    units = lab["duration"]
    parts = [_count(n, units[k], every) for k, n in zip(_UNITS, m.groups(), strict=True) if n]
    if not parts:
        return None
    text = str(lab["and"]).join(parts)
    return str(lab["every"]).format(text) if every else text


def _count(n: str, words: list[str], every: bool) -> str:
    """``n`` of a unit as Arabic counts: one, two (the dual), 3-10 (plural), 11+."""
    one, two, few, many = words
    if n == "X":
        return few
    if not n.isdigit():
        return f"{n} {many}"  # a fraction: 1.5
    k = int(n)
    if k == 1:
        return one
    if k == 2:
        return two[: -len("ان")] + "ين" if every else two  # كل سنتين
    return f"{k} {few}" if 3 <= k % 100 <= 10 else f"{k} {many}"


def _year(digits: str) -> str:
    return str(int(digits))  # "0247" reads 247


def _month(month: int) -> str:
    return str(_labels()["month"][str(month)])


def _day(day: dt.date) -> str:
    return f"{day.day} {_month(day.month)} {_year(str(day.year))}"


def _point(value: str) -> str:
    """``2018``, ``2018-04``, ``2018-04-14``."""
    y, m, d = ymd(value)
    if d:
        return _day(dt.date(y, m, d))
    return f"{_month(m)} {_year(str(y))}" if m else _year(str(y))


def _span(first: str, last: str) -> str:
    return str(_labels()["interval"]).format(first=_first_end(first, last), last=_point(last))


def _first_end(first: str, last: str) -> str:
    """The first of two calendar points without what it shares with the second ("3" of
    "3 – 5 آب/أغسطس 2016", "16 أيار/مايو" of "16 أيار/مايو – 14 حزيران/يونيو 2018")."""
    y1, m1, d1 = ymd(first)
    y2, m2, d2 = ymd(last)
    if d1 and d2 and y1 == y2:
        return str(d1) if m1 == m2 else f"{d1} {_month(m1)}"
    if m1 and m2 and not d1 and not d2 and y1 == y2:
        return _month(m1)
    return _point(first)


def _week(year: int, week: int, weekend: bool) -> str | None:
    """An ISO week, Monday to Sunday, or its weekend (Saturday and Sunday)."""
    try:
        monday = dt.date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    first = (monday + dt.timedelta(days=5 if weekend else 0)).isoformat()
    last = (monday + dt.timedelta(days=6)).isoformat()
    template = _labels()["weekend" if weekend else "week"]
    return str(template).format(first=_first_end(first, last), last=_point(last))


def _decade(value: str) -> str:
    lab = _labels()
    century, decade = value[:2], value[2]
    name = str(lab["decade"][decade])
    if century == lab["decade_default_century"] and decade not in "01":
        return name
    century_name = lab["century"].get(century)
    if century_name is None:
        return f"{value}0s"
    return str(lab["decade_of_century"]).format(decade=name, century=century_name)


def span_label(first: str, last: str | None = None, mod: str | None = None) -> str:
    """``label`` of a value, or of a range of two (an event from 2003 to 2011: ``2003 –
    2011``; from 3 to 5 August 2016: ``3 – 5 آب/أغسطس 2016``)."""
    if last is None or not (is_point(first) and is_point(last)) or "W" in first + last:
        text = label(first, mod)
        return text if last is None else f"{text} – {label(last)}"
    return label(f"{first}/{last}", mod)
