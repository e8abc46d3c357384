"""``mahattat batch``: partitions (``partitions``) as Dask tasks, each writing its Parquet
files (``write``), on a LocalCluster or an existing scheduler.

A partition is one task: it reads its record range, runs ``ingest.run`` on each article
and writes its files, marker last. Tasks are idempotent (a partition with a marker
returns its counts), so Dask may run one again: after an exception (``RETRIES``) or
when the worker running it dies (the scheduler hands its tasks to the others).
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from ..ingest.run import _one
from ..io.records import BadRecord, Fields, Page, RawArticle, read
from ..store import ArticleRows, content_hash
from .partitions import SIZE, Partition, plan
from .write import clean, done, settle, write_partition

if TYPE_CHECKING:
    from dask.distributed import Client

RETRIES = 3  # an exception in a task (a full disk, a lost file system) is tried again


@dataclass(frozen=True, slots=True)
class Report:
    partitions: int
    resumed: int  # partitions complete before this run, skipped
    records: int
    articles: int
    duplicates: int
    rejected: int
    seconds: float
    failed: int = 0  # partitions without a marker at the end (their records not counted)
    error: str | None = None  # why the first of them failed

    def summary(self, out: Path) -> str:
        rate = self.records / self.seconds if self.seconds else 0.0
        return (
            f"{self.records} records in {self.partitions} partitions "
            f"({self.resumed} done before) in {self.seconds:.1f} s ({rate:.0f}/s): "
            f"{self.articles} articles, {self.duplicates} duplicates, "
            f"{self.rejected} rejected -> {out}"
        )


def run_partition(part: Partition, out: str, fields: Fields) -> dict[str, int]:
    """Extract and write one partition; its counts. Runs on a worker."""
    known = done(Path(out), part.id)
    if known is not None:  # a retry of a task that had finished
        return known
    good: list[ArticleRows] = []
    bad: list[BadRecord] = []
    dups, seen = set(part.duplicates), set[str]()
    records = islice(read([part.path], fields, pages=True), part.first, part.stop)
    for n, rec in enumerate(records, part.first):
        if n in dups:
            continue
        got = rec if isinstance(rec, BadRecord) else _rows(rec)
        if isinstance(got, BadRecord):
            bad.append(got)
        elif got.doc_id in seen or got.hash in seen:  # pages: their text is known only now
            dups.add(n)
        else:
            seen.update((got.doc_id, got.hash))
            good.append(got)
    counts = {
        "records": part.stop - part.first,
        "articles": len(good),
        "duplicates": len(dups),
        "rejected": len(bad),
    }
    write_partition(Path(out), part.id, good, bad, counts)
    return counts


def _rows(rec: RawArticle | Page) -> ArticleRows | BadRecord:
    if isinstance(rec, Page):
        return _one(rec, None, None)
    digest = content_hash(rec.text)
    return _one(rec, rec.id or digest, digest)


def batch(
    paths: list[str],
    out: Path,
    *,
    fields: Fields | None = None,
    workers: int = 0,
    scheduler: str | None = None,
    size: int = SIZE,
    say: Callable[[str], None] = print,
    on_done: Callable[[int, int], None] | None = None,
) -> Report:
    """Run the batch; ``say`` gets the dashboard address, ``on_done(n, total)`` the
    progress over the partitions to run."""
    from dask.distributed import as_completed

    started = time.perf_counter()
    fields = fields or Fields()
    cut = plan(paths, fields, size)
    settle(out, size)
    clean(out)
    todo = [p for p in cut.partitions if done(out, p.id) is None]
    todo.sort(key=lambda p: p.first - p.stop)  # big ones first: no worker idles at the end
    errors: list[str] = []
    if todo:
        with _client(workers, scheduler) as client:
            say(f"dashboard: {client.dashboard_link}")
            if on_done:
                on_done(0, len(todo))
            futures = client.map(
                run_partition,
                todo,
                out=str(out),
                fields=fields,
                key=[f"partition-{p.id}" for p in todo],
                retries=RETRIES,
            )
            for n, future in enumerate(as_completed(futures), 1):
                if future.status == "error":  # after its retries, or a worker lost 3 times
                    e = future.exception()
                    first_line = (str(e).splitlines() or [""])[0]
                    errors.append(f"{future.key}: {type(e).__name__}: {first_line}")
                if on_done:
                    on_done(n, len(todo))
    report = _report(out, cut.partitions, len(cut.partitions) - len(todo), started)
    return replace(report, error=errors[0] if errors else None)


def _report(out: Path, parts: tuple[Partition, ...], resumed: int, started: float) -> Report:
    totals = {"records": 0, "articles": 0, "duplicates": 0, "rejected": 0}
    missing = 0
    for p in parts:
        counts = done(out, p.id)
        missing += counts is None
        for k in totals:
            totals[k] += (counts or {}).get(k, 0)
    seconds = time.perf_counter() - started
    t = totals
    return Report(
        len(parts),
        resumed,
        t["records"],
        t["articles"],
        t["duplicates"],
        t["rejected"],
        seconds,
        failed=missing,
    )


@contextlib.contextmanager
def _client(workers: int, scheduler: str | None) -> Iterator[Client]:
    """A client of ``scheduler``, or of a LocalCluster of ``workers`` processes (0: one per
    core) with one thread each: the pipeline is pure Python, threads would share the GIL."""
    from dask.distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    n = workers or os.cpu_count() or 1
    with (
        LocalCluster(n_workers=n, threads_per_worker=1, processes=True) as cluster,
        Client(cluster) as client,
    ):
        yield client
