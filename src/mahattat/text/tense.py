"""The tense of a clause: whether it speaks of the future.

Arabic imperfect verbs without ``س``/``سوف`` are ambiguous, so only clear markers count:
a future word (``سوف``, ``المقبل``, ``من المقرر``...) or the future prefix on an imperfect
verb the word list knows (``سيسحب`` = ``س`` + ``يسحب``; not ``سنغافورة``). The time
stage asks it which way a year-less date or a bare weekday points, the events stage
whether an event is yet to come. Word lists: ``data/text/tense.json``.

``nearest_verb`` reads the verb just before an expression: an imperfect verb is one the
frequency list knows with the future prefix too (``تنطلق``: ``ستنطلق``), a perfect one
one it knows in the plural (``أعلن``: ``أعلنوا``). A bare weekday goes its way: "المباراة
التي تنطلق الخميس" is the coming Thursday, "انطلقت الخميس" the last one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

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
    # the nearest verb (``nearest_verb``)
    present: frozenset[str]  # prefixes of an imperfect verb without the future prefix
    imperfect_zipf: float
    perfect_zipf: float
    plural: str  # the ending of a perfect verb's plural
    feminine: str  # the ending of a perfect verb's feminine
    defective: str  # the last letter a perfect verb drops before its plural ending
    past_before: frozenset[str]  # لم, كان: the imperfect verb after them tells the past
    neutral_before: frozenset[str]  # قبل أن: the imperfect verb after them tells nothing
    stops: frozenset[str]  # a clause of its own begins there
    skipped: frozenset[str]  # prepositions and the like that look like verbs (بين)
    verb_reach: int  # words looked at
    verb_min_zipf: float
    ambiguous: frozenset[str]  # prefixes of perfect verbs as well (تحدث)
    ambiguous_margin: float
    enclitics: tuple[str, ...]  # object pronouns after a verb (سيبدؤها)
    article: str


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
        present=frozenset(words["present_prefix"]),
        imperfect_zipf=float(raw["imperfect_zipf"]),
        perfect_zipf=float(raw["perfect_zipf"]),
        plural=raw["perfect_plural"],
        feminine=raw["perfect_feminine"],
        defective=raw["perfect_defective"],
        past_before=frozenset(words["past_before_imperfect"]),
        neutral_before=frozenset(words["neutral_before_imperfect"]),
        stops=frozenset(words["verb_scan_stop"]),
        skipped=frozenset(words["not_verbs"]),
        verb_reach=int(raw["verb_reach"]),
        verb_min_zipf=float(raw["verb_min_zipf"]),
        ambiguous=frozenset(words["ambiguous_prefix"]),
        ambiguous_margin=float(raw["ambiguous_margin"]),
        enclitics=tuple(sorted(words["object_pronouns"], key=len, reverse=True)),
        article=cl.article,
    )


def clause(text: str, start: int, end: int, sent: tuple[int, int]) -> str:
    """The words around ``text[start:end]`` that share its clause (within ``sent``)."""
    lex = _lexicon()
    left = text[max(sent[0], start - lex.reach) : start]
    cut = [m.end() for m in _BEFORE_EDGE.finditer(left)]
    right = text[end : min(sent[1], end + lex.reach)]
    stop = lex.after_edge.search(right)
    return left[cut[-1] if cut else 0 :] + " " + right[: stop.start() if stop else len(right)]


def _future_verb(w: str, lex: _Lexicon) -> bool:
    return (
        len(w) >= 4
        and w[0] in lex.future
        and w[1] in lex.imperfect
        and w not in lex.exceptions
        and zipf(w[1:]) >= lex.stem_zipf  # "نغافوره" is no word: سنغافورة is no verb
    )


def _bare(word: str, lex: _Lexicon) -> str:
    """The word without a leading conjunction ("وسأغادر", "وتقام"), unless the word is
    better known with it ("فيينا")."""
    if word[0] in lex.conjunctions and len(word) > 3 and zipf(word[1:]) >= zipf(word):
        return word[1:]
    return word


def is_future(text: str) -> bool:
    """Whether a clause (or sentence) speaks of the future."""
    lex = _lexicon()
    for word in _WORD.findall(text):
        w = word[1:] if word[0] in lex.conjunctions and len(word) > 4 else word  # "وسأغادر"
        if word in lex.markers or _future_verb(w, lex):
            return True
    return False


Tense = Literal["future", "present", "past"]


def verb_tense(word: str) -> Tense | None:
    """The tense of a word that is a verb, or None: ``future`` (``سيعلن``, ``سوف``),
    ``present`` (an imperfect verb: ``تنطلق``, because ``ستنطلق`` is a known word), ``past``
    (a perfect verb: ``أعلن``, because ``أعلنوا`` is one; ``أعلنت``, ``نشرته``); None for a
    word that is no verb, or may be either (``تحدث``)."""
    lex = _lexicon()
    if word in lex.markers:
        return "future"
    w = _bare(word, lex)
    if len(w) < 3 or w in lex.skipped:
        return None
    if _future_verb(w, lex) or any(_future_verb(x, lex) for x in _without_pronoun(w, lex)):
        return "future"  # "سيعلن", "سيبدؤها"
    past = _perfect_zipf(w, lex)
    if w[0] in lex.present and w not in lex.exceptions and zipf(w) >= lex.verb_min_zipf:
        present = zipf(lex.future[0] + w)
        if present >= lex.imperfect_zipf:
            if w[0] in lex.ambiguous and past >= present - lex.ambiguous_margin:
                return None  # تحدث: "she speaks" or "he spoke"
            return "present"
    return "past" if past >= lex.perfect_zipf else None


def _without_pronoun(w: str, lex: _Lexicon) -> list[str]:
    """``w`` without an object pronoun ("سيبدؤها" -> "سيبدؤ"), when one ends it."""
    for pronoun in lex.enclitics:
        if w.endswith(pronoun) and len(w) - len(pronoun) >= 3:
            return [w[: -len(pronoun)]]
    return []


def _perfect_zipf(w: str, lex: _Lexicon) -> float:
    """How well known the plural of ``w`` read as a perfect verb is (قال -> قالوا). A word
    with a pronoun is not read so: "عمله" (his work) would pass for "عملوا"."""
    if w.endswith(lex.plural):
        return zipf(w)
    stems = [w]
    if w.endswith((lex.feminine, lex.defective)) and len(w) > 3:
        stems.append(w[:-1])  # أعلنت, التقى (folded التقي)
    return max(zipf(x + lex.plural) for x in stems)


def nearest_verb(text: str, start: int, sent: tuple[int, int]) -> Tense | None:
    """The tense of the verb nearest before ``text[start:]`` in its clause: ``future``,
    ``present`` (``past`` after ``لم``, ``كان``), ``past``; None when no verb comes within
    a few words, or a clause of its own (``أن``, ``التي``...) begins first."""
    lex = _lexicon()
    left = text[max(sent[0], start - lex.reach) : start]
    cut = [m.end() for m in _BEFORE_EDGE.finditer(left)]
    words = _WORD.findall(left[cut[-1] if cut else 0 :])
    for i in range(len(words) - 1, max(-1, len(words) - 1 - lex.verb_reach), -1):
        if words[i] in lex.stops:
            return None
        tense = verb_tense(words[i])
        if tense == "present":
            if " ".join(words[max(0, i - 2) : i]) in lex.neutral_before or (
                i > 0 and words[i - 1] in lex.neutral_before
            ):
                return None  # "قبل أن يغادر": the main verb's tense
            if any(w in lex.past_before or w[1:] in lex.past_before for w in words[:i]):
                return "past"  # "لم يعلن", "كان الرئيس يزور"
        if tense is not None:
            return tense
    return None


def after_verb(text: str, start: int, between: frozenset[str] = frozenset()) -> bool:
    """Whether the word just before ``start`` (or before one word of ``between``), or the
    one before a definite subject there, is an imperfect or future verb: a time word there
    is its adverb ("سأعود الظهر", "يصل القطار في السابعة"). Perfect verbs are left out:
    "حلّ في الثامنة" is a rank, "توفي في السابعة" an age."""
    lex = _lexicon()
    words = _WORD.findall(text[max(0, start - 60) : start])
    if words and words[-1] in between:
        words.pop()
    if len(words) >= 2 and words[-1].startswith(lex.article):
        words.pop()  # "سيعود الوفد الظهر": the subject
        return verb_tense(words[-1]) in ("present", "future")
    return bool(words) and verb_tense(words[-1]) in ("present", "future")
