"""Day timelines dated by their events, on a small self-written archive: a line tells the
day of its own event, a recap loses to the day's own report, and one event told by two
outlets is one line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from mahattat.store import Store
from mahattat.timelines import summarize

STRIKE = (
    "شنت طائرات التحالف فجر اليوم غارات على مواقع في وادي السلام ردا على هجوم بالصواريخ "
    "استهدف قاعدة عسكرية في 7 أبريل 2021."
)
DOCS = [
    # a strike today, in response to an attack on an earlier day; the attack's own report
    ("s1", "2021-04-14", "wire", STRIKE),
    ("s2", "2021-04-08", "daily",
     "قتل ثلاثة جنود في هجوم بالصواريخ على قاعدة عسكرية قرب وادي السلام أمس."),
    ("s3", "2021-04-14", "radio",
     "قال التحالف إن غاراته اليوم على وادي السلام دمرت منصات الصواريخ التي استعملت في "
     "الهجوم على القاعدة."),
    # a vote reported on its day, and recalled by two articles a week later
    ("b1", "2021-06-10", "wire",
     "صادق البرلمان اليوم على قانون الانتخابات الجديد في جزيرة المرجان بأغلبية 80 نائبا."),
    ("b2", "2021-06-17", "weekly",
     "صادق برلمان جزيرة المرجان في 10 يونيو 2021 على قانون الانتخابات الجديد بأغلبية 80 "
     "نائبا بعد جلسة طويلة."),
    ("b3", "2021-06-18", "daily",
     "صادق برلمان جزيرة المرجان في 10 يونيو 2021 على قانون الانتخابات الجديد بعد جلسة "
     "طويلة قاطعتها المعارضة."),
    # a bridge opened today; a flood recalled long after it
    ("r1", "2021-08-03", "wire",
     "افتتح وزير الأشغال اليوم الجسر الجديد على نهر الذهب بعد عامين من العمل."),
    ("r2", "2021-08-20", "weekly",
     "جرف السيل في 1 أغسطس 2021 الجسر القديم على نهر الذهب الذي بني قبل قرن كامل."),
    # one agreement told by two outlets in other words
    ("c1", "2021-09-05", "wire",
     "وقع وزيرا خارجية لبنان وقبرص اليوم في نيقوسيا اتفاقا لترسيم الحدود البحرية بين "
     "البلدين بعد مفاوضات طويلة."),
    ("c2", "2021-09-05", "radio",
     "وقّع وزيرا خارجية قبرص ولبنان اتفاق ترسيم الحدود البحرية بين البلدين اليوم في "
     "نيقوسيا بحضور دبلوماسيين أوروبيين ومسؤولين من الأمم المتحدة وممثلين عن شركات الطاقة."),
]  # fmt: skip


@pytest.fixture(scope="module")
def store(archive: Callable[..., Path]) -> Store:
    return Store(archive(DOCS))


def _days(store: Store, query: str, dates: int) -> list[tuple[str, list[str]]]:
    tl = summarize(store, query, dates=dates)
    return [(e.date, [i.doc_id or "" for i in e.items]) for e in tl.entries]


def test_a_line_is_dated_by_its_own_event_not_by_a_date_it_mentions(store: Store) -> None:
    # the strike's sentence names 7 April (the attack it answers): it tells 14 April, and
    # 7 April is told by the attack's own report
    days = _days(store, "وادي السلام", 5)
    assert [d for d, _ in days] == ["2021-04-07", "2021-04-14"]
    assert days[0][1] == ["s2"] and days[1][1][0] in ("s1", "s3")


def test_a_recap_loses_the_day_s_line_to_the_same_day_report(store: Store) -> None:
    (entry,) = summarize(store, "جزيرة المرجان", dates=1).entries
    assert entry.date == "2021-06-10"
    (item,) = entry.items
    assert item.doc_id == "b1"


def test_a_recap_weighs_less_than_a_report_in_the_day_ranking(store: Store) -> None:
    # one article each: the bridge's day reported on it beats the flood recalled later
    assert _days(store, "نهر الذهب", 1) == [("2021-08-03", ["r1"])]
    assert [d for d, _ in _days(store, "نهر الذهب", 2)] == ["2021-08-01", "2021-08-03"]


def test_one_event_told_by_two_outlets_is_one_line(store: Store) -> None:
    tl = summarize(store, "الحدود البحرية", dates=5, per_date=2)
    (entry,) = tl.entries
    assert entry.date == "2021-09-05"
    (item,) = entry.items  # the other telling is folded in, not a second line
    assert {item.doc_id, *item.also} == {"c1", "c2"}
    assert {item.source for item in entry.items} <= {"wire", "radio"}


def test_lines_point_into_their_articles(store: Store, tmp_path: Path) -> None:
    texts = {i: t for i, _, _, t in DOCS}
    for query in ("وادي السلام", "جزيرة المرجان", "نهر الذهب", "الحدود البحرية"):
        for e in summarize(store, query, dates=5, per_date=2).entries:
            for it in e.items:
                assert it.start is not None
                assert texts[it.doc_id or ""][it.start : it.end] == it.text
