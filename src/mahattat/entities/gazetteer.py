"""Phrase lists for the named-entity CRF: gazetteers and trigger words.

``data/entities/gazetteer.json`` is generated (``scripts/build_gazetteers.py``), and so is
``gazetteer-org.json`` (organisation names mined from the corpora,
``scripts/build_org_gazetteer.py``); ``gazetteer-extra.json`` and ``triggers.json`` are
hand-written. Every entry is a
category (``LOC.country``, ``trigger.PER``...) and a phrase, folded and split like the
tokens it is matched against. A sentence is matched in one left-to-right pass, longest
phrase first, so ``رئيس الوزراء`` wins over ``رئيس``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..datafile import load_json, read_bytes
from ..patterns import kept
from ..text.normalize import FOLD_TABLE, fold

FILES = ("gazetteer.json", "gazetteer-org.json", "gazetteer-extra.json", "triggers.json")


# Remaining words; features of the phrase's first word, of its other words, of the
# words after it.
Entry = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]
TRIGGER = "trigger."
# A title reaches the name up to this many words on: رئيس الوزراء العراقي الجديد الكاظمي.
AFTER = 3


@dataclass(frozen=True, slots=True)
class Lexicon:
    # First word -> its phrases, longest first.
    phrases: dict[str, tuple[Entry, ...]]
    # One-word entries (the clitic logic asks whether a bare stem is a known name).
    names: frozenset[str]


def _entries() -> dict[tuple[str, ...], set[str]]:
    out: dict[tuple[str, ...], set[str]] = {}
    for name in FILES:
        for category, phrases in load_json(f"entities/{name}").items():
            for phrase in phrases:
                words = tuple(fold(phrase).replace("-", " ").split())
                if words:
                    out.setdefault(words, set()).add(category)
    return out


def _features(cats: frozenset[str]) -> tuple[tuple[str, ...], ...]:
    """A phrase's features on its first word, on its other words, on the words after."""
    ordered = sorted(cats)
    inner = tuple(f"g={c}" for c in ordered)
    first = tuple(f"gb={c}" for c in ordered) + inner
    after = tuple(f"t={c[len(TRIGGER) :]}" for c in ordered if c.startswith(TRIGGER))
    return first, inner, after


@cache
def lexicon() -> Lexicon:
    """The phrases by first word, read back from the user's cache when the data files,
    the folding and this module are those it was built from (building takes 0.2 s of
    every ``extract``)."""
    key = b"\0".join(
        [Path(__file__).read_bytes(), repr(sorted(FOLD_TABLE.items())).encode()]
        + [read_bytes(f"entities/{name}") for name in FILES]
    )
    return kept("gazetteer", key, _build, Lexicon)


def _build() -> Lexicon:
    grouped: dict[str, list[Entry]] = {}
    names: set[str] = set()
    shared: dict[frozenset[str], tuple[tuple[str, ...], ...]] = {}  # few category sets
    for words, cats in _entries().items():
        key = frozenset(cats)
        first, inner, after = shared.get(key) or shared.setdefault(key, _features(key))
        grouped.setdefault(words[0], []).append((words[1:], first, inner, after))
        if len(words) == 1 and not all(c.startswith(TRIGGER) for c in cats):
            names.add(words[0])
    phrases = {
        k: tuple(v) if len(v) == 1 else tuple(sorted(v, key=lambda e: -len(e[0])))
        for k, v in grouped.items()
    }
    return Lexicon(phrases, frozenset(names))


def match(
    words: list[str], stems: list[str], heads: list[int]
) -> tuple[list[tuple[str, ...]], list[int]]:
    """Gazetteer features per token: ``g=<category>`` on every word of a matched phrase,
    ``gb=<category>`` on its first, ``t=<label>`` on the ``AFTER`` words after a trigger.
    ``heads`` are the positions whose word or clitic-less stem starts some phrase. Also
    returns the positions that got any feature, in order."""
    phrases = lexicon().phrases
    n = len(words)
    out: list[tuple[str, ...]] = [()] * n
    near: list[tuple[str, ...]] = [()] * n
    hits: list[int] = []
    done = 0  # phrases do not overlap: the first (longest) match wins
    for i in heads:
        if i < done:
            continue
        found = _longest(phrases, words, stems, i)
        if found is None:
            continue
        length, first, inner, after = found
        out[i] = first
        hits.append(i)
        for j in range(i + 1, i + length):
            out[j] = inner
            hits.append(j)
        done = i + length
        for j in range(done, min(n, done + AFTER)) if after else ():
            near[j] += after
            hits.append(j)
    for j in hits:
        out[j] += near[j]
        near[j] = ()  # a word after two titles gets their features once
    return out, sorted(set(hits))


def _longest(
    phrases: dict[str, tuple[Entry, ...]], words: list[str], stems: list[str], i: int
) -> tuple[int, tuple[str, ...], tuple[str, ...], tuple[str, ...]] | None:
    best: tuple[int, tuple[str, ...], tuple[str, ...], tuple[str, ...]] | None = None
    heads = (words[i],) if stems[i] == words[i] else (words[i], stems[i])
    for head in heads:
        for rest, first, inner, after in phrases.get(head, ()):
            end = i + 1 + len(rest)
            if end <= len(words) and tuple(words[i + 1 : end]) == rest:
                if best is None or end - i > best[0]:
                    best = (end - i, first, inner, after)
                break  # longest first: the rest of this head's phrases are shorter
    return best
