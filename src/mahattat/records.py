"""Typed, immutable records: the output of every pipeline stage.

Every span is ``(start, end)`` in code points of the ORIGINAL text, end exclusive, so
``doc.text[x.start:x.end] == x.text`` always holds. Field names follow
``docs/output-contract.md``; ``as_dict`` gives the JSON shape.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
EntityLabel = Literal["PER", "LOC", "ORG", "MISC"]


@dataclass(frozen=True, slots=True)
class Repair:
    """A scraping defect fixed on the matching view (a glued word split in two)."""

    start: int
    end: int
    text: str
    replacement: str


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Timex:
    """A TIMEX3 temporal expression.

    ``anchor`` is ``"dct"`` when the value was computed from the publication date,
    the id of the timex it continues (``"t3"``) for narrative anchoring, or ``None``
    when the expression is absolute. ``note`` says what a reader should check, when the
    text contradicts itself: ``"weekday-mismatch"`` (a weekday that is not the day's,
    the date kept as written), ``"month-mismatch"`` (a compound of two month names
    that disagree, ``يناير/كانون الأول``).
    """

    id: str
    start: int
    end: int
    text: str
    type: TimexType
    value: str
    mod: str | None = None
    anchor: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity mention. ``ref`` is the id of the mention it repeats
    (``بوش`` -> the ``e`` of ``جورج دبليو بوش``), or ``None`` for a first/full mention."""

    id: str
    start: int
    end: int
    text: str
    label: EntityLabel
    ref: str | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    """An amount: ``value`` as a number, the counted noun as ``unit`` and an
    approximation or bound (``APPROX``, ``MORE_THAN``, ``LESS_THAN``...) as ``mod``."""

    id: str
    start: int
    end: int
    text: str
    value: int | float
    unit: str | None = None
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """Quoted or reported speech. ``speaker`` is an entity id (or ``None``);
    ``cue`` the speech verb's span when one introduces it."""

    start: int
    end: int
    text: str
    speaker: str | None = None
    cue: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One dated event of the document's chronology.

    ``date``/``mod`` is its time (a TIMEX3 DATE value) from the timex ``timex``, or the
    publication date (``timex`` ``None``) for a lead event with no date of its own;
    ``end_date`` closes a range (``من 2003 إلى 2011``). The span is the event's clause;
    ``display`` is its text as people read it, with the glued words that the repair split
    (``الولاياتالمتحدة`` -> ``الولايات المتحدة``) spaced. ``actors`` are the doers (the
    subject of its verb), ``targets`` those it is done to, ``places`` where it happened:
    entity ids (a repeated mention as the one it repeats).
    """

    id: str
    date: str
    mod: str | None
    timex: str | None
    start: int
    end: int
    text: str
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    quantities: tuple[str, ...] = ()
    type: str | None = None
    section: str | None = None
    negated: bool = False
    future: bool = False
    end_date: str | None = None
    targets: tuple[str, ...] = ()
    display: str = ""


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    published: str
    id: str | None = None
    title: str | None = None
    timexes: tuple[Timex, ...] = ()
    repairs: tuple[Repair, ...] = ()
    entities: tuple[Entity, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    # dated descriptions of an entity ("Iraq, which the US invaded in 2003"), kept out
    # of the chronology
    background: tuple[Event, ...] = ()
    sentences: tuple[Sentence, ...] = field(default=(), repr=False)

    def as_dict(self) -> dict[str, Any]:
        """The JSON object of ``output-contract.md`` (the text itself is left out)."""
        return {
            "id": self.id,
            "published": self.published,
            "title": self.title,
            "timexes": [asdict(t) for t in self.timexes],
            "entities": [asdict(e) for e in self.entities],
            "quantities": [asdict(q) for q in self.quantities],
            "quotes": [asdict(q) for q in self.quotes],
            "events": [asdict(e) for e in self.events],
            "background": [asdict(e) for e in self.background],
            "repairs": [asdict(r) for r in self.repairs],
        }


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """A sentence of a timeline. A method's line points into its stored article: ``start``
    and ``end`` in code points of its text, ``title`` the article's, ``also`` the ids of
    other articles saying the same and ``also_sources`` their outlets (each once, in the
    order of ``also``). A hand-written reference sentence (``Timeline.of``) has only its
    text."""

    text: str
    doc_id: str | None = None
    start: int | None = None
    end: int | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    also: tuple[str, ...] = ()
    title: str | None = None
    also_sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """A date of a timeline: a TIMEX3 value, a day ("2018-10-02") for the day methods, a
    year, month or day ("2003", "2011-12") with its mod for the milestones. A milestone
    also says how many matching ``articles`` and ``outlets`` cite it, and which
    (``doc_ids``, best first); the day methods leave them empty. ``candidates`` are the
    next best distinct lines of the date, when asked (an editor may pick one instead)."""

    date: str
    score: float
    items: tuple[TimelineItem, ...]
    mod: str | None = None
    articles: int = 0
    outlets: int = 0
    doc_ids: tuple[str, ...] = ()
    candidates: tuple[TimelineItem, ...] = ()


@dataclass(frozen=True, slots=True)
class Timeline:
    """A topic's timeline, entries in date order: what every timeline method returns,
    every writer of ``io/timeline.py`` writes and ``eval/tls.py`` scores. ``start`` and
    ``end`` are the days asked for, ``articles`` the number of matching articles, ``read``
    how many of them (the best) the method read when that is fewer, and ``coverage`` the
    matching articles per publication day, ``(day, count)`` in day order (for a chart)."""

    query: str
    start: str | None
    end: str | None
    articles: int
    entries: tuple[TimelineEntry, ...] = ()
    read: int | None = None  # None: every matching article
    coverage: tuple[tuple[str, int], ...] = ()
    mode: str = "days"  # or "milestones": values at the grain the sources give

    @classmethod
    def of(cls, days: Mapping[dt.date, Iterable[str]], query: str = "") -> Timeline:
        """Hand-written sentences by day (a reference): no article behind them."""
        entries = (
            TimelineEntry(d.isoformat(), 0.0, tuple(TimelineItem(t) for t in days[d]))
            for d in sorted(days)
        )
        return cls(query, None, None, 0, tuple(entries))

    @property
    def dates(self) -> tuple[str, ...]:
        return tuple(e.date for e in self.entries)

    def as_dict(self) -> dict[str, Any]:
        """The JSON object of ``mahattat timeline --format json``: each entry with its date
        as an Arabic reader reads it (``label``, ``time.values.label``) and, for a milestone,
        how widely it is cited (``cited_by``); ``matched`` (= ``articles``) and ``read``
        always (the articles read, equal to ``matched`` unless capped), ``coverage`` as a
        list of ``{"day", "articles"}`` (empty for a hand-written reference)."""
        from .time.values import label

        out = asdict(self)
        out["from"], out["to"] = out.pop("start"), out.pop("end")
        out["matched"] = self.articles
        out["read"] = self.articles if self.read is None else self.read
        out["coverage"] = [{"day": d, "articles": n} for d, n in self.coverage]
        out["entries"] = [_entry_dict(e, label(e["date"], e["mod"])) for e in out["entries"]]
        return out


def _entry_dict(e: dict[str, Any], label: str) -> dict[str, Any]:
    cited = {"articles": e["articles"], "outlets": e["outlets"]} if e["articles"] else None
    items = [_item_dict(i) for i in e["items"]]
    out = {**e, "label": label, "cited_by": cited, "doc_ids": list(e["doc_ids"]), "items": items}
    others = out.pop("candidates")  # only when asked for: the contract's shape otherwise
    if others:
        out["candidates"] = [_item_dict(i) for i in others]
    return out


def _item_dict(i: dict[str, Any]) -> dict[str, Any]:
    return i | {k: list(i[k]) for k in ("also", "also_sources")}
