"""ISO 8601 durations: ``P3Y``, ``P3Y6M``, ``PT1H30M``, ``PXY``."""

from __future__ import annotations

# A fraction of a unit in the next smaller unit: 3.5 years is P3Y6M.
_SMALLER = {
    "Y": ("M", 12),
    "M": ("D", 30),
    "W": ("D", 7),
    "D": ("H", 24),
    "H": ("MIN", 60),
    "MIN": ("S", 60),
    "DE": ("Y", 10),
    "CE": ("Y", 100),
}
_TIME_UNITS = ("H", "MIN", "S")


def period(n: float | str, unit: str) -> str:
    """The duration of ``n`` units (``"X"``: an unknown number of them)."""
    if isinstance(n, str):
        if unit in _TIME_UNITS:
            return f"PT{n}{'M' if unit == 'MIN' else unit}"
        return f"P{n}{unit}"
    parts: list[tuple[int | float, str]] = [(int(n), unit)]
    rest = n - int(n)
    if rest and unit in _SMALLER:
        small, per = _SMALLER[unit]
        parts.append((round(rest * per), small))
    elif rest:
        parts[0] = (round(n, 2), unit)
    date_part = "".join(f"{k}{u}" for k, u in parts if k and u not in _TIME_UNITS)
    time_part = "".join(
        f"{k}{'M' if u == 'MIN' else u}" for k, u in parts if k and u in _TIME_UNITS
    )
    if not date_part and not time_part:
        return f"P0{unit}"
    return "P" + date_part + (f"T{time_part}" if time_part else "")
