"""Durations and sets (rules/60-durations.toml)."""

from __future__ import annotations

from .iso import period as _period
from .readings import Fields, Piece, Reading, _num, _unit, resolver


@resolver("duration")
def duration(f: Fields, span: tuple[int, int]) -> list[Piece]:
    mod = f.get("mod_amount")
    if "unit_bare_plural" in f:
        return [(*span, Reading("DURATION", "lit", value=_period("X", f["unit_bare_plural"]), mod=mod))]
    return [(*span, Reading("DURATION", "lit", value=_period(_num(f), _unit(f)), mod=mod))]


@resolver("set")
def set_(f: Fields, span: tuple[int, int]) -> list[Piece]:
    if "weekday" in f:
        return [(*span, Reading("SET", "lit", value=f"XXXX-WXX-{f['weekday']}"))]
    return [(*span, Reading("SET", "lit", value=f["set_adverb"]))]



