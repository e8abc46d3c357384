"""The canonical example in ../shared: its eight amounts of troops and civilians."""

from __future__ import annotations

import datetime as dt

import pytest

from mahattat import quantities
from mahattat.text.normalize import View
from mahattat.text.repair import repaired
from mahattat.text.sentences import sentence_spans
from mahattat.time import tag

EXPECTED = [  # (text, value, unit, mod), in text order
    ("5200", 5200, "جندي", None),
    ("3000 جندي", 3000, "جندي", None),
    ("10 آلاف جندي", 10000, "جندي", "MORE_THAN"),
    ("ألفي جندي", 2000, "جندي", None),
    ("30 ألف رجل", 30000, "رجل", "APPROX"),
    ("165 ألف جندي", 165000, "جندي", None),
    ("100 ألف مدني", 100000, "مدني", "MORE_THAN"),
    ("4500 جندي", 4500, "جندي", "APPROX"),
]


@pytest.fixture(scope="module")
def view(canonical_text: str) -> View:
    return repaired(canonical_text)[0]


def _check(view: View, found: list) -> None:
    got = [(q.text, q.value, q.unit, q.mod) for q in found]
    rest = iter(got)
    assert all(e in rest for e in EXPECTED), got  # all eight, in this order
    for q in found:
        assert view.original[q.start : q.end] == q.text


def test_with_the_time_stage(view: View) -> None:
    timexes = tag(view, dt.date(2020, 9, 9), sentence_spans(view))
    found = quantities.find(view, [(t.start, t.end) for t in timexes])
    _check(view, found)
    # Inside the quote the range comes again, "من حوالي 5200 إلى 3000 جندي".
    assert ("5200", 5200, "جندي", "APPROX") in [(q.text, q.value, q.unit, q.mod) for q in found]
    # Years, dates and durations are the time stage's.
    assert not any(q.text.startswith(("2003", "2011", "50")) for q in found)


def test_alone(view: View) -> None:
    """Without the time stage's spans, dates and years are still no amounts."""
    found = quantities.find(view)
    _check(view, found)
    assert len(found) == len(quantities.find(view, [(0, 0)]))
    assert all(q.unit or q.mod for q in found)
