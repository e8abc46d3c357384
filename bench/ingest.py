"""Ingest of both corpora in ``../shared/corpora``: wall time, articles per second, store
size, peak memory, and a second run that must add nothing.

Usage::

    .venv/bin/python bench/ingest.py [--db /tmp/mahattat-bench.db] [--jobs 0]

Runs ``mahattat.ingest.run.ingest`` in this process on all cores (a fresh store; the old
file is removed), then again on the same input. Memory: the main process's peak RSS
plus the largest worker's peak times the number of workers (an upper bound: Linux keeps
only the largest child's high-water mark). Writes ``results/ingest.json``.
"""

from __future__ import annotations

import argparse
import os
import resource
import time
from pathlib import Path

from common import SHARED, machine_info, peak_rss_mb, write_json
from rich.console import Console

from mahattat.ingest.run import ingest
from mahattat.store import Store

CORPORA = [
    SHARED / "corpora" / "ant-multisource-2018.jsonl.gz",
    SHARED / "corpora" / "ant-jawharafm-2014-2017.jsonl.gz",
]
BAR_PER_S = 150
BAR_PEAK_MB = 2048


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=Path("/tmp/mahattat-bench.db"))
    ap.add_argument("--jobs", type=int, default=0)
    args = ap.parse_args()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{args.db}{suffix}").unlink(missing_ok=True)
    jobs = args.jobs or os.cpu_count() or 1
    t = time.perf_counter()
    first = ingest(CORPORA, args.db, jobs=jobs)
    wall = time.perf_counter() - t
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    peak = peak_rss_mb() + (child_mb * jobs if jobs > 1 else 0)
    t = time.perf_counter()
    second = ingest(CORPORA, args.db, jobs=jobs)
    rerun = time.perf_counter() - t
    with Store(args.db) as store:
        counts = store.counts()
    size_mb = sum(Path(f"{args.db}{s}").stat().st_size for s in ("",)) / 2**20
    result = {
        "machine": machine_info(),
        "jobs": jobs,
        "records": first.read,
        "added": first.added,
        "already_stored": first.duplicates,
        "rejected": dict(first.bad),
        "wall_s": wall,
        "records_per_s": first.read / wall,
        "articles_per_s": first.added / wall,
        "peak_mb_upper_bound": peak,
        "db_mb": size_mb,
        "rows": counts,
        "rerun_added": second.added,
        "rerun_wall_s": rerun,
    }
    _report(result)
    write_json("ingest.json", result)


def _report(r: dict) -> None:
    c = Console(highlight=False)
    speed = "PASS" if r["records_per_s"] >= BAR_PER_S else "FAIL"
    mem = "PASS" if r["peak_mb_upper_bound"] <= BAR_PEAK_MB else "FAIL"
    c.print(
        f"{r['records']} records in {r['wall_s']:.1f} s with {r['jobs']} processes: "
        f"{r['records_per_s']:.0f} records/s, {r['articles_per_s']:.0f} stored articles/s "
        f"(bar >= {BAR_PER_S}: {speed})"
    )
    c.print(
        f"added {r['added']}, already stored {r['already_stored']}, rejected {r['rejected']}"
    )
    c.print(f"store {r['db_mb']:.0f} MB; rows {r['rows']}")
    c.print(f"peak memory <= {r['peak_mb_upper_bound']:.0f} MB (bar <= {BAR_PEAK_MB}: {mem})")
    c.print(f"second run: {r['rerun_added']} added in {r['rerun_wall_s']:.1f} s")


if __name__ == "__main__":
    main()
