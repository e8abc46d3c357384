"""Lexicon classes: surface form -> meaning, merged from the generated and hand files."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import regex

from ..text.normalize import fold


def _key(surface: str) -> str:
    return " ".join(fold(surface).split())


@cache
def classes() -> dict[str, dict[str, Any]]:
    """Every lexicon class of ``data/time/lexicon/*.json``, keys folded.

    Files are merged in name order; a later file adds to a class or overrides an entry.
    """
    merged: dict[str, dict[str, Any]] = {}
    folder = resources.files("mahattat") / "data" / "time" / "lexicon"
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".json"):
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        for cls, entries in data.items():
            if cls.startswith("_"):
                continue
            target = merged.setdefault(cls, {})
            for surface, meaning in entries.items():
                target[_key(surface)] = meaning
    return merged


def lookup(cls: str, surface: str) -> Any:
    key = " ".join(surface.split())
    entries = classes()[cls]
    if key not in entries and key.startswith("ل"):
        return entries["ا" + key]  # "لثاني" of "للثاني": the article after the clitic ل
    return entries[key]


def alternation(cls: str, minus: str | None = None) -> str:
    """A regex alternation of a class (longest first, so the longest entry wins)."""
    keys = set(classes()[cls])
    if minus:
        keys -= set(classes()[minus])
    ordered = sorted(keys, key=lambda k: (-len(k), k))
    # After the clitic ل the article loses its alef: "للعام" is ل + "لعام".
    elided = [k[1:] for k in ordered if k.startswith("ال")]
    alts = [regex.escape(k).replace(r"\ ", "[ ]{1,3}") for k in ordered]
    if elided:
        tail = "|".join(regex.escape(k).replace(r"\ ", "[ ]{1,3}") for k in elided)
        alts.append(f"(?<=(?<!\\p{{L}})[وف]?ل)(?:{tail})")
    return "|".join(alts)
