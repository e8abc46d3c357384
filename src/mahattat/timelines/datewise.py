"""DATEWISE (Ghalandari & Ifrim 2020), unsupervised: which days matter, and the sentences
that say what happened on each, every line pointing back to its article.

Days are ranked by how many articles speak of them near the day (a date written in a
matching sentence, else its publication day); a line is dated by its own event
(``dating.py``), never by another date it mentions; each chosen day gets the sentences
closest to the centroid of what is said about it, with the same line from other outlets
folded in (``also``). Settings: ``data/timelines/settings.json``.
"""

from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..records import Timeline, TimelineEntry, TimelineItem
from ..store import Stored, StoredEvent
from ..store.terms import query_groups, term_starts, terms
from ..text.normalize import fold
from . import dating
from .collection import Collection, line
from .config import Settings, settings


@dataclass(frozen=True, slots=True)
class _Sentence:
    article: Stored
    start: int
    end: int
    terms: list[str]
    days: frozenset[str]  # the day of its own event: the day whose line it may be
    explicit: bool  # that day is written in it, not its publication day
    background: bool  # it opens like a reminder ("وكان ...")
    lead: bool  # its article's first sentence
    mentioned: dating.Dated | None  # every day it speaks of: what ranks the days


def datewise(
    collection: Collection, *, dates: int, per_date: int, candidates: int = 0
) -> Timeline:
    """The ``dates`` best days of the collection with ``per_date`` sentences each, and up
    to ``candidates`` next best distinct lines of each day (for an editor to pick)."""
    cfg = settings()
    found, start, end = collection.articles, collection.start, collection.end
    wanted = {w for g in query_groups(collection.query) for w in g}
    starts = term_starts(wanted)
    cands = [c for a in found for c in _candidates(a, wanted, starts, start, end, cfg)]
    days = _rank_days(cands, cfg)[:dates]
    idf = _idf(cands)
    chosen: list[tuple[str, list[TimelineItem], float, list[TimelineItem]]] = []
    picked: list[set[str]] = []
    for day, score in days:
        items, others = _pick(day, _reported(day, cands), idf, (per_date, candidates), picked, cfg)
        if items:
            chosen.append((day, items, score, others))
    entries = tuple(
        TimelineEntry(d, round(s, 3), tuple(i), candidates=tuple(o))
        for d, i, s, o in sorted(chosen, key=lambda c: c[0])
    )
    return Timeline(collection.query, start, end, len(found), entries)


def _candidates(
    a: Stored,
    wanted: set[str],
    starts: Callable[[str], list[int]],
    start: str | None,
    end: str | None,
    cfg: Settings,
) -> list[_Sentence]:
    written: dict[int | None, list[str]] = defaultdict(list)
    for n, value in a.dates:
        written[n].append(value)
    events = dating.by_sentence(a)
    lead_ok = bool(wanted & set(terms(a.title or "")))
    hits = starts(a.text)
    out = []
    for n, (s, e) in enumerate(a.sentences):
        if n == 0 and (m := cfg.dateline.match(a.text, s, e)):
            s = m.end()  # "واشنطن، الولايات المتحدة (CNN)--" is no part of the news
        if not (n == 0 and lead_ok) and not _between(hits, s, e):
            continue  # no query term in it: not worth reducing to terms
        words = terms(a.text[s:e])
        if not cfg.min_terms <= len(words) <= cfg.max_terms:
            continue
        if not (wanted & set(words) or (n == 0 and lead_ok)):
            continue
        told = _inside(_told(a, events[n], written.get(n, [])), start, end)
        mentioned = _inside(dating.mentioned(a, written.get(n, [])), start, end)
        if told or mentioned:
            reminder = bool(cfg.background.match(fold(a.text[s : s + 40])))
            days, explicit = (told.days, told.explicit) if told else (frozenset(), False)
            out.append(_Sentence(a, s, e, words, days, explicit, reminder, n == 0, mentioned))
    return out


def _between(hits: list[int], s: int, e: int) -> bool:
    i = bisect_left(hits, s)
    return i < len(hits) and hits[i] < e


def _inside(dated: dating.Dated | None, start: str | None, end: str | None) -> dating.Dated | None:
    """``dated`` with only its days from ``start`` to ``end``; None when none is left."""
    if dated is None or (start is None and end is None):
        return dated
    days = frozenset(d for d in dated.days if (start or d) <= d <= (end or d))
    return replace(dated, days=days) if days else None


def _told(a: Stored, events: list[StoredEvent], written: list[str]) -> dating.Dated | None:
    """The day of the sentence's own event, else (no event) its publication day."""
    if events:
        return dating.of_events(a, events)
    return dating.of_written(a, written)


def _reported(day: str, cands: list[_Sentence]) -> list[_Sentence]:
    """The sentences about ``day`` from articles published on it or later, when there are
    any: what happened, rather than what was announced for it."""
    about = [c for c in cands if day in c.days] or [
        c for c in cands if c.mentioned and day in c.mentioned.days
    ]  # a day no sentence reports as its own event's: those that speak of it
    return [c for c in about if c.article.published >= day] or about


def _rank_days(cands: list[_Sentence], cfg: Settings) -> list[tuple[str, float]]:
    """Days by the number of articles speaking of them (an explicit mention counts 1, a
    publication-day sentence ``pub_weight``; a recap or a preview counts less, see
    ``_timing``), most first; on ties the day with more articles, then the earlier."""
    weight: dict[tuple[str, str], float] = {}
    for c in cands:
        if c.mentioned is None:
            continue
        base = 1.0 if c.mentioned.explicit else cfg.pub_weight
        for d in c.mentioned.days:
            w = base * _timing(c, d, cfg)
            key = (d, c.article.doc_id)
            weight[key] = max(weight.get(key, 0.0), w)
    score: dict[str, float] = defaultdict(float)
    for (d, _), w in weight.items():
        score[d] += w
    # ties (small topics score many days 1.0) go to the day more articles were published on
    articles = {c.article.doc_id: c.article.published for c in cands}
    published = Counter(articles.values())
    return sorted(score.items(), key=lambda kv: (-kv[1], -published[kv[0]], kv[0]))


def _timing(c: _Sentence, day: str, cfg: Settings) -> float:
    """How much a sentence about ``day`` reports it: 1 from an article published on it or
    up to ``near_days`` later, ``recap_weight`` from a later one, ``preview_weight`` from
    an earlier one (an event to come; a future tense on the publication day or before it
    is that day's announcement)."""
    when = _when(c, day, cfg)
    return 1.0 if when == "near" else cfg.recap_weight if when == "recap" else cfg.preview_weight


def _when(c: _Sentence, day: str, cfg: Settings) -> str:
    """``near`` (the day's own report), ``recap`` (long after) or ``preview``."""
    if c.article.published < day:
        return "preview"
    late = (dt.date.fromisoformat(c.article.published) - dt.date.fromisoformat(day)).days
    return "near" if late <= cfg.near_days else "recap"


def _idf(cands: list[_Sentence]) -> dict[str, float]:
    df = Counter(t for c in cands for t in set(c.terms))
    n = len(cands) or 1
    return {t: math.log((1 + n) / (1 + k)) + 1.0 for t, k in df.items()}


def _vector(words: list[str], idf: dict[str, float]) -> dict[str, float]:
    tf = Counter(words)
    vec = {t: k * idf.get(t, 1.0) for t, k in tf.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def _pick(
    day: str,
    cands: list[_Sentence],
    idf: dict[str, float],
    wanted: tuple[int, int],
    picked: list[set[str]],
    cfg: Settings,
) -> tuple[list[TimelineItem], list[TimelineItem]]:
    """The day's ``k`` best lines, each with the ids of the articles saying the same, and
    the ``more`` next best lines, distinct from them and from every other day's."""
    k, more = wanted
    vecs = [_vector(c.terms, idf) for c in cands]
    centroid: Counter[str] = Counter()
    for v in vecs:
        centroid.update(v)
    ranked = sorted(
        range(len(cands)),
        key=lambda i: -(
            _dot(vecs[i], centroid)
            + cfg.mention_bonus * cands[i].explicit
            - cfg.background_penalty * cands[i].background
            + cfg.lead_bonus * cands[i].lead
            - cfg.recap_penalty * (_when(cands[i], day, cfg) != "near")
        ),
    )
    items: list[TimelineItem] = []
    sets: list[set[str]] = []
    also: list[list[str]] = []
    others: list[TimelineItem] = []
    other_sets: list[set[str]] = []
    for i in ranked:
        c, words = cands[i], set(cands[i].terms)
        same = _same(words, sets, cfg.duplicate_jaccard, cfg.fold_overlap)
        if same is not None:
            also[same].append(c.article.doc_id)
            continue
        if _same(words, picked, cfg.duplicate_jaccard) is not None:
            continue  # it was said on another day already
        if len(items) < k:
            items.append(line(c.article, c.start, c.end))
            sets.append(words)
            also.append([])
        elif len(others) < more and _same(words, other_sets, cfg.duplicate_jaccard,
                                          cfg.fold_overlap) is None:  # fmt: skip
            others.append(line(c.article, c.start, c.end))
            other_sets.append(words)
    picked.extend(sets)
    return [_with_also(it, ids) for it, ids in zip(items, also, strict=True)], others


def _dot(a: dict[str, float], b: Counter[str]) -> float:
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def _same(
    words: set[str], chosen: list[set[str]], jaccard: float, overlap: float | None = None
) -> int | None:
    """The chosen line ``words`` tells again: as many shared terms as ``jaccard`` of both
    lines' terms or, on the same day, ``overlap`` of the shorter line's (another outlet
    tells the same event with other details around it)."""
    for i, other in enumerate(chosen):
        shared = len(words & other)
        if shared >= jaccard * len(words | other):
            return i
        if overlap is not None and shared >= overlap * min(len(words), len(other)):
            return i
    return None


def _with_also(item: TimelineItem, ids: list[str]) -> TimelineItem:
    return replace(item, also=tuple(dict.fromkeys(i for i in ids if i != item.doc_id)))
