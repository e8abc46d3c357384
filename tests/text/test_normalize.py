"""The normalized view and its map back to the original text."""

from __future__ import annotations

import pytest

from mahattat.text.normalize import fold, normalize


def spans(text: str, insertions: tuple[int, ...] = ()) -> tuple[str, list[tuple[int, int]]]:
    view = normalize(text, insertions)
    return view.text, [view.to_original(i, i + 1) for i in range(len(view.text))]


def test_diacritics_fold_into_their_letter() -> None:
    assert spans("كَتَبَ") == ("كتب", [(0, 2), (2, 4), (4, 6)])


def test_tatweel_joins_the_letter_before() -> None:
    assert spans("كتــاب") == ("كتاب", [(0, 1), (1, 4), (4, 5), (5, 6)])


def test_ligature_expands_to_two_letters_of_one_character() -> None:
    text, mapped = spans("ﻻ بد")
    assert text == "لا بد"
    assert mapped[:2] == [(0, 1), (0, 1)]


def test_arabic_indic_digits_map_one_to_one() -> None:
    view = normalize("عام ١٩٩٠ و۲۰۲۰")
    assert view.text == "عام 1990 و2020"
    assert view.original_span(4, 8) == (4, 8, "١٩٩٠")


def test_bidi_marks_are_dropped() -> None:
    original = "\u200fفي ٢٠٢٠\u200e"
    view = normalize(original)
    assert view.text == "في 2020"
    s, e = view.to_original(0, len(view.text))
    assert original[s:e] in (original[1:], original[1:-1])
    assert view.original_span(3, 7)[2].startswith("٢٠٢٠")


def test_inserted_space_maps_to_an_empty_span() -> None:
    view = normalize("شهرسبتمبر", [3])
    assert view.text == "شهر سبتمبر"
    assert view.to_original(0, 3) == (0, 3)
    assert view.to_original(3, 4) == (3, 3)
    assert view.original_span(4, 10) == (3, 9, "سبتمبر")


def test_whole_span_with_marks() -> None:
    original = "الولاياتُالمتّحدةُ"
    view = normalize(original, [9])
    assert view.text == "الولايات المتحده"
    assert view.original_span(0, 8) == (0, 9, "الولاياتُ")
    assert view.original_span(9, len(view.text))[2] == "المتّحدةُ"


@pytest.mark.parametrize(("raw", "folded"), [("إلى", "الي"), ("مدرسة", "مدرسه"), ("آذار", "اذار")])
def test_fold(raw: str, folded: str) -> None:
    assert fold(raw) == folded


def test_with_spaces_equals_a_fresh_normalization() -> None:
    from mahattat.text.normalize import normalize, with_spaces

    text = "\u200fقال أمسُ إنّ الولاياتالمتحدة ﻻ تريد ١٢ عاماً"
    points = [text.index("المتحدة"), text.index("١٢")]
    fresh, reused = normalize(text, points), with_spaces(normalize(text), points)
    assert reused.text == fresh.text
    assert [reused.to_original(i, i + 1) for i in range(len(reused.text))] == [
        fresh.to_original(i, i + 1) for i in range(len(fresh.text))
    ]
