"""Sentence splitting on the normalized view.

A sentence ends at ``. ! ? ؟`` followed by space (closing quotes and brackets stay with
it) or at a line break. A period after an abbreviation (``د.``, ``ق.م.``, ``J.``) does not
end one, nor does one inside a number (``3.5``). A short heading ending in a colon at the
start of a segment (``الحرب الطائفية: نوفمبر 2004 ...``) is a sentence of its own. Lists
live in ``data/text/sentences.json``. Every step is one left-to-right pass.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex

from ..patterns import compiled
from ..records import Sentence
from .normalize import View, fold

_END = compiled(r"[.!?؟]+[»\"”’')\]]*(?=\s|$)|\n+")
# The word a period is glued to: letters and inner periods (``U.S``, ``ق.م``).
_ABBR_TAIL = compiled(r"(?:^|(?<=[\s(\[«\"]))[\p{L}.]+$")
# A one-letter unit after a number: ``20 د``, ``35 م د`` (million dinars).
_UNIT = compiled(r"\d\s*(?:\p{L}\s+)?\p{L}$")
_QUOTE_AFTER = compiled(r"\s*[«\"“']")


@dataclass(frozen=True, slots=True)
class _Config:
    abbreviations: frozenset[str]
    heading: regex.Pattern[str]
    not_headings: frozenset[str]


@cache
def _config() -> _Config:
    path = resources.files("mahattat").joinpath("data/text/sentences.json")
    raw = json.loads(path.read_text("utf-8"))
    words, chars = raw["heading_max_words"], raw["heading_max_chars"]
    # Words without digits or sentence punctuation, then a colon and a space.
    word = r"[^\s\d:.!?؟،,;«»\"]+"
    words_re = rf"{word}(?:[ ]{word}){{0,{words - 1}}}"
    heading = compiled(rf"(?=[^\n]{{1,{chars}}}:)({words_re}):(?=\s)")
    return _Config(
        abbreviations=frozenset(fold(a).lower() for a in raw["abbreviations"]),
        heading=heading,
        not_headings=frozenset(fold(w) for w in raw["not_headings"]),
    )


def sentence_spans(view: View) -> list[tuple[int, int]]:
    """Sentences as ``(start, end)`` spans of ``view.text``, surrounding space trimmed."""
    text = view.text
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _END.finditer(text):
        if m.group()[0] == "." and _abbreviation(text, m.start()):
            continue
        _add_segment(text, pos, m.end(), spans)
        pos = m.end()
    _add_segment(text, pos, len(text), spans)
    return spans


def split_sentences(view: View, spans: list[tuple[int, int]] | None = None) -> list[Sentence]:
    """Sentences as records pointing into the original text (``spans``: the view's
    sentence spans when already computed)."""
    spans = sentence_spans(view) if spans is None else spans
    return [Sentence(*view.original_span(s, e)) for s, e in spans]


def _abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` closes an abbreviation rather than a sentence."""
    m = _ABBR_TAIL.search(text, max(0, dot - 12), dot)
    if not m:
        return False
    word = m.group().strip(".")
    if not word:
        return False
    if "." in word:  # U.S, ق.م, سي.ان.ان; not العربية.نت
        return all(len(part) <= 3 for part in word.split("."))
    if len(word) == 1:  # an initial, unless a unit after a number (5.400 د. = dinars)
        return not _UNIT.search(text, max(0, dot - 30), dot)
    return word.lower() in _config().abbreviations


def _add_segment(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    """Add one segment, first splitting off a heading it starts with."""
    while start < end and text[start].isspace():
        start += 1
    m = _config().heading.match(text, start, end)
    if m and not _speech(text, m):
        _add(text, start, m.end(), out)
        start = m.end()
    _add(text, start, end, out)


def _speech(text: str, m: regex.Match[str]) -> bool:
    """A colon that introduces a quote or speech (``قائلا: «...»``), not a heading."""
    head = m.group(1)
    cfg = _config()
    return (
        head in cfg.not_headings
        or any(w in cfg.not_headings for w in head.split(" "))
        or _QUOTE_AFTER.match(text, m.end()) is not None
    )


def _add(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    seg = text[start:end]
    lead = len(seg) - len(seg.lstrip())
    trail = len(seg) - len(seg.rstrip())
    if start + lead < end - trail:
        out.append((start + lead, end - trail))
