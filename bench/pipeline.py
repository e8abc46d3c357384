"""Throughput, per-stage time and memory of the whole ``extract`` pipeline.

Usage::

    .venv/bin/python bench/pipeline.py [--n 2000] [--corpus PATH] [--repeat 2]

Runs in one process on the first ``--n`` dated articles: first ``extract()`` as a user
calls it (docs/s, best of ``--repeat`` passes), then the same stages called one by one
on every article, timing each (normalize + repair, sentences, times, entities,
quantities, quotes, events) to give each stage's share. Peak RSS is the process's
high-water mark. Writes ``results/pipeline.json``.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from common import DEFAULT_CORPUS, load_articles, machine_info, peak_rss_mb, rss_mb, write_json
from rich.console import Console
from rich.progress import track
from rich.table import Table

from mahattat import entities, events, quantities, quotes
from mahattat.pipeline import extract, parse_published
from mahattat.text.repair import repaired
from mahattat.text.sentences import sentence_spans
from mahattat.time import tag

BAR_PEAK_MB = 600
WARMUP = "أعلن الرئيس في 3 مارس 2019 أن 500 جندي سيغادرون بغداد. وقال: «انتهت المهمة»."


def _stages(art: Any, clock: dict[str, float]) -> None:
    """One article through the stages, each timed into ``clock``."""

    def timed(name: str, fn: Callable[[], Any]) -> Any:
        t = time.perf_counter()
        out = fn()
        clock[name] += time.perf_counter() - t
        return out

    dct = parse_published(art.published)

    view = timed("normalize + repair", lambda: repaired(art.text)[0])
    spans = timed("sentences", lambda: sentence_spans(view))
    timexes = timed("times", lambda: tag(view, dct, spans))
    names = timed("entities", lambda: entities.find(view, spans))
    exclude = [(t.start, t.end) for t in timexes]
    amounts = timed("quantities", lambda: quantities.find(view, exclude=exclude))
    timed("quotes", lambda: quotes.find(view, spans, names))
    timed("events", lambda: events.build(view, spans, timexes, names, amounts, dct))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    arts = load_articles(args.n, args.corpus)
    t0 = time.perf_counter()
    extract(WARMUP, "2019-03-04")  # loads lexicons, rules, the NER model, wordfreq
    startup = time.perf_counter() - t0
    baseline = rss_mb()
    best = float("inf")
    counts: dict[str, int] = defaultdict(int)
    for r in range(args.repeat):
        t = time.perf_counter()
        for art in track(arts, description=f"extract {r + 1}/{args.repeat}"):
            doc = extract(art.text, art.published)
            if r == 0:
                for key in ("timexes", "entities", "quantities", "quotes", "events"):
                    counts[key] += len(getattr(doc, key))
        best = min(best, time.perf_counter() - t)
    clock: dict[str, float] = defaultdict(float)
    for art in track(arts, description="stage by stage"):
        _stages(art, clock)
    total = sum(clock.values())
    result = {
        "machine": machine_info(),
        "corpus": str(args.corpus),
        "docs": len(arts),
        "docs_per_s": len(arts) / best,
        "ms_per_doc": 1000 * best / len(arts),
        "startup_s": startup,
        "rss_baseline_mb": baseline,
        "rss_peak_mb": peak_rss_mb(),
        "per_doc": {k: v / len(arts) for k, v in counts.items()},
        "stages_ms_per_doc": {k: 1000 * v / len(arts) for k, v in clock.items()},
        "stages_share": {k: v / total for k, v in clock.items()},
    }
    _report(result)
    write_json("pipeline.json", result)


def _report(r: dict[str, Any]) -> None:
    console = Console(highlight=False)
    table = Table("stage", "ms/doc", "share", title="extract, stage by stage")
    for name, ms in r["stages_ms_per_doc"].items():
        table.add_row(name, f"{ms:.2f}", f"{100 * r['stages_share'][name]:.0f} %")
    console.print(table)
    mem_ok = "PASS" if r["rss_peak_mb"] <= BAR_PEAK_MB else "FAIL"
    console.print(
        f"extract: {r['docs_per_s']:.0f} docs/s ({r['ms_per_doc']:.2f} ms/doc) on {r['docs']} "
        f"articles; start-up {r['startup_s']:.2f} s (the ratio to dateparser: bench/speed.py)"
    )
    console.print(
        f"RSS baseline {r['rss_baseline_mb']:.0f} MB, peak {r['rss_peak_mb']:.0f} MB "
        f"(bar <= {BAR_PEAK_MB} MB: {mem_ok})"
    )
    per = ", ".join(f"{k} {v:.1f}" for k, v in r["per_doc"].items())
    console.print(f"per article: {per}")


if __name__ == "__main__":
    main()
