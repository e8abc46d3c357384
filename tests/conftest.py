"""Fixtures every test folder shares: ``../shared`` (corpora, evaluation data, the
canonical example), found beside the repository and skipped cleanly when absent."""

from __future__ import annotations

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
