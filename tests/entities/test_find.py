"""``find`` on sentences written for these tests: spans, labels, clitics, links."""

from __future__ import annotations

import pytest

from mahattat.entities import find
from mahattat.entities.clitics import split
from mahattat.entities.link import refs
from mahattat.records import Entity
from mahattat.text.normalize import fold
from mahattat.text.repair import repaired
from mahattat.text.sentences import sentence_spans


def entities(text: str) -> list[Entity]:
    view, _ = repaired(text)
    found = find(view, sentence_spans(view))
    assert all(text[e.start : e.end] == e.text for e in found)
    assert [e.id for e in found] == [f"e{i}" for i in range(1, len(found) + 1)]
    assert [e.start for e in found] == sorted(e.start for e in found)
    return found


def triples(found: list[Entity]) -> list[tuple[str, str, str | None]]:
    return [(e.text, e.label, e.ref) for e in found]


def test_minister_visits_a_city() -> None:
    text = "زار وزير الخارجية الفرنسي جان إيف لودريان مدينة الموصل يوم الأحد."
    found = entities(text)
    assert triples(found) == [("جان إيف لودريان", "PER", None), ("الموصل", "LOC", None)]
    assert (found[0].start, found[0].end) == (26, 41)


def test_repeated_surname_refers_to_the_full_name() -> None:
    text = (
        "التقى الرئيس الأمريكي جورج دبليو بوش رئيس الوزراء البريطاني توني بلير في لندن. "
        "وقال بوش إن المحادثات كانت مثمرة."
    )
    assert triples(entities(text)) == [
        ("جورج دبليو بوش", "PER", None),
        ("توني بلير", "PER", None),
        ("لندن", "LOC", None),
        ("بوش", "PER", "e1"),
    ]


def test_glued_clitic_stays_out_of_the_span() -> None:
    text = "رحب رئيس الوزراء العراقي بدونالد ترامب في بغداد وواشنطن."
    found = entities(text)
    assert triples(found) == [
        ("دونالد ترامب", "PER", None),
        ("بغداد", "LOC", None),
        ("واشنطن", "LOC", None),
    ]
    assert text[found[0].start - 1] == "ب" and text[found[2].start - 1] == "و"


def test_company_and_agency() -> None:
    text = (
        "أعلنت شركة أرامكو السعودية عن أرباحها في الرياض، وقالت وكالة رويترز إن الشركة تنوي التوسع."
    )
    assert triples(entities(text)) == [
        ("أرامكو السعودية", "ORG", None),
        ("الرياض", "LOC", None),
        ("رويترز", "ORG", None),
    ]


def test_lam_of_the_article_and_its_link() -> None:
    text = (
        "تعهدت الأمم المتحدة بتقديم المساعدة، "
        "وقال الأمين العام للأمم المتحدة إن المنظمة ستواصل عملها."
    )
    assert triples(entities(text)) == [
        ("الأمم المتحدة", "ORG", None),
        ("أمم المتحدة", "ORG", "e1"),  # للأمم: the span starts after لل
    ]


def test_diacritics_and_tatweel_stay_in_the_original_span() -> None:
    text = "وصل الرئيسُ بارَاك أوبـــاما إلى القاهرة."
    found = entities(text)
    assert triples(found) == [("بارَاك أوبـــاما", "PER", None), ("القاهرة", "LOC", None)]


def test_no_sentences_no_entities() -> None:
    assert entities("") == []


@pytest.mark.parametrize(
    ("word", "cut", "stem"),
    [
        ("وواشنطن", 1, "واشنطن"),  # a gazetteer name behind و
        ("واشنطن", 0, "واشنطن"),  # a name that starts with و
        ("بدونالد", 1, "دونالد"),  # a rare token, a frequent stem
        ("والعراق", 1, "العراق"),  # و before the article
        ("للأمم", 2, "الامم"),  # ل before the article, its alef dropped
        ("بغداد", 0, "بغداد"),
        ("لبنان", 0, "لبنان"),
        ("كوفي", 0, "كوفي"),  # not ك + وفي
        ("بالتيمور", 0, "بالتيمور"),
        ("فرانس", 0, "فرانس"),  # not ف + رانس (Reims), a name rarer than the word
    ],
)
def test_clitic_split(word: str, cut: int, stem: str) -> None:
    assert split(fold(word)) == (cut, fold(stem))


def test_refs_pick_the_nearest_first_mention_of_the_same_label() -> None:
    mentions = [
        ("PER", ["جورج", "دبليو", "بوش"]),
        ("LOC", ["بوش"]),  # another label: no link
        ("PER", ["بوش"]),
        ("PER", ["جورج", "بوش"]),
        ("PER", ["باراك", "اوباما"]),
        ("PER", ["جورج", "دبليو", "بوش"]),  # the same name again
        ("ORG", ["امم", "المتحده"]),
        ("ORG", ["الامم", "المتحده"]),  # compared without the article
    ]
    assert refs(mentions) == [None, None, 0, 0, None, 0, None, 6]
