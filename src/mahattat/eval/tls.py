"""Timeline-summarization scores for Arabic, compatible with ``tilse``.

The metrics are those of Martschat & Markert (2017), "Improving ROUGE for Timeline
Summarization" (EACL), as the ``tilse`` package computes them; pure Python, because the
ROUGE-1.5.5 Perl script keeps only ``[a-z0-9]`` and drops every non-ASCII letter: it sees no Arabic.

A timeline is the ``records.Timeline`` every method of ``mahattat.timelines`` returns
(``load`` reads one from JSON): each day-level entry's sentences summarize its day
(``summaries``). Each day's sentences are tokenized (see ``tokenize``) and joined into
one token sequence, so a bigram may span two sentences of the same day, as in tilse's
ROUGE reimplementation. Every metric is micro-averaged: hits and n-gram totals are
summed first, divided last, and F1 = 2PR / (P + R), 0 when P + R = 0 (tilse divides by
zero on some empty inputs; we return 0).

* ``concat``: ordinary ROUGE-N over the whole timeline, all days concatenated in date
  order. Dates are ignored, so the entries of a month or a year count too (at their
  first day's place).
* ``agreement``: ROUGE-N where n-grams match only within the same day: summed over
  days, clipped hits; precision over all predicted n-grams, recall over all reference
  n-grams. A predicted day absent from the reference only adds to the precision total.
* ``align_m1`` (tilse's ``align_date_content_costs_many_to_one``, "align+ m:1", the
  AR-1/AR-2 of later papers): for precision every predicted day is aligned to the
  reference day of least cost; for recall every reference day to the predicted day of
  least cost (so in both directions several days may share one partner). With d the
  distance in days and s the ROUGE-1 F1 of the two days' tokens (the content term)::

      cost = (1 - 1 / (d + 1)) * (1 - s)

  Ties go to the earliest date (tilse takes ``argmin`` over sorted dates). Note an exact
  date has cost 0 whatever its content. Each aligned pair's hits count with weight
  1 / (d + 1); the totals (denominators) are not weighted. With nothing to align to, a
  day's n-grams still count in the totals, with no hits.
* ``date_f1``: predicted dates against reference dates, exact match. A date is a value
  at its grain: a day, a month (``2011-12``) or a year (``2003``), as milestone
  timelines have them; ``2003`` matches ``2003`` only, neither ``2003-03`` nor
  ``2003-03-20``, and mods (``2011`` END) are not compared. For day timelines this is
  the usual day match. Agreement and align+ m:1 read the day-level entries only.

Several references (tilse's ``GroundTruth``): pass a sequence of timelines. Hits are
summed over references (each clipped separately), the precision total is the predicted
n-gram count times the number of references, the recall total the sum of the
references' counts; a reference lacking a day contributes an empty summary for it.
Reference dates are the union of all references' dates.

Folding, stemming and stopwords are the scorer's own, not search's: scores never move with it.

Deviation from tilse: the content term of the alignment cost uses the same tokens as the
scores (folded, stopwords out, light-stemmed); tilse uses raw whitespace tokens there.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

import regex

from ..records import Timeline, TimelineEntry, TimelineItem
from ..text.normalize import fold
from ..time import values

# Tokens: runs of Arabic-script letters, of Latin letters, of digits. Everything else
# (punctuation, symbols) separates tokens, as ROUGE drops non-alphanumerics.
_TOKEN = regex.compile(r"(?:(?=\p{Arabic})\p{L})+|(?:(?=\p{Latin})\p{L})+|[0-9]+")

# Function words, written by us, folded at import. tilse removes ROUGE's (English) SMART
# stopword list by default; this is the Arabic counterpart. A token is a stopword also
# behind the conjunction و or ف ("وفي", "فهو").
_STOPWORDS_RAW = """
في من إلى على عن مع ب ل ك و ف أن إن أنه أنها إنه إنها كان كانت يكون تكون قد لقد لم لن
لا ما ماذا هل هذا هذه هذان هاتان هؤلاء ذلك تلك أولئك هنا هناك الذي التي الذين اللذان
اللتان اللواتي اللاتي هو هي هم هما هن نحن أنا أنت أنتم بين بعد قبل خلال حول عند عندما حتى
منذ أو أم ثم بل لكن لكنه كما إذا إذ كل بعض غير أي أيضا له لها لهم به بها بهم فيه فيها فيهم
منه منها منهم عليه عليها عليهم إليه إليها عنه عنها ضد دون نحو لدى
"""
STOPWORDS: frozenset[str] = frozenset(fold(w) for w in _STOPWORDS_RAW.split())

# Light stemming, the prefix half of Larkey et al.'s light10 (2007): a leading و when 3+
# letters remain, then one article form when 2+ remain. Like ROUGE's Porter stemming for
# English it conflates inflected spellings of one word: "والحكومة" ~ "الحكومة" ~ "حكومة".
# Prefixes are folded forms (fold maps ة to ه, أ/إ/آ to ا). No suffixes: they would
# merge too much (and tilse stems only what Porter does).
_CONJ = "و"
_ARTICLES = ("وال", "بال", "كال", "فال", "لل", "ال")


class PRF(NamedTuple):
    p: float
    r: float
    f1: float

    def as_dict(self) -> dict[str, float]:
        return {"p": self.p, "r": self.r, "f1": self.f1}


@dataclass(frozen=True, slots=True)
class Alignment:
    """align+ m:1 partners: predicted day -> reference day (precision side) and
    reference day -> predicted day (recall side)."""

    precision: Mapping[date, date]
    recall: Mapping[date, date]


# ---------------------------------------------------------------- loading


def load(path: str | Path) -> Timeline:
    """Read a JSON timeline: ``mahattat timeline``'s ``{"entries": [{"date", "items":
    [{"text"...}]}]}``, ``{"timeline": [item, ...]}`` or a bare list of items.

    An item is an object with ``date`` and ``text``; other keys (``sources``...) are
    ignored, items sharing a date (and ``mod``) become that date's sentences. A date is
    a day, a month or a year ("2018-10-02", "2018-10", "2018"); an item with another
    value or none is skipped. Raises ``OSError`` or ``ValueError`` (bad JSON, bad
    shape, no dated item).
    """
    data = json.loads(Path(path).read_text("utf-8"))
    tl = parse(data)
    if not tl.entries:
        raise ValueError("no item with a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return tl


def parse(data: Any) -> Timeline:
    """The timeline in already-decoded JSON (see ``load``); may be empty."""
    if isinstance(data, dict) and "entries" in data:
        data = _flatten_entries(data["entries"])
    items = data.get("timeline") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise ValueError('expected a list of items or {"timeline": [...]}')
    dated: dict[tuple[str, str | None], list[str]] = {}
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise ValueError(f"item {i} is not an object")
        value = _value(item.get("date"), i)
        if value is None:
            continue
        text = item.get("text")
        if not isinstance(text, str):
            raise ValueError(f"item {i}: 'text' must be a string")
        mod = item.get("mod") if isinstance(item.get("mod"), str) else None
        dated.setdefault((value, mod), []).append(text)
    order = sorted(dated, key=lambda k: values.sort_key(*k))
    entries = (TimelineEntry(v, 0.0, tuple(TimelineItem(t) for t in dated[v, m]), m)
               for v, m in order)  # fmt: skip
    return Timeline("", None, None, 0, tuple(entries))


def _flatten_entries(entries: Any) -> list[Any]:
    """``mahattat timeline``'s shape (``output-contract.md``): entries of a date and its
    items, as one item a sentence."""
    if not isinstance(entries, list):
        raise ValueError("'entries' must be a list")
    out = []
    for e in entries:
        items = e.get("items") if isinstance(e, dict) else None
        if not isinstance(items, list):
            raise ValueError("an entry without an 'items' list")
        out += [{"date": e.get("date"), "mod": e.get("mod"),
                 "text": i.get("text") if isinstance(i, dict) else i} for i in items]  # fmt: skip
    return out


_GRAINED = regex.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?")  # a year, a month or a day


def _value(value: Any, i: int) -> str | None:
    """A date the calendar has at its grain, None for another value or none."""
    if not isinstance(value, str) or not _GRAINED.fullmatch(value):
        return None
    try:
        date.fromisoformat((value + "-01-01")[:10] if len(value) < 10 else value)
    except ValueError:
        raise ValueError(f"item {i}: no such day {value!r}") from None
    return value


def dated(tl: Timeline) -> set[str]:
    """The dates of ``tl`` at their grain (days, months, years) that ``date_f1`` scores."""
    return {e.date for e in tl.entries if _GRAINED.fullmatch(e.date)}


def _calendar_day(value: str) -> date | None:
    """The day ``value`` is when it is a day-level TIMEX3 value ("2018-10-02"), None when
    it is coarser or finer ("2018-10", "2018-10-02T10:30"); ``ValueError`` for a day
    the calendar lacks."""
    return date.fromisoformat(value) if values.day(value) == value else None


def summaries(tl: Timeline) -> dict[date, tuple[str, ...]]:
    """Each day of ``tl`` and its sentences, in date order. An entry not dated by a day
    ("2018-10") cannot be aligned by days and is left out."""
    days: dict[date, list[str]] = {}
    for e in tl.entries:
        day = _calendar_day(e.date)
        if day is not None:
            days.setdefault(day, []).extend(it.text for it in e.items)
    return {d: tuple(days[d]) for d in sorted(days)}


# ---------------------------------------------------------------- tokens


def tokenize(text: str, *, stem: bool = True, ignore_stopwords: bool = True) -> list[str]:
    """ROUGE tokens of ``text``: folded (``normalize.fold``: no diacritics or tatweel,
    one alef, ة->ه, ى->ي, ASCII digits), lowercased, split into Arabic / Latin / digit
    runs; then stopwords dropped and the rest light-stemmed (both on by default, as in
    tilse)."""
    tokens = _TOKEN.findall(fold(text).lower())
    if ignore_stopwords:
        tokens = [t for t in tokens if not _is_stopword(t)]
    if stem:
        tokens = [light_stem(t) for t in tokens]
    return tokens


def _is_stopword(token: str) -> bool:
    return token in STOPWORDS or (token[0] in "وف" and token[1:] in STOPWORDS)


def light_stem(token: str) -> str:
    """Strip a leading conjunction و and a definite article (see ``_ARTICLES``)."""
    if token.startswith(_CONJ) and len(token) - 1 >= 3:
        token = token[1:]
    for article in _ARTICLES:
        if token.startswith(article) and len(token) - len(article) >= 2:
            return token[len(article) :]
    return token


Tokens = dict[date, tuple[str, ...]]


def _prepare(tl: Timeline, stem: bool, ignore_stopwords: bool) -> Tokens:
    return {
        d: tuple(
            t for s in sents for t in tokenize(s, stem=stem, ignore_stopwords=ignore_stopwords)
        )
        for d, sents in summaries(tl).items()
    }


# ---------------------------------------------------------------- counting


@dataclass(frozen=True, slots=True)
class _Tally:
    """Micro-average sums: precision hits / predicted total, recall hits / ref total."""

    p_hit: float = 0.0
    pred: int = 0
    r_hit: float = 0.0
    ref: int = 0

    def __add__(self, o: _Tally) -> _Tally:
        return _Tally(
            self.p_hit + o.p_hit, self.pred + o.pred, self.r_hit + o.r_hit, self.ref + o.ref
        )

    def prf(self) -> PRF:
        p = self.p_hit / self.pred if self.pred else 0.0
        r = self.r_hit / self.ref if self.ref else 0.0
        return PRF(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def _ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _tally(pred: Sequence[str], refs: Sequence[Sequence[str]], n: int) -> _Tally:
    """ROUGE-N counts against several references: hits clipped per reference and
    summed; the predicted total counts once per reference (as ROUGE-1.5.5 does)."""
    mine = _ngrams(pred, n)
    theirs = [_ngrams(r, n) for r in refs]
    hit = sum(sum((mine & t).values()) for t in theirs)
    return _Tally(hit, len(refs) * mine.total(), hit, sum(t.total() for t in theirs))


def _flat(tokens: Tokens) -> tuple[str, ...]:
    return tuple(t for d in sorted(tokens) for t in tokens[d])


def _all_dates(refs: Sequence[Tokens]) -> list[date]:
    return sorted({d for r in refs for d in r})


def _on(refs: Sequence[Tokens], day: date) -> list[tuple[str, ...]]:
    return [r.get(day, ()) for r in refs]


# ---------------------------------------------------------------- metrics


def _concat(pred: Tokens, refs: Sequence[Tokens], n: int) -> PRF:
    return _tally(_flat(pred), [_flat(r) for r in refs], n).prf()


def _agreement(pred: Tokens, refs: Sequence[Tokens], n: int) -> PRF:
    total = _Tally()
    for day in sorted(set(pred) | set(_all_dates(refs))):
        total += _tally(pred.get(day, ()), _on(refs, day), n)
    return total.prf()


def _weight(a: date, b: date) -> float:
    return 1 / (abs((a - b).days) + 1)


def _cost(pred: Tokens, refs: Sequence[Tokens], p: date, r: date) -> float:
    content = _tally(pred[p], _on(refs, r), 1).prf().f1
    return (1 - _weight(p, r)) * (1 - content)


def _align(pred: Tokens, refs: Sequence[Tokens]) -> Alignment:
    # min() keeps the first of equal costs: the earliest date, like tilse's argmin.
    # One cost matrix serves both directions: a pair's cost does not depend on which
    # side is being aligned.
    rdates, pdates = _all_dates(refs), sorted(pred)
    cost = {(p, r): _cost(pred, refs, p, r) for p in pdates for r in rdates}
    forward = {p: min(rdates, key=lambda r: cost[p, r]) for p in pdates if rdates}
    back = {r: min(pdates, key=lambda p: cost[p, r]) for r in rdates if pdates}
    return Alignment(forward, back)


def _align_m1(pred: Tokens, refs: Sequence[Tokens], n: int, al: Alignment) -> PRF:
    total = _Tally()
    for p in sorted(pred):
        r = al.precision.get(p)
        if r is None:  # no reference day at all: n-grams count, nothing hits
            total += _Tally(pred=_tally(pred[p], [() for _ in refs], n).pred)
            continue
        t = _tally(pred[p], _on(refs, r), n)
        total += _Tally(p_hit=t.p_hit * _weight(p, r), pred=t.pred)
    for r in _all_dates(refs):
        partner = al.recall.get(r)
        if partner is None:
            total += _Tally(ref=_tally((), _on(refs, r), n).ref)
            continue
        t = _tally(pred[partner], _on(refs, r), n)
        total += _Tally(r_hit=t.r_hit * _weight(partner, r), ref=t.ref)
    return total.prf()


def _date_f1(pred: Iterable[str], gold: Iterable[str]) -> PRF:
    ps, gs = set(pred), set(gold)
    both = len(ps & gs)
    return _Tally(both, len(ps), both, len(gs)).prf()


# ---------------------------------------------------------------- public API

Gold = Timeline | Sequence[Timeline]


def _refs(gold: Gold) -> list[Timeline]:
    refs = [gold] if isinstance(gold, Timeline) else list(gold)
    if not refs:
        raise ValueError("no reference timeline")
    return refs


def _tokens(pred: Timeline, gold: Gold, stem: bool, stop: bool) -> tuple[Tokens, list[Tokens]]:
    return _prepare(pred, stem, stop), [_prepare(g, stem, stop) for g in _refs(gold)]


def concat(
    pred: Timeline, gold: Gold, n: int = 1, *, stem: bool = True, ignore_stopwords: bool = True
) -> PRF:
    """Concat ROUGE-``n``; ``stem`` and ``ignore_stopwords`` as in ``tokenize``. Dates
    are ignored, so every dated entry counts, a year's or a month's too."""
    return _concat(*_every(pred, gold, stem, ignore_stopwords), n)


def _every(pred: Timeline, gold: Gold, stem: bool, stop: bool) -> tuple[Tokens, list[Tokens]]:
    """The tokens of every dated entry (days, months, years) for ``concat``, keyed so that
    they come in date order: a timeline of days gives what ``_tokens`` gives."""
    return _keyed(pred, stem, stop), [_keyed(g, stem, stop) for g in _refs(gold)]


def _keyed(tl: Timeline, stem: bool, stop: bool) -> Tokens:
    out: dict[date, list[str]] = {}
    for e in tl.entries:
        if _GRAINED.fullmatch(e.date):
            day = out.setdefault(values.first_day(e.date), [])
            for it in e.items:
                day += tokenize(it.text, stem=stem, ignore_stopwords=stop)
    return {d: tuple(out[d]) for d in sorted(out)}


def agreement(
    pred: Timeline, gold: Gold, n: int = 1, *, stem: bool = True, ignore_stopwords: bool = True
) -> PRF:
    """Agreement ROUGE-``n`` (same-day matches only)."""
    return _agreement(*_tokens(pred, gold, stem, ignore_stopwords), n)


def align(
    pred: Timeline, gold: Gold, *, stem: bool = True, ignore_stopwords: bool = True
) -> Alignment:
    """The align+ m:1 partners of each predicted and each reference day."""
    return _align(*_tokens(pred, gold, stem, ignore_stopwords))


def align_m1(
    pred: Timeline, gold: Gold, n: int = 1, *, stem: bool = True, ignore_stopwords: bool = True
) -> PRF:
    """Align+ m:1 ROUGE-``n`` (AR-n)."""
    p, refs = _tokens(pred, gold, stem, ignore_stopwords)
    return _align_m1(p, refs, n, _align(p, refs))


def date_f1(pred: Timeline, gold: Gold) -> PRF:
    """Predicted dates against the union of the reference dates, each at its grain."""
    return _date_f1(dated(pred), (d for g in _refs(gold) for d in dated(g)))


def evaluate(
    pred: Timeline, gold: Gold, *, stem: bool = True, ignore_stopwords: bool = True
) -> dict[str, Any]:
    """All metrics: ``{"concat"|"agreement"|"align_m1": {"rouge1"|"rouge2": {"p","r","f1"}},
    "date": {"p","r","f1"}}``."""
    p, refs = _tokens(pred, gold, stem, ignore_stopwords)
    every = _every(pred, gold, stem, ignore_stopwords)
    al = _align(p, refs)
    result: dict[str, Any] = {
        "concat": {f"rouge{n}": _concat(*every, n).as_dict() for n in (1, 2)},
        "agreement": {f"rouge{n}": _agreement(p, refs, n).as_dict() for n in (1, 2)},
        "align_m1": {f"rouge{n}": _align_m1(p, refs, n, al).as_dict() for n in (1, 2)},
    }
    result["date"] = date_f1(pred, gold).as_dict()
    return result


def render(result: Mapping[str, Any]) -> str:
    """A plain-text table of ``evaluate``'s result."""
    head = f"{'':<11}{'ROUGE-1':<24}ROUGE-2"
    cols = f"{'metric':<11}" + f"{'P':<8}{'R':<8}{'F1':<8}" * 2
    lines = [head, cols.rstrip()]
    for name in ("concat", "agreement", "align_m1"):
        cells = [result[name][k][m] for k in ("rouge1", "rouge2") for m in ("p", "r", "f1")]
        lines.append(f"{name:<11}" + "".join(f"{c:<8.4f}" for c in cells).rstrip())
    d = result["date"]
    lines.append(f"{'date':<11}" + f"{d['p']:<8.4f}{d['r']:<8.4f}{d['f1']:.4f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m mahattat.eval.tls",
        description="Timeline ROUGE (concat, agreement, align+ m:1) and date F1, as tilse.",
    )
    ap.add_argument("pred", help="predicted timeline (JSON)")
    ap.add_argument("gold", nargs="+", help="reference timeline(s) (JSON)")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--no-stem", action="store_true", help="keep و and the article ال")
    ap.add_argument("--keep-stopwords", action="store_true", help="score function words")
    args = ap.parse_args(argv)
    try:
        pred = load_named(args.pred)
        gold = [load_named(g) for g in args.gold]
    except ValueError as e:
        print(f"tls: {e}", file=sys.stderr)
        return 2
    result = evaluate(pred, gold, stem=not args.no_stem, ignore_stopwords=not args.keep_stopwords)
    print(json.dumps(result, indent=2) if args.json else render(result))
    return 0


def load_named(path: str) -> Timeline:
    """``load``, with every failure as a one-line ``ValueError`` naming the file."""
    try:
        return load(path)
    except OSError as e:
        raise ValueError(f"{path}: {e.strerror or e}") from None
    except json.JSONDecodeError as e:
        raise ValueError(f"{path}: bad JSON (line {e.lineno}, column {e.colno})") from None
    except ValueError as e:
        raise ValueError(f"{path}: {e}") from None


if __name__ == "__main__":
    sys.exit(main())
