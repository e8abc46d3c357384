"""The quantities lexicon (``data/quantities/lexicon.json``) and the patterns built from it.

Number, month, weekday and time-unit words are read from the time lexicon's data
(``data/time/lexicon/``) through the Arabic layer, so both stages know the same words.
Word classes become regex alternations shaped as a trie (``arabic.trie_alternation``):
one branch per first letter, so the engine rejects a position on its first character
instead of trying every word; this keeps a scan of an article at a few microseconds per
class.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from ..patterns import compiled
from ..text.arabic import classes, clitics, subset, trie_alternation, with_clitics, word_classes


def load(stage: str) -> dict[str, dict[str, Any]]:
    """Every word class of ``data/<stage>/lexicon.json``, keys folded."""
    return word_classes(f"{stage}/lexicon.json")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Word -> meaning tables of the stage, keyed by folded surface."""

    number: dict[str, float]  # cardinal and hundreds words: "خمسة" 5, "ثلاثمائة" 300
    fraction: dict[str, float]
    multiplier: dict[str, float]
    dual: dict[str, float]
    vague: dict[str, float]
    scale: dict[str, float]
    few: frozenset[str]
    mod: dict[str, str]
    mod_after: dict[str, str]
    percent: dict[str, float]
    currency: dict[str, str]
    currency_sign: dict[str, str]
    percent_sign: frozenset[str]
    not_unit: frozenset[str]
    date_word: frozenset[str]  # a number next to one is a day or a year
    time_unit: frozenset[str]  # a number counting one is a duration (the time stage's)
    id_before: frozenset[str]
    year_before: frozenset[str]
    unit_clitic: frozenset[str]
    mod_clitic: frozenset[str]
    number_join: frozenset[str]  # the conjunction between number words ("خمسة وعشرين")
    of: frozenset[str]
    article: str
    lam_article: str
    accusative: str  # the ending of an indefinite accusative noun ("جنديا")
    range_join: frozenset[str]


@cache
def lexicon() -> Lexicon:
    own, cl = load("quantities"), clitics()
    tc = classes("time/lexicon")
    number = {**tc["cardinal"], **tc["hundreds"], **own["number"]}
    not_unit = set(own["not_unit"]) | set(tc["month"]) | set(tc["weekday"])
    date_word = set(own["date_word"]) | set(tc["month"]) | set(tc["weekday"])
    time_unit = set(tc["unit"]) | set(tc["unit_dual"])
    return Lexicon(
        number={k: float(v) for k, v in number.items()},
        fraction={k: float(v) for k, v in tc["fraction"].items()},
        multiplier={k: float(v) for k, v in own["multiplier"].items()},
        dual={k: float(v) for k, v in own["multiplier_dual"].items()},
        vague={k: float(v) for k, v in own["vague"].items()},
        scale={k: float(v) for k, v in own["vague_scale"].items()},
        few=frozenset(own["few"]),
        mod=own["mod"],
        mod_after=own["mod_after"],
        percent={k: float(v) for k, v in own["percent"].items()},
        currency={k: str(v) for k, v in own["currency"].items()},
        currency_sign={k: str(v) for k, v in own["currency_sign"].items()},
        percent_sign=frozenset(own["percent_sign"]),
        not_unit=frozenset(not_unit),
        date_word=frozenset(date_word),
        time_unit=frozenset(time_unit),
        id_before=frozenset(own["id_before"]),
        year_before=frozenset(own["year_before"]) | frozenset(tc["preposition"]),
        unit_clitic=subset(own["unit_clitic"], cl.letters, "quantities"),
        mod_clitic=subset(own["mod_clitic"], cl.letters, "quantities"),
        number_join=subset(own["number_join"], cl.conjunctions, "quantities"),
        of=frozenset(own["of"]),
        article=cl.article,
        lam_article=cl.lam_article,
        accusative=next(iter(own["accusative_ending"])),
        range_join=frozenset(tc["range_join"]),
    )


@dataclass(frozen=True, slots=True)
class Patterns:
    digits: regex.Pattern[str]  # a number in digits
    word: regex.Pattern[str]  # a word of an amount, matched where one of ``first`` begins
    first: frozenset[str]  # the first words of ``word`` (with their clitics)
    mod_before: regex.Pattern[str]  # a mod word ending right before a number
    mod_after: regex.Pattern[str]
    percent: regex.Pattern[str]
    currency: regex.Pattern[str]
    next_word: regex.Pattern[str]
    of_article: regex.Pattern[str]  # "من الجنود" after a number
    range_gap: regex.Pattern[str]  # what may stand between the two ends of a range
    prev_word: regex.Pattern[str]
    ordinal: regex.Pattern[str]  # the article right before a number: "الـ5" (an ordinal)
    number_join: regex.Pattern[str]  # the conjunction standing apart: "و 589"


@cache
def patterns() -> Patterns:
    lex = lexicon()
    words = (
        set(lex.number)
        | set(lex.fraction)
        | set(lex.multiplier)
        | set(lex.dual)
        | set(lex.vague)
        | set(lex.scale)
        | set(lex.few)
    )
    mod_clitics = "".join(sorted(lex.mod_clitic))
    signs = "".join(regex.escape(s) for s in lex.currency_sign)
    percent_signs = "".join(regex.escape(s) for s in lex.percent_sign)
    joins = trie_alternation(lex.range_join)
    return Patterns(
        # Digits with thousands or decimal separators; each repetition needs a separator,
        # so the run is read in one way only.
        digits=compiled(r"[0-9]+(?:[.,][0-9]+)*"),  # ASCII: other \d are no amounts
        word=compiled(rf"(?P<c>[{mod_clitics}]?)(?P<w>{trie_alternation(words)})\M"),
        first=with_clitics(words, mod_clitics),
        # Searched right to left ((?r)): only the end of the window can match.
        mod_before=compiled(
            rf"(?r)(?<!\p{{L}})[{mod_clitics}]?(?P<m>{trie_alternation(lex.mod)})[ ]{{1,3}}\Z"
        ),
        mod_after=compiled(rf"[ ]{{1,3}}(?P<m>{trie_alternation(lex.mod_after)})(?!\p{{L}})"),
        percent=compiled(
            rf"[ ]?[{percent_signs}]|[ ]{{1,3}}(?P<w>{trie_alternation(lex.percent)})(?!\p{{L}})"
        ),
        currency=compiled(
            rf"[ ]?(?P<s>[{signs}])|[ ]{{1,3}}(?P<w>{trie_alternation(lex.currency)})(?!\p{{L}})"
        ),
        next_word=compiled(r"[ ]{1,3}(?P<w>\p{L}+)"),
        of_article=compiled(
            rf"[ ]{{1,3}}(?:{trie_alternation(lex.of)})[ ]{{1,3}}"
            rf"(?P<a>{lex.article})(?P<w>\p{{L}}{{2,}})"
        ),
        range_gap=compiled(rf"[ ]{{0,3}}(?:-|–|(?:{joins})[ ]{{0,3}})[ ]{{0,3}}"),
        prev_word=compiled(r"(?r)(?<!\p{L})(?P<w>\p{L}+)[ ]{1,3}\Z"),
        # tatweel is gone in the view: "الـ5" reads "ال5" or "ال 5"
        ordinal=compiled(rf"(?r)(?<!\p{{L}}){lex.article}[ ]?\Z"),
        number_join=compiled(rf"[ ]{{1,3}}[{''.join(lex.number_join)}][ ]{{0,3}}"),
    )
