"""CoNLL-style named-entity scores: entity-level micro P/R/F1 with per-type figures.

An entity is a chunk of IOB2 tags read the way ``conlleval`` reads them: ``B-X`` opens
one, ``I-X`` continues an open ``X`` (or opens one after ``O`` or another type). A
predicted entity counts only with the gold's exact span and type. Reading, scoring
and the report are here; the tagger is the pipeline's own (same features, model, title
rule and document pass; ANERcorp has no document breaks, so a sentence's document is
the ten sentences each side of it).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..entities.model import tag_tokens
from ..entities.tags import chunks

LABELS = ("PER", "LOC", "ORG", "MISC")
# ANERcorp's names for the same types.
_ALIASES = {"PERS": "PER"}

Sentence = tuple[list[str], list[str]]  # tokens, IOB2 tags


def _tag(raw: str) -> str:
    if raw == "O" or "-" not in raw:
        return "O"
    prefix, _, label = raw.partition("-")
    return f"{prefix}-{_ALIASES.get(label, label)}"


def read_conll(path: Path) -> list[Sentence]:
    """``token TAG`` lines (space or tab), blank lines between sentences. The tag is the
    last field; a token may be empty (ANERcorp has a few lines of only `` O``)."""
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            if tokens:
                sentences.append((tokens, tags))
                tokens, tags = [], []
            continue
        *token, tag = line.rsplit(None, 1)
        tokens.append(token[0].strip() if token else "")
        tags.append(_tag(tag))
    if tokens:
        sentences.append((tokens, tags))
    return sentences


@dataclass(frozen=True, slots=True)
class Tally:
    gold: int = 0
    pred: int = 0
    correct: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.gold + other.gold, self.pred + other.pred, self.correct + other.correct)

    def prf(self) -> tuple[float, float, float]:
        p = self.correct / self.pred if self.pred else 0.0
        r = self.correct / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(pairs: Iterable[tuple[Sequence[str], Sequence[str]]]) -> dict[str, Tally]:
    """Tallies per label and ``"micro"`` over (gold tags, predicted tags) pairs."""
    tallies: dict[str, Tally] = {}
    for gold_tags, pred_tags in pairs:
        gold, pred = set(chunks(gold_tags)), set(chunks(pred_tags))
        for label in {x[2] for x in gold | pred}:
            g = {x for x in gold if x[2] == label}
            p = {x for x in pred if x[2] == label}
            tallies[label] = tallies.get(label, Tally()) + Tally(len(g), len(p), len(g & p))
    tallies["micro"] = sum(tallies.values(), Tally())
    return tallies


def metrics(tallies: dict[str, Tally]) -> dict[str, dict[str, float | int]]:
    out: dict[str, dict[str, float | int]] = {}
    for label in [*LABELS, *sorted(set(tallies) - {*LABELS, "micro"}), "micro"]:
        t = tallies.get(label, Tally())
        p, r, f = t.prf()
        out[label] = {"precision": p, "recall": r, "f1": f, "gold": t.gold, "pred": t.pred}
    return out


def evaluate(test_path: Path, model_path: Path | None = None) -> dict[str, Any]:
    """Tag the tokens of a CoNLL file with the shipped (or given) model and score it."""
    sentences = read_conll(test_path)
    predicted = tag_tokens([tokens for tokens, _ in sentences], model_path)
    pairs = [(tags, pred) for (_, tags), pred in zip(sentences, predicted, strict=True)]
    return {
        "test": str(test_path),
        "sentences": len(sentences),
        "tokens": sum(len(t) for t, _ in sentences),
        "scores": metrics(score(pairs)),
    }


def render(result: dict[str, Any]) -> str:
    """The report as a plain-text table (percentages)."""
    lines = [
        f"{result['test']}: {result['sentences']} sentences, {result['tokens']} tokens",
        f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}",
    ]
    for label, m in result["scores"].items():
        lines.append(
            f"{label:<6} {100 * m['precision']:6.2f} {100 * m['recall']:6.2f} "
            f"{100 * m['f1']:6.2f} {m['gold']:6d} {m['pred']:6d}"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    """``python -m mahattat.eval.ner [TEST] [MODEL]``: the report on ANERcorp test (or
    the given CoNLL file) with the shipped (or given) model."""
    from ..entities.train import ANERCORP  # train imports this module: import it late

    test = Path(argv[0]) if argv else ANERCORP / "test.txt"
    print(render(evaluate(test, Path(argv[1]) if len(argv) > 1 else None)))


if __name__ == "__main__":
    main(sys.argv[1:])
