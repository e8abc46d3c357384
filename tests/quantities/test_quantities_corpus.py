"""Walk ``data/quantities/corpus.jsonl``: each example lists every amount its text must
yield as ``[span text, value, unit, mod]``, and nothing else (``[]``: a negative example).
``exclude`` names spans the time stage would have taken (``ثلاث سنوات``)."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from mahattat import quantities
from mahattat.text.normalize import View
from mahattat.text.repair import repaired

CORPUS = resources.files("mahattat") / "data" / "quantities" / "corpus.jsonl"


def view_of(text: str) -> View:
    return repaired(text)[0]


def _examples() -> list[tuple[str, dict]]:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    return [(f"corpus.jsonl:{n}", json.loads(line)) for n, line in enumerate(lines, 1) if line]


@pytest.mark.parametrize(("where", "example"), _examples(), ids=[w for w, _ in _examples()])
def test_corpus_example(where: str, example: dict) -> None:
    text = example["text"]
    exclude = []
    for span in example.get("exclude", []):
        start = text.index(span)
        exclude.append((start, start + len(span)))
    found = quantities.find(view_of(text), exclude)
    assert [[q.text, q.value, q.unit, q.mod] for q in found] == example["expect"], where
    assert [q.id for q in found] == [f"q{i}" for i in range(1, len(found) + 1)]
    for q in found:
        assert text[q.start : q.end] == q.text
