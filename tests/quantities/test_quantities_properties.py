"""Random and adversarial text: the quantities stage never raises, every span points into
the original text, and long runs are read in linear time (no timing asserted here)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mahattat import quantities
from mahattat.text.repair import repaired

_WORDS = [
    "ألف", "آلاف", "ألفي", "ألفا", "مليون", "ملايين", "مليونا", "مليار", "عشرات", "الآلاف",
    "مئات", "بضعة", "نصف", "ونصف", "المليون", "خمسة", "وعشرين", "ثلاثمائة", "ست عشرة", "واحد",
    "نحو", "أكثر من", "ما لا يقل عن", "تقريبا", "جندي", "جنديا", "دولار", "دولارات", "جنيه",
    "إسترليني", "بالمئة", "في المائة", "من", "إلى", "بين", "و", "الـ", "عام", "مارس", "رقم",
    "سنوات", "وأصيب", "المدنيين",
]
_BITS = ["5200", "1,500", "2.5", "٣٠٠", "١٫٥", "0", "050", "2018", "%", "٪", "$", "-", "–",
         "/", ":", ".", ",", "،", "(", ")", "F", " ", " ", " ", "\n", "\u064b", "\u0640", "و"]
_TOKEN = st.sampled_from(_WORDS + _BITS)
_TEXT = st.lists(_TOKEN, max_size=60).map("".join)


def _check(text: str, exclude: list[tuple[int, int]] | None = None) -> None:
    view, _ = repaired(text)
    found = quantities.find(view, exclude or ())
    for i, q in enumerate(found, 1):
        assert q.id == f"q{i}"
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.value >= 0
    assert [q.start for q in found] == sorted(q.start for q in found)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_amount_words_in_any_order(text: str) -> None:
    _check(text)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), st.lists(st.tuples(st.integers(0, 300), st.integers(0, 300))))
def test_any_unicode(text: str, spans: list[tuple[int, int]]) -> None:
    _check(text, [(min(a, b), max(a, b)) for a, b in spans])


def test_long_adversarial_runs() -> None:
    for unit in ("10 آلاف جندي ", "1,", "1.", "9" * 50 + " ", "ألف و", "عشرات ", "نحو ", "٪"):
        _check(unit * (50_000 // len(unit)))
    n = 50_000 // len("10 آلاف جندي ")  # every amount of a long run, read whole
    found = quantities.find(repaired("10 آلاف جندي " * n)[0])
    assert [(q.value, q.unit) for q in found] == [(10000, "جندي")] * n
