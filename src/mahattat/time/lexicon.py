"""Lexicon classes of the time stage (``data/time/lexicon/*.json``, merged in file order,
entries folded): surface form -> meaning, and their regex alternations."""

from __future__ import annotations

from functools import cache
from typing import Any

from ..text.arabic import classes as _classes
from ..text.arabic import clitics, trie_alternation


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


@cache
def alternation(cls: str, minus: str | None = None) -> str:
    """A regex alternation of a class, shaped as a trie (the engine rejects a position on
    its first letter instead of trying every word; at one position the longest entry is
    tried first)."""
    keys = set(classes()[cls])
    if minus:
        keys -= set(classes()[minus])
    # After the clitic ل the article loses its alef: "للعام" is ل + "لعام".
    article = clitics().article
    elided = [k[1:] for k in keys if k.startswith(article)]
    if not elided:
        return trie_alternation(keys)
    return f"{trie_alternation(keys)}|{clitics().regex_after_lam()}(?:{trie_alternation(elided)})"
