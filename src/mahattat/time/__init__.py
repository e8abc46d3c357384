"""Temporal expressions: find them on the normalized view, give each a TIMEX3 value.

``tag(view, dct, sentences)`` runs the rules of ``data/time/rules/*.toml`` (each near its
anchor words, ``windows.py``), keeps the longest of overlapping matches, and anchors the
values in text order (``anchor.py``).
"""

from __future__ import annotations

import datetime as dt
import itertools
from bisect import bisect_right
from functools import cache

import regex

from ..records import Timex
from ..text.arabic import zipf
from ..text.normalize import View
from . import clock, durations, holidays  # noqa: F401  (their resolvers register on import)
from .anchor import NARRATIVE_WINDOW, Anchor, Context, resolve
from .grammar import rules
from .lexicon import alternation, classes
from .readings import Piece, Reading, read
from .windows import anchor_positions, matches

FUTURE_STEM_ZIPF = 3.0  # "س" + a word at least this frequent is a future verb
CHRONOLOGY_MIN_DATES = 3  # explicit dates a chronology has at least
CHRONOLOGY_ORDERED = 0.6  # share of consecutive explicit dates in order

_WORD = regex.compile(r"\p{L}+")
_PUNCT_EDGE = r'[،,;:«»"()\[\]]'
# Clause edges: punctuation and quotes on both sides; a complementizer after the
# expression opens a clause of its own ("announced in June that the US will...").
_BEFORE_EDGE = regex.compile(_PUNCT_EDGE)


@cache
def _after_edge() -> regex.Pattern[str]:
    words = alternation("complementizer")
    return regex.compile(rf"{_PUNCT_EDGE}|(?<!\p{{L}})(?:{words})(?!\p{{L}})")


CLAUSE_REACH = 200  # characters looked at on each side for the clause's tense


def clause(text: str, start: int, end: int, sent: tuple[int, int]) -> str:
    """The words around ``text[start:end]`` that share its clause."""
    left = text[max(sent[0], start - CLAUSE_REACH) : start]
    cut = [m.end() for m in _BEFORE_EDGE.finditer(left)]
    right = text[end : min(sent[1], end + CLAUSE_REACH)]
    stop = _after_edge().search(right)
    return left[cut[-1] if cut else 0 :] + " " + right[: stop.start() if stop else len(right)]


def find(text: str, exhaustive: bool = False) -> list[Piece]:
    """All non-overlapping expressions of a normalized text, in text order.

    Rules run in windows around their anchor words (``windows.py``); ``exhaustive`` scans
    the whole text with every rule instead, the reference the windows are tested against.
    """
    candidates: list[tuple[int, int, int, list[Piece]]] = []
    found = {} if exhaustive else anchor_positions(text)
    for rank, rule in enumerate(rules()):
        hits = rule.pattern.finditer(text) if exhaustive else matches(rule, text, found)
        for m in hits:
            try:
                pieces = read(rule, m)
            except KeyError:  # a capture the lexicon cannot read: not an expression
                continue
            candidates.append((m.start("span"), m.end("span"), rank, pieces))
    candidates.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    taken = bytearray(len(text))  # 1 where a chosen span lies: linear in the spans' length
    chosen: list[Piece] = []
    for start, end, _, pieces in candidates:
        if any(taken[start:end]):
            continue
        taken[start:end] = b"\x01" * (end - start)
        chosen.extend(pieces)
    chosen.sort(key=lambda p: p[0])
    return chosen


def is_future(sentence: str) -> bool:
    """Whether a sentence speaks of the future (a future particle or ``س`` + verb)."""
    lex = classes()
    markers, exceptions = lex["future_marker"], lex["future_prefix_exceptions"]
    future, imperfect, conj = (
        lex["future_prefix"],
        lex["imperfect_prefix"],
        lex["conjunction_clitic"],
    )
    for word in _WORD.findall(sentence):
        if word in markers:
            return True
        w = word[1:] if word[0] in conj and len(word) > 4 else word  # "وسأغادر"
        if (
            len(w) >= 4
            and w[0] in future
            and w[1] in imperfect
            and w not in exceptions
            and _stem_known(w[1:])
        ):
            return True
    return False


def _stem_known(stem: str) -> bool:
    """``سيسحب`` is ``س`` + ``يسحب``; ``سنغافورة`` is no verb, as ``نغافوره`` is no word."""
    return zipf(stem) >= FUTURE_STEM_ZIPF


def _after_boundary_word(text: str, start: int) -> bool:
    """Whether the word before ``start`` makes a date a boundary ("since 2013", "by June")."""
    words = _WORD.findall(text[max(0, start - 12) : start])
    return bool(words) and words[-1] in classes()["anchorless_preposition"]


def is_chronology(readings: list[Reading]) -> bool:
    """Whether a text tells a story in date order, so a year-less date continues it."""
    dates = [(r.year, r.month or 0, r.day or 0) for r in readings if r.kind == "cal" and r.year]
    if len(dates) < CHRONOLOGY_MIN_DATES:
        return False
    ordered = sum(a <= b for a, b in itertools.pairwise(dates))
    return ordered >= CHRONOLOGY_ORDERED * (len(dates) - 1)


def tag(view: View, dct: dt.date, sentences: list[tuple[int, int]]) -> list[Timex]:
    """Temporal expressions of a document, with values anchored in its narrative."""
    starts = [s for s, _ in sentences] or [0]
    spans = sentences or [(0, len(view.text))]
    narrative: Anchor | None = None
    out: list[Timex] = []
    found = find(view.text)
    window = NARRATIVE_WINDOW if is_chronology([r for _, _, r in found]) else 1
    for start, end, reading in found:
        sid = max(bisect_right(starts, start) - 1, 0)
        future = is_future(clause(view.text, start, end, spans[sid]))
        res = resolve(reading, Context(dct, sid, future, narrative, window))
        if res is None:
            continue
        tid = f"t{len(out) + 1}"
        o_start, o_end, text = view.original_span(start, end)
        out.append(
            Timex(tid, o_start, o_end, text, reading.type, res.value, reading.mod, res.anchor)
        )
        if res.point is not None and reading.type == "DATE":
            y, m, d = res.point
            told = (
                reading.kind in ("cal", "hijri")
                and res.anchor != "dct"
                and not _after_boundary_word(view.text, start)
            )
            narrative = Anchor(y, m, d, reading.mod, tid, sid, not told)
    return out
