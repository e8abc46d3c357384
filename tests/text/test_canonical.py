"""The canonical example in ../shared: exactly its glued words are repaired."""

from __future__ import annotations

from collections import Counter

import pytest

from mahattat.text.normalize import normalize
from mahattat.text.repair import find_repairs
from mahattat.text.sentences import split_sentences


@pytest.fixture(scope="module")
def text(canonical_text: str) -> str:
    return canonical_text


def test_repairs(text: str) -> None:
    points, repairs = find_repairs(normalize(text))
    assert all(text[r.start : r.end] == r.text for r in repairs)
    assert Counter(r.text for r in repairs) == Counter(
        {
            "الولاياتالمتحدة": 5,
            "شهرسبتمبر": 1,
            "العراقوالولاياتالمتحدة": 1,
            "الولاياتالمتحدةوالعراق": 1,
            "1مايو": 1,
            "بغدادوواشنطن": 1,
        }
    )
    replaced = {r.text: r.replacement for r in repairs}
    assert replaced["العراقوالولاياتالمتحدة"] == "العراق والولايات المتحدة"
    assert replaced["بغدادوواشنطن"] == "بغداد وواشنطن"
    assert len(points) == 12


def test_headings_split(text: str) -> None:
    points, _ = find_repairs(normalize(text))
    sentences = [s.text for s in split_sentences(normalize(text, points))]
    for heading in ("الغزو:", "الحرب الطائفية:", "رحيل الأمريكيين:"):
        assert heading in sentences
    assert not any(s.startswith("قائلا:") and len(s) < 10 for s in sentences)
