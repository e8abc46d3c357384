"""TempEval-3 style timex scores on tiny hand-computed cases."""

from __future__ import annotations

from pytest import approx

from mahattat.eval.timex import Counts, match, metrics, prf, score_corpus, score_doc


def tx(start: int, end: int, value: str, type: str = "DATE", mod: str | None = None) -> dict:
    return {
        "start": start,
        "end": end,
        "text": "x" * (end - start),
        "type": type,
        "value": value,
        "mod": mod,
    }


GOLD = [tx(0, 5, "2020"), tx(10, 15, "2021-03", mod="END"), tx(20, 25, "P3Y", "DURATION")]
PRED = [tx(0, 5, "2020"), tx(11, 15, "2021-03"), tx(30, 35, "2019")]


def test_mixed_document() -> None:
    # exact hit; partial hit with the gold's mod missing; a missed gold; a spurious pred
    score = score_doc(GOLD, PRED, "d")
    assert score.counts == Counts(gold=3, pred=3, relaxed=2, strict=1, value=1, type=2)
    m = metrics(score.counts)
    assert m["strict"] == approx({"precision": 1 / 3, "recall": 1 / 3, "f1": 1 / 3})
    assert m["relaxed"] == approx({"precision": 2 / 3, "recall": 2 / 3, "f1": 2 / 3})
    assert m["value"] == approx({"precision": 1 / 3, "recall": 1 / 3, "f1": 1 / 3})
    assert m["value_accuracy"] == approx(0.5)
    assert m["type_accuracy"] == approx(1.0)
    kinds = [(e.kind, (e.gold or e.pred)["start"]) for e in score.errors]
    assert kinds == [("wrong value", 10), ("missed", 20), ("spurious", 30)]
    assert all(e.doc == "d" for e in score.errors)


def test_unequal_precision_and_recall() -> None:
    # 2 gold, 4 pred, 2 relaxed hits of which 1 exact: P = 2/4, R = 2/2
    gold = [tx(0, 4, "2020"), tx(10, 14, "2021")]
    pred = [tx(0, 4, "2020"), tx(9, 14, "2021"), tx(20, 22, "2022"), tx(30, 32, "2023")]
    m = metrics(score_doc(gold, pred).counts)
    assert m["relaxed"] == approx({"precision": 0.5, "recall": 1.0, "f1": 2 / 3})
    assert m["strict"] == approx({"precision": 0.25, "recall": 0.5, "f1": 1 / 3})
    assert m["value"]["f1"] == approx(2 / 3)


def test_largest_overlap_wins_and_matching_is_one_to_one() -> None:
    gold = [tx(0, 10, "a"), tx(8, 12, "b")]
    pred = [tx(0, 4, "a"), tx(3, 10, "a")]  # overlaps 4 and 7 with the first gold
    assert match(gold, pred) == [(0, 1)]  # the second gold's only overlap is taken
    counts = score_doc(gold, pred).counts
    assert (counts.relaxed, counts.strict) == (1, 0)


def test_exact_span_wins_a_tie() -> None:
    gold = [tx(5, 10, "a")]
    pred = [tx(0, 12, "b"), tx(5, 10, "a")]  # both overlap by 5
    assert match(gold, pred) == [(0, 1)]
    assert score_doc(gold, pred).counts.strict == 1


def test_touching_spans_do_not_overlap() -> None:
    assert match([tx(0, 5, "a")], [tx(5, 9, "a")]) == []


def test_mod_counts_only_when_the_gold_has_one() -> None:
    gold = [tx(0, 5, "2004-04")]
    assert score_doc(gold, [tx(0, 5, "2004-04", mod="END")]).counts.value == 1
    gold_end = [tx(0, 5, "2004-04", mod="END")]
    assert score_doc(gold_end, [tx(0, 5, "2004-04", mod="START")]).counts.value == 0


def test_wrong_type_is_an_error_of_its_own() -> None:
    score = score_doc([tx(0, 5, "P3Y", "DURATION")], [tx(0, 5, "P3Y", "DATE")])
    assert [e.kind for e in score.errors] == ["wrong type"]
    assert metrics(score.counts)["type_accuracy"] == 0.0
    assert metrics(score.counts)["value_accuracy"] == 1.0


def test_empty_sides_give_zero_not_an_error() -> None:
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)
    only_pred = score_doc([], [tx(0, 2, "a")])
    assert metrics(only_pred.counts)["relaxed"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert [e.kind for e in only_pred.errors] == ["spurious"]


def test_corpus_is_micro_averaged() -> None:
    # doc a: 1 gold found; doc b: 3 gold, none found -> recall 1/4, not the mean of 1 and 0
    score = score_corpus(
        [
            ("a", [tx(0, 4, "2020")], [tx(0, 4, "2020")]),
            ("b", [tx(0, 4, "2020"), tx(5, 9, "2021"), tx(10, 14, "2022")], []),
        ]
    )
    assert score.counts == Counts(gold=4, pred=1, relaxed=1, strict=1, value=1, type=1)
    assert metrics(score.counts)["relaxed"] == approx({"precision": 1.0, "recall": 0.25, "f1": 0.4})
    assert [e.doc for e in score.errors] == ["b", "b", "b"]
