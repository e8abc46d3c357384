"""A topic's timeline across the store, as news-tls shapes it: a collection read once
(``collect``), then any method of ``METHODS``, each answering the same call
``method(collection, *, dates, per_date) -> Timeline``; the evaluation (``eval/tls.py``)
and the writers (``io/timeline.py``) take that one ``Timeline`` from all of them.
"""

from __future__ import annotations

from typing import Protocol

from ..records import Timeline, TimelineEntry, TimelineItem
from ..store import Store
from .baseline import busiest_days
from .collection import Collection, collect
from .config import settings
from .datewise import datewise


class Method(Protocol):
    def __call__(self, collection: Collection, *, dates: int, per_date: int) -> Timeline: ...


# Every method by name (``mahattat timeline --method``; cli.TIMELINE_METHODS lists them).
METHODS: dict[str, Method] = {
    "datewise": datewise,
    "busiest-days": busiest_days,
}
DEFAULT_METHOD = "datewise"


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
    method named ``method``; raises ``ValueError`` for a name not in ``METHODS``."""
    if method not in METHODS:
        raise ValueError(f"unknown timeline method {method!r} (choose {', '.join(METHODS)})")
    collection = collect(store, query, start=start, end=end, source=source)
    return METHODS[method](collection, dates=dates, per_date=per_date)


__all__ = [
    "DEFAULT_METHOD",
    "METHODS",
    "Collection",
    "Method",
    "Timeline",
    "TimelineEntry",
    "TimelineItem",
    "busiest_days",
    "collect",
    "datewise",
    "settings",
    "summarize",
]
