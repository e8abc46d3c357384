"""Named entities (PER, LOC, ORG, MISC): a CRF over the matching view's words.

Each sentence's words are tagged IOB2 by the shipped model (``model.py``; features in
``features.py``, trained by ``train.py`` on ANERcorp), persons named after a title are
added (``titles.py``) and a name tagged once is tagged across the article
(``consistency.py``). A proclitic glued to an entity's first word stays out of its span
(``بدونالد ترامب`` -> ``دونالد ترامب``, ``clitics.py``), and repeated mentions point to
the fuller one before them (``link.py``).
"""

from __future__ import annotations

from typing import cast

from ..records import Entity, EntityLabel
from ..text.normalize import View
from .clitics import split
from .features import TOKEN
from .link import refs
from .model import tag_document
from .tags import chunks

__all__ = ["find"]


def find(view: View, sentences: list[tuple[int, int]]) -> list[Entity]:
    """Entities of the sentences (view spans), in text order, ids ``e1``, ``e2``..."""
    toks = [list(TOKEN.finditer(view.text, s, e)) for s, e in sentences]
    words = [[t.group() for t in ts] for ts in toks]
    spans: list[tuple[int, int, str]] = []  # view start, end, label
    mentions: list[tuple[str, list[str]]] = []  # label, words (the first one's stem)
    for ts, ws, tags in zip(toks, words, tag_document(words), strict=True):
        for i, j, label in chunks(tags):
            cut, stem = split(ws[i])
            spans.append((ts[i].start() + cut, ts[j - 1].end(), label))
            mentions.append((label, [stem, *ws[i + 1 : j]]))
    out: list[Entity] = []
    for n, ((s, e, label), ref) in enumerate(zip(spans, refs(mentions), strict=True)):
        start, end, text = view.original_span(s, e)
        linked = None if ref is None else f"e{ref + 1}"
        out.append(Entity(f"e{n + 1}", start, end, text, cast(EntityLabel, label), linked))
    return out
