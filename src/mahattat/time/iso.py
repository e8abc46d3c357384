"""ISO 8601 durations: ``P3Y``, ``P3Y6M``, ``PT1H30M``, ``P1Y1M21D``, ``PXY``."""

from __future__ import annotations

_ORDER = ("CE", "DE", "Y", "M", "W", "D", "H", "MIN", "S")  # units, largest first

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
_ISO = {"H": "H", "MIN": "M", "S": "S"}  # designators after "T"


def period(parts: list[tuple[float | str, str]]) -> str:
    """An ISO 8601 duration: ``P3Y``, ``P3Y6M``, ``PT1H30M``, ``P1Y1M21D``, ``PXY``.

    A fraction spills into the next smaller unit (rounded: a third of a century is
    P33Y4M); weeks become days beside other units.
    """
    if len(parts) == 1 and isinstance(parts[0][0], str):  # "بضع ساعات": PTXH
        unit = parts[0][1]
        return f"PTX{_ISO[unit]}" if unit in _TIME_UNITS else f"PX{unit}"
    amounts: dict[str, float] = {}
    for n, unit in parts:
        amounts[unit] = amounts.get(unit, 0) + float(n)
    if "W" in amounts and len(amounts) > 1:
        amounts["D"] = amounts.get("D", 0) + 7 * amounts.pop("W")
    for unit in list(amounts):  # a fraction spills once, rounded, into the next unit
        n = amounts[unit]
        if n == int(n) or unit not in _SMALLER:
            continue
        small, per = _SMALLER[unit]
        rest = (n - int(n)) * per
        amounts[unit] = int(n)
        amounts[small] = amounts.get(small, 0) + (round(rest, 2) if small == "S" else round(rest))
    shown = [u for u in _ORDER if amounts.get(u)]
    date_part = "".join(f"{_fmt(amounts[u])}{u}" for u in shown if u not in _TIME_UNITS)
    time_part = "".join(f"{_fmt(amounts[u])}{_ISO[u]}" for u in shown if u in _TIME_UNITS)
    if not date_part and not time_part:
        unit = parts[0][1]
        return f"PT0{'M' if unit == 'MIN' else unit}" if unit in _TIME_UNITS else f"P0{unit}"
    return "P" + date_part + (f"T{time_part}" if time_part else "")


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{round(n, 2):g}"
