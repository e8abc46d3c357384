"""A collection reads every matching article (or says how many it left out), in bulk, and
counts the matches per publication day: the timeline's ``articles``, ``read`` and
``coverage``, in every writer and in the command's notes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mahattat.cli import app
from mahattat.io.timeline import WRITERS
from mahattat.store import ArticleRows, Store, Stored, StoredEvent
from mahattat.store.terms import indexed
from mahattat.timelines import collect, summarize

FLOOD = "غمرت مياه الفيضان أحياء المدينة الساحلية بعد أمطار غزيرة"


def _article(n: int, day: str) -> ArticleRows:
    first = f"{FLOOD} في يومها {n}."
    text = f"{first} وقالت السلطات إن فرق الإنقاذ أجلت عشرات الأسر من البيوت."
    dates = ((f"t{n}", 0, 0, 5, "DATE", day, None),)  # (tid, sentence, start, end, type, ...)
    events = ((f"e{n}", day, None, None, 5, 10, "disaster", None, 0, 0, f"t{n}"),
              (f"f{n}", day, None, None, 0, 4, None, None, 1, 0, None))  # fmt: skip
    return ArticleRows(
        f"f{n}", f"h{n}", day, day, "wire", None, None, f"o{n}", text, indexed(text),
        ((0, len(first)), (len(first) + 1, len(text))), dates, (), events,
    )  # fmt: skip


DAYS = ["2020-01-05", "2020-01-05", "2020-01-05", "2020-01-06", "2020-01-09"]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("coll") / "db"
    with Store(path, write=True) as s:
        s.add([_article(n, d) for n, d in enumerate(DAYS)])
        fair = "افتتح المعرض."  # matches nothing
        s.add([ArticleRows("x", "hx", "2020-01-05", "2020-01-05", None, None, None, "ox",
                           fair, indexed(fair), ((0, len(fair)),), (), (), ())])  # fmt: skip
    return path


def _one_by_one(store: Store, doc_id: str) -> Stored:
    """What the store held for one article before rows were read in bulk."""
    (rid, text, day) = store.db.execute(
        "SELECT id, text, published FROM articles WHERE doc_id = ?", (doc_id,)
    ).fetchone()
    q = store.db.execute
    spans = q('SELECT start, "end" FROM sentences WHERE article = ? ORDER BY n', (rid,)).fetchall()
    dates = q("SELECT sentence, value FROM timexes WHERE article = ? AND type = 'DATE'", (rid,))
    events = q(
        'SELECT start, "end", date, mod, end_date, type, section, negated, future, timex'
        " FROM events WHERE article = ? ORDER BY start",
        (rid,),
    ).fetchall()
    return Stored(
        doc_id, day, "wire", None, None, text, spans, dates.fetchall(),
        tuple(StoredEvent(*e[:7], bool(e[7]), bool(e[8]), e[9] is not None) for e in events),
    )  # fmt: skip


def test_every_match_is_read_in_bulk_as_it_was_one_by_one(db: Path) -> None:
    with Store(db) as store:
        c = collect(store, "الفيضان", limit=0)
        assert (c.matching, len(c.articles), c.capped) == (5, 5, False)
        assert {a.doc_id for a in c.articles} == {f"f{n}" for n in range(5)}
        for a in c.articles:
            assert a == _one_by_one(store, a.doc_id)
        assert c.articles[0].events[0] == StoredEvent(
            0, 4, "2020-01-05", None, None, None, None, True, False, False
        )


def test_coverage_counts_every_match_by_day_even_when_capped(db: Path) -> None:
    with Store(db) as store:
        c = collect(store, "الفيضان", limit=2)
        assert (c.matching, len(c.articles), c.capped) == (5, 2, True)
        assert c.coverage == (("2020-01-05", 3), ("2020-01-06", 1), ("2020-01-09", 1))
        assert collect(store, "الفيضان", start="2020-01-06").coverage == (
            ("2020-01-06", 1),
            ("2020-01-09", 1),
        )
        tl = summarize(store, "الفيضان", limit=2, method="busiest-days")
        assert (tl.articles, tl.read) == (5, 2)
        assert summarize(store, "الفيضان").read is None  # all 5 read: nothing to say


def test_the_writers_say_what_was_read_and_the_coverage(db: Path) -> None:
    with Store(db) as store:
        capped = summarize(store, "الفيضان", limit=2, dates=2)
        full = summarize(store, "الفيضان", dates=2)
    data = json.loads(WRITERS["json"](capped))
    assert (data["matched"], data["articles"], data["read"]) == (5, 5, 2)
    assert data["mode"] == "days"
    assert data["coverage"] == [
        {"day": "2020-01-05", "articles": 3},
        {"day": "2020-01-06", "articles": 1},
        {"day": "2020-01-09", "articles": 1},
    ]
    assert json.loads(WRITERS["json"](full))["read"] == 5
    assert "المقالات المطابقة: 5 (قُرئت أفضل 2 منها)، من " in WRITERS["md"](capped)
    assert "المقالات المطابقة: 5، من " in WRITERS["md"](full)
    tjs = json.loads(WRITERS["timelinejs"](capped))
    assert tjs["title"]["text"]["text"].startswith("المقالات المطابقة: 5 (قُرئت أفضل 2 منها)")
    rows = list(csv.DictReader(io.StringIO(WRITERS["csv"](full).removeprefix("\ufeff"))))
    assert rows and all(r["date_ar"] == "5 كانون الثاني/يناير 2020" for r in rows
                        if r["date"] == "2020-01-05")  # fmt: skip


def test_the_command_states_a_cap(db: Path) -> None:
    args = ["timeline", "الفيضان", "--db", str(db), "--format", "json"]
    capped = CliRunner().invoke(app, [*args, "--max-articles", "2"])
    assert capped.exit_code == 0, capped.stderr
    assert capped.stderr.splitlines() == [
        "note: read the 2 best of 5 matching articles (bm25); "
        "--max-articles 0 reads them all, slower"
    ]
    assert json.loads(capped.stdout)["read"] == 2
    full = CliRunner().invoke(app, [*args, "--max-articles", "0"])
    assert full.stderr == "" and json.loads(full.stdout)["read"] == 5
