"""The bundled sample (examples/sample-ar.txt, written for this project) end to end."""

from __future__ import annotations

from pathlib import Path

from mahattat import extract

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sample-ar.txt"

GOLD = [
    ("أمس الثلاثاء", "DATE", "2021-01-05", None, "dct"),
    ("21 جمادى الأولى 1442 هـ", "DATE", "2021-01-05", None, None),
    ("5 يونيو 2017", "DATE", "2017-06-05", None, None),
    ("23 يونيو", "DATE", "2017-06-23", None, "t3"),
    ("عشرة أيام", "DURATION", "P10D", None, None),
    ("نهاية عام 2019", "DATE", "2019", "END", None),
    ("4يناير 2021", "DATE", "2021-01-04", None, None),
    ("مساء ذلك اليوم", "TIME", "2021-01-04TEV", None, "t7"),
    ("أكثر من ثلاث سنوات ونصف", "DURATION", "P3Y6M", "MORE_THAN", None),
    ("شهريناير الجاري", "DATE", "2021-01", None, "dct"),
    ("الأسبوع المقبل", "DATE", "2021-W02", None, "dct"),
]


def test_sample_timexes_and_repairs() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    doc = extract(text, published="2021-01-06")
    assert [(t.text, t.type, t.value, t.mod, t.anchor) for t in doc.timexes] == GOLD
    assert all(text[t.start : t.end] == t.text for t in doc.timexes)
    assert [(r.text, r.replacement) for r in doc.repairs] == [
        ("والإماراتوالبحرين", "والإمارات والبحرين"),
        ("4يناير", "4 يناير"),
        ("شهريناير", "شهر يناير"),
    ]
