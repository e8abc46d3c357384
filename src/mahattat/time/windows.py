"""Where to run each rule: windows around the words a rule cannot match without.

Scanning every article with every rule costs forty passes over text that is mostly not
temporal. A rule's anchors (``Rule.anchors``) are the lexicon classes it needs a word of,
or ``DIGIT``; one pass over the tokens finds where those words are (an entry of several
words by its longest one), and each rule runs only in windows around its own anchors
(``data/time/engine.json`` sets their size, wide enough for the entry's other words).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from functools import cache, lru_cache

import regex

from ..text.arabic import clitic_readings, zipf
from .grammar import Rule, engine, rules
from .lexicon import classes

# The view has ASCII digits and no marks; stdlib ``re`` tokenizes it fastest.
_TOKEN = re.compile(r"\w+")
_DIGIT_JOIN = frozenset(":/.-,،")


@cache
def key_words() -> dict[str, frozenset[str]]:
    """For each entry of an anchor class, its longest word (the rarest, as a rule:
    "الصباح" of "في الصباح", not "في"; of words of equal length the rarest by the word
    frequencies), with the classes it stands for."""
    anchors = set().union(*(r.anchors for r in rules())) - {"DIGIT", "DIGIT4", "DIGIT_SEP"}
    lex = classes()
    out: dict[str, set[str]] = defaultdict(set)
    for cls in anchors:
        for key in lex.get(cls, ()):
            words = _TOKEN.findall(key)
            if words:  # the longest word; of equal ones the rarest ("أمس" of "قبل يوم أمس")
                out[max(words, key=lambda w: (len(w), -zipf(w)))].add(cls)
    return {k: frozenset(v) for k, v in out.items()}


@cache
def _glued_heads() -> tuple[str, ...]:
    """Words that scraping glues to a month name ("شهرجانفي"), longest first."""
    return tuple(sorted(classes()["month_word"], key=len, reverse=True))


def _variants(tok: str) -> Iterator[str]:
    """A token and the same token without a leading clitic ("وأمس", "للعام")."""
    yield tok
    for head in _glued_heads():
        if len(tok) > len(head) + 1 and tok.startswith(head):
            yield tok[len(head) :]
            break
    yield from clitic_readings(tok)


def anchor_positions(text: str) -> dict[str, list[int]]:
    """Start offsets of the words of every anchor class, and of digit runs (unsorted).

    Digits count as ``DIGIT``, four of them also as ``DIGIT4`` (a year), a run joined to
    more digits by ``: / . -`` also as ``DIGIT_SEP`` (a numeric date, a clock time). Each
    distinct word is looked up once; only the few that stand for a class are then found
    in the text again.
    """
    found: dict[str, list[int]] = defaultdict(list)
    n = len(text)
    for tok in set(_TOKEN.findall(text)):
        digits = tok[0].isdigit()
        classes = () if digits else _token_classes(tok)
        if not (digits or classes):
            continue
        for start in _whole_words(text, tok):
            if not digits:
                for cls in classes:
                    found[cls].append(start)
                continue
            end = start + len(tok)
            found["DIGIT"].append(start)
            if len(tok) == 4:  # a year
                found["DIGIT4"].append(start)
            if end + 1 < n and text[end] in _DIGIT_JOIN and text[end + 1].isdigit():
                found["DIGIT_SEP"].append(start)  # 22/04, 12:30, 2018-04
    return found


def _whole_words(text: str, word: str) -> Iterator[int]:
    """Where ``word`` stands as a whole ``\\w+`` token of ``text``."""
    n, k = len(text), len(word)
    i = text.find(word)
    while i >= 0:
        j = i + k
        if (i == 0 or not _is_word(text[i - 1])) and (j == n or not _is_word(text[j])):
            yield i
        i = text.find(word, j)  # a whole occurrence cannot start inside this one


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what ``re``'s \\w matches in a str


@lru_cache(maxsize=65536)
def _token_classes(tok: str) -> tuple[str, ...]:
    """The anchor classes a word stands for (most words: none; one cached lookup)."""
    words = key_words()
    return tuple(cls for key in _variants(tok) for cls in words.get(key, ()))


def matches(rule: Rule, text: str, found: dict[str, list[int]]) -> Iterator[regex.Match[str]]:
    """The rule's matches in ``text``, looked for only near its anchors."""
    if not rule.anchors:
        yield from rule.pattern.finditer(text)
        return
    points = sorted(p for cls in rule.anchors for p in found.get(cls, ()))
    if not points:
        return
    cfg = engine()
    before, after = rule.window or (cfg["window_before"], cfg["window_after"])
    slack = cfg["lookahead_slack"]
    n = len(text)
    for start, end in _merge(points, before, after, n):
        endpos = min(n, end + slack)
        for m in rule.pattern.finditer(text, start, endpos):
            # near ``endpos`` a lookahead could not see what follows: leave it to no one,
            # as the window reaches ``after`` characters past the last anchor
            if endpos == n or m.end() <= end + slack // 2:
                yield m


def _merge(points: list[int], before: int, after: int, n: int) -> Iterator[tuple[int, int]]:
    start, end = max(0, points[0] - before), points[0] + after
    for p in points[1:]:
        if p - before <= end:
            end = p + after
        else:
            yield start, min(n, end)
            start, end = max(0, p - before), p + after
    yield start, min(n, end)
