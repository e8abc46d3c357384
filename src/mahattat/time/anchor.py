"""Anchoring: turn a ``Reading`` into a TIMEX3 value.

A year-less date continues the story: it takes the year of the most recent calendar
date a few sentences back, as long as that keeps the story moving forward (a chronology
is told in order). Otherwise it takes the reading nearest the publication date (DCT), a
past one preferred, or the next one in a future-tense clause. Relative dates count from
the DCT, except "after N years", which counts from the date its sentence gives.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TypeVar

from hijridate import Gregorian, Hijri

from .iso import period
from .readings import Reading

NARRATIVE_WINDOW = 4  # sentences a calendar date stays the story's anchor
ROLLOVER_DAYS = 200  # a year-less date after the anchor may fall in the next year
NEAREST = 2  # a weekday's direction: the one nearest a deictic day ("today, Friday")
FUTURE_WEIGHT = 2  # without a tense marker, a future reading must be twice as near
T = TypeVar("T")
FAR = 10**6  # the distance of a past date in a future-tense clause: never chosen
_MOD_MONTH = {"START": 1, "MID": 5, "END": 9}
_MOD_DAY = {"START": 1, "MID": 10, "END": 20}
_HOUR_SHIFT = {"AF": (1, 12), "EV": (1, 12), "NI": (6, 12)}  # hours in [lo, hi) get +12


@dataclass(frozen=True, slots=True)
class Anchor:
    """A resolved calendar date that later expressions may continue."""

    year: int
    month: int | None
    day: int | None
    mod: str | None
    tid: str
    sentence: int
    deictic: bool = False  # itself counted from the DCT: the story has no date of its own

    def start_key(self) -> tuple[int, int, int]:
        if self.month is None:
            return self.year, _MOD_MONTH.get(self.mod or "", 1), 1
        return self.year, self.month, self.day or _MOD_DAY.get(self.mod or "", 1)


@dataclass(frozen=True, slots=True)
class Context:
    dct: dt.date
    sentence: int
    future: bool
    narrative: Anchor | None  # most recent calendar date, any sentence
    window: int = NARRATIVE_WINDOW  # sentences the narrative anchor reaches
    # the tense of the verb nearest before the expression (``text.tense.nearest_verb``):
    # it turns a bare weekday forward ("present", "future") or back ("past")
    verb: str | None = None


@dataclass(frozen=True, slots=True)
class Resolved:
    value: str
    anchor: str | None  # "dct", a timex id, or None when absolute
    point: tuple[int, int | None, int | None] | None  # (year, month, day) to anchor on
    note: str | None = None  # what the text contradicts: "weekday-mismatch"...
    mod: str | None = None  # a mod the anchoring adds ("وبعد أسبوعين" from a day: APPROX)
    type: str | None = None  # a type other than the reading's ("بعد خمس دقائق" in a story)


def resolve(r: Reading, ctx: Context) -> Resolved | None:
    """The value of a reading of a core kind (``registry.KINDS`` has the others) in its
    context; None if it names no real date."""
    try:
        if r.kind == "lit":
            return Resolved(r.value or "", None, None)
        if r.kind == "cal":
            return _calendar(r, ctx)
        if r.kind == "hijri":
            return _hijri(r, ctx)
        if r.kind == "nth_weekday":
            return _nth_weekday(r, ctx)
        if r.kind == "dom":
            return _day_of_month(r, ctx)
        if r.kind == "weekday":
            day = _weekday(r, ctx)
            return Resolved(_with_time(day.isoformat(), r), "dct", (day.year, day.month, day.day))
        return _relative(r, ctx)
    except (ValueError, OverflowError):
        return None  # 31 February, a Hijri year out of range: not a date


def _calendar(r: Reading, ctx: Context) -> Resolved:
    if r.alt_month is not None:  # two months of one kind: the one nearer the DCT
        months = (r.month, r.alt_month)
        options = [_calendar(replace(r, month=m, alt_month=None), ctx) for m in months]
        return nearest(options, lambda res: _first_day(res.point), ctx.dct, ctx.future)
    if r.year is not None:
        note = None
        if r.month and r.day:
            day = dt.date(r.year, r.month, r.day)  # raises on 31 February
            note = _mismatch(day, r.weekday)
        point = (r.year, r.month, r.day)
        return Resolved(_format(r.year, r.month, r.day, r.sub), None, point, note)
    assert r.month is not None
    if r.year_offset is not None:
        year, label = ctx.dct.year + r.year_offset, "dct"
    else:
        year, label = _year_for(r.month, r.day, r, ctx)
    note = None
    if r.day:
        dt.date(year, r.month, r.day)
        if r.weekday is not None:
            year, note = _agreeing_year(r, year, label, ctx)
    return Resolved(_format(year, r.month, r.day), label, (year, r.month, r.day), note)


def _first_day(point: tuple[int, int | None, int | None] | None) -> dt.date:
    assert point is not None
    y, m, d = point
    return dt.date(y, m or 1, d or 1)


WEEKDAY_MISMATCH = "weekday-mismatch"


def _mismatch(day: dt.date, weekday: int | None) -> str | None:
    """The note of a date whose written weekday is not its own ("الأربعاء 23 مايو 2017")."""
    return WEEKDAY_MISMATCH if weekday is not None and day.isoweekday() != weekday else None


def _agreeing_year(r: Reading, year: int, label: str, ctx: Context) -> tuple[int, str | None]:
    """The year, of the one chosen and the two around it, in which the day falls on the
    weekday written beside it ("الأحد 17 مارس"), the nearest to the date the year was
    chosen from; the chosen year, noted, when none does or a word fixed the year."""
    assert r.month is not None and r.day is not None and r.weekday is not None
    if r.direction is not None or r.year_offset is not None:
        return year, _mismatch(dt.date(year, r.month, r.day), r.weekday)
    a = ctx.narrative
    ref = dt.date(*a.start_key()) if a is not None and label == a.tid else ctx.dct
    agree = []
    for y in (year, year - 1, year + 1):
        try:
            day = dt.date(y, r.month, r.day)
        except ValueError:  # 29 February
            continue
        if day.isoweekday() == r.weekday:
            agree.append(day)
    if not agree:
        return year, WEEKDAY_MISMATCH
    if agree[0].year == year:
        return year, None
    return nearest(agree, lambda d: d, ref, ctx.future).year, None


def _year_for(month: int, day: int | None, r: Reading, ctx: Context) -> tuple[int, str]:
    a = ctx.narrative
    # a year the text names by reference ("العام الماضي") anchors its own sentence's months
    named_year = a is not None and a.month is None and a.sentence == ctx.sentence
    # a story told in the past does not go on from a date still to come: "توقع الصندوق
    # في مايو" after "في عام 2019" (a forecast) is the last May
    forecast = a is not None and dt.date(*a.start_key()) > ctx.dct and ctx.verb == "past"
    if (
        r.direction is None
        and a is not None
        and (not a.deictic or named_year)
        and ctx.sentence - a.sentence <= ctx.window
        and not forecast
    ):
        start = a.start_key()
        for year in (a.year, a.year + 1):
            end = (year, month, day or 31)
            if end < start:
                continue
            first = dt.date(year, month, day or 1)
            if year == a.year or (first - dt.date(*start)).days <= ROLLOVER_DAYS:
                return year, a.tid
            break
    return _dct_year(month, day, r.direction, ctx), "dct"


def _dct_year(month: int, day: int | None, direction: int | None, ctx: Context) -> int:
    d = ctx.dct
    if direction == 0:
        return d.year
    if direction == -1:  # "last October": strictly before the current month/day
        return d.year if (month, day or 0) < (d.month, d.day if day else 0) else d.year - 1
    if direction == 1 or ctx.future:
        return d.year if (month, day or 31) >= (d.month, d.day) else d.year + 1
    return nearest_year(d, lambda y: dt.date(y, month, day or 15))


def distance(day: dt.date, dct: dt.date, future: bool = False) -> int:
    """How far a candidate date lies from the DCT when choosing between readings.

    News mostly reports what happened, but a date with no tense marker a few weeks
    ahead (a programme, a deadline) is in the coming weeks, not a year ago: a future
    date counts double. In a future-tense clause only dates from the DCT on qualify.
    """
    days = (day - dct).days
    if future:
        return days if days >= 0 else FAR
    return days * FUTURE_WEIGHT if days > 0 else -days


def nearest(
    options: Iterable[T], date_of: Callable[[T], dt.date], dct: dt.date, future: bool = False
) -> T:
    """The option whose date is nearest the DCT, by ``distance``."""
    return min(options, key=lambda o: distance(date_of(o), dct, future))


def nearest_year(dct: dt.date, on: Callable[[int], dt.date], future: bool = False) -> int:
    """The year, around the DCT's, whose date ``on(year)`` is nearest the DCT."""
    return nearest((dct.year - 1, dct.year, dct.year + 1), on, dct, future)


def _hijri(r: Reading, ctx: Context) -> Resolved:
    year = r.year
    label = None
    if year is None:
        label = "dct"
        h = Gregorian(ctx.dct.year, ctx.dct.month, ctx.dct.day).to_hijri()
        month, day = r.month or h.month, r.day or 1
        years: tuple[int, ...] = (
            (h.year, h.year + 1) if ctx.future else (h.year - 1, h.year, h.year + 1)
        )
        if r.weekday is not None and r.day:  # "الخميس 28 شوال": the year where they agree
            agree = tuple(y for y in years if _hijri_day(y, month, day).isoweekday() == r.weekday)
            years = agree or years
        year = nearest(years, lambda y: _hijri_day(y, month, day), ctx.dct, ctx.future)
    if r.month is None:  # a whole Hijri year
        first = Hijri(year, 1, 1).to_gregorian()
        last = Hijri(year, 12, Hijri(year, 12, 1).month_length()).to_gregorian()
        return Resolved(f"{first.isoformat()}/{last.isoformat()}", label, None)
    if r.day:
        g = _hijri_day(year, r.month, r.day)
        return Resolved(g.isoformat(), label, (g.year, g.month, g.day), _mismatch(g, r.weekday))
    first = Hijri(year, r.month, 1).to_gregorian()
    last = Hijri(year, r.month, Hijri(year, r.month, 1).month_length()).to_gregorian()
    return Resolved(f"{first.isoformat()}/{last.isoformat()}", label, None)


def _hijri_day(year: int, month: int, day: int) -> dt.date:
    g = Hijri(year, month, day).to_gregorian()
    return dt.date(g.year, g.month, g.day)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The ``nth`` ISO ``weekday`` of a month (``nth`` -1: the last); ValueError if none."""
    if nth < 0:
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    day = first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    if day.month != month:
        raise ValueError("no such weekday")
    return day


def _day_of_month(r: Reading, ctx: Context) -> Resolved:
    assert r.day is not None
    base = ctx.dct.year * 12 + ctx.dct.month - 1
    months = [base + r.direction] if r.direction is not None else [base - 1, base, base + 1]

    def date_of(k: int) -> dt.date:
        y, m = divmod(k, 12)
        return dt.date(y, m + 1, min(r.day or 1, calendar.monthrange(y, m + 1)[1]))

    y, m = divmod(nearest(months, date_of, ctx.dct, ctx.future), 12)
    day = dt.date(y, m + 1, r.day)  # raises for 31 November: not a date
    return Resolved(_with_time(day.isoformat(), r), "dct", (day.year, day.month, day.day))


def hijri_nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The ``nth`` ISO ``weekday`` of a Hijri month (``nth`` -1: the last), in Gregorian."""
    first = _hijri_day(year, month, 1)
    last = first + dt.timedelta(days=Hijri(year, month, 1).month_length() - 1)
    if nth < 0:
        return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)
    day = first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    if day > last:
        raise ValueError("no such weekday")
    return day


def _nth_weekday(r: Reading, ctx: Context) -> Resolved:
    assert r.weekday is not None and r.nth is not None
    month, weekday, nth = r.month or ctx.dct.month, r.weekday, r.nth
    year = r.year
    if r.sub == "hijri":  # "آخر جمعة من رمضان": the occurrence nearest the DCT
        h = Gregorian(ctx.dct.year, ctx.dct.month, ctx.dct.day).to_hijri().year
        years = (h, h + 1) if ctx.future else (h - 1, h, h + 1)
        days = [hijri_nth_weekday(y, month, weekday, nth) for y in years]
        day = nearest(days, lambda d: d, ctx.dct, ctx.future)
        return Resolved(day.isoformat(), "dct", (day.year, day.month, day.day))
    if r.month is None:  # "the second Sunday": of the DCT's month, or of the one named
        y, m = divmod(ctx.dct.year * 12 + ctx.dct.month - 1 + int(r.offset), 12)
        year, month = y, m + 1
    if year is None:
        year = nearest_year(ctx.dct, lambda y: nth_weekday(y, month, weekday, nth), ctx.future)
    day = nth_weekday(year, month, weekday, nth)
    label = None if r.year is not None and r.month is not None else "dct"
    return Resolved(day.isoformat(), label, (day.year, day.month, day.day))


def _weekday(r: Reading, ctx: Context) -> dt.date:
    assert r.weekday is not None
    if r.direction == NEAREST:
        day = ctx.dct + dt.timedelta(days=int(r.offset))
        shift = (r.weekday - day.isoweekday() + 3) % 7 - 3
        return day + dt.timedelta(days=shift)
    delta = r.weekday - ctx.dct.isoweekday()
    if r.direction == -1:
        return ctx.dct + dt.timedelta(days=delta - 7 if delta >= 0 else delta)
    if r.direction == 1:
        return ctx.dct + dt.timedelta(days=delta + 7 if delta <= 0 else delta)
    forward = ctx.verb in ("present", "future") if ctx.verb is not None else ctx.future
    if forward:  # "المباراة التي تنطلق الخميس": the coming one
        return ctx.dct + dt.timedelta(days=delta % 7)
    return ctx.dct - dt.timedelta(days=(-delta) % 7)


def _relative(r: Reading, ctx: Context) -> Resolved:
    a = ctx.narrative
    # "وبعد أسبوعين" continues the story: a date the text tells reaches as far as in a
    # chronology; one counted from the DCT, only into the next sentence
    reach = max(ctx.window, 1) if a is None or a.deictic else max(ctx.window, NARRATIVE_WINDOW)
    story = r.anaphoric and a is not None and ctx.sentence - a.sentence <= reach
    if story and r.sub and (ctx.future or ctx.verb in ("present", "future")):
        story = False  # "تبدأ الأشغال خلال الصيف": the coming one, not the story's
    if story:
        assert a is not None
        base, label = dt.date(a.year, a.month or 1, a.day or 1), a.tid
    else:
        base, label = ctx.dct, "dct"
    n = int(r.offset)
    unit = r.unit or "D"
    if unit in ("H", "MIN", "S") and story:  # minutes after a day of no known hour
        return Resolved(period([(abs(r.offset), unit)]), None, None, type="DURATION")
    # two weeks after a day the story tells: about the day fourteen days later
    if unit == "W" and story and a is not None and a.day is not None and not (r.sub or r.weekday):
        day = base + dt.timedelta(weeks=n)
        mod = r.mod or "APPROX"
        return Resolved(day.isoformat(), label, (day.year, day.month, day.day), mod=mod)
    if unit in ("H", "MIN", "S"):
        step = {"H": 3600, "MIN": 60, "S": 1}[unit] * r.offset
        t = dt.datetime.combine(base, dt.time()) + dt.timedelta(seconds=step)
        return Resolved(t.strftime("%Y-%m-%dT%H:%M"), label, None)
    if unit == "D":
        day = base + dt.timedelta(days=n)
        return Resolved(_with_time(day.isoformat(), r), label, (day.year, day.month, day.day))
    if unit == "W":
        monday = base - dt.timedelta(days=base.isoweekday() - 1) + dt.timedelta(weeks=n)
        if r.weekday:  # "Friday of next week"
            day = monday + dt.timedelta(days=r.weekday - 1)
            return Resolved(day.isoformat(), label, (day.year, day.month, day.day))
        iso = monday.isocalendar()
        week = f"{iso.year}-W{iso.week:02d}"
        return Resolved(f"{week}-{r.sub}" if r.sub else week, label, None)
    if unit == "M":
        y, m = divmod(base.year * 12 + base.month - 1 + n, 12)
        return Resolved(f"{y:04d}-{m + 1:02d}", label, (y, m + 1, None))
    if unit == "Q":
        y, q = divmod(base.year * 4 + (base.month - 1) // 3 + n, 4)
        return Resolved(f"{y:04d}-Q{q + 1}", label, None)
    if unit == "DE":
        return Resolved(f"{base.year // 10 + n:03d}", label, None)
    if unit == "CE":
        return Resolved(f"{base.year // 100 + n:02d}", label, None)
    year = base.year + n
    return Resolved(_format(year, None, None, r.sub), label, (year, None, None))


def _with_time(day: str, r: Reading) -> str:
    if r.hour is not None:
        hour = r.hour
        lo, hi = _HOUR_SHIFT.get(r.part or "", (0, 0))
        if lo <= hour < hi:
            hour += 12
        seconds = f":{r.second:02d}" if r.second is not None else ""
        return f"{day}T{hour % 24:02d}:{r.minute or 0:02d}{seconds}"
    if r.part:
        return f"{day}T{r.part}"
    return day


def _format(year: int, month: int | None, day: int | None, sub: str | None = None) -> str:
    if year < 0:
        return f"BC{-year:04d}"
    if sub:
        return f"{year:04d}-{sub}"
    out = f"{year:04d}"
    if month:
        out += f"-{month:02d}"
        if day:
            if day > calendar.monthrange(year, month)[1]:
                raise ValueError("no such day")
            out += f"-{day:02d}"
    return out
