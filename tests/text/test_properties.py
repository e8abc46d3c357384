"""Random and adversarial text: the text layer never raises and every span is sound."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mahattat.text.normalize import normalize
from mahattat.text.repair import find_repairs
from mahattat.text.sentences import sentence_spans, split_sentences

_PIECES = [
    "الولاياتالمتحدة", "شهرسبتمبر", "بغدادوواشنطن", "ماكينزي", "1مايو", "عام٢٠٢٠", "ﻻ",
    "ﷲ", "كَتَبَ", "ـــ", "\u200f", "\u200e", "\u200b", "\ufeff", "\u00a0", "\n", ". ", ".",
    "؟", "! ", ":", " ", "3.5", "د.", "ق.م.", "٫", "«", "»", "الحرب: ", "9" * 60, "ةال",
]
_ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
_ANY = st.characters(codec="utf-8")
_TEXT = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.text(_ARABIC, max_size=8), st.text(_ANY, max_size=4)),
    max_size=40,
).map("".join)


def _check(text: str) -> None:
    points, repairs = find_repairs(normalize(text))
    for r in repairs:
        assert 0 <= r.start <= r.end <= len(text)
        assert text[r.start : r.end] == r.text
    assert all(0 <= p <= len(text) for p in points)
    view = normalize(text, points)
    for start, end in sentence_spans(view):
        assert 0 <= start <= end <= len(view.text)
        s, e = view.to_original(start, end)
        assert 0 <= s <= e <= len(text)
    for sent in split_sentences(view):
        assert text[sent.start : sent.end] == sent.text
    for i in range(len(view.text)):  # to_view inverts start_of
        o = view.start_of(i)
        assert view.start_of(view.to_view(o)) == o


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_text_layer_is_total(text: str) -> None:
    _check(text)


@settings(max_examples=100, deadline=None)
@given(st.text(_ANY, max_size=200))
def test_any_unicode(text: str) -> None:
    _check(text)


def test_adversarial_runs() -> None:
    for text in ["9" * 5000, "ا" * 5000, "ـ" * 500 + "ب", "\u064b" * 300, "ﻻ" * 100, ". " * 500]:
        _check(text)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_fold_is_the_view_of_a_string(text: str) -> None:
    from mahattat.text.normalize import fold

    assert fold(text) == normalize(text).text


_MARKS = st.sampled_from(
    ["\u064e", "\u0651", "\u0640", "\u200f", "\ufeff", "\u00ad", "ﻻ", "ﷲ", "ب", " ", "\n"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_MARKS, st.characters(codec="utf-8")), max_size=30).map("".join))
def test_clusters_are_those_of_the_cluster_pattern(text: str) -> None:
    import regex

    from mahattat.text.normalize import _EXPAND, DELETE, _clusters

    # the reference: a letter and its marks, a presentation form and its marks, stray marks
    cluster = regex.compile(f"[{_EXPAND}][{DELETE}]*|[^{DELETE}][{DELETE}]+|[{DELETE}]+")
    want = [(m.start(), m.end()) for m in cluster.finditer(text)]
    assert [(s, e) for s, e, _ in _clusters(text)] == want
