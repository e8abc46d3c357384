"""Throughput and memory of mahattat against dateparser, in one run.

Usage::

    .venv/bin/python bench/speed.py [--n 2000] [--sub 200] [--corpus PATH] [--repeat 2]

Each system runs in its own freshly spawned process, so start-up time, baseline RSS
and peak RSS (``ru_maxrss``) belong to that system alone. mahattat runs twice: the
temporal stage alone (``extract(..., time_only=True)``: normalize, repair, sentences,
times) and the whole ``extract`` (every stage), each on all ``--n`` articles; dateparser
(``search_dates(text, languages=["ar"])``) on the first ``--sub`` of the same articles,
once before and once after mahattat, and the mean of the two is the reference (the
machine's load drifts during a run). Ratios are taken on that subsample, against the
bars of issue 8: temporal stage >= 4x, whole extract >= 2x. Results go to
``bench/results/speed.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from common import (
    DEFAULT_CORPUS,
    Article,
    load_articles,
    machine_info,
    peak_rss_mb,
    rss_mb,
    write_json,
)
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

# Short, but touches every lazy load: lexicons, rules, wordfreq (glued "شهرسبتمبر").
WARMUP_TEXT = "أعلنت الوزارة يوم الثلاثاء 1 مايو 2018 أن الاجتماع سيعقد شهرسبتمبر المقبل."
console = Console(width=None if sys.stdout.isatty() else 120)


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
    )


@dataclass(slots=True)
class Pass:
    """Per-document wall seconds, CPU seconds and timex counts of one pass."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    counts: list[int] = field(default_factory=list)


def _timed_pass(label: str, docs: list[Article], run: Callable[[Article], int]) -> Pass:
    out = Pass()
    with _progress() as bar:
        task = bar.add_task(label, total=len(docs))
        for art in docs:
            t0, c0 = time.perf_counter(), time.process_time()
            out.counts.append(run(art))
            out.cpu.append(time.process_time() - c0)
            out.wall.append(time.perf_counter() - t0)
            bar.advance(task)
    return out


def _rates(p: Pass, docs: list[Article], k: int) -> dict[str, Any]:
    """Rates over the first ``k`` documents of a pass."""
    wall, cpu, docs = p.wall[:k], sum(p.cpu[:k]), docs[:k]
    chars = sum(len(a.text) for a in docs)
    slowest = wall.index(max(wall))
    return {
        "docs": len(docs),
        "chars": chars,
        "wall_s": round(sum(wall), 4),
        "cpu_s": round(cpu, 4),
        "docs_per_s": round(len(docs) / sum(wall), 2),
        "docs_per_cpu_s": round(len(docs) / cpu, 2),
        "chars_per_s": round(chars / sum(wall)),
        "ms_per_doc_p50": round(1000 * statistics.median(wall), 3),
        "ms_per_doc_p95": round(1000 * statistics.quantiles(wall, n=20)[-1], 3),
        "ms_per_doc_max": round(1000 * max(wall), 3),
        "slowest_doc": {"id": docs[slowest].id, "chars": len(docs[slowest].text)},
        "timexes_per_doc": round(statistics.fmean(p.counts[:k]), 3),
    }


def _measure(
    label: str, docs: list[Article], run: Callable[[Article], int], repeat: int, sub: int
) -> dict[str, Any]:
    """The fastest of ``repeat`` passes over ``docs``: all of them and the subsample."""
    passes = [_timed_pass(f"{label} {i + 1}/{repeat}", docs, run) for i in range(repeat)]
    best = min(passes, key=lambda p: sum(p.wall))
    return {
        "pass_walls_s": [round(sum(p.wall), 4) for p in passes],
        "all": _rates(best, docs, len(docs)),
        "sub": _rates(best, docs, min(sub, len(docs))),
    }


def child_mahattat(
    corpus: str, n: int, sub: int, warmup: int, repeat: int, time_only: bool = True
) -> dict[str, Any]:
    """Run in a fresh process: start-up, baseline RSS, all ``n`` docs, peak RSS."""
    rss0 = rss_mb()
    t0 = time.perf_counter()
    from mahattat import extract

    t_import = time.perf_counter() - t0
    t0 = time.perf_counter()
    extract(WARMUP_TEXT, published="2018-05-01", time_only=time_only)
    t_first = time.perf_counter() - t0
    rss_base = rss_mb()
    docs = load_articles(n, Path(corpus))
    rss_corpus = rss_mb()
    errors: list[str] = []

    def run(art: Article) -> int:
        try:
            doc = extract(art.text, published=art.published, time_only=time_only)
            return len(doc.timexes)
        except Exception as exc:  # counted and reported; the bench goes on
            errors.append(f"{art.id}: {type(exc).__name__}: {exc}")
            return 0

    for art in docs[:warmup]:
        run(art)
    errors.clear()  # NB: errors then accumulate over all passes
    label = "mahattat (times)" if time_only else "mahattat (all stages)"
    measured = _measure(label, docs, run, repeat, sub)
    return {
        "startup": {"import_s": round(t_import, 4), "first_call_s": round(t_first, 4)},
        "rss_mb": {
            "interpreter": round(rss0, 1),
            "baseline_after_import": round(rss_base, 1),
            "after_corpus_load": round(rss_corpus, 1),
            "peak": round(peak_rss_mb(), 1),
        },
        **measured,
        "errors": len(errors),
        "error_examples": sorted({e.split(": ", 1)[1] for e in errors})[:5],
    }


def child_dateparser(corpus: str, sub: int, warmup: int, repeat: int) -> dict[str, Any]:
    """Run in a fresh process: dateparser's ``search_dates`` on the first ``sub`` docs."""
    rss0 = rss_mb()
    t0 = time.perf_counter()
    from dateparser.search import search_dates

    t_import = time.perf_counter() - t0
    t0 = time.perf_counter()
    search_dates(WARMUP_TEXT, languages=["ar"])
    t_first = time.perf_counter() - t0
    rss_base = rss_mb()
    docs = load_articles(sub, Path(corpus))
    errors: list[str] = []

    def run(art: Article) -> int:
        base = dt.datetime.fromisoformat(art.published).replace(tzinfo=None)
        try:
            found = search_dates(art.text, languages=["ar"], settings={"RELATIVE_BASE": base})
        except Exception as exc:  # a peer's crash is data, not a bench failure
            errors.append(type(exc).__name__)
            return 0
        return len(found or [])

    for art in docs[:warmup]:
        run(art)
    errors.clear()  # NB: errors then accumulate over all passes
    measured = _measure("dateparser", docs, run, repeat, sub)
    return {
        "startup": {"import_s": round(t_import, 4), "first_call_s": round(t_first, 4)},
        "rss_mb": {
            "interpreter": round(rss0, 1),
            "baseline_after_import": round(rss_base, 1),
            "peak": round(peak_rss_mb(), 1),
        },
        **measured,
        "errors": len(errors),
    }


def child_profile(corpus: str, k: int, top: int = 15) -> list[dict[str, Any]]:
    """cProfile of mahattat over the first ``k`` docs: the top functions by own time."""
    import cProfile
    import pstats

    from mahattat import extract

    extract(WARMUP_TEXT, published="2018-05-01", time_only=True)
    docs = load_articles(k, Path(corpus))
    prof = cProfile.Profile()
    prof.enable()
    for art in docs:
        extract(art.text, published=art.published, time_only=True)
    prof.disable()
    stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    rows = sorted(stats.items(), key=lambda kv: kv[1][2], reverse=True)[:top]
    return [
        {
            "function": f"{Path(f).parent.name}/{Path(f).name}:{line}({name})",
            "ncalls": nc,
            "tottime_s": round(tt, 4),
            "cumtime_s": round(ct, 4),
        }
        for (f, line, name), (_, nc, tt, ct, _) in rows
    ]


def in_child(fn: Callable[..., dict[str, Any]], *args: Any) -> dict[str, Any]:
    """Call ``fn`` in a freshly spawned interpreter (own RSS, own imports)."""
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        return pool.submit(fn, *args).result()


def _mean_reference(d1: dict[str, Any], d2: dict[str, Any]) -> dict[str, float]:
    """dateparser's rates, the mean of its runs before and after mahattat."""
    return {
        k: (d1["sub"][k] + d2["sub"][k]) / 2 for k in ("docs_per_s", "docs_per_cpu_s", "docs")
    }


def compare(m: dict[str, Any], ref: dict[str, float], bar: float) -> dict[str, Any]:
    """mahattat / dateparser speed ratios on the same subsample."""
    ms = m["sub"]
    wall = ms["docs_per_s"] / ref["docs_per_s"]
    return {
        "subsample_docs": int(ref["docs"]),
        "ratio_wall_same_subsample": round(wall, 2),
        "ratio_cpu_same_subsample": round(ms["docs_per_cpu_s"] / ref["docs_per_cpu_s"], 2),
        "bar": bar,
        "pass": wall >= bar,
    }


def print_summary(runs: dict[str, dict[str, Any]], cmps: dict[str, dict[str, Any]]) -> None:
    table = Table(title="mahattat vs dateparser (wall clock, best pass)")
    cols = ("system", "docs", "docs/s", "docs/CPU-s", "chars/s", "p50 ms", "p95 ms", "timexes/doc")
    for col in cols:
        table.add_column(col, justify="right")
    for name, run in runs.items():
        for part, r in (("all N", run["all"]), ("subsample", run["sub"])):
            if name.startswith("dateparser") and part == "all N":
                continue
            table.add_row(
                f"{name} ({part})", str(r["docs"]), f"{r['docs_per_s']:.1f}",
                f"{r['docs_per_cpu_s']:.1f}", f"{r['chars_per_s']:,}",
                f"{r['ms_per_doc_p50']:.2f}", f"{r['ms_per_doc_p95']:.2f}",
                f"{r['timexes_per_doc']:.2f}",
            )  # fmt: skip
    console.print(table)
    for name, c in cmps.items():
        console.print(
            f"{name}: {c['ratio_wall_same_subsample']}x dateparser (wall), "
            f"{c['ratio_cpu_same_subsample']}x (CPU), same {c['subsample_docs']} docs "
            f"[bar >= {c['bar']}x: {'PASS' if c['pass'] else 'FAIL'}]",
            markup=False,
        )
    for name, run in runs.items():
        rss = run["rss_mb"]
        console.print(
            f"{name}: import {run['startup']['import_s']:.2f} s + first call "
            f"{run['startup']['first_call_s']:.2f} s; RSS baseline "
            f"{rss['baseline_after_import']} MB, peak {rss['peak']} MB",
            markup=False,
        )


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, default=2000, help="articles for mahattat")
    p.add_argument("--sub", type=int, default=200, help="articles for dateparser")
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    p.add_argument("--warmup", type=int, default=5, help="docs run before timing")
    p.add_argument("--repeat", type=int, default=2, help="mahattat passes; best is kept")
    p.add_argument("--dp-repeat", type=int, default=2, help="dateparser passes; best kept")
    p.add_argument("--profile", type=int, default=0, help="also cProfile mahattat on K docs")
    p.add_argument("--out", default="speed.json", help="file name in bench/results/")
    return p.parse_args()


BARS = {"temporal stage": 4.0, "whole extract": 2.0}


def main() -> None:
    args = parse_args()
    info = machine_info()
    corpus = str(args.corpus)
    dp = (corpus, args.sub, args.warmup, args.dp_repeat)
    mh = (corpus, args.n, args.sub, args.warmup, args.repeat)
    runs = {"dateparser (before)": in_child(child_dateparser, *dp)}
    runs["temporal stage"] = in_child(child_mahattat, *mh, True)
    runs["whole extract"] = in_child(child_mahattat, *mh, False)
    runs["dateparser (after)"] = in_child(child_dateparser, *dp)
    ref = _mean_reference(runs["dateparser (before)"], runs["dateparser (after)"])
    cmps = {name: compare(runs[name], ref, bar) for name, bar in BARS.items()}
    print_summary(runs, cmps)
    info["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    payload = {
        "machine": info,
        "params": {**vars(args), "corpus": corpus},
        "runs": runs,
        "dateparser_reference": ref,
        "comparison": cmps,
        "notes": "dateparser given RELATIVE_BASE=published; timex counts are informative only.",
    }
    if args.profile:
        payload["profile_top_tottime"] = hot = in_child(child_profile, corpus, args.profile)
        console.print(f"cProfile over {args.profile} docs, top own time:")
        for row in hot[:10]:
            console.print(f"  {row['tottime_s']:8.3f} s  {row['ncalls']:>8}  {row['function']}")
    console.print(f"wrote {write_json(args.out, payload)}")


if __name__ == "__main__":
    main()
