"""One parallel map for every batch job (``extract --jsonl --jobs``, ``ingest``): tasks go
to worker processes and come back in input order, with a bounded number in flight.

Workers are started fresh (``spawn``: no copy of the parent's open store, threads or
locks), warm up once (``warm_up``, e.g. loading the lexicons) and end with their parent:
a parent killed with ``kill -9`` leaves no worker behind. On Linux the kernel sees to it
(``prctl(PR_SET_PDEATHSIG, SIGKILL)``); everywhere, a thread in each worker watches its
parent's pid and ends the worker when the parent is gone.

The death signal is tied to the thread that started the worker: consume the map in the
thread that will outlive it (the main thread, in the CLI).
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

IN_FLIGHT = 3  # tasks queued per worker: enough to keep it busy, so reading never runs far ahead
WATCH_SECONDS = 0.5  # how often a worker checks that its parent lives
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def ordered_map(
    fn: Callable[[T], R],
    tasks: Iterable[T],
    *,
    jobs: int,
    in_flight: int = IN_FLIGHT,
    warm_up: Callable[[], object] | None = None,
) -> Iterator[tuple[T, R]]:
    """``(task, fn(task))`` for each task, in input order, computed by ``jobs`` worker
    processes (1: in this process, without ``warm_up``). At most ``jobs * in_flight``
    tasks are read ahead of the one being yielded. ``fn`` and ``warm_up`` must be
    module-level functions (workers import them); ``fn`` should turn a failure of one
    record into a value, since an exception ends the map."""
    if jobs <= 1:
        yield from ((task, fn(task)) for task in tasks)
        return
    pool = ProcessPoolExecutor(
        jobs,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(os.getpid(), warm_up),
    )
    try:
        pending: deque[tuple[T, Future[R]]] = deque()
        for task in tasks:
            pending.append((task, pool.submit(fn, task)))
            if len(pending) >= jobs * in_flight:
                yield _next(pending)
        while pending:
            yield _next(pending)
    finally:  # also when the consumer stops early: queued tasks are dropped
        pool.shutdown(wait=True, cancel_futures=True)


def _next(pending: deque[tuple[T, Future[R]]]) -> tuple[T, R]:
    task, future = pending.popleft()
    return task, future.result()


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` items (the last may be shorter): one task per batch amortizes
    the cost of sending work to another process."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# --- in the worker ---------------------------------------------------------------------


def _start_worker(parent: int, warm_up: Callable[[], object] | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    die_with_parent(parent)
    if warm_up is not None:
        warm_up()


def die_with_parent(parent: int, *, kernel: bool = True) -> None:
    """End this process when process ``parent`` ends: by the kernel's death signal on
    Linux (``kernel``), and by a watching thread everywhere."""
    if kernel and sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):  # no libc prctl: the thread
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it died before the signal was asked for
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), name="watch-parent", daemon=True).start()


def _watch(parent: int) -> None:
    # An orphan is adopted (by init or a subreaper): its parent pid changes.
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)
