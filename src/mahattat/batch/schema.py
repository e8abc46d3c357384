"""The Parquet layout of ``mahattat batch``, shared with the Parquet reader of ``ingest``.

``DIR/<table>/month=YYYY-MM/part-<id>.parquet`` for the article tables (``month`` is the
article's publication month, taken from ``published``; it lives in the directory name,
Hive style, not in the file), ``DIR/rejects/part-<id>.parquet`` for bad records, and
``DIR/_done/<id>.json`` once partition ``<id>`` is complete (written last, atomically,
with its counts); ``DIR/_batch.json`` holds the partition size, which a re-run must
keep (ids are record ranges). The columns are exactly those of ``store.ArticleRows`` with the
article's ``doc_id`` on every row, so a batch becomes a store without extracting again.
Offsets (``start``, ``end``) are in characters of the original ``text``.
"""

from __future__ import annotations

import pyarrow as pa

_STR = pa.string()
_INT = pa.int32()

DOCUMENTS = pa.schema(
    [
        pa.field("doc_id", _STR, nullable=False),
        pa.field("hash", _STR, nullable=False),  # store.content_hash of the text
        pa.field("published", _STR, nullable=False),  # YYYY-MM-DD
        pa.field("published_raw", _STR, nullable=False),  # as the input gave it
        pa.field("source", _STR),
        pa.field("url", _STR),
        pa.field("title", _STR),
        pa.field("origin", _STR, nullable=False),  # file:line (or file#record) of the input
        pa.field("text", _STR, nullable=False),
        pa.field("terms", _STR, nullable=False),  # the body's search terms (store.terms)
        pa.field(
            "sentences",
            pa.list_(pa.struct([pa.field("start", _INT), pa.field("end", _INT)])),
            nullable=False,
        ),
    ]
)

TIMEXES = pa.schema(
    [
        pa.field("doc_id", _STR, nullable=False),
        pa.field("tid", _STR, nullable=False),
        pa.field("sentence", _INT),  # index into the document's sentences
        pa.field("start", _INT, nullable=False),
        pa.field("end", _INT, nullable=False),
        pa.field("type", _STR, nullable=False),
        pa.field("value", _STR, nullable=False),
        pa.field("mod", _STR),
    ]
)

ENTITIES = pa.schema(
    [
        pa.field("doc_id", _STR, nullable=False),
        pa.field("eid", _STR, nullable=False),
        pa.field("start", _INT, nullable=False),
        pa.field("end", _INT, nullable=False),
        pa.field("label", _STR, nullable=False),
        pa.field("text", _STR, nullable=False),
        pa.field("ref", _STR),
    ]
)

EVENTS = pa.schema(
    [
        pa.field("doc_id", _STR, nullable=False),
        pa.field("evid", _STR, nullable=False),
        pa.field("date", _STR, nullable=False),
        pa.field("mod", _STR),
        pa.field("end_date", _STR),
        pa.field("start", _INT, nullable=False),
        pa.field("end", _INT, nullable=False),
        pa.field("type", _STR),
        pa.field("section", _STR),
        pa.field("negated", pa.bool_(), nullable=False),
        pa.field("future", pa.bool_(), nullable=False),
        pa.field("timex", _STR),  # the timex dating it, null for the publication day
    ]
)

REJECTS = pa.schema(
    [
        pa.field("origin", _STR, nullable=False),
        pa.field("reason", _STR, nullable=False),
    ]
)

# The article tables, partitioned by month; each row of documents has its rows here.
ARTICLE_TABLES: dict[str, pa.Schema] = {
    "documents": DOCUMENTS,
    "timexes": TIMEXES,
    "entities": ENTITIES,
    "events": EVENTS,
}
TABLES: dict[str, pa.Schema] = {**ARTICLE_TABLES, "rejects": REJECTS}
DONE = "_done"  # DIR/_done/<id>.json: the partition is complete
SETTINGS = "_batch.json"  # DIR/_batch.json: {"partition_size": N}, the same on a re-run
MONTH = "month"  # the Hive partition key: DIR/<table>/month=YYYY-MM/


def month_of(published: str) -> str:
    """``YYYY-MM`` of a publication date ``YYYY-MM-DD``."""
    return published[:7]
