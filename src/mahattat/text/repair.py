"""Repair of words glued together by scraping (``1مايو``, ``شهرسبتمبر``).

Splits are found on the normalized view and returned as original offsets where the
view inserts a space, plus one ``Repair`` record per glued token.

Letters glued to letters are split with wordfreq's Arabic unigram frequencies: a rare
token is cut into two or three pieces when every piece is a frequent word (``و`` may
lead a piece) and the weakest piece is much more frequent than the whole token. The
whole token is also read as clitics + a known word (``بدونالد`` = ``ب`` + ``دونالد``)
so that rare inflected forms are left alone. Thresholds live in
``data/text/repair.json``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import regex

from ..records import Repair
from .normalize import _DELETE, _ONE_TO_ONE, View

# A digit run glued to letters on either side: ``1مايو``, ``عام2003``.
_DIGIT_LETTER = regex.compile(r"(?<=\d)(?=\p{Arabic})|(?<=\p{Arabic})(?=\d)")
_TOKEN = regex.compile(r"[\p{L}\p{N}\p{M}]+")
# Runs of Arabic base letters; only these are looked up in the word list.
_LETTERS = regex.compile(r"[\u0621-\u064a]+")
_NEG = -math.inf


@dataclass(frozen=True, slots=True)
class _Config:
    known_zipf: float
    min_token_len: int
    max_token_len: int
    min_piece_len: int
    max_pieces: int
    min_piece_zipf: float
    margin: float
    short_pieces: frozenset[str]
    proclitics: tuple[str, ...]
    enclitics: tuple[str, ...]
    never_pieces: frozenset[str]
    protect: frozenset[str]


@cache
def _config() -> _Config:
    raw = json.loads(resources.files("mahattat").joinpath("data/text/repair.json").read_text())
    sets = {"short_pieces", "never_pieces", "protect"}
    fields = {k: v for k, v in raw.items() if not k.startswith("_")}
    for k in sets:
        fields[k] = frozenset(_fold_key(w) for w in fields[k])
    for k in ("proclitics", "enclitics"):
        fields[k] = tuple(fields[k])
    return _Config(**fields)


@cache
def _key_table() -> dict[int, str | None]:
    # The view's per-character folding; wordfreq keys carry no presentation forms.
    deleted = regex.compile(f"[{_DELETE}]")
    table: dict[int, str | None] = {ord(k): v for k, v in _ONE_TO_ONE.items()}
    for cp in [*range(0x00A0, 0x0700), *range(0x2000, 0x2070), 0xFEFF]:
        if deleted.match(chr(cp)):
            table[cp] = None
    return table


def _fold_key(word: str) -> str:
    return word.translate(_key_table())


@cache
def _zipf() -> dict[str, float]:
    """Folded Arabic word -> zipf frequency (variants that fold together are summed)."""
    from wordfreq import get_frequency_dict  # slow import, only when first needed

    freq: dict[str, float] = {}
    for word, f in get_frequency_dict("ar").items():
        key = _fold_key(word)
        if _LETTERS.fullmatch(key):
            freq[key] = freq.get(key, 0.0) + f
    return {k: math.log10(f) + 9.0 for k, f in freq.items()}


def find_repairs(view: View) -> tuple[list[int], list[Repair]]:
    """Original offsets to insert a space at, and the repairs they make."""
    points: list[int] = []
    repairs: list[Repair] = []
    for tok in _TOKEN.finditer(view.text):
        cuts = _token_cuts(tok.group())
        offsets = _offsets(view, tok.start(), cuts)
        if not offsets:
            continue
        s, e, original = view.original_span(tok.start(), tok.end())
        points.extend(offsets)
        pieces, prev = [], s
        for o in offsets:
            pieces.append(view.original[prev:o])
            prev = o
        pieces.append(view.original[prev:e])
        repairs.append(Repair(s, e, original, " ".join(pieces)))
    return points, repairs


def _token_cuts(token: str) -> list[int]:
    """Cut positions inside one view token: digit/letter seams, then glued words."""
    cuts = [m.start() for m in _DIGIT_LETTER.finditer(token)]
    cfg = _config()
    for run in _LETTERS.finditer(token):
        if len(run.group()) >= cfg.min_token_len:
            cuts.extend(run.start() + c for c in split_word(run.group()))
    return sorted(cuts)


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
    """Cut positions splitting a folded Arabic letter run into words, or ``()``."""
    cfg = _config()
    zipf = _zipf()
    if (
        len(word) > cfg.max_token_len
        or zipf.get(word, 0.0) >= cfg.known_zipf
        or word in cfg.protect
    ):
        return ()
    need = max(cfg.min_piece_zipf, _whole_score(word, cfg, zipf) + cfg.margin)
    best: tuple[float, tuple[int, ...]] = (_NEG, ())
    for k in range(2, cfg.max_pieces + 1):
        for cuts in _candidates(word, k, need, cfg, zipf):
            pieces = [word[a:b] for a, b in zip((0, *cuts), (*cuts, len(word)), strict=True)]
            score = min(_piece_score(p, i == 0, cfg, zipf) for i, p in enumerate(pieces))
            if score > best[0]:
                best = (score, cuts)
        if best[1]:  # fewer pieces win when they already explain the token
            return best[1]
    return ()


def _candidates(word: str, k: int, need: float, cfg: _Config, zipf: dict[str, float]):
    """Cut tuples into ``k`` pieces whose every piece scores at least ``need``."""
    n = len(word)

    def ok(a: int, b: int) -> bool:
        return _piece_score(word[a:b], a == 0, cfg, zipf) >= need

    heads = [i for i in range(1, n) if ok(0, i)]
    if k == 2:
        yield from ((i,) for i in heads if ok(i, n))
        return
    for i in heads:
        for j in range(i + 1, n):
            if ok(i, j) and ok(j, n):
                yield (i, j)


def _piece_score(piece: str, first: bool, cfg: _Config, zipf: dict[str, float]) -> float:
    """How word-like a piece is: its zipf, or that of the word after a leading ``و``."""
    if piece in cfg.never_pieces:
        return _NEG
    if len(piece) < cfg.min_piece_len and piece not in cfg.short_pieces:
        return _NEG
    score = zipf.get(piece, 0.0)
    if piece[0] == "و" and len(piece) > cfg.min_piece_len:
        score = max(score, zipf.get(piece[1:], 0.0))
    return score


def _whole_score(word: str, cfg: _Config, zipf: dict[str, float]) -> float:
    """Best zipf of the unsplit token, read bare or as clitics around a known word."""
    best = zipf.get(word, 0.0)
    heads = ["", *(p for p in cfg.proclitics if word.startswith(p))]
    tails = ["", *(s for s in cfg.enclitics if word.endswith(s))]
    for h in heads:
        for t in tails:
            stem = word[len(h) : len(word) - len(t)]
            if len(stem) >= cfg.min_piece_len:
                best = max(best, zipf.get(stem, 0.0))
    return best
