"""Each date's next best lines (``candidates``), offered to an editor who would rather
keep another line than the one chosen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from mahattat.store import Store
from mahattat.timelines import summarize

QUERY = "سوق الزيتون"
DOCS = [
    ("a1", "2021-05-10", "wire",
     "اندلع حريق كبير في سوق الزيتون القديم في 9 مايو 2021 وأتى على عشرات المحلات التجارية."),
    ("b1", "2021-05-10", "daily",
     "اندلع حريق كبير في سوق الزيتون القديم في 9 مايو 2021 وأتى على عشرات المحلات التجارية."
     " وقال شهود إن ألسنة اللهب ارتفعت فوق سوق الزيتون حتى ساعات الفجر الأولى."),
    ("c1", "2021-05-10", "radio",
     "أعلن الدفاع المدني في 9 مايو 2021 أن فرقه أخمدت حريق سوق الزيتون بعد ست ساعات من العمل."),
    ("a2", "2021-05-20", "wire",
     "أعادت البلدية في 19 مايو 2021 فتح سوق الزيتون أمام التجار بعد ترميم الأجزاء المتضررة."),
]  # fmt: skip


@pytest.fixture(scope="module")
def store(archive: Callable[..., Path]) -> Store:
    return Store(archive(DOCS))


def test_the_fire_day_offers_the_civil_defence_line(store: Store) -> None:
    tl = summarize(store, QUERY, dates=5, candidates=2)
    fire = {e.date: e for e in tl.entries}["2021-05-09"]
    (item,) = fire.items
    assert {item.doc_id, *item.also} == {"a1", "b1"}  # one line, told by two outlets
    assert [c.doc_id for c in fire.candidates] == ["c1"]  # the same line is no candidate
    texts = {i: t for i, _, _, t in DOCS}
    for e in tl.entries:
        for it in e.candidates:
            assert texts[it.doc_id][it.start : it.end] == it.text
            assert it.text not in {i.text for i in e.items}


def test_no_more_candidates_than_asked(store: Store) -> None:
    tl = summarize(store, QUERY, dates=5, candidates=1)
    assert all(len(e.candidates) <= 1 for e in tl.entries)
    assert any(e.candidates for e in tl.entries)


def test_asking_for_candidates_changes_nothing_else(store: Store) -> None:
    plain = summarize(store, QUERY, dates=5)
    more = summarize(store, QUERY, dates=5, candidates=3)
    assert all(e.candidates == () for e in plain.entries)
    assert [replace(e, candidates=()) for e in more.entries] == list(plain.entries)


def test_candidates_are_in_the_json_only_when_asked(store: Store) -> None:
    plain = summarize(store, QUERY, dates=5).as_dict()
    more = summarize(store, QUERY, dates=5, candidates=2).as_dict()
    assert all("candidates" not in e for e in plain["entries"])
    fire = next(e for e in more["entries"] if e["date"] == "2021-05-09")
    assert [c["doc_id"] for c in fire["candidates"]] == ["c1"]
    assert fire["candidates"][0]["also"] == []


def test_the_other_methods_offer_none(store: Store) -> None:
    tl = summarize(store, QUERY, dates=5, method="busiest-days", candidates=3)
    assert all(e.candidates == () for e in tl.entries)
