"""A topic's timeline across the store, as news-tls shapes it: a collection read once
(``collect``), then any method of ``METHODS``, each answering the same call
``method(collection, *, dates, per_date) -> Timeline``; the evaluation (``eval/tls.py``)
and the writers (``io/timeline.py``) take that one ``Timeline`` from all of them.

A topic's milestones over the years (``milestones.py``) read every matching article
instead (``cite``), without text: ``MILESTONE_METHODS`` answer the same call over that
reading, and ``summarize`` reaches both kinds by name.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Protocol

from ..records import Timeline, TimelineEntry, TimelineItem
from ..store import Query, Store, parse_query
from ..store.variants import by_word
from .baseline import busiest_days
from .collection import Collection, collect, stamped
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
# The methods that also offer each date's next best lines (``summarize(candidates=)``).
WITH_CANDIDATES = ("datewise",)


class MilestoneMethod(Protocol):
    def __call__(self, citations: Citations, *, dates: int, per_date: int) -> Timeline: ...


# The methods over every period the matching articles speak of (``--milestones``).
MILESTONE_METHODS: dict[str, MilestoneMethod] = {
    "milestones": milestones,
    "cite-count": cite_count,
}


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
    candidates: int = 0,
) -> Timeline:
    """The ``dates`` best days for ``query`` with ``per_date`` sentences each, by the
    method named ``method``, from what it reads: the collection ``collect`` reads for a
    day method (``limit`` and ``variants`` as it takes them), every matching article for
    a milestone method (``cite``), whose ``start`` and ``end`` (years, months or days)
    bound the milestones rather than the publication days. Raises ``ValueError`` for a
    name not in ``METHODS`` or ``MILESTONE_METHODS`` (``QueryError``, a ``ValueError``
    too, for a query that cannot be run). ``candidates``: up to that many other lines of
    each date, from the methods of ``WITH_CANDIDATES`` (none from the others)."""
    if method in MILESTONE_METHODS:
        citations = cite(store, _text(store, query, variants), start=start, end=end, source=source)
        tl = MILESTONE_METHODS[method](citations, dates=dates, per_date=per_date)
        days = Counter(published for _, published, _ in citations.cited.articles.values())
        return replace(tl, coverage=tuple(sorted(days.items())), mode="milestones")
    if method not in METHODS:
        names = ", ".join([*METHODS, *MILESTONE_METHODS])
        raise ValueError(f"unknown timeline method {method!r} (choose {names})")
    c = collect(store, query, start=start, end=end, source=source, limit=limit, variants=variants)
    if candidates and method in WITH_CANDIDATES:
        return stamped(datewise(c, dates=dates, per_date=per_date, candidates=candidates), c)
    return stamped(METHODS[method](c, dates=dates, per_date=per_date), c)


def _text(store: Store, query: str | Query, variants: bool) -> str:
    """The query as the milestone methods read it: text, with the other spellings of its
    words when asked."""
    q = query if isinstance(query, Query) else parse_query(query)
    found = store.variants(q) if variants else ()
    if found:
        return q.with_alternatives(by_word(found)).text()
    return query if isinstance(query, str) else q.text()


__all__ = [
    "DEFAULT_METHOD",
    "METHODS",
    "MILESTONE_METHODS",
    "WITH_CANDIDATES",
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
    "stamped",
    "summarize",
]
