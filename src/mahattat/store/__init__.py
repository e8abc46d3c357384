"""The embedded store: one SQLite file (WAL) holding articles, what the pipeline found in
them, and an FTS5 index of their search terms (``terms.py``) beside the original text.

No server: ``Store(path)`` opens or creates the file. An article and all its rows go in
within one transaction, and an article is known by its id and by the hash of its text,
so an ingest killed half way and run again ends with exactly the rows of a clean run.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

import regex

from .terms import query_groups, terms

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL UNIQUE,
  hash TEXT NOT NULL UNIQUE,
  published TEXT NOT NULL,          -- the publication date, YYYY-MM-DD
  published_raw TEXT NOT NULL,      -- as the input gave it
  source TEXT, url TEXT, title TEXT, origin TEXT,
  text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_published ON articles (published);
CREATE INDEX IF NOT EXISTS articles_origin ON articles (origin);
CREATE TABLE IF NOT EXISTS sentences (
  article INTEGER NOT NULL REFERENCES articles (id),
  n INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  PRIMARY KEY (article, n)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS timexes (
  article INTEGER NOT NULL REFERENCES articles (id),
  tid TEXT NOT NULL, sentence INTEGER, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  type TEXT NOT NULL, value TEXT NOT NULL, mod TEXT,
  PRIMARY KEY (article, tid)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS timexes_value ON timexes (value);
CREATE TABLE IF NOT EXISTS entities (
  article INTEGER NOT NULL REFERENCES articles (id),
  eid TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  label TEXT NOT NULL, text TEXT NOT NULL, ref TEXT,
  PRIMARY KEY (article, eid)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS events (
  article INTEGER NOT NULL REFERENCES articles (id),
  evid TEXT NOT NULL, date TEXT NOT NULL, mod TEXT, end_date TEXT,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL, type TEXT, section TEXT,
  negated INTEGER NOT NULL, future INTEGER NOT NULL,
  PRIMARY KEY (article, evid)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS events_date ON events (date);
CREATE TABLE IF NOT EXISTS rejects (
  origin TEXT NOT NULL, reason TEXT NOT NULL, PRIMARY KEY (origin, reason)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5 (title, body, tokenize = 'unicode61');
"""

TABLES = ("articles", "sentences", "timexes", "entities", "events", "rejects")
_SPACES = regex.compile(r"\s+")


def content_hash(text: str) -> str:
    """The same article re-scraped with other line breaks or spacing hashes the same."""
    return hashlib.sha1(_SPACES.sub(" ", text).strip().encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class ArticleRows:
    """One article and everything the pipeline found in it, ready to insert."""

    doc_id: str
    hash: str
    published: str
    published_raw: str
    source: str | None
    url: str | None
    title: str | None
    origin: str
    text: str
    terms: str  # the body's search terms
    sentences: tuple[tuple[int, int], ...]
    # rows of their tables without the article column, in the order of SCHEMA
    timexes: tuple[tuple[object, ...], ...]
    entities: tuple[tuple[object, ...], ...]
    events: tuple[tuple[object, ...], ...]


@dataclass(frozen=True, slots=True)
class Hit:
    doc_id: str
    published: str
    source: str | None
    title: str | None
    url: str | None
    score: float  # bm25: lower is better
    snippet: str  # the first sentence holding a query term

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Stored:
    """An article read back: its sentences' spans and its DATE values by sentence."""

    doc_id: str
    published: str
    source: str | None
    title: str | None
    url: str | None
    text: str
    sentences: list[tuple[int, int]]
    dates: list[tuple[int | None, str]]  # (sentence index, TIMEX3 value)


class StoreError(Exception):
    """A store that cannot be opened or a query that cannot run; one line for the CLI."""


class Store:
    def __init__(self, path: str | Path) -> None:
        try:
            self.db = sqlite3.connect(str(path), isolation_level=None)
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.executescript(SCHEMA)
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{path}: not a mahattat store ({e})") from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def known(self, doc_id: str, digest: str) -> bool:
        """Whether an article with this id or this text is stored already."""
        row = self.db.execute(
            "SELECT 1 FROM articles WHERE doc_id = ? OR hash = ? LIMIT 1", (doc_id, digest)
        ).fetchone()
        return row is not None

    def known_origin(self, origin: str) -> bool:
        """Whether the record at ``origin`` (a file, a WARC record) was stored already."""
        row = self.db.execute("SELECT 1 FROM articles WHERE origin = ? LIMIT 1", (origin,))
        return row.fetchone() is not None

    def add(self, batch: Iterable[ArticleRows], rejects: Iterable[tuple[str, str]] = ()) -> int:
        """Insert articles (skipping any already known) and rejected records in one
        transaction; the number of articles added."""
        added = 0
        with self._transaction():
            for a in batch:
                added += self._insert(a)
            self.db.executemany("INSERT OR IGNORE INTO rejects VALUES (?, ?)", list(rejects))
        return added

    def _insert(self, a: ArticleRows) -> int:
        cur = self.db.execute(
            "INSERT OR IGNORE INTO articles (doc_id, hash, published, published_raw, source,"
            " url, title, origin, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (a.doc_id, a.hash, a.published, a.published_raw, a.source, a.url, a.title,
             a.origin, a.text),
        )  # fmt: skip
        if cur.rowcount == 0:
            return 0
        rid = cur.lastrowid
        self.db.executemany(
            "INSERT INTO sentences VALUES (?, ?, ?, ?)",
            [(rid, n, s, e) for n, (s, e) in enumerate(a.sentences)],
        )
        self.db.executemany(
            "INSERT INTO timexes VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [(rid, *t) for t in a.timexes]
        )
        self.db.executemany(
            "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?)", [(rid, *e) for e in a.entities]
        )
        self.db.executemany(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(rid, *e) for e in a.events],
        )
        self.db.execute(
            "INSERT INTO search (rowid, title, body) VALUES (?, ?, ?)",
            (rid, " ".join(terms(a.title or "")), a.terms),
        )
        return 1

    def _transaction(self) -> _Transaction:
        return _Transaction(self.db)

    def counts(self) -> dict[str, int]:
        return {t: self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}

    def search(
        self,
        query: str,
        *,
        start: str | None = None,
        end: str | None = None,
        source: str | None = None,
        limit: int = 20,
    ) -> list[Hit]:
        """Articles matching ``query`` (every word; ``a | b`` for either), best first
        (bm25, title weighted double), published between ``start`` and ``end`` (ISO
        dates, inclusive)."""
        rows, words = self._rows(query, start, end, source, limit)
        return [self._hit(row, words) for row in rows]

    def _rows(
        self, query: str, start: str | None, end: str | None, source: str | None, limit: int
    ) -> tuple[list[tuple], set[str]]:
        groups = query_groups(query)
        if not groups:
            return [], set()
        sql, params = _search_sql(groups, start, end, source, limit)
        try:
            rows = self.db.execute(sql, params).fetchall()
        except sqlite3.OperationalError as e:
            raise StoreError(f"search failed: {e}") from None
        return rows, {w for g in groups for w in g}

    def _hit(self, row: tuple, words: set[str]) -> Hit:
        rid, doc_id, published, source, title, url, text, score = row
        return Hit(doc_id, published, source, title, url, score, self._snippet(rid, text, words))

    def _snippet(self, rid: int, text: str, words: set[str]) -> str:
        spans = self.db.execute(
            'SELECT start, "end" FROM sentences WHERE article = ? ORDER BY n', (rid,)
        )
        for s, e in spans:
            if words & set(terms(text[s:e])):
                return text[s:e].strip()
        return text[:200].strip()

    def matching(
        self, query: str, start: str | None, end: str | None, source: str | None, cap: int
    ) -> list[Stored]:
        """The ``cap`` best articles for ``query`` (bm25), with what the timeline needs."""
        rows, _ = self._rows(query, start, end, source, cap)
        out = []
        for rid, doc_id, published, src, title, url, text, _ in rows:
            spans = self.db.execute(
                'SELECT start, "end" FROM sentences WHERE article = ? ORDER BY n', (rid,)
            ).fetchall()
            days = self.db.execute(
                "SELECT sentence, value FROM timexes WHERE article = ? AND type = 'DATE'", (rid,)
            ).fetchall()
            out.append(Stored(doc_id, published, src, title, url, text, spans, days))
        return out


def _search_sql(
    groups: list[list[str]], start: str | None, end: str | None, source: str | None, limit: int
) -> tuple[str, list[object]]:
    quoted = [["\"" + w.replace('"', '""') + '"' for w in g] for g in groups]
    match = " AND ".join("(" + " OR ".join(g) + ")" for g in quoted)
    where, params = ["search MATCH ?"], [match]
    for clause, value in (
        ("a.published >= ?", start),
        ("a.published <= ?", end),
        ("a.source = ?", source),
    ):
        if value is not None:
            where.append(clause)
            params.append(value)
    sql = (
        "SELECT a.id, a.doc_id, a.published, a.source, a.title, a.url, a.text,"
        " bm25(search, 2.0, 1.0) AS score FROM search JOIN articles a ON a.id = search.rowid"
        f" WHERE {' AND '.join(where)} ORDER BY score LIMIT ?"
    )
    return sql, [*params, limit]


class _Transaction:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, or ``ROLLBACK`` on an exception."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *exc: object) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")
