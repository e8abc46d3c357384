"""Entity-level CoNLL scores on tiny hand-computed cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from mahattat.entities.tags import chunks
from mahattat.eval.ner import Tally, metrics, read_conll, render, score


def test_chunks_read_like_conlleval() -> None:
    tags = ["B-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG", "B-MISC"]
    assert chunks(tags) == [
        (0, 2, "PER"),
        (3, 4, "LOC"),  # I- after O opens an entity
        (4, 5, "LOC"),
        (5, 6, "ORG"),
        (6, 7, "MISC"),
    ]
    assert chunks([]) == []
    assert chunks(["O", "O"]) == []


def test_read_conll_maps_pers_and_keeps_empty_tokens(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("زار B-PERS\nعلي I-PERS\n O\n\nفي O\nبغداد B-LOC\n\n\n", "utf-8")
    assert read_conll(path) == [
        (["زار", "علي", ""], ["B-PER", "I-PER", "O"]),
        (["في", "بغداد"], ["O", "B-LOC"]),
    ]


def test_exact_span_and_type_only() -> None:
    gold = ["B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG"]
    pred = ["B-PER", "O", "O", "B-LOC", "O", "B-LOC"]
    # gold: PER 0-2, LOC 3-4, ORG 5-6; pred: PER 0-1 (wrong span), LOC 3-4, LOC 5-6.
    t = score([(gold, pred)])
    assert t["micro"] == Tally(gold=3, pred=3, correct=1)
    assert t["LOC"] == Tally(gold=1, pred=2, correct=1)
    assert t["PER"] == Tally(gold=1, pred=1, correct=0)
    assert t["ORG"] == Tally(gold=1, pred=0, correct=0)
    m = metrics(t)
    assert m["micro"]["precision"] == pytest.approx(1 / 3)
    assert m["micro"]["f1"] == pytest.approx(1 / 3)
    assert m["LOC"]["precision"] == pytest.approx(0.5)
    assert m["LOC"]["f1"] == pytest.approx(2 / 3)
    assert m["ORG"]["f1"] == 0.0
    assert m["MISC"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "gold": 0, "pred": 0}


def test_micro_adds_up_over_sentences() -> None:
    pairs = [
        (["B-PER", "I-PER"], ["B-PER", "I-PER"]),
        (["B-LOC", "O", "B-MISC", "I-MISC"], ["B-LOC", "O", "O", "B-MISC"]),
    ]
    m = metrics(score(pairs))["micro"]
    assert (m["gold"], m["pred"]) == (3, 3)
    assert m["recall"] == pytest.approx(2 / 3)


def test_render_is_a_table() -> None:
    result = {
        "test": "t.txt",
        "sentences": 1,
        "tokens": 2,
        "scores": metrics(score([(["B-PER", "O"], ["B-PER", "O"])])),
    }
    lines = render(result).splitlines()
    assert lines[0] == "t.txt: 1 sentences, 2 tokens"
    assert lines[2].split() == ["PER", "100.00", "100.00", "100.00", "1", "1"]
    assert lines[-1].startswith("micro")
