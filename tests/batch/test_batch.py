"""``mahattat batch`` on a LocalCluster with self-written shards: the rows of ingest and
of ``extract --jsonl``, rejects with their lines, duplicates dropped the way ingest drops
them, and re-runs that skip what is done."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from typer.testing import CliRunner

from mahattat.batch.check import comparable, extract_rows
from mahattat.batch.partitions import plan
from mahattat.batch.run import batch
from mahattat.cli import app
from mahattat.io.records import Fields

if TYPE_CHECKING:
    from conftest import Shards


def _run(paths: list[Path], out: Path, cluster: Any, size: int = 3) -> Any:
    addr = cluster.scheduler_address
    return batch([str(p) for p in paths], out, scheduler=addr, size=size, say=lambda _: None)


def test_rows_are_those_of_ingest(tmp_path: Path, cluster: Any, shards: type[Shards]) -> None:
    a = shards.shard(tmp_path / "a.jsonl", [shards.article(n) for n in range(10)])
    b = shards.shard(tmp_path / "b.jsonl", [shards.article(n) for n in range(10, 17)])
    report = _run([a, b], tmp_path / "out", cluster)
    got, want = shards.output(tmp_path / "out"), shards.expected([a, b])
    assert (report.partitions, report.records, report.articles) == (4 + 3, 17, 17)
    assert len(got["documents"]) == 17 and want["timexes"] and want["events"]
    for table in ("documents", "timexes", "entities", "events"):
        assert shards.rows_of(got[table]) == shards.rows_of(want[table]), table
    months = {p.name for p in (tmp_path / "out" / "documents").iterdir()}
    assert months == {"month=2019-01", "month=2019-02", "month=2019-03", "month=2019-04"}


def test_rows_are_those_of_extract_jsonl(
    tmp_path: Path, cluster: Any, shards: type[Shards]
) -> None:
    src = shards.shard(tmp_path / "a.jsonl", [shards.article(n) for n in range(8)])
    _run([src], tmp_path / "out", cluster)
    got = shards.output(tmp_path / "out")
    result = CliRunner().invoke(app, ["extract", "--jsonl", str(src)])
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(docs) == 8
    for table in ("timexes", "entities", "events"):
        want = [r for d in docs for r in extract_rows(d, d["id"])[table]]
        assert comparable(got[table], table) == comparable(want, table), table
    published = {d["id"]: d["published"] for d in docs}
    assert {r["doc_id"]: r["published"] for r in got["documents"]} == published


def test_corrupt_lines_are_rejects_with_their_line(
    tmp_path: Path, cluster: Any, shards: type[Shards]
) -> None:
    lines: list[dict[str, Any] | str] = [shards.article(n) for n in range(6)]
    lines[1] = '{"id": "broken", "text": "نص'  # cut off
    lines[3] = shards.article(3, published=None)
    lines.insert(5, "[1, 2]")
    src = shards.shard(tmp_path / "a.jsonl", lines)
    report = _run([src], tmp_path / "out", cluster, size=2)
    got = shards.output(tmp_path / "out")
    assert sorted((r["origin"], r["reason"]) for r in got["rejects"]) == [
        (f"{src}:2", "invalid JSON"),
        (f"{src}:4", "no publication date"),
        (f"{src}:6", "not a JSON object"),
    ]
    assert {r["doc_id"] for r in got["documents"]} == {"d0", "d2", "d4", "d5"}
    assert (report.records, report.articles, report.rejected) == (7, 4, 3)


def test_a_gzip_shard_cut_off_keeps_what_came_before(
    tmp_path: Path, cluster: Any, shards: type[Shards]
) -> None:
    whole = "\n".join(json.dumps(shards.article(n), ensure_ascii=False) for n in range(5))
    data = gzip.compress(whole.encode())
    src = tmp_path / "cut.jsonl.gz"
    src.write_bytes(data[: len(data) * 2 // 3])
    _run([src], tmp_path / "out", cluster, size=2)
    got = shards.output(tmp_path / "out")
    assert len(got["rejects"]) == 1 and "breaks off" in got["rejects"][0]["reason"]
    assert got["rejects"][0]["origin"].startswith(f"{src}:")
    docs = {r["doc_id"] for r in got["documents"]}
    assert docs and docs < {f"d{n}" for n in range(5)}


def test_duplicates_are_dropped_across_partitions_and_files(
    tmp_path: Path, cluster: Any, shards: type[Shards]
) -> None:
    same_text = shards.article(0, id="other-id")  # the text of d0 under another id
    same_id = shards.article(7, id="d1")  # the id of d1 with another text
    a = shards.shard(tmp_path / "a.jsonl", [shards.article(n) for n in range(4)])
    b = shards.shard(tmp_path / "b.jsonl", [same_text, shards.article(5), same_id])
    report = _run([a, b], tmp_path / "out", cluster, size=2)
    got = shards.output(tmp_path / "out")
    assert sorted(r["doc_id"] for r in got["documents"]) == ["d0", "d1", "d2", "d3", "d5"]
    assert shards.rows_of(got["events"]) == shards.rows_of(shards.expected([a, b])["events"])
    assert report.duplicates == 2


def test_a_rerun_skips_every_done_partition(
    tmp_path: Path, cluster: Any, shards: type[Shards]
) -> None:
    src = shards.shard(tmp_path / "a.jsonl", [shards.article(n) for n in range(6)])
    first = _run([src], tmp_path / "out", cluster)
    files = {p: p.stat().st_mtime_ns for p in (tmp_path / "out").rglob("*.parquet")}
    second = _run([src], tmp_path / "out", cluster)
    assert (first.resumed, second.resumed, second.partitions) == (0, 2, 2)
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "out").rglob("*.parquet")} == files
    assert (second.records, second.articles) == (first.records, first.articles)


def test_partition_ids_are_stable_and_cover_every_record(
    tmp_path: Path, shards: type[Shards]
) -> None:
    src = shards.shard(tmp_path / "a.jsonl", [shards.article(n) for n in range(7)])
    one, two = plan([str(src)], Fields(), 3), plan([str(src)], Fields(), 3)
    assert one == two and one.records == 7
    assert [(p.first, p.stop) for p in one.partitions] == [(0, 3), (3, 6), (6, 7)]
    assert len({p.id for p in one.partitions}) == 3
    other = plan([str(src)], Fields(), 2)  # (6, 7) is the same range: the same id
    assert {p.id for p in one.partitions} & {p.id for p in other.partitions} == {
        one.partitions[-1].id
    }


def test_a_rerun_with_another_partition_size_is_refused(
    tmp_path: Path, cluster: Any, shards: type[Shards]
) -> None:
    src = shards.shard(tmp_path / "a.jsonl", [shards.article(n) for n in range(3)])
    _run([src], tmp_path / "out", cluster, size=2)
    with pytest.raises(ValueError, match="partition-size 2"):
        _run([src], tmp_path / "out", cluster, size=3)


def test_cli_batch_and_its_errors(tmp_path: Path, cluster: Any, shards: type[Shards]) -> None:
    src = shards.shard(tmp_path / "a.jsonl", [shards.article(n) for n in range(3)])
    out = tmp_path / "out"
    args = ["batch", str(src), "--out", str(out), "--scheduler", cluster.scheduler_address]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "dashboard: http" in result.stderr
    assert "3 records in 1 partitions" in result.stdout and "3 articles" in result.stdout
    for bad, message in [
        (["--workers", "0"], "--workers takes 1 or more"),
        (["--workers", "2", "--scheduler", "tcp://h:8786"], "with --scheduler"),
        (["--partition-size", "0"], "--partition-size takes 1 or more"),
    ]:
        result = CliRunner().invoke(app, [*args[:4], *bad])
        assert result.exit_code == 2 and message in result.stderr
        assert "Traceback" not in result.output
    result = CliRunner().invoke(app, ["batch", "-", "--out", str(out)])
    assert result.exit_code == 1 and result.stderr.strip().count("\n") == 0
    result = CliRunner().invoke(app, ["batch", str(src), "--out", str(src)])
    assert result.exit_code == 1 and "is a file, not a folder" in result.stderr


def test_failed_partitions_are_reported_and_a_rerun_retries_them(
    tmp_path: Path, cluster: Any, shards: type[Shards]
) -> None:
    src = shards.shard(tmp_path / "a.jsonl", [shards.article(n) for n in range(4)])
    out = tmp_path / "out"
    out.mkdir()
    (out / "documents").write_text("a file where a folder must go")  # every write fails
    report = _run([src], out, cluster, size=2)
    assert (report.partitions, report.failed, report.articles) == (2, 2, 0)
    assert report.error and "documents" in report.error
    args = ["batch", str(src), "--out", str(out), "--partition-size", "2"]
    result = CliRunner().invoke(app, [*args, "--scheduler", cluster.scheduler_address])
    assert result.exit_code == 1 and "2 partitions failed" in result.stderr
    assert "run the same command again" in result.stderr and "Traceback" not in result.output
    (out / "documents").unlink()
    again = _run([src], out, cluster, size=2)
    assert (again.failed, again.articles, again.error) == (0, 4, None)


def _html(text: str) -> str:
    return (
        '<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>خبر</title>'
        '<meta property="article:published_time" content="2019-05-06T08:00:00+03:00">'
        f"</head><body><article><h1>خبر</h1><p>{text}</p><p>{text}</p></article></body></html>"
    )


def test_html_pages_are_extracted_by_the_workers_and_deduplicated(
    tmp_path: Path, cluster: Any, shards: type[Shards]
) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    story = "أعلنت البلدية في 5 مايو 2019 افتتاح جسر جديد فوق النهر يربط الحيين الشرقي والغربي."
    other = "قررت وزارة التربية تأجيل الامتحانات الوطنية أسبوعا بسبب موجة الحر التي تضرب البلاد."
    (folder / "a.html").write_text(_html(story), encoding="utf-8")
    (folder / "b.html").write_text(_html(story), encoding="utf-8")  # the same story again
    (folder / "c.html").write_text(_html(other), encoding="utf-8")
    report = _run([folder], tmp_path / "out", cluster)
    got = shards.output(tmp_path / "out")
    assert (report.records, report.articles, report.duplicates) == (3, 2, 1)
    assert {r["origin"] for r in got["documents"]} == {f"{folder}/a.html", f"{folder}/c.html"}
    assert {r["published"] for r in got["documents"]} == {"2019-05-06"}
    assert "2019-05-05" in {r["date"] for r in got["events"]}
