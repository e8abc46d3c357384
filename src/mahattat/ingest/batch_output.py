"""``mahattat ingest DIR`` of what ``mahattat batch`` wrote: its Parquet rows into the store
as they are, without extracting again (the layout is ``batch.schema``'s).

Only partitions with a ``_done`` marker are read: the files of one without are those of
a batch still running or killed, and a re-run of the batch completes them. Each
partition's articles go in with one ``Store.add``, in input order (partitions by their
first record, articles by their line), so the store matches one that ``ingest`` built
from the same input: same rows, same duplicates and rejects, the same counts reported
(the marker says how many records the batch read and how many were duplicates).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..batch import schema
from ..io.records import BadRecord, count, is_batch_output, said, source_name
from ..store import ArticleRows, Store
from .run import Report

# How an origin ends: the line of a JSONL/CSV file, the record of a WARC, the row of a
# Parquet file; the number orders the articles of a partition as the input had them.
_ORIGIN = re.compile(r"(.*?)(?::(\d+)|#(?:record|row)-(\d+))?", re.DOTALL)
_PART = re.compile(r"part-(.+)\.parquet")
_Key = tuple[str, int]


@dataclass(frozen=True, slots=True)
class Partition:
    id: str
    counts: dict[str, int]  # the marker's: records, articles, duplicates, rejected


def count_records(paths: Iterable[str | Path]) -> int | None:
    """``io.records.count``, with a batch output counted by its markers' records."""
    total = 0
    for path in paths:
        if not is_batch_output(Path(path)):
            n = count([path])
        else:
            n = sum(part.counts.get("records", 0) for part in _done(Path(path)))
        if n is None:
            return None
        total += n
    return total


def ingest_output(
    root: Path,
    store: Store,
    report: Report,
    on_record: Callable[[int], None] | None = None,
) -> None:
    """Add the done partitions of the batch output ROOT to STORE, counting in REPORT."""
    parts = _done(root)
    report.unfinished += len(_written(root) - {part.id for part in parts})
    for part in sorted(parts, key=lambda p: _first(root, p.id)):
        report.read += part.counts.get("records", 0)
        report.duplicates += part.counts.get("duplicates", 0)  # dropped by the batch
        got = _partition(root, part.id)
        if isinstance(got, BadRecord):
            report.reject(got)
            store.add([], [(got.origin, got.reason)])
        else:
            articles, rejects = got
            for bad in rejects:
                report.reject(bad)
            report.stored(store.add(articles, [(b.origin, b.reason) for b in rejects]))
        if on_record:
            on_record(part.counts.get("records", 0))


def _done(root: Path) -> list[Partition]:
    parts = []
    for marker in sorted((root / schema.DONE).glob("*.json")):
        try:
            counts = json.loads(marker.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue  # not a marker the batch wrote (it writes them whole, atomically)
        if isinstance(counts, dict):
            parts.append(Partition(marker.stem, counts))
    return parts


def _written(root: Path) -> set[str]:
    """The ids of partitions with any file (dot-files are a writer's temporary ones)."""
    files = [*root.glob("*/*/part-*.parquet"), *root.glob("rejects/part-*.parquet")]
    return {m[1] for f in files if (m := _PART.fullmatch(f.name))}


def _files(root: Path, table: str, pid: str) -> list[Path]:
    if table == "rejects":
        found = root / table / f"part-{pid}.parquet"
        return [found] if found.is_file() else []
    return sorted((root / table).glob(f"{schema.MONTH}=*/part-{pid}.parquet"))


def _key(origin: str) -> _Key:
    m = _ORIGIN.fullmatch(origin)
    assert m is not None  # every string matches: the suffix is optional
    number = m[2] or m[3]
    return (m[1], int(number)) if number else (origin, 0)


def _first(root: Path, pid: str) -> _Key:
    """Where partition PID starts in the input: the least origin of its rows."""
    keys = [
        _key(origin)
        for table in ("documents", "rejects")
        for file in _files(root, table, pid)
        for origin in _column(file, "origin")
    ]
    return min(keys, default=("", 0))


def _column(file: Path, name: str) -> list[Any]:
    try:
        return pq.ParquetFile(file).read(columns=[name], use_threads=False).column(name).to_pylist()
    except (pa.ArrowException, OSError, KeyError, ValueError):
        return []  # reported when the partition is read


def _partition(root: Path, pid: str) -> tuple[list[ArticleRows], list[BadRecord]] | BadRecord:
    """The partition's articles in input order and its rejects; a ``BadRecord`` naming the
    file when one cannot be read."""
    tables: dict[str, list[dict[str, Any]]] = {}
    for table, columns in schema.TABLES.items():
        tables[table] = []
        for file in _files(root, table, pid):
            try:
                # one thread: see io.parquet (pyarrow can abort on a damaged file otherwise)
                read = pq.ParquetFile(file).read(columns=columns.names, use_threads=False)
                tables[table] += read.to_pylist()
            except (pa.ArrowException, OSError, KeyError, ValueError) as e:
                return _damaged(file, pid, e)
    try:
        articles = sorted(_articles(tables), key=lambda a: _key(a.origin))
    except (KeyError, TypeError) as e:  # nulls where the schema has none: not our writer's
        return _damaged(root / "documents", pid, e)
    rejects = [BadRecord(r["origin"], r["reason"]) for r in tables["rejects"]]
    return articles, rejects


def _damaged(file: Path, pid: str, e: Exception) -> BadRecord:
    reason = f"damaged batch output, partition {pid} not stored ({said(e)})"
    return BadRecord(source_name(file), reason)


def _articles(tables: dict[str, list[dict[str, Any]]]) -> Iterator[ArticleRows]:
    rows: dict[str, dict[str, list[tuple[object, ...]]]] = defaultdict(lambda: defaultdict(list))
    for table in ("timexes", "entities", "events"):
        names = schema.TABLES[table].names[1:]  # without doc_id: as ArticleRows holds them
        for row in tables[table]:
            values = [_stored(row[name]) for name in names]
            rows[row["doc_id"]][table].append(tuple(values))
    for doc in tables["documents"]:
        found = rows[doc["doc_id"]]
        yield ArticleRows(
            **{name: doc[name] for name in schema.DOCUMENTS.names if name != "sentences"},
            sentences=tuple((s["start"], s["end"]) for s in doc["sentences"]),
            timexes=tuple(found["timexes"]),
            entities=tuple(found["entities"]),
            events=tuple(found["events"]),
        )


def _stored(value: object) -> object:
    return int(value) if isinstance(value, bool) else value  # negated, future: 0/1 rows
