"""mahattat's temporal expressions on the news dev set of ``bench/timex-dev/`` (35
articles of ``../shared/corpora``, annotated by hand: ids, offsets, types and values only;
``--gold bench/timex-dev/test.jsonl``: the 15 held-out ones).

Usage::

    .venv/bin/python bench/timex_dev.py [--gold bench/timex-dev/test.jsonl] [--errors]
                                        [--json] [--out NAME]

The texts are read from the corpora by id at run time (the set stores no text); each is
tagged with its publication day as the DCT and scored with ``mahattat.eval.timex``
(TempEval-3: relaxed and strict spans, value F1). ``--errors`` prints every error with
the words of the article it concerns (on the terminal only); ``--out NAME`` writes the
figures, numbers only, to ``bench/results/NAME``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path
from typing import Any

from common import SHARED, machine_info, write_json

from mahattat import extract
from mahattat.eval import timex as tx

GOLD = Path(__file__).resolve().parent / "timex-dev" / "gold.jsonl"


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def load_texts(gold: list[dict[str, Any]]) -> dict[str, str]:
    """The article texts of the gold documents, read from ``../shared/corpora``."""
    want: dict[str, set[str]] = {}
    for doc in gold:
        want.setdefault(doc["corpus"], set()).add(doc["id"])
    texts: dict[str, str] = {}
    for corpus, ids in want.items():
        with gzip.open(SHARED / "corpora" / f"{corpus}.jsonl.gz", "rt", encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                if row.get("id") in ids:
                    texts[row["id"]] = row["text"]
    missing = {d["id"] for d in gold} - texts.keys()
    if missing:
        raise SystemExit(f"articles not found in ../shared/corpora: {sorted(missing)}")
    return texts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--errors", action="store_true", help="print every error in context")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--out", help="also write the figures to bench/results/NAME")
    args = ap.parse_args(argv)
    gold = load_gold(args.gold)
    texts = load_texts(gold)
    triples = []
    for doc in gold:
        text = texts[doc["id"]]
        pred = [
            {"start": t.start, "end": t.end, "type": t.type, "value": t.value, "mod": t.mod}
            for t in extract(text, published=doc["dct"], time_only=True).timexes
        ]
        gold_spans = [{**t, "text": text[t["start"] : t["end"]]} for t in doc["timexes"]]
        pred = [{**t, "text": text[t["start"] : t["end"]]} for t in pred]
        triples.append((doc["id"], gold_spans, pred))
    score = tx.score_corpus(triples)
    figures = tx.metrics(score.counts)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(tx.render(score, len(gold), max_errors=10**6 if args.errors else 0))
    if args.out:
        print(write_json(args.out, {"machine": machine_info(), "documents": len(gold), **figures}),
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
