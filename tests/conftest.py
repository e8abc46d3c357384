"""Fixtures every test folder shares: ``../shared`` (corpora, evaluation data, the
canonical example), found beside the repository and skipped cleanly when absent."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CANONICAL = "examples/iraq-us-2020-09-09"


def shared_path(rel: str) -> Path:
    """``../shared/<rel>``, or a skip of the calling test when it is not there."""
    path = SHARED / rel
    if not path.exists():
        pytest.skip(f"../shared/{rel} is absent")
    return path


@pytest.fixture(scope="session")
def shared() -> Callable[[str], Path]:
    """``shared("corpora/x.jsonl.gz")``: a path in ``../shared``, or a skip."""
    return shared_path


@pytest.fixture(scope="session")
def canonical_text() -> str:
    """The canonical example's text (a real agency dispatch, glued words and all)."""
    return shared_path(f"{CANONICAL}.txt").read_text("utf-8")


@pytest.fixture(scope="session")
def canonical_gold() -> Path:
    """The canonical example's gold annotations."""
    return shared_path(f"{CANONICAL}.gold.json")


class Processes:
    """Linux's /proc, for tests of how long processes live."""

    @staticmethod
    def children(pid: int) -> list[int]:
        """The processes whose parent is PID."""
        found = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # ended meanwhile
            if int(fields[1]) == pid:
                found.append(int(stat.parent.name))
        return found

    @staticmethod
    def alive(pid: int) -> bool:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return False
        return state != "Z"  # a zombie has ended; only its exit status waits to be read

    def survivors(self, pids: list[int], seconds: float = 60) -> list[int]:
        """Those of PIDS still running after up to SECONDS (none, as soon as all ended)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and any(map(self.alive, pids)):
            time.sleep(0.05)
        return [pid for pid in pids if self.alive(pid)]


@pytest.fixture(scope="session")
def processes() -> Processes:
    if not Path("/proc/self/stat").exists():
        pytest.skip("needs Linux's /proc")
    return Processes()


Doc = tuple[str, str, str, str]  # (id, published, source, text)


def ingested(folder: Path, docs: list[Doc]) -> Path:
    """A store at ``folder/db`` holding ``docs``, ingested as ``mahattat ingest`` does."""
    import json

    from mahattat.ingest.run import ingest

    src = folder / "in.jsonl"
    rows = [{"id": i, "published": p, "source": s, "text": t} for i, p, s, t in docs]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    ingest([src], folder / "db", jobs=1)
    return folder / "db"


@pytest.fixture(scope="session")
def archive(
    tmp_path_factory: pytest.TempPathFactory,
) -> Callable[[list[Doc]], Path]:
    """``archive(DOCS)``: the path of a new store holding the small archive ``DOCS``."""
    return lambda docs: ingested(tmp_path_factory.mktemp("archive"), docs)
