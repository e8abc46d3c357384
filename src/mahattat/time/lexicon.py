"""Lexicon classes of the time stage (``data/time/lexicon/*.json``, merged in file order,
entries folded): surface form -> meaning, and their regex alternations."""

from __future__ import annotations

from typing import Any

import regex

from ..text.arabic import classes as _classes
from ..text.arabic import clitics


def classes() -> dict[str, dict[str, Any]]:
    """Every lexicon class of ``data/time/lexicon/*.json``, keys folded.

    Files are merged in name order; a later file adds to a class or overrides an entry.
    """
    return _classes("time/lexicon")


def lookup(cls: str, surface: str) -> Any:
    key = " ".join(surface.split())
    entries = classes()[cls]
    c = clitics()
    if key not in entries and key.startswith(c.lam):
        return entries[c.article[0] + key]  # "لثاني" of "للثاني": the article after ل
    return entries[key]


def alternation(cls: str, minus: str | None = None) -> str:
    """A regex alternation of a class (longest first, so the longest entry wins)."""
    keys = set(classes()[cls])
    if minus:
        keys -= set(classes()[minus])
    ordered = sorted(keys, key=lambda k: (-len(k), k))
    # After the clitic ل the article loses its alef: "للعام" is ل + "لعام".
    article = clitics().article
    elided = [k[1:] for k in ordered if k.startswith(article)]
    alts = [regex.escape(k).replace(r"\ ", "[ ]{1,3}") for k in ordered]
    if elided:
        tail = "|".join(regex.escape(k).replace(r"\ ", "[ ]{1,3}") for k in elided)
        alts.append(f"{clitics().regex_after_lam()}(?:{tail})")
    return "|".join(alts)
