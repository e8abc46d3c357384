"""Chronology exports on a hand-built document: date order, who/where/how many, files."""

from __future__ import annotations

import csv
import io
import json

from mahattat.io.formats import WRITERS
from mahattat.records import Document, Entity, Event, Quantity, Timex

TEXT = "نص تجريبي"
DOC = Document(
    text=TEXT,
    published="2021-05-01",
    id="doc-1",
    timexes=(
        Timex("t1", 0, 2, "نص", "DATE", "2020-03", "END"),
        Timex("t2", 3, 9, "تجريبي", "DATE", "2019-11-04"),
    ),
    entities=(
        Entity("e1", 0, 2, "سلمى", "PER"),
        Entity("e2", 3, 9, "تونس", "LOC"),
        Entity("e3", 3, 9, "سلمى", "PER", ref="e1"),
    ),
    quantities=(Quantity("q1", 0, 2, "300 متظاهر", 300, "متظاهر"),),
    events=(
        Event("v1", "2020-03", "END", "t1", 0, 2, "تظاهر المحتجون", ("e1",), ("e2",), ("q1",),
              "PROTEST", "الاحتجاجات"),
        Event("v2", "2019-11-04", None, "t2", 3, 9, "بدأت | المفاوضات", ("e1",), (), (),
              "CONSULT", "المفاوضات"),
        Event("v3", "2018", None, None, 3, 9, "مرحلة أولى", end_date="2019"),
    ),
)


def test_markdown_table_in_date_order() -> None:
    lines = WRITERS["md"](DOC).splitlines()
    body = [line for line in lines if line.startswith("| 20")]
    assert body == [
        "| 2018 → 2019 | 2018 – 2019 | مرحلة أولى |  |  |  |",
        "| 2019-11-04 | 4 تشرين الثاني/نوفمبر 2019 | بدأت \\| المفاوضات | سلمى |  |  |",
        "| 2020-03 (END) | أواخر آذار/مارس 2020 | تظاهر المحتجون | سلمى | تونس | 300 متظاهر |",
    ]


def test_csv_rows_carry_every_field() -> None:
    out = WRITERS["csv"](DOC)
    assert out.startswith("\ufeffid,")  # the BOM Excel needs to read UTF-8
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    assert [r["id"] for r in rows] == ["v3", "v2", "v1"]
    assert rows[2]["places"] == "تونس"
    last = rows[2]
    assert (last["mod"], last["quantities"], last["type"]) == ("END", "300 متظاهر", "PROTEST")
    assert rows[0]["end_date"] == "2019"
    assert [r["date_ar"] for r in rows] == [
        "2018 – 2019",
        "4 تشرين الثاني/نوفمبر 2019",
        "أواخر آذار/مارس 2020",
    ]


def test_timelinejs_dates_at_known_granularity_and_eras() -> None:
    out = json.loads(WRITERS["timelinejs"](DOC))
    events = out["events"]
    assert [e["start_date"] for e in events] == [
        {"year": "2018"},
        {"year": "2019", "month": "11", "day": "4"},
        {"year": "2020", "month": "3"},
    ]
    assert events[0]["end_date"] == {"year": "2019"}
    assert events[2]["display_date"] == "أواخر آذار/مارس 2020"  # readable, with its mod
    # a short event is the headline whole; the body says who, where, how many
    assert events[2]["text"] == {
        "headline": "تظاهر المحتجون",
        "text": "من: سلمى<br>أين: تونس<br>كم: 300 متظاهر",
    }
    assert out["title"]["text"] == {"headline": "doc-1", "text": "نُشر في 1 أيار/مايو 2021"}
    assert {e["text"]["headline"] for e in out["eras"]} == {"الاحتجاجات", "المفاوضات"}


def test_vis_items_and_groups() -> None:
    out = json.loads(WRITERS["vis"](DOC))
    assert [(i["id"], i["start"]) for i in out["items"]] == [
        ("v3", "2018-01-01"),
        ("v2", "2019-11-04"),
        ("v1", "2020-03-01"),
    ]
    assert out["items"][0]["end"] == "2019-12-31T23:59:59"  # to the end of 2019
    assert out["items"][0]["type"] == "range"
    assert "end" not in out["items"][1]  # a day is a point
    assert out["items"][2]["end"] == "2020-03-31T23:59:59"  # a month to its last day
    assert out["options"]["rtl"] is True
    assert out["items"][1]["title"] == "4 تشرين الثاني/نوفمبر 2019: بدأت | المفاوضات"
    groups = {g["id"]: g["content"] for g in out["groups"]}
    assert groups[out["items"][2]["group"]] == "الاحتجاجات"
    assert groups[out["items"][0]["group"]] == "—"  # outside any section


def test_table_shows_chronology_then_timexes() -> None:
    out = WRITERS["table"](DOC)
    assert out.index("chronology · 3 events") < out.index("2 timexes")
    assert "300 متظاهر" in out
    assert "4 تشرين الثاني/نوفمبر 2019" in out  # the readable date beside the value
