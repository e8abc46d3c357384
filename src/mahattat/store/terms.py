"""Search terms: article text and queries reduced the same way, so that ``الرئيس`` finds
``والرئيسَ``. Folded like the matching view, then proclitics (``و``, ``ب``, ``ال``...;
``data/text/clitics.json``) dropped as ``data/store/search.json`` says."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from ..datafile import load_json
from ..patterns import compiled
from ..text.arabic import clitics, fold, zipf
from ..text.normalize import EXPANDED, FOLD_TABLE

_WORD = compiled(r"[\p{L}\p{N}]+")


@dataclass(frozen=True, slots=True)
class _Rules:
    conjunctions: tuple[str, ...]
    prepositions: tuple[str, ...]
    article: str
    lam_article: str
    min_stem: int


@cache
def _rules() -> _Rules:
    raw, cl = load_json("store/search.json"), clitics()
    return _Rules(
        tuple(cl.conjunctions), tuple(cl.prepositions), cl.article, cl.lam_article, raw["min_stem"]
    )


@lru_cache(maxsize=1 << 18)
def stem(word: str) -> str:
    """A folded word without its proclitics: ``والرييس`` -> ``رييس``, ``للامم`` -> ``امم``,
    ``وترامب`` -> ``ترامب``; but ``وزير`` and ``بريطانيا`` stay whole."""
    r = _rules()
    w = _drop(word, r.conjunctions, r)
    if w.startswith(r.lam_article) and len(w) - len(r.lam_article) >= r.min_stem:
        return w[len(r.lam_article) :]  # ل + ال written لل
    w = _drop(w, r.prepositions, r)
    if w.startswith(r.article) and len(w) - len(r.article) >= r.min_stem:
        return w[len(r.article) :]
    return w


def _drop(word: str, letters: tuple[str, ...], r: _Rules) -> str:
    """``word`` without a leading one-letter clitic, when what is left is a word: it
    starts with the article, or it is commoner than the whole (wordfreq), or the whole
    is unknown and long (a clitic on a rare name)."""
    if word[:1] not in letters or len(word) - 1 < r.min_stem:
        return word
    rest = word[1:]
    whole = zipf(word)
    if rest.startswith(r.article) or zipf(rest) > whole or (whole == 0 and len(rest) >= 4):
        return rest
    return word


def terms(text: str) -> list[str]:
    """The search terms of a text, in order (digits and Latin words kept, lower-cased)."""
    return [stem(w) for w in _WORD.findall(fold(text).lower())]


def indexed(text: str) -> str:
    """What the full-text index stores for ``text``: its terms joined by spaces."""
    return " ".join(terms(text))


def query_groups(query: str) -> list[list[str]]:
    """A query's terms to find (``query.py``'s language), in groups of alternatives: every
    group must match, any term of a group will do; a phrase gives all its terms, an
    exclusion none. ``القس برانسون|برونسون`` -> ``[["قس"], ["برانسون", "برونسون"]]``.
    ``QueryError`` for a query that cannot be run."""
    from .query import parse_query  # query.py builds on terms()

    return [
        list(dict.fromkeys(t for o in g.options for t in o.terms))
        for g in parse_query(query).groups
    ]


def may_hold(words: Iterable[str]) -> Callable[[str], bool]:
    """A quick test that a text may hold one of ``words`` (terms): never False when
    ``terms(text)`` holds one."""
    starts = term_starts(words)
    return lambda text: bool(starts(text))


def term_starts(words: Iterable[str]) -> Callable[[str], list[int]]:
    """Where in a text one of ``words`` (terms) may begin, in order: every place a term
    of ``terms(text[s:e])`` begins is among them. A term is the end of a folded word (only
    proclitics are dropped), so the text spells it letter by letter, each letter in any
    form that folds to it, with marks that fold away between them. A presentation form
    (folding to several letters) is always a place."""
    spelled = [_spelling(w) for w in sorted(set(words)) if w]
    if not spelled:
        return lambda _text: []
    pattern = regex.compile("|".join([*spelled, f"[{EXPANDED}]"]), regex.IGNORECASE)
    return lambda text: [m.start() for m in pattern.finditer(text, overlapped=True)]


def _spelling(word: str) -> str:
    gap = f"[{regex.escape(''.join(_deleted()))}]*"
    return gap.join(_letter(c) for c in word)


def _letter(c: str) -> str:
    forms = {c, *_written_as().get(c, ())}
    return "[" + "".join(regex.escape(f) for f in sorted(forms)) + "]"


@cache
def _written_as() -> dict[str, tuple[str, ...]]:
    """Each folded letter and the characters that fold to it (``ا``: ``أإآٱ``)."""
    out: dict[str, list[str]] = {}
    for code, to in FOLD_TABLE.items():
        if isinstance(to, str) and len(to) == 1:
            out.setdefault(to, []).append(chr(code))
    return {k: tuple(v) for k, v in out.items()}


@cache
def _deleted() -> tuple[str, ...]:
    return tuple(chr(code) for code, to in FOLD_TABLE.items() if to is None)
