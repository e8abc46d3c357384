"""The settings of ``data/timelines/settings.json``: how many articles a collection
reads, and what DATEWISE weighs, folds and leaves out."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from ..datafile import load_json
from ..text.normalize import fold


@dataclass(frozen=True, slots=True)
class Settings:
    max_articles: int
    pub_weight: float
    mention_bonus: float
    duplicate_jaccard: float
    fold_overlap: float
    min_terms: int
    max_terms: int
    dateline: regex.Pattern[str]
    background: regex.Pattern[str]
    background_penalty: float
    lead_bonus: float
    near_days: int
    recap_weight: float
    preview_weight: float
    recap_penalty: float


@cache
def settings() -> Settings:
    raw = load_json("timelines/settings.json")
    agencies = "|".join(regex.escape(a) for a in raw.pop("agencies"))
    fill = {"words": raw.pop("dateline_words"), "agencies": agencies}
    raw["dateline"] = regex.compile(raw["dateline"] % fill)
    openers = "|".join(regex.escape(fold(o)) for o in raw.pop("background_openers"))
    raw["background"] = regex.compile(rf"\s*(?:{openers})(?!\w)")
    return Settings(**raw)
