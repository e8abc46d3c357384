"""Reading a batch's output back, and the rows ``mahattat extract --jsonl`` gives for the
same articles in the same columns: how the bench and the tests check a batch."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow.dataset as ds

from . import schema

Row = dict[str, Any]


def read_tables(out: Path) -> dict[str, list[Row]]:
    """Every row of each table of the batch at ``out`` (``month`` from the directory)."""
    tables: dict[str, list[Row]] = {}
    for name in schema.TABLES:
        folder = out / name
        hive = "hive" if name in schema.ARTICLE_TABLES else None
        found = ds.dataset(folder, format="parquet", partitioning=hive) if folder.is_dir() else None
        tables[name] = found.to_table().to_pylist() if found is not None else []
    return tables


# extract's JSON names -> schema's columns (the rest of each table is named alike)
_RENAMES = {"timexes": {"id": "tid"}, "entities": {"id": "eid"}, "events": {"id": "evid"}}


def extract_rows(doc: Row, doc_id: str) -> dict[str, list[Row]]:
    """The timexes, entities and events of one ``extract --jsonl`` document as rows of the
    batch's tables (without the ``sentence`` of a timex, which extract does not give)."""
    out: dict[str, list[Row]] = {}
    for table, renames in _RENAMES.items():
        columns = [c for c in schema.TABLES[table].names if c not in ("doc_id", "sentence")]
        out[table] = [
            {"doc_id": doc_id} | {c: item[_json_name(c, renames)] for c in columns}
            for item in doc[table]
        ]
    return out


def _json_name(column: str, renames: dict[str, str]) -> str:
    return next((k for k, v in renames.items() if v == column), column)


def comparable(rows: list[Row], table: str) -> list[Row]:
    """Batch rows with only the columns ``extract_rows`` gives, in a stable order."""
    drop = {"sentence", "month"}
    kept = [{k: v for k, v in r.items() if k not in drop} for r in rows]
    return sorted(kept, key=lambda r: (r["doc_id"], r[schema.TABLES[table].names[1]]))
