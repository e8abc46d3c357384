"""Durations and sets (rules/60-durations.toml)."""

from __future__ import annotations

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


# A fraction of a unit in the next smaller unit: 3.5 years is P3Y6M.
_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60),
            "MIN": ("S", 60), "DE": ("Y", 10), "CE": ("Y", 100)}
_TIME_UNITS = ("H", "MIN", "S")


def _period(n: float | str, unit: str) -> str:
    """An ISO 8601 duration: ``P3Y``, ``P3Y6M``, ``PT1H30M``, ``PXY``."""
    if isinstance(n, str):
        return f"P{n}{unit}"
    parts: list[tuple[int | float, str]] = [(int(n), unit)]
    rest = n - int(n)
    if rest and unit in _SMALLER:
        small, per = _SMALLER[unit]
        parts.append((round(rest * per), small))
    elif rest:
        parts[0] = (round(n, 2), unit)
    date_part = "".join(f"{k}{u}" for k, u in parts if k and u not in _TIME_UNITS)
    time_part = "".join(f"{k}{'M' if u == 'MIN' else u}" for k, u in parts if k and u in _TIME_UNITS)
    return "P" + date_part + (f"T{time_part}" if time_part else "") if date_part or time_part else f"P0{unit}"
