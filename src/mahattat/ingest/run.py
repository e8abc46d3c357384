"""``mahattat ingest``: archives in (``readers.py``), the pipeline on every core, rows out
into the store.

The main process reads, drops what is stored already (same id or same text), and sends
batches to worker processes; each batch comes back as rows and is written in one
transaction, in input order. A bad record is counted, kept in the store's ``rejects``
table with its line, and never stops the run.
"""

from __future__ import annotations

import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..pipeline import parse_published, run
from ..records import Event
from ..store import Added, ArticleRows, Store, content_hash
from ..store.terms import indexed
from .readers import BadRecord, Fields, Page, RawArticle, article, read

BATCH = 32  # articles per task: big enough to hide the inter-process cost
IN_FLIGHT = 3  # batches queued per worker, so reading never runs far ahead


@dataclass
class Report:
    read: int = 0
    added: int = 0
    duplicates: int = 0
    bad: Counter[str] = field(default_factory=Counter)
    examples: list[BadRecord] = field(default_factory=list)  # the first few, to show

    def reject(self, bad: BadRecord) -> None:
        self.bad[bad.reason] += 1
        if len(self.examples) < 10:
            self.examples.append(bad)

    def stored(self, added: Added) -> None:
        self.added += added.added
        self.duplicates += added.duplicates  # also pages whose text was stored already
        for origin, reason in added.failed:
            self.reject(BadRecord(origin, reason))

    def summary(self, db: str | Path, seconds: float) -> str:
        """What ``mahattat ingest`` prints: counts, rate, and why records were rejected."""
        rate = self.read / seconds if seconds else 0.0
        lines = [
            f"{self.read} records read in {seconds:.1f} s ({rate:.0f}/s): {self.added} added, "
            f"{self.duplicates} already stored, {sum(self.bad.values())} rejected -> {db}"
        ]
        lines += [f"  rejected {n}: {reason}" for reason, n in self.bad.most_common()]
        lines += [f"  {bad.origin}: {bad.reason}" for bad in self.examples]
        return "\n".join(lines)


def rows(raw: RawArticle, doc_id: str, digest: str) -> ArticleRows | BadRecord:
    """Run the pipeline on one article; a failure is a bad record, not a crash."""
    try:
        doc, view = run(raw.text, raw.published, id=doc_id, title=raw.title)
    except Exception as e:  # one article must never stop an archive
        return BadRecord(raw.origin, f"extraction failed: {type(e).__name__}: {e}")
    sentence_of = _sentence_index([(s.start, s.end) for s in doc.sentences])
    return ArticleRows(
        doc_id=doc_id,
        hash=digest,
        published=doc.published,
        published_raw=raw.published,
        source=raw.source,
        url=raw.url,
        title=raw.title,
        origin=raw.origin,
        text=raw.text,
        terms=indexed(view.text),
        sentences=tuple((s.start, s.end) for s in doc.sentences),
        timexes=tuple(
            (t.id, sentence_of(t.start), t.start, t.end, t.type, t.value, t.mod)
            for t in doc.timexes
        ),
        entities=tuple((e.id, e.start, e.end, e.label, e.text, e.ref) for e in doc.entities),
        events=tuple(_event_row(e) for e in doc.events),
    )


def _event_row(e: Event) -> tuple[object, ...]:
    flags = (int(e.negated), int(e.future))
    return (e.id, e.date, e.mod, e.end_date, e.start, e.end, e.type, e.section, *flags)


def _sentence_index(spans: list[tuple[int, int]]) -> Callable[[int], int | None]:
    def find(offset: int) -> int | None:
        for n, (s, e) in enumerate(spans):
            if s <= offset < e:
                return n
        return None

    return find


def _work(batch: list[_Todo]) -> list[ArticleRows | BadRecord]:
    return [_one(*todo) for todo in batch]


def _one(rec: RawArticle | Page, doc_id: str | None, digest: str | None) -> ArticleRows | BadRecord:
    """A record's rows; a page is extracted here first (the costly part of HTML)."""
    if isinstance(rec, Page):
        got = article(rec)
        if isinstance(got, BadRecord):
            return got
        rec, digest = got, content_hash(got.text)
        doc_id = got.id or digest
    assert doc_id is not None and digest is not None
    return rows(rec, doc_id, digest)


def ingest(
    paths: Iterable[str | Path],
    db: str | Path,
    *,
    fields: Fields | None = None,
    jobs: int = 0,
    batch: int = BATCH,
    on_record: Callable[[int], None] | None = None,
) -> Report:
    """Ingest ``paths`` into the store at ``db`` with ``jobs`` processes (0: all cores,
    1: this process). ``on_record(n)`` is told how many input records were consumed."""
    report = Report()
    jobs = jobs or os.cpu_count() or 1
    with Store(db, write=True) as store:
        records = read(paths, fields or Fields(), pages=True)
        batches = _batches(records, store, report, batch, on_record)
        results = _map(batches, jobs)
        for rejects, done in results:
            good = [r for r in done if isinstance(r, ArticleRows)]
            for bad in (r for r in done if isinstance(r, BadRecord)):
                report.reject(bad)
                rejects.append(bad)
            report.stored(store.add(good, [(b.origin, b.reason) for b in rejects]))
    return report


_Todo = tuple[RawArticle | Page, str | None, str | None]  # record, doc id, text hash
_Batch = tuple[list[BadRecord], list[_Todo]]


def _batches(
    records: Iterator[RawArticle | BadRecord | Page],
    store: Store,
    report: Report,
    size: int,
    on_record: Callable[[int], None] | None,
) -> Iterator[_Batch]:
    """New articles in batches, each with the bad records read since the last one."""
    seen: set[str] = set()
    rejects: list[BadRecord] = []
    todo: list[_Todo] = []
    for rec in records:
        report.read += 1
        if on_record:
            on_record(1)
        if isinstance(rec, BadRecord):
            report.reject(rec)
            rejects.append(rec)
            continue
        if isinstance(rec, Page):  # its text is known only once extracted, in a worker
            keys: tuple[str, ...] = (rec.origin,)
            known = store.known_origin(rec.origin)
            item: _Todo = (rec, None, None)
        else:
            digest = content_hash(rec.text)
            keys = (rec.id or digest, digest)
            known = store.known(*keys)
            item = (rec, *keys)
        if known or any(k in seen for k in keys):
            report.duplicates += 1
            continue
        seen.update(keys)
        todo.append(item)
        if len(todo) >= size:
            yield rejects, todo
            rejects, todo = [], []
    if todo or rejects:
        yield rejects, todo


def _map(batches: Iterator[_Batch], jobs: int) -> Iterator[tuple[list[BadRecord], list]]:
    """Each batch's rejects and results, in input order."""
    if jobs == 1:
        for rejects, todo in batches:
            yield rejects, _work(todo)
        return
    with ProcessPoolExecutor(jobs, initializer=_warm_up) as pool:
        pending: deque[tuple[list[BadRecord], Future]] = deque()
        for rejects, todo in batches:
            pending.append((rejects, pool.submit(_work, todo)))
            if len(pending) >= jobs * IN_FLIGHT:
                rejects0, fut = pending.popleft()
                yield rejects0, fut.result()
        while pending:
            rejects0, fut = pending.popleft()
            yield rejects0, fut.result()


def _warm_up() -> None:
    """Load lexicons, rules and the NER model once per worker, before the first batch."""
    parse_published("2020-01-01")
    run("في 3 مارس 2019 زار الرئيس بغداد.", "2019-03-04")
