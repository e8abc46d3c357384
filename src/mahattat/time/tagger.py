"""The tagger: every rule near its anchor words (``windows.py``), the longest of
overlapping matches kept, values anchored in text order (``anchor.py``)."""

from __future__ import annotations

import datetime as dt
import itertools
from bisect import bisect_right
from typing import cast

from ..patterns import compiled
from ..records import Timex, TimexType
from ..text.normalize import View
from ..text.tense import after_verb, clause, is_future, nearest_verb
from .anchor import NARRATIVE_WINDOW, Anchor, Context
from .clock import join_days_and_times
from .grammar import Rule, rules
from .lexicon import classes
from .readings import Piece, Reading
from .registry import read, resolve
from .windows import anchor_positions, matches

CHRONOLOGY_MIN_DATES = 3  # explicit dates a chronology has at least
CHRONOLOGY_ORDERED = 0.6  # share of consecutive explicit dates in order

_WORD = compiled(r"\p{L}+")


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
            if rule.after_verb is not None and not _after_verb(text, m.start("span"), rule):
                continue
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
    return join_days_and_times(text, chosen)


def _after_verb(text: str, start: int, rule: Rule) -> bool:
    between = frozenset(classes()[rule.after_verb]) if rule.after_verb else frozenset()
    return after_verb(text, start, between)


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


def _type(reading: Reading) -> TimexType:
    return cast(TimexType, reading.type)  # the rules' resolvers make only the four types


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
        # a bare weekday goes the way of its verb ("تنطلق الخميس", "انطلقت الخميس"); a
        # season of the story, unless the verb speaks of now or later; a year-less date
        # does not continue a story from a date to come when its verb tells the past
        bare_weekday = reading.kind == "weekday" and reading.direction is None
        story_part = reading.anaphoric and reading.sub is not None
        yearless = reading.kind in ("cal", "cal_time") and reading.year is None
        asks_verb = bare_weekday or story_part or yearless
        verb = nearest_verb(view.text, start, spans[sid]) if asks_verb else None
        res = resolve(reading, Context(dct, sid, future, narrative, window, verb))
        if res is None:
            continue
        tid = f"t{len(out) + 1}"
        o_start, o_end, text = view.original_span(start, end)
        kind = cast(TimexType, res.type) if res.type else _type(reading)
        mod = res.mod or reading.mod
        note = res.note or reading.note
        out.append(Timex(tid, o_start, o_end, text, kind, res.value, mod, res.anchor, note))
        if res.point is not None and kind in ("DATE", "TIME") and reading.kind != "clock":
            y, m, d = res.point
            # a date the text tells, or a day counted from such a date ("وبعد ثلاثة أيام")
            from_told = (
                narrative is not None
                and res.anchor == narrative.tid
                and not narrative.deictic
                and d is not None
            )
            told = (
                reading.kind in ("cal", "hijri", "cal_time")
                or (reading.kind == "rel" and from_told)
            ) and res.anchor != "dct" and not _after_boundary_word(view.text, start)
            if kind == "DATE" or reading.kind == "cal_time":
                narrative = Anchor(y, m, d, mod, tid, sid, not told)
    return out
