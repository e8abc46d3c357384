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
    from wordfreq import top_n_list

    from mahattat.text.normalize import fold
    from mahattat.text.repair import _fold_key

    for word in top_n_list("ar", 3000):
        assert _fold_key(word) == fold(word)
