"""A topic's key milestones over the years, as a desk chronology lists them ("the key
milestones in the relations between the US and Iraq"): years, months and days that the
archive's matching articles keep citing, retrospective mentions included (``منذ الغزو
الأمريكي في 2003``), each told by an event clause that the value dates.

Two methods answer the same call, ``method(citations, *, dates, per_date) -> Timeline``
over ``cite``'s reading of every matching article (``MILESTONE_METHODS``): ``cite-count``,
the floor (the values most matching articles mention), and ``milestones``, which weighs
what a citation is (an event clause dated by the value, a bare mention, the day's own
news), how widely it is cited (outlets, months of publication), how much the value
belongs to this topic rather than to the whole archive and how much the words around its
citations are the query's; a month or year folds into the day the sources give when that
day carries half its support, and a day and its year are one milestone unless both stand
on their own. Weights: ``data/timelines/milestones.json``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from ..datafile import load_json
from ..records import Timeline, TimelineEntry, TimelineItem
from ..store import Cited, Store
from ..store.terms import query_groups, terms
from ..text.arabic import fold
from ..time import values

# The values a milestone can have: a year, a month, a day.
_VALUE = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?")
_GRAIN = {4: "year", 7: "month", 10: "day"}
# A date written with its year (digits) or one told from the present (الماضي).
_YEAR_GIVEN = re.compile(r"[0-9٠-٩]{4}|الماضي|الفائت|المنصرم|السابق|المقبل|القادم")
# Where a sentence ends, to cut a bare mention's line out of its article.
_STOP = re.compile(r"[.!?؟\n]")


@dataclass(frozen=True, slots=True)
class Citations:
    """What the milestone methods read: every article matching ``query`` (by ``source``)
    and the store, for the archive-wide counts and the few texts the lines come from.
    ``start`` and ``end`` bound the milestone values (years, months or days), not the
    publication days of the articles."""

    query: str
    start: str | None
    end: str | None
    source: str | None
    cited: Cited
    store: Store


def cite(
    store: Store,
    query: str,
    *,
    start: str | None = None,
    end: str | None = None,
    source: str | None = None,
) -> Citations:
    return Citations(query, start, end, source, store.cited(query, source), store)


@dataclass(frozen=True, slots=True)
class Settings:
    bare_weight: float
    pub_weight: float
    lift_power: float
    outlet_power: float
    month_bonus: float
    max_months: int
    granularity: dict[str, float]
    min_articles: int
    fold_share: float
    neighbor_days: int
    stand_share: float
    misread_days: int
    rerank: int
    topic_floor: float
    topic_window: int
    topic_sample: int
    line_candidates: int
    max_line_chars: int


@cache
def settings() -> Settings:
    return Settings(**load_json("timelines/milestones.json"))


@dataclass(slots=True)
class _Value:
    """Everything the matching articles say of one value."""

    value: str
    mentions: dict[int, tuple[int, int]] = field(default_factory=dict)  # article: timex span
    evented: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # article: clauses
    published: set[int] = field(default_factory=set)  # a day's own reports
    mods: Counter[str | None] = field(default_factory=Counter)

    def articles(self) -> set[int]:
        return set(self.mentions) | self.published


def within(value: str, start: str | None, end: str | None) -> bool:
    """Whether a year, month or day overlaps the range from ``start`` to ``end`` (each a
    year, month or day, None for open): ``2003`` is within 2003-05 .. 2011."""
    lo = start is None or value[: len(start)] >= start[: len(value)]
    return lo and (end is None or value[: len(end)] <= end[: len(value)])


def gather(c: Citations, *, forecasts: bool = False, present: bool = True) -> dict[str, _Value]:
    """Each value within the range and what cites it. A value after its article's
    publication day (a forecast, a deadline) is left out unless ``forecasts``; a year or
    month holding it (``2018`` in a 2018 article: this year, the present) unless
    ``present``, and the publication day itself is then the day's own news."""
    arts, out = c.cited.articles, dict[str, _Value]()
    dating = {(a, tid): (s, e) for a, tid, s, e in c.cited.events if tid is not None}
    bounded = c.start is not None or c.end is not None
    for a, tid, value, mod, s, e in c.cited.dates:
        if not _VALUE.fullmatch(value) or (bounded and not within(value, c.start, c.end)):
            continue
        published = arts[a][1][: len(value)]
        if (not forecasts and value > published) or (not present and value == published):
            continue
        v = out.get(value)
        if v is None:
            v = out[value] = _Value(value)
        v.mentions.setdefault(a, (s, e))
        v.mods[mod] += 1
        if (a, tid) in dating:
            v.evented.setdefault(a, []).append(dating[a, tid])
    return out


def cite_count(citations: Citations, *, dates: int, per_date: int) -> Timeline:
    """The floor: the ``dates`` values (any granularity) most matching articles mention,
    the earlier on ties."""
    found = gather(citations, forecasts=True)
    top = sorted(found, key=lambda v: (-len(found[v].mentions), v))[:dates]
    chosen = {v: (float(len(found[v].mentions)), [found[v]]) for v in top}
    return _timeline(citations, chosen, per_date)


def milestones(citations: Citations, *, dates: int, per_date: int) -> Timeline:
    """The ``dates`` milestones of the topic, ``per_date`` lines each (see the module)."""
    cfg, c = settings(), citations
    found = _citations(c, cfg)
    folded = {v: [found[p] for p in parts] for v, parts in _fold(found, cfg).items()}
    norm = _Archive(c.store, found, len(c.cited.articles))
    scored = {v: _score(c, folded[v], v, norm.expected(folded[v]), cfg) for v in folded}
    best = sorted(scored, key=lambda v: (-scored[v], v))[: dates * cfg.rerank]
    topical = _topicality(c, {v: folded[v] for v in best}, cfg)
    scored = {v: scored[v] * (cfg.topic_floor + (1 - cfg.topic_floor) * topical[v]) for v in best}
    top = _choose(scored, dates, cfg)
    return _timeline(c, {v: (scored[v], folded[v]) for v in top}, per_date)


def _citations(c: Citations, cfg: Settings) -> dict[str, _Value]:
    """The values the milestones are chosen from: those cited (the present, forecasts
    and misread deadlines left out) and the publication days, by ``min_articles``."""
    found = gather(c, present=False)
    _drop_misread(c, found, cfg)
    for a, (_, day, _) in c.cited.articles.items():
        if within(day, c.start, c.end):
            found.setdefault(day, _Value(day)).published.add(a)
    return {v: x for v, x in found.items() if len(x.articles()) >= cfg.min_articles}


def _drop_misread(c: Citations, found: dict[str, _Value], cfg: Settings) -> None:
    """Leave out the citations that are a coming day read in a past year: a day or month
    written without a year (``في 12 مايو``) whose value lies in an earlier year than its
    article while the same day of the article's year comes 1 to ``misread_days`` days
    after it (a deadline of 12 May 2018 anchored to the 2015 of the deal it is about)."""
    arts, lo, hi = c.cited.articles, 1, cfg.misread_days
    suspects: list[tuple[str, int, int, int]] = []
    for v, x in found.items():
        if len(v) == 4:
            continue
        for a, (s, e) in x.mentions.items():
            published = arts[a][1]
            if v[:4] < published[:4] and lo <= _days_ahead(v, published) <= hi:
                suspects.append((v, a, s, e))
    texts = c.store.passages((a, s, e) for _, a, s, e in suspects) if suspects else []
    for (v, a, _, _), text in zip(suspects, texts, strict=True):
        if not _YEAR_GIVEN.search(text):
            x = found[v]
            x.mentions.pop(a, None)
            x.evented.pop(a, None)
    for v in [v for v, x in found.items() if not x.mentions]:
        del found[v]


def _days_ahead(value: str, day: str) -> int:
    """How many days after the day ``day`` the day (or the month's last day) of ``value``
    falls in the year of ``day``."""
    published = dt.date.fromisoformat(day)
    month, year = int(value[5:7]), published.year
    if len(value) == 7:
        last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        return (last - published).days
    dom = min(int(value[8:10]), 28 if month == 2 else 31)
    with contextlib.suppress(ValueError):  # 31 April: not a day
        return (dt.date(year, month, dom) - published).days
    return (dt.date(year, month, 30) - published).days


def _weight(x: _Value, a: int, cfg: Settings) -> float:
    """What one article's citation of a value is worth: an event clause it dates, a bare
    mention, or a report of the day's own news."""
    if a in x.evented:
        return 1.0
    return cfg.bare_weight if a in x.mentions else cfg.pub_weight


def _support(x: _Value, cfg: Settings) -> float:
    return sum(_weight(x, a, cfg) for a in x.articles())


def _fold(found: dict[str, _Value], cfg: Settings) -> dict[str, list[str]]:
    """Each milestone's value and the values folded into it: a month into its best day,
    then a year into its best month or day, when that finer value has ``fold_share`` of
    the coarser one's support (the sources support the finer value)."""
    parts = {v: [v] for v in found}
    for grain in (7, 4):
        within_: dict[str, list[str]] = {}
        for v in parts:
            if len(v) > grain:
                within_.setdefault(v[:grain], []).append(v)
        for coarse in [v for v in parts if len(v) == grain]:
            finer = within_.get(coarse)
            if not finer:
                continue
            best = max(finer, key=lambda v: (_support(found[v], cfg), v))
            if _support(found[best], cfg) >= cfg.fold_share * _support(found[coarse], cfg):
                parts[best] += parts.pop(coarse)
    return parts


class _Archive:
    """How often the whole store cites a value (or publishes on a day): what a topic's
    citations of it are measured against."""

    def __init__(self, store: Store, found: dict[str, _Value], topic: int) -> None:
        self.cites = store.value_articles(found)
        self.days = store.published_on(v for v in found if len(v) == 10)
        self.share = max(topic, 1) / max(store.article_count(), 1)

    def expected(self, parts: list[_Value]) -> float:
        """How many of the topic's articles would cite the values of ``parts`` if the
        topic cited them no more than the whole archive does."""
        total = sum(self.cites.get(x.value, 0) + self.days.get(x.value, 0) for x in parts)
        return self.share * total


def _score(
    c: Citations, parts: list[_Value], value: str, expected: float, cfg: Settings
) -> float:
    """A milestone's support (each outlet's citations with diminishing returns: one
    outlet's copies of a page are one voice), its distinctiveness for the topic (the log
    of its citations over those the archive would give it, 0 for a value every topic
    cites), its spread over months of publication, and the weight of its grain."""
    arts = c.cited.articles
    weights: dict[int, float] = {}
    for x in parts:
        for a in x.articles():
            weights[a] = max(weights.get(a, 0.0), _weight(x, a, cfg))
    by_outlet: dict[str | None, float] = {}
    for a, w in weights.items():
        by_outlet[arts[a][2]] = by_outlet.get(arts[a][2], 0.0) + w
    support = sum(w**cfg.outlet_power for w in by_outlet.values())
    lift = math.log((len(weights) + 1) / (expected + 1))
    months = min(len({arts[a][1][:7] for a in weights}), cfg.max_months)
    spread = 1 + cfg.month_bonus * (months - 1)
    grain = cfg.granularity[_GRAIN[len(value)]]
    return support * max(lift, 0.0) ** cfg.lift_power * spread * grain


def _topicality(c: Citations, values: dict[str, list[_Value]], cfg: Settings) -> dict[str, float]:
    """How much the citations of each value speak of the topic: the share of the query's
    term groups found around each cited date (``topic_window`` characters either side),
    averaged over up to ``topic_sample`` citing articles (the most recent). A year that
    dates an officer's career in an article about the topic is cited beside other words."""
    groups = _groups(c.query)
    arts, w = c.cited.articles, cfg.topic_window
    spans: list[tuple[str, int, int, int]] = []
    for v, parts in values.items():
        cited = [(a, span) for x in parts for a, span in x.mentions.items()]
        cited.sort(key=lambda p: arts[p[0]][1], reverse=True)
        spans += [(v, a, max(s - w, 0), e + w) for a, (s, e) in cited[: cfg.topic_sample]]
    texts = c.store.passages((a, s, e) for _, a, s, e in spans)
    shares: dict[str, list[float]] = {v: [] for v in values}
    for (v, *_), text in zip(spans, texts, strict=True):
        folded = fold(text).lower()  # a term within a word counts: عراق in العراقية
        found = sum(any(t in folded for t in g) for g in groups)
        shares[v].append(found / (len(groups) or 1))
    return {v: sum(x) / len(x) if x else 1.0 for v, x in shares.items()}


def _choose(scored: dict[str, float], dates: int, cfg: Settings) -> list[str]:
    """The best ``dates`` values, leaving out a day within ``neighbor_days`` days of a
    better one (the next days' reports of one event), and a value within a better one
    or holding it (a day of a chosen year, the year of a chosen day) unless it scores at
    least ``stand_share`` of it: both stand on their own."""
    out: list[str] = []
    days: list[dt.date] = []
    for v in sorted(scored, key=lambda v: (-scored[v], v)):
        if len(out) == dates:
            break
        if any(_nested(u, v) and scored[v] < cfg.stand_share * scored[u] for u in out):
            continue
        if len(v) == 10:
            d = dt.date.fromisoformat(v)
            if any(abs((d - o).days) <= cfg.neighbor_days for o in days):
                continue
            days.append(d)
        out.append(v)
    return out


def _nested(u: str, v: str) -> bool:
    """Whether one of two values lies within the other (2014 and 2014-09-21)."""
    short, long = sorted((u, v), key=len)
    return short != long and long.startswith(short + "-")


# --- the entries and their lines ---------------------------------------------------------


def _timeline(
    c: Citations, chosen: dict[str, tuple[float, list[_Value]]], per_date: int
) -> Timeline:
    """The entries of the ``chosen`` values (score, what cites the value and the values
    folded into it, its own first), in chronological order."""
    arts = c.cited.articles
    pub = {a for _, parts in chosen.values() for x in parts for a in x.published}
    leads = _leads(c, pub)
    spans = {v: _candidates(c, parts, leads) for v, (_, parts) in chosen.items()}
    found = c.store.texts(a for cands in spans.values() for a, _, _ in cands) if spans else {}
    titles = c.store.titles(found) if found else {}
    texts = {a: (text, url, titles.get(a)) for a, (text, url) in found.items()}
    entries = []
    for v, (score, parts) in chosen.items():
        evented = {a for x in parts for a in x.evented}
        cited = {a for x in parts for a in x.articles()}
        order = sorted(cited, key=lambda a: (a not in evented, arts[a][1], a))
        outlets = len({arts[a][2] for a in cited})
        ids = tuple(arts[a][0] for a in order)
        items = _lines(c, texts, spans[v], per_date)
        mod = _mod(parts[0])
        entries.append(TimelineEntry(v, round(score, 4), items, mod, len(cited), outlets, ids))
    entries.sort(key=lambda e: values.sort_key(e.date, e.mod))
    return Timeline(c.query, c.start, c.end, len(arts), tuple(entries))


def _mod(x: _Value) -> str | None:
    """The mod most of a value's mentions carry (``2011`` END), None unless most do."""
    mod, n = x.mods.most_common(1)[0] if x.mods else (None, 0)
    return mod if mod and 2 * n > x.mods.total() else None


def _candidates(
    c: Citations, parts: list[_Value], leads: dict[int, tuple[int, int]]
) -> list[tuple[int, int, int]]:
    """Up to ``line_candidates`` spans (article, start, end), one an article, the most
    recent articles first, the value's own before those of the values folded into it:
    the event clauses it dates; without any, a day's own reports (their first event);
    without those, the sentences that mention it."""
    arts, cap = c.cited.articles, settings().line_candidates
    for kind in ("evented", "leads", "mentions"):
        out: list[tuple[int, int, int]] = []
        for x in parts:
            recent = sorted(x.articles(), key=lambda a: (arts[a][1], a), reverse=True)
            if kind == "evented":
                out += [(a, *x.evented[a][0]) for a in recent if a in x.evented]
            elif kind == "leads":
                out += [(a, *leads[a]) for a in recent if a in x.published and a in leads]
            else:
                out += [(a, *x.mentions[a]) for a in recent if a in x.mentions]
        if out:
            firsts: dict[int, tuple[int, int, int]] = {}
            for span in out:
                firsts.setdefault(span[0], span)
            return list(firsts.values())[:cap]
    return []


def _leads(c: Citations, ids: set[int]) -> dict[int, tuple[int, int]]:
    """The first undated (publication-day) event clause of each article of ``ids``."""
    out: dict[int, tuple[int, int]] = {}
    for a, tid, s, e in c.cited.events:
        if a in ids and tid is None and a not in out:
            out[a] = (s, e)
    return out


def _lines(
    c: Citations,
    texts: dict[int, tuple[str, str | None, str | None]],
    spans: list[tuple[int, int, int]],
    per_date: int,
) -> tuple[TimelineItem, ...]:
    """The ``per_date`` most representative spans (a bare mention's widened to its
    sentence): those naming most of the query's term groups, then those sharing most
    terms with the others."""
    items = [_item(c, texts, a, s, e) for a, s, e in spans if a in texts]
    groups = _groups(c.query)
    topical = [sum(any(t in fold(it.text).lower() for t in g) for g in groups) for it in items]
    bags = [set(terms(it.text)) for it in items]
    shared = [sum(len(b & o) / (len(o) or 1) for o in bags if o is not b) for b in bags]
    order = sorted(range(len(items)), key=lambda i: (-topical[i], -shared[i]))
    return tuple(items[i] for i in order[:per_date])


def _groups(query: str) -> list[set[str]]:
    """The query's term groups, folded as passages are for a search within a word."""
    return [{fold(t) for t in g} for g in query_groups(query)]


def _item(
    c: Citations, texts: dict[int, tuple[str, str | None, str | None]], a: int, s: int, e: int
) -> TimelineItem:
    text, url, title = texts[a]
    doc_id, published, source = c.cited.articles[a]
    if e - s < 25:  # a timex alone: its sentence
        s, e = _sentence(text, s, e)
    e = min(e, s + settings().max_line_chars)
    raw = text[s:e]
    body = raw.strip()
    s += len(raw) - len(raw.lstrip())
    return TimelineItem(body, doc_id, s, s + len(body), url, source, published, title=title)


def _sentence(text: str, s: int, e: int) -> tuple[int, int]:
    before = [m.end() for m in _STOP.finditer(text, 0, s)]
    after = _STOP.search(text, e)
    return (before[-1] if before else 0), (after.end() if after else len(text))
