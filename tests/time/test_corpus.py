"""Walk every example of ``data/time/corpus``: each rule family keeps its examples there.

An example lists every expression its text must yield, as
``[span text, type, value, mod]`` (and a fifth item, the ``note``, when the timex has
one: ``"weekday-mismatch"``), and nothing else: an empty list is a negative example.
"""

from __future__ import annotations

import json
from importlib import resources

import pytest

from mahattat import extract

CORPUS = resources.files("mahattat") / "data" / "time" / "corpus"


def _examples() -> list[tuple[str, dict]]:
    out = []
    for path in sorted(CORPUS.iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".jsonl"):
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                out.append((f"{path.name}:{n}", json.loads(line)))
    return out


@pytest.mark.parametrize(("where", "example"), _examples(), ids=[w for w, _ in _examples()])
def test_corpus_example(where: str, example: dict) -> None:
    doc = extract(example["text"], published=example["dct"])
    got = [[t.text, t.type, t.value, t.mod, *([t.note] if t.note else [])] for t in doc.timexes]
    assert got == example["expect"], where
    for t in doc.timexes:
        assert example["text"][t.start : t.end] == t.text
