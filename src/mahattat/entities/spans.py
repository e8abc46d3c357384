"""Words a person's name does not hold: ``هشام يوزع``, ``لوف بشأن بواتينغ``.

The CRF sometimes runs a name on into the verb or preposition after it. After tagging,
a word of a person entity that is a common word (``MIN_ZIPF`` or more in wordfreq) which
the corpora never showed inside a name (no ``corpus_label``) and no gazetteer lists,
is no part of it: at an edge the entity loses it, inside it the entity splits in two.
Words that are parts of names however common (regnal ordinals: ``عبد الله الثاني``) are
listed in ``data/entities/spans.json``.
"""

from __future__ import annotations

from functools import cache, lru_cache

from ..datafile import load_json
from ..text.arabic import fold, zipf
from .features import corpus_label
from .gazetteer import lexicon
from .tags import chunks

MIN_ZIPF = 3.5
LABELS = frozenset({"PER"})


@cache
def _name_words() -> frozenset[str]:
    return frozenset(fold(w) for w in load_json("entities/spans.json")["name_words"])


@lru_cache(maxsize=1 << 16)
def foreign(stem: str) -> bool:
    """A common word that the corpora never saw inside a name."""
    return (
        zipf(stem) >= MIN_ZIPF
        and corpus_label(stem.lower()) is None
        and stem not in lexicon().names
        and stem not in _name_words()
    )


def trim(stems: list[str], tags: list[str]) -> list[str]:
    """One sentence's tags with the foreign words of person entities set ``O``."""
    out = tags
    for a, b, label in chunks(tags):
        if label not in LABELS or b - a < 2:
            continue
        keep = [not foreign(stems[k]) for k in range(a, b)]
        if all(keep) or not any(keep):
            continue
        if out is tags:
            out = list(tags)
        inside = False
        for k, kept in zip(range(a, b), keep, strict=True):
            out[k] = (("I-" if inside else "B-") + label) if kept else "O"
            inside = kept
    return out
