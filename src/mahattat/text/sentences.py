"""Sentence splitting on the normalized view."""

from __future__ import annotations

import regex

from ..records import Sentence
from .normalize import View

# A sentence ends at . ! ? ؟ or a line break, not inside a number (3.5).
_END = regex.compile(r"[.!?؟]+(?=\s|$)|\n+")


def sentence_spans(view: View) -> list[tuple[int, int]]:
    """Sentences as ``(start, end)`` spans of ``view.text``, surrounding space trimmed."""
    text = view.text
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _END.finditer(text):
        _add(text, pos, m.end(), spans)
        pos = m.end()
    _add(text, pos, len(text), spans)
    return spans


def split_sentences(view: View) -> list[Sentence]:
    """Sentences as records pointing into the original text."""
    return [Sentence(*view.original_span(s, e)) for s, e in sentence_spans(view)]


def _add(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    seg = text[start:end]
    lead = len(seg) - len(seg.lstrip())
    trail = len(seg) - len(seg.rstrip())
    if start + lead < end - trail:
        out.append((start + lead, end - trail))
