"""What the server reads from a store: one article with everything found in it, the
outlets, and search narrowed to the articles naming an entity."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from mahattat.store import Store

DOCS = [
    ("n1", "2020-02-03", "wire",
     "افتتح وزير الصحة كريم العلي مستشفى جديدا في المدينة في 2 فبراير 2020 بكلفة مليون دينار."),
    ("n2", "2020-02-04", "daily",
     "قال مدير المستشفى الجديد إن الأقسام ستعمل بكامل طاقتها في مارس 2020."),
    ("n3", "2020-02-05", "wire", "زار كريم العلي المستشفى الجديد مرة أخرى للاطلاع على سير العمل."),
]  # fmt: skip


@pytest.fixture(scope="module")
def store(archive: Callable[..., Path]) -> Store:
    return Store(archive(DOCS))


def test_an_article_with_its_rows_pointing_into_its_text(store: Store) -> None:
    a = store.article("n1")
    assert a is not None and a.text == DOCS[0][3] and a.source == "wire"
    view = a.as_dict()
    (t,) = [t for t in view["timexes"] if t["value"] == "2020-02-02"]
    assert a.text[t["start"] : t["end"]] == "2 فبراير 2020"
    assert {"كريم العلي"} <= {a.text[e["start"] : e["end"]] for e in view["entities"]}
    assert view["events"] and all(v["negated"] is False for v in view["events"])
    starts = [x["start"] for x in view["timexes"]]
    assert starts == sorted(starts)


def test_an_unknown_article_is_none(store: Store) -> None:
    assert store.article("nope") is None


def test_the_outlets_most_first(store: Store) -> None:
    assert store.sources() == [("wire", 2), ("daily", 1)]


def test_search_narrowed_to_an_entity(store: Store) -> None:
    every = {h.doc_id for h in store.search("المستشفى")}
    named = {h.doc_id for h in store.search("المستشفى", entity="كريم العلي")}
    assert every == {"n1", "n2", "n3"} and named == {"n1", "n3"}
    assert store.count("المستشفى", entity="كريم العلي") == 2
    assert sum(store.coverage("المستشفى", entity="كريم العلي").values()) == 2
