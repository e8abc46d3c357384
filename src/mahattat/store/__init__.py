"""The embedded store: one SQLite file (WAL) holding articles, what the pipeline found in
them, and an FTS5 index of their search terms (``terms.py``) beside the original text.

No server: ``Store(path)`` opens a store to read it (read-only: searching never changes
it, and a store on a read-only disk can be searched); ``Store(path, write=True)`` opens or
creates it to add articles. An article and all its rows go in within one transaction,
and an article is known by its id and by the hash of its text, so an ingest killed half
way and run again ends with exactly the rows of a clean run.

A store says what it is (``PRAGMA user_version`` is ``SCHEMA_VERSION``) and its tables
are checked when it is opened: another program's SQLite file, or a store of another
schema version, is refused, unchanged. Two writers (two ingests) take turns: each waits
up to ``BUSY_SECONDS`` for the other's transaction.
"""

from __future__ import annotations

import errno
import functools
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

import regex

from .query import Query, QueryError, parse_query
from .terms import terms
from .variants import Variant, candidates, plausible
from .variants import rules as variant_rules

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
  timex TEXT,                       -- the timex dating it, NULL for the publication day
  PRIMARY KEY (article, evid)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS events_date ON events (date);
CREATE TABLE IF NOT EXISTS rejects (
  origin TEXT NOT NULL, reason TEXT NOT NULL, PRIMARY KEY (origin, reason)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5 (title, body, tokenize = 'unicode61');
"""

SCHEMA_VERSION = 2  # PRAGMA user_version of a store; bump it with any change to SCHEMA
TABLES = ("articles", "sentences", "timexes", "entities", "events", "rejects")
# A second ingest waits this long for the first one's transaction before giving up.
BUSY_SECONDS = 600.0
_SPACES = regex.compile(r"\s+")
# What one article can fail with on insert; a locked, full or failing disk stops the batch.
_ROW_ERRORS = (
    sqlite3.IntegrityError,
    sqlite3.DataError,
    sqlite3.InterfaceError,
    sqlite3.ProgrammingError,
    UnicodeEncodeError,
    OverflowError,
)


def content_hash(text: str) -> str:
    """The same article re-scraped with other line breaks or spacing hashes the same.
    (surrogatepass: a text that cannot be stored still gets a hash, and is refused later
    with its reason; every other text hashes as plain UTF-8.)"""
    spaced = _SPACES.sub(" ", text).strip()
    return hashlib.sha1(spaced.encode("utf-8", "surrogatepass")).hexdigest()


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
class StoredEvent:
    """An event of an article read back (``records.Event`` without its entities)."""

    start: int
    end: int
    date: str
    mod: str | None
    end_date: str | None
    type: str | None
    section: str | None
    negated: bool
    future: bool
    dated: bool  # by a date of its own; False: by the publication day (a lead)


@dataclass(frozen=True, slots=True)
class Stored:
    """An article read back: its sentences' spans, its DATE values by sentence and its
    events in text order."""

    doc_id: str
    published: str
    source: str | None
    title: str | None
    url: str | None
    text: str
    sentences: list[tuple[int, int]]
    dates: list[tuple[int | None, str]]  # (sentence index, TIMEX3 value)
    events: tuple[StoredEvent, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """One stored article as a reader opens it: its text and the rows found in it, each
    ``timexes`` (tid, start, end, type, value, mod), ``entities`` (eid, start, end,
    label, text, ref) and ``events`` (evid, start, end, date, mod, end_date, type,
    section, negated, future, timex) in text order."""

    doc_id: str
    published: str
    source: str | None
    title: str | None
    url: str | None
    text: str
    timexes: tuple[tuple, ...]
    entities: tuple[tuple, ...]
    events: tuple[tuple, ...]

    def as_dict(self) -> dict[str, object]:
        """The JSON object of ``GET /api/articles/{doc_id}`` (without the labels)."""
        keys = {
            "timexes": ("id", "start", "end", "type", "value", "mod"),
            "entities": ("id", "start", "end", "label", "text", "ref"),
            "events": ("id", "start", "end", "date", "mod", "end_date", "type", "section",
                       "negated", "future", "timex"),
        }  # fmt: skip
        out: dict[str, object] = {
            k: getattr(self, k) for k in ("doc_id", "published", "source", "title", "url")
        }
        out["text"] = self.text
        for name, names in keys.items():
            out[name] = [dict(zip(names, row, strict=True)) for row in getattr(self, name)]
        flags = ("negated", "future")  # stored as 0/1
        out["events"] = [
            dict(zip(keys["events"], row, strict=True)) | {f: bool(e) for f, e in
                                                           zip(flags, row[8:10], strict=True)}
            for row in self.events
        ]  # fmt: skip
        return out


@dataclass(frozen=True, slots=True)
class Cited:
    """Every article matching a query as a milestone timeline reads it, without its text:
    ``articles`` by row id (doc_id, published, source); ``dates`` its DATE timexes that
    are calendar points (article, tid, value, mod, start, end); ``events`` its events
    neither negated nor to come (article, tid of the timex dating it or None for the
    publication day, start, end of the clause)."""

    articles: dict[int, tuple[str, str, str | None]]
    dates: list[tuple[int, str, str, str | None, int, int]]
    events: list[tuple[int, str | None, int, int]]


@dataclass(frozen=True, slots=True)
class Added:
    """What ``Store.add`` did with a batch."""

    added: int = 0
    duplicates: int = 0  # an article with the same id or the same text was stored already
    failed: tuple[tuple[str, str], ...] = ()  # (origin, reason): could not be stored


class StoreError(Exception):
    """A store that cannot be opened or a query that cannot run; one line for the CLI."""


class Store:
    def __init__(self, path: str | Path, *, write: bool = False) -> None:
        self.path = Path(path)
        self.db = _open(self.path, write)

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

    def add(self, batch: Iterable[ArticleRows], rejects: Iterable[tuple[str, str]] = ()) -> Added:
        """Insert articles and rejected records ``(origin, reason)`` in one transaction.
        An article whose id or text is stored already is a duplicate; one that cannot be
        inserted is a reject, with its reason, and the rest of the batch is stored."""
        added = duplicates = 0
        failed: list[tuple[str, str]] = []
        with self._transaction():
            for a in batch:
                if self.known(a.doc_id, a.hash):  # in the transaction: no other writer now
                    duplicates += 1
                elif (reason := self._insert(a)) is None:
                    added += 1
                else:
                    failed.append((a.origin, reason))
            self._reject([*rejects, *failed])
        return Added(added, duplicates, tuple(failed))

    def _reject(self, rejects: list[tuple[str, str]]) -> None:
        rows = [(_printable(origin), _printable(reason)) for origin, reason in rejects]
        # OR IGNORE: the same record rejected again by a second run is one row
        self.db.executemany("INSERT OR IGNORE INTO rejects VALUES (?, ?)", rows)

    def _insert(self, a: ArticleRows) -> str | None:
        """Insert one article and its rows, all or nothing; why not, when it fails."""
        self.db.execute("SAVEPOINT article")
        try:
            self._insert_rows(a)
        except _ROW_ERRORS as e:
            self.db.execute("ROLLBACK TO article")
            self.db.execute("RELEASE article")
            return f"cannot store: {e}"
        self.db.execute("RELEASE article")
        return None

    def _insert_rows(self, a: ArticleRows) -> None:
        cur = self.db.execute(
            "INSERT INTO articles (doc_id, hash, published, published_raw, source,"
            " url, title, origin, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (a.doc_id, a.hash, a.published, a.published_raw, a.source, a.url, a.title,
             a.origin, a.text),
        )  # fmt: skip
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
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(rid, *e) for e in a.events],
        )
        self.db.execute(
            "INSERT INTO search (rowid, title, body) VALUES (?, ?, ?)",
            (rid, " ".join(terms(a.title or "")), a.terms),
        )

    def _transaction(self) -> _Transaction:
        return _Transaction(self.db, self.path)

    def counts(self) -> dict[str, int]:
        return {t: self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}

    def search(
        self,
        query: str | Query,
        *,
        start: str | None = None,
        end: str | None = None,
        source: str | None = None,
        limit: int = 20,
        entity: str | None = None,
    ) -> list[Hit]:
        """Articles matching ``query`` (``query.py``'s language: words, ``"phrases"``,
        ``a | b``, ``-excluded``), best first (bm25, title weighted double), published
        between ``start`` and ``end`` (ISO dates, inclusive), naming ``entity`` (a
        mention's exact text) when given. ``QueryError`` for a query that cannot be run."""
        q = _parsed(query)
        rows = self._rows(q, start, end, source, limit, entity)
        return [self._hit(row, q.wanted) for row in rows]

    def count(
        self, query: str | Query, start: str | None = None, end: str | None = None,
        source: str | None = None, entity: str | None = None,
    ) -> int:  # fmt: skip
        """How many articles match ``query`` within the filters."""
        return sum(self.coverage(query, start, end, source, entity).values())

    def coverage(
        self, query: str | Query, start: str | None = None, end: str | None = None,
        source: str | None = None, entity: str | None = None,
    ) -> dict[str, int]:  # fmt: skip
        """The matching articles per publication day (every match, in day order)."""
        where, params = _where(_parsed(query), start, end, source, entity)
        sql = (
            "SELECT a.published, count(*) FROM search JOIN articles a ON a.id = search.rowid"
            f" WHERE {where} GROUP BY a.published ORDER BY a.published"
        )
        return dict(self._run(sql, params))

    def variants(self, query: str | Query) -> tuple[Variant, ...]:
        """Other spellings of the query's words that the store holds, with their article
        counts, most first (at most ``max_shown`` a word; ``data/store/variants.json``)."""
        q = _parsed(query)
        found: list[Variant] = []
        for word in q.words:
            near = sorted(candidates(word))
            if not near:
                continue
            counts = self._vocabulary([word, *near])
            own = next((n for t, n in counts if t == word), 0)
            kept = [Variant(word, t, n) for t, n in counts if plausible(word, t, n, own)]
            kept.sort(key=lambda v: (-v.articles, v.term))
            found += kept[: variant_rules().max_shown]
        return tuple(found)

    def _vocabulary(self, words: list[str]) -> list[tuple[str, int]]:
        """``(term, articles)`` for those of ``words`` the index holds (FTS5's vocabulary,
        read through a temporary ``fts5vocab`` table: the store itself is not written)."""
        if not words:
            return []
        self.db.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab"
            " USING fts5vocab(main, search, row)"
        )
        marks = ",".join("?" * len(words))
        sql = f"SELECT term, doc FROM temp.search_vocab WHERE term IN ({marks})"
        return self._run(sql, words)

    def _run(self, sql: str, params: list[object] | list[str]) -> list[tuple]:
        try:
            return self.db.execute(sql, params).fetchall()
        except sqlite3.OperationalError as e:
            raise StoreError(f"search failed: {e}") from None

    def _rows(
        self, q: Query, start: str | None, end: str | None, source: str | None,
        limit: int | None, entity: str | None = None,
    ) -> list[tuple]:  # fmt: skip
        """The matching articles, best first: ranked on ids alone, then their rows read
        in bulk (sorting whole texts is what made a broad query slow)."""
        where, params = _where(q, start, end, source, entity)
        sql = (
            "SELECT a.id, bm25(search, 2.0, 1.0) AS score FROM search"
            f" JOIN articles a ON a.id = search.rowid WHERE {where} ORDER BY score, a.id LIMIT ?"
        )
        ranked = self._run(sql, [*params, -1 if limit is None else limit])
        rows = self.db.execute(
            "SELECT id, doc_id, published, source, title, url, text FROM articles"
            f" WHERE id IN ({_IDS})",
            (json.dumps([rid for rid, _ in ranked]),),
        )
        by_id = {row[0]: row for row in rows}
        return [(*by_id[rid], score) for rid, score in ranked]

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
        self,
        query: str | Query,
        start: str | None,
        end: str | None,
        source: str | None,
        cap: int | None = None,
    ) -> list[Stored]:
        """The articles matching ``query``, best first (bm25), with what a timeline
        needs: all of them, or the ``cap`` best. Their rows are read in bulk."""
        rows = self._rows(_parsed(query), start, end, source, cap)
        ids = json.dumps([row[0] for row in rows])
        spans = self._by_article(
            f'SELECT article, start, "end" FROM sentences WHERE article IN ({_IDS})'
            " ORDER BY article, n",
            ids,
        )
        days = self._by_article(
            f"SELECT article, sentence, value FROM timexes WHERE article IN ({_IDS})"
            " AND type = 'DATE'",
            ids,
        )
        events = self._events(ids)
        return [
            Stored(doc_id, published, src, title, url, text, spans.get(rid, []),
                   days.get(rid, []), tuple(events.get(rid, ())))
            for rid, doc_id, published, src, title, url, text, _ in rows
        ]  # fmt: skip

    def _by_article(self, sql: str, ids: str) -> dict[int, list[tuple]]:
        out: dict[int, list[tuple]] = {}
        for rid, *rest in self.db.execute(sql, (ids,)):
            out.setdefault(rid, []).append(tuple(rest))
        return out

    def cited(self, query: str | Query, source: str | None = None) -> Cited:
        """Every article matching ``query`` (no cap, any publication day), by ``source``
        when given, with its dates and events: three index reads, no article text.
        ``QueryError`` for a query that cannot be run."""
        hits = "SELECT rowid FROM search WHERE search MATCH ?"
        match, by = [_parsed(query).match()], " AND a.source = ?" if source is not None else ""
        try:
            arts = self.db.execute(
                f"SELECT a.id, a.doc_id, a.published, a.source FROM articles a"
                f" WHERE a.id IN ({hits}){by}", match + ([source] if by else []),
            ).fetchall()  # fmt: skip
            dates = self.db.execute(
                f'SELECT article, tid, value, mod, start, "end" FROM timexes'
                f" WHERE article IN ({hits}) AND type = 'DATE'"
                " AND value GLOB '[0-9][0-9][0-9][0-9]*'", match,
            ).fetchall()  # fmt: skip
            events = self.db.execute(
                f'SELECT article, timex, start, "end" FROM events WHERE article IN ({hits})'
                " AND negated = 0 AND future = 0 ORDER BY article, start", match,
            ).fetchall()  # fmt: skip
        except sqlite3.OperationalError as e:
            raise StoreError(f"search failed: {e}") from None
        found = {rid: (doc_id, published, src) for rid, doc_id, published, src in arts}
        if by:  # the articles of other outlets leave their rows behind
            dates = [d for d in dates if d[0] in found]
            events = [e for e in events if e[0] in found]
        return Cited(found, dates, events)

    def value_articles(self, values: Iterable[str]) -> dict[str, int]:
        """How many articles of the whole store mention each TIMEX3 value (its index
        alone: ``2015`` in thousands of articles is context, not a topic's milestone)."""
        return self._counts("SELECT value, count(DISTINCT article) FROM timexes", "value", values)

    def published_on(self, days: Iterable[str]) -> dict[str, int]:
        """How many articles of the whole store were published on each of ``days``."""
        return self._counts("SELECT published, count(*) FROM articles", "published", days)

    def _counts(self, select: str, column: str, keys: Iterable[str]) -> dict[str, int]:
        """``select ... WHERE column IN keys GROUP BY column``, 500 keys a statement
        (SQLite's limit on parameters)."""
        wanted = sorted(set(keys))
        out: dict[str, int] = {}
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ", ".join("?" * len(chunk))
            sql = f"{select} WHERE {column} IN ({marks}) GROUP BY {column}"
            out.update(self.db.execute(sql, chunk))
        return out

    def passages(self, spans: Iterable[tuple[int, int, int]]) -> list[str]:
        """The text of each span (article row id, start, end), read without the rest of
        its article."""
        sql = "SELECT substr(text, ?, ?) FROM articles WHERE id = ?"
        out = []
        for rid, start, end in spans:
            row = self.db.execute(sql, (start + 1, max(end - start, 0), rid)).fetchone()
            out.append(row[0] if row else "")
        return out

    def article_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def sources(self) -> list[tuple[str, int]]:
        """Each outlet of the store with its number of articles, most first."""
        rows = self.db.execute(
            "SELECT source, count(*) AS n FROM articles WHERE source IS NOT NULL"
            " GROUP BY source ORDER BY n DESC, source"
        )
        return [(src, n) for src, n in rows]

    def article(self, doc_id: str) -> Article | None:
        """The article ``doc_id`` with its text and everything stored about it (offsets
        into its text), or None when the store has no such article."""
        row = self.db.execute(
            "SELECT id, doc_id, published, source, title, url, text FROM articles"
            " WHERE doc_id = ?", (doc_id,),
        ).fetchone()  # fmt: skip
        if row is None:
            return None
        rid = row[0]
        timexes = self.db.execute(
            'SELECT tid, start, "end", type, value, mod FROM timexes WHERE article = ?'
            " ORDER BY start", (rid,),
        ).fetchall()  # fmt: skip
        names = self.db.execute(
            'SELECT eid, start, "end", label, text, ref FROM entities WHERE article = ?'
            " ORDER BY start", (rid,),
        ).fetchall()  # fmt: skip
        events = self.db.execute(
            'SELECT evid, start, "end", date, mod, end_date, type, section, negated, future,'
            " timex FROM events WHERE article = ? ORDER BY start", (rid,),
        ).fetchall()  # fmt: skip
        _, doc, published, source, title, url, text = row
        return Article(doc, published, source, title, url, text, tuple(timexes), tuple(names),
                       tuple(events))  # fmt: skip

    def texts(self, ids: Iterable[int]) -> dict[int, tuple[str, str | None]]:
        """The text and web address of the articles ``ids`` (row ids of ``cited``)."""
        wanted = sorted(set(ids))
        marks = ", ".join("?" * len(wanted))
        rows = self.db.execute(f"SELECT id, text, url FROM articles WHERE id IN ({marks})", wanted)
        return {rid: (text, url) for rid, text, url in rows}

    def titles(self, ids: Iterable[int]) -> dict[int, str | None]:
        """The titles of the articles ``ids`` (row ids of ``cited``)."""
        wanted = sorted(set(ids))
        marks = ", ".join("?" * len(wanted))
        rows = self.db.execute(f"SELECT id, title FROM articles WHERE id IN ({marks})", wanted)
        return dict(rows.fetchall())

    def _events(self, ids: str) -> dict[int, list[StoredEvent]]:
        rows = self._by_article(
            'SELECT article, start, "end", date, mod, end_date, type, section, negated,'
            f" future, timex FROM events WHERE article IN ({_IDS}) ORDER BY article, start",
            ids,
        )
        return {
            rid: [
                StoredEvent(start, end, date, mod, end_date, kind, section,
                            bool(negated), bool(future), timex is not None)
                for start, end, date, mod, end_date, kind, section, negated, future, timex in r
            ]
            for rid, r in rows.items()
        }  # fmt: skip


# The ids of a batch of articles, as one JSON parameter (no limit on their number).
_IDS = "SELECT value FROM json_each(?)"


def _parsed(query: str | Query) -> Query:
    return query if isinstance(query, Query) else parse_query(query)


def _where(
    q: Query, start: str | None, end: str | None, source: str | None,
    entity: str | None = None,
) -> tuple[str, list[object]]:  # fmt: skip
    where: list[str] = ["search MATCH ?"]
    params: list[object] = [q.match()]
    for clause, value in (
        ("a.published >= ?", start),
        ("a.published <= ?", end),
        ("a.source = ?", source),
        # an article's entities are read by its key: no index on their text needed
        ("EXISTS (SELECT 1 FROM entities e WHERE e.article = a.id AND e.text = ?)", entity),
    ):
        if value is not None:
            where.append(clause)
            params.append(value)
    return " AND ".join(where), params


class _Transaction:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, or ``ROLLBACK`` on an exception; a store that
    stays locked, or a disk that fails, is a ``StoreError`` naming the cause."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self.db = db
        self.path = path

    def __enter__(self) -> None:
        try:
            self.db.execute("BEGIN IMMEDIATE")  # waits up to BUSY_SECONDS for a writer
        except sqlite3.OperationalError as e:
            raise _error(self.path, e) from None

    def __exit__(self, exc_type: object, exc: object, _tb: object) -> None:
        if exc_type is not None:
            self._rollback()
            if isinstance(exc, sqlite3.OperationalError):
                raise _error(self.path, exc) from None
            return
        try:
            self.db.execute("COMMIT")
        except sqlite3.OperationalError as e:
            self._rollback()
            raise _error(self.path, e) from None

    def _rollback(self) -> None:
        if self.db.in_transaction:  # SQLite may have rolled back already (a full disk)
            self.db.execute("ROLLBACK")


# --- opening and checking a store ------------------------------------------------------


def _open(path: Path, write: bool) -> sqlite3.Connection:
    _check_path(path, write)
    try:
        db = _connect(path, write)
    except sqlite3.Error as e:
        raise _error(path, e) from None
    try:
        _check_layout(db, path, write)
        if write:
            db.execute("PRAGMA journal_mode = WAL")  # only once the file is known to be ours
            db.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.Error as e:
        db.close()
        raise _error(path, e) from None
    except StoreError:
        db.close()
        raise
    return db


def _check_path(path: Path, write: bool) -> None:
    """The causes SQLite would only call "unable to open database file"."""
    folder = path.parent
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a store")
    if not write and not path.exists():
        raise StoreError(f"no store at {path} (run mahattat ingest first)")
    if write and not folder.is_dir():
        raise StoreError(f"cannot create the store {path}: no folder {folder}")
    if write and not _writable(folder):
        raise StoreError(
            f"cannot write the store {path}: its folder is read-only "
            "(a store is written with its journal beside it)"
        )
    if write and path.exists() and not os.access(path, os.W_OK):
        raise StoreError(f"cannot write the store {path}: the file is read-only")
    if path.exists() and not os.access(path, os.R_OK):
        raise StoreError(f"cannot read the store {path}: permission denied")


def _writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK | os.X_OK)


def _connect(path: Path, write: bool) -> sqlite3.Connection:
    if write:
        return sqlite3.connect(path, isolation_level=None, timeout=BUSY_SECONDS)
    # immutable: no lock, journal or -shm file, which a read-only folder cannot hold; only
    # there, since it also means no one may write the store while it is read.
    mode = "mode=ro" if _writable(path.parent) else "immutable=1"
    uri = f"{path.resolve().as_uri()}?{mode}"
    return sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_SECONDS)


def _check_layout(db: sqlite3.Connection, path: Path, write: bool) -> None:
    """Ours, empty (created when writing), or refused without a change."""
    found = _layout(db)
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if not found:
        if not write:
            raise StoreError(f"{path} is an empty SQLite file, not a store yet (run ingest)")
        _create(db, path)
    elif found != _our_layout():
        raise StoreError(_foreign(path, found, version))
    elif version not in (0, SCHEMA_VERSION):
        raise StoreError(_other_version(path, version))
    elif version == 0 and write:  # made before stores recorded their version: same schema
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _create(db: sqlite3.Connection, path: Path) -> None:
    with _Transaction(db, path):
        if _layout(db):  # another ingest created it while this one waited
            return
        for statement in SCHEMA.split(";"):
            if statement.strip():
                db.execute(statement)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _layout(db: sqlite3.Connection) -> dict[str, tuple[object, ...]]:
    """Each table (FTS5's own included) with its columns: what tells a store apart."""
    names = db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return {name: _columns(db, name) for (name,) in names}


def _columns(db: sqlite3.Connection, table: str) -> tuple[object, ...]:
    quoted = '"' + table.replace('"', '""') + '"'
    try:
        return tuple(db.execute(f"PRAGMA table_info({quoted})").fetchall())
    except sqlite3.OperationalError:  # a virtual table whose module this SQLite lacks
        return ("unreadable",)


@functools.cache
def _our_layout() -> dict[str, tuple[object, ...]]:
    db = sqlite3.connect(":memory:")
    db.executescript(SCHEMA)
    layout = _layout(db)
    db.close()
    return layout


def _foreign(path: Path, found: dict[str, tuple[object, ...]], version: int) -> str:
    if set(TABLES) <= found.keys():  # our tables, other columns: an older or newer store
        return _other_version(path, version)
    names = ", ".join(sorted(found)[:5]) + (", ..." if len(found) > 5 else "")
    return (
        f"{path} is not a mahattat store but another program's SQLite file "
        f"(tables {names}); left unchanged"
    )


def _other_version(path: Path, version: int) -> str:
    return (
        f"{path} is a mahattat store of schema version {version}, not {SCHEMA_VERSION}; "
        "left unchanged: ingest into a new store"
    )


def _error(path: Path, e: sqlite3.Error) -> StoreError:
    """One line naming the cause, from what SQLite says and what the file system shows."""
    message = str(e)
    code = getattr(e, "sqlite_errorcode", None)
    if "not a database" in message or code == sqlite3.SQLITE_NOTADB:
        return StoreError(f"{path} is not a SQLite file; left unchanged")
    if "locked" in message or "busy" in message:
        return StoreError(
            f"{path} is in use: another program kept it locked for {BUSY_SECONDS:.0f} s; "
            "nothing was lost, run again when it is done"
        )
    if "readonly" in message or "read-only" in message:
        return StoreError(f"cannot write the store {path}: the file or its folder is read-only")
    if getattr(e, "sqlite_errorname", "") == "SQLITE_FULL" or "full" in message:
        return StoreError(f"cannot write the store {path}: {os.strerror(errno.ENOSPC)}")
    return StoreError(f"{path}: {message}")


def _printable(text: str) -> str:
    """Text SQLite can store: a lone surrogate becomes its escape."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


__all__ = [
    "SCHEMA",
    "SCHEMA_VERSION",
    "Added",
    "Article",
    "ArticleRows",
    "Hit",
    "Query",
    "QueryError",
    "Store",
    "StoreError",
    "Stored",
    "StoredEvent",
    "Variant",
    "content_hash",
    "parse_query",
]
