"""The query language: words, "phrases", alternatives (| or OR), exclusions (-word,
-"phrase"); its FTS5 expression, its errors, and what it finds in a small store."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mahattat.store import ArticleRows, Query, QueryError, Store, parse_query
from mahattat.store.query import Alternatives, Phrase, Word
from mahattat.store.terms import indexed


def rows(doc_id: str, published: str, text: str, **more: object) -> ArticleRows:
    """An article as the store takes it: one sentence, no pipeline."""
    fields: dict[str, object] = {
        "doc_id": doc_id, "hash": doc_id, "published": published, "published_raw": published,
        "source": None, "url": None, "title": None, "origin": doc_id, "text": text,
        "terms": indexed(text), "sentences": ((0, len(text)),), "timexes": (),
        "entities": (), "events": (),
    } | more  # fmt: skip
    return ArticleRows(**fields)  # type: ignore[arg-type]


def test_records_of_each_construct() -> None:
    q = parse_query('"الليرة التركية" | "العملة التركية" ترامب OR ترمب -"مجلس الدوما" -روسيا')
    assert q == Query(
        (
            Alternatives((Phrase(("ليره", "تركيه")), Phrase(("عمله", "تركيه")))),
            Alternatives((Word("ترامب"), Word("ترمب"))),
        ),
        (Phrase(("مجلس", "دوما")), Word("روسيا")),
    )
    assert q.match() == (
        '(("ليره تركيه" OR "عمله تركيه") AND ("ترامب" OR "ترمب")) NOT ("مجلس دوما" OR "روسيا")'
    )
    assert q.wanted == {"ليره", "تركيه", "عمله", "ترامب", "ترمب"}
    assert q.words == ("ليره", "تركيه", "عمله", "ترامب", "ترمب")  # may have other spellings


@pytest.mark.parametrize(
    ("query", "groups", "excluded"),
    [
        ("القس برانسون|برونسون", [["قس"], ["برانسون", "برونسون"]], []),
        ("«الليرة التركية»", [["ليره تركيه"]], []),  # Arabic guillemets quote too
        ("“سعر الصرف” انهيار", [["سعر صرف"], ["انهيار"]], []),
        ("دوما --مجلس", [["دوما"]], ["مجلس"]),  # -- opens an exclusion of -مجلس
        ("11/9 هجوم", [["11 9"], ["هجوم"]], []),  # several terms in one written word: a phrase
        ("| الرئيس |", [["رئيس"]], []),  # a stray operator is no word
        ('"OR" كلمة', [["or"], ["كلمه"]], []),  # quoted, OR is a word
        ("x - y", [["x"], ["y"]], []),  # a lone dash is no exclusion
    ],
)
def test_parsing(query: str, groups: list[list[str]], excluded: list[str]) -> None:
    q = parse_query(query)
    assert [[" ".join(o.terms) for o in g.options] for g in q.groups] == groups
    assert [" ".join(x.terms) for x in q.excluded] == excluded


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("", "the query is empty"),
        ("   ", "the query is empty"),
        ("، ! ؟", "the query '، ! ؟' has no word to find"),
        ('"الليرة التركية', "unbalanced quote \" in the query '\"الليرة التركية'"),
        ("«الليرة", "unbalanced quote « in the query '«الليرة'"),
        ("-دوما", "the query '-دوما' only excludes: add a word to find"),
        ('-"مجلس" -روسيا', "the query '-\"مجلس\" -روسيا' only excludes: add a word to find"),
    ],
)
def test_bad_queries_are_one_line_errors(query: str, says: str) -> None:
    with pytest.raises(QueryError) as e:
        parse_query(query)
    assert str(e.value) == says and "\n" not in says


def test_written_back_as_the_user_wrote_it() -> None:
    q = parse_query('"الليرة التركية" | العملة -"مجلس الدوما"')
    assert q.text() == '"الليرة التركية" | العملة -"مجلس الدوما"'
    more = q.with_alternatives({"عمله": ("عمله", "عملة2")})
    assert more.groups[0].options[-1] == Word("عملة2")
    assert parse_query(q.text()) == q


def test_a_phrase_gains_its_variants_one_term_at_a_time() -> None:
    q = parse_query('"القس أندرو برانسون" | "برانسون"')
    more = q.with_alternatives({"برانسون": ("برونسون",), "اندرو": ("اندرياو",)})
    assert more.text() == (
        '"القس أندرو برانسون" | "القس اندرياو برانسون" | "القس أندرو برونسون"'
        ' | "برانسون" | برونسون'
    )
    assert parse_query(more.text()) == more
    assert q.words == ("قس", "اندرو", "برانسون")


def test_a_sentence_matches_a_phrase_only_in_sequence() -> None:
    q = parse_query('"الليرة التركية" -حفل')
    assert q.matches(["هبطت", "ليره", "تركيه", "امس"])
    assert not q.matches(["ليره", "لبنانيه", "تركيه"])
    assert not q.matches(["ليره", "تركيه", "حفل"])


_PIECES = ["ترامب", "الليرة", " ", "  ", '"', "«", "»", "“", "”", "|", "OR", "-", "--", "،",
           "x", "\u064e", "11/9", "\n"]  # fmt: skip
_QUERY = st.one_of(st.lists(st.sampled_from(_PIECES), max_size=60).map("".join), st.text())


@settings(max_examples=400, deadline=None)
@given(_QUERY)
def test_any_string_parses_or_is_a_query_error(text: str) -> None:
    try:
        q = parse_query(text)
    except QueryError as e:
        assert str(e) and "\n" not in str(e)
        return
    assert q.groups and all(g.options for g in q.groups)
    assert all(t for g in q.groups for o in g.options for t in o.terms)
    assert parse_query(q.text()) == q  # what a timeline shows can be searched again


def test_long_queries_are_read_in_one_pass() -> None:
    # quadratic parsing would not finish these (timing itself is a bench matter)
    for unit in ('"', '-"', "| ", "«x» ", "-", "ترامب OR "):
        text = unit * (100_000 // len(unit))
        with contextlib.suppress(QueryError):
            parse_query(text)


# --- what a query finds ------------------------------------------------------------------

ARTICLES = [
    ("lira1", "2018-08-10", "هبطت والليرة التركية إلى أدنى مستوى لها أمام الدولار."),
    ("lira2", "2018-08-10", "قال محللون إن العملة التركية خسرت ثلث قيمتها هذا العام."),
    ("lira3", "2018-08-13", "لا علاقة بالليرة ولا بالأسواق التركية في هذا الخبر عن سوق السمك."),
    ("duma1", "2018-04-07", "قصفت الطائرات مدينة دوما في الغوطة الشرقية."),
    ("duma2", "2018-09-01", "صوت مجلس الدوما الروسي على قانون جديد للتقاعد في دوما."),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    path = tmp_path_factory.mktemp("q") / "db"
    with Store(path, write=True) as s:
        s.add(rows(i, p, t) for i, p, t in ARTICLES)
    return Store(path)


def _found(store: Store, query: str) -> set[str]:
    return {h.doc_id for h in store.search(query)}


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        ('"الليرة التركية"', {"lira1"}),  # والليرة folds to the same terms
        ("الليرة التركية", {"lira1", "lira3"}),  # words in any order
        ('"الليرة التركية" | "العملة التركية"', {"lira1", "lira2"}),
        ("دوما", {"duma1", "duma2"}),
        ('دوما -"مجلس الدوما"', {"duma1"}),
        ("دوما -الروسي", {"duma1"}),
        ("الغوطة OR التقاعد", {"duma1", "duma2"}),
    ],
)
def test_what_a_query_finds(store: Store, query: str, ids: set[str]) -> None:
    assert _found(store, query) == ids


def test_counts_and_coverage_count_every_match(store: Store) -> None:
    query = '"الليرة التركية" | "العملة التركية" | سوق'
    assert store.coverage(query) == {"2018-08-10": 2, "2018-08-13": 1}
    assert store.count(query) == 3 and len(store.search(query, limit=1)) == 1
    assert store.coverage(query, start="2018-08-11") == {"2018-08-13": 1}
    assert store.count("بركان") == 0


def test_a_bad_query_is_a_query_error_from_the_store(store: Store) -> None:
    with pytest.raises(QueryError, match="unbalanced quote"):
        store.search('"دوما')
