"""Repair of words glued together by scraping (``1مايو``, ``شهرسبتمبر``).

Splits are found on the normalized view and returned as original offsets where the
view inserts a space, plus one ``Repair`` record per glued token.

Digits glued to letters are always cut. Letters glued to letters are cut with
wordfreq's Arabic unigram frequencies: a rare token is split into two or three pieces
when every piece is a frequent word (``و`` may lead a piece) and the weakest piece is
much more frequent than the whole token, also read as clitics around a known stem
(``بدونالد`` = ``ب`` + ``دونالد``), so rare inflected forms are left alone. A seam
needs a visible cue (``ة`` before it, ``ال`` or ``و`` after it, ``شهر`` or a month beside
it) or, failing that, two very frequent pieces. Thresholds and word lists live in
``data/text/repair.json``, the clitics in ``data/text/clitics.json`` (``arabic.py``);
decisions are cached per token.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from ..datafile import load_json
from ..patterns import compiled
from ..records import Repair
from .arabic import clitics, fold_key, subset, zipf
from .normalize import ONE_TO_ONE, View, normalize, with_spaces

# A digit run glued to letters on either side: ``1مايو``, ``عام2003``.
_DIGIT_LETTER = compiled(r"(?<=\d)(?=\p{Arabic})|(?<=\p{Arabic})(?=\d)")
_TOKEN = compiled(r"[\p{L}\p{N}\p{M}]+")
# Runs of Arabic base letters; only these are looked up in the word list.
_LETTERS = compiled(r"[\u0621-\u064a]+")
# The last run of non-digits before a position (a number's prefix).
_NON_DIGITS = compiled(r"(?:^|(?<=\d))\D+$")
_NEG = -math.inf


@dataclass(frozen=True, slots=True)
class _Config:
    """``data/text/repair.json``, its word lists folded like the view."""

    known_zipf: float
    min_token_len: int
    max_token_len: int
    min_piece_len: int
    min_al_piece_len: int
    max_pieces: int
    min_piece_zipf: float
    margin: float
    short_pieces: frozenset[str]
    weak_piece_zipf: float
    weak_margin: float
    weak_bad_initials: tuple[str, ...]
    glued_conjunctions: frozenset[str]  # a conjunction scraping glues to the next word
    min_and_left_len: int
    anchor_heads: frozenset[str]
    months: frozenset[str]
    not_article: frozenset[str]
    proclitics: tuple[str, ...]
    enclitics: tuple[str, ...]
    never_pieces: frozenset[str]
    keep_prefixes: tuple[str, ...]
    keep_suffixes: tuple[str, ...]
    protect: frozenset[str]
    number_clitics: frozenset[str]
    number_marks: frozenset[str]
    unit_power: regex.Pattern[str]
    ta_marbuta: str  # ends a word only: a seam may follow it
    ta_folded: str  # ... as the view spells it
    article: str


_SETS = (
    "number_clitics",
    "number_marks",
    "short_pieces",
    "anchor_heads",
    "months",
    "never_pieces",
    "not_article",
    "protect",
)


@cache
def _config() -> _Config:
    raw = load_json("text/repair.json")
    cl = clitics()
    raw["proclitics"] = cl.sequences(future=True, article=True)
    raw["enclitics"] = cl.enclitics
    raw["number_clitics"] = cl.sequences(article=True)
    raw["glued_conjunctions"] = subset(raw["glued_conjunctions"], cl.conjunctions, "repair")
    for k in _SETS:
        raw[k] = frozenset(fold_key(w) for w in raw[k])
    for k in ("weak_bad_initials", "proclitics", "enclitics", "keep_prefixes", "keep_suffixes"):
        raw[k] = tuple(fold_key(w) for w in raw[k])
    # Square and cubic units (و202م2, سم3): a clitic, digits, a unit, a power.
    units = _alternation(raw.pop("unit_powers"))
    number_clitics = _alternation(raw["number_clitics"])
    raw["unit_power"] = compiled(rf"(?:{number_clitics})?\d*(?:{units})[23]")
    ta = cl.ta_marbuta
    return _Config(**raw, ta_marbuta=ta, ta_folded=ONE_TO_ONE[ta], article=cl.article)


def _alternation(words: frozenset[str] | list[str]) -> str:
    return "|".join(sorted(map(fold_key, words), key=len, reverse=True))


@cache
def _candidates_re() -> regex.Pattern[str]:
    """Tokens that may need a cut: a digit/letter seam, or a letter run long enough to
    hold two words. Every other token is left alone without a Python-level look."""
    k = _config().min_token_len
    return compiled(
        rf"(?<![\p{{L}}\p{{N}}\p{{M}}])[\p{{L}}\p{{N}}\p{{M}}]*?"
        rf"(?:\d\p{{Arabic}}|\p{{Arabic}}\d|[\u0621-\u064a]{{{k}}})[\p{{L}}\p{{N}}\p{{M}}]*"
    )


def repaired(text: str) -> tuple[View, list[Repair]]:
    """The matching view of ``text`` with its glued words split, and the repairs made:
    what every stage after repair works on."""
    base = normalize(text)
    points, repairs = find_repairs(base)
    return with_spaces(base, points), repairs


def find_repairs(view: View) -> tuple[list[int], list[Repair]]:
    """Original offsets to insert a space at, and the repairs they make.

    A clitic or era mark on a number (``و2003``, ``بـ130``, ``1933م``) is normal spelling,
    not a defect: the view still gets its space, but no ``Repair`` is recorded.
    """
    points: list[int] = []
    repairs: list[Repair] = []
    known = _config().known_zipf
    for tok in _candidates_re().finditer(view.text):
        if zipf(tok.group()) >= known:
            continue  # most candidates: a long word the word list knows
        cuts, defect = _token_cuts(view, tok)
        offsets = _offsets(view, tok.start(), cuts)
        if not offsets:
            continue
        points.extend(offsets)
        if defect:
            repairs.append(_repair(view, tok, offsets))
    return points, repairs


def _repair(view: View, tok: regex.Match[str], offsets: list[int]) -> Repair:
    s, e, original = view.original_span(tok.start(), tok.end())
    pieces, prev = [], s
    for o in offsets:
        pieces.append(view.original[prev:o])
        prev = o
    pieces.append(view.original[prev:e])
    return Repair(s, e, original, " ".join(pieces))


def _token_cuts(view: View, tok: regex.Match[str]) -> tuple[list[int], bool]:
    """Cut positions inside one view token (digit/letter seams, then glued words), and
    whether any of them repairs a defect."""
    token = tok.group()
    cuts = [m.start() for m in _DIGIT_LETTER.finditer(token)]
    cfg = _config()
    defect = not cfg.unit_power.fullmatch(token) and any(not _number_affix(token, c) for c in cuts)
    for run in _LETTERS.finditer(token):
        word = run.group()
        if len(word) < cfg.min_token_len or zipf(word) >= cfg.known_zipf:
            continue  # the common case: a known word, one lookup
        word = _with_ta_marbuta(view, tok.start() + run.start(), word, cfg)
        found = split_word(word)
        cuts.extend(run.start() + c for c in found)
        defect = defect or bool(found)
    return sorted(cuts), defect


def _number_affix(token: str, cut: int) -> bool:
    """Whether the letters at a digit seam are a clitic before the number (``و``, ``بـ``,
    ``الـ``) or an era mark after it (``م``, ``هـ``)."""
    cfg = _config()
    if token[cut].isdigit():  # letters before the number
        head = _NON_DIGITS.search(token, 0, cut)
        return head is not None and head.group() in cfg.number_clitics
    tail = _NON_DIGITS.match(token, cut)
    return tail is not None and tail.end() == len(token) and tail.group() in cfg.number_marks


def _with_ta_marbuta(view: View, start: int, word: str, cfg: _Config) -> str:
    """``word`` with the view's ``ه`` put back to ``ة`` where the original has it: a
    ``ة`` inside a run can only end a glued word."""
    chars = list(word)
    for i, ch in enumerate(chars):
        if ch == cfg.ta_folded and view.original[view.start_of(start + i)] == cfg.ta_marbuta:
            chars[i] = cfg.ta_marbuta
    return "".join(chars)


def _offsets(view: View, start: int, cuts: list[int]) -> list[int]:
    """Original offsets for view cuts; none if a cut falls inside one original character
    (a ligature such as ``ﻻ`` expands to two view letters)."""
    out = []
    for c in cuts:
        i = start + c
        o = view.start_of(i)
        if view.end_of(i - 1) > o:
            return []
        out.append(o)
    return out


@lru_cache(maxsize=65536)
def split_word(word: str) -> tuple[int, ...]:
    """Cut positions splitting an Arabic letter run (view-folded, but with ``ة`` kept)
    into words, or ``()`` to leave it whole."""
    cfg = _config()
    key = _folded(word, cfg)
    if len(word) > cfg.max_token_len or _protected(key, cfg):
        return ()
    whole = _whole_score(key, cfg)
    floor = max(cfg.min_piece_zipf, whole + cfg.margin)
    for k in range(2, cfg.max_pieces + 1):
        best: tuple[float, tuple[int, ...]] = (_NEG, ())
        for cuts in _candidates(word, k, floor, cfg):
            score = _split_score(word, cuts, whole, cfg)
            if score > best[0]:
                best = (score, cuts)
        if best[1]:  # fewer pieces win when they already explain the token
            return best[1]
    return ()


def _folded(piece: str, cfg: _Config) -> str:
    return piece.replace(cfg.ta_marbuta, cfg.ta_folded)


def _candidates(word: str, k: int, floor: float, cfg: _Config) -> Iterator[tuple[int, ...]]:
    """Cut tuples into ``k`` pieces, each piece scoring at least ``floor``."""
    n = len(word)

    def ok(a: int, b: int) -> bool:
        return _piece_score(word[a:b], cfg) >= floor

    heads = [i for i in range(1, n) if ok(0, i)]
    if k == 2:
        yield from ((i,) for i in heads if ok(i, n))
        return
    for i in heads:
        for j in range(i + 1, n):
            if ok(i, j) and ok(j, n):
                yield (i, j)


def _split_score(word: str, cuts: tuple[int, ...], whole: float, cfg: _Config) -> float:
    """The weakest piece's score, or -inf when a seam without a cue is not convincing."""
    bounds = (0, *cuts, len(word))
    pieces = [word[a:b] for a, b in itertools.pairwise(bounds)]
    scores = [_piece_score(p, cfg) for p in pieces]
    for i in range(len(cuts)):
        left, right = pieces[i], pieces[i + 1]
        # A short function word only beside a clear seam: تنظيميةفي, فيالعراق.
        short = min(len(left), len(right)) < cfg.min_piece_len
        if short and not (left.endswith(cfg.ta_marbuta) or right.startswith(cfg.article)):
            return _NEG
        if _strong_seam(left, right, cfg):
            continue
        if len(cuts) > 1 or right.startswith(cfg.weak_bad_initials):
            return _NEG  # three pieces need a cue at every seam; see weak_bad_initials
        if min(scores[i], scores[i + 1]) < max(cfg.weak_piece_zipf, whole + cfg.weak_margin):
            return _NEG
    return min(scores)


def _protected(key: str, cfg: _Config) -> bool:
    """Listed rare words (also behind a proclitic) and names written as one word
    (عبدالملك, وأبومحمد, بدرالدين)."""
    bare = key[1:] if key[0] in cfg.glued_conjunctions else key
    if bare.startswith(cfg.keep_prefixes) or key.endswith(cfg.keep_suffixes):
        return True
    return key in cfg.protect or any(
        key[len(p) :] in cfg.protect for p in cfg.proclitics if key.startswith(p)
    )


def _strong_seam(left: str, right: str, cfg: _Config) -> bool:
    """A visible cue that two words meet here."""
    if left.endswith(cfg.ta_marbuta):
        return True
    lkey, rkey = _folded(left, cfg), _folded(right, cfg)
    if lkey in cfg.anchor_heads:
        return True
    # Month names are also names and verbs (مارسدين, إيلمارس): the other side must be
    # a sure word.
    if lkey in cfg.months or rkey in cfg.months:
        return _sure_word(rkey if lkey in cfg.months else lkey, cfg)
    # The article or the conjunction و, before a word long or frequent enough not to
    # be a chance reading of a name (كاناليس, شعبولا, الغازولين).
    if rkey.startswith(cfg.article):
        return rkey not in cfg.not_article and _sure_word(rkey, cfg)
    return (
        rkey[0] in cfg.glued_conjunctions
        and len(left) >= cfg.min_and_left_len
        and len(rkey) > cfg.min_piece_len
        and zipf(lkey + rkey[0]) < cfg.min_piece_zipf  # names in -و: فرانكو
        and _sure_word(rkey[1:], cfg)
    )


def _sure_word(key: str, cfg: _Config) -> bool:
    """Frequent enough to trust a seam before it; short words must be very frequent."""
    score = _word_score(key, cfg)
    if len(key) >= 5 or (len(key) >= 4 and not key.startswith(cfg.article)):
        return score >= cfg.min_piece_zipf
    return score >= cfg.weak_piece_zipf


def _piece_score(piece: str, cfg: _Config) -> float:
    """How word-like a piece is: its zipf, or that of the word after a leading ``و``."""
    if cfg.ta_marbuta in piece[:-1]:
        return _NEG  # ة only ends a word
    key = _folded(piece, cfg)
    score = _word_score(key, cfg)
    if key[0] in cfg.glued_conjunctions and len(key) > cfg.min_piece_len:
        score = max(score, _word_score(key[1:], cfg))
    return score


def _word_score(key: str, cfg: _Config) -> float:
    if key in cfg.never_pieces:
        return _NEG
    if len(key) < cfg.min_piece_len and key not in cfg.short_pieces:
        return _NEG
    if key.startswith(cfg.article) and len(key) < cfg.min_al_piece_len:
        return _NEG
    return zipf(key)


def _whole_score(key: str, cfg: _Config) -> float:
    """Best zipf of the unsplit token, read bare or as clitics around a known stem."""
    best = zipf(key)
    heads = ["", *(p for p in cfg.proclitics if key.startswith(p))]
    tails = ["", *(s for s in cfg.enclitics if key.endswith(s))]
    for h in heads:
        for t in tails:
            stem = key[len(h) : len(key) - len(t)]
            if len(stem) >= cfg.min_piece_len:
                best = max(best, zipf(stem))
    return best
