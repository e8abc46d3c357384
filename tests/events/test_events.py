"""Events on sentences written for these tests: one feature of the event record each."""

from __future__ import annotations

import datetime as dt

from mahattat.events import Events, build, chronology
from mahattat.records import Entity
from mahattat.text.repair import repaired
from mahattat.text.sentences import sentence_spans
from mahattat.time import tag


def _entities(text: str, names: dict[str, str]) -> list[Entity]:
    """Every occurrence of each name; repeats point (``ref``) at the first."""
    out = []
    for i, (name, label) in enumerate(names.items(), 1):
        start, ref = text.find(name), None
        while start >= 0:
            eid = f"e{i}" if ref is None else f"e{i}.{start}"
            out.append(Entity(eid, start, start + len(name), name, label, ref))  # type: ignore[arg-type]
            ref = f"e{i}"
            start = text.find(name, start + 1)
    return out


def _events(text: str, published: str, names: dict[str, str] | None = None) -> Events:
    dct = dt.date.fromisoformat(published)
    view, _ = repaired(text)
    sentences = sentence_spans(view)
    timexes = tag(view, dct, sentences)
    return build(view, sentences, timexes, _entities(text, names or {}), [], dct)


def test_two_dates_in_one_sentence_are_two_events() -> None:
    text = "في 3 مارس 2019 وصل الوزير إلى عمان، وفي 5 مارس 2019 عاد إلى بيروت بعد جولة قصيرة."
    events = _events(text, "2019-03-10", {"عمان": "LOC", "بيروت": "LOC"}).events
    assert [(e.date, e.text) for e in events] == [
        ("2019-03-03", "وصل الوزير إلى عمان"),
        ("2019-03-05", "عاد إلى بيروت بعد جولة قصيرة"),
    ]
    assert events[0].places == ("e1",) and events[1].places == ("e2",)
    assert all(text[e.start : e.end] == e.text for e in events)


def test_negated_event() -> None:
    text = "لم يوقع الطرفان الاتفاق في 12 يناير 2021 كما كان مقررا."
    (event,) = _events(text, "2021-01-20").events
    assert (event.date, event.negated, event.type) == ("2021-01-12", True, "AGREE")


def test_negation_in_a_subordinate_clause_does_not_negate_the_event() -> None:
    text = "في 4 يوليو 2016 هاجم المسلحون قاعدة عسكرية بحجة أنها لم تعد محايدة."
    (event,) = _events(text, "2016-07-05").events
    assert (event.type, event.negated) == ("ASSAULT", False)


def test_future_event() -> None:
    text = "قال المتحدث إن القمة ستعقد في الجزائر يوم 1 نوفمبر 2022."
    (event,) = _events(text, "2022-01-01").events
    assert (event.date, event.future, event.type) == ("2022-11-01", True, "CONSULT")


def test_past_event_is_not_future() -> None:
    (event,) = _events("اجتمع الوزراء في 2 فبراير 2022 لبحث الأزمة.", "2022-03-01").events
    assert (event.future, event.type) == (False, "CONSULT")


def test_heading_gives_the_section() -> None:
    text = (
        "المفاوضات:\n14 فبراير 2020 التقى الوفدان في جنيف.\n"
        "الاتفاق:\n2 مارس 2020 وقع الطرفان اتفاقا."
    )
    events = _events(text, "2020-04-01").events
    assert [(e.date, e.section, e.type) for e in events] == [
        ("2020-02-14", "المفاوضات", "CONSULT"),
        ("2020-03-02", "الاتفاق", "AGREE"),
    ]


def test_range_is_one_event() -> None:
    (event,) = _events("من 2011 إلى 2014 نزح آلاف السكان عن المدينة.", "2020-01-01").events
    assert (event.date, event.end_date) == ("2011", "2014")
    assert event.text == "نزح آلاف السكان عن المدينة"


def test_deadline_opens_no_event_of_its_own() -> None:
    text = "أعلنت الحكومة في مايو 2018 أنها ستنهي المشروع بحلول ديسمبر 2019."
    (event,) = _events(text, "2018-06-01").events
    assert event.date == "2018-05"
    assert "بحلول ديسمبر 2019" in event.text


def test_relative_clause_on_an_entity_is_background() -> None:
    text = (
        "دخل الجيش مدينة الموصل في 10 يوليو 2017. "
        "وزار الوفد الموصل التي سيطر عليها التنظيم في يونيو 2014 ثم خسرها بعد ثلاث سنوات."
    )
    out = _events(text, "2018-01-01", {"الموصل": "LOC"})
    assert [e.date for e in out.events] == ["2017-07-10"]
    assert [e.date for e in out.background] == ["2014-06", "2017"]


def test_relative_clause_on_a_common_noun_stays_in_the_chronology() -> None:
    text = "أقر البرلمان القانون الذي أثار جدلا واسعا في مارس 2019."
    (event,) = _events(text, "2019-05-01").events
    assert event.date == "2019-03"


def test_lead_without_a_date_takes_the_publication_date() -> None:
    text = "أعلنت الشركة تسريح مئتي موظف من مصانعها. وكانت قد افتتحت أول مصنع لها في 2015."
    events = _events(text, "2023-02-10").events
    assert [(e.date, e.timex) for e in events] == [("2023-02-10", None), ("2015", "t1")]


def test_restated_lead_is_one_event_with_the_explicit_date() -> None:
    text = (
        "قررت الحكومة رفع أسعار الوقود في كل المحافظات. "
        "وقال الوزير إن الحكومة قررت رفع أسعار الوقود في كل المحافظات خلال شهر مايو."
    )
    (event,) = _events(text, "2024-05-02").events
    assert (event.date, event.timex) == ("2024-05", "t1")


def test_chronology_keeps_granularity() -> None:
    text = (
        "في مارس 2007 بدأت المحادثات. في نهاية عام 2007 انتهت الجولة الأولى. "
        "في بداية عام 2007 تشكلت اللجنة. في 1 يناير 2007 عين الرئيس."
    )
    events = chronology(_events(text, "2008-01-01").events)
    assert [(e.date, e.mod) for e in events] == [
        ("2007", "START"),
        ("2007", "END"),
        ("2007-01-01", None),
        ("2007-03", None),
    ]


def test_a_country_acts_is_acted_on_or_is_a_place() -> None:
    text = "قطعت السعودية علاقاتها مع قطر في 5 يونيو 2017 في الرياض."
    (ev,) = _events(text, "2017-06-06", {"السعودية": "LOC", "قطر": "LOC", "الرياض": "LOC"}).events
    assert (ev.actors, ev.targets, ev.places) == (("e1",), ("e2",), ("e2", "e3"))


def test_passive_subject_is_a_target_and_the_agent_the_doer() -> None:
    text = "في 3 مايو 2019 اغتيل الصحفي سمير قصير على يد مجهولين من قبل عناصر حزب الخضر."
    (ev,) = _events(text, "2019-05-04", {"سمير قصير": "PER", "حزب الخضر": "ORG"}).events
    assert (ev.actors, ev.targets) == ((), ("e1",))


def test_a_title_stands_for_the_doer_named_before() -> None:
    text = (
        "التقى وزير الخارجية سامح شكري نظيره الأردني في 3 مايو 2019. "
        "وقال الوزير في 4 مايو 2019 إن اللقاء كان مثمرا. وأضاف في 5 مايو 2019 أن التعاون سيستمر."
    )
    events = _events(text, "2019-05-06", {"سامح شكري": "PER"}).events
    assert [ev.actors for ev in events] == [("e1",), ("e1",), ("e1",)]


def test_junk_names_are_no_doers() -> None:
    names = {"بيان العلا": "ORG", "هشام يوزع": "PER", "لمنظمة الصحة": "ORG", "الرئيس": "PER"}
    text = (
        "في 5 يناير 2021 صدر بيان العلا. في 4 مارس 2016 وصل هشام يوزع المنشورات. "
        "في 3 مايو 2019 أشادت لمنظمة الصحة بالجهود. في 2 يونيو 2018 قال الرئيس إن الوضع هادئ."
    )
    events = _events(text, "2021-06-01", names).events
    assert [ev.actors for ev in events] == [(), (), (), ()]


def test_display_spaces_the_repaired_words() -> None:
    text = "أعلنت الولاياتالمتحدة في 3 مارس 2019 فرض عقوبات."
    (ev,) = _events(text, "2019-03-04", {"الولاياتالمتحدة": "LOC"}).events
    assert ev.text == "أعلنت الولاياتالمتحدة في 3 مارس 2019 فرض عقوبات"
    assert ev.display == "أعلنت الولايات المتحدة في 3 مارس 2019 فرض عقوبات"
    assert ev.actors == ("e1",) and ev.places == ()


def test_a_body_named_by_a_noun_phrase_becomes_an_entity() -> None:
    out = _events("في 12 مايو 2021 قصفت الطائرات الإسرائيلية مواقع في غزة.", "2021-05-13")
    (ev,) = out.events
    assert ev.actors == ("n1",)
    found = [(m.id, m.text, m.label) for m in out.mentions]
    assert found == [("n1", "الطائرات الإسرائيلية", "ORG")]
