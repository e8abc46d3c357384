"""Issue 3's bars on the canonical dispatch: its chronology, persons, quantities, quotes."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
import regex

from mahattat import extract
from mahattat.records import Document
from mahattat.text.normalize import fold

EXAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "examples"
TEXT = EXAMPLES / "iraq-us-2020-09-09.txt"
GOLD = EXAMPLES / "iraq-us-2020-09-09.gold.json"
MAX_EXTRA_DATES = 2
MIN_WORD_RECALL = 0.8

pytestmark = pytest.mark.skipif(not TEXT.exists(), reason="../shared is absent")


@cache
def _run() -> tuple[Document, dict]:
    doc = extract(TEXT.read_text("utf-8"), published="2020-09-09")
    return doc, json.loads(GOLD.read_text("utf-8"))


def _words(text: str) -> set[str]:
    return set(regex.findall(r"\w+", fold(text)))


def test_chronology_dates() -> None:
    doc, gold = _run()
    want = {(g["date"], g.get("mod")) for g in gold["timeline"]}
    got = {(e.date, e.mod) for e in doc.events}
    assert want - got == set()
    assert len(got - want) <= MAX_EXTRA_DATES, sorted(got - want, key=str)


def test_each_gold_event_is_covered_by_its_event() -> None:
    doc, gold = _run()
    for g in gold["timeline"]:
        same = [e for e in doc.events if (e.date, e.mod) == (g["date"], g.get("mod"))]
        want = _words(g["text"])
        best = max(len(want & _words(e.text)) / len(want) for e in same)
        assert best >= MIN_WORD_RECALL, (g["text"], [e.text for e in same])


def test_persons() -> None:
    doc, gold = _run()
    persons = [e.text for e in doc.entities if e.label == "PER"]
    for name in gold["entities_expected"]["PER"]:
        assert any(name in p or p in name for p in persons), name


def test_quantities() -> None:
    doc, gold = _run()
    got = {(q.value, q.unit) for q in doc.quantities}
    for q in gold["quantities_expected"]:
        assert (q["value"], q["unit"]) in got, q


def test_quotes_and_speakers() -> None:
    doc, gold = _run()
    names = {e.id: e for e in doc.entities}
    for want in gold["quotes_expected"]:
        (quote,) = [q for q in doc.quotes if want["starts_with"] in q.text]
        speaker = names[quote.speaker]
        speaker = names.get(speaker.ref, speaker) if speaker.ref else speaker
        assert speaker.text in want["speaker"] or want["speaker"] in speaker.text
