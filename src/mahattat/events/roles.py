"""Who does an event (``actors``), to whom (``targets``) and where (``places``).

The clause is read as Arabic news writes it, one token pass:

- **VSO**: the predicate (the verb, or an event noun: ``زيارة الرئيس الفرنسي``) opens the
  clause after its particles; the noun phrase right after it is the subject, the next
  one the object (``اتهم ترامب الصين``). ``كان`` and its kind put the subject before the
  verb (``وكانت السعودية أبدت``).
- **SVO**: a name or a definite noun phrase followed by a verb is the subject
  (``الولايات المتحدة قررت``).
- A speech verb's subject may stand apart from it (``قال آمر السرية ...، الرائد محمد
  المجدوب، إن``): the first person named before what it introduces.
- **Passive** verbs (a damma on the verb, ``تم`` + an event noun) and verbs whose subject
  undergoes the event (``لقي``, ``تعرض``) have no doer: their subject is a target, and a
  name after ``على يد``/``من قبل`` is the doer. The genitive of an event noun of
  ``patient_nouns`` (``اعتقال X``) is a target too.
- Names after ``ضد``, ``على``, ``مع``... are targets; after ``في``, ``من``... places
  (``data/events/roles.json``). Coordinated names (``ترامب وماكرون``) share the role.
- A date inside a reported or relative clause (``بقرار أصدره الجيش قبل عام``) dates
  that clause: its doer is the event's.

A subject-less verb (``وأضاف أن``) or a bare title (``وقال الوزير``, ``الشركة``) is the
last doer named (``Memory``). Datelines (``بيروت (أ ف ب) -``), names of documents
(``بيان العلا``) and names glued to a preposition are never doers. All offsets here are
on the view.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import NamedTuple

import regex

from ..patterns import compiled
from ..records import Entity
from ..text.arabic import clitics, fold, trie_alternation, zipf
from ..text.arabic import key as fold_words
from ..text.normalize import View
from .lexicon import Roles, roles
from .types import bases, heads

# a token, or a break (quote marks do not cut a phrase: تنظيم "القاعدة")
_TOKEN_OR_BREAK = compiled(r"(?P<t>[^\s«»\"“”()\[\]،,;:.!?؟]+)|(?P<b>[،,;:()\[\]])")
_DATELINE = compiled(r"\([^()\n]{1,30}\)\s*[-–—]{1,3}")
_DAMMA = "\u064f"
CLITIC_GAIN = 0.5  # "بمدينة" is ب + "مدينة" when "مدينة" is this much more frequent
TOKEN_REACH = 12  # tokens read from a clause's start: its predicate, subject and object
DOER_LABELS = ("PER", "ORG")  # a name that may act when the clause's shape is not read
SOFT = "~"  # the event's own date: it ends a phrase, not the clause
PREDICATE_SEARCH = 4  # tokens looked through for the predicate after leading phrases
NOUN_PHRASE_HEAD = 3  # indefinite words (a construct chain) a noun phrase may open with


class Mention(NamedTuple):
    """An entity on the view (a tuple: ordered by offsets, cheap to make)."""

    start: int
    end: int
    id: str
    label: str
    text: str


class _Tok(NamedTuple):  # a tuple: a clause makes many, a frozen dataclass is slower
    word: str  # as on the view, without a leading conjunction
    start: int
    end: int
    prep: str  # a preposition glued on (ب ل ك), or ""
    brk: str  # the break (comma, colon, bracket) before it, or ""
    joined: bool  # a conjunction (و ف) glued on, left out of ``word``
    ent: Mention | None  # the entity that starts in this token
    last: int  # index of the entity's last token (else the token's own)


@dataclass(frozen=True, slots=True)
class Roles_:
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    # the subject slot: "name" (found), "none" (a verb with no subject), "title:<head>"
    # (a bare title), "noun" (a common noun), "" (no predicate found)
    subject: str = ""
    heads: tuple[tuple[str, str], ...] = ()  # (title head, entity id) of the subject


@dataclass(slots=True)
class Memory:
    """The doers named so far in the document: (sentence, entity id, title head), and the
    bodies named by a noun phrase (``البحرية الليبية``) made entities (``n1``...)."""

    doers: list[tuple[int, str, str]] = field(default_factory=list)
    mentions: list[Entity] = field(default_factory=list)
    _first: dict[str, str] = field(default_factory=dict)
    _spans: dict[tuple[int, int], str] = field(default_factory=dict)

    def mention(self, view: View, start: int, end: int) -> str:
        """The entity id of a body named by the noun phrase at ``[start, end)`` (view
        offsets), made an ORG entity the first time; a repeated name refers to the first."""
        o_start, o_end, text = view.original_span(start, end)
        known = self._spans.get((o_start, o_end))
        if known is not None:
            return known
        name = fold_words(view.text[start:end])
        ref = self._first.get(name)
        eid = f"n{len(self.mentions) + 1}"
        self.mentions.append(Entity(eid, o_start, o_end, text, "ORG", ref))
        self._first.setdefault(name, eid)
        self._spans[(o_start, o_end)] = ref or eid
        return ref or eid

    def real(self, view: View, ids: tuple[str, ...]) -> tuple[str, ...]:
        """Ids with the placeholders of nominal bodies (``@start:end``) made entities."""
        out = []
        for i in ids:
            if i.startswith("@"):
                s, e = i[1:].split(":")
                i = self.mention(view, int(s), int(e))
            out.append(i)
        return tuple(dict.fromkeys(out))

    def remember(self, sid: int, found: Roles_) -> None:
        heads = dict((eid, h) for h, eid in found.heads)
        for eid in found.actors:
            self.doers.append((sid, eid, heads.get(eid, "")))

    def resolve(self, sid: int, subject: str) -> tuple[str, ...]:
        """The doer a subject-less verb or a bare title stands for, if any."""
        if subject == "none":
            reach = roles().resolve_sentences
            recent = [d for d in self.doers if d[0] >= sid - reach]
            return (recent[-1][1],) if recent else ()
        if subject.startswith("title:"):
            head = subject[6:]
            named = [d for d in self.doers if d[2] == head]
            return (named[-1][1],) if named else ()
        return ()


class Entities:
    """The document's entities on the view, for the ones inside a span."""

    def __init__(self, view: View, entities: Sequence[Entity]) -> None:
        self.rows = sorted(
            Mention(view.to_view(e.start), view.to_view(e.end), e.ref or e.id, e.label, e.text)
            for e in entities
        )
        self.starts = [m.start for m in self.rows]

    def covers(self, i: int) -> bool:
        """Whether a mention covers view offset ``i``."""
        k = bisect_right(self.starts, i) - 1
        return k >= 0 and self.rows[k].end > i

    def starts_at(self, start: int, end: int) -> bool:
        """Whether a mention starts within ``[start, end)``."""
        k = bisect_left(self.starts, start)
        return k < len(self.starts) and self.starts[k] < end

    def inside(self, start: int, end: int) -> list[Mention]:
        out = []
        for m in self.rows[bisect_left(self.starts, start) :]:
            if m.start >= end:
                break
            if m.end <= end:
                out.append(m)
        return out


def find(
    view: View,
    span: tuple[int, int],
    date: tuple[int, int],
    mentions: list[Mention],
    memory: Memory,
    sid: int,
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Actors, targets and places (entity ids) of the event whose clause is ``span`` and
    whose date is ``date``; ``memory`` resolves a missing subject and learns the doers."""
    text, lex = view.text, roles()
    start = _after_dateline(text, span[0], lex)
    mentions = [m for m in mentions if m.start >= start and not _junk(m, lex)]
    toks = _tokens(view, start, span[1], mentions, date)
    found = _read(view, toks, lex)
    sub = _subclause(text, start, date, lex) if date[0] > start else None
    if sub is not None:
        inner = _read(view, _tokens(view, sub, span[1], mentions, date), lex)
        if inner.subject in ("name", "noun") or (inner.subject == "" and inner.targets):
            found = inner
        elif inner.subject.startswith("title:"):
            found = Roles_(memory.resolve(sid, inner.subject), inner.targets, inner.subject)
    actors = memory.real(view, found.actors)
    if not actors and found.subject and found.subject not in ("name", "noun"):
        actors = memory.resolve(sid, found.subject)
    heads = tuple((h, memory.real(view, (i,))[0]) for h, i in found.heads)
    memory.remember(sid, Roles_(actors, (), found.subject, heads))
    acting = set(actors)
    places = tuple(dict.fromkeys(m.id for m in mentions if m.label == "LOC" and m.id not in acting))
    targets = tuple(t for t in memory.real(view, found.targets) if t not in acting)
    return actors, targets, places


def _first_named(toks: list[_Tok], targets: tuple[str, ...], lex: Roles) -> tuple[str, ...]:
    """When the clause's shape is not read, its first person or body named outside a
    prepositional phrase, before a reported or relative clause (the speaker's way)."""
    for t in toks:
        if t.word in lex.complementizers or t.word in lex.relatives:
            break
        m = t.ent
        if m is not None and not t.prep and m.label in DOER_LABELS and m.id not in targets:
            return (m.id,)
    return ()


def _after_dateline(text: str, start: int, lex: Roles) -> int:
    """Where the clause starts once a dateline that opens it is left out."""
    m = _DATELINE.search(text, start, start + lex.dateline_reach)
    if m is None or any(ch in ".!?؟\n" for ch in text[start : m.start()]):
        return start
    return m.end()


def _junk(m: Mention, lex: Roles) -> bool:
    return _junk_name(m.text, lex)


@lru_cache(maxsize=8192)
def _junk_name(name: str, lex: Roles) -> bool:
    """A name that is no doer: a document or an event (``بيان العلا``), a title alone,
    a name with a verb stuck on (``هشام يوزع``)."""
    words = [_bare(w) for w in name.split()]
    if not words or words[0] in lex.non_doer_heads:
        return True
    return all(w in lex.titles for w in words) or (len(words) > 1 and _verb(words[-1], lex))


@lru_cache(maxsize=8192)
def _verb(word: str, lex: Roles) -> bool:
    """An imperfect verb: its prefix swaps for another person's and both are words
    (``يوزع``/``توزع``); a name does not conjugate (``يوسف``, ``توسف``)."""
    first, rest = word[:1], word[1:]
    if len(word) < 4 or first not in lex.imperfect_prefixes:
        return False
    others = [p + rest for p in lex.imperfect_prefixes if p != first]
    return zipf(word) >= lex.verb_zipf and max(zipf(o) for o in others) >= lex.verb_zipf


@lru_cache(maxsize=65536)
def _bare(word: str) -> str:
    """A word without a leading conjunction (``والرئيس`` -> ``الرئيس``)."""
    w = fold(word)
    if len(w) > 3 and w[0] in clitics().conjunctions and zipf(w[1:]) >= zipf(w):
        return w[1:]
    return w


@lru_cache(maxsize=65536)
def _split_prep(word: str) -> tuple[str, str]:
    """``(preposition, rest)`` for a word with a preposition glued on (``بمدينة``), else
    ``("", word)``: the rest must be much commoner than the whole."""
    c = clitics()
    if word.startswith(c.lam_article) and len(word) > 4:
        rest = c.article + word[2:]
        if zipf(rest) >= zipf(word) + CLITIC_GAIN:
            return c.lam, rest
    if len(word) > 3 and word[0] in c.prepositions and zipf(word[1:]) >= zipf(word) + CLITIC_GAIN:
        return word[0], word[1:]
    return "", word


def _tokens(
    view: View, start: int, end: int, mentions: list[Mention], date: tuple[int, int]
) -> list[_Tok]:
    """The first ``TOKEN_REACH`` tokens of a clause; the event's own date reads as a soft
    break (it ends a phrase, not the clause)."""
    text = view.text
    raw: list[tuple[str, int, int, str]] = []  # word, start, end, the break before it
    brk = ""
    dated = date[0] < date[1]
    for m in _TOKEN_OR_BREAK.finditer(text, start, end):
        if m.lastgroup == "b":
            brk = m.group()
            continue
        s = m.start()
        if len(raw) >= TOKEN_REACH:
            break
        soft = SOFT if dated and date[0] <= s <= date[1] else ""
        raw.append((m.group(), s, m.end(), brk or soft))
        brk = ""
    starts = [r[1] for r in raw]
    by_token: dict[int, Mention] = {}
    for ment in mentions:
        k = bisect_left(starts, ment.start + 1) - 1
        if k >= 0 and raw[k][1] <= ment.start < raw[k][2]:
            by_token.setdefault(k, ment)
    out: list[_Tok] = []
    for k, (word, s, e, brk) in enumerate(raw):
        bare, joined, prep, rest = _word(word)
        ent = by_token.get(k)
        if ent is None:
            out.append(_Tok(rest, s, e, prep, brk, joined, None, k))
            continue
        glued = _bare(text[s : ent.start]) if ent.start > s else prep
        prep = glued[-1:] if glued and glued[-1] in clitics().prepositions else ""
        last = bisect_left(starts, ent.end) - 1
        out.append(_Tok(bare, s, e, prep, brk, joined, ent, max(last, k)))
    return out


@lru_cache(maxsize=65536)
def _word(word: str) -> tuple[str, bool, str, str]:
    """A token read once: without its conjunction, whether it had one, and a glued
    preposition with the rest."""
    bare = _bare(word)
    prep, rest = _split_prep(bare)
    return bare, len(bare) < len(word), prep, rest


def _subclause(text: str, start: int, date: tuple[int, int], lex: Roles) -> int | None:
    """Where the clause the date sits in begins when it is not the main one: a reported
    clause (after ``إن``, ``أن``, a colon), a relative clause, or a clause joined by ``و``
    after a comma (``...، وكانت شركة X أوقفت رحلاتها عام 2014``). A reported clause with
    a pronoun (``إنها سترفع``) keeps the main clause's doer; a comma between the clause
    and the date gives the date back to the main clause. One regex pass over the text."""
    found = None
    for m in _openers(lex).finditer(text, start, date[0]):
        if m["w"] is not None:
            if m.start() == start:
                continue
            found = None if m["w"] in lex.pronoun_complementizers else m.end()
        elif m["colon"] is not None:
            found = m.end()
        elif m["conj"] is not None and _word(m["conj"])[1]:
            found = m.start("conj")
        else:
            found = None  # a comma, a bracket: the date is the main clause's again
    return found if found is not None and found < date[0] else None


@cache
def _openers(lex: Roles) -> regex.Pattern[str]:
    words = trie_alternation(lex.complementizers | lex.relatives)
    return compiled(
        rf"(?<!\p{{L}})(?:[وف])?(?P<w>{words})(?!\p{{L}})"
        rf"|(?P<colon>:)|[،,;][ ]*(?P<conj>[وف]\p{{L}}+)|[،,;()\[\]]"
    )


def _is_prep(t: _Tok, lex: Roles) -> bool:
    return bool(t.prep) or t.word in lex.prepositions


def _stop(t: _Tok, lex: Roles) -> bool:
    """A word that ends a noun phrase."""
    w = t.word
    return (
        _is_prep(t, lex)
        or w in lex.complementizers
        or w in lex.relatives
        or w in lex.copulas
        or w in lex.auxiliaries
        or w.isdigit()
    )


def _definite(word: str) -> bool:
    return word.startswith("ال") and len(word) > 3


def _noun_phrase(toks: list[_Tok], j: int, lex: Roles) -> int:
    """The end (exclusive) of the noun phrase that starts at ``j``: a construct chain, a
    definite noun or a name, then definite adjectives and genitives, names and titles. A
    name after a definite word that is no title is another phrase (``غادر آخر الجنود
    الأمريكيين العراق``): a definite noun takes no genitive."""
    k, definite, open_ = j, False, True
    head = toks[j].word if j < len(toks) else ""
    titled = head in lex.titles and head not in lex.body_heads  # a person's title
    while k < len(toks):
        t = toks[k]
        if (k > j and t.brk) or (t.ent is None and _stop(t, lex)):
            break
        if t.ent is not None:
            named = t.ent.label == "PER" and definite  # "الناشط علاء عبد الفتاح"
            if t.prep or (k > j and t.joined) or not (open_ or titled or named):
                break
            k, definite, open_ = t.last + 1, True, False
            continue
        if t.word in lex.titles and (open_ or _definite(t.word)):
            k, definite, open_ = k + 1, definite or _definite(t.word), True
            continue
        if _definite(t.word):
            k, definite, open_ = k + 1, True, False
            continue
        if not definite and k - j < NOUN_PHRASE_HEAD:
            k, open_ = k + 1, True
            continue
        break
    return k


def _names(toks: list[_Tok], j: int, k: int) -> list[Mention]:
    return [t.ent for t in toks[j:k] if t.ent is not None and not t.prep]


def _who(toks: list[_Tok], j: int, k: int, lex: Roles) -> list[Mention]:
    """The names of a phrase, else the body it names (``القوات الحكومية السورية``)."""
    names = _names(toks, j, k)
    if names:
        return names
    body = _nominal(toks, j, k, lex)
    return [body] if body is not None else []


def _nominal(toks: list[_Tok], j: int, k: int, lex: Roles) -> Mention | None:
    """A body named by a noun phrase: a head of ``body_heads`` qualified by a nisba or
    a genitive (``البحرية الليبية``, ``وزارة الداخلية``), or a body named alone
    (``البرلمان``). A placeholder id (``@start:end``) that ``Memory`` makes an entity."""
    if j >= k or j >= len(toks) or any(t.ent is not None or t.prep for t in toks[j:k]):
        return None
    head = toks[j]
    if head.word not in lex.body_heads or (k - j == 1 and head.word not in lex.lone_bodies):
        return None
    k = min(k, j + lex.body_words)
    start = head.end - len(head.word)
    return Mention(start, toks[k - 1].end, f"@{start}:{toks[k - 1].end}", "ORG", "")


def _coordinated(toks: list[_Tok], k: int, lex: Roles) -> tuple[list[Mention], int]:
    """Names joined to a phrase that ends at ``k`` by و (``ترامب وماكرون``)."""
    out: list[Mention] = []
    while k < len(toks):
        t = toks[k]
        if t.brk or t.ent is None or t.prep or not (t.ent.start > t.start or t.word == "و"):
            if t.word == "و" and k + 1 < len(toks) and toks[k + 1].ent is not None:
                k += 1
                continue
            break
        out.append(t.ent)
        k = _noun_phrase(toks, k, lex)
    return out, k


def _verb_like(view: View, t: _Tok, lex: Roles) -> bool:
    """Whether a token may be a verb: no name, particle, definite noun, title, nor a
    word ending in ta marbuta (read on the original: the view folds it)."""
    w = t.word
    if t.ent is not None or _stop(t, lex) or _definite(w) or w in lex.titles:
        return False
    return view.original[view.start_of(t.end - 1)] not in lex.noun_endings


def verb_then_subject(
    view: View, first: regex.Match[str], second: regex.Match[str], entities: Entities
) -> bool:
    """Whether two words open a clause: a verb, then a name or a definite noun
    (``سيطر تنظيم داعش``, ``أعلنت بغداد``)."""
    lex = roles()
    verb = _Tok(_bare(first.group()), first.start(), first.end(), "", "", False, None, 0)
    if entities.starts_at(first.start(), first.end()) or not _verb_like(view, verb, lex):
        return False
    if _split_prep(verb.word)[0] or verb.word in lex.lead_particles:
        return False
    word = _bare(second.group())
    return (
        entities.starts_at(second.start(), second.end())
        or _definite(word)
        or word in lex.titles
    )


def _passive(view: View, t: _Tok, lex: Roles) -> bool:
    if t.word in lex.passive_auxiliaries or t.word in lex.patient_verbs:
        return True
    s, e = view.to_original(t.start, t.end)
    return e - s > t.end - t.start and _voweled_passive(view.original[s:e])


@lru_cache(maxsize=8192)
def _voweled_passive(o: str) -> bool:
    """A damma on the verb's first letter (``نُقلت``), or on its third after an alef
    (``اعتُمد``): the passive, where the text is voweled."""
    letters = [i for i, ch in enumerate(o) if "\u0621" <= ch <= "\u064a"]
    if len(letters) < 2:
        return False
    first = 1 if o[letters[0]] in clitics().conjunctions and len(letters) > 3 else 0
    for pos in (first, first + 2) if o[letters[first]] == "ا" else (first,):
        i = letters[pos] if pos < len(letters) else -1
        if 0 <= i < len(o) - 1 and o[i + 1] == _DAMMA and o[letters[first]] not in "يتنأ":
            return True
    return False


def _lead(toks: list[_Tok], lex: Roles) -> int:
    """The first token of the clause's core: particles and fronted phrases skipped
    (``وفي تصريح للصحافيين، كرر ترمب``; ``وردا على سؤال ...، قال بنس``; ``بعد أن``),
    and a cue before a colon (``قائلا: «...»``)."""
    i = 0
    for _ in range(PREDICATE_SEARCH):
        while i < len(toks) and toks[i].ent is None and toks[i].word in lex.lead_particles:
            i += 1
        if i >= len(toks):
            return i
        t = toks[i]
        if t.ent is None and i + 1 < len(toks) and toks[i + 1].brk == ":":
            i += 1
            continue
        if _is_prep(t, lex) and i + 1 < len(toks) and toks[i + 1].word in lex.complementizers:
            i += 2
            continue
        fronted = t.ent is None and (
            _is_prep(t, lex)
            or (
                len(t.word) > 3
                and t.word.endswith("ا")
                and i + 1 < len(toks)
                and _is_prep(toks[i + 1], lex)
            )
        )
        nxt = next((k for k in range(i + 1, len(toks)) if toks[k].brk), None)
        if not fronted or nxt is None:
            return i
        i = nxt
    return i


def _read(view: View, toks: list[_Tok], lex: Roles) -> Roles_:
    """The roles of one clause (or sub-clause)."""
    i = _lead(toks, lex)
    if i >= len(toks):
        return Roles_()
    t = toks[i]
    if t.word in lex.auxiliaries:
        k = _noun_phrase(toks, i + 1, lex)
        return _with_subject(toks, i + 1, k, lex, passive=False, speech=False)
    nominal = t.ent is not None or t.word in lex.titles or not _verb_like(view, t, lex)
    if nominal and not (t.ent is None and _trigger(t.word)):
        k = _noun_phrase(toks, i, lex)
        verb = _verb_after(view, toks, k, lex)
        if verb is None or k == i:
            return Roles_(subject="noun")
        passive = _passive(view, toks[verb], lex)
        return _with_subject(toks, i, k, lex, passive=passive, speech=False)
    return _predicate(view, toks, i, lex)


def _verb_after(view: View, toks: list[_Tok], k: int, lex: Roles) -> int | None:
    """The verb that follows a subject ending at ``k`` (an apposition, ``قد``, between)."""
    for j in range(k, min(len(toks), k + lex.subject_reach)):
        t = toks[j]
        if t.brk or t.word in lex.complementizers or t.word in lex.copulas:
            return None
        if _verb_like(view, t, lex) and t.word not in lex.lead_particles:
            return j
        if t.ent is None and _is_prep(t, lex):
            return None
    return None


def _predicate(view: View, toks: list[_Tok], i: int, lex: Roles) -> Roles_:
    """A verb or an event noun at ``i``, its subject (or genitive) after it."""
    t = toks[i]
    if t.word in lex.passive_auxiliaries:  # "تم اعتقال X": X is the target
        k = _noun_phrase(toks, i + 1, lex)
        return Roles_(_agents(toks, k, lex), tuple(m.id for m in _who(toks, i + 1, k, lex)), "noun")
    passive = _passive(view, t, lex)
    if _patient_noun(t.word, lex):
        k = _noun_phrase(toks, i + 1, lex)
        return Roles_(_agents(toks, k, lex), tuple(m.id for m in _who(toks, i + 1, k, lex)), "noun")
    j = i + 1
    k = _noun_phrase(toks, j, lex)
    speech = _speech(t.word)
    if k == j:  # no subject: "وأضاف أن", "وأعربت عن"
        if passive or not _verb_like(view, t, lex):
            return Roles_(_agents(toks, j, lex), _objects(toks, j, lex), "noun")
        return Roles_((), _objects(toks, j, lex), "none")
    return _with_subject(toks, j, k, lex, passive=passive, speech=speech)


def _with_subject(
    toks: list[_Tok], j: int, k: int, lex: Roles, *, passive: bool, speech: bool
) -> Roles_:
    names = _names(toks, j, k)
    head = toks[j].word if j < len(toks) else ""
    if names and toks[j].ent is None and not any(t.word in lex.titles for t in toks[j:k]):
        names = []  # a common noun's genitive ("صور سجناء"): no doer
    more, k = _coordinated(toks, k, lex)
    if (speech or head in lex.titles) and not any(m.label == "PER" for m in names):
        person = _apposition(toks, k, lex, reach=speech)
        if person is not None:
            names, more = [person], []
    subject = names[:1] + more
    body = None if subject else _nominal(toks, j, k, lex)
    if body is not None:
        subject = [body]
    if not subject:
        kind = f"title:{_head(head)}" if head in lex.titles and k - j <= 3 else "noun"
        return Roles_(_agents(toks, k, lex) if passive else (), _objects(toks, k, lex), kind)
    ids = tuple(m.id for m in subject)
    heads = ((_head(head), subject[0].id),) if head in lex.titles else ()
    objects = tuple(m.id for m in names[1:]) + _objects(toks, k, lex)
    if passive:
        return Roles_(_agents(toks, k, lex), ids + objects, "name", heads)
    return Roles_(ids, objects, "name", heads)


def _head(word: str) -> str:
    return word[2:] if _definite(word) else word


def _apposition(toks: list[_Tok], k: int, lex: Roles, *, reach: bool) -> Mention | None:
    """A person named after a title, across a comma (``نائب الرئيس الأميركي، مايك بنس``);
    with ``reach`` (a speech verb), the first person up to what it introduces."""
    limit = min(len(toks), k + lex.subject_reach) if reach else min(len(toks), k + 1)
    for t in toks[k:limit]:
        relative = reach and t.ent is None and t.word in lex.relatives
        if t.brk in (":", "(") or t.word in lex.complementizers or relative:
            return None
        if t.ent is not None and t.ent.label == "PER" and not t.prep:
            return t.ent
    return None


def _objects(toks: list[_Tok], k: int, lex: Roles) -> tuple[str, ...]:
    """Targets after the subject: the object, names after ``ضد``, ``على``, ``مع``..."""
    out: list[str] = []
    j = k
    if j < len(toks) and not toks[j].brk:
        end = _noun_phrase(toks, j, lex)
        obj = _who(toks, j, end, lex)
        if obj:
            out += [m.id for m in obj]
            more, end = _coordinated(toks, end, lex)
            out += [m.id for m in more]
        j = max(end, j)
    while j < len(toks):
        t = toks[j]
        hard = t.brk and t.brk != SOFT
        if hard or t.word in lex.complementizers or t.word in lex.relatives:
            break
        prep = t.prep or (t.word if t.word in lex.prepositions else "")
        if not prep:
            j += 1
            continue
        start = j if t.ent is not None or t.prep else j + 1
        if start < len(toks) and start > j and toks[start].word in lex.prepositions:
            start += 1  # a compound preposition: "نقلا عن", "بالقرب من"
            prep = ""
        end = max(_noun_phrase_pp(toks, start, lex), start + 1)
        if prep in lex.object_prepositions:
            names = [t.ent for t in toks[start:end] if t.ent] or _who(toks, start, end, lex)
            out += [m.id for m in names if m and (m.label != "LOC" or prep in lex.place_targets)]
        j = end
    return tuple(out)


def _noun_phrase_pp(toks: list[_Tok], j: int, lex: Roles) -> int:
    """The noun phrase a preposition governs (its own glued preposition allowed)."""
    if j >= len(toks):
        return j
    t = toks[j]
    if t.ent is not None:
        return t.last + 1
    if t.prep:  # "بمدينة درنة": the noun, then its genitive
        genitive = j + 1 < len(toks) and not toks[j + 1].brk
        return _noun_phrase(toks, j + 1, lex) if genitive else j + 1
    return _noun_phrase(toks, j, lex)


def _agents(toks: list[_Tok], k: int, lex: Roles) -> tuple[str, ...]:
    """Names after ``على يد``, ``من قبل``: the doer of a passive or an event noun."""
    for j in range(k, len(toks)):
        t = toks[j]
        if t.brk and j > k:
            break
        for marker in lex.agent_markers:
            n = len(marker)
            words = tuple(x.word if not x.prep else x.prep + x.word for x in toks[j : j + n])
            if words == marker and j + n < len(toks):
                end = _noun_phrase(toks, j + n, lex)
                return tuple(m.id for m in _who(toks, j + n, end, lex))
    return ()


@lru_cache(maxsize=8192)
def _speech(word: str) -> bool:
    return not bases(word).isdisjoint(roles().speech_verbs)


@lru_cache(maxsize=8192)
def _trigger(word: str) -> bool:
    """Whether a word opens a PLOVER trigger (an event noun: ``الهجوم``, ``زيارة``)."""
    return bool(heads(word))


def _patient_noun(word: str, lex: Roles) -> bool:
    return word in lex.patient_nouns or (_definite(word) and word[2:] in lex.patient_nouns)
