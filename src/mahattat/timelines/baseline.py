"""The busiest-days baseline of issue 8: the days on which most articles of the collection
were published, each told by the first sentence of its best-matching articles."""

from __future__ import annotations

from collections import Counter
from itertools import islice

from ..records import Timeline, TimelineEntry, TimelineItem
from ..store import Stored
from .collection import Collection, line


def busiest_days(collection: Collection, *, dates: int, per_date: int) -> Timeline:
    """The ``dates`` days with most articles (the earlier day on ties), scored by that
    number, each with the lead sentence of its ``per_date`` best-matching articles (the
    store keeps no time of day, so bm25 rank stands in for "earliest")."""
    found = collection.articles
    per_day = Counter(a.published for a in found)
    top = sorted(per_day, key=lambda d: (-per_day[d], d))[:dates]
    entries = []
    for day in sorted(top):
        best = islice((a for a in found if a.published == day), per_date)
        leads = tuple(_lead(a) for a in best)
        entries.append(TimelineEntry(day, float(per_day[day]), leads))
    return Timeline(collection.query, collection.start, collection.end, len(found), tuple(entries))


def _lead(a: Stored) -> TimelineItem:
    s, e = a.sentences[0] if a.sentences else (0, len(a.text))
    return line(a, s, e)
