"""The input of a batch cut into partitions: record ranges of each input path.

The driver reads every record once (``io.records.read``, the readers of ``ingest``) to
count them and to find duplicates the way ``ingest`` does (same id or same text as an
earlier record of the batch); a partition carries the positions of its duplicates, so
the workers, which each read only their own range, drop exactly what ``ingest`` drops.
HTML pages (files, WARC records) are known by their origin here: their text exists only
once a worker has extracted it.

A partition's id hashes the input's absolute path and the record range, so the same
input cut the same way gives the same ids on every run: what makes a re-run resumable.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..io.records import STDIN, BadRecord, Fields, Page, RawArticle, read
from ..store import content_hash

SIZE = 2000  # records a partition: minutes of one worker, a few MB of Parquet


@dataclass(frozen=True, slots=True)
class Partition:
    id: str
    path: str  # as given: origins name it the way ingest's do
    first: int  # records [first, stop) of what read([path]) yields
    stop: int
    duplicates: tuple[int, ...]  # positions (from 0, in the file) already seen earlier


@dataclass(frozen=True, slots=True)
class Plan:
    partitions: tuple[Partition, ...]
    records: int
    duplicates: int


def plan(paths: list[str], fields: Fields, size: int = SIZE) -> Plan:
    """Every path cut into partitions of ``size`` records. Raises ``ValueError`` for
    stdin, which a worker cannot read again."""
    if STDIN in paths:
        raise ValueError("batch cannot read stdin (-): workers read the input files")
    seen: set[str] = set()
    parts: list[Partition] = []
    records = duplicates = 0
    for path in paths:
        dups: list[int] = []
        n = 0
        for n, keys in enumerate(_keys(path, fields), 1):
            if any(k in seen for k in keys):
                dups.append(n - 1)
            else:  # as ingest: a duplicate's other key is not remembered
                seen.update(keys)
        records, duplicates = records + n, duplicates + len(dups)
        parts += _cut(path, n, size, dups)
    return Plan(tuple(parts), records, duplicates)


def _keys(path: str, fields: Fields) -> Iterator[tuple[str, ...]]:
    """For each record of ``path``, what makes it a duplicate (nothing for a bad one)."""
    for rec in read([path], fields, pages=True):
        if isinstance(rec, BadRecord):
            yield ()
        elif isinstance(rec, Page):
            yield (rec.origin,)
        else:
            assert isinstance(rec, RawArticle)
            digest = content_hash(rec.text)
            yield (rec.id or digest, digest)


def _cut(path: str, n: int, size: int, dups: list[int]) -> list[Partition]:
    out = []
    for first in range(0, max(n, 1), size):  # an empty file: one empty partition
        stop = min(first + size, n)
        mine = tuple(d for d in dups if first <= d < stop)
        out.append(Partition(partition_id(path, first, stop), path, first, stop, mine))
    return out


def partition_id(path: str, first: int, stop: int) -> str:
    """A stable name for records [first, stop) of ``path``."""
    key = f"{Path(path).resolve()}\0{first}\0{stop}".encode("utf-8", "surrogatepass")
    return hashlib.sha1(key).hexdigest()[:16]
