"""Outlets by the names people know them by (``data/io/outlets.json``): ``skynews`` is
``سكاي نيوز عربية`` in an export."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from ..datafile import load_json


@cache
def _names() -> dict[str, str]:
    return {k: str(v) for k, v in load_json("io/outlets.json").items()}


def outlet(source: str | None) -> str:
    """The outlet's name, as the store has it when not listed; empty for None."""
    if not source:
        return ""
    return _names().get(source, source)


def outlets(sources: Iterable[str | None], *, but: str | None = None) -> list[str]:
    """The names of ``sources``, each once, in their order, without ``but``'s."""
    own = outlet(but)
    names = (outlet(s) for s in sources)
    return list(dict.fromkeys(n for n in names if n and n != own))
