"""Start-up: the writers and ``mahattat --help`` import no pipeline stage and no rich (the
table writer and the progress bars import rich when they run)."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("rich", "mahattat.time", "mahattat.events", "mahattat.pipeline", "mahattat.store")
HEAVY += ("dask", "distributed", "pyarrow")  # mahattat batch and the Parquet reader only


def loaded_after(code: str) -> list[str]:
    probe = f"import sys\n{code}\nprint('|' + ' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return run.stdout.rpartition("|")[2].split()  # after what --help printed


def test_writer_modules_load_no_pipeline_and_no_rich() -> None:
    code = "import mahattat.io.formats, mahattat.io.chronology, mahattat.io.timeline"
    assert loaded_after(code) == []


@pytest.mark.parametrize("args", [["--help"], ["timeline", "--help"], ["batch", "--help"]])
def test_help_loads_no_pipeline(args: list[str]) -> None:
    code = f"from mahattat.cli import app\ntry:\n    app({args!r})\nexcept SystemExit:\n    pass"
    assert [m for m in loaded_after(code) if m != "rich"] == []  # typer draws help with rich
