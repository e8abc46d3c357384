"""Walk ``data/quotes/corpus.jsonl``: each example gives its entities as ``[surface,
label]`` (placed at the surface's first occurrence, as the NER stage would) and lists every
quote its text must yield as ``[quote text, speaker surface, cue text]``, and nothing else."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from mahattat import quotes
from mahattat.records import Entity
from mahattat.text.normalize import View
from mahattat.text.repair import repaired
from mahattat.text.sentences import sentence_spans

CORPUS = resources.files("mahattat") / "data" / "quotes" / "corpus.jsonl"


def view_of(text: str) -> View:
    return repaired(text)[0]


def entities_of(text: str, named: list[list[str]]) -> list[Entity]:
    out = []
    for i, (surface, label) in enumerate(named, 1):
        start = text.index(surface)
        out.append(Entity(f"e{i}", start, start + len(surface), surface, label))  # type: ignore[arg-type]
    return sorted(out, key=lambda e: e.start)


def _examples() -> list[tuple[str, dict]]:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    return [(f"corpus.jsonl:{n}", json.loads(line)) for n, line in enumerate(lines, 1) if line]


@pytest.mark.parametrize(("where", "example"), _examples(), ids=[w for w, _ in _examples()])
def test_corpus_example(where: str, example: dict) -> None:
    text = example["text"]
    view = view_of(text)
    entities = entities_of(text, example["entities"])
    names = {e.id: e.text for e in entities}
    found = quotes.find(view, sentence_spans(view), entities)
    got = [
        [q.text, names.get(q.speaker or ""), text[q.cue[0] : q.cue[1]] if q.cue else None]
        for q in found
    ]
    assert got == example["expect"], where
    for q in found:
        assert text[q.start : q.end] == q.text
