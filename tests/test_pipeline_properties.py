"""Every layer of the pipeline points into the text the user gave, whatever the text: lone
surrogates, lone carriage returns, NUL, bidi marks, glued words and dates in any order."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mahattat import extract
from mahattat.records import Document

# Our own words: dates, names, amounts, speech, glued words, and the characters scrapers
# leave behind.
_PIECES = [
    "أعلن", "الرئيس", "دونالد ترامب", "في", "بغداد", "يوم", "الثلاثاء", "3 مارس 2019",
    "قال", "إن", "«", "»", '"', "10 آلاف جندي", "نحو", "الولاياتالمتحدة", "1مايو",
    "منذ عام 2003", "أمس", ".", "،", ":", "\n", "\r", "\r\n", "\x00", "\u200f", "\u202e",
    "\ufeff", "\ud800", "\udfff", "ﻻ", "كَتَبَ", "ـ", " ", "٢٠١٨", "وزارة الخارجية",
]  # fmt: skip
_TEXT = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), min_size=1, max_size=40
).map(" ".join)


def _spans(doc: Document) -> list[tuple[str, int, int, str]]:
    layers = {
        "timex": doc.timexes,
        "entity": doc.entities,
        "quantity": doc.quantities,
        "quote": doc.quotes,
        "event": (*doc.events, *doc.background),
        "sentence": doc.sentences,
        "repair": doc.repairs,
    }
    return [(name, x.start, x.end, x.text) for name, xs in layers.items() for x in xs]


def _check(text: str) -> None:
    doc = extract(text, "2019-03-06")
    for name, start, end, span in _spans(doc):
        assert 0 <= start <= end <= len(text), name
        assert text[start:end] == span, name
    for q in doc.quotes:
        assert q.cue is None or 0 <= q.cue[0] <= q.cue[1] <= len(text)
    ids = {e.id for e in doc.entities} | {q.id for q in doc.quantities}
    for ev in (*doc.events, *doc.background):
        assert set(ev.actors + ev.places + ev.quantities) <= ids
    assert {e.ref for e in doc.entities} - {None} <= {e.id for e in doc.entities}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_every_layer_points_into_the_text(text: str) -> None:
    _check(text)


def test_the_characters_scrapers_leave() -> None:
    text = "قال\r الرئيس\x00 ترامب\ud800 في\u202e 3 مارس\u200f 2019 إن «الاتفاق\r\nانتهى»."
    _check(text)
    doc = extract(text, "2019-03-06")
    assert [t.value for t in doc.timexes] == ["2019-03-03"]
