"""`mahattat eval timex` on small gold files of our own, in both gold shapes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest import approx
from typer.testing import CliRunner

from mahattat.cli import app

TEXT = "وصل الوفد إلى القاهرة في 3 مايو 2019 وغادر بعد يومين، على أن يعود في نهاية العام."
DATE = TEXT.index("3 مايو 2019")
DAYS = TEXT.index("يومين")
END = TEXT.index("نهاية العام")
GOLD = [
    {"start": DATE, "end": DATE + 11, "text": "3 مايو 2019", "type": "DATE", "value": "2019-05-03"},
    {"start": DAYS, "end": DAYS + 5, "text": "يومين", "type": "DURATION", "value": "P2D"},
    {
        "start": END,
        "end": END + 11,
        "text": "نهاية العام",
        "type": "DATE",
        "value": "2019",
        "mod": "END",
    },
]
# One exact hit, one partial hit with the mod missing, the duration missed, one spurious.
PRED = [
    {
        "id": "t1",
        "start": DATE,
        "end": DATE + 11,
        "text": "3 مايو 2019",
        "type": "DATE",
        "value": "2019-05-03",
        "mod": None,
        "anchor": None,
    },
    {
        "id": "t2",
        "start": END + 6,
        "end": END + 11,
        "text": "العام",
        "type": "DATE",
        "value": "2019",
        "mod": None,
        "anchor": "t1",
    },
    {
        "id": "t3",
        "start": 0,
        "end": 3,
        "text": "وصل",
        "type": "DATE",
        "value": "2019",
        "mod": None,
        "anchor": None,
    },
]

runner = CliRunner()


def write(path: Path, data: object, lines: bool = False) -> Path:
    items = data if lines else [data]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in items), "utf-8")
    return path


def check_scores(report: dict) -> None:
    assert report["counts"] == {
        "gold": 3,
        "pred": 3,
        "relaxed": 2,
        "strict": 1,
        "value": 1,
        "type": 2,
    }
    assert report["relaxed"]["f1"] == approx(2 / 3)
    assert report["strict"]["f1"] == approx(1 / 3)
    assert report["value"]["f1"] == approx(1 / 3)
    assert report["value_accuracy"] == approx(0.5)
    assert sorted(e["kind"] for e in report["errors"]) == ["missed", "spurious", "wrong value"]


def test_annotated_document_with_predictions(tmp_path: Path) -> None:
    (tmp_path / "trip.txt").write_text(TEXT, encoding="utf-8")
    gold = write(
        tmp_path / "trip.gold.json",
        {"document": "trip.txt", "publication_date": "2019-05-10", "timexes": GOLD},
    )
    pred = tmp_path / "pred.json"  # `extract --format json` output, pretty-printed, no id
    pred.write_text(
        json.dumps(
            {"id": None, "published": "2019-05-10", "timexes": PRED}, ensure_ascii=False, indent=2
        ),
        "utf-8",
    )
    result = runner.invoke(app, ["eval", "timex", str(gold), "--pred", str(pred), "--json"])
    assert result.exit_code == 0, result.stderr
    check_scores(json.loads(result.stdout))

    table = runner.invoke(app, ["eval", "timex", str(gold), "--pred", str(pred)])
    assert table.exit_code == 0
    assert "relaxed span" in table.stdout and "0.667" in table.stdout
    assert "missed" in table.stdout and "يومين" in table.stdout
    assert "wrong value" in table.stdout and "spurious" in table.stdout


def test_jsonl_gold_matches_predictions_by_id(tmp_path: Path) -> None:
    gold = write(
        tmp_path / "gold.jsonl",
        [
            {"id": "n1", "dct": "2019-05-10", "timexes": GOLD},
            {"id": "n2", "dct": "2019-05-10", "timexes": GOLD[:1]},
        ],
        lines=True,
    )
    pred = write(
        tmp_path / "pred.jsonl",
        [
            {"id": "n1", "published": "2019-05-10", "timexes": PRED},
            {"id": "zz", "published": "2019-05-10", "timexes": []},
        ],
        lines=True,
    )
    result = runner.invoke(app, ["eval", "timex", str(gold), "--pred", str(pred), "--json"])
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["documents"] == 2
    assert report["counts"]["gold"] == 4 and report["counts"]["relaxed"] == 2
    assert "no prediction for document n2" in result.stderr
    assert "zz has no gold" in result.stderr


def test_without_predictions_runs_the_tagger(tmp_path: Path) -> None:
    gold = write(
        tmp_path / "gold.jsonl", [{"id": "n1", "dct": "2019-05-10", "timexes": GOLD}], lines=True
    )
    docs = write(tmp_path / "docs.jsonl", [{"id": "n1", "text": TEXT}], lines=True)
    result = runner.invoke(app, ["eval", "timex", str(gold), "--docs", str(docs), "--json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["counts"]["gold"] == 3 and report["counts"]["pred"] >= 1

    no_docs = runner.invoke(app, ["eval", "timex", str(gold)])
    assert no_docs.exit_code == 1
    assert no_docs.stderr.strip().splitlines() == [
        "error: no text for gold document n1 (looked in --docs)"
    ]


def test_bad_gold_is_one_line(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["eval", "timex", str(tmp_path / "none.json")])
    assert missing.exit_code == 1 and missing.stderr.startswith("error: ")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "timexes": []}\n{oops\n', "utf-8")
    result = runner.invoke(app, ["eval", "timex", str(bad)])
    assert result.exit_code == 1
    assert result.stderr.strip().startswith(f"error: {bad} line 2: not valid JSON")


def test_a_tagger_failure_is_reported_and_scored_as_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mahattat.pipeline

    def broken(*args: object, **kw: object):
        raise RuntimeError("boom")

    monkeypatch.setattr(mahattat.pipeline, "extract", broken)
    gold = write(
        tmp_path / "gold.jsonl", [{"id": "n1", "dct": "2019-05-10", "timexes": GOLD}], lines=True
    )
    docs = write(tmp_path / "docs.jsonl", [{"id": "n1", "text": TEXT}], lines=True)
    result = runner.invoke(app, ["eval", "timex", str(gold), "--docs", str(docs), "--json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["counts"]["pred"] == 0
    assert result.stderr.strip() == "error: tagging failed on n1 (RuntimeError: boom)"
