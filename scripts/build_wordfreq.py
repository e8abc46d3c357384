"""Generate ``src/mahattat/data/text/wordfreq-ar.table``: wordfreq's Arabic word
frequencies, folded like the matching view, as a word table (``mahattat.text.wordtable``).

Spellings that fold together (``إعلان``, ``اعلان``) are summed before the zipf value
(log10 per billion words) is taken; only words of Arabic base letters are kept. The run
takes a few seconds and gives the same file for the same wordfreq version (the version
is written into the table's header). ``tests/text/test_generated.py`` regenerates it
and compares when wordfreq is installed.

    python scripts/build_wordfreq.py [OUT]
"""

from __future__ import annotations

import math
import sys
from importlib.metadata import version
from pathlib import Path

import regex
from wordfreq import get_frequency_dict

from mahattat.text.arabic import FREQUENCIES, fold_key
from mahattat.text.wordtable import write

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "mahattat" / FREQUENCIES
_LETTERS = regex.compile(r"[\u0621-\u064a]+")


def frequencies() -> dict[str, float]:
    """Folded Arabic word -> zipf, variants that fold together summed."""
    freq: dict[str, float] = {}
    for word, f in get_frequency_dict("ar").items():
        k = fold_key(word)
        if _LETTERS.fullmatch(k):
            freq[k] = freq.get(k, 0.0) + f
    return {k: math.log10(f) + 9.0 for k, f in freq.items()}


def build(out: Path) -> None:
    rows = {w: (z,) for w, z in frequencies().items()}
    about = f"wordfreq {version('wordfreq')} 'ar', folded like the view: word -> zipf"
    write(out, rows, ["zipf"], about)


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
