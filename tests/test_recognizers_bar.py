"""The Recognizers-Text Arabic bars: span recall >= 95 %, value accuracy >= 85 %.

Runs ``bench/recognizers_lib.py`` over the 12 in-scope spec files read from
``../shared``; skipped when they are absent. Details of a failure:
``.venv/bin/python bench/recognizers.py --families --misses misses.md``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import recognizers_lib as lib  # noqa: E402

needs_spec = pytest.mark.skipif(
    not lib.DATA_DIR.is_dir(), reason=f"spec files not found at {lib.DATA_DIR}"
)
REF = lib.parse_ref("2016-11-07T00:00:00")


@pytest.fixture(scope="module")
def report() -> lib.Report:
    from mahattat import extract

    cases = lib.load_cases()
    return lib.evaluate(cases, extract, lib.pooled_spans(cases))


@needs_spec
def test_all_cases_loaded() -> None:
    cases = lib.load_cases()
    assert {c.file for c in cases} == set(lib.FILES)
    assert sum(len(c.results) for c in cases) > 1000
    assert not lib.stale_suspects(cases), "spec files changed: update lib.SUSPECT"


@needs_spec
def test_no_crash(report: lib.Report) -> None:
    assert not report.errors, [f"{c.key}: {e}" for c, e in report.errors[:5]]


@needs_spec
def test_span_recall_bar(report: lib.Report) -> None:
    recall = report.total().as_dict()["span_recall"]
    assert recall >= lib.BAR_RECALL, f"span recall {recall:.3f} < {lib.BAR_RECALL}"


@needs_spec
def test_value_accuracy_bar(report: lib.Report) -> None:
    accuracy = report.total().as_dict()["value_accuracy"]
    assert accuracy >= lib.BAR_VALUE, f"value accuracy {accuracy:.3f} < {lib.BAR_VALUE}"


# The acceptance rules themselves (no spec files, no tagger needed).


def _exp(timex: str, future: dict[str, str], past: dict[str, str] | None = None) -> lib.Expected:
    return lib.Expected(0, 5, "x", "date", timex, future, past or future, True)


def _ok(value: str, exp: lib.Expected) -> bool:
    return lib.value_ok(value, lib.accept_for(exp, REF))


def test_unanchored_day_accepts_future_or_past_only() -> None:
    exp = _exp("XXXX-XX-15", {"date": "2016-11-15"}, {"date": "2016-10-15"})
    assert _ok("2016-11-15", exp) and _ok("2016-10-15", exp)
    assert not _ok("2016-12-15", exp) and not _ok("2016-11", exp)


def test_times_compare_time_of_day() -> None:
    exp = _exp("T19", {"time": "19:00:00"})
    assert _ok("2016-11-07T19:00", exp) and _ok("T19", exp) and _ok("2016-11-07T19", exp)
    assert not _ok("2016-11-07T07:00", exp) and not _ok("2016-11-07", exp)
    assert _ok("2016-11-07TMO", _exp("TMO", {"startTime": "08:00:00", "endTime": "12:00:00"}))


def test_durations_compare_by_meaning() -> None:
    assert _ok("PT30M", _exp("PT0.5H", {"duration": "1800"}))
    assert _ok("P6M", _exp("P0.5Y", {"duration": "15768000"}))
    assert _ok("P14D", _exp("P2W", {"duration": "1209600"}))
    assert not _ok("P30D", _exp("P1M", {"duration": "2592000"}))
    assert not _ok("P3M", _exp("P3D", {"duration": "259200"}))


def test_intervals_map_to_timex_granularities() -> None:
    month = _exp("XXXX-02", {"startDate": "2017-02-01", "endDate": "2017-03-01"},
                 {"startDate": "2016-02-01", "endDate": "2016-03-01"})  # fmt: skip
    assert _ok("2017-02", month) and _ok("2016-02", month)
    assert not _ok("2017-02-01", month) and not _ok("2015-02", month)
    quarter = _exp("(2016-07-01,2016-10-01,P3M)",
                   {"startDate": "2016-07-01", "endDate": "2016-10-01"})  # fmt: skip
    assert _ok("2016-Q3", quarter) and not _ok("2016-Q2", quarter)
    week = _exp("2016-W46", {"startDate": "2016-11-14", "endDate": "2016-11-21"})
    assert _ok("2016-W46", week) and not _ok("2016-W45", week)
    assert _ok("2017-SU", _exp("SU", {})) and not _ok("2016-WI", _exp("SU", {}))


def test_range_as_two_timexes() -> None:
    exp = _exp("(2016-11-04,2016-11-22,P18D)",
               {"startDate": "2016-11-04", "endDate": "2016-11-22"})  # fmt: skip
    acc = lib.accept_for(exp, REF)
    two = [lib.Pred(0, 1, "4", "DATE", "2016-11-04"), lib.Pred(3, 5, "22", "DATE", "2016-11-22")]
    assert lib.range_ok(two, acc)
    assert not lib.range_ok(two[:1], acc)
    wrong = [two[0], lib.Pred(3, 5, "22", "DATE", "2016-11-21")]
    assert not lib.range_ok(wrong, acc)
    assert not _ok("2016-11-04", exp)
