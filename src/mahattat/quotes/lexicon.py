"""The quotes lexicon (``data/quotes/lexicon.json``) and the patterns built from it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from ..datafile import load_json
from ..patterns import compiled
from ..text.arabic import trie_alternation, word_classes


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: frozenset[str]  # finite: the speaker follows
    participles: frozenset[str]  # the speaker precedes
    blockers: frozenset[str]  # "قبل أن": no complementizer of speech
    adjuncts: frozenset[str]  # "في بيان": a clause that names no subject
    name_intro: frozenset[str]  # "منظمة «...»": a name in quote marks
    min_words: int  # words a quoted span needs to be a quote without a speech verb
    reach: int  # characters after a verb searched for what it introduces
    participle_reach: int  # the same after a participle (no subject in between)
    max_chars: int  # the longest quoted span (per line)


@cache
def lexicon() -> Lexicon:
    raw = word_classes("quotes/lexicon.json")
    settings = load_json("quotes/lexicon.json")["settings"]
    return Lexicon(
        verbs=frozenset(raw["verb"]),
        participles=frozenset(raw["participle"]),
        blockers=frozenset(raw["complementizer_blocker"]),
        adjuncts=frozenset(raw["adjunct"]),
        name_intro=frozenset(raw["name_intro"]),
        min_words=int(settings["min_words_without_cue"]),
        reach=int(settings["cue_reach"]),
        participle_reach=int(settings["participle_reach"]),
        max_chars=int(settings["max_quote_chars"]),
    )


@dataclass(frozen=True, slots=True)
class Patterns:
    marked: regex.Pattern[str]  # text between quote marks, over one line break at most
    cues: dict[str, int]  # a speech verb or participle as written -> length of its clitic
    cue_words: frozenset[str]
    opening: regex.Pattern[str]  # what a speech verb introduces: أن, a colon, a quote mark
    prev_word: regex.Pattern[str]


def _verb_forms(raw: dict[str, dict]) -> set[str]:
    """Verbs and participles, with ``س``/``ل`` before an imperfect (سيعلن, ليؤكد)."""
    forms = set(raw["verb"]) | set(raw["participle"])
    prefixes = tuple(raw["imperfect_prefix"])
    for w in raw["verb"]:
        if w.startswith(prefixes):
            forms |= {c + w for c in raw["imperfect_clitic"]}
    return forms


@cache
def patterns() -> Patterns:
    raw = word_classes("quotes/lexicon.json")
    lex = lexicon()
    n = lex.max_chars
    alts = []
    for opener, closers in raw["marks"].items():
        stop = regex.escape("".join(sorted(set(opener + closers)))) + r"\n"
        body = rf"[^{stop}]{{1,{n}}}"
        # One line break may fall inside a quote; each part stops at a mark, so a failed
        # opener costs at most the text up to the next mark.
        inner = rf"{body}(?:\n+{body})?"
        if opener in closers:
            # The same mark opens and closes: an opener touches the word after it and a
            # closer the word before it, so that «اسم "شمس" تعبيرا» pairs no wrong marks.
            inner = rf"(?![\s{stop}]){inner}(?<![\s{stop}])"
        alts.append(rf"{regex.escape(opener)}{inner}[{regex.escape(closers)}]")
    forms = _verb_forms(raw)
    clitics = raw["verb_clitic"]
    cues = {f: 0 for f in forms} | {c + f: len(c) for c in clitics for f in forms}
    cues |= {c + f: len(c) for c in clitics for f in raw["verb_after_clitic"]}
    colon = r"(?P<colon>:)"
    marks = regex.escape("".join(raw["marks"]))
    return Patterns(
        marked=compiled("|".join(alts)),
        cues=cues,
        cue_words=frozenset(cues),
        opening=compiled(
            rf"{colon}|(?P<q>[{marks}])|\m(?P<w>{trie_alternation(raw['complementizer'])})\M"
        ),
        prev_word=compiled(r"(?r)(?<!\p{L})(?P<w>\p{L}+)[ ،,]{1,3}\Z"),
    )
