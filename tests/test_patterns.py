"""The disk cache of compiled patterns and built tables: what is read back is what
would have been built, and a cache that cannot be used only costs the build."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mahattat import patterns
from mahattat.entities import gazetteer


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("MAHATTAT_CACHE", str(tmp_path))
    patterns.cache_dir.cache_clear()
    yield tmp_path
    patterns.cache_dir.cache_clear()


def test_a_table_is_built_once_then_read_back(cache: Path) -> None:
    calls: list[int] = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"سبتمبر": 9}

    assert patterns.kept("months", b"v1", build, dict) == {"سبتمبر": 9}
    assert patterns.kept("months", b"v1", build, dict) == {"سبتمبر": 9}
    assert len(calls) == 1  # the second came from the disk
    patterns.kept("months", b"v2", build, dict)  # another key: built again
    assert len(calls) == 2


def test_an_unreadable_or_foreign_file_is_rebuilt(cache: Path) -> None:
    patterns.kept("t", b"k", lambda: [1, 2], list)
    (kept_file,) = cache.rglob("t-*.pickle")
    kept_file.write_bytes(b"not a pickle")
    assert patterns.kept("t", b"k", lambda: [3], list) == [3]
    assert patterns.kept("t", b"k", lambda: {"other": "type"}, list) == [3]


def test_off_builds_every_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAHATTAT_CACHE", "off")
    patterns.cache_dir.cache_clear()
    try:
        assert patterns.kept("t", b"k", lambda: (1,), tuple) == (1,)
        assert patterns.cache_dir() is None
    finally:
        patterns.cache_dir.cache_clear()


def test_the_gazetteer_read_back_is_the_one_built(cache: Path) -> None:
    gazetteer.lexicon.cache_clear()
    try:
        first = gazetteer.lexicon()  # built and written
        gazetteer.lexicon.cache_clear()
        again = gazetteer.lexicon()  # read back
        assert list(cache.rglob("gazetteer-*.pickle"))
        assert again == first == gazetteer._build()
    finally:
        gazetteer.lexicon.cache_clear()
