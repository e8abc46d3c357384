"""``mahattat batch`` when things die: a worker killed during a run, a whole batch killed
(driver, cluster and all) and run again. Either way: every row once, none lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mahattat.batch.run import batch

if TYPE_CHECKING:
    from conftest import Shards

TABLES = ("documents", "timexes", "entities", "events")


def _markers(out: Path) -> int:
    return len(list((out / "_done").glob("*.json"))) if (out / "_done").is_dir() else 0


def _wait(until: Any, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not until():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def _complete(out: Path, paths: list[Path], shards: type[Shards]) -> None:
    got, want = shards.output(out), shards.expected(paths)
    for table in TABLES:
        assert shards.rows_of(got[table]) == shards.rows_of(want[table]), table


def test_a_worker_killed_during_a_run_loses_nothing(
    tmp_path: Path, cluster: Any, shards: type[Shards]
) -> None:
    from dask.distributed import Client

    src = shards.shard(tmp_path / "a.jsonl", [shards.article(n) for n in range(160)])
    out = tmp_path / "out"
    killed: list[tuple[int, int]] = []  # (pid, partitions done when it was killed)

    def kill_a_busy_worker() -> None:
        with Client(cluster.scheduler_address) as client:
            _wait(lambda: _markers(out) >= 3)
            busy = [w for w, keys in client.processing().items() if keys]
            pid = client.run(os.getpid, workers=busy[:1])[busy[0]]
            os.kill(pid, signal.SIGKILL)
            killed.append((pid, _markers(out)))

    killer = threading.Thread(target=kill_a_busy_worker)
    killer.start()
    report = batch([str(src)], out, scheduler=cluster.scheduler_address, size=4, say=print)
    killer.join()
    assert killed and killed[0][1] < report.partitions == 40  # killed mid-run
    with Client(cluster.scheduler_address) as c:
        assert killed[0][0] not in c.run(os.getpid).values()
    assert (report.records, report.articles) == (160, 160)
    _complete(out, [src], shards)


def test_a_batch_killed_then_run_again_resumes(
    tmp_path: Path, cluster: Any, shards: type[Shards]
) -> None:
    src = shards.shard(tmp_path / "a.jsonl", [shards.article(n) for n in range(160)])
    out = tmp_path / "out"
    cmd = [sys.executable, "-c", "from mahattat.cli import app; app()", "batch", str(src)]
    cmd += ["--out", str(out), "--workers", "2", "--partition-size", "4"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen(
        cmd, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        _wait(lambda: _markers(out) >= 3 or proc.poll() is not None)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the driver, its scheduler and its workers
    proc.wait()
    _wait(lambda: not _group(proc.pid), 30)
    done_before = _markers(out)
    assert 3 <= done_before < 40
    stale = out / "documents" / ".part-x.parquet.0123.tmp"  # what a killed write leaves
    stale.parent.mkdir(parents=True, exist_ok=True)
    stale.write_bytes(b"PAR1 cut off")
    report = batch([str(src)], out, scheduler=cluster.scheduler_address, size=4, say=print)
    assert (report.partitions, report.resumed) == (40, done_before)
    assert (report.records, report.articles) == (160, 160)
    assert not stale.exists()
    _complete(out, [src], shards)


def test_a_file_left_by_a_killed_task_is_overwritten(
    tmp_path: Path, cluster: Any, shards: type[Shards]
) -> None:
    src = shards.shard(tmp_path / "a.jsonl", [shards.article(n) for n in range(8)])
    out = tmp_path / "out"
    batch([str(src)], out, scheduler=cluster.scheduler_address, size=4, say=print)
    marker = sorted((out / "_done").glob("*.json"))[0]
    part = next((out / "documents").glob(f"*/part-{marker.stem}.parquet"))
    marker.unlink()  # as if the task had died after this file, before its marker
    part.write_bytes(b"PAR1 not a whole file")
    report = batch([str(src)], out, scheduler=cluster.scheduler_address, size=4, say=print)
    assert (report.partitions, report.resumed) == (2, 1)
    _complete(out, [src], shards)


def _group(pgid: int) -> list[int]:
    """The live processes of process group ``pgid``."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found
