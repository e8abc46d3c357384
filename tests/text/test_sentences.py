"""Sentence splitting: ends, numbers, abbreviations, headings."""

from __future__ import annotations

import pytest

from mahattat.text.normalize import normalize
from mahattat.text.sentences import sentence_spans, split_sentences


def sentences(text: str) -> list[str]:
    out = split_sentences(normalize(text))
    for s in out:
        assert text[s.start : s.end] == s.text
    return [s.text for s in out]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وصل الوفد. بدأت المحادثات! هل انتهت؟ نعم",
            ["وصل الوفد.", "بدأت المحادثات!", "هل انتهت؟", "نعم"],
        ),
        ("السطر الأول\nالسطر الثاني\n\n", ["السطر الأول", "السطر الثاني"]),
        (
            "ارتفعت الحرارة 3.5 درجة و1.2 في المئة. ثم هدأت",
            ["ارتفعت الحرارة 3.5 درجة و1.2 في المئة.", "ثم هدأت"],
        ),
        (
            "قال د. سامي إن الاجتماع انتهى. غادر الجميع",
            ["قال د. سامي إن الاجتماع انتهى.", "غادر الجميع"],
        ),
        ("بنيت القلعة عام 300 ق.م. وهدمت لاحقا", ["بنيت القلعة عام 300 ق.م. وهدمت لاحقا"]),
        ("التقى J. Smith وفد U.S. أمس. انتهى", ["التقى J. Smith وفد U.S. أمس.", "انتهى"]),
        ("قال: «انتهى الأمر.» ثم خرج", ["قال: «انتهى الأمر.»", "ثم خرج"]),
        ("كتب المهندس م. خالد التقرير", ["كتب المهندس م. خالد التقرير"]),
    ],
)
def test_ends(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_heading_is_its_own_sentence() -> None:
    text = "انتهى الفصل الأول. البداية: 3 مارس 2001 وصل الفريق. المرحلة الثانية: بدأ البناء"
    assert sentences(text) == [
        "انتهى الفصل الأول.",
        "البداية:",
        "3 مارس 2001 وصل الفريق.",
        "المرحلة الثانية:",
        "بدأ البناء",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "وصل القطار في الساعة 10:30 صباحا",
        "أضاف المتحدث: إن الأمور جيدة",
        "وقال الوزير: إن الوضع صعب",
        "المتحدث: «لن نتراجع»",
        "كانت هذه جملة طويلة جدا تمتد إلى ما بعد حد العنوان بكثير من الكلمات: ثم تكمل",
    ],
)
def test_not_a_heading(text: str) -> None:
    assert sentences(text) == [text]


def test_spans_are_trimmed_view_spans() -> None:
    view = normalize("  أولا.   ثانيا  ")
    assert sentence_spans(view) == [(2, 7), (10, 15)]
    assert sentence_spans(normalize("")) == []
    assert sentence_spans(normalize(" \n . ")) == [(3, 4)]


def test_long_input() -> None:
    text = ("كلمة " * 20000) + ("ق." * 5000) + ":" * 5000
    assert sentence_spans(normalize(text)) == [(0, len(text))]  # no break in all of it
    text = "جملة قصيرة. " * 20000
    assert len(sentence_spans(normalize(text))) == 20000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("بلغ السعر 5.400 د. وفي المقابل تراجع", ["بلغ السعر 5.400 د.", "وفي المقابل تراجع"]),
        ("بقيمة 35 م د. وكشف الوزير", ["بقيمة 35 م د.", "وكشف الوزير"]),
        ("نشر موقع المنصة.نت. ثم حذف", ["نشر موقع المنصة.نت.", "ثم حذف"]),
        ("قناة سي.ان.ان. قالت ذلك", ["قناة سي.ان.ان. قالت ذلك"]),
        ("وختم المدرب قائلا: سنفوز", ["وختم المدرب قائلا: سنفوز"]),
    ],
)
def test_units_domains_and_speech(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected
