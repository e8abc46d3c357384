"""The events corpus (``data/events/corpus.jsonl``): each example's events, field by field.

``actors``, ``targets`` and ``places`` are written as the entities' texts (ids depend on
the NER's numbering); every other field as the record holds it.
"""

from __future__ import annotations

import json
from importlib import resources

import pytest

from mahattat import extract

CORPUS = resources.files("mahattat") / "data" / "events" / "corpus.jsonl"
EXAMPLES = [json.loads(line) for line in CORPUS.read_text("utf-8").splitlines() if line]
NAMED = ("actors", "targets", "places")


@pytest.mark.parametrize("ex", EXAMPLES, ids=[e["text"][:30] for e in EXAMPLES])
def test_example(ex: dict) -> None:
    doc = extract(ex["text"], published=ex["published"])
    names = {e.id: e.text for e in doc.entities}
    assert len(doc.events) == len(ex["events"]), [e.date for e in doc.events]
    for want, got in zip(ex["events"], doc.events, strict=True):
        for key, value in want.items():
            found = getattr(got, key)
            if key in NAMED:
                found = [names[i] for i in found]
            assert found == value, (key, got)
