"""The canonical example through the real pipeline view: its six persons are found."""

from __future__ import annotations

from mahattat.entities import find
from mahattat.text.repair import repaired
from mahattat.text.sentences import sentence_spans

PERSONS = [
    "كينيث ماكينزي",
    "صدام حسين",
    "جورج دبليو بوش",
    "باراك أوباما",
    "الكاظمي",
    "دونالد ترامب",
]


def test_all_six_persons(canonical_text: str) -> None:
    text = canonical_text
    view, _ = repaired(text)
    found = find(view, sentence_spans(view))
    assert all(text[e.start : e.end] == e.text for e in found)
    persons = [e for e in found if e.label == "PER"]
    for name in PERSONS:
        # The name itself, possibly inside a longer PER span (never a title-only span).
        assert any(name in e.text for e in persons), name
    bush = [e for e in persons if e.text == "بوش"]
    full = next(e for e in persons if e.text == "جورج دبليو بوش")
    assert bush and all(e.ref == full.id for e in bush)
