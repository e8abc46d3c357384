"""The tense of a clause: whether it speaks of the future.

Arabic imperfect verbs without ``س``/``سوف`` are ambiguous, so only clear markers count:
a future word (``سوف``, ``المقبل``, ``من المقرر``...) or the future prefix on an imperfect
verb the word list knows (``سيسحب`` = ``س`` + ``يسحب``; not ``سنغافورة``). The time
stage asks it which way a year-less date or a bare weekday points, the events stage
whether an event is yet to come. Word lists: ``data/text/tense.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from ..datafile import load_json
from ..patterns import compiled
from .arabic import clitics, trie_alternation, word_classes, zipf

_WORD = compiled(r"\p{L}+")
_PUNCT_EDGE = r'[،,;:«»"()\[\]]'
# Clause edges: punctuation and quotes on both sides; a complementizer after the
# expression opens a clause of its own ("announced in June that the US will...").
_BEFORE_EDGE = compiled(_PUNCT_EDGE)


@dataclass(frozen=True, slots=True)
class _Lexicon:
    markers: frozenset[str]
    exceptions: frozenset[str]
    imperfect: frozenset[str]
    future: str  # the future prefix
    conjunctions: str
    stem_zipf: float
    reach: int  # characters looked at on each side of an expression for its clause
    after_edge: regex.Pattern[str]


@cache
def _lexicon() -> _Lexicon:
    words = word_classes("text/tense.json")
    raw, cl = load_json("text/tense.json"), clitics()
    edge = trie_alternation(words["complementizer"])
    return _Lexicon(
        markers=frozenset(words["future_marker"]),
        exceptions=frozenset(words["future_prefix_exceptions"]),
        imperfect=frozenset(words["imperfect_prefix"]),
        future=cl.future,
        conjunctions=cl.conjunctions,
        stem_zipf=float(raw["future_stem_zipf"]),
        reach=int(raw["clause_reach"]),
        after_edge=compiled(rf"{_PUNCT_EDGE}|(?<!\p{{L}})(?:{edge})(?!\p{{L}})"),
    )


def clause(text: str, start: int, end: int, sent: tuple[int, int]) -> str:
    """The words around ``text[start:end]`` that share its clause (within ``sent``)."""
    lex = _lexicon()
    left = text[max(sent[0], start - lex.reach) : start]
    cut = [m.end() for m in _BEFORE_EDGE.finditer(left)]
    right = text[end : min(sent[1], end + lex.reach)]
    stop = lex.after_edge.search(right)
    return left[cut[-1] if cut else 0 :] + " " + right[: stop.start() if stop else len(right)]


def is_future(text: str) -> bool:
    """Whether a clause (or sentence) speaks of the future."""
    lex = _lexicon()
    for word in _WORD.findall(text):
        if word in lex.markers:
            return True
        w = word[1:] if word[0] in lex.conjunctions and len(word) > 4 else word  # "وسأغادر"
        if (
            len(w) >= 4
            and w[0] in lex.future
            and w[1] in lex.imperfect
            and w not in lex.exceptions
            and zipf(w[1:]) >= lex.stem_zipf  # "نغافوره" is no word: سنغافورة is no verb
        ):
            return True
    return False
