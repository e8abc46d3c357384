"""One partition's rows out to Parquet (the layout of ``schema``), safe to kill.

Every file is written under a temporary dot-name and renamed into place, so a task
killed half way leaves no half file under a real name (readers skip dot-files) and its
retry overwrites whatever the killed attempt had renamed already; the ``_done`` marker
is renamed in last, so a partition with a marker is complete.
"""

from __future__ import annotations

import json
import os
import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..io.records import BadRecord
from ..store import ArticleRows
from . import schema


def columns(rows: Sequence[ArticleRows]) -> dict[str, list[dict[str, object]]]:
    """The rows of each article table, as ``schema`` names their columns."""
    out: dict[str, list[dict[str, object]]] = {name: [] for name in schema.ARTICLE_TABLES}
    for a in rows:
        out["documents"].append(_document(a))
        out["timexes"] += [_named(schema.TIMEXES, a.doc_id, t) for t in a.timexes]
        out["entities"] += [_named(schema.ENTITIES, a.doc_id, e) for e in a.entities]
        out["events"] += [_event(a.doc_id, e) for e in a.events]
    return out


def _document(a: ArticleRows) -> dict[str, object]:
    row = {name: getattr(a, name) for name in schema.DOCUMENTS.names if name != "sentences"}
    row["sentences"] = [{"start": s, "end": e} for s, e in a.sentences]
    return row


def _named(table: pa.Schema, doc_id: str, values: tuple[object, ...]) -> dict[str, object]:
    return dict(zip(table.names, (doc_id, *values), strict=True))


def _event(doc_id: str, values: tuple[object, ...]) -> dict[str, object]:
    row = _named(schema.EVENTS, doc_id, values)
    row["negated"], row["future"] = bool(row["negated"]), bool(row["future"])  # 0/1 in rows
    return row


def write_partition(
    out: Path,
    pid: str,
    rows: Sequence[ArticleRows],
    rejects: Sequence[BadRecord],
    counts: dict[str, int],
) -> None:
    """Write partition ``pid``: its article tables by month, its rejects, then its marker."""
    by_month: dict[str, list[ArticleRows]] = defaultdict(list)
    for a in rows:
        by_month[schema.month_of(a.published)].append(a)
    for month, articles in sorted(by_month.items()):
        for name, table_rows in columns(articles).items():
            if table_rows:
                folder = out / name / f"{schema.MONTH}={month}"
                _write(folder, pid, pa.Table.from_pylist(table_rows, schema.TABLES[name]))
    if rejects:
        table = [{"origin": b.origin, "reason": b.reason} for b in rejects]
        _write(out / "rejects", pid, pa.Table.from_pylist(table, schema.REJECTS))
    marker = out / schema.DONE / f"{pid}.json"
    _atomic(marker, lambda tmp: tmp.write_text(json.dumps(counts, sort_keys=True)))


def done(out: Path, pid: str) -> dict[str, int] | None:
    """The counts of partition ``pid`` if it is complete."""
    try:
        counts: dict[str, int] = json.loads((out / schema.DONE / f"{pid}.json").read_text())
    except FileNotFoundError:
        return None
    return counts


def _write(folder: Path, pid: str, table: pa.Table) -> None:
    _atomic(folder / f"part-{pid}.parquet", lambda tmp: pq.write_table(table, tmp))


def _atomic(path: Path, write: Callable[[Path], object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")  # unique: never shared
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def settle(out: Path, size: int) -> None:
    """Record the partition size of the batch at ``out``, or check it is the one used
    before: partitions of another size overlap those done, their rows would be twice."""
    path = out / schema.SETTINGS
    if path.exists():
        before = json.loads(path.read_text())["partition_size"]
        if before != size:
            raise ValueError(
                f"{out} was written with --partition-size {before}; use it again to resume, "
                "or another --out"
            )
        return
    _atomic(path, lambda tmp: tmp.write_text(json.dumps({"partition_size": size})))


def clean(out: Path) -> int:
    """Remove the temporary files of killed tasks; how many there were. Only between
    runs: a running batch's tasks write such files."""
    stale = list(out.glob("**/.*.tmp")) if out.is_dir() else []
    for tmp in stale:
        tmp.unlink(missing_ok=True)
    return len(stale)
