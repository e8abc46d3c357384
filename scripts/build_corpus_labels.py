"""Generate ``src/mahattat/data/entities/corpus-labels.table``: what a first model says of
each word across the 41k articles of ``../shared/corpora``.

A CRF trained on ANERcorp train without this file tags every sentence of the corpora
(a few minutes); for each clitic-less stem it counts the tokens inside an entity of
each label and all its tokens. A stem inside entities of one label at least
``MIN_COUNT`` times gets that label with a confidence band (the share of its tokens:
``BANDS``). The CRF then reads it as a feature: a name seen with a title a thousand
times in the corpora is a name without one.

The output holds vocabulary only (word -> label, band, as a word table), never text. The base
model is trained with fixed parameters (``BASE_PARAMS``: c1 0.3, not the shipped model's
0.5; labels from a c1 0.5 base scored 75.9 dev F1 against 76.4, see
``mahattat.entities.train``), so a re-run on the same data gives the same file (checked:
byte-identical). Rebuild the shipped model after it: ``python -m mahattat.entities.train``.
"""

from __future__ import annotations

import gzip
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from mahattat.entities import features, train
from mahattat.entities.features import TOKEN
from mahattat.entities.model import Model
from mahattat.text import wordtable
from mahattat.text.normalize import normalize
from mahattat.text.sentences import sentence_spans

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/mahattat/data/entities/corpus-labels.table"
CORPORA = ROOT.parent / "shared" / "corpora"
MIN_COUNT = 2
BANDS = ((0.9, "hi"), (0.6, "mid"), (0.3, "lo"), (0.1, "vlo"))
BASE_PARAMS = {"c1": 0.3}  # over train.PARAMS


def count(model: Model, paths: list[Path]) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = {}
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                view = normalize(json.loads(line).get("text") or "")
                for s, e in sentence_spans(view):
                    words = [m.group() for m in TOKEN.finditer(view.text, s, e)]
                    for w, tag in zip(words, model.tag(words), strict=True):
                        stem = model.features.word(w).stem.lower()
                        counts.setdefault(stem, Counter())[tag[2:] or "O"] += 1
    return counts


def bands(counts: dict[str, Counter[str]]) -> list[tuple[str, str, str]]:
    rows = []
    for word, c in counts.items():
        entities = [(n, label) for label, n in c.items() if label != "O"]
        if not entities:
            continue
        n, label = max(entities)
        share = n / sum(c.values())
        band = next((b for floor, b in BANDS if share >= floor), None)
        if n >= MIN_COUNT and band:
            rows.append((word, label, band))
    return sorted(rows)


def main() -> None:
    started = time.time()
    features.CORPUS_LABELS = "-"  # the base model must not read the file it builds
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base.crfsuite"
        stats = train.train(train.ANERCORP / "train.txt", base, BASE_PARAMS)
        print(f"base model: {stats['seconds']}s", file=sys.stderr)
        counts = count(Model(base), sorted(CORPORA.glob("*.jsonl.gz")))
    rows = bands(counts)
    about = "scripts/build_corpus_labels.py from ../shared/corpora: word -> label, band"
    wordtable.write(OUT, {w: (label, band) for w, label, band in rows}, ["label", "band"], about)
    print(f"wrote {OUT}: {len(rows)} words, {time.time() - started:.0f}s")


if __name__ == "__main__":
    main()
