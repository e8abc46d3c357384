"""The Arabic layer every stage stands on: folding, proclitics, word frequencies, and
word lists turned into lookups and regex alternations.

Stages import ``text/`` (this module, ``normalize``, ``repair``, ``sentences``,
``tense``), never one another. The clitic letters live once, in
``data/text/clitics.json``; a stage chooses which of them it strips, and with what
checks, in its own data file. Word frequencies are wordfreq's Arabic list, folded and
packed by ``scripts/build_wordfreq.py`` into a table read in place (``wordtable.py``).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import regex

from ..datafile import load_json
from ..patterns import compiled
from .normalize import FOLD_TABLE, fold
from .wordtable import WordTable

__all__ = [
    "Clitics",
    "classes",
    "clitic_readings",
    "clitics",
    "fold",
    "fold_key",
    "key",
    "occurrences",
    "peeled",
    "trie_alternation",
    "word_classes",
    "words_of",
    "zipf",
]

FREQUENCIES = "data/text/wordfreq-ar.table"

# --- folding -------------------------------------------------------------------------


def fold_key(word: str) -> str:
    """A word folded character by character as the view folds it, presentation forms
    left as they are (wordfreq's keys, as the frequency table was built)."""
    return word.translate(FOLD_TABLE)


def key(surface: str) -> str:
    """A lexicon entry as the view spells it: folded, words joined by single spaces."""
    return " ".join(fold(surface).split())


# --- clitics ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Clitics:
    """``data/text/clitics.json``: the proclitic letters by role, the article, and the
    endings read around a stem."""

    conjunctions: str  # و ف
    prepositions: str  # ب ل ك
    future: str  # س
    article: str  # ال
    lam: str  # the preposition after which the article drops its alef
    ta_marbuta: str  # a letter that only ends a word
    enclitics: tuple[str, ...]

    @property
    def lam_article(self) -> str:
        """``ل`` + ``ال`` as written: ``لل``."""
        return self.lam + self.article[1:]

    @property
    def letters(self) -> str:
        """The one-letter proclitics of nouns: conjunctions and prepositions."""
        return self.conjunctions + self.prepositions

    def pairs(self) -> frozenset[str]:
        """A conjunction then a preposition: ``وب``, ``فل``..."""
        return frozenset(c + p for c in self.conjunctions for p in self.prepositions)

    def sequences(self, *, future: bool = False, article: bool = False) -> tuple[str, ...]:
        """Every proclitic sequence a word may open with (conjunction, then preposition
        or with ``future`` the future prefix, then with ``article`` the article), longest
        first."""
        middles = ["", *self.prepositions, *(self.future if future else "")]
        arts = ["", self.article] if article else [""]
        out = set()
        for conj, mid, art in itertools.product(["", *self.conjunctions], middles, arts):
            if art and mid and mid in self.future:
                continue  # a verb takes no article
            if art and mid == self.lam:
                mid, art = "", self.lam_article
            out.add(conj + mid + art)
        out.discard("")
        return tuple(sorted(out, key=lambda s: (-len(s), s)))

    def regex_prefix(self) -> str:
        """An optional proclitic before a word, as a regex: ``(?:[وف]?[بلك]|[وف])?``."""
        c, p = self.conjunctions, self.prepositions
        return f"(?:[{c}]?[{p}]|[{c}])?"

    def regex_after_lam(self) -> str:
        """A lookbehind for the lam (with its conjunction) that drops the article's alef:
        ``للعام`` is ``ل`` + ``(ا)لعام``."""
        return rf"(?<=(?<!\p{{L}})[{self.conjunctions}]?{self.lam})"


@cache
def clitics() -> Clitics:
    raw = load_json("text/clitics.json")
    return Clitics(
        conjunctions="".join(raw["conjunctions"]),
        prepositions="".join(raw["prepositions"]),
        future="".join(raw["future"]),
        article=raw["article"],
        lam=raw["lam"],
        ta_marbuta=raw["ta_marbuta"],
        enclitics=tuple(raw["enclitics"]),
    )


def subset(letters: Iterable[str], of: str, what: str) -> frozenset[str]:
    """A stage's choice among the inventory's clitics (its data names them); an error
    when it names one the inventory lacks."""
    chosen = frozenset(letters)
    if not chosen <= set(of):
        raise ValueError(f"{what}: {sorted(chosen - set(of))} not in data/text/clitics.json")
    return chosen


def clitic_readings(token: str) -> Iterator[str]:
    """A token without one leading proclitic, then without a conjunction + preposition
    pair (``وبالعام`` -> ``بالعام``, ``العام``); after ``لل`` the article gets its alef
    back (``للعام`` -> ``لعام``, ``العام``). Nothing when the token is too short."""
    c = clitics()
    if len(token) <= 2 or token[0] not in c.letters:
        return
    yield token[1:]
    if token.startswith(c.lam_article):
        yield c.article[0] + token[1:]
    elif token[:2] in c.pairs() and len(token) > 3:
        yield token[2:]


def peeled(token: str, min_len: int) -> Iterator[str]:
    """The token, then peeled one layer at a time while more than ``min_len`` letters
    remain: a conjunction, a preposition or the future prefix, the article (or ``لل``)."""
    c = clitics()
    yield token
    rest = token
    if len(rest) > min_len and rest[0] in c.conjunctions:
        rest = rest[1:]
        yield rest
    if len(rest) > min_len and rest[0] in c.prepositions + c.future:
        rest = rest[1:]
        yield rest
    if len(rest) > min_len and rest.startswith((c.article, c.lam_article)):
        yield rest[2:]


# --- word frequencies ------------------------------------------------------------------


@cache
def _frequencies() -> WordTable:
    return WordTable(str(resources.files("mahattat").joinpath(FREQUENCIES)))


@lru_cache(maxsize=1 << 18)
def zipf(word: str) -> float:
    """Zipf frequency (log10 per billion words) of a word folded like the view, from
    wordfreq's Arabic list with the variants that fold together summed; 0 if unknown."""
    value: float = _frequencies().first(word, 0.0)
    return value


# --- word lists --------------------------------------------------------------------------


def word_classes(relpath: str) -> dict[str, dict[str, Any]]:
    """The word classes of ``data/<relpath>`` (``{class: {entry: meaning}}``), entries
    folded as the view spells them; notes (``_...``) and non-class keys left out."""
    return {
        name: {key(k): v for k, v in entries.items()}
        for name, entries in load_json(relpath).items()
        if isinstance(entries, dict)
    }


@cache
def classes(folder: str) -> dict[str, dict[str, Any]]:
    """Every word class of ``data/<folder>/*.json``, merged in file-name order (a later
    file adds to a class or overrides an entry), entries folded."""
    merged: dict[str, dict[str, Any]] = {}
    root = resources.files("mahattat").joinpath("data", folder)
    for path in sorted(root.iterdir(), key=lambda p: p.name):
        if path.name.endswith(".json"):
            for cls, entries in word_classes(f"{folder}/{path.name}").items():
                merged.setdefault(cls, {}).update(entries)
    return merged


def trie_alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` (longest first), factored by common prefixes.

    A space inside an entry matches one to three spaces of the view. The branches of a
    node start with different characters, so matching never backtracks across them.
    """
    root: dict[str, dict] = {}
    for w in words:
        if not w:
            continue
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [
            ("[ ]{1,3}" if ch == " " else regex.escape(ch)) + emit(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return emit(root)


_ARABIC_WORD = compiled(r"[\u0621-\u064a]+")


@lru_cache(maxsize=2)
def words_of(text: str) -> frozenset[str]:
    """The distinct Arabic words of a view text. Cached for the last texts: several
    stages start from it, and a set intersection with a lexicon tells each at C speed
    which of its words occur at all."""
    return frozenset(_ARABIC_WORD.findall(text))


def _is_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a"


def occurrences(text: str, words: frozenset[str]) -> list[tuple[int, str]]:
    """Where each of ``words`` occurs in ``text`` as a whole word, in text order."""
    out = []
    for w in words_of(text) & words:
        n = len(w)
        i = text.find(w)
        while i >= 0:
            j = i + n
            if (i == 0 or not _is_letter(text[i - 1])) and (
                j == len(text) or not _is_letter(text[j])
            ):
                out.append((i, w))
            i = text.find(w, j)
    out.sort()
    return out


def with_clitics(entries: Iterable[str], letters: Iterable[str]) -> frozenset[str]:
    """The first words of ``entries``, bare and with each clitic letter glued on."""
    firsts = {e.split(" ")[0] for e in entries}
    return frozenset(firsts | {c + w for c in letters for w in firsts})
