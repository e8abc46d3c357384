"""Corpus timelines on a small self-written archive: a port strike told by three outlets."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from mahattat.eval.tls import evaluate, parse, summaries
from mahattat.ingest.run import ingest
from mahattat.io.timeline import WRITERS
from mahattat.records import Timeline
from mahattat.store import Store
from mahattat.timelines import METHODS, busiest_days, collect, datewise, stamped, summarize

STRIKE = (
    "بدأ عمال ميناء الحمراء إضرابا مفتوحا في 3 مارس 2019 "
    "للمطالبة برفع الأجور وتحسين ظروف العمل."
)
DOCS = [
    ("w1", "2019-03-03", "wire", STRIKE),
    ("d1", "2019-03-04", "daily", STRIKE + " وتوقفت حركة السفن في الميناء بالكامل."),
    ("r1", "2019-03-04", "radio",
     "قال متحدث باسم النقابة إن الإضراب في ميناء الحمراء سيستمر حتى تلبية المطالب كلها."),
    ("w2", "2019-03-09", "wire",
     "التقى وزير النقل ممثلي عمال ميناء الحمراء في 8 مارس 2019 لبحث إنهاء الإضراب دون اتفاق."),
    ("d2", "2019-03-15", "daily",
     "أعلنت النقابة في 14 مارس 2019 إنهاء إضراب ميناء الحمراء "
     "بعد توقيع اتفاق يرفع الأجور بعشرة في المئة."),
    ("r2", "2019-03-15", "radio",
     "عادت الحركة إلى ميناء الحمراء بعد أن أنهى العمال في 14 مارس 2019 "
     "إضرابهم الذي دام أحد عشر يوما."),
    ("z1", "2019-07-21", "wire",
     "عمّان (أ ف ب) - افتتح وزير الثقافة مهرجان جرش للفنون في 20 يوليو 2019 بحضور آلاف الزوار."),
    ("x1", "2019-03-05", "daily",
     "افتتح المعرض الدولي للكتاب أبوابه في العاصمة بمشاركة مئات الناشرين العرب والأجانب."),
]  # fmt: skip


@pytest.fixture(scope="module")
def store(archive: Callable[..., Path]) -> Store:
    return Store(archive(DOCS))


def test_days_ranked_by_the_articles_that_speak_of_them(store: Store) -> None:
    tl = summarize(store, "ميناء الحمراء", dates=3)
    assert [e.date for e in tl.entries] == ["2019-03-03", "2019-03-04", "2019-03-14"]
    assert tl.articles == 6  # the book fair does not match


def test_every_line_points_into_its_article(store: Store) -> None:
    tl = summarize(store, "ميناء الحمراء", dates=5, per_date=2)
    texts = {i: t for i, _, _, t in DOCS}
    for e in tl.entries:
        for it in e.items:
            assert texts[it.doc_id][it.start : it.end] == it.text


def test_the_same_line_from_another_outlet_is_folded_in(store: Store) -> None:
    tl = summarize(store, "ميناء الحمراء", dates=1)
    (entry,) = tl.entries
    assert entry.date == "2019-03-03"
    (item,) = entry.items
    assert {item.doc_id, *item.also} == {"w1", "d1"}
    outlets = {"w1": "wire", "d1": "daily"}
    assert item.also_sources == tuple(outlets[d] for d in item.also)  # for the exports


def test_a_sentence_is_used_for_one_day_only(store: Store) -> None:
    tl = summarize(store, "ميناء الحمراء", dates=10, per_date=3)
    seen = [(it.doc_id, it.start) for e in tl.entries for it in e.items]
    assert len(seen) == len(set(seen))


def test_from_and_to_bound_the_days(store: Store) -> None:
    tl = summarize(store, "ميناء الحمراء", start="2019-03-08", end="2019-03-31")
    assert [e.date for e in tl.entries] == ["2019-03-08", "2019-03-14"]


def test_no_match_gives_an_empty_timeline(store: Store) -> None:
    assert summarize(store, "بركان").entries == ()


def test_exports(store: Store) -> None:
    tl = summarize(store, "ميناء الحمراء", dates=3)
    data = json.loads(WRITERS["json"](tl))
    assert [e["date"] for e in data["entries"]] == ["2019-03-03", "2019-03-04", "2019-03-14"]
    assert data["entries"][0]["label"] == "3 آذار/مارس 2019"  # output-contract.md
    assert next(iter(summaries(parse(data)))).isoformat() == "2019-03-03"  # what eval tls reads
    rows = list(csv.DictReader(io.StringIO(WRITERS["csv"](tl).removeprefix("\ufeff"))))
    assert rows[0]["doc_id"] in {"w1", "d1"} and rows[0]["date"] == "2019-03-03"
    assert rows[0]["date_ar"] == "3 آذار/مارس 2019"
    tjs = json.loads(WRITERS["timelinejs"](tl))
    assert tjs["events"][0]["start_date"] == {"year": "2019", "month": "3", "day": "3"}
    assert tjs["events"][0]["display_date"] == "3 آذار/مارس 2019"
    assert json.loads(WRITERS["vis"](tl))["items"][0]["start"] == "2019-03-03"
    assert "## 14 آذار/مارس 2019 (2019-03-14)" in WRITERS["md"](tl)


def test_timeline_command(store: Store, tmp_path: Path) -> None:
    import subprocess
    import sys

    db = store.db.execute("PRAGMA database_list").fetchone()[2]
    out = subprocess.run(
        [Path(sys.executable).parent / "mahattat", "timeline", "ميناء الحمراء", "--db", db,
         "--dates", "2", "--format", "json"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert [e["date"] for e in json.loads(out)["entries"]] == ["2019-03-03", "2019-03-14"]


def test_timeline_command_method(store: Store) -> None:
    import subprocess
    import sys

    db = store.db.execute("PRAGMA database_list").fetchone()[2]
    out = subprocess.run(
        [Path(sys.executable).parent / "mahattat", "timeline", "ميناء الحمراء", "--db", db,
         "--dates", "2", "--method", "busiest-days", "--format", "json"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    entries = json.loads(out)["entries"]
    assert [(e["date"], e["score"]) for e in entries] == [("2019-03-04", 2.0), ("2019-03-15", 2.0)]


def test_a_collection_is_read_once_with_its_filters(store: Store) -> None:
    c = collect(store, "ميناء الحمراء", start="2019-03-04", end="2019-03-09", source="wire")
    assert (c.start, c.end, c.source) == ("2019-03-04", "2019-03-09", "wire")
    assert [a.doc_id for a in c.articles] == ["w2"]
    assert len(collect(store, "ميناء الحمراء", limit=2).articles) == 2


def test_every_method_answers_the_same_call(store: Store) -> None:
    assert {"datewise": datewise, "busiest-days": busiest_days} == METHODS
    c = collect(store, "ميناء الحمراء")
    for name, method in METHODS.items():
        tl = method(c, dates=2, per_date=1)
        assert isinstance(tl, Timeline) and (tl.query, tl.articles) == ("ميناء الحمراء", 6)
        assert len(tl.entries) == 2 and all(len(e.items) == 1 for e in tl.entries)
        assert stamped(tl, c) == summarize(store, "ميناء الحمراء", dates=2, method=name)
        assert evaluate(tl, tl)["date"]["f1"] == 1.0  # eval scores any method's timeline
    with pytest.raises(ValueError, match="busiest-days"):
        summarize(store, "ميناء الحمراء", method="busiest")


def test_busiest_days_take_the_lead_of_the_best_matches(store: Store) -> None:
    tl = busiest_days(collect(store, "ميناء الحمراء"), dates=3, per_date=2)
    got = [(e.date, e.score, [(i.doc_id, i.start, i.end) for i in e.items]) for e in tl.entries]
    assert got == [
        ("2019-03-03", 1.0, [("w1", 0, 91)]),
        ("2019-03-04", 2.0, [("d1", 0, 91), ("r1", 0, 81)]),
        ("2019-03-15", 2.0, [("d2", 0, 99), ("r2", 0, 95)]),
    ]
    texts = {i: t for i, _, _, t in DOCS}
    for e in tl.entries:
        for it in e.items:
            assert it.start is not None and texts[it.doc_id or ""][it.start : it.end] == it.text


def test_a_dateline_is_no_part_of_the_line(store: Store) -> None:
    (entry,) = summarize(store, "مهرجان جرش").entries
    (item,) = entry.items
    assert entry.date == "2019-07-20"
    assert item.text.startswith("افتتح وزير الثقافة")
    assert dict((i, t) for i, _, _, t in DOCS)["z1"][item.start : item.end] == item.text


def test_a_reminder_of_earlier_news_is_not_the_day_s_line(tmp_path: Path) -> None:
    texts = {
        "a": "أعلن المجلس البلدي في 2 أبريل 2020 موازنة جديدة للتعليم والصحة في مدينة النخيل.",
        "b": "وافق المجلس البلدي في 2 أبريل 2020 على موازنة مدينة النخيل بعد نقاش طويل.",
        "c": "وكان المجلس البلدي قد أعلن في 2 أبريل 2020 موازنة مدينة النخيل الجديدة للتعليم "
        "والصحة بعد نقاش طويل.",
    }
    src = tmp_path / "in.jsonl"
    rows = [{"id": k, "published": "2020-04-03", "text": t} for k, t in texts.items()]
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    ingest([src], tmp_path / "db", jobs=1)
    with Store(tmp_path / "db") as store:
        (entry,) = summarize(store, "مدينة النخيل", dates=1).entries
    assert entry.date == "2020-04-02"
    assert entry.items[0].doc_id != "c"


def test_the_day_is_told_by_reports_not_by_previews(tmp_path: Path) -> None:
    texts = {  # two previews published before the day, one report after it
        "p": ("2020-05-01", "ستعقد لجنة سد الوادي في 5 مايو 2020 اجتماعا حاسما لبحث التمويل."),
        "q": ("2020-05-03", "تعقد لجنة سد الوادي في 5 مايو 2020 اجتماعا حاسما لبحث التمويل."),
        "r": ("2020-05-06", "أقرت لجنة سد الوادي في 5 مايو 2020 خطة التمويل بعد اجتماع طويل."),
    }
    src = tmp_path / "in.jsonl"
    rows = [{"id": k, "published": p, "text": t} for k, (p, t) in texts.items()]
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    ingest([src], tmp_path / "db", jobs=1)
    with Store(tmp_path / "db") as store:
        (entry,) = summarize(store, "سد الوادي", dates=1).entries
    assert entry.date == "2020-05-05"
    assert [i.doc_id for i in entry.items] == ["r"]


def test_stored_events_come_back_with_their_dates(store: Store) -> None:
    (d2,) = [a for a in collect(store, "ميناء الحمراء").articles if a.doc_id == "d2"]
    dated = [e for e in d2.events if e.dated]
    assert [(e.date, e.negated, e.future) for e in dated] == [("2019-03-14", False, False)]
    assert "إنهاء إضراب" in d2.text[dated[0].start : dated[0].end]
