"""Proclitics glued to a word: ``وواشنطن`` = ``و`` + ``واشنطن``, ``للأمم`` = ``لل`` + ``(ال)أمم``.

One decision per word type (cached), used both for the CRF's stem feature and to keep a
clitic out of an entity's span. The clitics are the conjunctions and prepositions of
``data/text/clitics.json``; thresholds: ``data/entities/clitics.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from ..datafile import load_json
from ..text.arabic import clitics, zipf
from .gazetteer import lexicon


@dataclass(frozen=True, slots=True)
class _Config:
    proclitics: tuple[str, ...]
    article: str
    min_stem: int
    min_article_stem: int
    rare_zipf: float
    margin: float


@cache
def _config() -> _Config:
    raw, cl = load_json("entities/clitics.json"), clitics()
    return _Config(proclitics=cl.sequences(), article=cl.article, **raw)


@lru_cache(maxsize=1 << 17)
def split(word: str) -> tuple[int, str]:
    """``(cut, stem)`` of a folded word: its first ``cut`` characters are proclitics and
    ``stem`` is the word they lean on (with its article restored after ``لل``)."""
    cfg, lam = _config(), clitics().lam
    names = lexicon().names
    if len(word) <= cfg.min_stem or word in names:
        return 0, word
    whole = zipf(word)
    for p in cfg.proclitics:
        if not word.startswith(p):
            continue
        cut, stem = len(p), word[len(p) :]
        if p[-1] == lam and stem[:1] == lam:  # ل + الأمم written للأمم
            cut, stem = cut + 1, cfg.article + stem[1:]
        if _leans_on(stem, whole, names, cfg):
            return cut, stem
    return 0, word


def _leans_on(stem: str, whole: float, names: frozenset[str], cfg: _Config) -> bool:
    if len(stem) < cfg.min_stem:
        return False
    if stem.startswith(cfg.article):
        return len(stem) >= cfg.min_article_stem and zipf(stem) >= whole
    if stem in names:  # "وواشنطن"; but not "فرانس" -> "رانس" (Reims), rarer than the whole
        return zipf(stem) >= whole
    return whole < cfg.rare_zipf and zipf(stem) >= whole + cfg.margin
