"""A bounded load test of ``mahattat serve`` on 127.0.0.1: 32 concurrent clients, a fixed
number of requests, then it stops.

Usage::

    .venv/bin/python bench/serve_load.py [--db /tmp/mahattat-bench.db] [--clients 32]
        [--extracts 256] [--timelines 64] [--mixed 192] [--ingest 1000]

Copies the store (``--db`` is never written) into a temporary folder, starts ``mahattat
serve`` on it on a free port of 127.0.0.1 with the shipped settings, warms it (one
extract, one timeline per topic), then:

1. ``POST /api/extract`` on ``--extracts`` real articles of the 2018 corpus (their text
   and publication day), from ``--clients`` concurrent clients;
2. ``GET /api/timeline`` of a few topics of 2018, ``--timelines`` requests, same clients;
3. an ``ingest`` of ``--ingest`` articles into the same store (corpus articles under new
   ids, a sentence added so that their text is new: written to the temporary folder, never
   to the repository) while the clients send ``--mixed`` requests (extract, timeline,
   search); the ingest must still be running when the load starts.

Each phase reports requests, errors (any status but 200, or no answer: must be 0),
throughput (requests/s of wall time), p50/p99 latency; the server's peak RSS (VmHWM) at
the end. Writes ``results/serve_load.json`` (numbers only).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from common import SHARED, iter_articles, machine_info, write_json
from rich.console import Console
from rich.table import Table

CORPUS_2018 = SHARED / "corpora" / "ant-multisource-2018.jsonl.gz"
CORPUS_TN = SHARED / "corpora" / "ant-jawharafm-2014-2017.jsonl.gz"
TOPICS = ["خاشقجي", "برانسون", "الانتخابات البلدية", "كأس العالم", "إدلب"]
CLI = [sys.executable, "-c", "from mahattat.cli import app; app()"]
ADDED = " وقد أعيد نشر هذا الخبر في اختبار الحمل."  # makes a stored article's text new


@dataclass(frozen=True)
class Call:
    kind: str
    method: str
    path: str
    params: dict[str, Any] | None = None
    body: dict[str, Any] | None = None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    cmd = [*CLI, "serve", "--db", str(db), "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(300):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/status", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start in 60 s")


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run_phase(client: httpx.Client, calls: list[Call], clients: int) -> dict[str, Any]:
    """Every call once, ``clients`` at a time; latencies and errors by kind."""

    def one(c: Call) -> tuple[str, float, str | None]:
        t0 = time.perf_counter()
        try:
            r = client.request(c.method, c.path, params=c.params, json=c.body)
            err = None if r.status_code == 200 else f"{r.status_code} {r.text[:120]}"
        except httpx.HTTPError as e:
            err = f"{type(e).__name__}: {e}"
        return c.kind, time.perf_counter() - t0, err

    t0 = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        done = list(pool.map(one, calls))
    wall = time.perf_counter() - t0
    return summarize(done, wall)


def summarize(done: list[tuple[str, float, str | None]], wall: float) -> dict[str, Any]:
    def stats(rows: list[tuple[str, float, str | None]]) -> dict[str, Any]:
        lat = sorted(t for _, t, _ in rows)
        p99 = lat[min(len(lat) - 1, round(0.99 * (len(lat) - 1)))]
        errors = [e for _, _, e in rows if e]
        return {
            "requests": len(rows),
            "errors": len(errors),
            "error_samples": errors[:3],
            "p50_ms": round(statistics.median(lat) * 1000, 1),
            "p99_ms": round(p99 * 1000, 1),
            "max_ms": round(lat[-1] * 1000, 1),
        }

    out = {"wall_s": round(wall, 2), "per_s": round(len(done) / wall, 2), **stats(done)}
    kinds = sorted({k for k, _, _ in done})
    if len(kinds) > 1:
        out["by_kind"] = {k: stats([d for d in done if d[0] == k]) for k in kinds}
    return out


def extracts(n: int) -> list[Call]:
    out = []
    for a in iter_articles(CORPUS_2018):
        if len(out) == n:
            break
        out.append(Call("extract", "POST", "/api/extract",
                        body={"text": a.text, "published": a.published[:10]}))  # fmt: skip
    return out


def timelines(n: int) -> list[Call]:
    return [
        Call("timeline", "GET", "/api/timeline",
             params={"q": TOPICS[i % len(TOPICS)], "from": "2018", "to": "2018"})
        for i in range(n)
    ]  # fmt: skip


def searches(n: int) -> list[Call]:
    return [Call("search", "GET", "/api/search", params={"q": TOPICS[i % len(TOPICS)]})
            for i in range(n)]  # fmt: skip


def interleave(*groups: list[Call]) -> list[Call]:
    out: list[Call] = []
    longest = max(len(g) for g in groups)
    for i in range(longest):
        out += [g[i] for g in groups if i < len(g)]
    return out


def ingest_file(folder: Path, n: int) -> Path:
    """``n`` articles of the Tunisian corpus under new ids with a sentence added."""
    path = folder / "more.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i, a in enumerate(iter_articles(CORPUS_TN)):
            if i == n:
                break
            row = {"id": f"load-{i}", "published": a.published, "text": a.text + ADDED,
                   "source": "load-test"}  # fmt: skip
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=Path("/tmp/mahattat-bench.db"))
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--extracts", type=int, default=256)
    ap.add_argument("--timelines", type=int, default=64)
    ap.add_argument("--mixed", type=int, default=192)
    ap.add_argument("--ingest", type=int, default=1000)
    args = ap.parse_args()
    console = Console()
    if not args.db.is_file():
        raise SystemExit(f"no store at {args.db}: bench/ingest.py builds it")
    start = machine_info()
    with tempfile.TemporaryDirectory(prefix="mahattat-load-") as tmp:
        folder = Path(tmp)
        db = folder / "news.db"
        console.print(f"copying {args.db} ...")
        shutil.copyfile(args.db, db)
        port = free_port()
        server = start_server(db, port)
        try:
            results = load(server, port, folder, db, args, console)
        finally:
            server.terminate()
            server.wait(30)
    payload = {"machine": start, "loadavg_end": [round(x, 2) for x in os.getloadavg()],
               "clients": args.clients, **results}  # fmt: skip
    console.print(f"wrote {write_json('serve_load.json', payload)}")


def load(
    server: subprocess.Popen[bytes], port: int, folder: Path, db: Path,
    args: argparse.Namespace, console: Console,
) -> dict[str, Any]:  # fmt: skip
    limits = httpx.Limits(max_connections=args.clients, max_keepalive_connections=args.clients)
    base = f"http://127.0.0.1:{port}"
    with httpx.Client(base_url=base, limits=limits, timeout=300) as client:
        warm = [*extracts(1), *timelines(len(TOPICS))]
        for c in warm:
            client.request(c.method, c.path, params=c.params, json=c.body).raise_for_status()
        before = client.get("/api/status").json()["articles"]
        phases: dict[str, Any] = {}
        step: Callable[[str, list[Call]], None]

        def step(name: str, calls: list[Call]) -> None:
            console.print(f"{name}: {len(calls)} requests, {args.clients} clients ...")
            phases[name] = run_phase(client, calls, args.clients)

        step("extract", extracts(args.extracts))
        step("timeline", timelines(args.timelines))
        more = ingest_file(folder, args.ingest)
        cmd = [*CLI, "ingest", str(more), "--db", str(db), "--jobs", "1"]
        ingest = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(3)  # the ingest has loaded the pipeline and is writing
        mixed = interleave(extracts(args.mixed // 3), timelines(args.mixed // 3),
                           searches(args.mixed - 2 * (args.mixed // 3)))  # fmt: skip
        ended: list[float] = []
        watch = threading.Thread(target=lambda: (ingest.wait(), ended.append(time.perf_counter())))
        watch.start()
        started, t0 = ingest.poll() is None, time.perf_counter()
        step("during_ingest", mixed)
        phase = phases["during_ingest"]
        phase["ingest_running_at_start"] = started
        phase["ingest_running_at_end"] = ingest.poll() is None
        watch.join()
        # how long the load ran beside the ingest (the whole phase when it outlasted it)
        phase["ingest_overlap_s"] = round(min(ended[0] - t0, phase["wall_s"]), 2)
        after = client.get("/api/status").json()["articles"]
        phases["during_ingest"]["ingest_exit"] = ingest.returncode
        phases["during_ingest"]["articles_before_after"] = [before, after]
    rss = peak_rss_mb(server.pid)
    table = Table("phase", "requests", "errors", "req/s", "p50 ms", "p99 ms", "max ms")
    for name, p in phases.items():
        table.add_row(name, str(p["requests"]), str(p["errors"]), str(p["per_s"]),
                      str(p["p50_ms"]), str(p["p99_ms"]), str(p["max_ms"]))  # fmt: skip
    console.print(table)
    console.print(f"server peak RSS {rss:.0f} MB; articles {before} -> {after}")
    return {"phases": phases, "server_peak_rss_mb": round(rss, 1)}


if __name__ == "__main__":
    main()
