"""``mahattat ingest DIR`` of a batch output: the store it builds equals, table by table,
the store ``ingest`` builds from the same JSONL (rows, row order, rejects, counts, and
the timeline), without running the pipeline again."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from mahattat.batch import partitions, run, schema
from mahattat.cli import app
from mahattat.ingest.run import Report, ingest
from mahattat.io.records import Fields

ARTICLES = [
    {"id": "a1", "published": "2018-10-03T09:00:00+03:00", "source": "wire",
     "title": "زيارة رسمية",
     "text": "وصل الرئيس اللبناني إلى باريس أمس الثلاثاء في زيارة تستمر يومين."},
    {"id": "a2", "published": "2018-10-04", "source": "daily", "title": "اتفاق تجاري",
     "text": "وقع البلدان في 2 أكتوبر 2018 اتفاقا لخفض الرسوم على 300 سلعة."},
    "{not json",
    {"id": "a3", "published": "2018-11-05", "source": "wire", "url": "https://example.com/3",
     "text": "أعلنت اللجنة أن الانتخابات البلدية ستجري في 20 نوفمبر المقبل."},
    {"id": "b1", "text": "نص بلا تاريخ."},
    {"id": "a4", "published": "2018-11-06", "source": "daily",  # a1's text: a duplicate
     "text": "وصل  الرئيس اللبناني إلى باريس أمس الثلاثاء في زيارة تستمر يومين."},
    {"id": "a5", "published": "2018-11-07", "source": "wire", "title": "انتخابات",
     "text": "قال الرئيس إن الانتخابات البلدية التي جرت في 20 نوفمبر كانت نزيهة."},
    {"id": "a2", "published": "2018-12-01", "text": "نص آخر بالمعرف نفسه."},  # a2's id
    {"id": 7, "published": "2018-12-02", "source": "daily",
     "text": "زار الرئيس باريس مرة أخرى في الأول من ديسمبر 2018 لبحث الاتفاق."},
]  # fmt: skip
QUERY = "الرئيس"
COLUMNS = ("id", "published", "source", "title", "url", "text")


def _jsonl(path: Path) -> Path:
    lines = [a if isinstance(a, str) else json.dumps(a, ensure_ascii=False) for a in ARTICLES]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _batch(src: Path, out: Path, size: int = 3, skip: int = 0) -> list[str]:
    """``mahattat batch``'s partitions of SRC written to OUT without a cluster, the last
    first (the order tasks finish in is any); the ids, in input order."""
    plan = partitions.plan([str(src)], Fields(), size)
    for part in reversed(plan.partitions[skip:]):
        run.run_partition(part, str(out), Fields())
    return [part.id for part in plan.partitions]


def _tables(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table of the store with its rows' article named by doc_id, not row id."""
    con = sqlite3.connect(db)
    out = {
        "articles": con.execute(
            "SELECT doc_id, hash, published, published_raw, source, url, title, origin, text"
            " FROM articles ORDER BY id"  # the same order: the same row ids
        ).fetchall(),
        "rejects": sorted(con.execute("SELECT * FROM rejects")),
        "search": con.execute(
            "SELECT a.doc_id, s.title, s.body FROM search s JOIN articles a ON a.id = s.rowid"
            " ORDER BY s.rowid"
        ).fetchall(),
    }
    for table in ("sentences", "timexes", "entities", "events"):
        columns = [r[1] for r in con.execute(f"PRAGMA table_info({table})")][1:]
        listed = ", ".join(f'x."{c}"' for c in columns)
        out[table] = con.execute(
            f"SELECT a.doc_id, {listed} FROM {table} x JOIN articles a ON a.id = x.article"
            " ORDER BY x.article, 2"
        ).fetchall()
    con.close()
    return out


def _counts(report: Report) -> tuple[object, ...]:
    return report.read, report.added, report.duplicates, dict(report.bad), report.unfinished


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    tmp = tmp_path_factory.mktemp("batch")
    src = _jsonl(tmp / "in.jsonl")
    direct = ingest([src], tmp / "direct.db", jobs=1)
    ids = _batch(src, tmp / "out")
    from_batch = ingest([tmp / "out"], tmp / "batch.db", jobs=1)
    return {"tmp": tmp, "src": src, "direct": direct, "batch": from_batch, "ids": ids}


def test_the_store_of_a_batch_equals_the_store_of_ingest(built: dict) -> None:
    tmp = built["tmp"]
    direct, batch = _tables(tmp / "direct.db"), _tables(tmp / "batch.db")
    assert [a[0] for a in direct["articles"]] == ["a1", "a2", "a3", "a5", "7"]
    assert len(direct["timexes"]) >= 5 and direct["events"] and direct["entities"]
    for table, rows in direct.items():
        assert batch[table] == rows, table
    assert _counts(built["batch"]) == _counts(built["direct"]) == (
        9, 5, 2, {"invalid JSON": 1, "no publication date": 1}, 0
    )  # fmt: skip


def test_the_partitions_were_written_by_month(built: dict) -> None:
    out = built["tmp"] / "out"
    months = sorted(p.name for p in (out / "documents").iterdir())
    assert months == ["month=2018-10", "month=2018-11", "month=2018-12"]
    assert sorted(p.stem for p in (out / schema.DONE).iterdir()) == sorted(built["ids"])


def test_timeline_of_a_batch_equals_the_timeline_of_ingest(built: dict) -> None:
    runner = CliRunner()
    outputs = []
    for db in ("direct.db", "batch.db"):
        args = ["timeline", QUERY, "--db", str(built["tmp"] / db), "--format", "json"]
        result = runner.invoke(app, [*args, "--from", "2018-10-01", "--to", "2018-12-31"])
        assert result.exit_code == 0, result.output
        outputs.append(json.loads(result.stdout))
    assert outputs[0] == outputs[1] and len(outputs[0]["entries"]) >= 2


def test_a_second_ingest_of_the_batch_adds_nothing(built: dict, tmp_path: Path) -> None:
    db = tmp_path / "db"
    ingest([built["tmp"] / "out"], db, jobs=1)
    again = ingest([built["tmp"] / "out"], db, jobs=1)
    assert (again.added, again.duplicates) == (0, 7)  # 5 stored, and 2 the batch dropped


def test_unfinished_partitions_are_left_out_and_said(built: dict, tmp_path: Path) -> None:
    out = tmp_path / "out"
    ids = _batch(built["src"], out)
    (out / schema.DONE / f"{ids[0]}.json").unlink()  # killed before its marker
    report = ingest([out], tmp_path / "db", jobs=1)
    assert report.unfinished == 1
    assert "1 batch partition(s) not finished" in report.summary("db", 1.0)
    with sqlite3.connect(tmp_path / "db") as con:
        stored = [d for (d,) in con.execute("SELECT doc_id FROM articles ORDER BY id")]
    assert stored == ["a3", "a5", "7"]  # partitions of 3 records: a1 and a2 were in the first


def test_a_damaged_partition_file_is_a_reject_and_the_rest_is_stored(
    built: dict, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    _batch(built["src"], out)
    (damaged,) = [
        f for f in (out / "timexes").glob("month=2018-12/*.parquet")
        if "7" in pq.read_table(f).column("doc_id").to_pylist()
    ]  # fmt: skip
    damaged.write_bytes(damaged.read_bytes()[:40])
    report = ingest([out], tmp_path / "db", jobs=1)
    (reason,) = [r for r in report.bad if r.startswith("damaged batch output")]
    assert report.added == 3 and report.bad[reason] == 1  # a5 and 7 were in that partition
    assert any(bad.origin == str(damaged) for bad in report.examples)


def test_the_command_ingests_a_batch_output_beside_other_input(built: dict, tmp_path: Path) -> None:
    other = tmp_path / "other.jsonl"
    other.write_text(
        json.dumps({"id": "c1", "published": "2019-01-02", "text": "افتتح الوزير جسرا."},
                   ensure_ascii=False) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    db = tmp_path / "db"
    result = CliRunner().invoke(
        app, ["ingest", str(built["tmp"] / "out"), str(other), "--db", str(db), "-j", "1"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("10 records read in ")
    assert "6 added, 2 already stored, 2 rejected" in result.stdout


def test_the_commands_end_to_end_from_parquet_input(built: dict, tmp_path: Path) -> None:
    """``mahattat batch`` on a LocalCluster, from a Parquet copy of the JSONL (Parquet
    shards go through the same readers), then ``mahattat ingest OUT``: the store of
    ``ingest`` of the JSONL, but for the origins, which name the Parquet rows."""
    records = [a for a in ARTICLES if isinstance(a, dict)]  # Parquet has no corrupt lines
    columns = {k: [None if k not in a else str(a[k]) for a in records] for k in COLUMNS}
    pq.write_table(pa.table(columns), tmp_path / "in.parquet")
    mahattat = Path(sys.executable).parent / "mahattat"
    out, db = tmp_path / "out", tmp_path / "db"
    for args in (
        ["batch", str(tmp_path / "in.parquet"), "--out", str(out), "--workers", "1",
         "--partition-size", "3"],
        ["ingest", str(out), "--db", str(db)],
    ):  # fmt: skip
        subprocess.run([mahattat, *args], capture_output=True, text=True, check=True)
    direct, batch = _tables(built["tmp"] / "direct.db"), _tables(db)
    origins = [row[7] for row in batch["articles"]]
    assert origins == [f"{tmp_path / 'in.parquet'}#row-{n}" for n in (1, 2, 3, 6, 8)]
    for table, rows in direct.items():
        if table == "articles":
            rows, batch[table] = (
                [r[:7] + r[8:] for r in rows],
                [r[:7] + r[8:] for r in batch[table]],
            )
        if table != "rejects":
            assert batch[table] == rows, table
    assert batch["rejects"] == [(f"{tmp_path / 'in.parquet'}#row-4", "no publication date")]
