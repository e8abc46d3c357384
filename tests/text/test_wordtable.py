"""Word tables read back exactly what was written, for words in and out of the table."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mahattat.text.wordtable import TableError, WordTable, write


def test_round_trip_of_floats_and_strings(tmp_path: Path) -> None:
    rows = {"بغداد": (4.94, "LOC"), "الرئيس": (5.68, "O"), "x": (0.1 + 0.2, "LOC")}
    path = tmp_path / "t.table"
    write(path, rows, ["zipf", "label"], "a test")
    table = WordTable(path)
    assert len(table) == 3
    assert table.get("بغداد") == (4.94, "LOC")
    assert table.get("x") == (0.1 + 0.2, "LOC")  # floats come back bit for bit
    assert table.first("الرئيس") == 5.68
    assert table.get("دمشق") is None and table.first("دمشق", 0.0) == 0.0
    assert "بغداد" in table and "دمشق" not in table and 3 not in table
    assert table.header["about"] == "a test"


def test_the_same_rows_give_the_same_bytes(tmp_path: Path) -> None:
    rows = {f"w{i}": (str(i % 7),) for i in range(500)}
    write(tmp_path / "a.table", rows, ["c"], "x")
    write(tmp_path / "b.table", dict(reversed(rows.items())), ["c"], "x")
    assert (tmp_path / "a.table").read_bytes() == (tmp_path / "b.table").read_bytes()


def test_rows_of_the_wrong_width_and_foreign_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(TableError, match="2 values"):
        write(tmp_path / "t.table", {"a": (1, 2), "b": (1,)}, ["x", "y"], "")
    other = tmp_path / "other.table"
    other.write_bytes(b"not a table at all")
    with pytest.raises(TableError, match="not a word table"):
        WordTable(other)


@settings(max_examples=30, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=12), st.integers(0, 5), max_size=200))
def test_any_words(rows: dict[str, int]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.table"
        write(path, {w: (v,) for w, v in rows.items()}, ["v"], "")
        table = WordTable(path)
        assert all(table.first(w) == v for w, v in rows.items())
        assert table.get("\x00 not a key \x00") is None or "\x00 not a key \x00" in rows
