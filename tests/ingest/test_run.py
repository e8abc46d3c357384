"""``mahattat ingest`` and ``search`` on self-written articles: what is stored, what is
rejected (with its line), re-runs that add nothing, and a kill -9 half way."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from subprocess import DEVNULL, PIPE
from typing import TYPE_CHECKING

import pytest

from mahattat.ingest.run import ingest
from mahattat.store import Store

if TYPE_CHECKING:
    from conftest import Processes

MAHATTAT = Path(sys.executable).parent / "mahattat"

ARTICLES = [
    {"id": "a1", "published": "2018-10-03T09:00:00+03:00", "source": "wire",
     "title": "زيارة رسمية",
     "text": "وصل والرئيسَ اللبناني إلى باريس أمس الثلاثاء في زيارة تستمر يومين."},
    {"id": "a2", "published": "2018-10-04", "source": "daily",
     "title": "اتفاق تجاري",
     "text": "وقع البلدان في 2 أكتوبر 2018 اتفاقا لخفض الرسوم على 300 سلعة."},
    {"id": "a3", "published": "2018-10-05", "source": "wire",
     "title": "انتخابات",
     "text": "أعلنت اللجنة أن الانتخابات البلدية ستجري في 20 نوفمبر المقبل."},
]  # fmt: skip


def _jsonl(path: Path, extra: list[str] = ()) -> Path:
    lines = [json.dumps(a, ensure_ascii=False) for a in ARTICLES]
    path.write_text("\n".join([*lines, *extra]) + "\n", encoding="utf-8")
    return path


def test_ingest_stores_articles_and_what_was_found(tmp_path: Path) -> None:
    report = ingest([_jsonl(tmp_path / "in.jsonl")], tmp_path / "db", jobs=1)
    assert (report.read, report.added, report.duplicates) == (3, 3, 0)
    with Store(tmp_path / "db") as store:
        counts = store.counts()
        values = {v for (v,) in store.db.execute("SELECT value FROM timexes")}
        dates = {d for (d,) in store.db.execute("SELECT date FROM events")}
    assert counts["articles"] == 3 and counts["rejects"] == 0
    assert {"2018-10-02", "2018-11-20", "P2D"} <= values
    assert {"2018-10-02", "2018-11-20"} <= dates


def test_bad_records_are_counted_with_their_line(tmp_path: Path) -> None:
    bad = [
        "{not json",
        json.dumps({"id": "b1", "published": None, "text": "نص بلا تاريخ."}),
        json.dumps({"id": "b2", "published": "2018-10-06", "text": "   "}),
    ]
    src = _jsonl(tmp_path / "in.jsonl", bad)
    report = ingest([src], tmp_path / "db", jobs=1)
    assert report.added == 3
    assert sum(report.bad.values()) == 3
    with Store(tmp_path / "db") as store:
        origins = sorted(o for (o,) in store.db.execute("SELECT origin FROM rejects"))
    assert origins == [f"{src}:4", f"{src}:5", f"{src}:6"]


def test_a_second_run_adds_nothing(tmp_path: Path) -> None:
    src = _jsonl(tmp_path / "in.jsonl")
    ingest([src], tmp_path / "db", jobs=1)
    again = ingest([src], tmp_path / "db", jobs=1)
    assert (again.added, again.duplicates) == (0, 3)


def test_the_same_text_under_another_id_is_a_duplicate(tmp_path: Path) -> None:
    copy = dict(ARTICLES[0], id="other-site-17")
    copy["text"] = copy["text"].replace(" ", "  ")  # re-scraped with other spacing
    src = _jsonl(tmp_path / "in.jsonl", [json.dumps(copy, ensure_ascii=False)])
    report = ingest([src], tmp_path / "db", jobs=2)
    assert (report.added, report.duplicates) == (3, 1)


def test_search_finds_clitic_and_diacritic_forms(tmp_path: Path) -> None:
    ingest([_jsonl(tmp_path / "in.jsonl")], tmp_path / "db", jobs=1)
    with Store(tmp_path / "db") as store:
        hits = store.search("الرئيس")
        assert [h.doc_id for h in hits] == ["a1"]
        assert "والرئيسَ" in hits[0].snippet
        assert store.search("الرسوم السلع") == []  # every word must be there
        assert [h.doc_id for h in store.search("الانتخابات", start="2018-10-05")] == ["a3"]
        assert store.search("الانتخابات", end="2018-10-04") == []
        assert [h.doc_id for h in store.search("أكتوبر", source="daily")] == ["a2"]
        either = store.search("باريس | الانتخابات")  # either word
        assert sorted(h.doc_id for h in either) == ["a1", "a3"]


def test_search_command(tmp_path: Path) -> None:
    db = tmp_path / "db"
    ingest([_jsonl(tmp_path / "in.jsonl")], db, jobs=1)
    out = subprocess.run(
        [MAHATTAT, "search", "باريس", "--db", str(db), "--json"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert [json.loads(line)["doc_id"] for line in out.splitlines()] == ["a1"]


def test_search_command_takes_a_query_starting_with_a_dash_after_double_dash(
    tmp_path: Path,
) -> None:
    db = tmp_path / "db"
    ingest([_jsonl(tmp_path / "in.jsonl")], db, jobs=1)
    out = subprocess.run(
        [MAHATTAT, "search", "--db", str(db), "--json", "--", "-مدريد باريس"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert [json.loads(line)["doc_id"] for line in out.splitlines()] == ["a1"]
    for query, says in (
        ("-باريس", "the query '-باريس' only excludes: add a word to find"),
        ("--", "the query '--' has no word to find"),
    ):
        bad = subprocess.run(
            [MAHATTAT, "search", "--db", str(db), "--json", "--", query],
            capture_output=True, text=True,
        )  # fmt: skip
        assert (bad.returncode, bad.stdout, bad.stderr) == (2, "", f"error: {says}\n")


def _many(path: Path, n: int) -> Path:
    verbs = ["افتتح", "زار", "دشن", "تفقد"]
    lines = []
    for i in range(n):
        day = 1 + i % 28
        text = (
            f"{verbs[i % 4]} الوزير في {day} مارس 2018 المشروع رقم {i} في المدينة، "
            f"وقال إن {10 + i} عاملا سينضمون إليه خلال {1 + i % 5} أشهر."
        )
        lines.append(json.dumps({"id": f"m{i}", "published": "2018-04-01", "text": text}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _tables(db: Path) -> dict[str, list[tuple]]:
    """Every table, rows keyed by the article's doc_id (not its rowid), and the FTS index
    itself: its rows and its vocabulary (term, articles, occurrences)."""
    con = sqlite3.connect(db)
    con.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, search, 'row')")
    out = {
        "articles": _select(con, "SELECT * FROM articles", drop=frozenset({"id"})),
        "rejects": _select(con, "SELECT * FROM rejects"),
        "search": _select(
            con, "SELECT a.doc_id, s.title, s.body FROM search s JOIN articles a ON a.id = s.rowid"
        ),
        "vocabulary": _select(con, "SELECT * FROM temp.vocab"),
    }
    for table in ("sentences", "timexes", "entities", "events"):
        sql = f"SELECT a.doc_id, t.* FROM {table} t JOIN articles a ON a.id = t.article"
        out[table] = _select(con, sql, drop=frozenset({"article"}))
    con.close()
    return out


def _select(con: sqlite3.Connection, sql: str, drop: frozenset[str] = frozenset()) -> list[tuple]:
    cur = con.execute(sql)
    keep = [i for i, d in enumerate(cur.description) if d[0] not in drop]
    return sorted(tuple(row[i] for i in keep) for row in cur)


def test_kill_9_half_way_then_resume_gives_the_rows_of_a_clean_run(
    tmp_path: Path, processes: Processes
) -> None:
    src = _many(tmp_path / "many.jsonl", 400)
    clean, killed = tmp_path / "clean.db", tmp_path / "killed.db"
    ingest([src, tmp_path / "missing.jsonl"], clean, jobs=1)
    cmd = [MAHATTAT, "ingest", str(src), str(tmp_path / "missing.jsonl"), "--db", str(killed)]
    proc = subprocess.Popen([*cmd, "--jobs", "2"], stdout=DEVNULL, stderr=DEVNULL)
    try:
        _wait_for_rows(killed, 40, proc)
        workers = processes.children(proc.pid)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert len(workers) >= 2  # the two workers (and multiprocessing's resource tracker)
    assert processes.survivors(workers) == []  # no worker outlives its parent
    half = _tables(killed)["articles"]
    assert 0 < len(half) < 400  # killed half way
    ingest([src, tmp_path / "missing.jsonl"], killed, jobs=1)  # resumed
    assert _tables(killed) == _tables(clean)


def _wait_for_rows(db: Path, n: int, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with sqlite3.connect(db) as con:
                if con.execute("SELECT count(*) FROM articles").fetchone()[0] >= n:
                    return
        except sqlite3.OperationalError:
            pass  # not created yet
        time.sleep(0.02)
    raise AssertionError("the ingest finished or stalled before it could be killed")


def _html(text: str) -> str:
    return (
        '<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>خبر</title>'
        '<meta property="article:published_time" content="2019-05-06T08:00:00+03:00">'
        f"</head><body><article><h1>خبر</h1><p>{text}</p><p>{text}</p></article></body></html>"
    )


def test_html_pages_are_extracted_by_the_workers_and_deduplicated(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    story = "أعلنت البلدية في 5 مايو 2019 افتتاح جسر جديد فوق النهر يربط الحيين الشرقي والغربي."
    other = "قررت وزارة التربية تأجيل الامتحانات الوطنية أسبوعا بسبب موجة الحر التي تضرب البلاد."
    (folder / "a.html").write_text(_html(story), encoding="utf-8")
    (folder / "b.html").write_text(_html(story), encoding="utf-8")  # the same story again
    (folder / "c.html").write_text(_html(other), encoding="utf-8")
    first = ingest([folder], tmp_path / "db", jobs=2)
    assert (first.read, first.added, first.duplicates) == (3, 2, 1)
    with Store(tmp_path / "db") as store:
        (day,) = {d for (d,) in store.db.execute("SELECT published FROM articles")}
        dates = {d for (d,) in store.db.execute("SELECT date FROM events")}
    assert day == "2019-05-06" and "2019-05-05" in dates
    again = ingest([folder], tmp_path / "db", jobs=2)
    assert (again.added, again.duplicates) == (0, 3)


# --- records that cannot be stored, and two writers at once ---------------------------


def test_records_that_cannot_be_encoded_are_rejects_and_the_batch_is_stored(
    tmp_path: Path,
) -> None:
    surrogate = '{"id": "s1", "published": "2018-10-06", "text": "\\ud800 نص لا يرمز"}'
    nul = json.dumps({"id": "n1", "published": "2018-10-06", "text": "نص\u0000فيه صفر"})
    src = _jsonl(tmp_path / "in.jsonl", [surrogate, nul])
    report = ingest([src], tmp_path / "db", jobs=1)
    assert (report.read, report.added, report.duplicates) == (5, 3, 0)
    assert report.bad == Counter({"lone surrogate in text": 1, "NUL character in text": 1})
    with Store(tmp_path / "db") as store:
        rejects = sorted(store.db.execute("SELECT origin, reason FROM rejects"))
        assert store.counts()["articles"] == 3
    assert rejects == [
        (f"{src}:4", "lone surrogate in text"),
        (f"{src}:5", "NUL character in text"),
    ]
    again = ingest([src], tmp_path / "db", jobs=1)  # a rerun neither fails nor adds
    assert (again.added, again.duplicates, sum(again.bad.values())) == (0, 3, 2)


# Another writer in a long transaction: it holds the store until told to commit.
HOLD = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
db.execute("INSERT INTO rejects VALUES ('holder', 'a long transaction')")
print("locked", flush=True)
sys.stdin.readline()
db.execute("COMMIT")
"""


def test_a_writer_waits_for_another_writers_transaction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "db"
    ingest([_jsonl(tmp_path / "first.jsonl")], db, jobs=1)
    src = _many(tmp_path / "many.jsonl", 20)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db)], stdin=PIPE, stdout=PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdin is not None
    assert holder.stdout.readline() == "locked\n"
    writing = threading.Event()
    real_add = Store.add

    def add(store: Store, *args: object, **kwargs: object) -> object:
        writing.set()
        return real_add(store, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "add", add)
    outcome: list[object] = []
    thread = threading.Thread(target=lambda: outcome.append(_ingest_or_error([src], db)))
    thread.start()
    try:
        assert writing.wait(120)
        time.sleep(6)  # the other writer keeps the store past SQLite's default 5 s timeout
    finally:
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait()
    thread.join()
    (report,) = outcome
    assert not isinstance(report, Exception), report
    assert (report.added, report.duplicates) == (20, 0)
    with Store(db) as store:
        assert store.counts()["articles"] == 23
        assert store.counts()["rejects"] == 1  # the other writer's row is there too


def _ingest_or_error(paths: list[Path], db: Path) -> object:
    try:
        return ingest(paths, db, jobs=1)
    except Exception as e:
        return e


def test_two_ingests_at_once_store_everything_once(tmp_path: Path) -> None:
    src = _many(tmp_path / "many.jsonl", 60)
    lines = src.read_text(encoding="utf-8").splitlines()
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("\n".join(lines[:40]) + "\n", encoding="utf-8")
    second.write_text("\n".join(lines[20:]) + "\n", encoding="utf-8")  # 20 in both
    db = tmp_path / "db"
    runs = [
        subprocess.Popen([MAHATTAT, "ingest", str(p), "--db", str(db), "--jobs", "1"],
                         stdout=PIPE, stderr=PIPE, text=True)
        for p in (first, second)
    ]  # fmt: skip
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    added = [int(out.split(": ")[1].split(" added")[0]) for out, _ in outputs]
    duplicates = [int(out.split(", ")[1].split(" already")[0]) for out, _ in outputs]
    assert sum(added) == 60 and sum(duplicates) == 20  # each shared article counted once
    with Store(db) as store:
        assert store.counts()["articles"] == 60
