"""Timeline ROUGE (mahattat.eval.tls) on tiny timelines whose scores we work out by hand.

Sentences are our own. Unless a test says otherwise the words carry no prefix and are
not stopwords, so each word is one token: "سقط مطر غزير" -> [سقط, مطر, غزير].
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from pytest import approx

from mahattat.eval.tls import (
    PRF,
    Timeline,
    agreement,
    align,
    align_m1,
    concat,
    date_f1,
    evaluate,
    light_stem,
    load,
    main,
    parse,
    render,
    summaries,
    tokenize,
)

D0 = date(2018, 10, 1)


def day(k: int) -> date:
    return D0 + timedelta(days=k)


def tl(**days: str | list[str]) -> Timeline:
    """``tl(d1="...", d3=["...", "..."])``: day k -> its sentences."""
    return Timeline.of({day(int(k[1:])): [v] if isinstance(v, str) else v for k, v in days.items()})


HEAVY = "سقط مطر غزير"  # rain fell heavily
LIGHT = "سقط مطر خفيف"  # rain fell lightly
BRIDGE = "انهار جسر قديم"  # an old bridge collapsed


def prf(x: PRF) -> tuple[float, float, float]:
    return (x.p, x.r, x.f1)


# ---------------------------------------------------------------- normalization


def test_alef_ta_marbuta_and_diacritics_fold() -> None:
    assert tokenize("أعلن") == tokenize("اعلن") == tokenize("إعلن") == tokenize("آعلن")
    assert tokenize("مدرسة") == tokenize("مدرسه") == tokenize("مَدْرَسَةٌ") == ["مدرسه"]
    assert tokenize("مشى") == tokenize("مشي")


def test_tokens_are_arabic_latin_digit_runs() -> None:
    # Punctuation splits; Arabic-Indic digits become ASCII; Latin is lowercased.
    assert tokenize("قمة «G20»، عام ٢٠١٨.") == ["قمه", "g", "20", "عام", "2018"]


def test_light_stem_strips_waw_and_article() -> None:
    forms = ["حكومة", "الحكومة", "والحكومة", "للحكومة", "بالحكومة", "وحكومة"]
    assert {tuple(tokenize(f)) for f in forms} == {("حكومه",)}
    assert len({tuple(tokenize(f, stem=False)) for f in forms}) == len(forms)


def test_light_stem_leaves_short_words() -> None:
    assert light_stem("وفد") == "وفد"  # و only when 3+ letters remain
    assert light_stem("الي") == "الي"  # folded إلى: article only when 2+ letters remain
    assert light_stem("وصلت") == "صلت"  # a root و goes too, on both sides alike


def test_stopwords_dropped_by_default_as_in_tilse() -> None:
    assert tokenize("وصل الوفد إلى القاهرة في الصباح") == ["وصل", "وفد", "قاهره", "صباح"]
    assert tokenize("وفي المدينة") == ["مدينه"]  # stopword behind a conjunction
    # Kept, "وفي" stays whole: و comes off only when 3+ letters remain.
    assert tokenize("وفي المدينة", ignore_stopwords=False) == ["وفي", "مدينه"]
    kept = tokenize("إلى القاهرة", stem=False, ignore_stopwords=False)
    assert kept == ["الي", "القاهره"]


def test_normalization_makes_spellings_match_in_rouge() -> None:
    # Prediction spelled with bare alef, ha and a conjunction; reference with hamza,
    # ta marbuta, article: every token matches after folding and stemming.
    pred = tl(d1="اعلنت الحكومه خطه جديده")
    gold = tl(d1="وأعلنت حكومةٌ الخطة الجديدة")
    assert prf(concat(pred, gold)) == approx((1, 1, 1))
    # Without stemming: اعلنت/واعلنت, الحكومه/حكومه, خطه/الخطه, جديده/الجديده all differ.
    assert prf(concat(pred, gold, stem=False)) == approx((0, 0, 0))


# ---------------------------------------------------------------- metrics


def test_two_one_day_timelines_share_two_of_three_words() -> None:
    pred, gold = tl(d1=HEAVY), tl(d1=LIGHT)
    # Unigrams: سقط, مطر hit; غزير does not -> 2/3 both ways.
    # Bigrams: (سقط مطر) hits, (مطر غزير) does not -> 1/2 both ways.
    # Same day, so agreement and align+ m:1 (weight 1) agree with concat.
    for metric in (concat, agreement, align_m1):
        assert prf(metric(pred, gold, 1)) == approx((2 / 3, 2 / 3, 2 / 3))
        assert prf(metric(pred, gold, 2)) == approx((1 / 2, 1 / 2, 1 / 2))
    assert prf(date_f1(pred, gold)) == approx((1, 1, 1))


def test_date_off_by_one_day_gets_half_weight() -> None:
    pred, gold = tl(d2=HEAVY), tl(d1=HEAVY)
    assert prf(concat(pred, gold)) == approx((1, 1, 1))  # dates do not matter
    assert prf(agreement(pred, gold)) == approx((0, 0, 0))  # no shared day
    # The only pair (d2, d1) is 1 day apart: weight 1/(1+1). R1 hits 3 * 1/2 over 3;
    # R2 hits 2 * 1/2 over 2.
    assert prf(align_m1(pred, gold, 1)) == approx((0.5, 0.5, 0.5))
    assert prf(align_m1(pred, gold, 2)) == approx((0.5, 0.5, 0.5))
    assert prf(date_f1(pred, gold)) == approx((0, 0, 0))


def test_predicted_day_without_reference_day() -> None:
    pred = tl(d1=HEAVY, d11=BRIDGE)
    gold = tl(d1=HEAVY)
    # Precision: d1 -> d1 (cost 0), 3 hits; d11 -> d1 (the only choice), no hits.
    # P = 3 / 6. Recall: d1 -> d1 (cost 0 beats (1 - 1/11) * 1), R = 3 / 3.
    f1 = 2 * 0.5 * 1 / 1.5
    assert prf(align_m1(pred, gold)) == approx((0.5, 1, f1))
    assert prf(agreement(pred, gold)) == approx((0.5, 1, f1))
    assert prf(date_f1(pred, gold)) == approx((0.5, 1, f1))
    assert align(pred, gold).precision == {day(1): day(1), day(11): day(1)}


def test_content_decides_between_equally_distant_days() -> None:
    pred = tl(d2=BRIDGE)
    gold = tl(d1=HEAVY, d3=BRIDGE)
    # d2 -> d1: (1 - 1/2) * (1 - 0) = 0.5; d2 -> d3: (1 - 1/2) * (1 - 1) = 0 -> d3.
    # Recall side is many-to-one: both reference days take the only predicted day.
    al = align(pred, gold)
    assert al.precision == {day(2): day(3)}
    assert al.recall == {day(1): day(2), day(3): day(2)}
    # P = 3 * 1/2 / 3. R = (0 + 3 * 1/2) / (3 + 3). F1 = 2 * .5 * .25 / .75.
    assert prf(align_m1(pred, gold)) == approx((0.5, 0.25, 1 / 3))


def test_cost_multiplies_date_and_content_terms() -> None:
    pred = tl(d10=HEAVY)
    gold = tl(d9="سقط مطر", d12="سقط مطر غزير جدا")
    # d9: content F1 of (P 2/3, R 1) = 0.8; cost (1 - 1/2) * 0.2 = 0.1.
    # d12: content F1 of (P 1, R 3/4) = 6/7; cost (1 - 1/3) * (1/7) = 0.095 -> wins.
    assert align(pred, gold).precision == {day(10): day(12)}
    # P = 3 hits * 1/3 / 3 = 1/3. Recall: d9 <- d10 gives 2 * 1/2 over 2, d12 <- d10
    # gives 3 * 1/3 over 4: R = (1 + 1) / 6 = 1/3.
    assert prf(align_m1(pred, gold)) == approx((1 / 3, 1 / 3, 1 / 3))


def test_ties_go_to_the_earliest_day() -> None:
    # Same text on d1 and d3: both cost 0 from d2 (content term 0) -> d1, like argmin.
    assert align(tl(d2=HEAVY), tl(d1=HEAVY, d3=HEAVY)).precision == {day(2): day(1)}


def test_bigrams_span_sentences_of_one_day() -> None:
    # As in tilse, a day's sentences form one token sequence: (مطر غزير) crosses them.
    pred = tl(d1=["سقط مطر", "غزير"])
    assert prf(concat(pred, tl(d1=HEAVY), 2)) == approx((1, 1, 1))


def test_identical_timelines_score_one_everywhere() -> None:
    t = tl(d1=["وصل الوفد إلى القاهرة.", "بدأت المحادثات مساءً."], d4=BRIDGE, d9=HEAVY)
    result = evaluate(t, t)
    for name in ("concat", "agreement", "align_m1"):
        for n in ("rouge1", "rouge2"):
            assert result[name][n] == approx({"p": 1, "r": 1, "f1": 1})
    assert result["date"] == approx({"p": 1, "r": 1, "f1": 1})


def test_empty_prediction_scores_zero() -> None:
    zero = {"p": 0, "r": 0, "f1": 0}
    gold = tl(d1=HEAVY, d2=BRIDGE)
    for pred, ref in ((Timeline.of({}), gold), (gold, Timeline.of({}))):
        result = evaluate(pred, ref)
        for name in ("concat", "agreement", "align_m1"):
            assert result[name] == {"rouge1": zero, "rouge2": zero}
        assert result["date"] == zero


def test_several_references_sum_counts() -> None:
    pred = tl(d1=HEAVY)
    # concat: hits 3 + 2 = 5; predicted total 2 refs * 3; reference total 3 + 3.
    assert prf(concat(pred, [tl(d1=HEAVY), tl(d1=LIGHT)])) == approx((5 / 6, 5 / 6, 5 / 6))
    # agreement: d1 has 3 hits over 2 * 3 predicted, 3 reference; d2 (second reference
    # only) adds 3 to the reference total. Dates are the union {d1, d2}.
    refs = [tl(d1=HEAVY), tl(d2=BRIDGE)]
    assert prf(agreement(pred, refs)) == approx((0.5, 0.5, 0.5))
    assert prf(date_f1(pred, refs)) == approx((1, 0.5, 2 / 3))


def test_evaluate_shape_and_render() -> None:
    result = evaluate(tl(d1=HEAVY), tl(d1=LIGHT))
    assert set(result) == {"concat", "agreement", "align_m1", "date"}
    assert set(result["align_m1"]) == {"rouge1", "rouge2"}
    assert set(result["date"]) == {"p", "r", "f1"}
    table = render(result)
    lines = table.splitlines()
    assert lines[2].split() == ["concat", *["0.6667"] * 3, *["0.5000"] * 3]
    assert lines[-1].split() == ["date", "1.0000", "1.0000", "1.0000"]


# ---------------------------------------------------------------- loading


def write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def test_load_wrapped_items_share_dates_and_keep_coarse_ones_out_of_rouge(tmp_path: Path) -> None:
    items = [
        {"date": "2018-10-02", "text": HEAVY, "sources": ["a"]},
        {"date": "2018-10-02", "text": BRIDGE},
        {"date": "2018-10", "text": "شهر كامل"},  # a month: a date, but no day for ROUGE
        {"date": None, "text": "بلا تاريخ"},
        {"date": "2018-10-05T10:30", "text": "ساعة"},  # a time: skipped
        {"date": "2018-10-05", "text": LIGHT},
    ]
    t = load(write(tmp_path / "p.json", {"timeline": items}))
    assert summaries(t) == {date(2018, 10, 2): (HEAVY, BRIDGE), date(2018, 10, 5): (LIGHT,)}
    assert t.dates == ("2018-10", "2018-10-02", "2018-10-05")
    assert parse(items) == t  # bare list


def test_milestone_dates_match_at_their_grain_and_mods_are_not_compared() -> None:
    gold = parse([
        {"date": "2003", "text": "غزو"},
        {"date": "2011-12", "mod": "END", "text": "انسحاب"},
        {"date": "2014-06-10", "text": "سقوط الموصل"},
        {"date": "2017", "mod": "END", "text": "النصر"},
    ])  # fmt: skip
    pred = parse([
        {"date": "2003", "text": "الغزو"},  # exact
        {"date": "2011-12", "text": "الانسحاب"},  # same value, no mod: a hit
        {"date": "2014-06", "text": "الموصل"},  # the month of a gold day: a miss
        {"date": "2017-12-09", "text": "النصر"},  # a day of a gold year: a miss
    ])  # fmt: skip
    assert gold.entries[1].mod == "END"
    assert date_f1(pred, gold) == approx(PRF(0.5, 0.5, 0.5))
    assert evaluate(pred, gold)["date"] == approx({"p": 0.5, "r": 0.5, "f1": 0.5})


def test_concat_reads_the_entries_of_a_year_or_month_too() -> None:
    gold = parse([{"date": "2003", "text": HEAVY}, {"date": "2011-12", "text": LIGHT}])
    pred = parse([{"date": "2003", "text": HEAVY}, {"date": "2011-12-18", "text": LIGHT}])
    assert concat(pred, gold) == approx(PRF(1.0, 1.0, 1.0))
    assert evaluate(pred, gold)["concat"]["rouge1"]["f1"] == approx(1.0)
    assert evaluate(pred, gold)["agreement"]["rouge1"]["f1"] == 0.0  # days only


def test_load_rejects_bad_input(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no item with a date"):
        load(write(tmp_path / "a.json", [{"date": "PRESENT_REF", "text": HEAVY}]))
    with pytest.raises(ValueError, match="no such day"):
        parse([{"date": "2018-13", "text": HEAVY}])
    with pytest.raises(ValueError, match="no such day"):
        parse([{"date": "2018-02-30", "text": HEAVY}])
    with pytest.raises(ValueError, match="text"):
        parse([{"date": "2018-02-03"}])
    with pytest.raises(ValueError):
        parse({"items": []})


# ---------------------------------------------------------------- CLI


def test_main_prints_table_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pred = write(tmp_path / "p.json", {"timeline": [{"date": "2018-10-01", "text": HEAVY}]})
    gold = write(tmp_path / "g.json", [{"date": "2018-10-02", "text": HEAVY}])
    assert main([str(pred), str(gold)]) == 0
    assert "align_m1" in capsys.readouterr().out
    assert main([str(pred), str(gold), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["align_m1"]["rouge1"] == approx({"p": 0.5, "r": 0.5, "f1": 0.5})


@pytest.mark.parametrize("content", [None, "{not json", json.dumps([{"date": "2018"}])])
def test_main_errors_exit_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None
) -> None:
    gold = write(tmp_path / "g.json", [{"date": "2018-10-02", "text": HEAVY}])
    pred = tmp_path / "p.json"
    if content is not None:
        pred.write_text(content, "utf-8")
    assert main([str(pred), str(gold)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("tls: ") and err.count("\n") == 1 and "Traceback" not in err


def test_module_entry_point(tmp_path: Path) -> None:
    gold = write(tmp_path / "g.json", [{"date": "2018-10-02", "text": HEAVY}])
    run = subprocess.run(
        [sys.executable, "-m", "mahattat.eval.tls", str(tmp_path / "none.json"), str(gold)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2 and "Traceback" not in run.stderr


def test_parse_reads_the_timeline_command_shape() -> None:
    data = {
        "query": "x",
        "entries": [
            {"date": "2018-10-02", "mod": None, "items": [{"text": "أ", "doc_id": "d1"}]},
            {"date": "2018-10", "mod": None, "items": [{"text": "ب", "doc_id": "d2"}]},
        ],
    }
    assert tuple(summaries(parse(data))) == (date(2018, 10, 2),)
    assert parse(data).dates == ("2018-10", "2018-10-02")
