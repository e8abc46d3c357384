"""Property tests of every writer on hostile text (lone surrogates, CR, NUL, bidi marks,
quotes, markup): the output encodes as UTF-8 and parses back (JSON, CSV, TimeML) to what
went in, up to the documented replacements (``io/safe.py``)."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from mahattat.io.formats import WRITERS as DOC_WRITERS
from mahattat.io.timeline import WRITERS as TL_WRITERS
from mahattat.records import (
    Document,
    Entity,
    Event,
    Timeline,
    TimelineEntry,
    TimelineItem,
    Timex,
)

_HOSTILE = [
    "\ud800", "\udfff", "\r", "\n", "\r\n", "\x00", "\x0c", "\x85", "\u2028", "\u200f",
    "\u202e", "\ufeff", '"', "'", "<", ">", "&", "=", "+", "-", "@", ",", ";", "\t", "|",
    "[", "]", "\\", "*", "_", " ", "#", "ب", "الخبر", "7", "a",
]  # fmt: skip
TEXT = st.lists(st.sampled_from(_HOSTILE) | st.characters(), max_size=30).map("".join)
SETTINGS = settings(max_examples=150, deadline=None)

_SURROGATE = re.compile("[\ud800-\udfff]")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def replaced(value: Any) -> Any:
    """``value`` with lone surrogates as U+FFFD, inside lists and dicts too."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list | tuple):
        return [replaced(v) for v in value]
    if isinstance(value, dict):
        return {k: replaced(v) for k, v in value.items()}
    return value


def csv_cell(value: object) -> str:
    """What a CSV cell must read back as: replaced, CR/CRLF as LF, a formula behind '."""
    text = replaced(str(value)).replace("\r\n", "\n").replace("\r", "\n")
    visible = [c for c in text if not (c.isspace() or unicodedata.category(c) == "Cf")]
    return "'" + text if visible[:1] and visible[0] in "=+-@" else text


def read_csv(out: str) -> list[list[str]]:
    assert out.startswith("\ufeff")  # the BOM Excel needs to read UTF-8
    return list(csv.reader(io.StringIO(out.removeprefix("\ufeff"), newline="")))


def told(headline: str, rest: str) -> list[str]:
    """The words a slide's headline and the rest of its line give back together."""
    head = html.unescape(headline)
    if rest:  # the headline ends in "…" where the rest, which starts with "…", goes on
        head, rest = head.removesuffix(" …"), html.unescape(rest).removeprefix("… ")
    return head.split() + rest.split()


# --- document writers ------------------------------------------------------------------


@st.composite
def documents(draw: st.DrawFn) -> Document:
    before, said, after = draw(TEXT), draw(TEXT), draw(TEXT)
    text = before + said + after
    span = (len(before), len(before) + len(said))
    timex = Timex("t1", *span, said, "DATE", "2020-03-01")
    person = Entity("e1", *span, draw(TEXT), "PER")
    events = tuple(
        Event(f"v{i}", f"2020-03-0{i + 1}", None, "t1", *span, t, actors=("e1",),
              section=draw(TEXT) or None)
        for i, t in enumerate(draw(st.lists(TEXT, min_size=1, max_size=3)))
    )  # fmt: skip
    return Document(text, "2020-03-05", id=draw(TEXT), title=draw(TEXT), timexes=(timex,),
                    entities=(person,), events=events)  # fmt: skip


@SETTINGS
@given(documents())
def test_every_document_writer_gives_utf8(d: Document) -> None:
    for writer in DOC_WRITERS.values():
        writer(d).encode("utf-8")


@SETTINGS
@given(documents())
def test_document_json_parses_back(d: Document) -> None:
    assert json.loads(DOC_WRITERS["json"](d)) == replaced(d.as_dict())
    (line,) = DOC_WRITERS["jsonl"](d).splitlines()
    assert json.loads(line) == replaced(d.as_dict())


@SETTINGS
@given(documents())
def test_document_csv_parses_back(d: Document) -> None:
    header, *rows = read_csv(DOC_WRITERS["csv"](d))
    assert len(rows) == len(d.events)
    by_id = {ev.id: ev for ev in d.events}
    for row in rows:
        cells = dict(zip(header, row, strict=True))
        ev = by_id[cells["id"]]
        assert cells["text"] == csv_cell(ev.text)
        assert cells["actors"] == csv_cell(d.entities[0].text)
        assert cells["section"] == csv_cell(ev.section or "")


@SETTINGS
@given(documents())
def test_timeml_parses_back_to_the_text(d: Document) -> None:
    root = ET.fromstring(DOC_WRITERS["timeml"](d).encode("utf-8"))
    assert "".join(root.find("TEXT").itertext()) == _XML_ILLEGAL.sub(" ", d.text)  # type: ignore[union-attr]
    assert root.findtext("TITLE") == _XML_ILLEGAL.sub(" ", d.title or "")


@SETTINGS
@given(documents())
def test_document_html_fields_hold_no_markup(d: Document) -> None:
    tjs = json.loads(DOC_WRITERS["timelinejs"](d))
    for event, ev in zip(tjs["events"], sorted(d.events, key=lambda e: e.date), strict=True):
        head, body = event["text"]["headline"], event["text"]["text"].split("<br>")
        rest = body[0] if head.endswith(" …") and body[0].startswith("… ") else ""
        assert told(head, rest) == replaced(ev.text).split()  # each word once
        assert not any("<" in x for x in [head, *body])
    vis = json.loads(DOC_WRITERS["vis"](d))
    fields = [i[k] for i in vis["items"] for k in ("content", "title")]
    fields += [g["content"] for g in vis.get("groups", [])]
    assert vis.get("groups", True)  # never empty: none, or those the items use
    assert not any("<" in f or '"' in f for f in fields)
    md = DOC_WRITERS["md"](d)
    assert "<" not in md
    assert sum(line.startswith("| 2020") for line in md.splitlines()) == len(d.events)


# --- timeline writers ------------------------------------------------------------------


@st.composite
def timelines(draw: st.DrawFn) -> Timeline:
    def item(i: int) -> TimelineItem:
        text = draw(TEXT)
        url = draw(st.sampled_from([None, "https://x.example/a", "javascript:alert(1)"]))
        return TimelineItem(text, draw(TEXT), i, i + len(text), url, draw(TEXT), "2020-03-02",
                            tuple(draw(st.lists(TEXT, max_size=2))))  # fmt: skip

    entries = tuple(
        TimelineEntry(f"2020-03-0{d}", 1.5, tuple(item(k) for k in range(n)))
        for d, n in enumerate(draw(st.lists(st.integers(1, 3), min_size=1, max_size=3)), 1)
    )
    return Timeline(draw(TEXT), "2020-03-01", "2020-03-09", 7, entries)


@SETTINGS
@given(timelines())
def test_every_timeline_writer_gives_utf8(tl: Timeline) -> None:
    for writer in TL_WRITERS.values():
        writer(tl).encode("utf-8")


@SETTINGS
@given(timelines())
def test_timeline_json_and_csv_parse_back(tl: Timeline) -> None:
    assert json.loads(TL_WRITERS["json"](tl)) == replaced(tl.as_dict())
    header, *rows = read_csv(TL_WRITERS["csv"](tl))
    items = [(e, it) for e in tl.entries for it in e.items]
    assert len(rows) == len(items)
    for row, (e, it) in zip(rows, items, strict=True):
        cells = dict(zip(header, row, strict=True))
        assert cells["date"] == e.date
        assert (cells["text"], cells["doc_id"]) == (csv_cell(it.text), csv_cell(it.doc_id))
        assert cells["also"] == csv_cell(";".join(it.also))


@SETTINGS
@given(timelines())
def test_timeline_html_and_markdown_hold_no_markup(tl: Timeline) -> None:
    items = [it for e in tl.entries for it in e.items]
    tjs = json.loads(TL_WRITERS["timelinejs"](tl))["events"]
    for event, it in zip(tjs, items, strict=True):
        head, body = event["text"]["headline"], event["text"]["text"].split("<br>")
        rest = body.pop(0) if not body[0].startswith("<i>") else ""
        assert told(head, rest) == replaced(it.text).split()  # each word once
        source = body[0].removeprefix("<i>").removesuffix("</i>")
        assert not any("<" in x for x in [head, rest, source, *body[1:]])
    vis = json.loads(TL_WRITERS["vis"](tl))["items"]
    assert not any("<" in i[k] or '"' in i[k] for i in vis for k in ("content", "title"))
    md = TL_WRITERS["md"](tl)
    assert "<" not in md and "javascript:" not in md
    assert sum(line.startswith("- ") for line in md.splitlines()) == len(items)
