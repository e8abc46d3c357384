"""``io.parallel.ordered_map``: results in input order, a bounded read-ahead, and workers
that end with their parent."""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from mahattat.io.parallel import batched, ordered_map

if TYPE_CHECKING:
    from conftest import Processes


def test_results_come_in_input_order_from_several_processes() -> None:
    tasks = [str(n) for n in range(60)]
    assert list(ordered_map(int, tasks, jobs=2)) == [(t, int(t)) for t in tasks]


def test_one_job_runs_in_this_process_and_reads_lazily() -> None:
    read: list[int] = []

    def tasks() -> Iterator[int]:
        for n in range(5):
            read.append(n)
            yield n

    results = ordered_map(lambda n: n * 2, tasks(), jobs=1)  # a lambda: no pickling here
    assert next(results) == (0, 0) and read == [0]
    assert list(results) == [(n, n * 2) for n in range(1, 5)]


def test_reading_ahead_is_bounded() -> None:
    read: list[int] = []

    def tasks() -> Iterator[int]:
        for n in range(100):
            read.append(n)
            yield n

    results = ordered_map(abs, tasks(), jobs=2, in_flight=3)
    assert next(results) == (0, 0)
    assert len(read) == 2 * 3  # jobs * in_flight, not the whole input
    results.close()  # stops the workers; the rest is never read
    assert len(read) == 6


def test_an_exception_in_a_worker_reaches_the_caller() -> None:
    with pytest.raises(ValueError, match="invalid literal"):
        list(ordered_map(int, ["1", "x", "3"], jobs=2))


def test_batched() -> None:
    assert list(batched(range(5), 2)) == [[0, 1], [2, 3], [4]]
    assert list(batched([], 3)) == []


# A parent busy with a long map: it says when its workers run, then goes on.
PARENT = """
import time
from mahattat.io.parallel import ordered_map
results = ordered_map(time.sleep, [0.01] * 10**6, jobs=2)
next(results)
print("running", flush=True)
for _ in results:
    pass
"""


def test_workers_end_when_their_parent_is_killed(processes: Processes) -> None:
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout is not None and parent.stdout.readline() == "running\n"
        workers = processes.children(parent.pid)
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    assert len(workers) >= 2  # the workers, and multiprocessing's resource tracker
    assert processes.survivors(workers) == []


# Without the kernel's death signal (as on macOS), the watching thread alone.
MIDDLE = """
import subprocess, sys, time
subprocess.Popen([sys.executable, "-c", sys.argv[1]])
time.sleep(600)
"""
ORPHAN = """
import os, time
from mahattat.io.parallel import die_with_parent
die_with_parent(os.getppid(), kernel=False)
print(os.getpid(), flush=True)
time.sleep(600)
"""


def test_a_worker_whose_parent_dies_ends_without_the_kernels_help(processes: Processes) -> None:
    middle = subprocess.Popen(
        [sys.executable, "-c", MIDDLE, ORPHAN], stdout=subprocess.PIPE, text=True
    )
    try:
        assert middle.stdout is not None
        orphan = int(middle.stdout.readline())
    finally:
        middle.send_signal(signal.SIGKILL)
        middle.wait()
    assert processes.survivors([orphan]) == []
