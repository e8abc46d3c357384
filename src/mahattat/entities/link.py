"""Repeated mentions: ``بوش`` after ``جورج دبليو بوش`` refers to it.

A mention refers to the nearest earlier first mention (one that refers to nothing) of
the same label whose words include all of its own: a shorter form (a surname, a name
without its first word) or the same name again. Words are compared without the
article, so ``أمم المتحدة`` (from ``للأمم المتحدة``) matches ``الأمم المتحدة``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..text.arabic import clitics

MIN_STEM = 3  # letters a word keeps without its article


def key(words: Sequence[str]) -> frozenset[str]:
    art = clitics().article
    n = len(art)
    return frozenset(w[n:] if w.startswith(art) and len(w) > n + MIN_STEM - 1 else w for w in words)


def refs(mentions: Sequence[tuple[str, Sequence[str]]]) -> list[int | None]:
    """For each ``(label, words)`` mention, the index of the mention it repeats, if any."""
    out: list[int | None] = []
    roots: list[tuple[int, str, frozenset[str]]] = []
    for i, (label, words) in enumerate(mentions):
        k = key(words)
        found = next((j for j, lab, rk in reversed(roots) if lab == label and k <= rk), None)
        out.append(found)
        if found is None:
            roots.append((i, label, k))
    return out
