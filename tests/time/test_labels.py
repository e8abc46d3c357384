"""Readable Arabic dates (``time.values.label``): what a reader sees beside a TIMEX3 value."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from mahattat import extract
from mahattat.text.normalize import fold
from mahattat.time.lexicon import lookup
from mahattat.time.values import label, span_label

CASES = [
    ("2018-04-14", None, "14 نيسان/أبريل 2018"),
    ("2018-04", None, "نيسان/أبريل 2018"),
    ("2018", None, "2018"),
    ("0247", None, "247"),
    ("2018-SU", None, "صيف 2018"),
    ("1994-WI", "MID", "منتصف شتاء 1994"),
    ("2004", "END", "أواخر 2004"),
    ("2018-04", "START", "مطلع نيسان/أبريل 2018"),
    ("2016-08-23", "APPROX", "نحو 23 آب/أغسطس 2016"),
    ("2018-Q1", None, "الربع الأول من 2018"),
    ("2018-H2", None, "النصف الثاني من 2018"),
    ("2015-W03", None, "أسبوع 12 – 18 كانون الثاني/يناير 2015"),
    ("2015-W01", None, "أسبوع 29 كانون الأول/ديسمبر 2014 – 4 كانون الثاني/يناير 2015"),
    ("2018-W36-WE", None, "عطلة نهاية الأسبوع 8 – 9 أيلول/سبتمبر 2018"),
    ("199", None, "التسعينيات"),
    ("200", None, "العقد الأول من القرن الحادي والعشرين"),
    ("189", None, "التسعينيات من القرن التاسع عشر"),
    ("19", None, "القرن العشرين"),
    ("2018-05-16/2018-06-14", None, "16 أيار/مايو – 14 حزيران/يونيو 2018"),
    ("2016-08-03/2016-08-05", None, "3 – 5 آب/أغسطس 2016"),
    ("2017-12-16/2018-01-14", None, "16 كانون الأول/ديسمبر 2017 – 14 كانون الثاني/يناير 2018"),
    ("2018-04-14T10:30", None, "14 نيسان/أبريل 2018، الساعة 10:30"),
    ("2018-04-14T10:30:15", None, "14 نيسان/أبريل 2018، الساعة 10:30"),
    ("2018-04-14TEV", None, "مساء 14 نيسان/أبريل 2018"),
    ("PRESENT_REF", None, "الآن"),
    ("BC0300", None, "300 ق.م"),
    ("P3Y", None, "3 سنوات"),
    ("P3Y6M", "MORE_THAN", "أكثر من 3 سنوات و6 أشهر"),
    ("P1M", None, "شهر"),
    ("P2W", None, "أسبوعان"),
    ("P11D", None, "11 يوما"),
    ("P100Y", None, "100 سنة"),
    ("PT2H30M", None, "ساعتان و30 دقيقة"),
    ("PXY", None, "سنوات"),
    ("PXDE", None, "عقود"),
    ("P2CE", None, "قرنان"),
    ("P1.5Y", None, "1.5 سنة"),
    # no reading: the value itself
    ("P", None, "P"),
    ("XXXX-12-25", None, "XXXX-12-25"),
    ("XXXX-WXX-5", None, "XXXX-WXX-5"),
]


@pytest.mark.parametrize(("value", "mod", "text"), CASES)
def test_label(value: str, mod: str | None, text: str) -> None:
    assert label(value, mod) == text


def test_a_set_reads_how_often() -> None:
    assert label("P1W", every=True) == "كل أسبوع"
    assert label("P2Y", every=True) == "كل سنتين"
    assert label("P1D") == "يوم"


def test_ranges_say_once_what_their_ends_share() -> None:
    assert span_label("2003", "2011") == "2003 – 2011"
    assert span_label("2016-08-03", "2016-08-05") == "3 – 5 آب/أغسطس 2016"
    assert span_label("2018-02", "2018-04", "START") == "مطلع شباط/فبراير – نيسان/أبريل 2018"
    assert span_label("2018-W03", "2018-W05") == (
        "أسبوع 15 – 21 كانون الثاني/يناير 2018 – أسبوع 29 كانون الثاني/يناير – 4 شباط/فبراير 2018"
    )
    assert span_label("2018-04-14") == "14 نيسان/أبريل 2018"


def test_month_names_are_months_of_the_lexicon() -> None:
    path = resources.files("mahattat") / "data" / "time" / "labels.json"
    months = json.loads(path.read_text("utf-8"))["month"]
    for number, shown in months.items():
        for name in shown.split("/"):
            assert lookup("month", fold(name)) == int(number), name


def test_no_code_is_the_only_thing_a_reader_sees() -> None:
    """Every date, time, duration and set the corpus examples yield reads as Arabic, not
    as a code (but for sets such as ``XXXX-WXX-5``)."""
    corpus = resources.files("mahattat") / "data" / "time" / "corpus"
    seen = 0
    for path in corpus.iterdir():
        for line in path.read_text("utf-8").splitlines():
            example = json.loads(line)
            for t in extract(example["text"], published=example["dct"], time_only=True).timexes:
                every = t.type == "SET"
                if t.type != "SET" or t.value.startswith("P"):
                    seen += 1
                    assert label(t.value, t.mod, every=every) != t.value or t.value.isdigit(), t
    assert seen > 300
