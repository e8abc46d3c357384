"""The self-built timeline-summarization task (``bench/tls/*.json``): ``mahattat
timeline`` and a simple baseline against each hand-written reference, with the metrics
of ``mahattat eval tls``.

Usage::

    .venv/bin/python bench/tls_eval.py [--db /tmp/mahattat-bench.db]

For each reference, both systems get its query and date range and as many days as the
reference has. The baseline (the issue's): the days on which most matching articles
were published, each with the first sentence of that day's earliest article (the one
stored first, as all share the day). Writes ``results/tls.json``.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from common import machine_info, write_json
from rich.console import Console
from rich.table import Table

from mahattat.eval.tls import evaluate, load, parse
from mahattat.store import Store
from mahattat.timelines import summarize

TASKS = Path(__file__).resolve().parent / "tls"


def baseline(store: Store, query: str, start: str, end: str, days: int) -> dict:
    found = store.matching(query, start, end, None, 100_000)
    per_day = Counter(a.published for a in found)
    top = sorted(per_day, key=lambda d: (-per_day[d], d))[:days]
    entries = []
    for day in sorted(top):
        first = next(a for a in found if a.published == day)
        s, e = first.sentences[0] if first.sentences else (0, len(first.text))
        entries.append({"date": day, "items": [{"text": first.text[s:e], "doc_id": first.doc_id}]})
    return {"entries": entries}


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
        ours = summarize(store, q, start=start, end=end, dates=n, per_date=1).as_dict()
        base = baseline(store, q, start, end, n)
        out["tasks"][path.stem] = {
            "query": q,
            "days": n,
            "mahattat": evaluate(parse(ours), gold),
            "baseline": evaluate(parse(base), gold),
        }
    _report(out)
    write_json("tls.json", out)


def _report(out: dict) -> None:
    c = Console(highlight=False)
    for name, t in out["tasks"].items():
        table = Table("system", "concat R1", "concat R2", "agree R1", "agree R2", "AR-1", "AR-2",
                      "date F1", title=f"{name}: {t['query']}, {t['days']} days (F1)")  # fmt: skip
        for system in ("mahattat", "baseline"):
            r = t[system]
            metrics = ("concat", "agreement", "align_m1")
            row = [r[m][n]["f1"] for m in metrics for n in ("rouge1", "rouge2")]
            table.add_row(system, *(f"{v:.3f}" for v in [*row, r["date"]["f1"]]))
        c.print(table)


if __name__ == "__main__":
    main()
