"""``--jobs``: a JSONL batch tagged by several processes gives the same lines, in order."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

MAHATTAT = Path(sys.executable).parent / "mahattat"

LINES = [
    {"id": "a", "text": "وصل الوفد أمس الثلاثاء إلى عمّان.", "published": "2021-01-06"},
    {"id": "b", "text": "تُفتتح الدورة في 3 مايو 2022 وتستمر عشرة أيام."},
    "this line is not JSON",
    {"id": "d", "text": "أُعلنت النتائج نهاية عام 2019.", "published": "2020-02-01"},
] * 10


def _run(path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(MAHATTAT), "extract", str(path), "--jsonl", "--published", "2022-01-01", *extra],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_jobs_keep_order_and_report_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(
        "\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in LINES),
        encoding="utf-8",
    )
    one, two = _run(path), _run(path, "--jobs", "2")
    assert one.stdout == two.stdout
    ids = [json.loads(x)["id"] for x in two.stdout.splitlines()]
    assert ids == ["a", "b", "d"] * 10
    first = json.loads(two.stdout.splitlines()[0])
    assert [(t["text"], t["value"]) for t in first["timexes"]] == [("أمس الثلاثاء", "2021-01-05")]
    assert two.returncode == 1  # bad lines were reported, counted, and the rest written
    assert f"error: {path}:3: invalid JSON" in two.stderr.splitlines()
    assert "10 of 40 lines" in two.stderr and "Traceback" not in two.stderr


def test_negative_jobs_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps(LINES[0], ensure_ascii=False), encoding="utf-8")
    result = _run(path, "--jobs", "-1")
    assert result.returncode == 2 and "--jobs" in result.stderr
