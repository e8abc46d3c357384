"""Search terms: the same reduction of article text and queries."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mahattat.store.terms import indexed, may_hold, query_groups, terms


@pytest.mark.parametrize(
    ("written", "query"),
    [
        ("والرئيسَ", "الرئيس"),  # و + article, a diacritic
        ("بالرئيس", "رئيس"),  # ب + article
        ("للأمم", "الامم"),  # ل + article written لل, hamza on the alef
        ("وترامب", "ترامب"),  # و on a name commoner without it
        ("مدينةٍ", "مدينه"),  # ta marbuta and tanween
        ("٢٠١٨", "2018"),  # Arabic-Indic digits
    ],
)
def test_written_form_and_query_meet(written: str, query: str) -> None:
    assert terms(written) == terms(query)


@pytest.mark.parametrize("word", ["وزير", "بريطانيا", "لبنان", "كتاب"])
def test_a_first_letter_that_is_no_clitic_stays(word: str) -> None:
    assert terms(word) == [word]


def test_indexed_text_is_space_separated_terms() -> None:
    got = indexed("زار الرئيسُ لبنانَ، وبحث مع نظيره 3 ملفات.")
    assert got == "زار رئيس لبنان بحث مع نظيره 3 ملفات"


def test_query_groups_join_alternatives() -> None:
    assert query_groups("القس برانسون|برونسون") == [["قس"], ["برانسون", "برونسون"]]
    assert query_groups("ترامب OR بوتين") == [["ترامب", "بوتين"]]
    assert query_groups("| الرئيس") == [["رئيس"]]


_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآٱىةیک٠١٢٣ًٌٍَُِّْـ\u200fAbZ "


@given(st.text(alphabet=_LETTERS, max_size=60))
def test_the_quick_test_never_misses_a_term(text: str) -> None:
    for term in set(terms(text)):
        assert may_hold([term])(text), term


def test_the_quick_test_sees_other_spellings_and_lets_other_words_go() -> None:
    holds = may_hold(terms("الإمارات"))
    assert holds("وصل إلى الامارات أمس") and holds("الإِمـارات")
    assert not holds("وصل إلى قطر أمس")
    assert not may_hold([])("الإمارات")
