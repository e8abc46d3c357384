"""Times of day: clock times, spelled hours, parts of the day, time ranges (rules/50-clock.toml).

A clock time becomes a ``Reading`` with a 24-hour ``hour``: the part of the day written with
it ("مساءً", "بعد الظهر", "في الليل") shifts the hour here, by the shift code its lexicon
class gives (``_SHIFT``). A part of the day alone keeps its TIMEX3 code (``MO`` ``AF`` ``EV``
``NI``) in ``part``. A range ("من 5 إلى 6 مساءً") is two readings: the part of the day of one
end applies to the other when that keeps the range in order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import cache
from typing import Any

import regex

from ..patterns import compiled
from .anchor import Context, Resolved, resolve
from .lexicon import alternation
from .readings import Fields, Piece, Reading, first

# shift code -> (lowest, highest) 12-hour clock hours that get +12, and hours read as 0
_SHIFT: dict[str, tuple[int, int, tuple[int, ...]]] = {
    "MO": (0, 0, (12,)),  # "12.01 من فجر الجمعة" is 00:01
    "NOON": (1, 10, ()),  # "الواحدة ظهراً" is 13:00, "الحادية عشرة ظهراً" 11:00
    "AF": (1, 11, ()),
    "EV": (1, 11, ()),  # "12:30 مساءً" translates "12:30 PM"
    "NI": (6, 11, (12,)),
    "MN": (0, 0, (12,)),  # "12 منتصف الليل", "الواحدة بعد منتصف الليل"
    "LUNCH": (1, 5, ()),
}
# a clock time's part of the day as the TIMEX3 code of a part alone
_PART_CODE = {
    "MO": "MO",
    "NOON": "AF",
    "AF": "AF",
    "EV": "EV",
    "NI": "NI",
    "MN": "NI",
    "LUNCH": "AF",
}
_MINUTES_PER_DAY = 24 * 60
# what makes an end of a range a clock time, besides the part of the day of the second end
_CLOCK_CUES = (
    "clock_word",
    "clock_word2",
    "minute",
    "minute2",
    "hour_word",
    "hour_word2",
    "clock_fraction",
    "clock_fraction2",
    "part",
)


def _shift(hour: int, code: str | None) -> int:
    if code is None or hour > 12:
        return hour
    lo, hi, zero = _SHIFT.get(code, (0, 0, ()))
    if hour in zero:
        return 0
    return hour + 12 if lo <= hour <= hi else hour


def _hour(f: Fields, suffix: str = "") -> int | None:
    for name in ("hour", "hour_word", "hour_cardinal"):
        if name + suffix in f:
            return int(f[name + suffix])
    return None


def _minutes(f: Fields, suffix: str = "") -> int:
    """Minutes after (or, negative, before) the hour."""
    if "minute" + suffix in f:
        return int(f["minute" + suffix])
    if "clock_fraction" + suffix in f:
        return int(f["clock_fraction" + suffix])
    if "min" + suffix in f:
        return int(f["min" + suffix])
    if "minless" + suffix in f:
        return -int(f["minless" + suffix])
    return 0


def _part(f: Fields, suffix: str = "") -> str | None:
    """The shift code of the part of the day written with a clock time."""
    for name in ("part", "cpart", "tonight", "lead"):
        if name + suffix in f:
            return str(f[name + suffix])
    return None


def _day(
    f: Fields,
    part: str | None,
    hour: int | None,
    minute: int | None,
    second: int | None,
    mod: str | None = None,
) -> Reading:
    """The reading of a time of day on the day the fields name (the DCT's by default)."""
    time_of_day: dict[str, Any] = {
        "part": part,
        "hour": hour,
        "minute": minute,
        "second": second,
        "mod": mod,
    }
    if "month" in f:  # "مساء الخميس 15 فبراير 2018"
        return Reading(
            "TIME", "cal_time", f.get("year"), f["month"], f["day"], weekday=f.get("weekday"),
            **time_of_day,
        )  # fmt: skip
    if "weekday" in f:
        near = 2 if "deictic_day" in f else f.get("direction")
        return Reading(
            "TIME",
            "weekday",
            weekday=f["weekday"],
            offset=f.get("deictic_day", 0),
            direction=near,
            **time_of_day,
        )
    if "anaphoric_unit" in f:  # "صباح اليوم التالي"
        offset = f["anaphoric_unit"][1]
        return Reading("TIME", "rel", unit="D", offset=offset, anaphoric=True, **time_of_day)
    if "deictic_day" in f or "direction" in f:  # "مساء أمس", "الليلة الماضية"
        offset = first(f, "deictic_day", "direction")
        return Reading("TIME", "rel", unit="D", offset=offset, **time_of_day)
    return Reading("TIME", "clock", unit="D", **time_of_day)  # no day: see clock_day


def cal_time(r: Reading, ctx: Context) -> Resolved | None:
    """A calendar day with a time of day: the day as a date, then its time."""
    day = resolve(replace(r, type="DATE", kind="cal", part=None, hour=None, mod=None), ctx)
    if day is None or day.value.count("-") != 2:
        return None
    return Resolved(day.value + _time_of_day(r), day.anchor, day.point, day.note)


def _time_of_day(r: Reading) -> str:
    if r.hour is None:
        return f"T{r.part}"
    seconds = f":{r.second:02d}" if r.second is not None else ""
    return f"T{r.hour:02d}:{r.minute or 0:02d}{seconds}"


def clock_day(r: Reading, ctx: Context) -> Resolved:
    """A time with no day of its own is on the day its sentence (or the one before) names,
    else on the DCT: "وقع الانفجار يوم الأحد ... عند الساعة العاشرة"."""
    a = ctx.narrative
    if (
        a is not None
        and a.month is not None
        and a.day is not None
        and ctx.sentence - a.sentence <= 1
    ):
        base, label = dt.date(a.year, a.month, a.day), a.tid
    else:
        base, label = ctx.dct, "dct"
    day = base + dt.timedelta(days=int(r.offset))
    return Resolved(day.isoformat() + _time_of_day(r), label, (day.year, day.month, day.day))


def _clock(f: Fields, suffix: str = "", default_part: str | None = None) -> tuple[int, int] | None:
    """(minutes since midnight, seconds) of a clock time; None if there is no hour."""
    hour = _hour(f, suffix)
    if hour is None and "point" in f and not suffix:
        h, m = f["point"]
        return h * 60 + m - int(f.get("minb", 0)), 0
    if hour is None:
        return None
    part = _part(f, suffix) or default_part
    if hour > 24:  # a 24-hour time keeps its hour whatever the part of the day
        raise KeyError("no such hour")
    minutes = _minutes(f, suffix)
    if not -59 <= minutes <= 59:
        raise KeyError("no such minute")
    if part == "EV" and hour == 12 and "hour_word" + suffix in f:
        hour = 0  # "الثانية عشرة مساءً" is midnight; "12:30 مساءً" translates "12:30 PM"
    total = _shift(hour, part) * 60 + minutes - int(f.get("minb", 0))
    return total % _MINUTES_PER_DAY, int(f.get("sec", 0))


def time(f: Fields, span: tuple[int, int]) -> list[Piece]:
    mod = f.get("mod") or f.get("early")
    clock = _clock(f)
    if clock is None:
        part = f.get("part") or f.get("cpart") or f.get("tonight")
        code = None if part is None else _PART_CODE.get(part, part)
        return [(*span, _day(f, code, None, None, None, mod))]
    total, sec = clock
    second = sec if "sec" in f else None
    return [(*span, _day(f, None, total // 60, total % 60, second, mod))]


def night_between(f: Fields, span: tuple[int, int]) -> list[Piece]:
    """ "ليل الأحد الاثنين": the night from one day into the next, dated by the first."""
    if int(f["weekday"]) % 7 + 1 != int(f["weekday2"]):
        raise KeyError("two days that do not follow each other")
    return time({k: v for k, v in f.items() if k != "weekday2"}, span)


def time_glued(f: Fields, span: tuple[int, int], m: regex.Match[str]) -> list[Piece]:
    """ "1140 صباحاً": the last two digits are the minutes."""
    glued = m.group("glued")
    return time({**f, "hour": int(glued[:-2]), "minute": int(glued[-2:])}, span)


def time_pair(f: Fields, span: tuple[int, int], m: regex.Match[str]) -> list[Piece]:
    """Two clock times; at least one end must say it is a clock time."""
    part1, part2 = _part(f), _part(f, "2")
    cue = (
        part1 or part2 or "clock_word" in f or "clock_word2" in f or "minute" in f or "minute2" in f
    )
    if not cue:
        raise KeyError("two numbers, not two times")
    bare = not any(k in f for k in _CLOCK_CUES)  # no cue but a part of the day on the 2nd end
    if bare and (_hour(f) or 0) >= (_hour(f, "2") or 0):
        raise KeyError("a score (2-2, 3-1), not two times")
    if bare and f.get("join") == "dash" and ("weekday" in f or "deictic_day" in f):
        raise KeyError("a score on a day (2-2 مساء السبت)")
    end = _clock(f, "2", part1)
    start = _clock(f, "", part2)
    assert start is not None and end is not None
    if part1 is None and part2 is not None and start[0] > end[0]:
        start = _clock(f, "", None)  # "من 10 إلى 2 ظهراً": the part is the second end's
        assert start is not None
    if part2 is None and part1 is not None and end[0] < start[0] and end[0] < 12 * 60:
        end = (end[0] + 12 * 60, end[1])  # "من 11 صباحاً إلى 2"
    first = _day(f, None, start[0] // 60, start[0] % 60, None)
    second = _day(f, None, end[0] // 60, end[0] % 60, None)
    if end[0] < start[0] and second.kind in ("rel", "clock"):  # "من العاشرة ليلاً إلى الخامسة صباحاً"
        second = replace(second, offset=second.offset + 1)
    return [(m.start("first"), m.end("first"), first), (m.start("second"), m.end("second"), second)]


# --- a day and a time of day written side by side: one TIME ------------------------------

# Day readings a clock time can be set on: a calendar day, a weekday, a day counted from
# today, a day of this month.
_DAY_KINDS = frozenset({"cal", "weekday", "rel", "dom"})


@cache
def _joins() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """What may stand between a day and its time ("الجمعة 14/06 عند الساعة 9:15"), and
    between a time and its day ("الساعة التاسعة من يوم الجمعة"): lexicon classes
    ``datetime_join`` and ``time_date_join``, a comma or a dash (a schedule's "السبت 13
    ماي 2017 - الساعة 20:00"), spaces."""
    gap = r"[ ]{0,3}(?:[,،\-–][ ]{0,3})?"
    after = compiled(rf"{gap}(?:(?:{alternation('datetime_join')})[ ]{{1,3}})?")
    before = compiled(rf"{gap}(?:(?:{alternation('time_date_join')})[ ]{{1,3}})?")
    return after, before


def _is_day(r: Reading) -> bool:
    if r.type != "DATE" or r.kind not in _DAY_KINDS or r.hour is not None:
        return False
    if r.kind == "cal":
        return r.day is not None and r.month is not None
    return r.kind != "rel" or (r.unit == "D" and not r.sub)


def _on_day(day: Reading, clock: Reading) -> Reading:
    kind = "cal_time" if day.kind == "cal" else day.kind
    return replace(
        day, type="TIME", kind=kind, hour=clock.hour, minute=clock.minute,
        second=clock.second, part=clock.part, mod=clock.mod or day.mod,
    )  # fmt: skip


def join_days_and_times(text: str, pieces: list[Piece]) -> list[Piece]:
    """A day followed by a clock time, or a clock time followed by its day, with only a
    join word between them, is one TIME: "الجمعة 14/06 عند الساعة 9:15 مساءً",
    "الساعة العاشرة صباحاً يوم 22 أبريل". ``pieces`` are in text order."""
    after, before = _joins()
    out: list[Piece] = []
    i = 0
    while i < len(pieces):
        s1, e1, r1 = pieces[i]
        if i + 1 < len(pieces):
            s2, e2, r2 = pieces[i + 1]
            if r2.kind == "clock" and _is_day(r1) and after.fullmatch(text, e1, s2):
                out.append((s1, e2, _on_day(r1, r2)))
                i += 2
                continue
            if r1.kind == "clock" and _is_day(r2) and before.fullmatch(text, e1, s2):
                out.append((s1, e2, _on_day(r2, r1)))
                i += 2
                continue
        out.append(pieces[i])
        i += 1
    return out
