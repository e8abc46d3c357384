"""The quantities lexicon (``data/quantities/lexicon.json``) and the patterns built from it.

Word classes become regex alternations shaped as a trie (``trie_alternation``): one branch
per first letter, so the engine rejects a position on its first character instead of
trying every word; this keeps a scan of an article at a few microseconds per class.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import regex

from ..text.normalize import fold
from ..time.lexicon import classes as time_classes


def key(surface: str) -> str:
    """A lexicon entry as the view spells it (folded, single spaces)."""
    return " ".join(fold(surface).split())


def read(stage: str) -> dict[str, Any]:
    """``data/<stage>/lexicon.json`` as written."""
    path = resources.files("mahattat") / "data" / stage / "lexicon.json"
    return json.loads(path.read_text(encoding="utf-8"))


def load(stage: str) -> dict[str, dict[str, Any]]:
    """Every word class of ``data/<stage>/lexicon.json``, keys folded (``_`` notes and
    ``settings`` skipped)."""
    raw = read(stage)
    return {
        name: {key(k): v for k, v in entries.items()}
        for name, entries in raw.items()
        if not name.startswith("_") and name != "settings" and isinstance(entries, dict)
    }


def trie_alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` (longest first), factored by common prefixes.

    A space inside an entry matches one to three spaces of the view. The branches of a
    node start with different characters, so matching never backtracks across them.
    """
    root: dict[str, dict] = {}
    for w in words:
        if not w:
            continue
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [
            ("[ ]{1,3}" if ch == " " else regex.escape(ch)) + emit(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return emit(root)


_ARABIC_WORD = regex.compile(r"[\u0621-\u064a]+")


@lru_cache(maxsize=2)
def words_of(text: str) -> frozenset[str]:
    """The distinct Arabic words of a view text. Cached for the last texts: the quantities
    and the quotes stage both start from it, and a set intersection with a lexicon tells
    each at C speed which of its words occur at all."""
    return frozenset(_ARABIC_WORD.findall(text))


def _is_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a"


def occurrences(text: str, words: frozenset[str]) -> list[tuple[int, str]]:
    """Where each of ``words`` occurs in ``text`` as a whole word, in text order."""
    out = []
    for w in words_of(text) & words:
        n = len(w)
        i = text.find(w)
        while i >= 0:
            j = i + n
            if (i == 0 or not _is_letter(text[i - 1])) and (
                j == len(text) or not _is_letter(text[j])
            ):
                out.append((i, w))
            i = text.find(w, j)
    out.sort()
    return out


def with_clitics(entries: Iterable[str], clitics: Iterable[str]) -> frozenset[str]:
    """The first words of ``entries``, bare and with each clitic glued on."""
    firsts = {e.split(" ")[0] for e in entries}
    return frozenset(firsts | {c + w for c in clitics for w in firsts})


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
    of: frozenset[str]
    article: str
    range_join: frozenset[str]


@cache
def lexicon() -> Lexicon:
    own = load("quantities")
    tc = time_classes()
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
        unit_clitic=frozenset(own["unit_clitic"]),
        of=frozenset(own["of"]),
        article=next(iter(own["article"])),
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
    clitics = "".join(sorted(load("quantities")["mod_clitic"]))
    signs = "".join(regex.escape(s) for s in lex.currency_sign)
    percent_signs = "".join(regex.escape(s) for s in lex.percent_sign)
    joins = trie_alternation(lex.range_join)
    return Patterns(
        # Digits with thousands or decimal separators; each repetition needs a separator,
        # so the run is read in one way only.
        digits=regex.compile(r"[0-9]+(?:[.,][0-9]+)*"),  # ASCII: other \d are no amounts
        word=regex.compile(rf"(?P<c>[{clitics}]?)(?P<w>{trie_alternation(words)})\M"),
        first=with_clitics(words, clitics),
        # Searched right to left ((?r)): only the end of the window can match.
        mod_before=regex.compile(
            rf"(?r)(?<!\p{{L}})[{clitics}]?(?P<m>{trie_alternation(lex.mod)})[ ]{{1,3}}\Z"
        ),
        mod_after=regex.compile(rf"[ ]{{1,3}}(?P<m>{trie_alternation(lex.mod_after)})(?!\p{{L}})"),
        percent=regex.compile(
            rf"[ ]?[{percent_signs}]|[ ]{{1,3}}(?P<w>{trie_alternation(lex.percent)})(?!\p{{L}})"
        ),
        currency=regex.compile(
            rf"[ ]?(?P<s>[{signs}])|[ ]{{1,3}}(?P<w>{trie_alternation(lex.currency)})(?!\p{{L}})"
        ),
        next_word=regex.compile(r"[ ]{1,3}(?P<w>\p{L}+)"),
        of_article=regex.compile(
            rf"[ ]{{1,3}}(?:{trie_alternation(lex.of)})[ ]{{1,3}}"
            rf"(?P<a>{lex.article})(?P<w>\p{{L}}{{2,}})"
        ),
        range_gap=regex.compile(rf"[ ]{{0,3}}(?:-|–|(?:{joins})[ ]{{0,3}})[ ]{{0,3}}"),
        prev_word=regex.compile(r"(?r)(?<!\p{L})(?P<w>\p{L}+)[ ]{1,3}\Z"),
    )
