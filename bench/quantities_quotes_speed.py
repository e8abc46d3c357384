"""Time of the quantities and quotes stages per article (numbers only, no corpus text).

Usage::

    .venv/bin/python bench/quantities_quotes_speed.py [--n 2000] [--corpus PATH] [--repeat 3]

Reads the first ``--n`` articles of ``../shared/corpora/ant-multisource-2018.jsonl.gz``
(the ``text`` field) at run time. The view and its sentences are built first, as the
pipeline does (normalize, repair, spaces, sentence spans), and are not timed; then each
article runs ``quantities.find(view)`` and ``quotes.find(view, sentences, [])`` (no time
spans, no entities), in that order, as the pipeline would. After a warm-up (lexicons,
patterns, wordfreq), ``--repeat`` passes are timed and the fastest kept.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import time
from pathlib import Path

from mahattat import quantities, quotes
from mahattat.text.normalize import View, normalize, with_spaces
from mahattat.text.repair import find_repairs
from mahattat.text.sentences import sentence_spans

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEFAULT_CORPUS = SHARED / "corpora" / "ant-multisource-2018.jsonl.gz"


def load(path: Path, n: int) -> list[tuple[View, list[tuple[int, int]]]]:
    """Views and sentence spans of the first ``n`` articles."""
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if len(out) >= n:
                break
            text = json.loads(line).get("text") or ""
            base = normalize(text)
            points, _ = find_repairs(base)
            view = with_spaces(base, points)
            out.append((view, sentence_spans(view)))
    return out


def timed_pass(docs: list[tuple[View, list[tuple[int, int]]]]) -> tuple[list, list, int, int]:
    pc = time.perf_counter
    tq, tu, nq, nu = [], [], 0, 0
    for view, sents in docs:
        t0 = pc()
        nq += len(quantities.find(view))
        t1 = pc()
        nu += len(quotes.find(view, sents, []))
        t2 = pc()
        tq.append(t1 - t0)
        tu.append(t2 - t1)
    return tq, tu, nq, nu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    if not args.corpus.is_file():
        raise SystemExit(f"no corpus at {args.corpus}")
    docs = load(args.corpus, args.n)
    for view, sents in docs[:20]:  # warm-up: lexicons, patterns, wordfreq
        quantities.find(view)
        quotes.find(view, sents, [])
    best = min((timed_pass(docs) for _ in range(args.repeat)), key=lambda p: sum(p[0]) + sum(p[1]))
    tq, tu, nq, nu = best
    both = [a + b for a, b in zip(tq, tu, strict=True)]
    n = len(docs)
    chars = sum(len(v.original) for v, _ in docs)
    ms = 1000.0
    print(f"articles                 {n}")
    print(f"chars_per_article        {chars / n:.0f}")
    print(f"quantities_ms_per_article {sum(tq) / n * ms:.3f}")
    print(f"quotes_ms_per_article     {sum(tu) / n * ms:.3f}")
    print(f"both_ms_per_article       {sum(both) / n * ms:.3f}")
    print(f"both_p50_ms               {statistics.median(both) * ms:.3f}")
    print(f"both_p95_ms               {statistics.quantiles(both, n=20)[-1] * ms:.3f}")
    print(f"quantities_per_article    {nq / n:.2f}")
    print(f"quotes_per_article        {nu / n:.2f}")


if __name__ == "__main__":
    main()
