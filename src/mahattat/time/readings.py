"""Readings: what a matched expression means before it is anchored in time.

A resolver turns a rule's match into one or more ``Reading``s. Resolvers know no Arabic:
every word's meaning comes from the lexicon class the rule captured it with.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex
from hijridate import Gregorian, Hijri

from .grammar import Rule
from .iso import period
from .lexicon import lookup


@dataclass(frozen=True, slots=True)
class Reading:
    """A temporal expression's meaning, relative or absolute.

    kind: ``cal`` a calendar date (its year may be missing); ``dom`` a day of the month
    ``direction`` months from the DCT's (None: the month nearest the DCT); ``rel``
    ``offset`` units from an anchor; ``weekday``; ``hijri``; ``nth_weekday`` (``nth``
    ``weekday`` of ``month``, the year given or nearest the DCT); ``lit`` a literal value
    (durations, sets, refs).
    """

    type: str
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    unit: str | None = None
    offset: float = 0
    weekday: int | None = None
    direction: int | None = None
    part: str | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None  # a clock time's seconds, when written
    value: str | None = None
    mod: str | None = None
    anaphoric: bool = False
    sub: str | None = None  # Q1, H2, SU...: a part of the year
    year_offset: int | None = None  # "of last year": the DCT's year plus this
    nth: int | None = None  # kind "nth_weekday": the nth ``weekday`` of ``month`` (-1: last)
    alt_month: int | None = None  # "يناير/كانون الأول": the other month the text names
    note: str | None = None  # what the text contradicts (``records.Timex.note``)


Fields = dict[str, Any]
Piece = tuple[int, int, Reading]  # view span and meaning


def first(f: Fields, *names: str) -> Any:
    """The first of ``names`` captured (0 when none is): "direction", else "this"."""
    return next((f[n] for n in names if n in f), 0)


def fields(rule: Rule, m: regex.Match[str]) -> Fields:
    """Captured groups with their lexicon meanings (built-ins as numbers)."""
    out: Fields = {}
    for name, kinds in rule.groups.items():
        text = m.group(name)
        if text is None:
            continue
        for kind in kinds:
            try:
                out[name] = _meaning(kind, text)
                break
            except (KeyError, ValueError):
                if kind == kinds[-1]:
                    raise KeyError(text) from None
    return out


def _meaning(kind: str, text: str) -> Any:
    if kind in ("DAY", "MONTHNUM", "YEAR", "YEARFULL", "YEAR3", "HYEAR", "HOUR", "MINUTE"):
        return int(text)
    if kind == "NUMBER":
        return parse_number(text)
    if kind == "ORDDAY":
        return parse_ordinal(text)
    if kind == "YEARWORDS":
        return parse_year_words(text)
    return lookup(kind, text)


def parse_number(text: str) -> float:
    if text[0].isdigit():
        return float(text.replace(",", ""))
    total = 0.0
    for part in regex.split(r"[ ]+و[ ]?", text):
        total += lookup("cardinal", part)
    return total


def parse_year_words(text: str) -> int:
    """Sum the parts of a year in words; each part is a thousands, hundreds or number word."""
    total = 0
    for part in regex.split(r"[ ]+و[ ]?", text):
        for cls in ("thousands", "hundreds", "cardinal"):
            try:
                total += lookup(cls, part)
                break
            except KeyError:
                continue
        else:
            raise KeyError(part)
    return total


def parse_ordinal(text: str) -> int:
    parts = regex.split(r"[ ]+و", text)
    if len(parts) == 2:
        return lookup("ordinal_unit", parts[0]) + lookup("ordinal_ten", parts[1])
    for cls in ("ordinal_teen", "ordinal_ten", "ordinal"):
        try:
            return lookup(cls, text)
        except KeyError:
            continue
    raise KeyError(text)


def _num(f: Fields) -> float:
    if "unit_dual" in f:
        return 2 + f.get("fraction", 0)
    return f.get("number", 1) + f.get("fraction", 0)


def _unit(f: Fields) -> str:
    for name in ("unit", "unit_dual", "unit_one", "unit_singular_point"):
        if name in f:
            return f[name]
    return "D"


MONTH_MISMATCH = "month-mismatch"


def _month(f: Fields, m: regex.Match[str]) -> tuple[int | None, int | None, str | None]:
    """The month of a date, the other one when a compound names two that disagree
    ("يناير/كانون الأول"), and the note. A compound's Egyptian or Maghreb name is trusted
    over its Levantine one, which writers confuse (كانون الأول/الثاني); two names of one
    kind leave the choice to the anchoring (``alt_month``)."""
    first, second = f.get("month"), f.get("month2")
    if first is None or second is None or first == second:
        return first or second or f.get("monthnum"), None, None
    levantine = [_is_levantine(m.group(name)) for name in ("month", "month2")]
    if levantine[0] != levantine[1]:
        return (second if levantine[0] else first), None, MONTH_MISMATCH
    return first, second, MONTH_MISMATCH


def _is_levantine(surface: str) -> bool:
    try:
        lookup("month_levantine", surface)
    except KeyError:
        return False
    return True


def date(f: Fields, span: tuple[int, int], m: regex.Match[str]) -> list[Piece]:
    month, alt_month, note = _month(f, m)
    day = f.get("day") or f.get("ordday")
    direction = f.get("direction", f.get("this"))
    year_offset = f.get("year_direction") if f.get("unit_singular_point") == "Y" else None
    r = Reading(
        "DATE",
        "cal",
        f.get("year", f.get("yearfull")),
        month,
        day,
        mod=f.get("mod_point"),
        direction=direction,
        year_offset=year_offset,
        weekday=f.get("weekday") if day else None,  # "الأحد 17 مارس": checked, or picks the year
        alt_month=alt_month,
        note=note,
    )
    return [(*span, r)]


def year_pair(f: Fields, span: tuple[int, int], m: regex.Match[str]) -> list[Piece]:
    return [
        (m.start("first"), m.end("first"), Reading("DATE", "cal", f["year"])),
        (m.start("second"), m.end("second"), Reading("DATE", "cal", f["year2"])),
    ]


def date_range_year(f: Fields, span: tuple[int, int], m: regex.Match[str]) -> list[Piece]:
    """Two dates sharing the second's year; the first falls the year before if later."""
    year = f["yearfull"]
    first = (f["month"], f.get("day") or f.get("ordday"))
    second = (f["month2"], f.get("day2") or f.get("ordday2"))
    first_year = year if (first[0], first[1] or 0) <= (second[0], second[1] or 0) else year - 1
    return [
        (m.start("first"), m.end("first"), Reading("DATE", "cal", first_year, *first)),
        (m.start("second"), m.end("second"), Reading("DATE", "cal", year, *second)),
    ]


def day_pair(f: Fields, span: tuple[int, int], m: regex.Match[str]) -> list[Piece]:
    """Days of one month: the two ends of a range, or every day of a list."""
    year, month, direction = f.get("year"), f["month"], f.get("direction")
    days = [(m.start("first"), m.end("first"), f["day"])]
    if "mid" in m.re.groupindex:
        mids = zip(m.spans("mid"), m.captures("mid"), strict=True)
        days += [(s, e, int(d)) for (s, e), d in mids]
    days.append((m.start("second"), m.end("second"), f["day2"]))
    return [(s, e, Reading("DATE", "cal", year, month, d, direction=direction)) for s, e, d in days]


def hijri(f: Fields, span: tuple[int, int]) -> list[Piece]:
    day = f.get("day") or f.get("ordday")
    weekday = f.get("weekday") if day else None
    r = Reading(
        "DATE", "hijri", f.get("hyear"), f.get("hijri_month"), day, mod=f.get("mod_point"),
        weekday=weekday,
    )  # fmt: skip
    return [(*span, r)]


def weekday(f: Fields, span: tuple[int, int]) -> list[Piece]:
    # "today, Friday": the Friday nearest today (outlets often publish a day late)
    if "deictic_day" in f:
        r = Reading("DATE", "weekday", weekday=f["weekday"], offset=f["deictic_day"], direction=2)
    else:
        r = Reading("DATE", "weekday", weekday=f["weekday"], direction=f.get("direction"))
    return [(*span, r)]


def deictic(f: Fields, span: tuple[int, int]) -> list[Piece]:
    return [(*span, Reading("DATE", "rel", unit="D", offset=f["deictic_day"]))]


def anaphoric(f: Fields, span: tuple[int, int]) -> list[Piece]:
    unit, offset = f["anaphoric_unit"]
    r = Reading("DATE", "rel", unit=unit, offset=offset, mod=f.get("mod_point"), anaphoric=True)
    return [(*span, r)]


def relative(f: Fields, span: tuple[int, int]) -> list[Piece]:
    mod = f.get("mod_point") or f.get("mod_amount")
    if "before" in f:
        r = Reading("DATE", "rel", unit=_unit(f), offset=-_num(f), mod=mod)
    elif "after" in f:
        # "after three years" continues the story unless "from now" pins it to today
        r = Reading(
            "DATE", "rel", unit=_unit(f), offset=_num(f), mod=mod, anaphoric="from_now" not in f
        )
    else:
        offset = first(f, "direction", "this")
        r = Reading("DATE", "rel", unit=f["unit_singular_point"], offset=offset, mod=mod)
    return [(*span, r)]


def ref(f: Fields, span: tuple[int, int]) -> list[Piece]:
    return [(*span, Reading("DATE", "lit", value=f["ref"]))]


def decade(f: Fields, span: tuple[int, int]) -> list[Piece]:
    century = f.get("century")
    if century is None:
        century = 20 if f.get("direction") == 0 else 19
    elif century > 19:
        century -= 1  # "the twentieth century" is the 1900s
    return [
        (*span, Reading("DATE", "lit", value=f"{century}{f['decade']}", mod=f.get("mod_point")))
    ]


def century(f: Fields, span: tuple[int, int]) -> list[Piece]:
    if "century" in f:
        return [
            (*span, Reading("DATE", "lit", value=f"{f['century'] - 1:02d}", mod=f.get("mod_point")))
        ]
    return [
        (*span, Reading("DATE", "rel", unit="CE", offset=f["direction"], mod=f.get("mod_point")))
    ]


def quarter(f: Fields, span: tuple[int, int]) -> list[Piece]:
    sub = f"Q{f['quarter']}" if "quarter" in f else f"H{f['half']}"
    if "year" in f:
        return [(*span, Reading("DATE", "cal", f["year"], sub=sub))]
    return [(*span, Reading("DATE", "rel", unit="Y", offset=f.get("direction", 0), sub=sub))]


def season(f: Fields, span: tuple[int, int]) -> list[Piece]:
    """A season; one the text points back to ("ذلك الصيف", "في إحدى ليالي الصيف") is of the
    story's year, a bare one ("خلال الشتاء") of the DCT's."""
    if "year" in f:
        return [(*span, Reading("DATE", "cal", f["year"], sub=f["season"], mod=f.get("mod_point")))]
    offset = first(f, "direction", "this")
    story = "that" in f or "vague_lead" in f
    r = Reading(
        "DATE", "rel", unit="Y", offset=offset, sub=f["season"], mod=f.get("mod_point"),
        anaphoric=story,
    )  # fmt: skip
    return [(*span, r)]


def numeric(f: Fields, span: tuple[int, int], m: regex.Match[str]) -> list[Piece]:
    """Digits: Y-M-D when the first part has four digits, else D-M, else M-D."""
    a, b, c = m.group("a"), m.group("b"), m.group("c")
    weekday = f.get("weekday")  # "الجمعة 14/06"
    if len(a) == 4:  # 2018-04-22, 2015/3
        day = int(c) if c else None
        r = Reading("DATE", "cal", int(a), int(b), day, weekday=weekday if day else None)
        return [(*span, r)]
    year = _full_year(c) if c else None
    if len(b) == 4:  # 3/2015: a month and its year
        if not 1 <= int(a) <= 12 or not 1000 <= int(b) < 2200:
            raise KeyError(m.group())  # "0.6567": a number
        return [(*span, Reading("DATE", "cal", int(b), int(a)))]
    first, second = int(a), int(b)
    day, month = (first, second) if second <= 12 else (second, first)
    if month > 12 or day > 31 or not day or not month:
        raise KeyError(m.group())  # not a date: the engine drops the match
    return [(*span, Reading("DATE", "cal", year, month, day, weekday=weekday))]


def _full_year(digits: str) -> int:
    """A two-digit year: this century up to ten years ahead, else the last one."""
    if len(digits) == 4:
        return int(digits)
    n = int(digits)
    return 2000 + n if n <= TWO_DIGIT_PIVOT else 1900 + n


TWO_DIGIT_PIVOT = 40


def day_of_month(f: Fields, span: tuple[int, int]) -> list[Piece]:
    """A day whose month the context gives: this month, or the one a word names."""
    day = f.get("day") or f.get("ordday")
    offset = f.get("direction", f.get("this"))
    return [
        (
            *span,
            Reading(
                "DATE", "dom", day=day, offset=offset if offset is not None else 0, direction=offset
            ),
        )
    ]


def hijri_in_year(f: Fields, span: tuple[int, int]) -> list[Piece]:
    """A Hijri month in a Gregorian year: the Hijri year whose month starts in it."""
    gregorian, month = f["year"], f["hijri_month"]
    middle = Gregorian(gregorian, 7, 1).to_hijri().year
    for year in (middle - 1, middle, middle + 1):
        if Hijri(year, month, 1).to_gregorian().year == gregorian:
            return [(*span, Reading("DATE", "hijri", year, month, mod=f.get("mod_point")))]
    raise KeyError(span)


def weekend(f: Fields, span: tuple[int, int]) -> list[Piece]:
    offset = f.get("direction", 0)
    return [(*span, Reading("DATE", "rel", unit="W", offset=offset, sub="WE"))]


def week_weekday(f: Fields, span: tuple[int, int]) -> list[Piece]:
    """A weekday of the week before, of or after the DCT's (ISO weeks)."""
    if f.get("unit_singular_point", "W") != "W":  # "الخميس من الشهر المقبل": no week
        raise KeyError(span)
    offset = first(f, "direction", "this")
    return [(*span, Reading("DATE", "rel", unit="W", offset=offset, weekday=f["weekday"]))]


MAX_WEEKDAYS_IN_MONTH = 5


def nth_weekday_of(f: Fields, span: tuple[int, int]) -> list[Piece]:
    """The nth (or, -1, the last) weekday of a month: named (Gregorian or Hijri: ``sub``
    "hijri"), or the DCT's month moved by ``offset`` months ("من الشهر المقبل")."""
    if f["ordinal"] > MAX_WEEKDAYS_IN_MONTH:  # "الاثنين العاشر" is no date: leave the weekday
        raise KeyError(f["ordinal"])
    unit = f.get("unit_singular_point")
    if unit is not None and unit != "M":  # "أول جمعة من العام": not a month
        raise KeyError(span)
    r = Reading(
        "DATE",
        "nth_weekday",
        f.get("year"),
        f.get("month") or f.get("hijri_month"),
        weekday=f["weekday"],
        nth=f["ordinal"],
        sub="hijri" if "hijri_month" in f else None,
        offset=first(f, "direction", "this") if unit else 0,
    )
    return [(*span, r)]


def relative_span(f: Fields, span: tuple[int, int]) -> list[Piece]:
    """ "The last three weeks": a DURATION of the units counted."""
    unit: str = f.get("unit_plural_def") or f.get("unit_dual_def") or f["unit"]
    if "unit_dual_def" in f:
        n: float | str = 2
    elif "number" in f or "n2" in f:
        n = first(f, "number", "n2")
    else:
        n = "X"
    return [(*span, Reading("DURATION", "lit", value=period([(n, unit)])))]


def name(f: Fields, span: tuple[int, int]) -> list[Piece]:
    """A title or a name holding a date word ("النائب العام السابق"): no date."""
    return [(*span, Reading("DATE", "name"))]
