"""Durations and sets (rules/60-durations.toml).

A duration match is read as parts in text order: a number waits for its unit, a leading
fraction ("نصف") scales the next unit, a trailing one ("ونصف") adds to the last unit, a
dual counts two. Parts with different units ("عام وشهر و21 يوما") make one value;
"5 سنوات و25 سنة" (a range, not a sum) makes one expression per part.
"""

from __future__ import annotations

import regex

from .iso import period
from .lexicon import lookup
from .readings import Fields, Piece, Reading, parse_number

# Names a rule captures, in the order they are tried: (group, lexicon classes).
_CLASSES = {
    "unit": ("unit", "unit_plural_def"),
    "unit_sing": ("unit_sing", "unit_sing_def", "unit_def"),
    "unit_dual": ("unit_dual",),
    "unit_bare_plural": ("unit_bare_plural",),
    "fraction_lead": ("fraction_lead",),
    "fraction_trail": ("fraction_trail",),
    "complete": ("complete",),
    "one": ("one",),
}


def _meaning(name: str, text: str) -> object:
    if name == "number":
        return parse_number(text)
    classes = _CLASSES[name]
    for cls in classes:
        try:
            return lookup(cls, text)
        except KeyError:
            if cls == classes[-1]:
                raise
    raise KeyError(text)


class _Part:
    __slots__ = ("amount", "end", "start", "unit")

    def __init__(self, amount: float | str, unit: str, start: int, end: int) -> None:
        self.amount, self.unit, self.start, self.end = amount, unit, start, end


def _parts(m: regex.Match[str], lo: int, hi: int) -> list[_Part]:
    """The amount-unit parts of ``m`` between view offsets ``lo`` and ``hi``."""
    events = []
    for name in (*_CLASSES, "number"):
        if name not in m.re.groupindex:
            continue
        for (s, e), text in zip(m.spans(name), m.captures(name), strict=True):
            if lo <= s and e <= hi:
                events.append((s, e, name, text))
    events = sorted(set(events))  # a lookahead captures what the match then consumes
    parts: list[_Part] = []
    number: tuple[float, int] | None = None
    scale: tuple[float, int] | None = None
    for s, e, name, text in events:
        value = _meaning(name, text)
        if name == "number":
            number = (float(value), s)  # type: ignore[arg-type]
        elif name == "fraction_lead":
            scale = (float(value), s)  # type: ignore[arg-type]
        elif name in ("unit", "unit_sing", "unit_dual", "unit_bare_plural"):
            start = min(x[1] for x in (number, scale, (0, s)) if x is not None)
            if name == "unit_bare_plural":
                amount: float | str = "X"
            else:
                amount = 2.0 if name == "unit_dual" else (number[0] if number else 1.0)
                if scale:
                    amount = float(amount) * scale[0]
            parts.append(_Part(amount, str(value), start, e))
            number = scale = None
        elif parts:  # a trailing fraction, "واحد", "كامل": part of the last unit
            if name == "fraction_trail" and not isinstance(parts[-1].amount, str):
                parts[-1].amount += float(value)  # type: ignore[arg-type]
            parts[-1].end = e
    if not parts:
        raise KeyError(m.group())
    return parts


def _groups(parts: list[_Part]) -> list[list[_Part]]:
    """Runs of parts with different units: each run is one duration (a unit seen again
    starts a new one: "بين 5 سنوات و25 سنة" is a range)."""
    runs = [[parts[0]]]
    for p in parts[1:]:
        prev = runs[-1][-1]
        if (
            p.unit not in {q.unit for q in runs[-1]}
            and not isinstance(p.amount, str)
            and not isinstance(prev.amount, str)
        ):
            runs[-1].append(p)
        else:
            runs.append([p])
    return runs


def duration(f: Fields, span: tuple[int, int], m: regex.Match[str]) -> list[Piece]:
    mod = f.get("mod_amount")
    if "tens_of" in f:  # "عشرات السنين": decades
        return [(*span, Reading("DURATION", "lit", value=f"PX{f['tens_of']}", mod=mod))]
    out: list[Piece] = []
    runs = _groups(_parts(m, *span))
    if len(runs[0]) > 1 and _word_before(m.string, span[0]) in ("before", "after"):
        raise KeyError(m.group())  # "قبل 3 سنوات و5 أشهر": a relative date, not a duration
    for i, run in enumerate(runs):
        start = span[0] if i == 0 else run[0].start
        end = span[1] if i == len(runs) - 1 else run[-1].end
        value = period([(p.amount, p.unit) for p in run])
        r = Reading("DURATION", "lit", value=value, mod=mod if i == 0 else None)
        out.append((start, end, r))
    return out


def set_(f: Fields, span: tuple[int, int], m: regex.Match[str]) -> list[Piece]:
    if "month" in f:  # "21 مارس من كل عام"
        day = f.get("day") or f.get("ordday")
        value = f"XXXX-{f['month']:02d}" + (f"-{day:02d}" if day else "")
    elif "weekday" in f:
        value = f"XXXX-WXX-{f['weekday']}"
    elif "set_adverb" in f:
        value = f["set_adverb"]
    else:  # "كل ثلاثة أشهر": the period itself; "مرتين في الأسبوع": the unit
        parts = _parts(m, max(span[0], _after_times(m)), span[1])
        value = period([(p.amount, p.unit) for p in parts])
    return [(*span, Reading("SET", "lit", value=value))]


def _word_before(text: str, start: int) -> str | None:
    """The lexicon class (``before``/``after``) of the word before ``start``, if any."""
    words = regex.findall(r"\p{L}+", text[max(0, start - 12) : start])
    if not words:
        return None
    word = words[-1]
    for cls in ("before", "after"):
        for w in (word, word[1:]):  # "وقبل"
            try:
                lookup(cls, w)
                return cls
            except KeyError:
                continue
    return None


def _after_times(m: regex.Match[str]) -> int:
    """Where "مرتين" ends: a number before it counts times, not units."""
    return m.end("times") if "times" in m.re.groupindex and m.group("times") else 0
