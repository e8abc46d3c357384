"""Query latency over the full store: ``search`` and ``timeline`` for 20 topics of 2018.

Usage::

    .venv/bin/python bench/queries.py [--db /tmp/mahattat-bench.db] [--repeat 3]

Needs a store of both corpora (``bench/ingest.py`` builds it). In one warm process (the
first call loads wordfreq and is reported apart), each query runs ``--repeat`` times
through ``Store.search`` (20 hits) and ``timelines.summarize`` (10 days, 1 sentence each,
2018); the median and the slowest of the per-query best times are reported against the
bars (search ≤ 50 ms, timeline ≤ 1.5 s), with the matching articles, how many the
timeline read (the read cap of ``data/timelines/settings.json``) and what looking up
the spelling variants of the query's words costs (``Store.variants``, issue 10).
Writes ``results/queries.json``.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from common import machine_info, write_json
from rich.console import Console
from rich.table import Table

from mahattat.store import Store
from mahattat.timelines import summarize

QUERIES = [
    # people
    "ترامب", "بوتين", "أردوغان", "محمد بن سلمان", "خاشقجي", "ماكرون", "كيم جونغ أون",
    # countries and places
    "سوريا", "اليمن", "إيران", "قطر", "الغوطة", "إدلب", "غزة",
    # events
    "كأس العالم", "الانتخابات العراقية", "الليرة التركية", "الاتفاق النووي",
    "نقل السفارة الأمريكية", "قمة سنغافورة",
]  # fmt: skip
BAR_SEARCH_MS = 50
BAR_TIMELINE_S = 1.5


def _best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=Path("/tmp/mahattat-bench.db"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    if not args.db.is_file():
        raise SystemExit(f"no store at {args.db}: run bench/ingest.py first")
    store = Store(args.db)
    t = time.perf_counter()
    store.search("الرئيس")
    cold = time.perf_counter() - t
    rows = []
    for q in QUERIES:
        hits = len(store.search(q, limit=20))
        s = _best(lambda q=q: store.search(q, limit=20), args.repeat)
        tl = summarize(store, q, start="2018-01-01", end="2018-12-31")
        t_ = _best(
            lambda q=q: summarize(store, q, start="2018-01-01", end="2018-12-31"), args.repeat
        )
        v = _best(lambda q=q: store.variants(q), args.repeat)
        found = [f"{x.term} {x.articles}" for x in store.variants(q)]
        rows.append({"query": q, "hits": hits, "search_ms": 1000 * s, "timeline_s": t_,
                     "articles": tl.articles, "read": tl.articles if tl.read is None else tl.read,
                     "days": len(tl.entries), "variants_ms": 1000 * v,
                     "variants": found})  # fmt: skip
    result = {
        "machine": machine_info(),
        "db": str(args.db),
        "first_call_s": cold,
        "search_ms_median": statistics.median(r["search_ms"] for r in rows),
        "search_ms_max": max(r["search_ms"] for r in rows),
        "timeline_s_median": statistics.median(r["timeline_s"] for r in rows),
        "timeline_s_max": max(r["timeline_s"] for r in rows),
        "variants_ms_median": statistics.median(r["variants_ms"] for r in rows),
        "variants_ms_max": max(r["variants_ms"] for r in rows),
        "queries": rows,
    }
    _report(result)
    write_json("queries.json", result)


def _report(r: dict) -> None:
    c = Console(highlight=False)
    table = Table("query", "hits", "search ms", "timeline s", "matching", "read", "days",
                  "variants ms", "variants")  # fmt: skip
    for q in r["queries"]:
        found = ", ".join(q["variants"])
        table.add_row(q["query"], str(q["hits"]), f"{q['search_ms']:.1f}",
                      f"{q['timeline_s']:.2f}", str(q["articles"]), str(q["read"]),
                      str(q["days"]), f"{q['variants_ms']:.1f}", found)  # fmt: skip
    c.print(table)
    ok_s = "PASS" if r["search_ms_median"] <= BAR_SEARCH_MS else "FAIL"
    ok_t = "PASS" if r["timeline_s_median"] <= BAR_TIMELINE_S else "FAIL"
    c.print(
        f"search median {r['search_ms_median']:.1f} ms, slowest {r['search_ms_max']:.1f} ms "
        f"(bar <= {BAR_SEARCH_MS} ms: {ok_s})"
    )
    c.print(
        f"variants lookup median {r['variants_ms_median']:.1f} ms, "
        f"slowest {r['variants_ms_max']:.1f} ms"
    )
    c.print(
        f"timeline median {r['timeline_s_median']:.2f} s, slowest {r['timeline_s_max']:.2f} s "
        f"(bar <= {BAR_TIMELINE_S} s: {ok_t}); first call {r['first_call_s']:.2f} s"
    )


if __name__ == "__main__":
    main()
