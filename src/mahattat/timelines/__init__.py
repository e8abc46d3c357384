"""A topic's timeline across the store, as news-tls shapes it: a collection read once
(``collect``), then any method of ``METHODS``, each answering the same call
``method(collection, *, dates, per_date) -> Timeline``; the evaluation (``eval/tls.py``)
and the writers (``io/timeline.py``) take that one ``Timeline`` from all of them.

A topic's milestones over the years (``milestones.py``) read every matching article
instead (``cite``), without text: ``MILESTONE_METHODS`` answer the same call over that
reading, and ``summarize`` reaches both kinds by name.
"""

from __future__ import annotations

from typing import Protocol

from ..records import Timeline, TimelineEntry, TimelineItem
from ..store import Store
from .baseline import busiest_days
from .collection import Collection, collect
from .config import settings
from .datewise import datewise
from .milestones import Citations, cite, cite_count, milestones


class Method(Protocol):
    def __call__(self, collection: Collection, *, dates: int, per_date: int) -> Timeline: ...


# Every method by name (``mahattat timeline --method``; cli.TIMELINE_METHODS lists them).
METHODS: dict[str, Method] = {
    "datewise": datewise,
    "busiest-days": busiest_days,
}
DEFAULT_METHOD = "datewise"


class MilestoneMethod(Protocol):
    def __call__(self, citations: Citations, *, dates: int, per_date: int) -> Timeline: ...


# The methods over every period the matching articles speak of (``--milestones``).
MILESTONE_METHODS: dict[str, MilestoneMethod] = {
    "milestones": milestones,
    "cite-count": cite_count,
}


def summarize(
    store: Store,
    query: str,
    *,
    start: str | None = None,
    end: str | None = None,
    source: str | None = None,
    dates: int = 10,
    per_date: int = 1,
    method: str = DEFAULT_METHOD,
) -> Timeline:
    """The ``dates`` best days for ``query`` with ``per_date`` sentences each, by the
    method named ``method``; raises ``ValueError`` for a name not in ``METHODS`` or
    ``MILESTONE_METHODS``. For a milestone method ``start`` and ``end`` (years, months
    or days) bound the milestones, otherwise (days) the publication days."""
    if method in MILESTONE_METHODS:
        citations = cite(store, query, start=start, end=end, source=source)
        return MILESTONE_METHODS[method](citations, dates=dates, per_date=per_date)
    if method not in METHODS:
        names = ", ".join([*METHODS, *MILESTONE_METHODS])
        raise ValueError(f"unknown timeline method {method!r} (choose {names})")
    collection = collect(store, query, start=start, end=end, source=source)
    return METHODS[method](collection, dates=dates, per_date=per_date)


__all__ = [
    "DEFAULT_METHOD",
    "METHODS",
    "MILESTONE_METHODS",
    "Citations",
    "Collection",
    "Method",
    "MilestoneMethod",
    "Timeline",
    "TimelineEntry",
    "TimelineItem",
    "busiest_days",
    "cite",
    "cite_count",
    "collect",
    "datewise",
    "milestones",
    "settings",
    "summarize",
]
