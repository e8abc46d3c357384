"""A person named a few words after a title: ``رئيس الوزراء العراقي الجديد الكاظمي``.

The CRF sees one word each side of a token, so a name separated from its title by
adjectives is often left ``O``. After tagging, a title (a ``trigger.PER`` phrase), up to
a few common nisba or listed adjectives, then ``O`` words the corpora never showed:
those words are a person.
Lists and thresholds: ``data/entities/titles.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from ..datafile import load_json
from ..text.arabic import clitics, fold
from .features import cluster
from .gazetteer import TRIGGER, lexicon

PERSON = "PER"


@dataclass(frozen=True, slots=True)
class _Config:
    article: str
    nisba: str  # the ending of a nisba adjective
    between: frozenset[str]
    max_between: int
    min_nisba: int
    max_words: int


@cache
def _config() -> _Config:
    raw = load_json("entities/titles.json")
    raw["between"] = frozenset(fold(w) for w in raw["between"])
    raw["nisba"] = fold(raw.pop("nisba_ending"))
    return _Config(article=clitics().article, **raw)


@cache
def _titles() -> dict[str, tuple[tuple[str, ...], ...]]:
    """First word -> the rest of each person-title phrase, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for head, entries in lexicon().phrases.items():
        for rest, first, _, _ in entries:
            if f"gb={TRIGGER}{PERSON}" in first:
                out.setdefault(head, []).append(rest)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@lru_cache(maxsize=1 << 16)
def _unknown(stem: str) -> bool:
    """Letters the clusters' vocabulary (the 41k articles) does not hold."""
    return stem.isalpha() and cluster(stem.lower()) is None


def _adjective(word: str, stem: str) -> bool:
    """A listed word, or a common nisba adjective (``العراقي``; a rare one, such as
    ``الكاظمي``, is the name)."""
    cfg = _config()
    if word in cfg.between:
        return True
    nisba = word.startswith(cfg.article) and word.endswith(cfg.nisba) and len(word) >= cfg.min_nisba
    return nisba and not _unknown(stem)


def name_after_titles(words: list[str], stems: list[str], tags: list[str]) -> list[str]:
    """One sentence's tags with the persons found after titles added."""
    titles = _titles()
    if titles.keys().isdisjoint(words):  # most sentences: one pass in C
        return tags
    out = list(tags)
    for i, word in enumerate(words):
        for rest in titles.get(word, ()):
            end = i + 1 + len(rest)
            if tuple(words[i + 1 : end]) == rest:
                _tag_name(words, stems, out, end)
                break
    return out


def _tag_name(words: list[str], stems: list[str], tags: list[str], j: int) -> None:
    cfg = _config()
    skipped = 0
    while j < len(words) and tags[j] == "O" and _adjective(words[j], stems[j]):
        if skipped == cfg.max_between:
            return
        j, skipped = j + 1, skipped + 1
    k = j
    while k < len(words) and k - j < cfg.max_words and tags[k] == "O" and _unknown(stems[k]):
        tags[k] = ("B-" if k == j else "I-") + PERSON
        k += 1
