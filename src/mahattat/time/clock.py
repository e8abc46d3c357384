"""Times of day: clock times, spelled hours, parts of the day (rules/50-clock.toml)."""

from __future__ import annotations

from .readings import Fields, Piece, Reading, resolver


@resolver("time")
def time(f: Fields, span: tuple[int, int]) -> list[Piece]:
    hour = f.get("hour", f.get("hour_word"))
    minute = f.get("minute")
    if minute is not None:
        minute = int(minute)
    elif "fraction" in f and hour is not None:
        minute = round(f["fraction"] * 60)
    part = f.get("part_of_day") or f.get("part_of_day_tonight")
    if "weekday" in f:
        near = 2 if "deictic_day" in f else None
        return [(*span, Reading("TIME", "weekday", weekday=f["weekday"], part=part, hour=hour,
                                minute=minute, offset=f.get("deictic_day", 0), direction=near))]
    offset = f.get("deictic_day", 0)
    anaphoric = "anaphoric_unit" in f
    if anaphoric:
        offset = f["anaphoric_unit"][1]
    return [(*span, Reading("TIME", "rel", unit="D", offset=offset, part=part, hour=hour,
                            minute=minute, anaphoric=anaphoric))]
