"""The pipeline: text -> repair -> sentences -> times -> entities/quantities/quotes ->
events, one ``Document`` out."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from . import entities, events, quantities, quotes
from .records import Document
from .text.normalize import View
from .text.repair import repaired
from .text.sentences import sentence_spans, split_sentences
from .time import tag


def parse_published(published: str | dt.date | dt.datetime | None) -> dt.date:
    """The document creation time as a date; ``ValueError`` with a clear message."""
    if published is None:
        raise ValueError("no publication date given")
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    try:
        return dt.datetime.fromisoformat(published.strip().replace("Z", "+00:00")).date()
    except ValueError:
        raise ValueError(f"not an ISO date: {published!r} (expected e.g. 2020-09-09)") from None


def extract(
    text: str,
    published: str | dt.date | dt.datetime | None,
    *,
    id: str | None = None,
    title: str | None = None,
    time_only: bool = False,
) -> Document:
    """Run the pipeline on one article; ``time_only`` stops after the temporal stage."""
    return run(text, published, id=id, title=title, time_only=time_only)[0]


def run(
    text: str,
    published: str | dt.date | dt.datetime | None,
    *,
    id: str | None = None,
    title: str | None = None,
    time_only: bool = False,
) -> tuple[Document, View]:
    """``extract``, and the matching view it worked on (folded, glued words split), which
    the store indexes for search."""
    dct = parse_published(published)
    view, repairs = repaired(text)
    spans = sentence_spans(view)
    timexes = tag(view, dct, spans)
    doc = Document(
        text=text,
        published=dct.isoformat(),
        id=id,
        title=title,
        timexes=tuple(timexes),
        repairs=tuple(repairs),
        sentences=tuple(split_sentences(view, spans)),
    )
    if time_only:
        return doc, view
    names = entities.find(view, spans)
    amounts = quantities.find(view, exclude=[(t.start, t.end) for t in timexes])
    said = quotes.find(view, spans, names)
    dated = events.build(view, spans, timexes, names, amounts, dct)
    return replace(
        doc,
        entities=(*names, *dated.mentions),
        quantities=tuple(amounts),
        quotes=tuple(said),
        events=dated.events,
        background=dated.background,
    ), view


def warm_up() -> None:
    """Load the lexicons, rules and entity model now rather than on the first article:
    what a worker process does once, before its first task."""
    run("في 3 مارس 2019 زار الرئيس بغداد.", "2019-03-04")
