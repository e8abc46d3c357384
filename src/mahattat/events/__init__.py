"""Events: one record per dated event, and the document's chronology.

``build`` turns each DATE expression into the event of the clause it governs
(``clauses.py``), with the entities and quantities inside that clause, a PLOVER type
and negation (``types.py``), tense, and the section heading it sits under. A range
(``من 2003 إلى 2011``) is one event. A date after ``بحلول``/``منذ`` bounds another
event and opens none when its sentence has another date. A date in a relative clause
on a named entity (``العراق الذي غزاه الأمريكيون في 2003``) describes that entity: such
events are returned apart, as background. The lead sentence with no date of its own is
dated by the publication date. Two clauses that state the same event are one.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ..patterns import compiled
from ..records import Entity, Event, Quantity, Timex
from ..text.arabic import classes, key
from ..text.normalize import View
from ..text.tense import clause as tense_clause
from ..text.tense import is_future
from ..time import values
from . import clauses, roles
from .lexicon import words
from .types import classify, negated

_RANGE_DASH = frozenset({"-", "–", "—"})
_GAP = frozenset(" و")
_SECOND_YEAR = compiled(r"[ ]{0,3}و[ ]{0,3}(?P<year>[12]\d{3})(?!\d)")
SAME_EVENT_LOOKBACK = 20  # earlier events of the same year compared for duplicates
HEADING_CHARS = 40  # a heading without a colon is at most this long


@dataclass(frozen=True, slots=True)
class _Date:
    timex: Timex
    start: int  # on the view; a range spans both of its expressions
    end: int
    date: str
    end_date: str | None = None


@dataclass(frozen=True, slots=True)
class Events:
    """The chronology (``events``) and the dated descriptions set apart (``background``)."""

    events: tuple[Event, ...]
    background: tuple[Event, ...]
    # bodies named by a noun phrase (``البحرية الليبية``) that act or are acted on, which
    # the NER did not find: ORG entities ``n1``, ``n2``... that events point to
    mentions: tuple[Entity, ...] = ()


def event_date(t: Timex) -> str | None:
    """The calendar date an expression gives an event: a DATE value (or a TIME's
    date), not a duration, a set, a decade or a vague reference."""
    if t.type == "DATE" and values.is_point(t.value):
        return t.value
    if t.type == "TIME" and "T" in t.value:
        return values.day(t.value)
    return None


def build(
    view: View,
    sentences: Sequence[tuple[int, int]],
    timexes: Sequence[Timex],
    entities: Sequence[Entity],
    quantities: Sequence[Quantity],
    dct: dt.date,
) -> Events:
    """The events of one document, in text order (see the module's docstring)."""
    text = view.text
    dates = [
        _Date(t, view.to_view(t.start), view.to_view(t.end), d)
        for t in timexes
        if (d := event_date(t))
    ]
    starts = [s for s, _ in sentences]
    by_sentence: dict[int, list[_Date]] = {}
    for date in dates:
        by_sentence.setdefault(max(bisect_right(starts, date.start) - 1, 0), []).append(date)
    fore: list[tuple[Event, frozenset[str]]] = []  # with the clause's words, for _dedupe
    back: list[Event] = []
    ctx = _Context(view, roles.Entities(view, entities), quantities, dct, roles.Memory())
    section: str | None = None
    lead_done = False
    intros = _intro(text)  # one search of the whole text: most have no intro line
    skip_to = -1  # a link line ("بالصور: ...") runs to the end of its line
    for sid, sent in enumerate(sentences):
        body = text[sent[0] : sent[1]]
        if sent[0] < skip_to or (intros and _intro(body)):
            continue
        if body.endswith(":"):  # a heading (sentences.py splits them off)
            if key(body[:-1]) in words().link_markers:
                skip_to = text.find("\n", sent[1]) % (len(text) + 1)
            else:
                section = view.original_span(sent[0], sent[1] - 1)[2].strip()
            continue
        anchors = _anchors(text, by_sentence.get(sid, []))
        heading = _bare_heading(ctx, sent, anchors)
        if heading is not None:
            section, sent = heading
        dated = len(fore)
        _clause_events(ctx, sid, sent, anchors, section, fore, back)
        if not lead_done and len(fore) == dated:  # the lead states the news of the day
            if _headline(text, sent):
                continue
            ev = _lead_event(ctx, sid, sent, section)
            fore.append((ev, _content(view, ev)))
        lead_done = True
    return Events(_numbered(_dedupe(fore)), _numbered(back, "b"), tuple(ctx.memory.mentions))


def _clause_events(
    ctx: _Context,
    sid: int,
    sent: tuple[int, int],
    anchors: list[_Date],
    section: str | None,
    fore: list[tuple[Event, frozenset[str]]],
    back: list[Event],
) -> None:
    """One event per date of the sentence: the chronology's, or background."""
    view = ctx.view
    described = False  # a relative clause on a name goes on in a coordinated one
    spans = [(a.start, a.end) for a in anchors]
    for a, cl in zip(anchors, clauses.split(view.text, sent, spans), strict=True):
        described = _describes_entity(view, cl, a, ctx.entities) or (
            cl.coordinated and described
        )
        ev = _event(ctx, sid, sent, cl, a, section)
        if described or _birth(view.text, a):
            back.append(ev)
        else:
            fore.append((ev, _content(view, ev)))


def _intro(body: str) -> bool:
    """A line that introduces a list of dates (``أبرز المحطات``), not an event."""
    return any(p in body for p in words().intro_phrases)


def _headline(text: str, sent: tuple[int, int]) -> bool:
    """A title line: no closing punctuation, a line of its own, a few words."""
    body = text[sent[0] : sent[1]]
    alone = sent[1] >= len(text) or text[sent[1]] == "\n"
    short = len(body.split()) <= words().headline_words
    return alone and short and body[-1:] not in words().sentence_ends


def _bare_heading(
    ctx: _Context, sent: tuple[int, int], anchors: list[_Date]
) -> tuple[str, tuple[int, int]] | None:
    """A heading without a colon before the sentence's first date (``انسحاب يونيو أعلنت
    بغداد وواشنطن...``): its words (the section) and the sentence from the date on. The
    date must open a clause of its own (a verb, then its subject) and the words before
    it must be no clause (a verb and its subject)."""
    if not anchors:
        return None
    text, w = ctx.view.text, words()
    a = anchors[0]
    if not 0 < a.start - sent[0] <= HEADING_CHARS:
        return None
    pre = list(clauses.TOKEN.finditer(text, sent[0], a.start))
    while pre and pre[-1].group() in w.edge:
        pre.pop()
    if not 1 <= len(pre) <= w.heading_words or text[a.start : a.end].isdigit():
        return None
    if _clause_start(ctx, sent[0], a.start) or not _clause_start(ctx, a.end, sent[1]):
        return None
    return ctx.view.original_span(sent[0], pre[-1].end())[2], (a.start, sent[1])


def _clause_start(ctx: _Context, start: int, end: int) -> bool:
    """Whether ``[start, end)`` opens with a verb and its subject (a name or a definite
    noun phrase)."""
    toks = list(clauses.TOKEN.finditer(ctx.view.text, start, end))
    if len(toks) < 2:
        return False
    return roles.verb_then_subject(ctx.view, toks[0], toks[1], ctx.entities)


def _birth(text: str, d: _Date) -> bool:
    """A birth date in a description (``المولود عام 1950``, ``من مواليد 1978``)."""
    window = text[max(0, d.start - 25) : d.start]
    if not any(w in window for w in words().birth):
        return False
    return not words().birth.isdisjoint(clauses.tokens(window, 0, len(window))[-3:])


def _anchors(text: str, dates: list[_Date]) -> list[_Date]:
    """Dates that open events: ranges joined, bounds dropped beside another date."""
    merged: list[_Date] = []
    for d in dates:
        if merged and _joins_range(text, merged[-1], d):
            merged[-1] = replace(merged[-1], end=d.end, end_date=d.date)
        else:
            merged.append(_dual_range(text, d))
    free = [d for d in merged if not _after_boundary(text, d.start)] or merged
    # a date restated ("أمس الثلاثاء، أي في 21 جمادى الأولى") or taken up ("مساء ذلك
    # اليوم") in the same sentence opens no second event
    return [d for i, d in enumerate(free) if all(p.date != d.date for p in free[:i])]


def _joins_range(text: str, a: _Date, b: _Date) -> bool:
    if a.end_date is not None:
        return False
    gap = text[a.end : b.start].strip()
    pair = words().pair_joins
    if gap in _RANGE_DASH or (gap in classes("time/lexicon")["range_join"] and gap not in pair):
        return True
    if gap in pair:  # "بين 2003 و2011", not "في 2003 و2011"
        before = clauses.tokens(text, max(0, a.start - 12), a.start)
        return bool(before) and before[-1] in words().pair_openers
    return False


def _dual_range(text: str, d: _Date) -> _Date:
    """``بين عامي 1829 و1830``: the second year, a bare number, closes the range."""
    if not values.is_point(d.date) or len(d.date) != 4 or text[d.end : d.end + 1] not in _GAP:
        return d  # only a year followed by "و" (or a space) may open such a range
    before = clauses.tokens(text, max(0, d.start - 12), d.start)
    inside = clauses.tokens(text, d.start, d.end)
    if not before or before[-1] not in words().pair_openers or not inside:
        return d
    if inside[0] not in words().pair_duals:
        return d
    m = _SECOND_YEAR.match(text, d.end)
    return replace(d, end=m.end(), end_date=m["year"]) if m else d


def _after_boundary(text: str, start: int) -> bool:
    before = clauses.tokens(text, max(0, start - 12), start)
    return bool(before) and before[-1] in words().boundary


def _describes_entity(
    view: View, cl: clauses.Clause, d: _Date, entities: roles.Entities
) -> bool:
    end = clauses.relative_antecedent(view.text, cl, d.start)
    if end is None:
        return False
    return entities.covers(end - 1)


@dataclass(frozen=True, slots=True)
class _Context:
    """What every event of a document reads: the view, entities, amounts, the doers."""

    view: View
    entities: roles.Entities
    quantities: Sequence[Quantity]
    dct: dt.date
    memory: roles.Memory


def _event(
    ctx: _Context,
    sid: int,
    sent: tuple[int, int],
    cl: clauses.Clause,
    d: _Date,
    section: str | None,
) -> Event:
    text = ctx.view.text
    start, end = clauses.event_span(text, cl, (d.start, d.end))
    toks = clauses.tokens(text, start, end)
    kind, trigger = classify(toks)
    future = is_future(tense_clause(text, d.start, d.end, sent)) or values.after(d.date, ctx.dct)
    ev = _record(ctx, sid, (start, end), (d.start, d.end), d.date, d.timex, section)
    return replace(
        ev, type=kind, negated=negated(toks, trigger), future=future, end_date=d.end_date
    )


def _lead_event(ctx: _Context, sid: int, sent: tuple[int, int], section: str | None) -> Event:
    text = ctx.view.text
    start, end = clauses.event_span(text, clauses.Clause(*sent, False), (sent[0], sent[0]))
    toks = clauses.tokens(text, start, end)
    kind, trigger = classify(toks)
    ev = _record(ctx, sid, (start, end), (start, start), ctx.dct.isoformat(), None, section)
    future = is_future(text[start:end])
    return replace(ev, type=kind, negated=negated(toks, trigger), future=future)


def _record(
    ctx: _Context,
    sid: int,
    span: tuple[int, int],
    date: tuple[int, int],
    value: str,
    timex: Timex | None,
    section: str | None,
) -> Event:
    """The event's span in the original, its doers, targets, places and quantities."""
    view = ctx.view
    o_start, o_end, text = view.original_span(*span)
    inside = ctx.entities.inside(*span)
    actors, targets, places = roles.find(view, span, date, inside, ctx.memory, sid)
    amounts = tuple(q.id for q in ctx.quantities if o_start <= q.start and q.end <= o_end)
    return Event(
        id="",
        date=value,
        mod=timex.mod if timex else None,
        timex=timex.id if timex else None,
        start=o_start,
        end=o_end,
        text=text,
        actors=actors,
        places=places,
        quantities=amounts,
        section=section,
        targets=targets,
        display=view.spaced(o_start, o_end),
    )


def _content(view: View, ev: Event) -> frozenset[str]:
    """The event's words on the view (glued words split), less stopwords."""
    stop = words().stopwords
    toks = clauses.tokens(view.text, view.to_view(ev.start), view.to_view(ev.end))
    return frozenset(t for t in toks if len(t) > 2 and t not in stop)


def _compatible(a: str, b: str) -> bool:
    """Same date, or one contains the other ("2020-09" and "2020-09-09")."""
    return a.startswith(b) or b.startswith(a)


def _dedupe(events: list[tuple[Event, frozenset[str]]]) -> list[Event]:
    """Drop an event that restates an earlier one (or that an explicit date restates):
    compatible dates and a large share of the smaller clause's words in common."""
    kept: list[tuple[Event, frozenset[str]]] = []
    by_year: dict[str, list[int]] = {}
    threshold = words().same_event_overlap
    for ev, bag in events:
        twin = None
        for k in reversed(by_year.get(ev.date[:4], [])[-SAME_EVENT_LOOKBACK:]):
            other, other_bag = kept[k]
            small = min(len(bag), len(other_bag))
            same = small and _compatible(ev.date, other.date) and not _distinct(ev, other)
            if same and len(bag & other_bag) / small >= threshold:
                twin = k
                break
        if twin is None:
            by_year.setdefault(ev.date[:4], []).append(len(kept))
            kept.append((ev, bag))
        elif kept[twin][0].timex is None and ev.timex is not None:
            kept[twin] = (_merged(ev, kept[twin][0]), bag)  # the explicit date wins
        else:
            kept[twin] = (_merged(kept[twin][0], ev), kept[twin][1])
    return [ev for ev, _ in kept]


def _distinct(a: Event, b: Event) -> bool:
    """Two dated events with different doers are two events, however alike their words."""
    both = a.timex is not None and b.timex is not None
    return both and bool(a.actors) and bool(b.actors) and not set(a.actors) & set(b.actors)


def _merged(keep: Event, drop: Event) -> Event:
    return replace(
        keep,
        actors=tuple(dict.fromkeys(keep.actors + drop.actors)),
        targets=tuple(dict.fromkeys(keep.targets + drop.targets)),
        places=tuple(dict.fromkeys(keep.places + drop.places)),
        quantities=tuple(dict.fromkeys(keep.quantities + drop.quantities)),
    )


def _numbered(events: Sequence[Event], prefix: str = "v") -> tuple[Event, ...]:
    ordered = sorted(events, key=lambda e: e.start)
    return tuple(replace(e, id=f"{prefix}{i}") for i, e in enumerate(ordered, 1))


def sort_key(ev: Event) -> tuple[int, int, int, int, int]:
    """Chronological order, granularity kept (``time.values.sort_key``), then text order."""
    return (*values.sort_key(ev.date, ev.mod), ev.start)


def chronology(events: Iterable[Event]) -> list[Event]:
    """Events in date order (the JSON keeps them in text order)."""
    return sorted(events, key=sort_key)
