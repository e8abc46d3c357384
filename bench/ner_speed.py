"""Speed and memory of the named-entity stage (``mahattat.entities.find``).

Usage::

    .venv/bin/python bench/ner_speed.py [--n 2000] [--corpus PATH] [--repeat 2]

The first ``--n`` articles with text and a date (``ant-multisource-2018.jsonl.gz`` by
default) are turned into pipeline views (normalize, repair, sentences) before timing;
only ``find`` is timed. Pass 1 starts with empty per-word caches (every new word type
pays for its features once); then ``--repeat`` passes run on warm caches (a long-running
process) and the best is kept. Wall and CPU time are both reported. Memory: RSS
before the model loads, after (model, gazetteers, clusters, corpus labels) and the peak
after all passes (the caches grow with the vocabulary seen).
Results go to ``bench/results/ner_speed.json`` (numbers only).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from common import DEFAULT_CORPUS, load_articles, machine_info, peak_rss_mb, rss_mb, write_json

from mahattat.entities import find
from mahattat.text.normalize import View
from mahattat.text.repair import repaired
from mahattat.text.sentences import sentence_spans

WARMUP = "قال الرئيس الأمريكي دونالد ترامب في واشنطن إن شركة أبل ستستثمر في فرنسا."


def prepare(text: str) -> tuple[View, list[tuple[int, int]]]:
    view, _ = repaired(text)
    return view, sentence_spans(view)


def timed_pass(docs: list[tuple[View, list[tuple[int, int]]]]) -> tuple[dict[str, float], int]:
    """Wall ms per article (mean, p50, p95) and CPU ms per article (this process only:
    the box is shared, wall time moves with the other jobs)."""
    times, entities = [], 0
    cpu0 = time.process_time()
    for view, spans in docs:
        t0 = time.perf_counter()
        entities += len(find(view, spans))
        times.append((time.perf_counter() - t0) * 1000)
    cpu = (time.process_time() - cpu0) * 1000 / len(docs)
    q = statistics.quantiles(times, n=20)
    stats = {
        "ms_per_article": round(statistics.fmean(times), 3),
        "cpu_ms_per_article": round(cpu, 3),
        "p50_ms": round(statistics.median(times), 3),
        "p95_ms": round(q[18], 3),
        "total_s": round(sum(times) / 1000, 2),
    }
    return stats, entities


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--repeat", type=int, default=2, help="warm passes, the best is kept")
    args = ap.parse_args()
    start = machine_info()
    docs = [prepare(a.text) for a in load_articles(args.n, args.corpus)]
    rss_before = rss_mb()
    t0 = time.perf_counter()
    find(*prepare(WARMUP))  # loads the model and every table
    load_s = time.perf_counter() - t0
    rss_loaded = rss_mb()
    cold, n_ent = timed_pass(docs)
    warm, _ = min(
        (timed_pass(docs) for _ in range(args.repeat)), key=lambda r: r[0]["ms_per_article"]
    )
    chars = sum(len(v.original) for v, _ in docs)
    result = {
        "machine": start,
        "loadavg_end": machine_info()["loadavg"],
        "articles": len(docs),
        "chars_per_article": round(chars / len(docs)),
        "entities_per_article": round(n_ent / len(docs), 2),
        "load_s": round(load_s, 3),
        "cold": cold,
        "warm": warm,
        "rss_mb": {
            "before_model": round(rss_before, 1),
            "after_model": round(rss_loaded, 1),
            "model": round(rss_loaded - rss_before, 1),
            "peak": round(peak_rss_mb(), 1),
        },
    }
    path = write_json("ner_speed.json", result)
    for key in ("articles", "chars_per_article", "entities_per_article", "load_s"):
        print(f"{key}: {result[key]}")
    print(f"cold caches: {result['cold']}")
    print(f"warm caches: {result['warm']}")
    print(f"RSS MB: {result['rss_mb']}")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
