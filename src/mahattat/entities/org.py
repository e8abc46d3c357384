"""Organisation names the corpora write again and again: ``وزارة الخارجية الأمريكية``.

``data/entities/gazetteer-org.json`` (``scripts/build_org_gazetteer.py``) lists names
made of a head (``وزارة``, ``حزب``, ``قوات``...) and the modifiers the 41k articles of
``../shared/corpora`` show after it, by kind of head (``ORG.gov``, ``ORG.party``...).
The CRF reads them as features; after tagging, a listed name of a kind in ``KINDS``
whose words the CRF left ``O``, or tagged as entities that lie inside it (``سوريا`` in
``قوات سوريا الديمقراطية``) or as a shorter organisation from its first word (``منظمة
حظر`` of ``منظمة حظر الأسلحة الكيميائية``), is one organisation. The longest listed
name at a word wins; the head may be a clitic-less stem (``والجيش``), as in the gazetteer;
the name takes on up to ``MAX_NISBA`` common nisba adjectives after it (``وزارة الدفاع``
+ ``الأميركية``).
"""

from __future__ import annotations

from functools import cache

from ..text.arabic import clitics
from .features import cluster
from .gazetteer import lexicon
from .tags import chunks

ORG = "ORG"
NISBA = ("ي", "يه")  # folded endings of a nisba adjective
MAX_NISBA = 2  # adjectives a name takes on after its listed form
MIN_NISBA = 5  # letters of such an adjective, article included
# Kinds of head the rule follows (all that the build script writes but ``named``).
KINDS = ("gov", "party", "force", "union", "econ", "edu")


@cache
def _names(kinds: tuple[str, ...] = KINDS) -> dict[str, tuple[tuple[str, ...], ...]]:
    """First word -> the rest of each listed name of those kinds, longest first."""
    wanted = {f"gb={ORG}.{k}" for k in kinds}
    out: dict[str, list[tuple[str, ...]]] = {}
    for head, entries in lexicon().phrases.items():
        for rest, first, _, _ in entries:
            if rest and not wanted.isdisjoint(first):
                out.setdefault(head, []).append(rest)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def listed_organisations(
    words: list[str], stems: list[str], tags: list[str], kinds: tuple[str, ...] = KINDS
) -> list[str]:
    """One sentence's tags with the listed organisation names tagged."""
    names = _names(kinds)
    if names.keys().isdisjoint(words) and names.keys().isdisjoint(stems):
        return tags
    out = list(tags)
    spans = chunks(tags)
    i, n = 0, len(words)
    while i < n:
        end = _longest(names, words, stems, i)
        if end:
            end = _nisbas(words, end)
        if end and _free(spans, i, end):
            out[i:end] = ["B-" + ORG] + ["I-" + ORG] * (end - i - 1)
            i = end
        else:
            i += 1
    return out


def _longest(
    names: dict[str, tuple[tuple[str, ...], ...]], words: list[str], stems: list[str], i: int
) -> int:
    best = 0
    for head in {words[i], stems[i]}:
        for rest in names.get(head, ()):
            end = i + 1 + len(rest)
            if tuple(words[i + 1 : end]) == rest:
                best = max(best, end)
                break
    return best


def _nisbas(words: list[str], end: int) -> int:
    """Where the name ends with the common nisba adjectives after it (``الأمريكية``)."""
    art = clitics().article
    stop = min(len(words), end + MAX_NISBA)
    while end < stop:
        w = words[end]
        if not (w.startswith(art) and w.endswith(NISBA) and len(w) >= MIN_NISBA):
            break
        if cluster(w.lower()) is None:  # a rare one: a name (الكاظمي), not an adjective
            break
        end += 1
    return end


def _free(spans: list[tuple[int, int, str]], i: int, end: int) -> bool:
    """No entity crosses the name's edges, except an organisation from its first word."""
    for a, b, label in spans:
        if b <= i or a >= end or (i <= a and b <= end):
            continue
        if not (a == i and label == ORG):
            return False
    return True
