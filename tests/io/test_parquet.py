"""Parquet as an input of ``io.records.read``: columns named as JSONL keys, dates of any
Arrow type, a row per article, bad rows and damaged files as ``BadRecord``s."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from mahattat.batch import schema
from mahattat.io.records import BadRecord, Fields, RawArticle, count, read

SENTENCE = "افتتحت البلدية حديقة عامة جديدة في وسط المدينة."
OTHER = "وصل الوفد الرياضي إلى العاصمة مساء أمس."


def _outcome(items: list) -> list[tuple[str, str]]:
    return [(i.origin, "ok" if isinstance(i, RawArticle) else i.reason) for i in items]


def _write(path: Path, columns: dict[str, pa.Array | list], **options: object) -> Path:
    pq.write_table(pa.table(columns), path, **options)  # type: ignore[arg-type]
    return path


def test_rows_give_all_fields_with_row_origins(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "a.parquet",
        {
            "id": ["n-1", "n-2", None],
            "text": [SENTENCE, OTHER, "   "],
            "published": ["2018-10-02T09:30:00+03:00", "2018-10-03", "2018-10-04"],
            "title": ["حديقة جديدة", None, None],
            "source": ["أخبار المدينة", "", None],
            "url": ["https://example.com/n-1", None, None],
            "category": ["محليات", None, None],
        },
    )
    first, second, third = read([path])
    assert first == RawArticle(
        text=SENTENCE,
        published="2018-10-02T09:30:00+03:00",
        origin=f"{path}#row-1",
        id="n-1",
        title="حديقة جديدة",
        source="أخبار المدينة",
        url="https://example.com/n-1",
    )
    assert second == RawArticle(OTHER, "2018-10-03", f"{path}#row-2", id="n-2")
    assert third == BadRecord(f"{path}#row-3", "no text")


def test_dates_and_timestamps_of_any_unit_are_read_as_iso_text(tmp_path: Path) -> None:
    riyadh = pa.timestamp("ms", tz="Asia/Riyadh")
    path = _write(
        tmp_path / "a.parquet",
        {
            "text": [SENTENCE] * 4,
            "date": pa.array([dt.date(2018, 10, 2), None, None, None], pa.date32()),
            "ns": pa.array([None, 1538472600000000001, None, None], pa.timestamp("ns", "UTC")),
            "local": pa.array([None, None, 1538472600001, None], riyadh),
        },
    )
    published = []
    for column in ("date", "ns", "local"):
        items = list(read([path], Fields(published=column)))
        published.append([i.published if isinstance(i, RawArticle) else i.reason for i in items])
    assert published == [
        ["2018-10-02", "no publication date", "no publication date", "no publication date"],
        ["no publication date", "2018-10-02 09:30:00.000000001Z", "no publication date",
         "no publication date"],
        ["no publication date", "no publication date", "2018-10-02 12:30:00.001+0300",
         "no publication date"],
    ]  # fmt: skip


def test_field_names_ids_and_a_default_date(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "a.parquet",
        {"body": [SENTENCE, OTHER], "nid": pa.array([7, None], pa.int64())},
    )
    fields = Fields(text="body", id="nid", published_default="2020-01-01")
    items = list(read([path], fields))
    assert [(i.id, i.published, i.assumed_date) for i in items] == [
        ("7", "2020-01-01", True),
        (None, "2020-01-01", True),
    ]
    assert _outcome(read([path], Fields(text="body"))) == [
        (str(path), "no column published in the Parquet schema")
    ]


def test_row_numbers_run_on_across_row_groups_and_batches(tmp_path: Path) -> None:
    n = 700  # three row groups of 300, 300 and 100; batches of 256 rows within each
    path = _write(
        tmp_path / "a.parquet",
        {"text": [f"{SENTENCE} {i}" for i in range(n)], "published": ["2018-10-02"] * n},
        row_group_size=300,
    )
    items = list(read([path]))
    assert [i.origin for i in items] == [f"{path}#row-{i}" for i in range(1, n + 1)]
    assert [i.text for i in items] == [f"{SENTENCE} {i}" for i in range(n)]  # type: ignore[union-attr]
    assert count([path]) == n


def test_bad_values_are_bad_rows(tmp_path: Path) -> None:
    raw = pa.array([b"ok", b"\xff\xfe", b"ok"], pa.binary())
    invalid = pa.Array.from_buffers(pa.string(), 3, raw.buffers())  # not valid UTF-8
    path = _write(
        tmp_path / "a.parquet",
        {
            "text": [SENTENCE, SENTENCE, "a\x00b"],
            "published": ["2018-10-02", "2018-10-02", "2018-10-02"],
            "title": invalid,
            "id": [[1], None, None],
        },
    )
    assert _outcome(read([path])) == [
        (f"{path}#row-1", "bad id: list"),
        (f"{path}#row-2", "not UTF-8 (column title)"),
        (f"{path}#row-3", "NUL character in text"),
    ]


def test_a_file_that_is_no_parquet_is_one_bad_record(tmp_path: Path) -> None:
    path = tmp_path / "a.parquet"
    path.write_bytes(b"PAR1 not really")
    (item,) = read([path])
    assert item.origin == str(path) and item.reason.startswith("not a Parquet file (")  # type: ignore[union-attr]
    assert count([path]) == 1


def test_a_damaged_row_group_gives_a_bad_record_for_each_of_its_rows(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "a.parquet",
        {"text": [f"{SENTENCE} {i}" for i in range(6)], "published": ["2018-10-02"] * 6},
        row_group_size=2,
        compression="none",
    )
    data = bytearray(path.read_bytes())
    meta = pq.ParquetFile(path).metadata.row_group(1).column(0)  # the second group's text
    start = meta.dictionary_page_offset or meta.data_page_offset
    data[start : start + meta.total_compressed_size] = b"\xff" * meta.total_compressed_size
    path.write_bytes(bytes(data))
    outcome = _outcome(read([path]))
    assert [origin for origin, _ in outcome] == [f"{path}#row-{i}" for i in range(1, 7)]
    reasons = [reason for _, reason in outcome]
    assert reasons[:2] == reasons[4:] == ["ok", "ok"]
    assert all(r.startswith("damaged Parquet data (") for r in reasons[2:4])


def test_a_folder_of_parquet_files_is_read_in_name_order(tmp_path: Path) -> None:
    for month, text in (("2018-11", OTHER), ("2018-10", SENTENCE)):
        folder = tmp_path / f"month={month}"
        folder.mkdir()
        _write(folder / "part-0.parquet", {"text": [text], "published": [f"{month}-01"]})
    (tmp_path / "notes.md").write_text("not read")
    items = list(read([tmp_path]))
    assert [i.text for i in items] == [SENTENCE, OTHER]  # type: ignore[union-attr]
    assert count([tmp_path]) == 2


@pytest.mark.parametrize("mark", [schema.SETTINGS, schema.DONE])
def test_a_batch_output_folder_is_not_read_as_input(tmp_path: Path, mark: str) -> None:
    """Not even one killed before its first partition was done (only its settings)."""
    folder = tmp_path / "documents" / "month=2018-10"
    folder.mkdir(parents=True)
    _write(folder / "part-1.parquet", {"text": [SENTENCE], "published": ["2018-10-02"]})
    if mark == schema.DONE:
        (tmp_path / mark).mkdir()
    else:
        (tmp_path / mark).write_text('{"partition_size": 2000}')
    assert _outcome(read([tmp_path])) == [
        (str(tmp_path), "a batch output, already extracted: mahattat ingest stores it as it is")
    ]
    assert count([tmp_path]) == 1


def test_pyarrow_is_imported_only_when_a_parquet_file_is_read(tmp_path: Path) -> None:
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text('{"text": "نص", "published": "2018-10-02"}\n', encoding="utf-8")
    parquet = _write(tmp_path / "a.parquet", {"text": ["نص"], "published": ["2018-10-02"]})
    probe = (
        "import sys\nfrom mahattat.io.records import read, count\n"
        "list(read(sys.argv[1:])); count(sys.argv[1:])\nprint('pyarrow' in sys.modules)"
    )
    loaded = [
        subprocess.run(
            [sys.executable, "-c", probe, str(path)], capture_output=True, text=True, check=True
        ).stdout.strip()
        for path in (jsonl, parquet)
    ]
    assert loaded == ["False", "True"]
