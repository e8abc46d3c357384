"""An event's PLOVER type and polarity, from the words of its clause."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache

from ..text.arabic import peeled
from .lexicon import triggers, words

NEGATION_REACH = 2  # a negation particle governs the verb at most this many words on
LEAD_WORDS = 3  # ...or opens the clause within its first words ("لم يعلن أحد...")


STEM_MIN = 3  # letters a peeled token keeps at least


def _base(token: str) -> Iterator[str]:
    """Every reading of a token as a stem plus an inflection suffix."""
    trig = triggers()
    for form in peeled(token, STEM_MIN):
        for suffix in trig.suffixes:
            if form.endswith(suffix) and len(form) > len(suffix) + 1:
                yield form[: len(form) - len(suffix)] if suffix else form


@lru_cache(maxsize=65536)
def bases(token: str) -> frozenset[str]:
    """Every stem a token reads as (clitics peeled, an inflection suffix cut)."""
    return frozenset(_base(token))


@lru_cache(maxsize=65536)
def heads(token: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """The triggers a token can open (most tokens open none: one cached lookup)."""
    by_head = triggers().by_head
    return tuple(entry for base in _base(token) for entry in by_head.get(base, ()))


def _matches(tokens: Sequence[str], i: int, parts: tuple[str, ...]) -> bool:
    if i + len(parts) > len(tokens):
        return False
    return all(p in bases(tokens[i + k]) for k, p in enumerate(parts[1:], 1))


def classify(tokens: Sequence[str]) -> tuple[str | None, int | None]:
    """The PLOVER type of the first trigger among ``tokens`` and its index."""
    for i, token in enumerate(tokens):
        for parts, kind in heads(token):
            if _matches(tokens, i, parts):
                return kind, i
    return None, None


def negated(tokens: Sequence[str], trigger: int | None) -> bool:
    """Whether a negation particle governs the event: right before its trigger, or
    among the clause's first words (not one deep in a subordinate clause)."""
    neg = words().negation
    if any(t in neg for t in tokens[:LEAD_WORDS]):
        return True
    if trigger is None:
        return False
    return any(t in neg for t in tokens[max(0, trigger - NEGATION_REACH) : trigger])
