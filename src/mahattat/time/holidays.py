"""Holidays (rules/70-holidays.toml): a named day, found by its calendar rule.

The lexicon class ``holiday`` maps each name to how its day is found (``calendar``:
``hijri``, ``gregorian``, ``nth_weekday``, ``easter``, ``orthodox_easter``, ``unknown``).
A holiday with its year written ("عيد الفطر 1439", "عيد الشكر 2010") is a calendar date at
once; without one it becomes a ``holiday`` reading that ``resolve`` anchors on the
publication date: the year it names ("العام المقبل"), the next or last occurrence
("المقبل", "الماضي", future tense), else the occurrence nearest the DCT.
"""

from __future__ import annotations

import datetime as dt

from hijridate import Gregorian, Hijri

from .anchor import Context, Resolved, distance, nth_weekday
from .readings import Fields, Piece, Reading

FEAST_DAYS = 4  # a feast lasts a few days: in future tense, one this recent is still "the" one


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def orthodox_easter(year: int) -> dt.date:
    """Orthodox Easter Sunday (Meeus's Julian computus, moved to the Gregorian calendar)."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    julian_shift = year // 100 - year // 400 - 2  # 13 days in 1900-2099
    return dt.date(year, month, day + 1) + dt.timedelta(days=julian_shift)


def in_year(r: Reading, year: int) -> dt.date:
    """The holiday's day in a Gregorian year (the first, for a Hijri one falling twice)."""
    cal = r.sub
    if cal == "gregorian":
        assert r.month and r.day
        day = dt.date(year, r.month, r.day)
    elif cal == "nth_weekday":
        assert r.month and r.weekday and r.nth
        day = nth_weekday(year, r.month, r.weekday, r.nth)
    elif cal == "easter":
        day = easter(year)
    elif cal == "orthodox_easter":
        day = orthodox_easter(year)
    elif cal == "hijri":
        assert r.month and r.day
        first = Gregorian(year, 1, 1).to_hijri().year
        days = [_hijri(hy, r.month, r.day) for hy in (first, first + 1)]
        day = next(d for d in days if d.year == year)
    else:
        raise ValueError(f"no date for {cal}")
    return day + dt.timedelta(days=int(r.offset))


def _hijri(year: int, month: int, day: int) -> dt.date:
    g = Hijri(year, month, day).to_gregorian()
    return dt.date(g.year, g.month, g.day)


def _candidates(r: Reading, dct: dt.date) -> list[dt.date]:
    """Occurrences around the DCT, in order."""
    if r.sub == "hijri":
        assert r.month and r.day
        h = Gregorian(dct.year, dct.month, dct.day).to_hijri().year
        shift = dt.timedelta(days=int(r.offset))
        return [_hijri(y, r.month, r.day) + shift for y in (h - 1, h, h + 1)]
    return [in_year(r, y) for y in (dct.year - 1, dct.year, dct.year + 1)]


def anchor(r: Reading, ctx: Context) -> Resolved | None:
    try:
        return _occurrence(r, ctx)
    except (StopIteration, IndexError):  # no occurrence that way (a DCT far out of range)
        return None


def _occurrence(r: Reading, ctx: Context) -> Resolved | None:
    if r.sub in (None, "unknown"):
        return None  # a named day we cannot date: no expression
    dct = ctx.dct
    if r.year_offset is not None:
        day = in_year(r, dct.year + r.year_offset)
    else:
        days = _candidates(r, dct)
        if r.direction == 1:
            day = next(d for d in days if d > dct)
        elif r.direction == -1:
            day = [d for d in days if d < dct][-1]
        elif ctx.future:  # the next one, or one a few days back ("after the Eid holiday")
            day = next(d for d in days if d >= dct - dt.timedelta(days=FEAST_DAYS))
        else:
            day = min(days, key=lambda d: distance(d, dct))
    return Resolved(day.isoformat(), "dct", (day.year, day.month, day.day))


def holiday(f: Fields, span: tuple[int, int]) -> list[Piece]:
    spec = f.get("holiday") or {"calendar": "unknown"}
    year_offset = f.get("year_rel", f.get("this"))
    direction = f.get("direction")
    if direction == 0:  # "عيد الفطر هذا": this year's
        year_offset, direction = 0, None
    r = Reading(
        "DATE",
        "holiday",
        month=spec.get("month"),
        day=spec.get("day"),
        weekday=spec.get("weekday"),
        nth=spec.get("nth"),
        sub=spec["calendar"],
        offset=f.get("holiday_shift", 0) + spec.get("offset", 0),
        direction=direction,
        year_offset=year_offset,
    )
    if "hyear" in f:  # "عيد الفطر 1439"
        if r.sub != "hijri":
            raise KeyError("a Hijri year on a Gregorian holiday")
        assert r.month and r.day
        try:
            day = _hijri(f["hyear"], r.month, r.day) + dt.timedelta(days=int(r.offset))
        except (ValueError, OverflowError):  # out of the Umm al-Qura tables
            raise KeyError("no such Hijri year") from None
    elif "year" in f:  # "عيد الشكر 2010", "عيد الأضحى عام 2018"
        try:
            day = in_year(r, f["year"])
        except (ValueError, OverflowError, StopIteration):
            raise KeyError("no such holiday that year") from None
    else:
        return [(*span, r)]
    return [(*span, Reading("DATE", "cal", day.year, day.month, day.day))]
