"""Entities on real news: the pipeline's against 42 sentences annotated by hand.

Usage::

    .venv/bin/python bench/ner_news.py [--errors]

``bench/ner_news.json`` holds, for each sentence, its article id in ``../shared/corpora``,
its offsets in the article's text and the gold entities' offsets and labels (no text;
its ``_doc`` gives the conventions). Each article goes whole through the pipeline's
view (repair, sentences) and ``mahattat.entities.find``; the entities inside a gold
sentence are scored against its gold ones, exact span and label (CoNLL style), per label
and micro. ``--errors`` prints the misses and the false alarms (to the terminal only).
Results go to ``bench/results/ner_news.json`` (numbers only).
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

from common import SHARED, write_json

from mahattat.entities import find
from mahattat.eval.ner import LABELS, Tally, metrics
from mahattat.text.repair import repaired
from mahattat.text.sentences import sentence_spans

GOLD = Path(__file__).resolve().parent / "ner_news.json"
CORPORA = SHARED / "corpora"

Span = tuple[int, int, str]


def texts(ids: set[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for path in sorted(CORPORA.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                if row["id"] in ids:
                    out[row["id"]] = row["text"]
    return out


def predicted(text: str) -> list[Span]:
    view, _ = repaired(text)
    return [(e.start, e.end, e.label) for e in find(view, sentence_spans(view))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--errors", action="store_true", help="print misses and false alarms")
    args = ap.parse_args()
    gold = json.loads(GOLD.read_text("utf-8"))["sentences"]
    found = texts({g["id"] for g in gold})
    cache: dict[str, list[Span]] = {}
    tallies: dict[str, Tally] = {}
    for g in gold:
        text = found[g["id"]]
        pred_all = cache.get(g["id"]) or cache.setdefault(g["id"], predicted(text))
        want = {tuple(x) for x in g["entities"]}
        got = {p for p in pred_all if g["start"] <= p[0] and p[1] <= g["end"]}
        for label in {x[2] for x in want | got}:
            w = {x for x in want if x[2] == label}
            p = {x for x in got if x[2] == label}
            tallies[label] = tallies.get(label, Tally()) + Tally(len(w), len(p), len(w & p))
        if args.errors:
            for a, b, label in sorted(want - got):
                print(f"miss  {label:<4} {text[a:b]}  [{g['id']}]")
            for a, b, label in sorted(got - want):
                print(f"false {label:<4} {text[a:b]}  [{g['id']}]")
    tallies["micro"] = sum(tallies.values(), Tally())
    scores = metrics(tallies)
    print(f"{len(gold)} sentences, {tallies['micro'].gold} gold entities")
    print(f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}")
    for label in [*LABELS, "micro"]:
        m = scores[label]
        print(
            f"{label:<6} {100 * m['precision']:6.1f} {100 * m['recall']:6.1f} "
            f"{100 * m['f1']:6.1f} {m['gold']:6d} {m['pred']:6d}"
        )
    path = write_json("ner_news.json", {"sentences": len(gold), "scores": scores})
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
