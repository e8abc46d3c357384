"""What every timeline method reads: the articles of the store that match a query within
the filters, read once."""

from __future__ import annotations

from dataclasses import dataclass

from ..records import TimelineItem
from ..store import Store, Stored
from .config import settings


@dataclass(frozen=True, slots=True)
class Collection:
    """The ``len(articles)`` best matches of ``query`` (bm25, best first) published from
    ``start`` to ``end`` (ISO days, inclusive, None for open) by ``source``."""

    query: str
    start: str | None
    end: str | None
    source: str | None
    articles: tuple[Stored, ...]


def collect(
    store: Store,
    query: str,
    *,
    start: str | None = None,
    end: str | None = None,
    source: str | None = None,
    limit: int | None = None,
) -> Collection:
    """The collection of ``query``: at most ``limit`` articles, by default ``max_articles``
    of ``data/timelines/settings.json`` (a timeline's time is bounded by what it reads)."""
    cap = settings().max_articles if limit is None else limit
    found = store.matching(query, start, end, source, cap)
    return Collection(query, start, end, source, tuple(found))


def line(a: Stored, start: int, end: int) -> TimelineItem:
    """The timeline line of ``a.text[start:end]``, trimmed, pointing into its article."""
    raw = a.text[start:end]
    text = raw.strip()
    start += len(raw) - len(raw.lstrip())
    return TimelineItem(text, a.doc_id, start, start + len(text), a.url, a.source, a.published)
