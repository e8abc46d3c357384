"""Self-written shards and a LocalCluster for the tests of ``mahattat batch``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mahattat.batch.check import read_tables
from mahattat.batch.write import columns
from mahattat.ingest.run import rows
from mahattat.io.records import RawArticle, read
from mahattat.store import ArticleRows, content_hash

SENTENCES = [
    "زار الرئيس بغداد في 3 مارس 2019 والتقى رئيس الوزراء.",
    "أعلنت الحكومة يوم الخميس الماضي عن خطة جديدة للتعليم.",
    "وقع البلدان في 2 أكتوبر 2018 اتفاقا لخفض الرسوم على 300 سلعة.",
    "أعلنت اللجنة أن الانتخابات البلدية ستجري في 20 نوفمبر المقبل.",
    "وصل وزير الخارجية إلى القاهرة أمس في زيارة تستمر يومين.",
    "لم يحضر الوفد اجتماع الأسبوع الماضي في عمان.",
]
MONTHS = ["2019-01", "2019-02", "2019-03", "2019-04"]


class Shards:
    """Self-written shards, and what a batch of them must give."""

    @staticmethod
    def article(n: int, **extra: Any) -> dict[str, Any]:
        """Article ``n``: a sentence, a number that makes its text unique, a month of four."""
        text = f"{SENTENCES[n % len(SENTENCES)]} وقال المتحدث إن العدد بلغ {n + 1} شخصا."
        day = 1 + n % 27
        return {"id": f"d{n}", "published": f"{MONTHS[n % len(MONTHS)]}-{day:02d}",
                "title": f"خبر {n}", "source": "wire", "text": text} | extra  # fmt: skip

    @staticmethod
    def shard(path: Path, lines: list[dict[str, Any] | str]) -> Path:
        """A JSONL file of these records (a string is written as it is: a corrupt line)."""
        out = [x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines]
        path.write_text("\n".join(out) + "\n", encoding="utf-8")
        return path

    @staticmethod
    def expected(paths: list[Path]) -> dict[str, list[dict[str, Any]]]:
        """What ingest would store for ``paths``: ``ingest.run.rows`` of each new article (same
        id or same text as an earlier one: skipped), in the batch's columns."""
        seen: set[str] = set()
        good: list[ArticleRows] = []
        for rec in read([str(p) for p in paths]):
            if not isinstance(rec, RawArticle):
                continue
            digest = content_hash(rec.text)
            keys = (rec.id or digest, digest)
            if any(k in seen for k in keys):
                continue
            seen.update(keys)
            got = rows(rec, keys[0], digest)
            assert isinstance(got, ArticleRows)
            good.append(got)
        return columns(good)

    @staticmethod
    def output(out: Path) -> dict[str, list[dict[str, Any]]]:
        """The batch's tables as ``expected`` gives them: ``month`` checked and dropped."""
        tables = read_tables(out)
        month = {}
        for row in tables["documents"]:
            month[row["doc_id"]] = row.pop("month")
            assert month[row["doc_id"]] == row["published"][:7]
        for name in ("timexes", "entities", "events"):
            for row in tables[name]:
                assert row.pop("month") == month[row["doc_id"]]
        return tables

    @staticmethod
    def rows_of(table: list[dict[str, Any]]) -> list[str]:
        """Rows as sorted JSON strings: equal lists mean equal rows, duplicates included."""
        return sorted(json.dumps(r, ensure_ascii=False, sort_keys=True) for r in table)


@pytest.fixture(scope="session")
def shards() -> type[Shards]:
    return Shards


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """Two worker processes of one thread each, as ``batch --workers 2`` starts."""
    from dask.distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as c:
        yield c
