"""The writers, on hand-made documents (no tagger involved)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from mahattat.io.formats import WRITERS, to_jsonl, to_table, to_timeml
from mahattat.records import Document, Repair, Timex

TEXT = "قال <المصدر> & الشركة إن العقد وقع نهاية 2019 ثم جدد في مارس\u2028التالي."
Y2019 = Timex("t1", 35, 45, "نهاية 2019", "DATE", "2019", mod="END")
MARCH = Timex("t2", 56, 60, "مارس", "DATE", "2020-03", anchor="t1")
DOC = Document(
    text=TEXT,
    published="2021-01-05",
    id="n&1",
    timexes=(Y2019, MARCH),
    repairs=(Repair(0, 3, "قال", "ق ال"),),
)


def test_spans_of_the_fixture() -> None:
    assert TEXT[Y2019.start : Y2019.end] == Y2019.text
    assert TEXT[MARCH.start : MARCH.end] == MARCH.text


def test_timeml_escapes_and_omits_empty_attributes() -> None:
    out = to_timeml(DOC)
    assert '<TIMEX3 tid="t1" type="DATE" value="2019" mod="END">نهاية 2019</TIMEX3>' in out
    assert "&lt;المصدر&gt; &amp; الشركة" in out
    root = ET.fromstring(out.encode("utf-8"))
    assert root.findtext("DOCID") == "n&1"
    march = root.findall("TEXT/TIMEX3")[1]
    assert march.get("mod") is None
    assert (march.get("anchorTimeID"), march.get("temporalFunction")) == ("t1", "true")
    assert "".join(root.find("TEXT").itertext()) == TEXT


def test_timeml_keeps_the_first_of_overlapping_timexes() -> None:
    inner = Timex("t3", 41, 45, "2019", "DATE", "2019")
    doc = Document(text=TEXT, published="2021-01-05", timexes=(Y2019, inner, MARCH))
    root = ET.fromstring(to_timeml(doc).encode("utf-8"))
    assert [t.get("tid") for t in root.iter("TIMEX3")] == ["t0", "t1", "t2"]
    assert "".join(root.find("TEXT").itertext()) == TEXT


def test_timeml_drops_characters_xml_forbids() -> None:
    doc = Document(text="أمس\x0cاليوم", published="2021-01-05")
    ET.fromstring(to_timeml(doc).encode("utf-8"))


def test_jsonl_is_one_line_even_with_unicode_line_separators() -> None:
    doc = Document(text=TEXT, published="2021-01-05", title="عنوان\u2028ثان")
    line = to_jsonl(doc)
    assert len(line.splitlines()) == 1
    assert json.loads(line) == doc.as_dict()


def test_table_shows_cells_literally() -> None:
    odd = Timex("t1", 0, 3, "[bold]x[/bold]", "DATE", "2019")
    out = to_table(Document(text="abc", published="2021-01-05", timexes=(odd,)))
    assert "[bold]x[/bold]" in out
    assert out.splitlines()[-1] == "repairs: none"
    assert "repairs (1): قال → ق ال (0-3)" in to_table(DOC)


def test_every_writer_returns_text() -> None:
    assert list(WRITERS) == [
        "json", "jsonl", "timeml", "table", "md", "csv", "timelinejs", "vis",
        "timelinejs-html", "vis-html",
    ]  # fmt: skip
    for writer in WRITERS.values():
        assert isinstance(writer(DOC), str)
