"""The events stage's word lists (``data/events/*.json``), folded like the view."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..datafile import load_json
from ..text.arabic import clitics, fold, subset


@dataclass(frozen=True, slots=True)
class Words:
    boundary: frozenset[str]
    relative: frozenset[str]
    conjunctions: frozenset[str]
    negation: frozenset[str]
    stopwords: frozenset[str]
    edge: frozenset[str]
    pair_joins: frozenset[str]  # join two dates only after a pair opener
    pair_openers: frozenset[str]
    clause_conjunctions: frozenset[str]  # glued, they open a coordinated clause
    same_event_overlap: float
    pair_duals: frozenset[str]
    link_markers: frozenset[str]
    intro_phrases: frozenset[str]
    birth: frozenset[str]
    sentence_ends: frozenset[str]
    headline_words: int
    heading_words: int


@dataclass(frozen=True, slots=True)
class Triggers:
    # first word of a trigger -> (the whole trigger's words, its PLOVER type), longest first
    by_head: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    suffixes: tuple[str, ...]


def _set(raw: dict, key: str) -> frozenset[str]:
    return frozenset(fold(w) for w in raw[key])


@cache
def words() -> Words:
    raw = load_json("events/lexicon.json")
    return Words(
        boundary=_set(raw, "boundary"),
        relative=_set(raw, "relative"),
        conjunctions=_set(raw, "conjunction_words"),
        negation=_set(raw, "negation"),
        stopwords=_set(raw, "stopwords"),
        edge=_set(raw, "edge_words"),
        pair_joins=_set(raw, "pair_joins"),
        pair_openers=_set(raw, "pair_openers"),
        clause_conjunctions=subset(raw["clause_conjunctions"], clitics().conjunctions, "events"),
        same_event_overlap=float(raw["same_event_overlap"]),
        pair_duals=_set(raw, "pair_duals"),
        link_markers=_set(raw, "link_markers"),
        intro_phrases=_set(raw, "intro_phrases"),
        birth=_set(raw, "birth"),
        sentence_ends=frozenset(raw["sentence_ends"]),
        headline_words=int(raw["headline_words"]),
        heading_words=int(raw["heading_words"]),
    )


@cache
def triggers() -> Triggers:
    raw = load_json("events/plover.json")
    heads: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for kind, stems in raw["types"].items():
        for stem in stems:
            parts = tuple(fold(stem).split())
            heads.setdefault(parts[0], []).append((parts, kind))
    by_head = {k: tuple(sorted(v, key=lambda t: -len(t[0]))) for k, v in heads.items()}
    return Triggers(by_head, tuple(sorted(raw["suffixes"], key=len, reverse=True)))


@dataclass(frozen=True, slots=True)
class Roles:
    """``data/events/roles.json``: the words that tell doer from target (see its _doc)."""

    lead_particles: frozenset[str]
    auxiliaries: frozenset[str]
    speech_verbs: frozenset[str]
    passive_auxiliaries: frozenset[str]
    patient_verbs: frozenset[str]
    patient_nouns: frozenset[str]
    object_prepositions: frozenset[str]
    place_targets: frozenset[str]
    place_prepositions: frozenset[str]
    adjunct_prepositions: frozenset[str]
    agent_markers: frozenset[tuple[str, ...]]
    complementizers: frozenset[str]
    pronoun_complementizers: frozenset[str]
    relatives: frozenset[str]
    titles: frozenset[str]
    non_doer_heads: frozenset[str]
    copulas: frozenset[str]
    noun_endings: frozenset[str]
    body_heads: frozenset[str]
    lone_bodies: frozenset[str]
    body_words: int
    imperfect_prefixes: frozenset[str]
    verb_zipf: float
    dateline_reach: int
    resolve_sentences: int
    subject_reach: int

    prepositions: frozenset[str]  # the three kinds above together


@cache
def roles() -> Roles:
    raw = load_json("events/roles.json")
    sets: dict[str, object] = {k: _set(raw, k) for k, v in raw.items() if isinstance(v, list)}
    sets["noun_endings"] = frozenset(raw["noun_endings"])  # not folded: read on the original
    sets["agent_markers"] = frozenset(tuple(fold(w).split()) for w in raw["agent_markers"])
    sets["imperfect_prefixes"] = frozenset(raw["imperfect_prefixes"])
    kinds = ("object_prepositions", "place_prepositions", "adjunct_prepositions")
    sets["prepositions"] = frozenset().union(*(_set(raw, k) for k in kinds))
    ints: dict[str, object] = {k: v for k, v in raw.items() if isinstance(v, (int, float))}
    return Roles(**sets, **ints)  # type: ignore[arg-type]
