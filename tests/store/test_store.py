"""The store trusts nothing it opens: another program's SQLite file, a store of another
schema version, a read-only folder; and an article it cannot insert is a reject with its
reason, not a duplicate."""

from __future__ import annotations

import ctypes
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from mahattat.store import SCHEMA, SCHEMA_VERSION, Added, ArticleRows, Store, StoreError
from mahattat.store.terms import indexed

MAHATTAT = Path(sys.executable).parent / "mahattat"
TEXT = "افتتحت البلدية جسرا جديدا فوق النهر."


def _rows(doc_id: str, text: str = TEXT, **changes: object) -> ArticleRows:
    fields: dict[str, object] = {
        "doc_id": doc_id,
        "hash": f"hash-of-{doc_id}",
        "published": "2019-05-06",
        "published_raw": "2019-05-06",
        "source": None,
        "url": None,
        "title": None,
        "origin": f"in.jsonl:{doc_id}",
        "text": text,
        "terms": indexed(text),
        "sentences": ((0, len(text)),),
        "timexes": (),
        "entities": (),
        "events": (),
    }
    fields.update(changes)
    return ArticleRows(**fields)  # type: ignore[arg-type]


def _snapshot(path: Path) -> tuple[bytes, list[str]]:
    """A file's bytes and the files beside it: what "left unchanged" compares."""
    return path.read_bytes(), sorted(p.name for p in path.parent.iterdir())


def _foreign(path: Path) -> Path:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    db.execute("INSERT INTO notes (body) VALUES ('a note of another program')")
    db.commit()
    db.close()
    return path


@pytest.mark.parametrize("write", [False, True])
def test_another_programs_sqlite_file_is_refused_unchanged(tmp_path: Path, write: bool) -> None:
    path = _foreign(tmp_path / "other-app.db")
    before = _snapshot(path)
    with pytest.raises(StoreError) as e:
        Store(path, write=write)
    assert str(e.value) == (
        f"{path} is not a mahattat store but another program's SQLite file "
        "(tables notes); left unchanged"
    )
    assert _snapshot(path) == before


def test_search_command_refuses_another_programs_file(tmp_path: Path) -> None:
    path = _foreign(tmp_path / "other-app.db")
    before = _snapshot(path)
    result = subprocess.run(
        [MAHATTAT, "search", "جسر", "--db", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"error: {path} is not a mahattat store but another program's SQLite file "
        "(tables notes); left unchanged"
    ]
    assert _snapshot(path) == before


def test_a_store_of_another_schema_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "db"
    Store(path, write=True).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    before = _snapshot(path)
    for write in (False, True):
        with pytest.raises(StoreError) as e:
            Store(path, write=write)
        assert str(e.value) == (
            f"{path} is a mahattat store of schema version {SCHEMA_VERSION + 1}, not "
            f"{SCHEMA_VERSION}; left unchanged: ingest into a new store"
        )
    assert _snapshot(path) == before


def test_a_store_with_other_columns_is_another_version(tmp_path: Path) -> None:
    path = tmp_path / "db"
    db = sqlite3.connect(path)
    db.executescript(SCHEMA.replace("title TEXT, origin TEXT", "origin TEXT"))
    db.close()
    with pytest.raises(StoreError, match=f"schema version 0, not {SCHEMA_VERSION}"):
        Store(path, write=True)


def test_a_store_made_before_versions_were_recorded_is_used_and_stamped(tmp_path: Path) -> None:
    path = tmp_path / "db"
    db = sqlite3.connect(path)
    db.executescript(SCHEMA)  # what mahattat wrote before PRAGMA user_version
    db.close()
    with Store(path) as store:
        assert store.counts()["articles"] == 0
    assert _user_version(path) == 0  # reading changes nothing
    Store(path, write=True).close()
    assert _user_version(path) == SCHEMA_VERSION


def _user_version(path: Path) -> int:
    db = sqlite3.connect(path)
    try:
        return db.execute("PRAGMA user_version").fetchone()[0]
    finally:
        db.close()


def test_a_new_store_records_its_version(tmp_path: Path) -> None:
    Store(tmp_path / "db", write=True).close()
    assert _user_version(tmp_path / "db") == SCHEMA_VERSION


def test_errors_name_the_cause(tmp_path: Path) -> None:
    text = tmp_path / "notes.db"
    text.write_text("these are notes, not a database\n" * 10, encoding="utf-8")
    empty = tmp_path / "empty.db"
    empty.touch()
    cases = [
        (text, False, f"{text} is not a SQLite file; left unchanged"),
        (text, True, f"{text} is not a SQLite file; left unchanged"),
        (tmp_path / "none.db", False,
         f"no store at {tmp_path}/none.db (run mahattat ingest first)"),
        (tmp_path / "no" / "db", True,
         f"cannot create the store {tmp_path}/no/db: no folder {tmp_path}/no"),
        (tmp_path, False, f"{tmp_path} is a folder, not a store"),
        (empty, False, f"{empty} is an empty SQLite file, not a store yet (run ingest)"),
    ]  # fmt: skip
    for path, write, message in cases:
        with pytest.raises(StoreError) as e:
            Store(path, write=write)
        assert str(e.value) == message
    assert text.read_text(encoding="utf-8").startswith("these are notes")
    assert empty.stat().st_size == 0  # reading an empty file creates no tables
    assert not (tmp_path / "none.db").exists()


def test_an_article_that_cannot_be_inserted_is_a_reject_not_a_duplicate(tmp_path: Path) -> None:
    with Store(tmp_path / "db", write=True) as store:
        assert store.add([_rows("a")]) == Added(added=1)
        added = store.add(
            [
                _rows("a2", hash="hash-of-a"),  # the same text under another id: a duplicate
                _rows("b", published=None),  # OR IGNORE skipped this one silently
                _rows("c", text="\ud800" + TEXT),  # cannot be encoded
                _rows("d", timexes=(("t1", 0, 0, 3, "DATE", "2019", None),) * 2),
                _rows("e"),
            ],
            [("in.jsonl:9", "no text")],
        )
        rejects = sorted(store.db.execute("SELECT origin, reason FROM rejects"))
        stored = sorted(d for (d,) in store.db.execute("SELECT doc_id FROM articles"))
        counts = store.counts()
    encode = "'utf-8' codec can't encode character '\\ud800' in position 0: surrogates not allowed"
    failed = (
        ("in.jsonl:b", "cannot store: NOT NULL constraint failed: articles.published"),
        ("in.jsonl:c", f"cannot store: {encode}"),
        ("in.jsonl:d", "cannot store: UNIQUE constraint failed: timexes.article, timexes.tid"),
    )
    assert added == Added(added=1, duplicates=1, failed=failed)
    assert rejects == sorted([("in.jsonl:9", "no text"), *failed])
    assert stored == ["a", "e"]  # d's article row went with its timexes
    assert (counts["sentences"], counts["timexes"]) == (2, 0)
    with Store(tmp_path / "db") as store:
        assert [h.doc_id for h in store.search("البلدية")] == ["a", "e"]


# --- a read-only store -----------------------------------------------------------------


def _unprivileged() -> None:
    """In a child before exec: drop root's power to ignore file permissions, so that a
    read-only folder is read-only to it too (tests run as root in containers)."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (1, 2, 3):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER
        if libc.prctl(24, cap) != 0:  # PR_CAPBSET_DROP: gone from the program exec'd next
            raise OSError(ctypes.get_errno(), "cannot drop root's file powers")


def _read_only_store(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    folder.mkdir()
    with Store(folder / "news.db", write=True) as store:
        store.add([_rows("a"), _rows("b", text="وصل الوفد إلى المدينة مساء أمس.", hash="h2")])
    (folder / "news.db").chmod(0o444)
    folder.chmod(0o555)
    return folder / "news.db"


@pytest.mark.skipif(sys.platform != "linux", reason="drops root's powers with prctl")
def test_a_store_in_a_read_only_folder_can_be_searched(tmp_path: Path) -> None:
    db = _read_only_store(tmp_path)
    before = _snapshot(db)
    try:
        search = _run_unprivileged("search", "البلدية", "--db", str(db), "--json")
        ingest = _run_unprivileged("ingest", str(tmp_path / "x.jsonl"), "--db", str(db))
    finally:
        db.parent.chmod(0o755)
    assert search.returncode == 0, search.stderr
    assert [line.split('"')[3] for line in search.stdout.splitlines()] == ["a"]
    assert ingest.returncode == 1
    assert ingest.stderr.splitlines() == [
        f"error: cannot write the store {db}: its folder is read-only "
        "(a store is written with its journal beside it)"
    ]
    assert _snapshot(db) == before  # no table, journal or -shm file was created


def _run_unprivileged(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [MAHATTAT, *args], capture_output=True, text=True, preexec_fn=_unprivileged, timeout=120
    )
