"""A topic's timeline across the store, as news-tls shapes it: a collection read once
(``collect``), then any method of ``METHODS``, each answering the same call
``method(collection, *, dates, per_date) -> Timeline``; the evaluation (``eval/tls.py``)
and the writers (``io/timeline.py``) take that one ``Timeline`` from all of them.
"""

from __future__ import annotations

from typing import Protocol

from ..records import Timeline, TimelineEntry, TimelineItem
from ..store import Query, Store
from .baseline import busiest_days
from .collection import Collection, collect, stamped
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
    query: str | Query,
    *,
    start: str | None = None,
    end: str | None = None,
    source: str | None = None,
    dates: int = 10,
    per_date: int = 1,
    method: str = DEFAULT_METHOD,
    limit: int | None = None,
    variants: bool = False,
) -> Timeline:
    """The ``dates`` best days for ``query`` with ``per_date`` sentences each, by the
    method named ``method``, from the collection ``collect`` reads (``limit`` and
    ``variants`` as it takes them); raises ``ValueError`` for a name not in ``METHODS``
    (``QueryError``, a ``ValueError`` too, for a query that cannot be run)."""
    if method not in METHODS:
        raise ValueError(f"unknown timeline method {method!r} (choose {', '.join(METHODS)})")
    c = collect(store, query, start=start, end=end, source=source, limit=limit, variants=variants)
    return stamped(METHODS[method](c, dates=dates, per_date=per_date), c)


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
    "stamped",
    "summarize",
]
