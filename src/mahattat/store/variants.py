"""Other spellings of a query word that the store holds: ``برانسون`` is also written
``برونسون``. Candidates one edit away come from ``data/store/variants.json``; the store's
own vocabulary (FTS5) says which exist and in how many articles (``Store.variants``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..datafile import load_json
from ..text.arabic import zipf
from .terms import terms


@dataclass(frozen=True, slots=True)
class Variant:
    word: str  # the query's term
    term: str  # another spelling of it, as stored
    articles: int  # articles holding ``term``


@dataclass(frozen=True, slots=True)
class Rules:
    """``data/store/variants.json``, which says why each is what it is."""

    vowels: tuple[str, ...]
    vowel_edges: bool
    swaps: dict[str, tuple[str, ...]]  # a letter -> what it may be written as
    final_swaps: dict[str, tuple[str, ...]]
    doubling: bool
    min_letters: int
    max_word_zipf: float
    min_articles: int
    min_share: float
    max_zipf: float
    common_word: float
    max_zipf_beside_common: float
    max_shown: int


def _both_ways(pairs: list[list[str]]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for a, b in pairs:
        out.setdefault(a, []).append(b)
        out.setdefault(b, []).append(a)
    return {k: tuple(v) for k, v in out.items()}


@cache
def rules() -> Rules:
    raw = load_json("store/variants.json")
    return Rules(
        tuple(raw["vowels"]),
        bool(raw["vowel_edges"]),
        _both_ways(raw["swaps"]),
        _both_ways(raw["final_swaps"]),
        bool(raw["doubling"]),
        int(raw["min_letters"]),
        float(raw["max_word_zipf"]),
        int(raw["min_articles"]),
        float(raw["min_share"]),
        float(raw["max_zipf"]),
        float(raw["common_word"]),
        float(raw["max_zipf_beside_common"]),
        int(raw["max_shown"]),
    )


def candidates(word: str) -> set[str]:
    """The spellings one edit away from the term ``word`` (none for a short or common
    word, a number or a Latin word)."""
    r = rules()
    if len(word) < r.min_letters or not all("\u0620" <= c <= "\u06ff" for c in word):
        return set()
    if zipf(word) > r.max_word_zipf:
        return set()
    out: set[str] = set()
    last = len(word) - 1
    for i in range(len(word) + 1):
        head, tail = word[:i], word[i:]
        if r.vowel_edges or 0 < i <= last:
            out.update(head + v + tail for v in r.vowels)  # a long vowel added
        if not tail:
            continue
        c, rest = tail[0], tail[1:]
        if c in r.vowels and (r.vowel_edges or 0 < i < last):  # dropped, or swapped
            out.add(head + rest)
            out.update(head + v + rest for v in r.vowels)
        out.update(head + s + rest for s in r.swaps.get(c, ()))
        if not rest:
            out.update(head + s for s in r.final_swaps.get(c, ()))
        if r.doubling and c not in r.vowels:  # a consonant doubled (مولر/موللر)
            out.add(head + c + tail)
            if rest[:1] == c:
                out.add(head + rest)  # a double written once
    out.discard(word)
    return out


def plausible(word: str, term: str, articles: int, of_word: int) -> bool:
    """Whether a stored ``term`` near ``word``, in ``articles`` articles (``of_word`` for
    the word itself), is a spelling of it rather than a common word of its own or a rare
    typo, and reads back as itself (a query can name it)."""
    r = rules()
    if articles < max(r.min_articles, r.min_share * of_word) or term == word:
        return False
    common = zipf(word) > r.common_word
    limit = r.max_zipf_beside_common if common else r.max_zipf
    return zipf(term) <= limit and terms(term) == [term]


def by_word(found: tuple[Variant, ...] | list[Variant]) -> dict[str, tuple[str, ...]]:
    """The variants of each word (``Query.with_alternatives`` takes them)."""
    out: dict[str, tuple[str, ...]] = {}
    for v in found:
        out[v.word] = (*out.get(v.word, ()), v.term)
    return out
