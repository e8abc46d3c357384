"""Property tests of the whole temporal stage on random and adversarial text.

Text is drawn from the words the rules react to (month names, weekdays, units, number
words, digits and separators, clitics, diacritics), so the rules are exercised, not just
skipped over. Timing is a bench matter (bench/linearity.py); here nothing may raise and
every span must point into the text given.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mahattat import extract

_WORDS = [
    "يناير", "كانون الثاني", "أيار", "جوان", "رمضان", "شوال", "الاثنين", "الجمعة", "يوم",
    "أمس", "اليوم", "غداً", "عام", "سنة", "أيام", "ساعة", "الساعة", "دقيقة", "مساء", "صباحاً",
    "الماضي", "المقبل", "نهاية", "منتصف", "أكثر من", "نحو", "قبل", "بعد", "منذ", "في", "من",
    "إلى", "و", "ثلاث", "الثاني", "والعشرين", "عشرة", "ألف", "ألفين", "هـ", "م", "كل",
    "التسعينيات", "القرن", "الربع الأول", "صيف", "عيد الفطر", "عطلة نهاية الأسبوع",
]
_BITS = ["2003", "1", "22", "12", "30", "1439", "٢٠١٨", "/", "-", ".", ":", ",", "،", "؟",
         " ", " ", " ", "\n", "\u064e", "\u0651", "\u0640", "\u200f", "ﻻ", "و", "ب", "ل"]
_TOKEN = st.sampled_from(_WORDS + _BITS)
_TEXT = st.lists(_TOKEN, max_size=60).map("".join)
_DCT = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31))


def _check(text: str, dct: dt.date) -> None:
    doc = extract(text, published=dct)
    for t in doc.timexes:
        assert text[t.start : t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert t.value
    for r in doc.repairs:
        assert text[r.start : r.end] == r.text


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT, _DCT)
def test_temporal_words_in_any_order(text: str, dct: dt.date) -> None:
    _check(text, dct)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), _DCT)
def test_any_unicode(text: str, dct: dt.date) -> None:
    _check(text, dct)


def test_long_adversarial_lines() -> None:
    for unit in ("1 يناير 2020 ", "12:30:", "2020-", "9" * 50 + "/", "يناير", "١٢/١٢/"):
        _check(unit * (100_000 // len(unit)), dt.date(2020, 1, 1))
    # and what is found there is right: every date of a long line of dates, once
    n = 100_000 // len("1 يناير 2020 ")
    doc = extract("1 يناير 2020 " * n, published=dt.date(2020, 1, 1), time_only=True)
    assert [t.value for t in doc.timexes] == ["2020-01-01"] * n
