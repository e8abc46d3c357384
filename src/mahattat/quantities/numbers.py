"""Numbers of the view: digits and number words, grouped into the phrases of one amount.

An *atom* is a run of digits or one word of ``lexicon.json``/the time lexicon (``خمسة``,
``آلاف``, ``ألفي``, ``عشرات``, ``ونصف``). A *phrase* is what the atoms of one amount make
together: a number and its multiplier (``10 آلاف``), parts joined by ``و`` from the largest
down (``مليون و200 ألف``, ``ألف وخمسمائة``; units before tens, ``خمسة وعشرين``), a dual
alone (``ألفي``), a vague amount (``عشرات الآلاف``). Atoms are read once, left to right.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import regex

from ..patterns import compiled
from ..text.arabic import occurrences
from .lexicon import Lexicon, lexicon, patterns

_SPACES = compiled(r"[ ]{1,3}")
TENS = range(20, 100, 10)  # tens words come after the units: "خمسة وعشرون"
THOUSANDS_GROUP = 3  # digits after a thousands separator
MAX_GAP = 7  # the widest gap between two atoms of one amount ("   و   ")


@dataclass(frozen=True, slots=True)
class Atom:
    start: int  # view span of the digits or the word, without its clitic
    end: int
    clitic_start: int  # where a proclitic ("و", "ب"...) glued to the word begins
    word: str  # the folded word; "" for digits
    digits: str


@dataclass(slots=True)
class Phrase:
    start: int
    end: int
    value: float
    base: float  # the value before the multiplier of the last part ("10" of "10 آلاف")
    mult: float | None  # the multiplier of the last part
    vague: bool = False
    digits: bool = False  # begins with digits (not a number word)
    accusative: bool = False  # the noun that follows takes the accusative (11-99)
    run: bool = False  # one of several digit groups in a row: a phone number, an id
    parts: int = 1  # atoms read


def atoms(text: str) -> list[Atom]:
    """Digit runs and amount words in text order (words looked for only where a word of
    the lexicon occurs)."""
    pat = patterns()
    out = [Atom(m.start(), m.end(), m.start(), "", m.group()) for m in pat.digits.finditer(text)]
    words = []
    for i, _ in occurrences(text, pat.first):
        if m := pat.word.match(text, i):
            words.append(Atom(m.start("w"), m.end(), i, " ".join(m["w"].split()), ""))
    if not words:
        return out
    merged: list[Atom] = []
    for a in sorted(out + words, key=lambda a: (a.start, -a.end)):
        if not merged or a.start >= merged[-1].end:  # "عشرة" inside "ست عشرة" is read
            merged.append(a)
    return merged


def parse_digits(s: str) -> float | None:
    """``1,500`` 1500, ``2.5`` 2.5, ``16,3`` 16.3, ``1.500.000`` 1500000; ``1.2.3`` None.

    One separator is a decimal point unless it is a comma before three digits; repeated,
    the same separator groups thousands; two different ones are thousands then decimals.
    """
    seps = [c for c in s if c in ".,"]
    if not seps:
        return float(s)
    groups = regex.split(r"[.,]", s)
    if len(seps) == 1:
        sep = seps[0]
        if len(groups[1]) == THOUSANDS_GROUP and (sep == "," or groups[1] == "000"):
            return float(s.replace(sep, ""))  # "1,500"; "300.000" is no 300.0
        return float(s.replace(",", "."))
    if any(len(g) != THOUSANDS_GROUP for g in groups[1:-1]):
        return None
    if len(set(seps)) == 1:
        if len(groups[-1]) != THOUSANDS_GROUP:
            return None
        return float(s.replace(seps[0], ""))
    if seps.count(seps[-1]) != 1 or len(set(seps[:-1])) != 1:
        return None
    return float(s.replace(seps[0], "").replace(seps[-1], "."))


def _join(text: str, a: Atom, b: Atom) -> str | None:
    """How ``b`` follows ``a``: ``"space"`` (next word), ``"wa"`` (joined by و) or None."""
    if b.clitic_start - a.end > MAX_GAP:
        return None
    gap = text[a.end : b.clitic_start]
    clitic = text[b.clitic_start : b.start]
    if gap == " " and not clitic:
        return "space"
    if not clitic and _SPACES.fullmatch(gap):
        return "space"
    if clitic in lexicon().number_join and _SPACES.fullmatch(gap):
        return "wa"
    if not clitic and patterns().number_join.fullmatch(gap):
        return "wa"
    return None


def _value(lex: Lexicon, a: Atom) -> float | None:
    if a.digits:
        return parse_digits(a.digits)
    return lex.number.get(a.word)


class _Reader:
    """A cursor over the atoms of one text."""

    def __init__(self, text: str, items: list[Atom]) -> None:
        self.text, self.items, self.lex = text, items, lexicon()
        # How each atom follows the one before it, computed once.
        self.joins = [_join(text, a, b) for a, b in itertools.pairwise(items)] + [None]

    def follows(self, i: int, how: str) -> Atom | None:
        """Atom ``i + 1`` when it follows atom ``i`` the way ``how`` says."""
        return self.items[i + 1] if self.joins[i] == how else None

    def part(self, i: int) -> tuple[float, float, float | None, int] | None:
        """A number and its multiplier at atom ``i``: (value, base, multiplier, atoms)."""
        a, lex = self.items[i], self.lex
        base = _value(lex, a)
        if base is None or (a.digits == "" and a.word in lex.vague):
            return None
        n = 1
        tens = self.follows(i, "wa")
        if not a.digits and base < 10 and tens and not tens.digits:
            t = lex.number.get(tens.word)
            if t is not None and t in TENS:
                base, n = base + t, 2
        m = self.follows(i + n - 1, "space")
        if m is not None and not m.digits and m.word in lex.multiplier:
            return base * lex.multiplier[m.word], base, lex.multiplier[m.word], n + 1
        return base, base, None, n

    def head(self, i: int) -> Phrase | None:
        """The phrase an amount starts with at atom ``i`` (before parts joined by و)."""
        a, lex = self.items[i], self.lex
        w = a.word
        nxt = self.follows(i, "space")
        nw = nxt.word if nxt is not None and not nxt.digits else ""
        two = nxt.end if nxt is not None else a.end  # the end of a two-word head
        if w in lex.few and (nw in lex.multiplier or nw in lex.vague):  # "بضعة آلاف"
            many = lex.multiplier.get(nw) or lex.vague[nw]
            return Phrase(a.start, two, many, 1, many, vague=True, parts=2)
        if w in lex.vague:
            scale = lex.scale.get(nw) or (lex.vague.get(nw) if nw in lex.multiplier else None)
            if scale:  # "عشرات الآلاف", "مئات مليارات"
                v = lex.vague[w] * scale
                return Phrase(a.start, two, v, lex.vague[w], scale, vague=True, parts=2)
            return Phrase(a.start, a.end, lex.vague[w], lex.vague[w], None, vague=True)
        if w in lex.fraction and nw in lex.multiplier:  # "نصف مليون"
            v = lex.fraction[w] * lex.multiplier[nw]
            return Phrase(a.start, two, v, lex.fraction[w], lex.multiplier[nw], parts=2)
        if w in lex.dual:
            return Phrase(a.start, a.end, lex.dual[w], 2, lex.dual[w] / 2)
        if w in lex.multiplier:
            return Phrase(a.start, a.end, lex.multiplier[w], 1, lex.multiplier[w])
        got = self.part(i)
        if got is None:
            return None
        value, base, mult, n = got
        end = self.items[i + n - 1].end
        return Phrase(a.start, end, value, base, mult, digits=bool(a.digits), parts=n)

    def phrase(self, i: int) -> Phrase | None:
        """The whole amount starting at atom ``i``, with the parts joined to it by و."""
        ph = self.head(i)
        if ph is None or ph.vague:
            return ph
        lex = self.lex
        j = i + ph.parts - 1
        while (b := self.follows(j, "wa")) is not None:
            if not b.digits and b.word in lex.fraction:  # "مليون ونصف", "ثلاثة ونصف"
                ph.value += lex.fraction[b.word] * (ph.mult or 1)
                ph.end, j, ph.parts = b.end, j + 1, ph.parts + 1
                of = self.follows(j, "space")  # "ونصف المليون"
                if of is not None and not of.digits and of.word in lex.scale:
                    ph.end, j, ph.parts = of.end, j + 1, ph.parts + 1
                continue
            scale = ph.mult or (ph.base if not ph.digits and ph.base % 100 == 0 else None)
            got = self.part(j + 1)
            if scale is None or got is None or got[0] >= scale:
                break
            value, base, mult, n = got
            ph.value += value
            ph.base, ph.mult = base, mult
            j += n
            ph.end, ph.parts = self.items[j].end, ph.parts + n
        last = ph.base
        ph.accusative = ph.mult is None and last.is_integer() and 11 <= last % 100 <= 99
        return ph


def phrases(text: str, items: list[Atom]) -> list[Phrase]:
    """The amounts of ``text`` in order, each atom read once."""
    reader = _Reader(text, items)
    out: list[Phrase] = []
    i = 0
    in_run = False
    while i < len(items):
        ph = reader.phrase(i)
        if ph is None:
            i += 1
            in_run = False
            continue
        last = i + ph.parts - 1
        nxt = reader.follows(last, "space")
        # Digit groups side by side ("050 123 4567") are a phone number or a code.
        ends_run = ph.digits and nxt is not None and bool(nxt.digits)
        ph.run = in_run or ends_run
        in_run = ends_run
        out.append(ph)
        i = last + 1
    return out
