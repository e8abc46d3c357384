"""The self-built timeline-summarization task (``bench/tls/*.json``): the timeline
methods of ``mahattat.timelines`` against each hand-written reference, with the metrics
of ``mahattat eval tls``.

Usage::

    .venv/bin/python bench/tls_eval.py [--db /tmp/mahattat-bench.db]

For each reference, every method gets the same collection (its query and date range)
and as many days as the reference has, one sentence a day: ``datewise`` (what ``mahattat
timeline`` runs) and the issue's baseline ``busiest-days`` (the days on which most
matching articles were published, each with the first sentence of that day's
best-matching article). Writes ``results/tls.json``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from common import machine_info, write_json
from rich.console import Console
from rich.table import Table

from mahattat.eval.tls import evaluate, load
from mahattat.store import Store
from mahattat.timelines import METHODS, collect

TASKS = Path(__file__).resolve().parent / "tls"
SYSTEMS = {"mahattat": "datewise", "baseline": "busiest-days"}  # result name: method


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=Path("/tmp/mahattat-bench.db"))
    args = ap.parse_args()
    store = Store(args.db)
    out = {"machine": machine_info(), "tasks": {}}
    for path in sorted(TASKS.glob("*.json")):
        ref = json.loads(path.read_text("utf-8"))
        gold = load(path)
        n = len(gold.dates)
        q, start, end = ref["query"], ref["from"], ref["to"]
        collection = collect(store, q, start=start, end=end)
        task = out["tasks"][path.stem] = {"query": q, "days": n}
        for system, method in SYSTEMS.items():
            tl = METHODS[method](collection, dates=n, per_date=1)
            task[system] = evaluate(tl, gold)
    _report(out)
    write_json("tls.json", out)


def _report(out: dict) -> None:
    c = Console(highlight=False)
    for name, t in out["tasks"].items():
        table = Table("system", "concat R1", "concat R2", "agree R1", "agree R2", "AR-1", "AR-2",
                      "date F1", title=f"{name}: {t['query']}, {t['days']} days (F1)")  # fmt: skip
        for system in SYSTEMS:
            r = t[system]
            metrics = ("concat", "agreement", "align_m1")
            row = [r[m][n]["f1"] for m in metrics for n in ("rouge1", "rouge2")]
            table.add_row(system, *(f"{v:.3f}" for v in [*row, r["date"]["f1"]]))
        c.print(table)


if __name__ == "__main__":
    main()
