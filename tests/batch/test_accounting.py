"""Every record of a batch accounted for, whatever the mix of good, duplicate and corrupt
lines: a property over ``run_partition`` (what each Dask task runs), without a cluster."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import hypothesis.strategies as st
from hypothesis import HealthCheck, given, settings

from mahattat.batch.check import read_tables
from mahattat.batch.partitions import plan
from mahattat.batch.run import run_partition
from mahattat.io.records import Fields

if TYPE_CHECKING:
    from conftest import Shards

# A line: an article (by number: equal numbers are the same article), or a corrupt one.
LINE = st.one_of(
    st.integers(0, 5),
    st.sampled_from(['{"id": "x", "text": "نص', "[1]", '{"text": "بلا تاريخ"}', "\x00\x01"]),
    st.text(max_size=30).filter(lambda s: "\n" not in s and "\r" not in s),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=st.lists(LINE, max_size=12), size=st.integers(1, 5))
def test_every_record_is_an_article_a_duplicate_or_a_reject(
    tmp_path_factory: object, shards: type[Shards], lines: list[int | str], size: int
) -> None:
    tmp = Path(tmp_path_factory.mktemp("acc"))  # type: ignore[attr-defined]
    src = tmp / "in.jsonl"
    text = [json.dumps(shards.article(x)) if isinstance(x, int) else x for x in lines]
    src.write_text("".join(t + "\n" for t in text), encoding="utf-8")
    cut = plan([str(src)], Fields(), size)
    totals = {"records": 0, "articles": 0, "duplicates": 0, "rejected": 0}
    for part in cut.partitions:
        for k, v in run_partition(part, str(tmp / "out"), Fields()).items():
            totals[k] += v
    got = read_tables(tmp / "out")
    assert totals["records"] == cut.records
    assert totals["articles"] + totals["duplicates"] + totals["rejected"] == cut.records
    if b"\x00" in src.read_bytes()[:4]:  # read as UTF-16: the file is one reject, no line
        assert [r["origin"] for r in got["rejects"]] == [str(src)] and not got["documents"]
        return
    articles = {x for x in lines if isinstance(x, int)}
    assert sorted(r["doc_id"] for r in got["documents"]) == sorted(f"d{n}" for n in articles)
    assert totals["duplicates"] == sum(isinstance(x, int) for x in lines) - len(articles)
    assert len(got["rejects"]) == totals["rejected"]
    assert all(r["origin"].startswith(f"{src}:") for r in got["rejects"])
