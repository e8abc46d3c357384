"""A topic's timeline across the store: which days matter, and the sentences that say what
happened on each, every line pointing back to its article.

Unsupervised, after DATEWISE (Ghalandari & Ifrim 2020): candidate days come from the
day-level dates mentioned in the matching sentences and from publication days; days are
ranked by how many articles speak of them; each chosen day gets the sentences closest to
the centroid of what is said about it, with the same line from other outlets folded in
(``also``). Settings: ``data/timelines/settings.json``.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, replace
from functools import cache
from typing import Any

import regex

from ..datafile import load_json
from ..store import Store, Stored
from ..store.terms import query_groups, terms
from ..text.normalize import fold

_DAY = regex.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class Item:
    text: str
    doc_id: str
    start: int
    end: int
    url: str | None
    source: str | None
    published: str
    also: tuple[str, ...] = ()  # doc ids of the same line elsewhere


@dataclass(frozen=True, slots=True)
class Entry:
    date: str
    score: float
    items: tuple[Item, ...]
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class Timeline:
    query: str
    start: str | None
    end: str | None
    articles: int  # matching articles read
    entries: tuple[Entry, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["from"], out["to"] = out.pop("start"), out.pop("end")
        out["entries"] = [{**e, "items": [dict(i, also=list(i["also"])) for i in e["items"]]}
                          for e in out["entries"]]  # fmt: skip
        return out


@dataclass(frozen=True, slots=True)
class _Settings:
    max_articles: int
    pub_weight: float
    mention_bonus: float
    duplicate_jaccard: float
    min_terms: int
    max_terms: int
    dateline: regex.Pattern[str]
    background: regex.Pattern[str]
    background_penalty: float
    lead_bonus: float


@cache
def settings() -> _Settings:
    raw = load_json("timelines/settings.json")
    agencies = "|".join(regex.escape(a) for a in raw.pop("agencies"))
    fill = {"words": raw.pop("dateline_words"), "agencies": agencies}
    raw["dateline"] = regex.compile(raw["dateline"] % fill)
    openers = "|".join(regex.escape(fold(o)) for o in raw.pop("background_openers"))
    raw["background"] = regex.compile(rf"\s*(?:{openers})(?!\w)")
    return _Settings(**raw)


@dataclass(frozen=True, slots=True)
class _Sentence:
    article: Stored
    start: int
    end: int
    terms: list[str]
    days: frozenset[str]
    explicit: bool  # its days are written in it, not its publication day
    background: bool  # it opens like a reminder ("وكان ...")
    lead: bool  # its article's first sentence


def summarize(
    store: Store,
    query: str,
    *,
    start: str | None = None,
    end: str | None = None,
    source: str | None = None,
    dates: int = 10,
    per_date: int = 1,
) -> Timeline:
    """The ``dates`` best days for ``query`` with ``per_date`` sentences each."""
    cfg = settings()
    found = store.matching(query, start, end, source, cfg.max_articles)
    wanted = {w for g in query_groups(query) for w in g}
    cands = [c for a in found for c in _candidates(a, wanted, start, end, cfg)]
    days = _rank_days(cands, cfg)[:dates]
    idf = _idf(cands)
    chosen: list[tuple[str, list[Item], float]] = []
    picked: list[set[str]] = []
    for day, score in days:
        items = _pick(day, _reported(day, cands), idf, per_date, picked, cfg)
        if items:
            chosen.append((day, items, score))
    entries = tuple(Entry(d, round(s, 3), tuple(i)) for d, i, s in sorted(chosen))
    return Timeline(query, start, end, len(found), entries)


def _candidates(
    a: Stored, wanted: set[str], start: str | None, end: str | None, cfg: _Settings
) -> list[_Sentence]:
    by_sentence: dict[int | None, list[str]] = defaultdict(list)
    for n, value in a.dates:
        by_sentence[n].append(value)
    lead_ok = bool(wanted & set(terms(a.title or "")))
    out = []
    for n, (s, e) in enumerate(a.sentences):
        if n == 0 and (m := cfg.dateline.match(a.text, s, e)):
            s = m.end()  # "واشنطن، الولايات المتحدة (CNN)--" is no part of the news
        words = terms(a.text[s:e])
        if not cfg.min_terms <= len(words) <= cfg.max_terms:
            continue
        if not (wanted & set(words) or (n == 0 and lead_ok)):
            continue
        values = by_sentence.get(n, [])
        days = {v[:10] for v in values if _DAY.match(v)}
        if values and not days:
            continue  # dated, but coarser than a day ("2017", "الشهر الماضي")
        inside = frozenset(d for d in days or {a.published} if (start or d) <= d <= (end or d))
        if inside:
            reminder = bool(cfg.background.match(fold(a.text[s : s + 40])))
            out.append(_Sentence(a, s, e, words, inside, bool(days), reminder, n == 0))
    return out


def _reported(day: str, cands: list[_Sentence]) -> list[_Sentence]:
    """The sentences about ``day`` from articles published on it or later, when there are
    any: what happened, rather than what was announced for it."""
    about = [c for c in cands if day in c.days]
    return [c for c in about if c.article.published >= day] or about


def _rank_days(cands: list[_Sentence], cfg: _Settings) -> list[tuple[str, float]]:
    """Days by the number of articles speaking of them (an explicit mention counts 1, a
    publication-day sentence ``pub_weight``), most first, the earlier day on ties."""
    weight: dict[tuple[str, str], float] = {}
    for c in cands:
        w = 1.0 if c.explicit else cfg.pub_weight
        for d in c.days:
            key = (d, c.article.doc_id)
            weight[key] = max(weight.get(key, 0.0), w)
    score: Counter[str] = Counter()
    for (d, _), w in weight.items():
        score[d] += w
    return sorted(score.items(), key=lambda kv: (-kv[1], kv[0]))


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
    k: int,
    picked: list[set[str]],
    cfg: _Settings,
) -> list[Item]:
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
        ),
    )
    items: list[Item] = []
    sets: list[set[str]] = []
    also: list[list[str]] = []
    for i in ranked:
        c, words = cands[i], set(cands[i].terms)
        same = _same(words, sets, cfg.duplicate_jaccard)
        if same is not None:
            also[same].append(c.article.doc_id)
            continue
        if _same(words, picked, cfg.duplicate_jaccard) is not None or len(items) == k:
            continue  # said on another day already, or the day is full
        items.append(_item(c))
        sets.append(words)
        also.append([])
    picked.extend(sets)
    return [_with_also(it, ids) for it, ids in zip(items, also, strict=True)]


def _dot(a: dict[str, float], b: Counter[str]) -> float:
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def _same(words: set[str], chosen: list[set[str]], threshold: float) -> int | None:
    for i, other in enumerate(chosen):
        if len(words & other) / (len(words | other) or 1) >= threshold:
            return i
    return None


def _item(c: _Sentence) -> Item:
    a = c.article
    raw = a.text[c.start : c.end]
    text = raw.strip()
    start = c.start + len(raw) - len(raw.lstrip())
    return Item(text, a.doc_id, start, start + len(text), a.url, a.source, a.published)


def _with_also(item: Item, ids: list[str]) -> Item:
    return replace(item, also=tuple(dict.fromkeys(i for i in ids if i != item.doc_id)))
