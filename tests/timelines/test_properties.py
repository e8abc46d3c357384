"""Property tests of the timeline's text patterns and the search terms on adversarial
input: nothing raises, a dateline cut lands inside the sentence, and long inputs finish
(timing itself is a bench matter)."""

from __future__ import annotations

import contextlib

from hypothesis import given, settings
from hypothesis import strategies as st

from mahattat.store.query import QueryError
from mahattat.store.terms import query_groups, terms
from mahattat.timelines import settings as tl_settings

_BITS = ["دبي", "،", ",", " ", "(", ")", "CNN", "أ ف ب", "-", "--", "—", "\n", ".", "|", "OR",
         "والرئيس", "ا", "\u064e"]  # fmt: skip
_TEXT = st.lists(st.sampled_from(_BITS), max_size=80).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_dateline_cut_stays_in_the_text(text: str) -> None:
    m = tl_settings().dateline.match(text, 0, len(text))
    assert m is None or 0 < m.end() <= len(text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXT, st.text(max_size=200)))
def test_query_groups_hold_the_query_terms(query: str) -> None:
    try:
        groups = query_groups(query)
    except QueryError:
        return  # nothing to find, or an unbalanced quote: store/test_query.py
    assert all(groups) and all(w for g in groups for w in g)
    plain = not any(c in query for c in '|"«»“”-') and "OR" not in query.split()
    if plain:  # no operator: one group a written word (a phrase when it has several terms)
        assert groups == [list(dict.fromkeys(t)) for w in query.split() if (t := terms(w))]


def test_long_adversarial_inputs() -> None:
    pattern = tl_settings().dateline
    for unit in ("ا، ", "(", "دبي (CNN", "ا" * 50 + " ", "- ", "|"):
        text = unit * (200_000 // len(unit))
        pattern.match(text, 0, len(text))
        with contextlib.suppress(QueryError):  # "|" alone has nothing to find
            query_groups(text[:20_000])
