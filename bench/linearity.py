"""Does ``extract`` stay linear on adversarial and realistic inputs?

Usage::

    .venv/bin/python bench/linearity.py [--sizes 10000,100000,1000000] [--timeout 300]

For every input kind, text of each size (in code points) is built and timed through
``extract(text, published="2018-05-01")``. A linear tagger takes ~100x as long for
100x the input; a ratio above 2x the size ratio (> 200x for 10 KB -> 1 MB) is flagged
as super-linear. Each kind runs in its own spawned process so that a runaway case can
be stopped at ``--timeout`` seconds without losing the others.
Results go to ``bench/results/linearity.json``.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import sys
import time
from collections.abc import Callable
from multiprocessing import get_context
from multiprocessing.queues import Queue
from pathlib import Path
from queue import Empty
from typing import Any

from common import DEFAULT_CORPUS, iter_articles, machine_info, write_json
from rich.console import Console
from rich.table import Table

console = Console(width=None if sys.stdout.isatty() else 150)
PUBLISHED = "2018-05-01"
LETTERS = [chr(c) for c in range(0x0621, 0x064B) if chr(c).isalpha()]
DIACRITICS = [chr(c) for c in range(0x064B, 0x0653)]


def _cycle(unit: str, size: int) -> str:
    """``unit`` repeated and cut to exactly ``size`` code points."""
    return (unit * (size // len(unit) + 1))[:size]


def _random_letters(size: int) -> str:
    rng = random.Random(20180501)
    pool = LETTERS * 3 + DIACRITICS
    return "".join(rng.choices(pool, k=size))


def _corpus(size: int, one_line: bool) -> str:
    """Real articles concatenated up to ``size`` (read at run time, never stored)."""
    parts: list[str] = []
    total = 0
    for art in iter_articles(Path(os.environ.get("MAHATTAT_BENCH_CORPUS", DEFAULT_CORPUS))):
        text = " ".join(art.text.split()) if one_line else art.text
        parts.append(text)
        total += len(text) + 1
        if total >= size:
            break
    return _cycle(("\n\n" if not one_line else " ").join(parts), size)


KINDS: dict[str, Callable[[int], str]] = {
    "digits_ascii": lambda n: _cycle("0123456789", n),
    "digits_arabic_indic": lambda n: _cycle("٠١٢٣٤٥٦٧٨٩", n),
    "digits_slash": lambda n: _cycle("12/", n),
    "digits_dash": lambda n: _cycle("2020-", n),
    "digits_dot": lambda n: _cycle("1.", n),
    "digits_colon": lambda n: _cycle("12:", n),
    "digits_mixed_seps": lambda n: _cycle("1/2-3.4:5/06-07.2018:", n),
    "years_spaced": lambda n: _cycle("2020 ", n),
    "separators_only": lambda n: _cycle("/-.:", n),
    "month_yanayir": lambda n: _cycle("يناير ", n),
    "month_yanayir_glued": lambda n: _cycle("يناير", n),
    "month_kanun_thani": lambda n: _cycle("كانون الثاني ", n),
    "full_date_repeated": lambda n: _cycle("1 يناير 2020 ", n),
    "glued_digit_month": lambda n: _cycle("1يناير2020", n),
    "random_letters_diacritics": _random_letters,
    "corpus_paragraphs": lambda n: _corpus(n, one_line=False),
    "corpus_one_line": lambda n: _corpus(n, one_line=True),
}


def _time_extract(extract: Callable[..., Any], text: str) -> tuple[float, int, int]:
    """Best wall time over runs (repeated while cheap: <= 5 runs, ~1 s), timexes, runs."""
    best, spent, runs, found = float("inf"), 0.0, 0, 0
    while runs < 5 and spent < 1.0:
        t0 = time.perf_counter()
        found = len(extract(text, published=PUBLISHED).timexes)
        took = time.perf_counter() - t0
        best, spent, runs = min(best, took), spent + took, runs + 1
    return best, found, runs


def _predict(done: list[tuple[int, float]], size: int) -> float:
    """Seconds ``size`` should take, extrapolating the growth seen so far (at least linear)."""
    (s1, t1), (s2, t2) = (done[-2] if len(done) > 1 else done[-1]), done[-1]
    exponent = max(1.0, math.log(t2 / t1) / math.log(s2 / s1)) if s2 > s1 and t1 > 0 else 1.0
    return t2 * (size / s2) ** exponent


def _warm_up(extract: Callable[..., Any], kind: str) -> None:
    """Trigger every lazy load (lexicons, rule regexes, wordfreq) before timing."""
    for text in (_corpus(5_000, one_line=False), KINDS[kind](1_000), "1يناير2020 شهرسبتمبر"):
        extract(text, published=PUBLISHED)


def run_kind(kind: str, sizes: list[int], budget_s: float, out: Queue) -> None:
    """Child process: time one kind at ascending sizes, reporting each as it finishes.

    A size whose extrapolated time exceeds what is left of ``budget_s`` is skipped
    and reported with its predicted time instead.
    """
    from mahattat import extract

    t_start = time.monotonic()
    _warm_up(extract, kind)
    done: list[tuple[int, float]] = []
    for size in sizes:
        left = budget_s - (time.monotonic() - t_start)
        if done and (predicted := _predict(done, size)) > 0.8 * left:
            out.put((size, {"skipped": True, "predicted_s": round(predicted, 1)}))
            continue
        seconds, found, runs = _time_extract(extract, KINDS[kind](size))
        done.append((size, seconds))
        out.put((size, {"seconds": round(seconds, 5), "timexes": found, "runs": runs}))


def measure_kind(kind: str, sizes: list[int], timeout: float) -> dict[int, Any]:
    """Sizes -> measurement, skip (with predicted seconds) or timeout, for one kind."""
    ctx = get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=run_kind, args=(kind, sizes, timeout, queue), daemon=True)
    proc.start()
    results: dict[int, Any] = {}
    deadline = time.monotonic() + timeout + 30  # the child also imports and builds text
    for size in sizes:
        try:
            got_size, cell = queue.get(timeout=max(0.1, deadline - time.monotonic()))
        except Empty:
            results[size] = {"timeout": True}
            break
        results[got_size] = cell
    if proc.is_alive():
        proc.terminate()  # only the child started above
    proc.join()
    return results


def _measured(cell: dict[str, Any] | None) -> bool:
    return cell is not None and "seconds" in cell


def summarise(kind: str, res: dict[int, Any], sizes: list[int]) -> dict[str, Any]:
    """Time ratios of every size to the smallest; flag > 2x the size ratio or a skip."""
    base = res.get(sizes[0])
    unmeasured = [s for s in sizes if s in res and not _measured(res[s])]
    ratios: dict[str, float | None] = {}
    flagged = bool(unmeasured)
    predicted: dict[str, float] = {}
    for size in sizes[1:]:
        cur = res.get(size)
        if _measured(base) and cur and "predicted_s" in cur:
            predicted[str(size)] = round(cur["predicted_s"] / max(base["seconds"], 1e-9))
        if not (_measured(base) and _measured(cur)):
            ratios[str(size)] = None
            continue
        ratio = cur["seconds"] / max(base["seconds"], 1e-9)
        ratios[str(size)] = round(ratio, 1)
        flagged = flagged or ratio > 2 * size / sizes[0]
    return {
        "kind": kind,
        "by_size": {str(s): res.get(s) for s in sizes},
        "ratio_to_smallest": ratios,
        "predicted_ratio_to_smallest": predicted,
        "not_measured": unmeasured,
        "super_linear": flagged,
    }


def print_table(rows: list[dict[str, Any]], sizes: list[int]) -> None:
    table = Table(title=f"extract() time by input size (ratios vs {sizes[0]:,} chars)")
    table.add_column("kind")
    for s in sizes:
        table.add_column(f"{s:,} ch (s)", justify="right")
    for s in sizes[1:]:
        table.add_column(f"ratio {s // sizes[0]}x", justify="right")
    table.add_column("timexes (largest run)", justify="right")
    table.add_column("flag")
    for r in rows:
        cells = [_fmt_time(r["by_size"][str(s)]) for s in sizes]
        pred = r["predicted_ratio_to_smallest"]
        cells += [_fmt_ratio(r["ratio_to_smallest"][str(s)], pred.get(str(s))) for s in sizes[1:]]
        last = [c for c in r["by_size"].values() if _measured(c)]
        cells.append(str(last[-1]["timexes"]) if last else "-")
        cells.append("SUPER-LINEAR" if r["super_linear"] else "ok")
        table.add_row(r["kind"], *cells)
    console.print(table)


def _fmt_time(cell: dict[str, Any] | None) -> str:
    if cell is None:
        return "-"
    if "predicted_s" in cell:
        return f"skip (~{cell['predicted_s']:,.0f})"
    return "timeout" if cell.get("timeout") else f"{cell['seconds']:.4f}"


def _fmt_ratio(ratio: float | None, predicted: float | None = None) -> str:
    if ratio is None:
        return "-" if predicted is None else f"~{predicted:,.0f}x (pred.)"
    return f"{ratio:.0f}x"


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="10000,100000,1000000", help="code points, ascending")
    p.add_argument("--kinds", default=",".join(KINDS), help="comma-separated subset")
    p.add_argument("--timeout", type=float, default=300.0, help="seconds per kind")
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    p.add_argument("--out", default="linearity.json", help="file name in bench/results/")
    return p.parse_args()


def main() -> None:
    args = parse_args()
    os.environ["MAHATTAT_BENCH_CORPUS"] = str(args.corpus)  # inherited by children
    sizes = sorted(int(s) for s in args.sizes.split(","))
    info = machine_info()
    rows = []
    for kind in [k for k in args.kinds.split(",") if k]:
        console.print(f"[bold]{kind}[/] ...", end=" ")
        t0 = time.perf_counter()
        rows.append(summarise(kind, measure_kind(kind, sizes, args.timeout), sizes))
        console.print(f"{time.perf_counter() - t0:.1f} s")
    print_table(rows, sizes)
    info["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    flagged = [r["kind"] for r in rows if r["super_linear"]]
    console.print(f"super-linear: {', '.join(flagged) or 'none'}", markup=False)
    payload = {"machine": info, "params": {**vars(args), "corpus": str(args.corpus)}}
    payload |= {"sizes": sizes, "results": rows, "super_linear": flagged}
    console.print(f"wrote {write_json(args.out, payload)}")


if __name__ == "__main__":
    main()
