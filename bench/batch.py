"""``mahattat batch`` on both corpora in ``../shared/corpora``: wall time with 1 and 2
local workers in one run (bar: 2 workers >= 1.7x faster), peak memory, the two outputs
compared table by table, and a row-for-row check against ``mahattat extract --jsonl``.

Usage::

    .venv/bin/python bench/batch.py [--out /tmp/mahattat-batch] [--workers 1,2]
        [--size 2000] [--sample 400]

Each run is ``mahattat.batch.run.batch`` into a fresh folder on a LocalCluster of N
worker processes (one thread each), timed as a user meets it: reading and planning,
cluster start, extraction, Parquet. Memory: the largest sum of the resident sets of
this process and all its descendants (scheduler, nannies, workers), sampled every
0.25 s. The check against ``extract --jsonl`` takes ``--sample`` documents spread over
both corpora, runs ``extract --jsonl`` on them in a subprocess and compares their
timexes, entities and events with the batch's rows. Writes ``results/batch.json``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psutil
import pyarrow.compute as pc
import pyarrow.dataset as ds
from common import SHARED, machine_info, write_json
from rich.console import Console

from mahattat.batch import schema
from mahattat.batch.check import comparable, extract_rows
from mahattat.batch.run import batch
from mahattat.io.records import RawArticle, read

CORPORA = [
    SHARED / "corpora" / "ant-multisource-2018.jsonl.gz",
    SHARED / "corpora" / "ant-jawharafm-2014-2017.jsonl.gz",
]
BAR_SPEEDUP = 1.7
KEYS = {"documents": ["doc_id"], "timexes": ["doc_id", "tid"], "entities": ["doc_id", "eid"],
        "events": ["doc_id", "evid"], "rejects": ["origin", "reason"]}  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path("/tmp/mahattat-batch"))
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--size", type=int, default=2000)
    ap.add_argument("--sample", type=int, default=400)
    ap.add_argument("--corpus", type=Path, action="append", help="instead of both corpora")
    args = ap.parse_args()
    corpora = args.corpus or CORPORA
    result: dict[str, Any] = {"machine": machine_info(), "partition_size": args.size}
    result |= {"corpora": [p.name for p in corpora], "runs": {}}
    outs = {}
    for n in [int(w) for w in args.workers.split(",")]:
        outs[n] = args.out / f"workers-{n}"
        result["runs"][str(n)] = _timed_run(outs[n], corpora, n, args.size)
        Console().print(f"{n} worker(s): {result['runs'][str(n)]}")
    first, *others = outs.values()
    result["outputs_identical"] = all(_same(first, o) for o in others)
    result["extract_jsonl"] = _against_extract(first, corpora, args.sample)
    result["machine_end"] = machine_info()
    runs = result["runs"]
    if "1" in runs and "2" in runs:
        result["speedup_2_vs_1"] = runs["1"]["wall_s"] / runs["2"]["wall_s"]
    _report(result)
    if not args.corpus:  # a run on other input is a try-out, not the bench
        write_json("batch.json", result)


def _timed_run(out: Path, corpora: list[Path], workers: int, size: int) -> dict[str, Any]:
    shutil.rmtree(out, ignore_errors=True)
    peak = _Peak()
    peak.start()
    t = time.perf_counter()
    report = batch([str(p) for p in corpora], out, workers=workers, size=size, say=print)
    wall = time.perf_counter() - t
    peak.stop()
    rows = {name: ds.dataset(out / name, format="parquet").count_rows() for name in KEYS}
    return {
        "wall_s": round(wall, 1),
        "records": report.records,
        "articles": report.articles,
        "duplicates": report.duplicates,
        "rejected": report.rejected,
        "partitions": report.partitions,
        "records_per_s": round(report.records / wall, 1),
        "peak_mb_all_processes": round(peak.mb, 1),
        "rows": rows,
        "parquet_mb": round(sum(f.stat().st_size for f in out.rglob("*.parquet")) / 2**20, 1),
    }


class _Peak(threading.Thread):
    """The largest total RSS of this process and its descendants while it runs."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.mb = 0.0
        self._halt = threading.Event()

    def run(self) -> None:
        me = psutil.Process()
        while not self._halt.wait(0.25):
            total = 0
            for p in [me, *me.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):  # ended meanwhile
                    total += p.memory_info().rss
            self.mb = max(self.mb, total / 2**20)

    def stop(self) -> None:
        self._halt.set()
        self.join()


def _same(a: Path, b: Path) -> bool:
    """The same rows in every table (order aside)."""
    for name, keys in KEYS.items():
        ta, tb = (ds.dataset(x / name, format="parquet").to_table() for x in (a, b))
        if not ta.sort_by([(k, "ascending") for k in keys]).equals(
            tb.sort_by([(k, "ascending") for k in keys])
        ):
            return False
    return True


def _against_extract(out: Path, corpora: list[Path], sample: int) -> dict[str, Any]:
    """``extract --jsonl`` on ``sample`` documents of the batch, compared row for row."""
    docs = ds.dataset(out / "documents", format="parquet").to_table(columns=["doc_id", "origin"])
    ids, origins = docs.column("doc_id").to_pylist(), docs.column("origin").to_pylist()
    kept = set(zip(ids, origins, strict=True))  # not the duplicates the batch dropped
    records = [r for r in read(corpora) if isinstance(r, RawArticle)]
    picked = _spread([r for r in records if (r.id, r.origin) in kept])
    picked = picked[:: max(1, len(picked) // sample)][:sample]
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "sample.jsonl"  # corpus text: in /tmp only, never in the repo
        lines = [{"id": r.id, "published": r.published, "title": r.title, "text": r.text}
                 for r in picked]  # fmt: skip
        src.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines))
        cmd = [sys.executable, "-c", "from mahattat.cli import app; app()"]
        run = subprocess.run(
            [*cmd, "extract", "--jsonl", "--jobs", "2", str(src)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
    wanted = [r.id for r in picked]
    extracted = [json.loads(line) for line in run.stdout.splitlines()]
    result: dict[str, Any] = {"documents": len(extracted)}
    for table in ("timexes", "entities", "events"):
        found = ds.dataset(out / table, format="parquet", partitioning="hive")
        mine = found.to_table(filter=pc.field("doc_id").isin(wanted)).to_pylist()
        theirs = [r for d in extracted for r in extract_rows(d, d["id"])[table]]
        a, b = comparable(mine, table), comparable(theirs, table)
        result[table] = {"rows": len(b), "identical": a == b}
    return result


def _spread(records: list[RawArticle]) -> list[RawArticle]:
    return sorted(records, key=lambda r: (schema.month_of(r.published), r.origin))


def _report(r: dict[str, Any]) -> None:
    c = Console(highlight=False)
    for n, run in r["runs"].items():
        c.print(
            f"{n} worker(s): {run['records']} records in {run['wall_s']} s "
            f"({run['records_per_s']}/s), peak {run['peak_mb_all_processes']} MB"
        )
    if "speedup_2_vs_1" in r:
        ok = "PASS" if r["speedup_2_vs_1"] >= BAR_SPEEDUP else "FAIL"
        c.print(f"2 workers vs 1: {r['speedup_2_vs_1']:.2f}x (bar {BAR_SPEEDUP}x) {ok}")
    c.print(f"outputs of every run identical: {r['outputs_identical']}")
    c.print(f"extract --jsonl on a sample: {r['extract_jsonl']}")


if __name__ == "__main__":
    main()
