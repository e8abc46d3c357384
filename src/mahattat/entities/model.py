"""The shipped CRF (``data/entities/ner.crfsuite``), opened once per process, and the
document tagging around it.

Beside the model lies the list of the attributes it has weights for (``.attributes``,
written by training): features are narrowed to it before tagging, and reading it costs
a millisecond where asking the model (``Tagger.info``) costs a sixth of a second.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from ..text.normalize import fold
from .consistency import propagate
from .features import Features, Word
from .org import listed_organisations
from .spans import trim
from .titles import name_after_titles

MODEL = "data/entities/ner.crfsuite"


def default_path() -> Path:
    return Path(str(resources.files("mahattat").joinpath(MODEL)))


def attributes_path(model: Path) -> Path:
    return model.with_suffix(".attributes")


def model_attributes(tagger: pycrfsuite.Tagger) -> list[str]:
    """The attributes a model has weights for, sorted."""
    return sorted({a for a, _ in tagger.info().state_features})


def write_attributes(model: Path) -> None:
    """Write the model's attribute list beside it (one a line; no feature holds a space)."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    attributes_path(model).write_text("\n".join(model_attributes(tagger)) + "\n", "utf-8")


class Model:
    """The CRF and feature tables narrowed to the attributes it has weights for."""

    def __init__(self, path: Path) -> None:
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(path))
        listed = attributes_path(path)
        if listed.is_file():
            known = frozenset(listed.read_text("utf-8").split("\n")) - {""}
        else:  # a model trained elsewhere: ask it
            known = frozenset(model_attributes(self.tagger))
        self.features = Features(known)

    def tag(self, words: list[str], recs: list[Word] | None = None) -> list[str]:
        """IOB2 tags for one sentence of folded words."""
        if not words:
            return []
        return self.tagger.tag(self.features.sentence(words, recs))


@cache
def load(path: Path | None = None) -> Model:
    return Model(path or default_path())


def tag_document(
    sentences: list[list[str]],
    path: Path | None = None,
    window: int | None = None,
    news: bool = True,
) -> list[list[str]]:
    """IOB2 tags for a document's sentences of folded words: the CRF's, plus persons
    named after a title (``titles.py``), then one label per name across the document
    (``consistency.py``; ``window``: see ``propagate``).

    ``news``: also the conventions of news that ANERcorp does not share: a listed
    organisation with its head (``وزارة الخارجية الأمريكية``, ``org.py``; ANERcorp leaves
    ministries and armies ``O``) and no common word inside a person (``هشام يوزع``,
    ``spans.py``). ``find`` tags articles with them; the CoNLL scoring without them
    (they cost ANERcorp dev 3 F1, see ``train.py``)."""
    model = load(path)
    recs = [model.features.records(words) for words in sentences]
    stems = [[r.stem for r in rs] for rs in recs]
    tags = [
        name_after_titles(words, ss, model.tag(words, rs))
        for words, ss, rs in zip(sentences, stems, recs, strict=True)
    ]
    if news:
        tags = [
            trim(ss, listed_organisations(words, ss, ts))
            for words, ss, ts in zip(sentences, stems, tags, strict=True)
        ]
    return propagate(stems, tags, window)


def tag_tokens(
    tokens: list[list[str]], path: Path | None = None, window: int = 10
) -> list[list[str]]:
    """IOB2 tags for consecutive sentences of raw tokens (a CoNLL file's), folded first,
    under ANERcorp's conventions (``news=False``)."""
    return tag_document([[fold(t) for t in sent] for sent in tokens], path, window, news=False)
