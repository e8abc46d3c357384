"""A normalized view of a text for matching, with a map back to the original.

Matching wants one spelling per word: no diacritics or tatweel, one alef, ``ى`` as ``ي``,
``ة`` as ``ه``, ASCII digits, plain spaces, no bidi or zero-width marks, presentation
forms decomposed. Output must point into what the user gave. ``View`` holds both: its
``text`` is normalized, ``to_original`` maps any span of it back.

The map is a sorted list of *edits* (original span -> replacement); between edits the
view copies the original one to one. A diacritic is folded into the edit of the letter
it sits on, so a span ending on that letter ends after its marks in the original.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..patterns import compiled

# Code points removed from the view: harakat, Quranic marks, tatweel, bidi and
# zero-width controls, the BOM, the soft hyphen (inclusive ranges).
_DELETED_RANGES = (
    (0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06DC), (0x06DF, 0x06E4), (0x06E7, 0x06E8),
    (0x06EA, 0x06ED), (0x0640, 0x0640), (0x061C, 0x061C), (0x200B, 0x200F), (0x202A, 0x202E),
    (0x2060, 0x2069), (0xFEFF, 0xFEFF), (0x00AD, 0x00AD),
)  # fmt: skip
DELETE = "".join(f"{chr(a)}-{chr(b)}" if a < b else chr(a) for a, b in _DELETED_RANGES)
# Presentation forms: expanded with NFKC (one code point may become several).
_EXPAND = "\ufb50-\ufdff\ufe70-\ufefc"
EXPANDED = _EXPAND  # as a character class's inside

_IS_EXPANDED = compiled(f"[{_EXPAND}]")
# Where an edit may begin: a presentation form or a deleted mark (rare in news text: one
# scan of the character class finds them all).
_SPECIAL = compiled(f"[{_EXPAND}{DELETE}]")
_DELETED = frozenset(chr(c) for a, b in _DELETED_RANGES for c in range(a, b + 1))

ONE_TO_ONE = {
    **{c: "ا" for c in "أإآٱ"},
    "ى": "ي",
    "ی": "ي",
    "ک": "ك",
    "ة": "ه",
    "_": " ",  # hashtags: "#عيد_الفطر" reads as words
    "٫": ".",
    "٬": ",",
    **{chr(0x0660 + i): str(i) for i in range(10)},
    **{chr(0x06F0 + i): str(i) for i in range(10)},
    **{
        c: " "
        for c in "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
        "\u2008\u2009\u200a\u202f\u205f\u3000\t\r\v\f"
    },
}
_TABLE = str.maketrans(ONE_TO_ONE)
# The view's folding character by character: what ``normalize`` does to a text that holds
# no presentation form (only those expand into several characters).
FOLD_TABLE = str.maketrans(
    {**ONE_TO_ONE, **{chr(c): None for a, b in _DELETED_RANGES for c in range(a, b + 1)}}
)


def fold(s: str) -> str:
    """Normalize a short string (a lexicon entry, a query) the way ``View`` does."""
    if _IS_EXPANDED.search(s) is None:
        return s.translate(FOLD_TABLE)  # the common case, without building a view
    return normalize(s).text


@lru_cache(maxsize=4096)
def _expand(ch: str) -> str:
    out = unicodedata.normalize("NFKC", ch)
    return regex.sub(f"[{DELETE}]", "", out)


@dataclass(frozen=True, slots=True)
class View:
    """``text`` for matching; ``to_original`` maps its spans to ``original``."""

    original: str
    text: str
    # One entry per edit, in order: where it starts in the view and in the original,
    # and how long it is in each.
    _n_start: tuple[int, ...]
    _o_start: tuple[int, ...]
    _n_len: tuple[int, ...]
    _o_len: tuple[int, ...]

    def _locate(self, i: int) -> tuple[int, bool]:
        k = bisect_right(self._n_start, i) - 1
        return k, k >= 0 and i < self._n_start[k] + self._n_len[k]

    def start_of(self, i: int) -> int:
        """Original offset where view character ``i`` begins."""
        k, inside = self._locate(i)
        if k < 0:
            return i
        if inside:
            return self._o_start[k]
        return self._o_start[k] + self._o_len[k] + i - self._n_start[k] - self._n_len[k]

    def end_of(self, i: int) -> int:
        """Original offset just after view character ``i`` (and the marks on it)."""
        k, inside = self._locate(i)
        if k < 0:
            return i + 1
        if inside:
            return self._o_start[k] + self._o_len[k]
        return self._o_start[k] + self._o_len[k] + i - self._n_start[k] - self._n_len[k] + 1

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the view span ``[start, end)`` to the original text."""
        if end <= start:
            p = self.start_of(start) if start < len(self.text) else len(self.original)
            return p, p
        return self.start_of(start), self.end_of(end - 1)

    def to_view(self, i: int) -> int:
        """View offset of original offset ``i`` (the inverse of ``start_of``): later
        stages get original spans and measure clauses on the view."""
        k = bisect_right(self._o_start, i) - 1
        if k < 0:
            return i
        if i < self._o_start[k] + self._o_len[k]:
            return self._n_start[k]
        return self._n_start[k] + self._n_len[k] + i - self._o_start[k] - self._o_len[k]

    def spaced(self, start: int, end: int) -> str:
        """The original text of ``[start, end)`` (original offsets) with a space at each
        point where the view inserts one (the repair's split points): what people read."""
        k = bisect_right(self._o_start, start - 1)
        parts, pos = [], start
        while k < len(self._o_start) and self._o_start[k] < end:
            o = self._o_start[k]
            if self._o_len[k] == 0 and self._n_len[k] == 1 and o > start:
                parts += [self.original[pos:o], " "]
                pos = o
            k += 1
        parts.append(self.original[pos:end])
        return "".join(parts)

    def original_span(self, start: int, end: int) -> tuple[int, int, str]:
        s, e = self.to_original(start, end)
        return s, e, self.original[s:e]


def normalize(text: str, insertions: Iterable[int] = ()) -> View:
    """Build the matching view of ``text``.

    ``insertions`` are original offsets where a space is added to the view (the repair
    stage's split points); they never land inside a letter's cluster of marks.
    """
    edits = _clusters(text)
    for p in insertions:
        edits.append((p, p, " "))
    edits.sort(key=lambda e: (e[0], e[1]))
    return _build(text, edits)


def _clusters(text: str) -> list[tuple[int, int, str]]:
    """Edits for each cluster: a presentation form with the marks after it (expanded), a
    letter with its marks (the letter alone), or marks on nothing (removed)."""
    edits: list[tuple[int, int, str]] = []
    done = 0  # where the last cluster ended
    n = len(text)
    for m in _SPECIAL.finditer(text):
        i = m.start()
        if i < done:
            continue
        j = i + 1
        while j < n and text[j] in _DELETED:
            j += 1
        head = text[i]
        if head not in _DELETED:  # a presentation form
            edits.append((i, j, _expand(head)))
        elif i > done:  # marks on the letter before them
            edits.append((i - 1, j, text[i - 1]))
        else:
            edits.append((i, j, ""))
        done = j
    return edits


def with_spaces(view: View, insertions: Iterable[int]) -> View:
    """``normalize(view.original, insertions)``, reusing the view's edits (no rescan)."""
    points = list(insertions)
    if not points:
        return view
    edits = [
        (o, o + ol, view.text[n : n + nl])
        for n, o, nl, ol in zip(view._n_start, view._o_start, view._n_len, view._o_len, strict=True)
    ]
    edits += [(p, p, " ") for p in points]
    edits.sort(key=lambda e: (e[0], e[1]))
    return _build(view.original, edits)


def _build(text: str, edits: list[tuple[int, int, str]]) -> View:
    parts: list[str] = []
    n_start: list[int] = []
    o_start: list[int] = []
    n_len: list[int] = []
    o_len: list[int] = []
    pos = 0  # original offset copied so far
    npos = 0  # length of the view so far
    for s, e, rep in edits:
        if s < pos:  # an insertion inside an edit: keep the edit, drop the insertion
            continue
        parts.append(text[pos:s])
        npos += s - pos
        n_start.append(npos)
        o_start.append(s)
        n_len.append(len(rep))
        o_len.append(e - s)
        parts.append(rep)
        npos += len(rep)
        pos = e
    parts.append(text[pos:])
    view_text = "".join(parts).translate(_TABLE)
    return View(text, view_text, tuple(n_start), tuple(o_start), tuple(n_len), tuple(o_len))
