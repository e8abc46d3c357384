"""Start-up as a user meets it: the whole command's wall time, median of ``--runs``.

Usage::

    .venv/bin/python bench/startup.py [--db /tmp/mahattat-ant2018.db] [--runs 5]

Times, each in a fresh process and against the bars of issue 8:

- ``mahattat extract ONE_LINE_FILE --published ...`` (bar 0.5 s);
- ``mahattat search QUERY --db STORE`` (bar 0.4 s) and ``mahattat timeline QUERY --db
  STORE`` (bar 1.2 s), on a store of ``ant-multisource-2018.jsonl.gz``
  (``mahattat ingest ../shared/corpora/ant-multisource-2018.jsonl.gz --db STORE``; the
  bench says so when the store is missing and skips these two);
- ``mahattat timeline`` on broad queries (``ترامب``, ``سوريا``: thousands of matching
  articles, the default read cap of ``data/timelines/settings.json`` applies and is
  stated) and with ``--variants`` (``برانسون``), bar 1.5 s (issue 10), on the same store;
- ``python -c "import mahattat"`` (bar 0.2 s).

Compiled patterns are kept in the user's cache (``mahattat.patterns``): the median is
over warm runs, and the first ``extract`` with an empty cache is reported apart (what a
user meets once after installing). Writes ``results/startup.json``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import machine_info, write_json
from rich.console import Console
from rich.table import Table

BIN = Path(sys.executable).parent / "mahattat"
LINE = "وصل الوفد إلى بغداد أمس الثلاثاء في زيارة تستمر ثلاثة أيام."
QUERY = "الليرة التركية"
BROAD = ("ترامب", "سوريا")  # issue 10: whole command on the broadest topics
VARIANTS = "برانسون"  # also spelled برونسون, برنسون
BARS = {"extract": 0.5, "search": 0.4, "timeline": 1.2, "import": 0.2}
BARS |= {f"timeline {q}": 1.5 for q in BROAD} | {f"timeline {VARIANTS} --variants": 1.5}


def _wall(cmd: list[str], env: dict[str, str] | None = None) -> float:
    t = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, env=env)
    took = time.perf_counter() - t
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {done.stderr.decode()[-400:]}")
    return took


def _commands(one_line: Path, db: Path) -> dict[str, list[str]]:
    out = {
        "extract": [str(BIN), "extract", str(one_line), "--published", "2020-09-09"],
        "import": [sys.executable, "-c", "import mahattat"],
    }
    if db.is_file():
        out["search"] = [str(BIN), "search", QUERY, "--db", str(db)]
        out["timeline"] = [str(BIN), "timeline", QUERY, "--db", str(db)]
        for q in BROAD:
            out[f"timeline {q}"] = [str(BIN), "timeline", q, "--db", str(db)]
        name = f"timeline {VARIANTS} --variants"
        out[name] = [str(BIN), "timeline", VARIANTS, "--variants", "--db", str(db)]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=Path("/tmp/mahattat-ant2018.db"))
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    console = Console()
    with tempfile.TemporaryDirectory() as tmp:
        one_line = Path(tmp) / "one.txt"
        one_line.write_text(LINE + "\n", encoding="utf-8")
        commands = _commands(one_line, args.db)
        cold_env = {**os.environ, "MAHATTAT_CACHE": str(Path(tmp) / "cache")}
        cold = _wall(commands["extract"], cold_env)
        for cmd in commands.values():  # fill the caches a user's later runs find
            _wall(cmd)
        runs = {name: [_wall(cmd) for _ in range(args.runs)] for name, cmd in commands.items()}
    if not args.db.is_file():
        console.print(f"no store at {args.db}: search and timeline skipped (see --help)")
    table = Table("command", "median s", "runs", "bar s", "", title="whole command, wall time")
    result = {}
    for name, times in runs.items():
        med = statistics.median(times)
        ok = med <= BARS[name]
        result[name] = {"median_s": round(med, 3), "runs_s": [round(t, 3) for t in times]}
        result[name]["bar_s"], result[name]["pass"] = BARS[name], ok
        runs_text = " ".join(f"{t:.2f}" for t in times)
        table.add_row(name, f"{med:.3f}", runs_text, f"{BARS[name]}", "PASS" if ok else "FAIL")
    console.print(table)
    console.print(f"first extract with an empty pattern cache: {cold:.2f} s")
    write_json(
        "startup.json",
        {"machine": machine_info(), "cold_extract_s": round(cold, 3), "commands": result,
         "params": {"runs": args.runs, "db": str(args.db), "query": QUERY}},
    )  # fmt: skip


if __name__ == "__main__":
    main()
