"""Random and adversarial text: the quotes stage never raises and every span (quote, cue)
points into the original text; speakers are ids of the entities given."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mahattat import quotes
from mahattat.records import Entity
from mahattat.text.repair import repaired
from mahattat.text.sentences import sentence_spans

_WORDS = [
    "قال", "وقال", "قالت", "أعلن", "أكد", "وأضاف", "قائلا", "مضيفا", "مشيرا إلى", "يقول",
    "سيعلن", "وتابع", "تابع", "إن", "أن", "أنه", "بأن", "قبل أن", "الوزير", "سامي", "في بيان",
    "منظمة", "حزب", "الحكومة", "للصحفيين", "الوضع", "خطير", "جدا",
]
_BITS = ["«", "»", '"', "“", "”", ":", "،", ",", ".", "؟", "!", " ", " ", " ", "\n", "\n\n",
         "\u064e", "\u0640", "10:30", "و", "ب"]
_TOKEN = st.sampled_from(_WORDS + _BITS)
_TEXT = st.lists(_TOKEN, max_size=60).map("".join)
_LABELS = st.sampled_from(["PER", "ORG", "LOC", "MISC"])


def _check(text: str, spans: list[tuple[int, int, str]]) -> None:
    view, _ = repaired(text)
    entities = [
        Entity(f"e{i}", s, e, text[s:e], label)  # type: ignore[arg-type]
        for i, (s, e, label) in enumerate(spans, 1)
    ]
    ids = {e.id for e in entities}
    found = quotes.find(view, sentence_spans(view), entities)
    for q in found:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.speaker is None or q.speaker in ids
        if q.cue is not None:
            assert 0 <= q.cue[0] < q.cue[1] <= len(text)
    assert [q.start for q in found] == sorted(q.start for q in found)


@st.composite
def _document(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, str]]]:
    text = draw(_TEXT)
    n = len(text)
    raw = draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n), _LABELS), max_size=6))
    return text, [(min(a, b), max(a, b), label) for a, b, label in raw]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_document())
def test_speech_words_in_any_order(doc: tuple[str, list[tuple[int, int, str]]]) -> None:
    _check(*doc)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode(text: str) -> None:
    _check(text, [])


def test_long_adversarial_runs() -> None:
    for unit in ("«", "«قال", '"ا', "قال أن ", "قائلا: «", "وقال ", "\n", "«" + "ا" * 50):
        _check(unit * (50_000 // len(unit)), [(0, 3, "PER")])
    n = 50_000 // len("وقال «انتهت المهمة». ")  # every quote of a long run, once
    view, _ = repaired("وقال «انتهت المهمة». " * n)
    found = quotes.find(view, sentence_spans(view), [])
    assert [q.text for q in found] == ["«انتهت المهمة»"] * n
