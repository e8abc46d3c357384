"""The day a sentence tells: the day of its own event, not any date it mentions.

"The US, France and Britain struck Syria at dawn in response to an alleged chemical
attack on 7 April" tells the strike's day. The events stage gave the sentence one event
per date (a clause each, or both the one clause); what a news sentence reports is its
newest event: the latest day its events name, up to the publication day (a later day is
an event to come). The other dates (the cause, a reminder) are no day of it. A lead
event with no date of its own is the publication day's news. A sentence with no event is
dated by its publication day, unless all it names is coarser than a day.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from ..store import Stored, StoredEvent
from ..time import values


@dataclass(frozen=True, slots=True)
class Dated:
    """The days a sentence tells, and how they were found."""

    days: frozenset[str]
    explicit: bool  # a date written in the sentence, not its publication day


def by_sentence(a: Stored) -> list[list[StoredEvent]]:
    """The events of ``a`` grouped by the sentence their clause opens in."""
    starts = [s for s, _ in a.sentences]
    out: list[list[StoredEvent]] = [[] for _ in starts]
    for ev in a.events:
        n = bisect_right(starts, ev.start) - 1
        if 0 <= n < len(out):
            out[n].append(ev)
    return out


def of_events(a: Stored, events: list[StoredEvent]) -> Dated | None:
    """The day of the sentence's own event: of the days its events name (the publication
    day for an undated lead), the latest up to the publication day, else (all to come)
    the earliest; None when its events name no day ("in 2017")."""
    days = [(d, ev.dated) for ev in events if (d := _day(a, ev))]
    if not days:
        return None
    told = [x for x in days if x[0] <= a.published]
    day, dated = max(told) if told else min(days)
    return Dated(frozenset({day}), dated)


def _day(a: Stored, ev: StoredEvent) -> str | None:
    return values.day(ev.date) if ev.dated else a.published


def of_written(a: Stored, written: list[str]) -> Dated | None:
    """A sentence without events: its publication day, as DATEWISE dates a sentence that
    names no day. A day written in it dates no event (a date in a relative clause, a
    restated one), so it is no day of the sentence; None when all it names is coarser
    than a day ("2017", "الشهر الماضي"): no day's news."""
    if written and not any(values.day(v.partition("/")[0]) for v in written):
        return None
    return Dated(frozenset({a.published}), False)


def mentioned(a: Stored, written: list[str]) -> Dated | None:
    """Every day a sentence speaks of, as DATEWISE counts them to rank days: the days
    written in it (a range by its first day), else its publication day; None when all it
    names is coarser than a day. A date that dates no event of the sentence (the attack a
    strike answers) is still a day the archive keeps citing."""
    days = frozenset(d for v in written if (d := values.day(v.partition("/")[0])))
    if written and not days:
        return None
    return Dated(days, True) if days else Dated(frozenset({a.published}), False)
