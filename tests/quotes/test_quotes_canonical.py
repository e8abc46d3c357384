"""The canonical example in ../shared: McKenzie's and Bush's quotes and their speakers.

The NER stage is written apart, so the persons are placed by hand (``str.find``)."""

from __future__ import annotations

import pytest

from mahattat import quotes
from mahattat.records import Entity, Quote
from mahattat.text.repair import repaired
from mahattat.text.sentences import sentence_spans

PERSONS = ["كينيث ماكينزي", "جورج دبليو بوش", "باراك أوباما", "دونالد ترامب"]


@pytest.fixture(scope="module")
def found(canonical_text: str) -> tuple[str, list[Quote], dict[str, str]]:
    text = canonical_text
    entities = []
    for i, name in enumerate(PERSONS, 1):
        start = text.find(name)
        assert start >= 0
        entities.append(Entity(f"e{i}", start, start + len(name), name, "PER"))
    view, _ = repaired(text)
    names = {e.id: e.text for e in entities}
    return text, quotes.find(view, sentence_spans(view), entities), names


def _quote(found: list[Quote], starts_with: str) -> Quote:
    hits = [q for q in found if q.text.lstrip('«"“').startswith(starts_with)]
    assert len(hits) == 1, [q.text[:40] for q in found]
    return hits[0]


def test_mckenzie_after_qailan(found: tuple[str, list[Quote], dict[str, str]]) -> None:
    text, quoted, names = found
    q = _quote(quoted, "بعد الاعتراف بالتقدم الكبير")
    assert names[q.speaker or ""] == "كينيث ماكينزي"
    assert q.cue is not None and text[q.cue[0] : q.cue[1]] == "قائلا"
    assert q.text.startswith("«") and q.text.endswith("»")


def test_bush(found: tuple[str, list[Quote], dict[str, str]]) -> None:
    text, quoted, names = found
    q = _quote(quoted, "الجزء الأكبر من العمليات العسكرية")
    assert names[q.speaker or ""] == "جورج دبليو بوش"
    assert q.cue is not None and text[q.cue[0] : q.cue[1]] == "أعلن"
    assert q.text == "«الجزء الأكبر من العمليات العسكرية قد انتهى»"


def test_no_scare_quotes_and_sound_spans(found: tuple[str, list[Quote], dict[str, str]]) -> None:
    text, quoted, _ = found
    assert not any(q.text in ("«انهيار»", "«ضحايا حرب العراق»") for q in quoted)
    for q in quoted:
        assert text[q.start : q.end] == q.text
    starts = [q.start for q in quoted]
    assert starts == sorted(starts)
    assert len(set(starts)) == len(starts)  # no quote twice
