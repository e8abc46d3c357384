"""What every timeline method reads: the articles of the store that match a query within
the filters, read once, with how many match in all and on which days."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..records import Timeline, TimelineItem
from ..store import Query, Store, Stored, Variant, parse_query
from ..store.variants import by_word
from .config import settings


@dataclass(frozen=True, slots=True)
class Collection:
    """The ``len(articles)`` best matches of ``query`` (bm25, best first) published from
    ``start`` to ``end`` (ISO days, inclusive, None for open) by ``source``, out of
    ``matching`` in all; ``coverage`` counts every match by publication day."""

    query: str
    start: str | None
    end: str | None
    source: str | None
    articles: tuple[Stored, ...]
    matching: int = 0
    coverage: tuple[tuple[str, int], ...] = ()
    variants: tuple[Variant, ...] = ()  # the spellings added to the query's words

    @property
    def capped(self) -> bool:
        """Whether fewer articles were read than match."""
        return len(self.articles) < self.matching


def collect(
    store: Store,
    query: str | Query,
    *,
    start: str | None = None,
    end: str | None = None,
    source: str | None = None,
    limit: int | None = None,
    variants: bool = False,
) -> Collection:
    """The collection of ``query``: its ``limit`` best articles (0: all), by default
    ``max_articles`` of ``data/timelines/settings.json``, since a timeline's time grows
    with what it reads; ``matching`` and ``coverage`` always count every match. With
    ``variants``, each word of the query also matches its other spellings in the store
    (``Store.variants``). ``QueryError`` for a query that cannot be run."""
    q = query if isinstance(query, Query) else parse_query(query)
    text = query if isinstance(query, str) else q.text()
    added: tuple[Variant, ...] = ()
    if variants and (added := store.variants(q)):
        q = q.with_alternatives(by_word(added))
        text = q.text()
    cap = settings().max_articles if limit is None else limit
    days = store.coverage(q, start, end, source)
    found = store.matching(q, start, end, source, cap or None)
    return Collection(
        text, start, end, source, tuple(found), sum(days.values()), tuple(days.items()), added
    )


def stamped(tl: Timeline, c: Collection) -> Timeline:
    """``tl`` saying what it was made from: every match, what was read, the coverage, and
    the outlets of the articles each line's ``also`` names (``also_sources``)."""
    read = len(c.articles) if c.capped else None
    outlets = {a.doc_id: a.source for a in c.articles}
    entries = tuple(
        replace(e, items=tuple(_with_outlets(it, outlets) for it in e.items)) for e in tl.entries
    )
    return replace(tl, articles=c.matching, read=read, coverage=c.coverage, entries=entries)


def _with_outlets(it: TimelineItem, outlets: dict[str, str | None]) -> TimelineItem:
    found = (outlets.get(d) for d in it.also)
    return replace(it, also_sources=tuple(dict.fromkeys(s for s in found if s)))


def line(a: Stored, start: int, end: int) -> TimelineItem:
    """The timeline line of ``a.text[start:end]``, trimmed, pointing into its article."""
    raw = a.text[start:end]
    text = raw.strip()
    start += len(raw) - len(raw.lstrip())
    return TimelineItem(
        text, a.doc_id, start, start + len(text), a.url, a.source, a.published, title=a.title
    )
