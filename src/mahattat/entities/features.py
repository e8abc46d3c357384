"""Token features for the named-entity CRF, shared by training, evaluation and ``find``.

Words are folded like the matching view. Everything that depends on one word (its
clitic-less stem, affixes, shape, frequency band, clusters, corpus label) is computed
once per word type and kept in a ``Features`` table; a token's item is its own tuple,
its neighbours' context tuples and the sentence's gazetteer matches, joined by
reference. The window is ±1: ±2 neighbours cost a third of the tagging time and scored
no better on ANERcorp (71.2 vs 70.8 F1 in the ablation). Pairs of neighbour clusters
(``k=<c>|<c>``) gained 0.6 F1 but cost a fifth of ``find``'s time, so they are out.
"""

from __future__ import annotations

from collections.abc import Container
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple

from ..patterns import compiled
from ..text.arabic import zipf
from ..text.wordtable import WordTable
from .clitics import split
from .gazetteer import lexicon, match

# Words, numbers (with inner separators) and single punctuation marks.
TOKEN = compiled(r"\p{L}[\p{L}\p{M}]*|\p{N}+(?:[.,:/]\p{N}+)*|[^\s\p{L}\p{N}]")
_ARABIC = compiled(r"[\u0621-\u064a]+")
_LATIN = compiled(r"[A-Za-z]+")
AFFIXES = (2, 3, 4)  # lengths of the prefixes and suffixes (one letter: no gain)
# Which of its cluster ids (k = 64, 256, 1024) a neighbour shows: the k = 256 one too
# scored 0.1 F1 more and cost 12% of the tagging time.
CONTEXT_LEVELS = (0,)
OWN_LEVELS = (0, 1, 2)  # a token shows all three of its own
CLUSTERS = "data/entities/clusters.table"
CORPUS_LABELS = "data/entities/corpus-labels.table"


@cache
def _table(name: str) -> WordTable | None:
    """A shipped word table (``scripts/build_clusters.py``, ``build_corpus_labels.py``);
    None when absent (a base model trained before its own table exists)."""
    path = resources.files("mahattat").joinpath(name)
    return WordTable(str(path)) if path.is_file() else None


def cluster(word: str) -> tuple[str, ...] | None:
    """A word's cluster ids at k = 64, 256, 1024, or None outside the vocabulary of the
    corpora (``scripts/build_clusters.py``)."""
    table = _table(CLUSTERS)
    return None if table is None else table.get(word)


def corpus_label(word: str) -> str | None:
    """The label a first model gave the word across the corpora, with a confidence band
    (``PER.hi``; ``scripts/build_corpus_labels.py``)."""
    table = _table(CORPUS_LABELS)
    found = None if table is None else table.get(word)
    return ".".join(found) if found else None


def _shape(word: str) -> str:
    if not word:
        return "E"
    if word.isdigit():
        return "D" if len(word) <= 2 else "DDDD" if len(word) == 4 else "DD+"
    if word[0].isdigit():
        return "D."
    if _ARABIC.fullmatch(word):
        return "A"
    if _LATIN.fullmatch(word):
        return "Lu" if word[0].isupper() else "L"
    return "P" if not word[0].isalnum() else "X"


def describe(word: str) -> tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """A word's stem and its features as the token itself, as the previous word of a
    token and as the next one. ``s=`` (the clitic-less stem) is the word's identity;
    ``w=`` and ``cl=`` are added when a clitic was cut (``والعراق``)."""
    cut, stem = split(word)
    key = stem.lower()
    # Shape and frequency band in one feature: one attribute fewer per token.
    own = [f"s={key}", f"f={_shape(word)}{int(zipf(stem))}"]
    if cut:
        own += (f"w={word}", f"cl={word[:cut]}")
    for k in AFFIXES:
        if k < len(stem):
            own += (f"p{k}={stem[:k]}", f"x{k}={stem[-k:]}")
    near = [("s", key)]
    c = cluster(key) or cluster(word.lower())
    if not c:
        own.append("c=-")  # unknown to 10M words of news: a rare name, or a misspelling
    else:
        own += (f"c{k}={c[k]}" for k in OWN_LEVELS)
        near += ((f"c{k}", c[k]) for k in CONTEXT_LEVELS)
    a = corpus_label(key)
    if a:
        own.append(f"a={a}")
        near.append(("a", a))
    prev = tuple(f"{name}[-1]={value}" for name, value in near)
    return stem, tuple(own), prev, tuple(f"{name}[1]={value}" for name, value in near)


class Word(NamedTuple):
    """All a sentence needs of one word type, computed once."""

    own: tuple[str, ...]
    prev: tuple[str, ...]  # as the previous word of a token
    next: tuple[str, ...]  # as the next word
    stem: str
    head: bool  # may start a gazetteer phrase
    band: str  # the shape-and-frequency feature (``f=A3``)


class Features:
    """Feature tables for one model. ``known`` keeps only the attributes the model has
    weights for: the others cost time in the tagger and change nothing."""

    def __init__(self, known: Container[str] | None = None) -> None:
        self.known = known
        self.words: dict[str, Word] = {}
        self.phrases = lexicon().phrases

    def _keep(self, feats: tuple[str, ...]) -> tuple[str, ...]:
        known = self.known
        return feats if known is None else tuple(f for f in feats if f in known)

    def word(self, w: str) -> Word:
        rec = self.words.get(w)
        if rec is None:
            stem, own, prev, nxt = describe(w)
            keep = self._keep
            head = w in self.phrases or stem in self.phrases
            rec = Word(keep(own), keep(prev), keep(nxt), stem, head, own[1])
            self.words[w] = rec
        return rec

    def records(self, words: list[str]) -> list[Word]:
        get = self.words.get
        return [get(w) or self.word(w) for w in words]

    def sentence(self, words: list[str], recs: list[Word] | None = None) -> list[list[str]]:
        """CRF items for one sentence of folded words (``recs``: their records, if the
        caller has them)."""
        if not words:
            return []
        recs = recs or self.records(words)
        prev = [("BOS",), *[r.prev for r in recs[:-1]]]
        nxt = [*[r.next for r in recs[1:]], ("EOS",)]
        heads = [i for i, r in enumerate(recs) if r.head]
        if heads:
            gaz, hits = match(words, [r.stem for r in recs], heads)
            _gazetteer_context(gaz, hits, recs, prev, nxt)
        else:
            gaz = [()] * len(words)
        return [[*r.own, *g, *p, *n] for r, g, p, n in zip(recs, gaz, prev, nxt, strict=True)]


def _gazetteer_context(
    gaz: list[tuple[str, ...]],
    hits: list[int],
    recs: list[Word],
    prev: list[tuple[str, ...]],
    nxt: list[tuple[str, ...]],
) -> None:
    """Let the neighbours of a word inside a gazetteer phrase see its categories, and a
    word after a title tell how common it is (a rare word after ``الرئيس`` is a name)."""
    n = len(gaz)
    for j in hits:
        gz = gaz[j]
        before, after = _seen(gz)
        if j + 1 < n and before:
            prev[j + 1] = (*prev[j + 1], *before)
        if j > 0 and after:
            nxt[j - 1] = (*nxt[j - 1], *after)
        if gz[-1].startswith("t="):  # after a title: its t= features come last
            gaz[j] = (*gz, *(f"{t}|{recs[j].band}" for t in gz if t[0] == "t"))


@lru_cache(maxsize=4096)
def _seen(gz: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A phrase word's categories as its next word sees them, and as its previous one."""
    cats = [g for g in gz if g.startswith("g=")]
    return tuple(f"{g}[-1]" for g in cats), tuple(f"{g}[1]" for g in cats)


@cache
def _plain() -> Features:
    return Features()


def sentence_features(words: list[str]) -> list[list[str]]:
    """CRF items with every feature (training)."""
    return _plain().sentence(words)
