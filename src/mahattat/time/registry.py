"""The two tables of the time stage, in one place: ``RESOLVERS`` (a rule's ``resolver``
name in ``data/time/rules/*.toml`` -> the function that reads its match) and ``KINDS``
(a reading kind beyond the core ones of ``anchor.resolve`` -> the function that anchors
it). Adding a resolver or a kind means adding a line here."""

from __future__ import annotations

from collections.abc import Callable

import regex

from . import clock, durations, holidays
from . import readings as r
from .anchor import Context, Resolved
from .anchor import resolve as resolve_core
from .grammar import Rule
from .readings import Fields, Piece, Reading, fields

Resolver = Callable[[Fields, tuple[int, int], regex.Match[str]], list[Piece]]
Kind = Callable[[Reading, Context], Resolved | None]


def _span_only(fn: Callable[[Fields, tuple[int, int]], list[Piece]]) -> Resolver:
    """A resolver that needs the captured fields and the span, not the match."""
    return lambda f, span, m: fn(f, span)


RESOLVERS: dict[str, Resolver] = {
    "date": r.date,
    "hijri": _span_only(r.hijri),
    "weekday": _span_only(r.weekday),
    "deictic": _span_only(r.deictic),
    "relative": _span_only(r.relative),
    "ref": _span_only(r.ref),
    "anaphoric": _span_only(r.anaphoric),
    "decade": _span_only(r.decade),
    "century": _span_only(r.century),
    "quarter": _span_only(r.quarter),
    "season": _span_only(r.season),
    "day_of_month": _span_only(r.day_of_month),
    "hijri_in_year": _span_only(r.hijri_in_year),
    "weekend": _span_only(r.weekend),
    "week_weekday": _span_only(r.week_weekday),
    "relative_span": _span_only(r.relative_span),
    "nth_weekday": _span_only(r.nth_weekday_of),
    "year_pair": r.year_pair,
    "numeric": r.numeric,
    "day_pair": r.day_pair,
    "date_range_year": r.date_range_year,
    "time": _span_only(clock.time),
    "night_between": _span_only(clock.night_between),
    "time_glued": clock.time_glued,
    "time_pair": clock.time_pair,
    "duration": durations.duration,
    "set": durations.set_,
    "holiday": _span_only(holidays.holiday),
    "name": _span_only(r.name),
}

KINDS: dict[str, Kind] = {
    "cal_time": clock.cal_time,  # a date with a clock time
    "clock": clock.clock_day,  # a clock time alone: the day comes from the context
    "holiday": holidays.anchor,  # a holiday's day in the year the context gives
    "name": lambda r, ctx: None,  # a title or a name: no expression
}


def read(rule: Rule, m: regex.Match[str]) -> list[Piece]:
    """The readings of one match (two for a range like "18 و21 مايو")."""
    return RESOLVERS[rule.resolver](fields(rule, m), (m.start("span"), m.end("span")), m)


def resolve(reading: Reading, ctx: Context) -> Resolved | None:
    """The value of a reading in its context; None if it names no real date."""
    kind = KINDS.get(reading.kind)
    if kind is None:
        return resolve_core(reading, ctx)
    try:
        return kind(reading, ctx)
    except (ValueError, OverflowError):
        return None  # 31 February, a Hijri year out of range: not a date
