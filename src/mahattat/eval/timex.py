"""TempEval-3 style scores for temporal expressions, as pure functions.

A timex is any mapping with ``start``, ``end``, ``text``, ``type``, ``value`` and
optionally ``mod`` (gold files and mahattat's JSON share the shape). Gold and predicted
timexes are paired one to one, each gold taking the free prediction that overlaps it
most, as ``../shared/tools/seedcheck.py`` does; an exact span wins a tie.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any, Literal, NamedTuple

Span = Mapping[str, Any]
ErrorKind = Literal["missed", "spurious", "wrong value", "wrong type"]


class PRF(NamedTuple):
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True, slots=True)
class Counts:
    """Tallies that add up across documents (micro-averaging)."""

    gold: int = 0
    pred: int = 0
    relaxed: int = 0  # matched pairs (overlap)
    strict: int = 0  # matched pairs with the same start and end
    value: int = 0  # matched pairs with the right value (and mod, when the gold has one)
    type: int = 0  # matched pairs with the right type

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


@dataclass(frozen=True, slots=True)
class Error:
    kind: ErrorKind
    doc: str | None
    gold: Span | None = None
    pred: Span | None = None


@dataclass(frozen=True, slots=True)
class Score:
    counts: Counts
    errors: tuple[Error, ...]


def overlap(a: Span, b: Span) -> int:
    """Characters two spans share (0 when they are disjoint)."""
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def _exact(a: Span, b: Span) -> bool:
    return a["start"] == b["start"] and a["end"] == b["end"]


def match(gold: Sequence[Span], pred: Sequence[Span]) -> list[tuple[int, int]]:
    """One-to-one ``(gold index, pred index)`` pairs, greedy by largest overlap in gold order."""
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold):
        candidates = [
            ((overlap(g, p), _exact(g, p)), pi)
            for pi, p in enumerate(pred)
            if pi not in used and overlap(g, p) > 0
        ]
        if candidates:
            # max() keeps the first of equal keys: the earliest prediction, as seedcheck.
            _, pi = max(candidates, key=lambda c: c[0])
            used.add(pi)
            pairs.append((gi, pi))
    return pairs


def value_ok(gold: Span, pred: Span) -> bool:
    """Same value, and the same mod when the gold has one."""
    return gold["value"] == pred.get("value") and (
        not gold.get("mod") or gold.get("mod") == pred.get("mod")
    )


def score_doc(gold: Sequence[Span], pred: Sequence[Span], doc: str | None = None) -> Score:
    """Counts and errors for one document."""
    pairs = match(gold, pred)
    matched = [(gold[gi], pred[pi]) for gi, pi in pairs]
    counts = Counts(
        gold=len(gold),
        pred=len(pred),
        relaxed=len(pairs),
        strict=sum(_exact(g, p) for g, p in matched),
        value=sum(value_ok(g, p) for g, p in matched),
        type=sum(g.get("type") == p.get("type") for g, p in matched),
    )
    return Score(counts, tuple(_errors(gold, pred, pairs, doc)))


def _errors(
    gold: Sequence[Span], pred: Sequence[Span], pairs: list[tuple[int, int]], doc: str | None
) -> list[Error]:
    by_gold = dict(pairs)
    matched_pred = set(by_gold.values())
    errors = []
    for gi, g in enumerate(gold):
        if gi not in by_gold:
            errors.append(Error("missed", doc, gold=g))
            continue
        p = pred[by_gold[gi]]
        if not value_ok(g, p):
            errors.append(Error("wrong value", doc, gold=g, pred=p))
        if g.get("type") != p.get("type"):
            errors.append(Error("wrong type", doc, gold=g, pred=p))
    errors += [Error("spurious", doc, pred=p) for i, p in enumerate(pred) if i not in matched_pred]
    errors.sort(key=_start)
    return errors


def _start(e: Error) -> int:
    span = e.gold if e.gold is not None else e.pred
    return int(span["start"]) if span is not None else 0


def score_corpus(docs: Iterable[tuple[str | None, Sequence[Span], Sequence[Span]]]) -> Score:
    """Micro-averaged counts and all errors over ``(doc id, gold, pred)`` triples."""
    counts, errors = Counts(), list[Error]()
    for doc, gold, pred in docs:
        score = score_doc(gold, pred, doc)
        counts += score.counts
        errors += score.errors
    return Score(counts, tuple(errors))


def prf(hits: int, npred: int, ngold: int) -> PRF:
    """Precision, recall and F1; 0.0 where a denominator is 0 (as seedcheck)."""
    p = hits / npred if npred else 0.0
    r = hits / ngold if ngold else 0.0
    return PRF(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def metrics(counts: Counts) -> dict[str, Any]:
    """The TempEval-3 figures: span P/R/F1 (strict, relaxed), value F1, accuracies."""
    c = counts
    return {
        "strict": prf(c.strict, c.pred, c.gold)._asdict(),
        "relaxed": prf(c.relaxed, c.pred, c.gold)._asdict(),
        "value": prf(c.value, c.pred, c.gold)._asdict(),
        "value_accuracy": c.value / c.relaxed if c.relaxed else 0.0,
        "type_accuracy": c.type / c.relaxed if c.relaxed else 0.0,
        "counts": {f.name: getattr(c, f.name) for f in fields(c)},
    }


def report(score: Score, ndocs: int) -> dict[str, Any]:
    """The JSON report of ``mahattat eval timex --json``."""
    errors = [{"kind": e.kind, "doc": e.doc, "gold": e.gold, "pred": e.pred} for e in score.errors]
    return {"documents": ndocs, **metrics(score.counts), "errors": errors}


def render(score: Score, ndocs: int, max_errors: int = 50) -> str:
    """The report as a table of scores, then the first ``max_errors`` errors, one a line."""
    m = metrics(score.counts)
    c = m["counts"]
    lines = ["timex scores", f"{'':<16}{'P':>7}{'R':>7}{'F1':>7}"]
    for label, key in (("strict span", "strict"), ("relaxed span", "relaxed"), ("value", "value")):
        lines.append(f"{label:<16}" + "".join(f"{x:7.3f}" for x in m[key].values()))
    lines.append(f"{'value accuracy':<16}{'':>14}{m['value_accuracy']:7.3f}")
    lines.append(f"{'type accuracy':<16}{'':>14}{m['type_accuracy']:7.3f}")
    lines.append(
        f"{ndocs} document(s): {c['gold']} gold, {c['pred']} predicted, {c['relaxed']} matched"
    )
    lines += [describe(e, show_doc=ndocs > 1) for e in score.errors[:max_errors]]
    if len(score.errors) > max_errors:
        lines.append(f"… and {len(score.errors) - max_errors} more (--max-errors)")
    return "\n".join(lines)


def describe(e: Error, show_doc: bool = False) -> str:
    """One error as a line: its kind, the text and span, and what was expected."""

    def show(t: Span | None) -> str:
        t = t or {}
        return " ".join(str(x) for x in (t.get("type"), t.get("value"), t.get("mod")) if x)

    span = e.gold or e.pred or {}
    head = f"{e.kind:<12} {e.doc + '  ' if show_doc and e.doc else ''}"
    head += f"«{span.get('text', '')}» {span.get('start')}-{span.get('end')}"
    if e.kind in ("missed", "spurious"):
        return f"{head}  {show(span)}"
    return f"{head}  gold {show(e.gold)}, got {show(e.pred)}"
