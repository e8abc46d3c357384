"""Search terms: the same reduction of article text and queries."""

from __future__ import annotations

import pytest

from mahattat.store.terms import indexed, query_groups, terms


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
