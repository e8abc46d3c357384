"""Glued-word repair: gold records on our own sentences, and words that must stay whole."""

from __future__ import annotations

import pytest

from mahattat.records import Repair
from mahattat.text.normalize import normalize
from mahattat.text.repair import find_repairs, split_word


def repairs(text: str) -> list[Repair]:
    points, found = find_repairs(normalize(text))
    assert len(points) >= len(found)
    for r in found:
        assert text[r.start : r.end] == r.text
        assert r.replacement.replace(" ", "") == r.text
    return found


def test_gold_records() -> None:
    text = "أعلنت الولاياتالمتحدة في شهرسبتمبر أن بغدادوواشنطن اتفقتا."
    assert repairs(text) == [
        Repair(6, 21, "الولاياتالمتحدة", "الولايات المتحدة"),
        Repair(25, 34, "شهرسبتمبر", "شهر سبتمبر"),
        Repair(38, 50, "بغدادوواشنطن", "بغداد وواشنطن"),
    ]


def test_points_are_original_offsets() -> None:
    text = "سافر الوفد إلى العراقوالولاياتالمتحدة أمس"
    points, found = find_repairs(normalize(text))
    assert found == [Repair(15, 37, "العراقوالولاياتالمتحدة", "العراق والولايات المتحدة")]
    assert points == [21, 30]
    assert normalize(text, points).text == "سافر الوفد الي العراق والولايات المتحده امس"


@pytest.mark.parametrize(
    ("glued", "split"),
    [
        ("الولاياتالمتحدةوالعراق", "الولايات المتحدة والعراق"),
        ("والإماراتوالبحرين", "والإمارات والبحرين"),
        ("شهريناير", "شهر يناير"),
        ("الاتفاقيةالجديدة", "الاتفاقية الجديدة"),
        ("فيالصباح", "في الصباح"),
        ("1مايو", "1 مايو"),
        ("عام2019", "عام 2019"),
    ],
)
def test_glued_words(glued: str, split: str) -> None:
    text = f"قال المتحدث إن {glued} مهم"
    (r,) = repairs(text)
    assert (r.text, r.replacement) == (glued, split)


def test_marks_stay_with_their_letters() -> None:
    text = "زار وفد الولاياتُالمتّحدةُ العراق"
    assert repairs(text) == [Repair(8, 26, "الولاياتُالمتّحدةُ", "الولاياتُ المتّحدةُ")]


@pytest.mark.parametrize(
    "text",
    [
        "التقى الجنرال ماكينزي بدونالد ترامب في البيت الأبيض",
        "خفضت الحكومة عدد الجنود من 5200 إلى 3000 جندي",
        "كَتَبَ الطَّالِبُ الدَّرْسَ فِي المَدْرَسَةِ",
        "وانسحبوا من المدينة بعد أن استولى التنظيم عليها ليسيطر على الطريق",
        "استقبل عبدالرحمن ضيوفه في كيسمايو وبدرالدين غائب",
        "اشترت الشركة الغازولين من شركائنا والتشاور مستمر",
        "",
        "٢٠٢٠",
    ],
)
def test_left_alone(text: str) -> None:
    assert repairs(text) == []


def test_split_word_on_folded_runs() -> None:
    assert split_word("الولاياتالمتحده") == (8,)
    assert split_word("ماكينزي") == ()


def test_word_list_folds_like_the_view() -> None:
    wordfreq = pytest.importorskip("wordfreq")
    from mahattat.text.arabic import fold_key
    from mahattat.text.normalize import fold

    for word in wordfreq.top_n_list("ar", 3000):
        assert fold_key(word) == fold(word)


def test_number_clitics_get_a_space_but_no_repair() -> None:
    text = "في عام 1933م وبـ130 دولارا والـ16 ومساحة 40م2"
    points, found = find_repairs(normalize(text))
    assert found == []
    assert normalize(text, points).text == "في عام 1933 م وب 130 دولارا وال 16 ومساحه 40 م 2"


def test_years_glued_to_a_conjunction_are_one_repair() -> None:
    (r,) = repairs("بين 2016و2017 تغير كل شيء")
    assert (r.text, r.replacement) == ("2016و2017", "2016 و 2017")


def test_tatweel_stays_with_the_first_piece() -> None:
    assert repairs("وصل الوزيرـالجديد") == [Repair(4, 17, "الوزيرـالجديد", "الوزيرـ الجديد")]


def test_no_cut_inside_a_ligature() -> None:
    # ﻻ is one character that the view reads as two letters; a cut between them has no
    # original offset, so the token is left alone rather than mangled.
    text = "قال ﻻبد"
    points, found = find_repairs(normalize(text))
    assert all(0 <= p <= len(text) for p in points)
    assert all(text[r.start : r.end] == r.text for r in found)
