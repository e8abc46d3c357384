"""Other spellings of a query's names, from the store's own vocabulary: offered with their
article counts, applied only on request (``--variants``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from mahattat.cli import app
from mahattat.store import ArticleRows, Store, Variant, parse_query
from mahattat.store.terms import indexed
from mahattat.store.variants import by_word, candidates

# (doc_id, day, text): the pastor's name in three spellings, a typo met once, and a story
# that never names him.
ARTICLES = [
    ("a1", "2018-08-01", "فرضت واشنطن عقوبات على وزيرين تركيين بسبب احتجاز القس برانسون."),
    ("a2", "2018-08-02", "قالت أنقرة إن قضية القس برانسون بيد القضاء وحده."),
    ("a3", "2018-08-10", "هبطت الليرة بعد تعثر المحادثات بشأن القس برانسون."),
    ("a4", "2018-10-12", "أفرجت محكمة تركية عن القس برونسون وغادر البلاد."),
    ("a5", "2018-10-13", "وصل القس برونسون إلى واشنطن والتقى الرئيس."),
    ("a6", "2018-10-13", "رحب البيت الأبيض بعودة القس برونسون."),
    ("a7", "2018-10-14", "قال القس برنسون إنه لم يفقد الأمل."),
    ("a8", "2018-10-15", "نشرت الصحف صورة القس برنسون مع أسرته."),
    ("a9", "2018-10-16", "كتب أحدهم اسم القس برااانسون خطأ."),
    ("b1", "2018-10-16", "افتتحت البلدية حديقة جديدة في وسط المدينة."),
]


def _rows(doc_id: str, day: str, text: str) -> ArticleRows:
    return ArticleRows(
        doc_id, doc_id, day, day, "wire", None, None, doc_id, text, indexed(text),
        ((0, len(text)),), (), (), (),
    )  # fmt: skip


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("variants") / "db"
    with Store(path, write=True) as s:
        s.add(_rows(*a) for a in ARTICLES)
    return path


def test_candidates_are_one_edit_away() -> None:
    near = candidates("برانسون")
    assert {"برونسون", "برنسون", "بيرانسون", "برانسسون", "برانصون"} <= near
    assert "بررانسون" in near  # a consonant doubled
    assert "برانسون" not in near
    assert "ترمب" in candidates("ترامب")  # a long vowel dropped
    assert "جنيفه" in candidates("جنيفا")  # a final ا written ه (ة once folded)
    assert "غوتيريس" in candidates("غوتيريش")  # one foreign sound, two letters
    assert "مولر" in candidates("موللر")  # a double written once


def test_no_vowel_edit_at_either_end_of_a_word() -> None:
    # there a long vowel is grammar, not spelling: اتفاقا, عراقيا, سوري
    assert not {"اتفاقا", "اتفاقي", "يتفاق", "تفاق"} & candidates("اتفاق")
    assert "سوري" not in candidates("سوريا") | candidates("سوريانا")


@pytest.mark.parametrize("word", ["دوما", "رئيس", "حكومه", "trump", "2018"])
def test_no_candidates_for_short_or_common_words(word: str) -> None:
    assert candidates(word) == set()  # four letters, a common word, Latin, a number


def test_the_store_offers_the_spellings_it_holds(db: Path) -> None:
    with Store(db) as store:
        found = store.variants("القس برانسون")
    # the typo (one article) is left out, and so is قس (too short to vary)
    assert found == (Variant("برانسون", "برونسون", 3), Variant("برانسون", "برنسون", 2))
    assert by_word(found) == {"برانسون": ("برونسون", "برنسون")}


def test_variants_are_applied_on_request(db: Path) -> None:
    with Store(db) as store:
        q = parse_query("القس برانسون")
        assert {h.doc_id for h in store.search(q)} == {"a1", "a2", "a3"}
        wide = q.with_alternatives(by_word(store.variants(q)))
        assert wide.text() == "القس برانسون | برونسون | برنسون"
        assert {h.doc_id for h in store.search(wide)} == {f"a{i}" for i in range(1, 9)}
        assert store.variants("الحديقة البلدية") == ()
        phrase = parse_query('"القس برانسون"')
        wide = phrase.with_alternatives(by_word(store.variants(phrase)))
        assert wide.text() == '"القس برانسون" | "القس برونسون" | "القس برنسون"'
        assert {h.doc_id for h in store.search(wide)} == {f"a{i}" for i in range(1, 9)}


runner = CliRunner()


def test_search_names_them_and_applies_them_with_the_option(db: Path) -> None:
    plain = runner.invoke(app, ["search", "برانسون", "--db", str(db), "--json"])
    assert plain.exit_code == 0, plain.stderr
    assert plain.stderr.splitlines() == [
        "note: also spelled: برونسون (3 articles), برنسون (2 articles); "
        "add --variants to include them"
    ]
    assert len(plain.stdout.splitlines()) == 3
    wide = runner.invoke(app, ["search", "برانسون", "--db", str(db), "--json", "--variants"])
    assert wide.stderr.splitlines() == [
        "note: with other spellings: برونسون (3 articles), برنسون (2 articles)"
    ]
    assert len(wide.stdout.splitlines()) == 8
    table = runner.invoke(app, ["search", "برونسون", "--db", str(db), "--limit", "1"])
    assert "1 of 3 matching articles" in table.stdout
    assert "تشرين الأول/أكتوبر" in table.stdout  # each day as an Arabic reader reads it
    assert table.stderr.splitlines()[-1] == (
        "note: 1 of 3 matching articles shown; --limit to see more"
    )


def test_timeline_applies_them_too(db: Path) -> None:
    args = ["timeline", "برانسون", "--db", str(db), "--format", "json", "--variants"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert '"query": "برانسون | برونسون | برنسون"' in result.stdout
    assert '"articles": 8' in result.stdout


def test_the_python_api_applies_them_on_request(db: Path) -> None:
    from mahattat.timelines import collect, summarize

    with Store(db) as store:
        plain = collect(store, "برانسون")
        wide = collect(store, "برانسون", variants=True)
        tl = summarize(store, "برانسون", variants=True, method="busiest-days")
    assert (plain.query, plain.matching, plain.variants) == ("برانسون", 3, ())
    assert wide.query == tl.query == "برانسون | برونسون | برنسون"
    assert wide.matching == tl.articles == 8
    assert [v.term for v in wide.variants] == ["برونسون", "برنسون"]
