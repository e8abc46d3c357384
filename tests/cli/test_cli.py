"""`mahattat extract` end to end: formats, bad input, encodings, JSONL batches."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mahattat.cli import app
from mahattat.io import read

# Our own sentences (not from ../shared): absolute dates, a duration, a relative date.
ARTICLE = (
    "الرياض - أعلنت وزارة الطاقة يوم الأحد 14 مارس 2021 أن مشروع المحطة الشمسية سيكتمل "
    "بحلول نهاية عام 2023، بعد تأخير دام ثلاث سنوات بسبب الجائحة.\n"
    "وكان المشروع قد أطلق في 5 يونيو 2017، وقال مسؤول إن الاختبارات ستبدأ الأسبوع المقبل."
)
PUBLISHED = "2021-03-15"

runner = CliRunner()


def run(*args: str, stdin: bytes | None = None):
    return runner.invoke(app, list(args), input=stdin)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def extract_json(path: Path, *extra: str) -> dict:
    result = run("extract", str(path), "--published", PUBLISHED, *extra)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def assert_one_line_error(result, code: int = 1, says: str = "") -> None:
    """Nonzero exit, one `error:` line on stderr naming the problem, no traceback."""
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert says in lines[0]
    assert "Traceback" not in result.output
    assert result.stdout == ""


# --- formats -------------------------------------------------------------------------


def test_json_offsets_point_into_the_original_text(article: Path) -> None:
    doc = extract_json(article)
    assert doc["published"] == PUBLISHED and doc["id"] is None
    assert {"id", "published", "title", "timexes", "repairs"} <= doc.keys()
    assert doc["timexes"], "the article has several dates"
    for t in doc["timexes"]:
        assert ARTICLE[t["start"] : t["end"]] == t["text"]
    assert "2017-06-05" in {t["value"] for t in doc["timexes"]}


def test_jsonl_is_one_line_with_the_same_content(article: Path) -> None:
    result = run("extract", str(article), "-p", PUBLISHED, "--format", "jsonl", "--id", "x1")
    assert result.exit_code == 0
    assert len(result.stdout.strip().splitlines()) == 1
    assert json.loads(result.stdout) == extract_json(article, "--id", "x1")


def test_timeml_is_xml_that_gives_back_the_text(article: Path) -> None:
    result = run("extract", str(article), "-p", PUBLISHED, "--format", "timeml")
    assert result.exit_code == 0
    root = ET.fromstring(result.stdout.encode("utf-8"))
    dct = root.find("DCT/TIMEX3")
    assert dct is not None and dct.get("value") == PUBLISHED
    assert dct.get("functionInDocument") == "CREATION_TIME"
    text = root.find("TEXT")
    assert text is not None and "".join(text.itertext()) == ARTICLE
    tags = text.findall("TIMEX3")
    timexes = extract_json(article)["timexes"]
    assert [(t.get("tid"), t.text, t.get("value")) for t in tags] == [
        (t["id"], t["text"], t["value"]) for t in timexes
    ]
    for tag, t in zip(tags, timexes, strict=True):
        assert tag.get("mod") == t["mod"]  # absent when None


def test_table_lists_timexes_and_repairs(article: Path) -> None:
    result = run("extract", str(article), "-p", PUBLISHED, "--format", "table")
    assert result.exit_code == 0
    for header in ("id", "text", "type", "value", "mod", "anchor"):
        assert header in result.stdout
    assert "2017-06-05" in result.stdout
    assert result.stdout.rstrip().splitlines()[-1].startswith("repairs")


def test_stdin_and_id(article: Path) -> None:
    result = run("extract", "-", "-p", PUBLISHED, "--id", "doc-7", stdin=ARTICLE.encode())
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["id"] == "doc-7"
    assert doc["timexes"] == extract_json(article)["timexes"]


# --- bad input -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (None, "no such file"),
        (b"", "is empty"),
        (b" \n\t\r\n  ", "only whitespace"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00>\x00" * 40, "binary"),
        (bytes(range(256)) * 4, "binary"),
    ],
    ids=["missing", "empty", "whitespace", "elf", "all-bytes"],
)
def test_unusable_files(tmp_path: Path, content: bytes | None, says: str) -> None:
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    result = run("extract", str(path), "-p", PUBLISHED)
    assert_one_line_error(result, says=says)
    assert "input.txt" in result.stderr


def test_directory(tmp_path: Path) -> None:
    assert_one_line_error(run("extract", str(tmp_path), "-p", PUBLISHED), says="directory")


def test_empty_stdin() -> None:
    assert_one_line_error(run("extract", "-", "-p", PUBLISHED, stdin=b""), says="<stdin>")


def test_too_large(article: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read, "MAX_BYTES", 100)
    assert_one_line_error(run("extract", str(article), "-p", PUBLISHED), says="too large")


@pytest.mark.parametrize("bad", ["2020-13-45", "yesterday", "09/09/2020", ""])
def test_invalid_published(article: Path, bad: str) -> None:
    result = run("extract", str(article), "--published", bad)
    assert_one_line_error(result, code=2, says="--published")


def test_unknown_format(article: Path) -> None:
    result = run("extract", str(article), "-p", PUBLISHED, "--format", "xml")
    assert_one_line_error(result, code=2, says="json, jsonl, timeml, table")


def test_missing_published_falls_back_to_today(article: Path) -> None:
    result = run("extract", str(article))
    assert result.exit_code == 0
    today = dt.date.today().isoformat()
    assert result.stderr.startswith("warning: ") and today in result.stderr
    assert json.loads(result.stdout)["published"] == today


def test_text_without_arabic_works_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "english.txt"
    path.write_text("The minister spoke on 3 May 2020 in London.", encoding="utf-8")
    result = run("extract", str(path), "-p", PUBLISHED)
    assert result.exit_code == 0
    assert result.stderr.startswith("note: ") and "no Arabic" in result.stderr
    assert isinstance(json.loads(result.stdout)["timexes"], list)


def test_real_process_prints_no_traceback(tmp_path: Path) -> None:
    """The installed entry point, not the test runner, on a binary file."""
    path = tmp_path / "blob.bin"
    path.write_bytes(b"\x00\x01\x02\x03" * 100)
    cmd = [sys.executable, "-c", "from mahattat.cli import app; app()", "extract", str(path)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines()[-1].startswith("error: ")
    assert "Traceback" not in proc.stderr


# --- encodings -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("codec", "name"),
    [
        ("cp1256", "windows-1256"),
        ("utf-16", "UTF-16"),  # with a BOM
        ("utf-16-le", "UTF-16LE"),
        ("utf-16-be", "UTF-16BE"),
    ],
)
def test_other_encodings_give_the_same_timexes(
    tmp_path: Path, article: Path, codec: str, name: str
) -> None:
    path = tmp_path / f"article-{codec}.txt"
    path.write_bytes(ARTICLE.encode(codec))
    result = run("extract", str(path), "-p", PUBLISHED)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.strip() == f"note: decoded {path} as {name}"
    assert json.loads(result.stdout) == extract_json(article)


# --- JSONL ---------------------------------------------------------------------------


def jsonl(*records: object) -> bytes:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    return ("\n".join(lines) + "\n").encode("utf-8")


def test_jsonl_batch(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_bytes(
        jsonl(
            {"id": "a", "text": ARTICLE, "published": PUBLISHED},
            "",  # blank lines hold no record
            {"id": "b", "text": "قال المتحدث أمس إن الجلسة انتهت."},  # takes --published
        )
    )
    result = run("extract", str(path), "--jsonl", "-p", "2020-01-02")
    assert result.exit_code == 0, result.stderr
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(d["id"], d["published"]) for d in docs] == [("a", PUBLISHED), ("b", "2020-01-02")]


def test_jsonl_bad_lines_are_reported_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_bytes(
        jsonl(
            {"id": "a", "text": ARTICLE, "published": PUBLISHED},
            "{not json",
            [1, 2],
            {"id": "c", "text": ""},
            {"id": "d", "text": ARTICLE, "published": "soon"},
            {"id": "e", "title": "no text"},
            {"id": "f", "text": ARTICLE, "published": PUBLISHED},
        )
        + b'{"id": "g", "text": "\xff\xfe"}\n'
    )
    result = run("extract", str(path), "--jsonl")
    assert result.exit_code == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["a", "f"]
    # The lines and reasons of `mahattat ingest` (one reader, io.records): path:line.
    assert result.stderr.splitlines() == [
        f"error: {path}:2: invalid JSON",
        f"error: {path}:3: not a JSON object",
        f"error: {path}:4: no text",
        f"error: {path}:5: bad publication date: soon",
        f"error: {path}:6: no text",
        f"error: {path}:8: not UTF-8",
        f"error: 6 of 8 lines in {path} were not tagged",
    ]


def test_jsonl_records_that_cannot_be_encoded_are_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_bytes(
        jsonl(
            '{"id": "s", "text": "\\ud800 نص", "published": "2021-03-15"}',  # valid JSON
            {"id": "n", "text": "نص\u0000آخر", "published": PUBLISHED},
            json.dumps({"id": "t", "text": ARTICLE, "title": "\udfff", "published": PUBLISHED}),
            {"id": "a", "text": ARTICLE, "published": PUBLISHED},
        )
    )
    result = run("extract", str(path), "--jsonl")
    assert result.exit_code == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["a"]
    assert result.stderr.splitlines() == [  # the reasons of ingest
        f"error: {path}:1: lone surrogate in text",
        f"error: {path}:2: NUL character in text",
        f"error: {path}:3: lone surrogate in title",
        f"error: 3 of 4 lines in {path} were not tagged",
    ]


def test_jsonl_whole_file_problems_are_one_error(tmp_path: Path) -> None:
    missing = tmp_path / "missing.jsonl"
    assert_one_line_error(
        run("extract", str(missing), "--jsonl"), says=f"{missing}: no such file or folder"
    )
    assert_one_line_error(
        run("extract", str(tmp_path), "--jsonl"), says=f"{tmp_path}: a folder, not a JSONL file"
    )


def test_jsonl_from_stdin_and_refusals(tmp_path: Path) -> None:
    record = {"id": 3, "text": ARTICLE, "published": PUBLISHED}
    result = run("extract", "-", "--jsonl", stdin=jsonl(record))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["id"] == "3"

    utf16 = tmp_path / "docs16.jsonl"
    utf16.write_bytes(jsonl(record).decode().encode("utf-16"))
    assert_one_line_error(run("extract", str(utf16), "--jsonl"), says="UTF-8")
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"\n\n")
    assert_one_line_error(run("extract", str(empty), "--jsonl"), says="no JSON lines")
    result = run("extract", str(empty), "--jsonl", "--format", "table")
    assert_one_line_error(result, code=2, says="--jsonl")


def test_jsonl_survives_a_document_the_tagger_breaks_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mahattat.pipeline

    real = mahattat.pipeline.extract

    def flaky(text: str, published: str, **kw: object):
        if "انفجار" in text:
            raise RuntimeError("boom")
        return real(text, published, **kw)

    monkeypatch.setattr(mahattat.pipeline, "extract", flaky)
    path = tmp_path / "docs.jsonl"
    path.write_bytes(
        jsonl(
            {"id": "a", "text": "وقع انفجار أمس.", "published": PUBLISHED},
            {"id": "b", "text": ARTICLE, "published": PUBLISHED},
        )
    )
    result = run("extract", str(path), "--jsonl")
    assert result.exit_code == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["b"]
    assert f"error: {path}:1: tagging failed (RuntimeError: boom)" in result.stderr


def test_the_help_names_every_writer() -> None:
    from mahattat.cli import DOC_FORMATS, TIMELINE_FORMATS
    from mahattat.io.formats import WRITERS
    from mahattat.io.timeline import WRITERS as TIMELINE_WRITERS

    assert set(DOC_FORMATS) == set(WRITERS)
    assert set(TIMELINE_FORMATS) == set(TIMELINE_WRITERS)
