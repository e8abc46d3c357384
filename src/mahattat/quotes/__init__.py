"""Quotes: text in quote marks and reported speech, with the speech verb and the speaker.

``find(view, sentences, entities)`` works on the view in three steps:

1. *Marked spans*: text between ``«»``, ``""`` or ``“”`` (one line break may fall inside).
2. *Cues*: speech verbs (``قال``، ``أعلن``...; the speaker is their subject, after them) and
   participles (``قائلا``، ``مضيفا``; the speaker comes before). Each cue looks ahead in its
   sentence for what it introduces: a complementizer (``إن``/``أن``), a colon, or a marked
   span. After ``أن``/``:``, a marked span is the quote; otherwise the clause up to the
   sentence end (or the next cue) is reported speech.
3. Marked spans no cue introduced are quotes when a verb follows them (``«...»، قال X``)
   or when they are long enough (``min_words_without_cue``) and no name-giving noun precedes
   them (``منظمة «...»``); short ones are scare quotes and names.

The speaker is an entity id: for a verb, the first PER (else ORG, else LOC) between the verb
and what it introduces; for a participle, the first one in its clause before it. A cue that
names nobody (``وأضاف أن``, ``قائلا:``) keeps the speaker of the previous cue in the same or
previous sentence. Spans of marked quotes include their marks.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from ..patterns import compiled
from ..records import Entity, Quote
from ..text.arabic import clitics, occurrences
from ..text.normalize import View
from .lexicon import Lexicon, lexicon, patterns

__all__ = ["find"]

SPEAKER_LABELS = ("PER", "ORG", "LOC")  # in order of preference
_LETTER = compiled(r"\p{L}")
_FIRST_WORDS = compiled(r"(?P<a>\p{L}+)(?:[ ]+(?P<b>\p{L}+))?")
_SKIP_SPACE = compiled(r"\s*")
_POST_GAP = compiled(r"[ ]{0,3}[،,]?[ ]{0,3}")
_CLAUSE_EDGE = compiled(r"(?r)[،,;:؛»”\"\n]")  # the last one before a participle
_CLAUSE_END = compiled(r"[،,;:؛.!?؟«»“”\"\n]")
_TRIM = " \n.,،;؛:!?؟"


@dataclass(slots=True)
class _Marked:
    start: int  # view span, marks included
    end: int
    words: int
    lines: bool  # a line break inside
    claimed: bool = False


@dataclass(slots=True)
class _Cue:
    lead: int  # where the word begins (with its و/ف)
    start: int  # the verb itself
    end: int
    clitic: bool  # "وأضاف": it opens a clause of its own
    participle: bool
    sid: int
    opening: tuple[str, int, int] | None = None  # ("c" | "colon" | "q", start, end)
    speaker: str | None = None


class _Entities:
    """Entity mentions on the view, for the first of a label in a span."""

    def __init__(self, view: View, entities: Sequence[Entity]) -> None:
        rows = sorted(
            (view.to_view(e.start), view.to_view(e.end), e.label, e.id)
            for e in entities
            if e.label in SPEAKER_LABELS
        )
        self.rows = rows
        self.starts = [r[0] for r in rows]

    def best(self, lo: int, hi: int) -> str | None:
        """The id of the first PER in ``[lo, hi)``, else the first ORG, else LOC."""
        found: dict[str, str] = {}
        for s, e, label, eid in self.rows[bisect_left(self.starts, lo) :]:
            if s >= hi:
                break
            if e <= hi and label not in found:
                found[label] = eid
                if label == SPEAKER_LABELS[0]:
                    break
        return next((found[lb] for lb in SPEAKER_LABELS if lb in found), None)


def find(view: View, sentences: list[tuple[int, int]], entities: Sequence[Entity]) -> list[Quote]:
    """Quotes of a document in text order (``sentences`` are view spans, ``entities``
    original ones)."""
    text, pat = view.text, patterns()
    marked = [_marked(text, m) for m in pat.marked.finditer(text)]
    sents = sentences or [(0, len(text))]
    starts = [s for s, _ in sents]
    cues = _cues(text, marked, starts)
    if not marked and not cues:
        return []
    by_start = {m.start: m for m in marked}
    _open(text, cues, by_start, sents)
    ents = _Entities(view, entities)
    found: list[tuple[int, int, str | None, _Cue | None]] = []
    reported: list[tuple[int, int]] = []
    productive = [c.lead for c in cues if c.opening]
    last: tuple[int, str] | None = None  # (sentence, speaker) of the latest cue with one
    prev: _Cue | None = None  # the latest cue that introduced something
    for c in cues:
        before = sents[c.sid - 1] if c.sid > 0 else None
        c.speaker = _speaker(text, c, ents, sents[c.sid], before, prev, last)
        if c.speaker is not None:
            last = (c.sid, c.speaker)
        if c.opening is None:
            continue
        prev = c
        span = _quote_span(text, c, by_start, sents[c.sid], productive)
        if span is None:
            continue
        s, e, m = span
        if m is not None:
            m.claimed = True
        else:
            reported.append((s, e))
        found.append((s, e, c.speaker, c))
    found.extend(_unclaimed(text, marked, cues, reported))
    found.sort(key=lambda f: f[0])
    out = []
    for s, e, speaker, cue in found:
        os_, oe, quoted = view.original_span(s, e)
        where = view.to_original(cue.start, cue.end) if cue is not None else None
        out.append(Quote(os_, oe, quoted, speaker, where))
    return out


def _marked(text: str, m: regex.Match[str]) -> _Marked:
    inner = text[m.start() + 1 : m.end() - 1]
    return _Marked(m.start(), m.end(), len(inner.split()), "\n" in inner)


def _cues(text: str, marked: list[_Marked], starts: list[int]) -> list[_Cue]:
    """Speech verbs outside quote marks (a verb inside a quote is the quoted person's)."""
    lex, pat = lexicon(), patterns()
    out: list[_Cue] = []
    k = 0
    for i, w in occurrences(text, pat.cue_words):
        while k < len(marked) and marked[k].end <= i:
            k += 1
        if k < len(marked) and marked[k].start < i:
            continue
        sid = max(bisect_right(starts, i) - 1, 0)
        n = pat.cues[w]
        participle = w[n:] in lex.participles
        out.append(_Cue(i, i + n, i + len(w), n > 0, participle, sid))
    return out


def _open(
    text: str, cues: list[_Cue], by_start: dict[int, _Marked], sents: list[tuple[int, int]]
) -> None:
    """Find what each cue introduces, before the next cue: of two verbs before one
    ``أن`` the nearer is the speech verb (``حيث يقول 3% بأنهم``)."""
    lex = lexicon()
    for k, c in enumerate(cues):
        reach = lex.participle_reach if c.participle else lex.reach
        limit = min(sents[c.sid][1], c.end + reach)
        if k + 1 < len(cues):
            limit = min(limit, cues[k + 1].lead)
        c.opening = _opening(text, c, limit, by_start, lex)


def _opening(
    text: str, c: _Cue, limit: int, by_start: dict[int, _Marked], lex: Lexicon
) -> tuple[str, int, int] | None:
    pat = patterns()
    pos = c.end
    while pos < limit and (m := pat.opening.search(text, pos, limit)):
        if m["w"] is not None:
            prev = pat.prev_word.search(text, max(0, m.start() - 12), m.start())
            if prev and _blocks(prev["w"], lex):  # "قبل أن", "ويمكن أن"
                pos = m.end()
                continue
            return ("c", m.start(), m.end())
        if m["colon"] is not None:
            if m.start() > 0 and text[m.start() - 1].isdigit():  # "10:30"
                pos = m.end()
                continue
            return ("colon", m.start(), m.end())
        span = by_start.get(m.start())
        if span is None:
            pos = m.end()
            continue
        # Right after the verb, a marked span is what it says, unless أن or a colon follows
        # it (وكتب "يوروستات" أنه...); further on, a short one is a name within the subject
        # (قال رئيس «حزب الله» إن).
        if span.words >= lex.min_words and not _named(text, span):
            return ("q", span.start, span.end)
        nxt = pat.opening.match(text, _skip(_POST_GAP, text, span.end))
        if not _LETTER.search(text, c.end, m.start()) and (nxt is None or nxt["q"]):
            return ("q", span.start, span.end)
        pos = span.end
    return None


def _skip(gap: regex.Pattern[str], text: str, pos: int) -> int:
    """Where an optional gap (spaces, a comma) that starts at ``pos`` ends."""
    m = gap.match(text, pos)
    return m.end() if m else pos


def _blocks(word: str, lex: Lexicon) -> bool:
    return word in lex.blockers or (word[0] in clitics().letters and word[1:] in lex.blockers)


def _quote_span(
    text: str,
    c: _Cue,
    by_start: dict[int, _Marked],
    sent: tuple[int, int],
    productive_leads: list[int],
) -> tuple[int, int, _Marked | None] | None:
    """The quote a cue introduces: a marked span, or the reported clause."""
    kind, _, o_end = c.opening  # type: ignore[misc]
    if kind == "q":
        m = by_start[c.opening[1]]  # type: ignore[index]
        return None if m.claimed else (m.start, m.end, m)
    after = _skip(_SKIP_SPACE, text, o_end)
    found = by_start.get(after)
    if found is not None:
        return None if found.claimed else (found.start, found.end, found)
    end = sent[1]
    k = bisect_right(productive_leads, c.lead)  # the next cue starts a quote of its own
    if k < len(productive_leads):
        end = min(end, productive_leads[k])
    s, e = after, end
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    if not _LETTER.search(text, s, e):
        return None
    return s, e, None


def _speaker(
    text: str,
    c: _Cue,
    ents: _Entities,
    sent: tuple[int, int],
    before: tuple[int, int] | None,
    prev: _Cue | None,
    last: tuple[int, str] | None,
) -> str | None:
    """The entity that says what cue ``c`` introduces (``before``: the previous sentence;
    ``prev``: the latest cue that introduced something; ``last``: the latest speaker)."""
    inherited = last[1] if last is not None and last[0] >= c.sid - 1 else None
    if c.participle:
        lo = max(sent[0], c.lead - lexicon().reach)
        edge = _CLAUSE_EDGE.search(text, lo, c.lead)
        lo = edge.end() if edge else lo
        # "قال X إن ... مضيفا أن": still inside X's reported clause.
        if prev is not None and prev.sid == c.sid and prev.opening and prev.opening[2] > lo:
            return prev.speaker
        found = ents.best(lo, c.lead) or inherited
        if found is None and before is not None and not text[sent[0] : c.lead].strip():
            # "التقى X الوفد. قائلا: ...": the subject of the sentence it continues.
            found = ents.best(*before)
        return found
    if c.opening is not None:
        hi = c.opening[1]
    else:
        hi = min(sent[1], c.end + lexicon().reach)
        stop = _CLAUSE_END.search(text, c.end, hi)
        hi = stop.start() if stop else hi
    found = ents.best(c.end, hi)
    if found is not None:
        return found
    return inherited if _names_nobody(text[c.end : hi]) else None


def _names_nobody(region: str) -> bool:
    """Whether a verb's clause has no subject of its own (``وأضاف في بيان أن``)."""
    m = _FIRST_WORDS.search(region)
    if m is None:
        return True
    adjuncts, cl = lexicon().adjuncts, clitics()
    first = m["a"]
    return (
        first in adjuncts
        or (m["b"] is not None and f"{first} {m['b']}" in adjuncts)
        or (first[0] in cl.letters and first[1:] in adjuncts)
        or first.startswith(cl.lam_article)
    )


def _named(text: str, m: _Marked) -> bool:
    """Whether a name-giving noun (``منظمة``, ``لمنظمة``, ``المنظمة``) precedes a span."""
    prev = patterns().prev_word.search(text, max(0, m.start - 20), m.start)
    if prev is None:
        return False
    w = prev["w"]
    names, cl = lexicon().name_intro, clitics()
    forms = {w, w[1:] if w[0] in cl.letters else w}
    forms |= {f[len(cl.article) :] for f in forms if f.startswith(cl.article)}
    return not names.isdisjoint(forms)


def _unclaimed(
    text: str,
    marked: list[_Marked],
    cues: list[_Cue],
    reported: list[tuple[int, int]],
) -> list[tuple[int, int, str | None, _Cue | None]]:
    """Marked spans no cue introduced: quoted by a verb after them, or long enough."""
    lex = lexicon()
    by_lead = {c.lead: c for c in cues if c.opening is None and not c.participle}
    inside = sorted(reported)
    out: list[tuple[int, int, str | None, _Cue | None]] = []
    for m in marked:
        if m.claimed:
            continue
        k = bisect_right(inside, (m.start, len(text))) - 1
        if k >= 0 and m.start < inside[k][1]:
            continue  # within a reported clause already
        gap = text[m.end : _skip(_POST_GAP, text, m.end)]
        post = by_lead.get(m.end + len(gap))
        # «...»، قال الوزير: a comma, or a span long enough not to be a name.
        if post is not None and ("،" in gap or "," in gap or m.words >= lex.min_words):
            out.append((m.start, m.end, post.speaker, post))
        elif m.words >= lex.min_words and not m.lines and not _named(text, m):
            out.append((m.start, m.end, None, None))
    return out
