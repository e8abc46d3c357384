"""Quantities: amounts in digits or words, with their counted noun, currency or percent.

``find(view, exclude)`` reads the numbers of the view (``numbers.py``) and gives each
amount its ``unit`` (the noun that follows as written minus clitics, ``%``, or a currency's
name), its ``mod`` (the bound or approximation before it: ``نحو`` APPROX, ``أكثر من``
MORE_THAN...; ``VAGUE`` for ``عشرات الآلاف``, whose value is then the order of magnitude),
and its span (number, multiplier and unit; not the mod word). In a range (``من 5200 إلى
3000 جندي``) the first end takes the unit of the second. Labels are skipped: ordinals
(``الـ5``), years, phone numbers, codes (``F-16``, ``MH370``), dates and times (``20/3``,
``10:30``), numbers after ``رقم``/``المادة``..., and any number inside ``exclude``
(original spans of temporal expressions).
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from ..patterns import compiled
from ..records import Quantity
from ..text.arabic import zipf
from ..text.normalize import View
from .lexicon import lexicon, patterns
from .numbers import Phrase, atoms, phrases

__all__ = ["find"]

VAGUE = "VAGUE"
PERCENT = "%"
MOD_REACH = 24  # characters before a number searched for its mod word
LABEL_REACH = 14  # characters before a number searched for a label word
YEARS = (1900, 2100)  # a bare four-digit number in this range is a year
MAX_PLAIN_DIGITS = 9  # more digits without separators: an id, not an amount

_MARKS = compiled(r"[\u064b-\u065f\u0670\u0640]")
_ARABIC_WORD = compiled(r"[\u0621-\u064a]+")
_LATIN_BEFORE = compiled(r"(?r)[A-Za-z][ -]?\Z")
_GLUED_AFTER = compiled(r"[/:][0-9]|[A-Za-z]|-\p{L}")
_ENUMERATOR_AFTER = compiled(r"[ ]?[.)\-–][ ]")
_ENUMERATOR_BEFORE = compiled(r"(?r)(?:\A|[\n.:؛])[ ]{0,2}\Z")
_PARENTHESIZED = compiled(r"[ ]?\)")
SINGLE_WORDS = (1, 2)  # "واحد", "اثنين" follow the noun they count: alone they are no amount


@dataclass(slots=True)
class _Amount:
    """A phrase being read: view spans, the unit found after it, its mod."""

    phrase: Phrase
    start: int
    end: int
    value: float
    unit: str | None = None
    unit_kind: str | None = None  # "noun", "%", "currency"
    mod: str | None = None
    lead: int = 0  # where the mod word (or the number) begins: the left edge for ranges
    noun: str = ""  # the unit noun as the view spells it


def find(view: View, exclude: Sequence[tuple[int, int]] = ()) -> list[Quantity]:
    """The amounts of a document, ``q1``, ``q2``... in text order."""
    text = view.text
    items = atoms(text)
    if not items:
        return []
    amounts = [a for ph in phrases(text, items) if not _is_year(text, a := _read(view, ph))]
    _ranges(text, amounts)
    blocked = sorted((view.to_view(s), view.to_view(e)) for s, e in exclude)
    out: list[Quantity] = []
    for a in amounts:
        if _is_label(text, a) or _inside(blocked, a.phrase.start, a.phrase.end):
            continue
        s, e, span = view.original_span(a.start, a.end)
        out.append(Quantity(f"q{len(out) + 1}", s, e, span, _number(a.value), a.unit, a.mod))
    return out


def _spaced(matched: str) -> str:
    """A multi-word match of the (already folded) view as a lexicon key."""
    return " ".join(matched.split())


def _number(v: float) -> int | float:
    v = round(v, 6)
    return int(v) if v.is_integer() else v


def _inside(blocked: list[tuple[int, int]], s: int, e: int) -> bool:
    """Whether ``[s, e)`` overlaps a blocked span (spans sorted, possibly nested)."""
    k = bisect_left(blocked, (e, e))
    return any(bs < e and s < be for bs, be in blocked[max(0, k - 4) : k])


def _read(view: View, ph: Phrase) -> _Amount:
    text, lex, pat = view.text, lexicon(), patterns()
    a = _Amount(ph, ph.start, ph.end, ph.value, lead=ph.start)
    _unit(view, a)  # first: a sign before the number ("%60", "$5") moves its start
    a.lead = a.start
    m = pat.mod_before.search(text, max(0, a.start - MOD_REACH), a.start)
    if m:
        a.mod, a.lead = lex.mod[_spaced(m["m"])], m.start()
    if ph.vague:
        a.mod = VAGUE
    if a.mod is None and (m := pat.mod_after.match(text, a.end)):
        a.mod = lex.mod_after[_spaced(m["m"])]
    return a


def _unit(view: View, a: _Amount) -> None:
    """Fill the unit of ``a`` from the words after it (or a sign before it)."""
    text, lex, pat, e = view.text, lexicon(), patterns(), a.end
    if m := pat.percent.match(text, e):
        a.unit, a.unit_kind, a.end = PERCENT, PERCENT, m.end()
        return
    if m := pat.currency.match(text, e):
        a.unit = lex.currency_sign[m["s"]] if m["s"] else lex.currency[_spaced(m["w"])]
        a.unit_kind, a.end = "currency", m.end()
        return
    # A sign before the number, maybe a space apart ("$5"; "%50" as right-to-left text
    # is often copied; repair puts a space after "٪").
    sign = a.start - 2 if text[a.start - 1 : a.start] == " " else a.start - 1
    before = text[sign] if sign >= 0 else " "
    if before in lex.currency_sign:
        a.unit, a.unit_kind, a.start = lex.currency_sign[before], "currency", sign
        return
    if before in lex.percent_sign:
        a.unit, a.unit_kind, a.start = PERCENT, PERCENT, sign
        return
    m = pat.of_article.match(text, e)
    if m and _is_noun(m["w"]):
        a.unit, a.unit_kind, a.end = _as_written(view, m.start("w"), m.end("w")), "noun", m.end()
        return
    m = pat.next_word.match(text, e)
    if m is None:
        return
    w = m["w"]
    bare = w[len(lex.article) :]
    if a.phrase.vague and w.startswith(lex.article) and _is_noun(bare):
        # "آلاف الأشخاص": after a vague amount the counted noun is definite.
        ws = m.start("w") + len(lex.article)
        a.unit, a.unit_kind, a.end = _as_written(view, ws, m.end("w")), "noun", m.end()
        if bare in lex.currency:  # "ملايين الدولارات"
            a.unit, a.unit_kind = lex.currency[bare], "currency"
    elif _is_noun(w) and not a.phrase.vague:  # "آلاف" counts a definite noun only
        unit, a.noun = _as_written(view, m.start("w"), m.end("w")), w
        if a.phrase.accusative and unit.endswith(lex.accusative) and len(unit) > 3:
            unit = unit[:-1]  # "25 جنديا": the accusative ending is no part of the noun
        a.unit, a.unit_kind, a.end = unit, "noun", m.end()


def _is_noun(w: str) -> bool:
    """Whether the word after a number can be what it counts (indefinite, no clitic)."""
    lex = lexicon()
    if not _ARABIC_WORD.fullmatch(w) or w in lex.not_unit or len(w) < 2:
        return False
    if w.startswith(lex.article) or (w[0] in lex.unit_clitic and w[1:].startswith(lex.article)):
        return False
    if w.startswith(lex.lam_article):  # "للجيش": ل + ال, the alef dropped
        return False
    if w[0] in lex.unit_clitic and w[1:] in lex.not_unit:  # "ولا", "وبعد"
        return False
    # "وأصيب", "بجروح": a clitic on a more frequent word is a conjunction or preposition.
    return not (w[0] in lex.unit_clitic and len(w) > 3 and zipf(w[1:]) > zipf(w))


def _as_written(view: View, s: int, e: int) -> str:
    """The original spelling of a view word, without diacritics or tatweel."""
    return _MARKS.sub("", view.original_span(s, e)[2])


def _ranges(text: str, amounts: list[_Amount]) -> None:
    """``من 5200 إلى 3000 جندي``: the first end of a range takes the second's unit;
    ``بين 5 و10 آلاف``: and its multiplier, when it is smaller than the second's number.
    Two unitless numbers joined by a hyphen (a score ``3-1``, an id) are dropped."""
    pat = patterns()
    for p, q in itertools.pairwise(amounts):
        gap = text[p.end : q.lead]
        if p.unit is not None or not pat.range_gap.fullmatch(gap):
            continue
        if q.unit is None:
            if ("-" in gap or "–" in gap) and p.phrase.digits and q.phrase.digits:
                p.phrase.run = q.phrase.run = True
            continue
        p.unit, p.unit_kind, p.noun = q.unit, q.unit_kind, q.noun
        qp = q.phrase
        if p.phrase.mult is None and qp.mult and p.phrase.parts == 1 and p.value < qp.base:
            p.value *= qp.mult


def _is_year(text: str, a: _Amount) -> bool:
    """A four-digit number of the year range, bare or after a preposition (``في 2018
    وهو``; ``بين 2015 و2017``): a year, and no end of a range of amounts."""
    ph = a.phrase
    if not ph.digits or ph.parts != 1 or ph.mult is not None or a.mod is not None:
        return False
    digits = text[ph.start : ph.end]
    if len(digits) != 4 or not digits.isdigit() or not YEARS[0] <= int(digits) <= YEARS[1]:
        return False
    if a.unit_kind in (PERCENT, "currency"):
        return False
    m = patterns().prev_word.search(text, max(0, ph.start - LABEL_REACH), ph.start)
    return a.unit is None or (m is not None and m["w"] in lexicon().year_before)


def _date_word(text: str, s: int, e: int) -> bool:
    """Whether a month, weekday or year word stands right before or after ``[s, e)``."""
    pat, dates = patterns(), lexicon().date_word
    m = pat.prev_word.search(text, max(0, s - LABEL_REACH), s)
    if m and m["w"] in dates:
        return True
    m = pat.next_word.match(text, e)
    return m is not None and m["w"] in dates


def _is_label(text: str, a: _Amount) -> bool:
    """Whether a number is a label (ordinal, year, code, date part), not an amount."""
    ph, pat, lex = a.phrase, patterns(), lexicon()
    s, e = ph.start, ph.end
    if ph.run:
        return True
    if a.unit is None and ph.mult is None and patterns().ordinal.search(text, max(0, s - 4), s):
        return True  # "المرة الـ5" (but "حاجز الـ18 مليار ريال" is an amount)
    if a.unit_kind == "noun" and a.noun in lex.time_unit:
        return True  # "3 سنوات": a duration, the time stage's
    counted = a.unit_kind not in (PERCENT, "currency")
    if ph.digits and ph.mult is None and counted and _date_word(text, s, e):
        return True  # "20 مارس", "عام 2003"
    if not ph.digits:  # a number word alone is too often no amount ("في وقت واحد")
        single = ph.parts == 1 and ph.mult is None and not ph.vague
        return single and (ph.value in SINGLE_WORDS or (a.unit is None and a.mod is None))
    digits = text[s : ph.end].split(" ")[0] if ph.parts > 1 else text[s:e]
    before = text[s - 1] if s else " "
    if before in "/:#@_+.," or _LATIN_BEFORE.search(text, max(0, s - 3), s):
        return True
    if before == "-" and s > 1 and text[s - 2].isalpha():
        return True
    if _GLUED_AFTER.match(text, ph.end if ph.parts == 1 else s + len(digits)):
        return True
    plain = digits.isdigit()
    if len(digits) > 1 and digits[0] == "0" and digits[1].isdigit():
        return True  # "050...", "04.00": a phone number, a code, a clock time
    if plain and len(digits) > MAX_PLAIN_DIGITS:
        return True
    bare = a.unit is None and a.mod is None and ph.mult is None
    if not bare:
        return False
    if _ENUMERATOR_AFTER.match(text, e) and _ENUMERATOR_BEFORE.search(text, max(0, s - 3), s):
        return True  # "1. ", "2) " opening a list item
    if before == "(" and _PARENTHESIZED.match(text, e):
        return True  # "(1)": a note or an item number
    m = pat.prev_word.search(text, max(0, s - LABEL_REACH), s)
    return m is not None and m["w"] in lex.id_before
