"""``mahattat serve``: its options checked before anything starts, FastAPI loaded by this
command only, and the real server answering on 127.0.0.1."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mahattat.cli import app

runner = CliRunner()


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--port", "0"], "--port"),
        (["--port", "70000"], "--port"),
        (["--time-limit", "0"], "--time-limit"),
        (["--max-body-mb", "-1"], "--max-body-mb"),
        (["--cors-origin", "https://ok.example/path"], "--cors-origin"),
        (["--cors-origin", "*"], "--cors-origin"),
    ],
)
def test_a_bad_option_is_one_line_and_exit_2(args: list[str], says: str) -> None:
    result = runner.invoke(app, ["serve", *args])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {says}") and result.stderr.count("\n") == 1


def test_another_programs_database_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE notes (body TEXT)")
    db.commit()
    db.close()
    before = path.read_bytes()
    result = runner.invoke(app, ["serve", "--db", str(path)])
    assert result.exit_code == 1
    assert "not a mahattat store" in result.stderr and "Traceback" not in result.stderr
    assert path.read_bytes() == before


def test_a_port_in_use_is_one_line(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        result = runner.invoke(app, ["serve", "--db", str(tmp_path / "x.db"), "--port", port])
    assert result.exit_code == 1
    assert (
        result.stderr.splitlines()[-1] == f"error: cannot listen on 127.0.0.1:{port}: "
        "Address already in use"
    )


def test_other_commands_do_not_load_the_server() -> None:
    code = "import sys, mahattat.cli; print(sorted({'fastapi', 'uvicorn'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "[]"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_the_real_server_answers_on_localhost(store_path: Path) -> None:
    port = _free_port()
    cmd = [sys.executable, "-c", "from mahattat.cli import app; app()", "serve",
           "--db", str(store_path), "--port", str(port)]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        status = None
        for _ in range(100):  # up to 20 s to start
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status") as r:
                    status = json.loads(r.read())
                break
            except OSError:
                time.sleep(0.2)
        assert status is not None and status["articles"] == 6
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert b"Traceback" not in err
