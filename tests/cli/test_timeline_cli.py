"""`mahattat timeline` and `mahattat eval tls` options: methods, bounds, the date range and
a query that looks like an option. (Timelines on a real store: tests/timelines.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mahattat.cli import MAX_DATES, MAX_PER_DATE, TIMELINE_METHODS, app

runner = CliRunner()
# a BOM (Excel reads UTF-8), the editor's columns, then the machine's
CSV_HEADER = (
    "\ufeffdate,date_ar,text,outlet,title,url,also_outlets,"
    "score,doc_id,source,published,start,end,also,mod,articles,outlets,doc_ids"
)


def run(*args: str):
    return runner.invoke(app, list(args))


def one_error(result, says: str) -> None:
    """Exit 2 (a bad option), one `error:` line naming it, nothing on stdout."""
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stderr.strip().splitlines() == [f"error: {says}"]
    assert result.stdout == ""


@pytest.fixture
def db(tmp_path: Path) -> str:
    from mahattat.store import Store

    path = tmp_path / "empty.db"
    Store(path, write=True).close()  # a store with nothing in it yet
    return str(path)


def test_the_help_names_every_method() -> None:
    from mahattat.cli import MILESTONE_METHODS
    from mahattat.timelines import DEFAULT_METHOD, METHODS
    from mahattat.timelines import MILESTONE_METHODS as MILESTONES

    assert (*METHODS, *MILESTONES) == TIMELINE_METHODS
    assert tuple(MILESTONES) == MILESTONE_METHODS
    assert TIMELINE_METHODS[0] == DEFAULT_METHOD == "datewise"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--dates", "201"), "--dates takes 1 to 200"),
        (("--dates", "1000", "--per-date", "50"), "--dates takes 1 to 200"),
        (("--dates", "0"), "--dates takes 1 to 200"),
        (("--per-date", "21"), "--per-date takes 1 to 20"),
        (("--per-date", "0"), "--per-date takes 1 to 20"),
        (
            ("--method", "clust"),
            "unknown --method 'clust' (choose datewise, busiest-days, milestones, cite-count)",
        ),
        (
            ("--milestones", "--method", "datewise"),
            "--milestones takes --method milestones or cite-count, not datewise",
        ),
        (
            ("--from", "2003-13"),
            "--from: not a year, month or day: '2003-13'"
            " (expected e.g. 2003, 2003-03 or 2003-03-20)",
        ),
        (("--from", "2011", "--to", "2003-05"), "--from 2011 is after --to 2003-05"),
    ],
)
def test_bad_options_are_one_line_errors(db: str, args: tuple[str, ...], says: str) -> None:
    one_error(run("timeline", "ميناء", "--db", db, *args), says)


def test_the_bounds_themselves_are_allowed(db: str) -> None:
    assert (MAX_DATES, MAX_PER_DATE) == (200, 20)
    result = run("timeline", "ميناء", "--db", db, "--dates", "200", "--per-date", "20")
    assert result.exit_code == 0, result.stderr


def test_a_reversed_range_names_both_options(db: str) -> None:
    result = run("timeline", "ميناء", "--db", db, "--from", "2019-03-10", "--to", "2019-03-01")
    one_error(result, "--from 2019-03-10 is after --to 2019-03-01")


def test_a_one_day_range_is_fine(db: str) -> None:
    result = run("timeline", "ميناء", "--db", db, "--from", "2019-03-10", "--to", "2019-03-10")
    assert result.exit_code == 0, result.stderr


def test_a_query_starting_with_a_dash_after_double_dash(db: str) -> None:
    result = run("timeline", "--db", db, "--format", "json", "--", "ميناء -حيفا")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.strip() == f"note: no dated sentence matches 'ميناء -حيفا' in {db}"
    assert '"query": "ميناء -حيفا"' in result.stdout
    one_error(
        run("timeline", "--db", db, "--", "-ميناء"),
        "the query '-ميناء' only excludes: add a word to find",
    )


@pytest.mark.parametrize("command", ["timeline", "search"])
@pytest.mark.parametrize(
    ("query", "says"),
    [
        ('"ميناء', "unbalanced quote \" in the query '\"ميناء'"),
        ("", "the query is empty"),
        ("؟!", "the query '؟!' has no word to find"),
    ],
)
def test_a_bad_query_is_one_line_error(db: str, command: str, query: str, says: str) -> None:
    one_error(run(command, "--db", db, "--", query), says)


def test_max_articles_is_zero_or_more(db: str) -> None:
    one_error(run("timeline", "ميناء", "--db", db, "--max-articles", "-1"),
              "--max-articles takes 0 (all) or more")  # fmt: skip


@pytest.mark.parametrize("method", TIMELINE_METHODS)
def test_every_method_runs_from_the_command_line(db: str, method: str) -> None:
    result = run("timeline", "ميناء", "--db", db, "--method", method, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == CSV_HEADER


def test_eval_tls_scores_a_timeline_file(tmp_path: Path) -> None:
    pred, gold = tmp_path / "pred.json", tmp_path / "gold.json"
    day = [{"date": "2018-10-01", "items": [{"text": "سقط مطر غزير", "doc_id": "a"}]}]
    pred.write_text(json.dumps({"query": "مطر", "entries": day}), "utf-8")
    gold.write_text(json.dumps([{"date": "2018-10-01", "text": "سقط مطر خفيف"}]), "utf-8")
    result = run("eval", "tls", str(pred), str(gold), "--json")
    assert result.exit_code == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["concat"]["rouge1"]["f1"] == pytest.approx(2 / 3)
    assert scores["date"] == {"p": 1.0, "r": 1.0, "f1": 1.0}
