"""What every route shares: the settings, and the store, opened read-only once per worker
thread (a SQLite connection is not shared across threads) and only while its file is
there (an ingest may create it while the server runs). Pipeline and store work runs in
the thread pool (``offload``) under the time limit."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TypeVar

import anyio
import anyio.to_thread
from fastapi import Request

from ..store import Store, StoreError
from .errors import ApiError
from .settings import ServerSettings

T = TypeVar("T")
# SQLite calls the deadline check every this many virtual machine steps
_STEPS = 20_000


@dataclass(eq=False)
class Context:
    db: Path | None
    settings: ServerSettings
    _local: threading.local = field(default_factory=threading.local)
    _busy: anyio.CapacityLimiter | None = None

    def busy(self) -> anyio.CapacityLimiter:
        """The worker threads of pipeline work (made in the event loop, on first use)."""
        if self._busy is None:
            self._busy = anyio.CapacityLimiter(self.settings.busy_workers or os.cpu_count() or 2)
        return self._busy

    @property
    def hint(self) -> str | None:
        """How to make the store, when there is none."""
        if self.db is not None and self.db.is_file():
            return None
        return self.settings.hint.format(db=self.db.name if self.db else "news.db")

    def store(self) -> Store:
        """This thread's read-only store; ``ApiError`` 404 with the hint when there is none,
        503 for a file that cannot be read as a store."""
        if self.db is None or not self.db.is_file():
            raise ApiError(404, self.hint or "no store")
        cached = getattr(self._local, "store", None)
        if cached is None:
            try:
                cached = self._local.store = Store(self.db)
            except StoreError as e:
                raise ApiError(503, str(e)) from None
            cached.db.set_progress_handler(self._late, _STEPS)
        return cached

    def _late(self) -> bool:
        """Whether this thread's request is past its deadline (SQLite then interrupts)."""
        return time.monotonic() > getattr(self._local, "deadline", float("inf"))

    def run(self, fn: Callable[[], T], deadline: float) -> T:
        """``fn()`` in this worker thread; its store reads are interrupted past
        ``deadline`` (the answer, 504, has gone by then: this frees the thread)."""
        self._local.deadline = deadline
        try:
            return fn()
        finally:
            self._local.deadline = float("inf")


def context(request: Request) -> Context:
    ctx = request.app.state.mahattat
    assert isinstance(ctx, Context)
    return ctx


async def offload(request: Request, fn: Callable[[], T], *, busy: bool = False) -> T:
    """``fn()`` in the thread pool (pipeline work, ``busy``: among ``busy_workers`` threads,
    in turn); 504 once it takes longer than the time limit, waiting included (the thread
    is left to finish: a thread cannot be killed, but nothing waits for it)."""
    ctx = context(request)
    limiter = ctx.busy() if busy else None
    limit = ctx.settings.time_limit
    deadline = time.monotonic() + limit + ctx.settings.time_limit_grace
    try:
        with anyio.fail_after(limit):
            return await anyio.to_thread.run_sync(
                partial(ctx.run, fn, deadline), abandon_on_cancel=True, limiter=limiter
            )
    except TimeoutError:
        raise ApiError(
            504, f"took longer than the time limit ({limit:g} s): narrow the query or the dates"
        ) from None
