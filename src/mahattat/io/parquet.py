"""Parquet files as article records, for ``io.records.read`` (``ingest``, ``batch``).

Imported only when a ``.parquet`` file is read: pyarrow.parquet takes 0.14 s to load,
which no other input pays. The columns are named as in JSONL (``Fields``); a
date, or a timestamp of any unit and zone, is read as its ISO 8601 text, and a row is
checked as a JSONL record is. Rows are read a batch at a time, only the columns asked
for: a shard of a million articles never sits in memory whole.

Origins are ``path#row-N`` (the N-th row of the file, from 1). A file whose footer
cannot be read is one ``BadRecord``; a row group whose data is damaged gives one per row
it held (the footer says how many) and did not give, so every row is accounted for, and
the next row group is read on.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .records import BadRecord, Fields, Item, _from_mapping, _guard, said, source_name

BATCH_ROWS = 256  # rows decoded at a time: a few MB of news text
# A damaged row group claiming more rows than this is one BadRecord, not one per row: a
# damaged footer can claim billions.
MAX_LISTED = 100_000
_FEWER = "damaged Parquet data (fewer rows than its footer says)"
# Anything pyarrow raises on a damaged file or page (ArrowException covers its own kinds).
_ERRORS = (pa.ArrowException, OSError, ValueError, UnicodeDecodeError, IndexError)


def read_parquet(path: Path, fields: Fields) -> Iterator[Item]:
    """Each row of the Parquet file PATH as a ``RawArticle`` or a ``BadRecord``."""
    name = source_name(path)
    opened = _open(path, name)
    if isinstance(opened, BadRecord):
        yield opened
        return
    with opened:
        columns = _columns(opened.schema_arrow.names, fields)
        if isinstance(columns, str):  # every row would be bad: say it once
            yield BadRecord(name, columns)
            return
        row, meta = 1, opened.metadata
        for group in range(opened.num_row_groups):
            size = max(meta.row_group(group).num_rows, 0)
            row = yield from _group(opened, group, columns, fields, name, row, size)
        # the file's own count: a row group whose count is damaged hid some of them
        yield from _unread(name, row, meta.num_rows + 1, _FEWER)


def count_rows(path: Path) -> int:
    """Rows in the file by its footer (1 when it cannot be read: one ``BadRecord``)."""
    try:
        with pq.ParquetFile(path) as file:
            return max(file.metadata.num_rows, 1)
    except _ERRORS:
        return 1


def _open(path: Path, name: str) -> pq.ParquetFile | BadRecord:
    try:
        file = pq.ParquetFile(path)
    except OSError as e:
        if not isinstance(e, pa.ArrowException) and e.strerror:  # the disk, not the file
            return BadRecord(name, f"cannot read: {e.strerror}")
        return BadRecord(name, f"not a Parquet file ({said(e)})")
    except _ERRORS as e:
        return BadRecord(name, f"not a Parquet file ({said(e)})")
    try:
        file.schema_arrow.names  # noqa: B018  # a footer may hold a schema Arrow cannot take
    except _ERRORS as e:
        file.close()
        return BadRecord(name, f"not a Parquet file ({said(e)})")
    return file


def _columns(names: list[str], fields: Fields) -> list[str] | str:
    """The columns to read, or why no row can be an article."""
    wanted = (fields.text, fields.published, fields.id, fields.title, fields.source, fields.url)
    missing = [f for f in (fields.text, fields.published) if f not in names]
    if fields.published_default is not None and fields.published in missing:
        missing.remove(fields.published)  # every row takes the default
    if missing:
        return f"no column {', '.join(missing)} in the Parquet schema"
    return sorted({f for f in wanted if f in names}, key=wanted.index)


def _group(
    file: pq.ParquetFile,
    group: int,
    columns: list[str],
    fields: Fields,
    name: str,
    first: int,
    size: int,
) -> Generator[Item, None, int]:
    """The rows of one row group, then a bad record for each row the footer gives it that
    its data did not (damaged: cut off, or shorter than said); the next row's number."""
    row, end = first, first + size
    # use_threads=False: pyarrow 24 can abort the process (a C++ terminate) when a damaged
    # row group is read again on its thread pool; one thread a reader is also what a
    # batch worker wants.
    batches = file.iter_batches(BATCH_ROWS, row_groups=[group], columns=columns, use_threads=False)
    reason = _FEWER
    try:
        for batch in batches:
            for record in _records(batch):
                origin = f"{name}#row-{row}"
                if isinstance(record, str):
                    yield BadRecord(origin, record)
                else:
                    yield _guard(origin, partial(_from_mapping, record, fields, origin))
                row += 1
    except _ERRORS as e:
        reason = f"damaged Parquet data ({said(e)})"
    yield from _unread(name, row, end, reason)
    return max(row, end)


def _unread(name: str, row: int, end: int, reason: str) -> Iterator[BadRecord]:
    if end - row > MAX_LISTED:
        yield BadRecord(f"{name}#row-{row}", f"{reason}; rows {row} to {end - 1} unread")
        return
    for n in range(row, end):
        yield BadRecord(f"{name}#row-{n}", reason)


def _records(batch: pa.RecordBatch) -> list[dict[str, Any] | str]:
    """The batch's rows as dicts of Python values; a row that cannot be decoded (bad
    UTF-8 in a string column) is the reason it cannot."""
    batch = _dates_as_text(batch)
    try:
        return list(batch.to_pylist())
    except (UnicodeDecodeError, pa.ArrowException):
        return [_record(batch, n) for n in range(batch.num_rows)]


def _record(batch: pa.RecordBatch, n: int) -> dict[str, Any] | str:
    record = {}
    for name, column in zip(batch.schema.names, batch.columns, strict=True):
        try:
            record[name] = column[n].as_py()
        except (UnicodeDecodeError, pa.ArrowException):
            return f"not UTF-8 (column {name})"
    return record


def _dates_as_text(batch: pa.RecordBatch) -> pa.RecordBatch:
    """Dates and timestamps as ISO 8601 text, as a JSONL record gives them: a timestamp in
    nanoseconds has no ``datetime``, and the text keeps its zone."""
    columns = [
        column.cast(pa.string()) if _is_date(column.type) else column for column in batch.columns
    ]
    return pa.RecordBatch.from_arrays(columns, names=batch.schema.names)


def _is_date(kind: pa.DataType) -> bool:
    return bool(pa.types.is_date(kind) or pa.types.is_timestamp(kind))
