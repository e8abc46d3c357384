"""The milestone tasks (``bench/milestones/*.json``): a topic's key milestones over the
years against hand-written references, with the metrics of ``mahattat eval tls`` (date
P/R/F1 on values at their grain: a year, a month or a day, exact value, mods not
compared).

Usage::

    .venv/bin/python bench/milestones_eval.py [--db /tmp/mahattat-bench.db]

For each reference every method gets its query, its range (``from``/``to``: years) and as
many dates as the reference has, one line each: ``milestones`` (what ``mahattat timeline
--milestones`` runs), the floor ``cite-count`` (the values most matching articles
mention) and today's day timeline ``datewise`` over the same range as publication days.
First it checks the reference: every doc_id it cites is a matching article that has a
DATE of the entry's value. Writes ``results/milestones.json``.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from common import machine_info, write_json
from rich.console import Console
from rich.table import Table

from mahattat.eval.tls import evaluate, load
from mahattat.store import Store
from mahattat.timelines import summarize
from mahattat.timelines.milestones import cite, gather

TASKS = Path(__file__).resolve().parent / "milestones"
SYSTEMS = ("milestones", "cite-count", "datewise")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=Path("/tmp/mahattat-bench.db"))
    args = ap.parse_args()
    store = Store(args.db)
    out: dict = {"machine": machine_info(), "tasks": {}}
    for path in sorted(TASKS.glob("*.json")):
        ref = json.loads(path.read_text("utf-8"))
        gold = load(path)
        unsupported = check(store, ref)
        if unsupported:
            raise SystemExit(f"{path.name}: not cited by the doc_ids given: {unsupported}")
        n, q = len(gold.dates), ref["query"]
        task = out["tasks"][path.stem] = {"query": q, "dates": n, "gold": list(gold.dates)}
        for method in SYSTEMS:
            days = method == "datewise"
            start, end = (ref["from"] + "-01-01", ref["to"] + "-12-31") if days else (
                ref["from"], ref["to"])  # fmt: skip
            t0 = time.perf_counter()
            tl = summarize(store, q, start=start, end=end, dates=n, method=method)
            seconds = time.perf_counter() - t0
            task[method] = evaluate(tl, gold) | {"dates": list(tl.dates), "seconds": seconds}
    _report(out)
    write_json("milestones.json", out)


def check(store: Store, ref: dict) -> list[str]:
    """The reference entries whose doc_ids are not matching articles citing the value."""
    c = cite(store, ref["query"])
    found = gather(c, forecasts=True)
    ids = {rid: a[0] for rid, a in c.cited.articles.items()}
    bad = []
    for e in ref["entries"]:
        citing = {ids[a] for a in found[e["date"]].mentions} if e["date"] in found else set()
        given = {d for it in e["items"] for d in it["doc_ids"]}
        if not given or not given <= citing:
            bad.append(e["date"])
    return bad


def _report(out: dict) -> None:
    c = Console(highlight=False)
    mean: dict[str, list[float]] = {s: [] for s in SYSTEMS}
    for name, t in out["tasks"].items():
        table = Table("method", "date P", "date R", "date F1", "concat R1", "seconds",
                      title=f"{name}: {t['query']}, {t['dates']} dates")  # fmt: skip
        for s in SYSTEMS:
            r = t[s]
            d = r["date"]
            mean[s].append(d["f1"])
            cells = [d["p"], d["r"], d["f1"], r["concat"]["rouge1"]["f1"], r["seconds"]]
            table.add_row(s, *(f"{v:.3f}" for v in cells))
        c.print(table)
    c.print(
        "mean date F1: "
        + ", ".join(f"{s} {sum(v) / len(v):.3f}" for s, v in mean.items() if v)
    )


if __name__ == "__main__":
    main()
