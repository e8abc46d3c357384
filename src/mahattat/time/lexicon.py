"""Lexicon classes: surface form -> meaning, merged from the generated and hand files."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import regex

from ..text.normalize import fold

_FILES = ("generated.json", "lexicon.json")  # later files override earlier ones


def _key(surface: str) -> str:
    return " ".join(fold(surface).split())


@cache
def classes() -> dict[str, dict[str, Any]]:
    """Every lexicon class with its folded keys."""
    merged: dict[str, dict[str, Any]] = {}
    base = resources.files("mahattat") / "data" / "time"
    for name in _FILES:
        data = json.loads((base / name).read_text(encoding="utf-8"))
        for cls, entries in data.items():
            if cls.startswith("_"):
                continue
            target = merged.setdefault(cls, {})
            for surface, meaning in entries.items():
                target[_key(surface)] = meaning
    return merged


def lookup(cls: str, surface: str) -> Any:
    return classes()[cls][" ".join(surface.split())]


def alternation(cls: str, minus: str | None = None) -> str:
    """A regex alternation of a class (longest first, so the longest entry wins)."""
    keys = set(classes()[cls])
    if minus:
        keys -= set(classes()[minus])
    ordered = sorted(keys, key=lambda k: (-len(k), k))
    return "|".join(regex.escape(k).replace(r"\ ", "[ ]{1,3}") for k in ordered)
