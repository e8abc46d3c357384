"""The query language of ``mahattat search`` and ``mahattat timeline``, parsed once into
typed records and turned into an FTS5 MATCH expression over the stored terms.

- words: every one must match (``ميناء الحمراء``);
- a quoted phrase: its terms in sequence (``"الليرة التركية"``; ``« »`` and ``“ ”`` too);
- alternatives: ``|`` or ``OR`` between words or phrases (``"الليرة التركية" | "العملة
  التركية"``): any of them will do;
- exclusions: ``-word`` or ``-"a phrase"``: no article holding it (``دوما -"مجلس الدوما"``).

Every word goes through ``terms()``, the index's own reduction, so ``"الليرة التركية"``
finds ``والليرة التركية``. A written word that reduces to several terms (``11/9``) is a
phrase. Parsing is one pass over the text; a query that is empty, holds an unbalanced
quote or only exclusions is a ``QueryError`` (one line for the CLI).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from .terms import terms

# Opening quote -> its closing quote; ASCII, Arabic guillemets, typographic.
_QUOTES = {'"': '"', "«": "»", "“": "”", "”": "”"}
_OR = "OR"


class QueryError(ValueError):
    """A query that cannot be run, said in one line."""


@dataclass(frozen=True, slots=True)
class Word:
    term: str
    written: str = field(default="", compare=False)  # as the query wrote it

    @property
    def terms(self) -> tuple[str, ...]:
        return (self.term,)

    def fts(self) -> str:
        return f'"{self.term}"'

    def text(self) -> str:
        return self.written or self.term


@dataclass(frozen=True, slots=True)
class Phrase:
    """Terms that must follow one another (FTS5 phrase of the stored terms)."""

    terms: tuple[str, ...]
    written: str = field(default="", compare=False)

    def fts(self) -> str:
        return '"' + " ".join(self.terms) + '"'

    def text(self) -> str:
        return self.written or self.fts()


Item = Word | Phrase


@dataclass(frozen=True, slots=True)
class Alternatives:
    """What one position of the query accepts: any of ``options``."""

    options: tuple[Item, ...]

    def fts(self) -> str:
        return "(" + " OR ".join(o.fts() for o in self.options) + ")"

    def text(self) -> str:
        return " | ".join(o.text() for o in self.options)


@dataclass(frozen=True, slots=True)
class Query:
    """Every group must match, none of ``excluded`` may."""

    groups: tuple[Alternatives, ...]
    excluded: tuple[Item, ...] = ()

    def match(self) -> str:
        """The FTS5 MATCH expression (over title and body, each a string of terms)."""
        wanted = " AND ".join(g.fts() for g in self.groups)
        if not self.excluded:
            return wanted
        return f"({wanted}) NOT (" + " OR ".join(x.fts() for x in self.excluded) + ")"

    def text(self) -> str:
        """The query written back in its own syntax, as the user wrote its words
        (``parse_query(q.text()) == q``)."""
        wanted = [g.text() for g in self.groups]
        return " ".join([*wanted, *("-" + x.text() for x in self.excluded)])

    @property
    def wanted(self) -> set[str]:
        """Every term of the words and phrases to find (what a matching sentence holds)."""
        return {t for g in self.groups for o in g.options for t in o.terms}

    @property
    def words(self) -> tuple[str, ...]:
        """The terms to find, words and those of phrases, in order, once each (what may
        have other spellings)."""
        return tuple(dict.fromkeys(t for g in self.groups for o in g.options for t in o.terms))

    def with_alternatives(self, more: dict[str, tuple[str, ...]]) -> Query:
        """Each term ``w`` of ``more`` also found as any of ``more[w]`` (its variants): a
        word gains them as alternatives, a phrase gains itself with one of its terms
        replaced (``"القس برانسون" | "القس برونسون"``)."""
        groups = []
        for g in self.groups:
            options: list[Item] = []
            for o in g.options:
                options.append(o)
                if isinstance(o, Word):
                    options += [Word(v, v) for v in more.get(o.term, ())]
                else:
                    options += _respelled(o, more)
            groups.append(Alternatives(tuple(dict.fromkeys(options))))
        return Query(tuple(groups), self.excluded)

    def matches(self, words: list[str]) -> bool:
        """Whether a sentence of these terms holds every group (a phrase in sequence) and
        no exclusion: the FTS5 semantics over one sentence."""
        return all(any(_holds(words, o) for o in g.options) for g in self.groups) and not any(
            _holds(words, x) for x in self.excluded
        )


def _respelled(p: Phrase, more: dict[str, tuple[str, ...]]) -> list[Item]:
    """``p`` with one term at a time replaced by a variant of it, written as the user
    wrote the rest (``"القس برونسون"``); none when it could not be written again."""
    if not any(t in more for t in p.terms):
        return []
    written = p.written[1:-1].split() if p.written.startswith('"') else []
    pairs = zip(written, p.terms, strict=False)
    if len(written) != len(p.terms) or any(terms(w) != [t] for w, t in pairs):
        written = list(p.terms)  # in terms then, if each reads back as itself
        if any(terms(t) != [t] for t in written):
            return []
    out: list[Item] = []
    for i, t in enumerate(p.terms):
        for v in more.get(t, ()):
            respelled = (*p.terms[:i], v, *p.terms[i + 1 :])
            words = [*written[:i], v, *written[i + 1 :]]
            out.append(Phrase(respelled, '"' + " ".join(words) + '"'))
    return out


def _holds(words: list[str], item: Item) -> bool:
    if isinstance(item, Word):
        return item.term in words
    n, seq = len(item.terms), list(item.terms)
    return any(words[i : i + n] == seq for i in range(len(words) - n + 1))


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    quoted: bool
    negated: bool


@lru_cache(maxsize=256)
def parse_query(text: str) -> Query:
    """The records of a query; ``QueryError`` when it cannot be run."""
    groups: list[list[Item]] = []
    excluded: list[Item] = []
    join = False  # the last thing read was | or OR
    for tok in _tokens(text):
        if not (tok.quoted or tok.negated) and tok.text in ("|", _OR):
            join = bool(groups)
            continue
        item = _item(tok)
        if item is None:
            continue  # punctuation alone, an empty phrase
        if tok.negated:
            excluded.append(item)
        elif join:
            groups[-1].append(item)
        else:
            groups.append([item])
        join = False
    if not groups:
        raise QueryError(_nothing(text, excluded))
    alts = tuple(Alternatives(tuple(dict.fromkeys(g))) for g in groups)
    return Query(alts, tuple(dict.fromkeys(excluded)))


def _nothing(text: str, excluded: list[Item]) -> str:
    if excluded:
        return f"the query {text.strip()!r} only excludes: add a word to find"
    if text.strip():
        return f"the query {text.strip()!r} has no word to find"
    return "the query is empty"


def _item(tok: _Token) -> Item | None:
    found = terms(tok.text)
    if not found:
        return None
    written = tok.text
    if tok.quoted:  # quotes of another kind inside go: they are no part of any term
        written = '"' + "".join(" " if c in _QUOTES else c for c in written) + '"'
    if len(found) == 1:
        return Word(found[0], written)
    return Phrase(tuple(found), written)


def _tokens(text: str) -> list[_Token]:
    """Words, phrases and operators, in one pass: ``-`` negates what follows it when it
    opens a token; a quote runs to its closing quote."""
    out: list[_Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch == "|":
            out.append(_Token("|", False, False))
            i += 1
            continue
        negated = ch == "-" and i + 1 < n and not text[i + 1].isspace()
        if negated:
            i += 1
            ch = text[i]
        if ch in _QUOTES:
            close = text.find(_QUOTES[ch], i + 1)
            if close < 0:
                raise QueryError(f"unbalanced quote {ch} in the query {text.strip()!r}")
            out.append(_Token(text[i + 1 : close], True, negated))
            i = close + 1
            continue
        j = i
        while j < n and not text[j].isspace() and text[j] != "|" and text[j] not in _QUOTES:
            j += 1
        out.append(_Token(text[i:j], False, negated))
        i = j
    return out
