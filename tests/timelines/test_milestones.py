"""A topic's milestones over the years on a small self-written archive: a dam whose
collapse, agreement and repairs later articles keep citing, beside unrelated news."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mahattat.cli import app
from mahattat.eval.tls import date_f1, parse
from mahattat.ingest.run import ingest
from mahattat.io.timeline import WRITERS
from mahattat.store import Store
from mahattat.timelines import MILESTONE_METHODS, cite, cite_count, milestones, summarize
from mahattat.timelines.milestones import _citations, settings, within

DAM = "سد الوادي الأخضر"
DOCS = [
    ("a1", "2019-02-10", "wire",
     "قال وزير المياه إن أزمة سد الوادي الأخضر بدأت منذ توقيع اتفاق تقاسم المياه عام 2011. "
     "وانهار جزء من سد الوادي الأخضر في 3 مارس 2015 فغمرت المياه القرى المجاورة."),
    ("b1", "2019-05-20", "daily",
     "عادت قضية سد الوادي الأخضر إلى الواجهة بعد سنوات من انهيار جزء منه في 3 مارس 2015. "
     "ووقعت الدولتان اتفاق تقاسم المياه عام 2011 بعد مفاوضات طويلة."),
    ("c1", "2019-11-02", "radio",
     "أعلنت لجنة سد الوادي الأخضر أن أعمال الترميم التي بدأت في يونيو 2017 ستنتهي قريبا. "
     "وكان السد قد انهار جزئيا في 3 مارس 2015. وتضررت المنطقة كثيرا من كارثة عام 2015."),
    ("a2", "2020-01-15", "wire",
     "افتتح رئيس الوزراء محطة جديدة في سد الوادي الأخضر هذا العام 2020. "
     "وستجرى الانتخابات المحلية في 2021 وفق ما أعلنته اللجنة."),
    ("b2", "2020-03-04", "daily",
     "أحيا سكان القرى المجاورة لسد الوادي الأخضر ذكرى انهيار السد في 3 مارس 2015. "
     "وبدأت أعمال الترميم في يونيو 2017 بتمويل دولي. ولا تزال آثار فيضان عام 2015 ظاهرة."),
    ("x1", "2019-06-01", "daily",
     "افتتح المعرض الدولي للكتاب دورته الجديدة التي تأسست عام 2011 بمشاركة مئات الناشرين."),
    ("x2", "2019-07-01", "radio",
     "احتفلت الجامعة بتخرج أول دفعة من طلابها الذين التحقوا بها عام 2011."),
    ("f1", "2019-03-01", "wire", "فاز فريق المدينة ببطولة الكأس بعد مباراة مثيرة أمام منافسه."),
    ("f2", "2019-04-01", "daily", "ارتفعت أسعار الخضر في الأسواق الشعبية مع قدوم فصل الصيف."),
    ("f3", "2019-08-01", "radio", "نظمت البلدية حملة لتنظيف الشواطئ بمشاركة مئات المتطوعين."),
    ("f4", "2019-09-01", "wire", "أطلقت شركة الاتصالات خدمة جديدة للإنترنت السريع في الأرياف."),
    ("f5", "2019-10-01", "daily", "استقبل المستشفى الجامعي أجهزة حديثة لتشخيص أمراض القلب."),
    ("f6", "2019-12-01", "radio", "عرض المسرح الوطني مسرحية جديدة لاقت إقبالا كبيرا من الجمهور."),
]  # fmt: skip


@pytest.fixture(scope="module")
def db(archive: Callable[..., Path]) -> Path:
    return archive(DOCS)


@pytest.fixture(scope="module")
def store(db: Path) -> Store:
    return Store(db)


def test_the_milestones_are_the_values_the_archive_keeps_citing(store: Store) -> None:
    tl = summarize(store, DAM, dates=5, method="milestones")
    assert tl.articles == 5  # every matching article, none of the unrelated news
    # the collapse (a day cited by 4 articles of 3 outlets), the repairs (a month), the
    # agreement (a year); not 2020 (the present of the article naming it) nor 2021 (a
    # forecast), nor a publication day with one report only
    assert tl.dates == ("2011", "2015-03-03", "2017-06")
    collapse = tl.entries[1]
    assert (collapse.articles, collapse.outlets) == (4, 3)
    assert set(collapse.doc_ids) == {"a1", "b1", "c1", "b2"}


def test_a_year_folds_into_the_day_the_sources_give(store: Store) -> None:
    """``عام 2015`` (2 articles) is the collapse of 3 March 2015 (4 articles): one
    milestone, dated by the day."""
    tl = summarize(store, DAM, dates=10, method="milestones")
    assert "2015" not in tl.dates
    assert "2015" in summarize(store, DAM, dates=10, method="cite-count").dates


def test_the_distinctive_value_ranks_first(store: Store) -> None:
    """2011 is cited as often by unrelated articles of the archive as by the topic's:
    it ranks below the collapse and the repairs."""
    tl = summarize(store, DAM, dates=5, method="milestones")
    score = {e.date: e.score for e in tl.entries}
    assert score["2015-03-03"] > score["2017-06"] > score["2011"]
    assert summarize(store, DAM, dates=1, method="milestones").dates == ("2015-03-03",)


def test_each_line_is_an_event_clause_dated_by_its_value(store: Store) -> None:
    tl = summarize(store, DAM, dates=5, per_date=2, method="milestones")
    texts = {rid: t for rid, (t, _) in store.texts(range(1, 20)).items()}
    by_doc = {store.cited(DAM).articles[rid][0]: t for rid, t in texts.items() if rid <= 5}
    for e in tl.entries:
        assert 1 <= len(e.items) <= 2
        for it in e.items:
            assert it.doc_id in e.doc_ids
            assert it.start is not None and it.end is not None
            assert by_doc[it.doc_id][it.start : it.end] == it.text
    repairs = tl.entries[2].items[0]
    assert repairs.doc_id == "b2" and "بدأت أعمال الترميم" in repairs.text


def test_the_range_limits_the_values_not_the_articles(store: Store) -> None:
    tl = summarize(store, DAM, start="2012", end="2016", dates=5, method="milestones")
    assert tl.dates == ("2015-03-03",)
    assert tl.articles == 5
    assert within("2015-03-03", "2015-03", "2015") and within("2015", "2015-03-03", None)
    assert not within("2011", "2012", None) and not within("2017-06", None, "2017-05")


def test_cite_count_is_the_plain_count_of_mentions(store: Store) -> None:
    c = cite(store, DAM)
    tl = cite_count(c, dates=2, per_date=1)
    assert tl.dates == ("2011", "2015-03-03")  # 4 mentions, then the earliest of the 2s
    assert [e.score for e in tl.entries] == [2.0, 4.0]
    assert milestones(c, dates=2, per_date=1).dates == ("2015-03-03", "2017-06")
    assert set(MILESTONE_METHODS) == {"milestones", "cite-count"}


def test_no_match_is_an_empty_timeline(store: Store) -> None:
    for method in MILESTONE_METHODS:
        assert summarize(store, "نهر المريخ", method=method).entries == ()


def test_writers_show_how_widely_a_milestone_is_cited(store: Store) -> None:
    tl = summarize(store, DAM, dates=3, method="milestones")
    md = WRITERS["md"](tl)
    assert "## 3 آذار/مارس 2015 (2015-03-03)" in md and "المقالات: 4، وسائل الإعلام: 3" in md
    data = json.loads(WRITERS["json"](tl))
    first = data["entries"][0]
    assert (first["date"], first["label"], first["articles"]) == ("2011", "2011", 2)
    assert first["doc_ids"] == ["a1", "b1"]
    assert first["cited_by"] == {"articles": 2, "outlets": first["outlets"]}
    assert data["mode"] == "milestones" and data["matched"] == tl.articles
    vis = json.loads(WRITERS["vis"](tl))["items"]
    assert vis[0]["start"] == "2011-01-01" and vis[0]["end"] == "2011-12-31T23:59:59"
    assert "end" not in vis[1]  # a day is a point
    csv = WRITERS["csv"](tl).splitlines()
    assert csv[0].endswith(",mod,articles,outlets,doc_ids")


def test_the_command_takes_years_and_months(db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    args = ["timeline", DAM, "--db", str(db), "--milestones", "-f", "json"]
    result = runner.invoke(app, [*args, "--from", "2012", "--to", "2017-06"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [e["date"] for e in data["entries"]] == ["2015-03-03", "2017-06"]
    assert (data["from"], data["to"]) == ("2012", "2017-06")
    # the same reference scores it: dates at their grain
    pred, gold = tmp_path / "pred.json", tmp_path / "gold.json"
    pred.write_text(result.stdout, "utf-8")
    ref = [{"date": "2015-03-03", "text": "انهار السد"}, {"date": "2017", "text": "ترميم"}]
    gold.write_text(json.dumps(ref, ensure_ascii=False), "utf-8")
    scored = runner.invoke(app, ["eval", "tls", str(pred), str(gold), "--json"])
    assert json.loads(scored.stdout)["date"] == pytest.approx({"p": 0.5, "r": 0.5, "f1": 0.5})
    assert date_f1(parse(data), parse(ref)).f1 == pytest.approx(0.5)
    # a day method reads a year range as its first and last day
    days = runner.invoke(app, ["timeline", DAM, "--db", str(db), "--from", "2020", "-f", "json"])
    assert days.exit_code == 0, days.stderr
    assert json.loads(days.stdout)["from"] == "2020-01-01"


def test_a_coming_deadline_read_in_an_earlier_year_is_no_milestone(tmp_path: Path) -> None:
    """``في 12 مايو`` beside ``عام 2015`` in a report of 3 May 2019 comes out 2015-05-12:
    a deadline nine days ahead, not a day of 2015; a day written with its year stays."""
    docs = [
        ("d1", "2019-05-03", "wire",
         "وقع الطرفان اتفاق سد الوادي الأخضر عام 2015، وتنتهي مهلته في 12 مايو."),
        ("d2", "2019-05-05", "daily",
         "يقترب موعد انتهاء مهلة اتفاق سد الوادي الأخضر الموقع عام 2015 في 12 مايو."),
        ("d3", "2019-05-06", "radio",
         "تذكر القرى أن سد الوادي الأخضر انهار في 12 مايو 2015 قبل توقيع الاتفاق."),
        ("d4", "2019-05-07", "wire",
         "انهار سد الوادي الأخضر في 12 مايو 2015 وتضررت القرى المجاورة كثيرا."),
    ]  # fmt: skip
    src = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": i, "published": p, "source": s, "text": t}, ensure_ascii=False)
        for i, p, s, t in docs
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ingest([src], tmp_path / "db", jobs=1)
    with Store(tmp_path / "db") as store:
        c = cite(store, DAM)
        counted = cite_count(c, dates=3, per_date=1)
        kept = _citations(c, settings())  # the values milestones choose from
    deadline = next(e for e in counted.entries if e.date == "2015-05-12")
    assert set(deadline.doc_ids) == {"d1", "d2", "d3", "d4"}
    ids = {rid: a[0] for rid, a in c.cited.articles.items()}
    assert {ids[a] for a in kept["2015-05-12"].mentions} == {"d3", "d4"}
    assert {ids[a] for a in kept["2015"].mentions} == {"d1", "d2"}  # the deal's year stays


def test_milestones_take_the_query_language_and_carry_the_coverage(store: Store) -> None:
    tl = summarize(store, f'"{DAM}" -الترميم', dates=3, method="milestones")
    assert tl.articles == 3  # a1, b1, a2: c1 and b2 speak of the repairs
    assert tl.coverage == (("2019-02-10", 1), ("2019-05-20", 1), ("2020-01-15", 1))
    assert tl.read is None  # every match is read


def test_every_line_carries_its_article_title(tmp_path: Path) -> None:
    """The CSV's ``title`` column: a milestone's line and a day's line name their article."""
    rows = [
        ("t1", "2019-02-10", "wire", "انهيار جزئي في سد الوادي الأخضر",
         "انهار جزء من سد الوادي الأخضر في 3 مارس 2015 فغمرت المياه القرى المجاورة."),
        ("t2", "2019-05-20", "daily", "ذكرى الانهيار",
         "أحيا السكان ذكرى انهيار سد الوادي الأخضر في 3 مارس 2015 بوقفة صامتة."),
    ]  # fmt: skip
    src = tmp_path / "in.jsonl"
    keys = ("id", "published", "source", "title", "text")
    lines = [json.dumps(dict(zip(keys, r, strict=True)), ensure_ascii=False) for r in rows]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ingest([src], tmp_path / "db", jobs=1)
    titles = {r[0]: r[3] for r in rows}
    with Store(tmp_path / "db") as store:
        for method in ("milestones", "datewise"):
            tl = summarize(store, DAM, dates=2, method=method)
            items = [it for e in tl.entries for it in e.items]
            assert items and all(it.title == titles[it.doc_id or ""] for it in items), method
