"""Number reading and the trie alternation the lexicons are matched with."""

from __future__ import annotations

import pytest
import regex

from mahattat.quantities.numbers import parse_digits
from mahattat.text.arabic import occurrences, trie_alternation


@pytest.mark.parametrize(
    ("digits", "value"),
    [
        ("5200", 5200),
        ("1,500", 1500),
        ("1,500,000", 1500000),
        ("2.5", 2.5),
        ("16,3", 16.3),
        ("4.5799", 4.5799),
        ("300.000", 300000),
        ("1.500.000", 1500000),
        ("1,500.25", 1500.25),
        ("1.500,25", 1500.25),
        ("1.2.3", None),
        ("12,34,5", None),
    ],
)
def test_parse_digits(digits: str, value: float | None) -> None:
    assert parse_digits(digits) == value


def test_trie_alternation_prefers_the_longest() -> None:
    words = ["ما يقرب من", "ما", "نحو", "نح", "الف", "الفين"]
    pattern = regex.compile(rf"(?:{trie_alternation(words)})\Z")
    for w in words:
        assert pattern.match(w)
    assert pattern.match("ما   يقرب من")  # up to three spaces between words
    assert not pattern.match("نحوي")
    assert regex.compile(trie_alternation(words)).match("الفين").group() == "الفين"


def test_occurrences_are_whole_words() -> None:
    text = "الف الفين والف الف"
    assert occurrences(text, frozenset({"الف", "الفين"})) == [(0, "الف"), (4, "الفين"), (15, "الف")]
