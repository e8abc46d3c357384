"""Which words of a sentence each of its dates governs.

A sentence with one date is one event. With several, it is cut between consecutive
dates at the last clause break: punctuation, else a coordinating conjunction
(``وانسحبوا``, ``ثم``). A date that opens its clause is left out of the event's words;
one inside or at the end stays, as an agency desk writes "...adopted by referendum in
October". All offsets here are on the normalized view.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from ..patterns import compiled
from ..text.arabic import zipf
from .lexicon import words

_TOKEN = compiled(r"[^\s«»\"“”()\[\]،,;:.!?؟]+")
TOKEN = _TOKEN
_BREAK = compiled(r"[،,;:«»\"“”]")
_EDGE_PUNCT = ' \t\n،,;:.!?؟-–—«»"“”()[]'
_QUOTE_PAIRS = (("«", "»"), ("“", "”"))
CONJUNCTION_GAIN = 0.5  # "وانسحبوا" is و + a verb when "انسحبوا" is this much more frequent


@dataclass(frozen=True, slots=True)
class Clause:
    start: int
    end: int
    # the clause was split from the one before at a conjunction, not at punctuation:
    # it shares that clause's syntax (a relative clause's coordinated verbs)
    coordinated: bool


def is_conjunction(token: str) -> bool:
    """``ثم``/``و`` alone, or ``و`` glued to a word that is commoner without it."""
    if token in words().conjunctions:
        return True
    if len(token) > 3 and token[0] in words().clause_conjunctions:
        return zipf(token[1:]) >= zipf(token) + CONJUNCTION_GAIN
    return False


def _cut(text: str, start: int, date: tuple[int, int], hi: int) -> tuple[int, bool]:
    """Where the clause that begins at ``start`` and holds ``date`` stops before the
    next date at ``hi``: the last break that leaves it words of its own."""
    lo = date[1]
    before = _has_words(text, start, date[0])
    for m in reversed(list(_BREAK.finditer(text, lo, hi))):
        if before or _has_words(text, lo, m.start()):
            return m.end(), False
    for m in reversed(list(_TOKEN.finditer(text, lo, hi))):
        if is_conjunction(m.group()) and (before or _has_words(text, lo, m.start())):
            return m.start(), True
    return hi, False


def _has_words(text: str, start: int, end: int) -> bool:
    edge = words().edge
    return any(t not in edge for t in tokens(text, start, end))


def split(text: str, sentence: tuple[int, int], dates: list[tuple[int, int]]) -> list[Clause]:
    """One clause per date (view spans, in order) of a sentence."""
    bounds, coordinated = [sentence[0]], [False]
    for a, (b_start, _) in itertools.pairwise(dates):
        cut, conj = _cut(text, bounds[-1], a, b_start)
        bounds.append(cut)
        coordinated.append(conj)
    bounds.append(sentence[1])
    out = [Clause(bounds[i], bounds[i + 1], coordinated[i]) for i in range(len(dates))]
    return _share_bare(text, out, dates)


def _share_bare(text: str, out: list[Clause], dates: list[tuple[int, int]]) -> list[Clause]:
    """A date left with no words of its own ("ليل الخميس والجمعة", a date closing the
    sentence) governs its neighbour's clause: both dates share the merged span."""
    for i in range(1, len(out)):
        cl, (d_start, d_end) = out[i], dates[i]
        if _has_words(text, cl.start, d_start) or _has_words(text, d_end, cl.end):
            continue
        prev = out[i - 1]
        merged = Clause(prev.start, cl.end, prev.coordinated)
        j = i - 1
        while j >= 0 and out[j] == prev:  # earlier dates already sharing ``prev``
            out[j] = merged
            j -= 1
        out[i] = merged
    return out


def tokens(text: str, start: int, end: int) -> list[str]:
    return _TOKEN.findall(text, start, end)


def event_span(text: str, clause: Clause, date: tuple[int, int]) -> tuple[int, int]:
    """The clause's words; a date that opens the clause (after ``في``, ``وفي``) is left out."""
    lead = [t for t in tokens(text, clause.start, date[0]) if t not in words().edge]
    start = date[1] if not lead else clause.start
    return _trim(text, start, clause.end)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Punctuation off both edges; a quote that opens inside keeps its closing mark
    (``أن «الجزء الأكبر ... قد انتهى»``)."""
    stop = end
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCT:
        end -= 1
    for opening, closing in _QUOTE_PAIRS:
        inner = text[start:end]
        if inner.count(opening) > inner.count(closing):
            close = text.find(closing, end, stop)
            end = close + 1 if close >= 0 else end
    return start, end



def relative_antecedent(text: str, clause: Clause, date_start: int) -> int | None:
    """Where the word a relative clause hangs on ends, when the date sits in that
    relative clause (``العراق الذي غزاه الأمريكيون في عام 2003``); else ``None``."""
    rel = words().relative
    found = None
    for m in _TOKEN.finditer(text, clause.start, date_start):
        if m.group() in rel:
            found = m
    if found is None or _BREAK.search(text, found.end(), date_start):
        return None
    before = text[clause.start : found.start()].rstrip()
    return clause.start + len(before) if before else None
