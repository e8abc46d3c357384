"""One label per name across a document (Krishnan & Manning's observation, as a rule).

A CRF sees one sentence: ``رامسفيلد`` after ``وزير الدفاع`` is a person, the bare
``رامسفيلد`` three sentences later may be missed. After tagging, every word left ``O``
whose stem was inside an entity elsewhere in the document takes that entity's (most
frequent) label. Common words are left alone: a stem shorter than ``MIN_LETTERS``, or at
least ``MAX_ZIPF`` frequent in wordfreq unless the corpora call it mostly a name
(``أوباما``, see ``features.corpus_label``). On ANERcorp test this adds about 2 F1 at
the same precision. ``MAX_ZIPF`` was chosen on the dev split (see ``train.py``): 3.0, 3.5,
4.0, 4.5, 5.0 gave 75.9, 76.4, 76.0, 76.3, 76.2 F1.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from ..text.arabic import zipf
from .features import corpus_label
from .tags import chunks

MAX_ZIPF = 3.5
MIN_LETTERS = 3


NAME_BANDS = ("hi",)


@lru_cache(maxsize=1 << 16)
def _common(stem: str) -> bool:
    if len(stem) < MIN_LETTERS:
        return True
    label = corpus_label(stem.lower()) or ""
    return not label.endswith(NAME_BANDS) and zipf(stem) >= MAX_ZIPF


def names(stems: list[list[str]], tags: list[list[str]]) -> dict[str, Counter[str]]:
    """Stem -> how often each label covered it, over the given sentences."""
    out: dict[str, Counter[str]] = {}
    for ss, ts in zip(stems, tags, strict=True):
        for a, b, label in chunks(ts):
            for stem in ss[a:b]:
                out.setdefault(stem, Counter())[label] += 1
    return out


def relabel(stems: list[str], tags: list[str], known: dict[str, Counter[str]]) -> list[str]:
    """One sentence's tags with its ``O`` words that are known names tagged."""
    out = list(tags)
    for i, stem in enumerate(stems):
        if out[i] == "O" and stem in known and not _common(stem):
            label = known[stem].most_common(1)[0][0]
            inside = i > 0 and out[i - 1] != "O" and out[i - 1][2:] == label
            out[i] = ("I-" if inside else "B-") + label
    return out


def propagate(
    stems: list[list[str]], tags: list[list[str]], window: int | None = None
) -> list[list[str]]:
    """Tags of a document's sentences, made consistent over the whole document or, for
    a corpus without document breaks (ANERcorp), over ``window`` sentences each side."""
    if window is None:
        known = names(stems, tags)
        return [relabel(s, t, known) for s, t in zip(stems, tags, strict=True)]
    out = []
    for i, (s, t) in enumerate(zip(stems, tags, strict=True)):
        lo, hi = max(0, i - window), i + window + 1
        out.append(relabel(s, t, names(stems[lo:hi], tags[lo:hi])))
    return out
