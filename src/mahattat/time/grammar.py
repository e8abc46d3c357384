"""Compile ``rules.toml`` into regular expressions over the normalized view."""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex

from ..patterns import compiled
from ..text.arabic import clitics
from .lexicon import alternation

_SPACE = "(?:[ ]{1,3})"
_DATE_SEP = "(?:[ ]{0,2}[,،][ ]{0,2}|[ ]{1,3})"
_PLACEHOLDER = compiled(
    r"(?<!\\[pP])(?:\{([a-z_]+)(?:-([a-z_]+))?(?::([a-z_0-9]+))?\}|\{([A-Z][A-Z0-9]*)(?::([a-z_0-9]+))?\})"
)

# Built-in classes: numbers whose meaning is their digits.
_BUILTIN = {
    "DAY": r"(?<![\d.,])(?:3[01]|[12]\d|0?[1-9])(?!\d)",
    "MONTHNUM": r"(?:1[0-2]|0?[1-9])(?!\d)",
    "YEAR": r"(?:1[6-9]\d\d|20\d\d|21\d\d)(?![\d.,]\d)",
    # after a month name any four digits are a year ("5 ديسمبر 1391"); after "عام", three
    "YEARFULL": r"(?:1\d{3}|20\d\d|21\d\d)(?![\d.,]\d)",
    "YEAR3": r"[1-9]\d{2}(?![\d.,]\d)",
    "HYEAR": r"1[2-5]\d\d(?![\d.,]\d)",
    "HOUR": r"(?:2[0-4]|[01]?\d)(?!\d)",
    "MINUTE": r"[0-5]\d(?!\d)",
}


def _number() -> str:
    word = alternation("cardinal")
    digits = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d{1,4})(?:\.\d+)?(?![\d,]\d)"
    return rf"(?:{digits}|(?:{word})(?:[ ]{{1,3}}و[ ]?(?:{word})){{0,2}})"


def _year_words() -> str:
    """A year in words: "ألفين وسبعة وعشرين", "ألف وتسعمائة وواحد", "مائتين وسبعة وستين"."""
    thousand, hundred, word = (
        alternation("thousands"),
        alternation("hundreds"),
        alternation("cardinal"),
    )
    rest = rf"(?:{word})(?:[ ]{{1,3}}و[ ]?(?:{word}))?"
    joined = r"[ ]{1,3}و[ ]?"
    return (
        rf"(?:(?:{thousand})(?:{joined}(?:{hundred}))?(?:{joined}{rest})?"
        rf"|(?:{hundred})(?:{joined}{rest})?)(?!\p{{L}})"
    )


def _ordinal_day() -> str:
    unit, ten = alternation("ordinal_unit"), alternation("ordinal_ten")
    return (
        rf"(?:(?:{unit})[ ]{{1,3}}و(?:{ten})|{alternation('ordinal_teen')}|(?:{ten})"
        rf"|{alternation('ordinal')})"
    )


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    resolver: str
    source: str  # the regular expression, compiled when the rule first runs
    # group name -> the lexicon classes (or built-in) it may capture
    groups: dict[str, tuple[str, ...]]
    # classes whose words (or "DIGIT") must be near a match; empty: scan everything
    anchors: frozenset[str] = frozenset()
    # characters scanned before and after an anchor word; None: engine.json's defaults
    window: tuple[int, int] | None = None
    # a match counts only right after an imperfect or future verb ("سأعود الظهر"); the
    # value names a lexicon class whose words may stand between them ("في"), or is ""
    after_verb: str | None = None

    @property
    def pattern(self) -> regex.Pattern[str]:
        """The compiled rule (a document without its anchor words never compiles it;
        ``patterns.compiled`` keeps it across runs)."""
        return compiled(self.source)


# What each built-in anchors on: digits, or the number words it reads.
_BUILTIN_ANCHORS = {
    "NUMBER": {"DIGIT", "cardinal"},
    "ORDDAY": {"ordinal", "ordinal_teen", "ordinal_unit", "ordinal_ten"},
    "YEARWORDS": {"thousands", "hundreds"},
}


@cache
def engine() -> dict:
    """Engine settings: glue classes and window sizes (``data/time/engine.json``)."""
    path = resources.files("mahattat") / "data" / "time" / "engine.json"
    return json.loads(path.read_text("utf-8"))


def _anchors(groups: dict[str, tuple[str, ...]]) -> frozenset[str]:
    glue = set(engine()["glue_classes"])
    out: set[str] = set()
    for kinds in groups.values():
        for kind in kinds:
            if kind in _BUILTIN_ANCHORS:
                out |= _BUILTIN_ANCHORS[kind]
            elif kind in _BUILTIN:
                out.add("DIGIT")
            elif kind not in glue:
                out.add(kind)
    return frozenset(out)


def _expand(template: str) -> tuple[str, dict[str, tuple[str, ...]]]:
    groups: dict[str, tuple[str, ...]] = {}
    pieces: list[str] = []

    def sub(m: regex.Match[str]) -> str:
        if m.group(4):
            kind = m.group(4)
            name = m.group(5) or kind.lower()
            built = {"NUMBER": _number, "ORDDAY": _ordinal_day, "YEARWORDS": _year_words}
            body = built.get(kind, lambda: _BUILTIN[kind])()
        else:
            kind, minus = m.group(1), m.group(2)
            name = m.group(3) or kind
            body = alternation(kind, minus)
        if kind not in groups.get(name, ()):
            groups[name] = (*groups.get(name, ()), kind)
        pieces.append(f"(?P<{name}>{body})")
        return f"\x00{len(pieces) - 1}\x00"

    marked = _PLACEHOLDER.sub(sub, template)
    marked = marked.replace("_", _SPACE).replace("~", _DATE_SEP)
    out = regex.sub(r"\x00(\d+)\x00", lambda m: pieces[int(m.group(1))], marked)
    return out, groups


def _wrap(body: str) -> str:
    # Word boundaries, and a one-letter clitic that stays outside the span.
    clitic = clitics().regex_prefix()
    return rf"(?<![\p{{L}}\p{{N}}]){clitic}(?P<span>{body})(?![\p{{L}}\p{{N}}])"


@cache
def rules() -> tuple[Rule, ...]:
    """Every rule of ``data/time/rules/*.toml``, files in name order."""
    folder = resources.files("mahattat") / "data" / "time" / "rules"
    out = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".toml"):
            continue
        for spec in tomllib.loads(path.read_text("utf-8")).get("rule", []):
            body, groups = _expand(spec["pattern"].strip())
            pattern = _wrap(body)
            anchors = set(spec.get("anchors") or _anchors(groups))
            if "anchors" not in spec and r"\d" in spec["pattern"]:
                anchors.add("DIGIT")
            window = tuple(spec["window"]) if "window" in spec else None
            after_verb = spec.get("after_verb")
            if after_verb is True:
                after_verb = ""
            out.append(
                Rule(
                    spec["name"], spec["resolver"], pattern, groups, frozenset(anchors), window,
                    after_verb,
                )
            )
    return tuple(out)
