"""``mahattat ingest OUT`` of a batch output of both corpora: wall time, peak memory, and
the store it builds against the one ``ingest`` built from the JSONL, table by table and
timeline by timeline.

Usage::

    .venv/bin/python bench/batch.py      # writes /tmp/mahattat-batch/workers-{1,2}
    .venv/bin/python bench/ingest.py     # writes /tmp/mahattat-bench.db
    .venv/bin/python bench/ingest_batch.py [--out /tmp/mahattat-batch/workers-2]
        [--against /tmp/mahattat-bench.db] [--db /tmp/mahattat-batch.db]

Rows are compared by ``doc_id`` (row ids aside) and origins by the corpus file's name
(the two runs may name it by another path). Writes ``results/ingest_batch.json``.
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from common import machine_info, peak_rss_mb, write_json
from rich.console import Console

from mahattat.ingest.run import ingest

TABLES = ("articles", "sentences", "timexes", "entities", "events", "rejects", "search")
TIMELINES = [
    ["الليرة التركية", "--from", "2018-08-01", "--to", "2018-08-31"],
    ["برانسون", "--from", "2018-07-01", "--to", "2018-10-31"],
    ["الاتفاق النووي", "--milestones", "--from", "2000", "--to", "2018"],
    ["الانتخابات", "--method", "busiest-days", "--from", "2017-01-01", "--to", "2018-12-31"],
]
MAHATTAT = [sys.executable, "-c", "from mahattat.cli import app; app()"]


def _origin(column: str) -> str:
    """The origin with its file named from ``corpora/`` on: the path prefix aside."""
    return f"substr({column}, instr({column}, 'corpora/'))"


def _select(table: str, db: str, con: sqlite3.Connection) -> str:
    names = [r[1] for r in con.execute(f"PRAGMA {db}.table_info({table})")]
    if table == "search":
        joined = f"{db}.search x JOIN {db}.articles a ON a.id = x.rowid"
        return f"SELECT a.doc_id, x.title, x.body FROM {joined}"
    if table == "rejects":
        return f"SELECT {_origin('origin')}, reason FROM {db}.rejects"
    if table == "articles":
        cols = [_origin("x.origin") if n == "origin" else f'x."{n}"' for n in names if n != "id"]
        return f"SELECT {', '.join(cols)} FROM {db}.articles x"
    cols = ", ".join(f'x."{n}"' for n in names if n != "article")
    return f"SELECT a.doc_id, {cols} FROM {db}.{table} x JOIN {db}.articles a ON a.id = x.article"


def compare(a: Path, b: Path) -> dict[str, dict[str, int]]:
    """Each table's rows, and how many are in one store only."""
    con = sqlite3.connect(a)
    con.execute("ATTACH ? AS b", (str(b),))
    out = {}
    for table in TABLES:
        one, two = _select(table, "main", con), _select(table, "b", con)
        n = con.execute(f"SELECT count(*) FROM ({one})").fetchone()[0]
        only_a = con.execute(f"SELECT count(*) FROM ({one} EXCEPT {two})").fetchone()[0]
        only_b = con.execute(f"SELECT count(*) FROM ({two} EXCEPT {one})").fetchone()[0]
        out[table] = {"rows": n, "only_ingest": only_a, "only_batch": only_b}
    con.close()
    return out


def timelines(a: Path, b: Path) -> list[dict[str, Any]]:
    out = []
    for args in TIMELINES:
        got = [
            subprocess.run(
                [*MAHATTAT, "timeline", *args, "--db", str(db), "--format", "json"],
                capture_output=True, text=True, check=True,
            ).stdout
            for db in (a, b)
        ]  # fmt: skip
        out.append({"query": " ".join(args), "identical": got[0] == got[1], "bytes": len(got[0])})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path("/tmp/mahattat-batch/workers-2"))
    ap.add_argument("--against", type=Path, default=Path("/tmp/mahattat-bench.db"))
    ap.add_argument("--db", type=Path, default=Path("/tmp/mahattat-batch.db"))
    args = ap.parse_args()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{args.db}{suffix}").unlink(missing_ok=True)
    t = time.perf_counter()
    report = ingest([args.out], args.db)
    wall = time.perf_counter() - t
    result = {
        "machine": machine_info(),
        "out": str(args.out),
        "wall_s": round(wall, 1),
        "records_per_s": round(report.read / wall),
        "records": report.read,
        "added": report.added,
        "already_stored": report.duplicates,
        "rejected": sum(report.bad.values()),
        "unfinished": report.unfinished,
        "peak_rss_mb": round(peak_rss_mb()),
        "store_mb": round(args.db.stat().st_size / 2**20),
        "against": str(args.against),
        "tables": compare(args.against, args.db),
        "timelines": timelines(args.against, args.db),
    }
    Console().print(result)
    write_json("ingest_batch.json", result)


if __name__ == "__main__":
    main()
