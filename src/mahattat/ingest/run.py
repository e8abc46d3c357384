"""``mahattat ingest``: archives in (``io.records``), the pipeline on every core
(``io.parallel``), rows out into the store; a folder that ``mahattat batch`` wrote goes
in as it is (``batch_output``), without extracting again.

The main process reads, drops what is stored already (same id or same text), and sends
batches to worker processes; each batch comes back as rows and is written in one
transaction, in input order. A bad record, or an article the store cannot take, is
counted, kept in the store's ``rejects`` table with its line, and never stops the run.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..io.parallel import ordered_map
from ..io.records import (
    STDIN,
    BadRecord,
    Fields,
    Page,
    RawArticle,
    article,
    is_batch_output,
    read,
)
from ..io.records import count as count_records
from ..pipeline import run, warm_up
from ..records import Event
from ..store import Added, ArticleRows, Store, content_hash
from ..store.terms import indexed

BATCH = 32  # articles per task: big enough to hide the inter-process cost


@dataclass
class Report:
    read: int = 0
    added: int = 0
    duplicates: int = 0
    bad: Counter[str] = field(default_factory=Counter)
    examples: list[BadRecord] = field(default_factory=list)  # the first few, to show
    unfinished: int = 0  # partitions of a batch output without their _done marker

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
        if self.unfinished:
            lines.append(
                f"  {self.unfinished} batch partition(s) not finished (no _done marker) were"
                " left out: run the batch again, then this ingest"
            )
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
    return (e.id, e.date, e.mod, e.end_date, e.start, e.end, e.type, e.section, *flags, e.timex)


def _sentence_index(spans: list[tuple[int, int]]) -> Callable[[int], int | None]:
    def find(offset: int) -> int | None:
        for n, (s, e) in enumerate(spans):
            if s <= offset < e:
                return n
        return None

    return find


def _work(batch: _Batch) -> list[ArticleRows | BadRecord]:
    return [_one(*todo) for todo in batch.todo]


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
        for group, outputs in _groups(paths):
            if outputs:
                from .batch_output import ingest_output  # pyarrow: only for batch outputs

                for root in group:
                    ingest_output(Path(root), store, report, on_record)
            else:
                records = read(group, fields or Fields(), pages=True)
                _ingest(records, store, report, jobs, batch, on_record)
    return report


def count(paths: list[str]) -> int | None:
    """``io.records.count``, a batch output counted by its partitions' records."""
    if any(_is_output(path) for path in paths):
        from .batch_output import count_records as count_with_outputs

        return count_with_outputs(paths)
    return count_records(paths)


def _is_output(path: str | Path) -> bool:
    return str(path) != STDIN and is_batch_output(Path(path))


def _groups(paths: Iterable[str | Path]) -> Iterator[tuple[list[str | Path], bool]]:
    """The paths in runs of batch outputs and of other inputs, in their order."""
    group: list[str | Path] = []
    kind = False
    for path in paths:
        output = _is_output(path)
        if group and output != kind:
            yield group, kind
            group = []
        group.append(path)
        kind = output
    if group:
        yield group, kind


def _ingest(
    records: Iterator[RawArticle | BadRecord | Page],
    store: Store,
    report: Report,
    jobs: int,
    batch: int,
    on_record: Callable[[int], None] | None,
) -> None:
    batches = _batches(records, store, report, batch, on_record)
    for todo, done in ordered_map(_work, batches, jobs=jobs, warm_up=warm_up):
        good = [r for r in done if isinstance(r, ArticleRows)]
        failed = [r for r in done if isinstance(r, BadRecord)]
        for bad in failed:  # those of the reading were counted as they were read
            report.reject(bad)
        rejects = [(b.origin, b.reason) for b in (*todo.rejects, *failed)]
        report.stored(store.add(good, rejects))


_Todo = tuple[RawArticle | Page, str | None, str | None]  # record, doc id, text hash


@dataclass(frozen=True, slots=True)
class _Batch:
    """Articles to run, and the bad records read since the last batch (stored with it)."""

    rejects: list[BadRecord]
    todo: list[_Todo]


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
            yield _Batch(rejects, todo)
            rejects, todo = [], []
    if todo or rejects:
        yield _Batch(rejects, todo)
