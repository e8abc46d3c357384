"""Every reader (JSONL, CSV, HTML, WARC, Parquet) fed random bytes and valid files with
bytes flipped, cut, deleted and inserted: no exception escapes ``read``, and every record
in the file comes out as an article or a ``BadRecord`` with a reason (records in =
articles + bad, counted by each format's own parser: lines, ``csv``, warcio, the Parquet
footer). Bounded examples: the whole file runs in well under a minute."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import tempfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from mahattat.io.parquet import MAX_LISTED
from mahattat.io.records import BadRecord, RawArticle, read
from mahattat.pipeline import parse_published

RECORDS = [
    {"id": "n1", "published": "2018-10-02", "title": "زيارة",
     "text": "وصل الوفد الرياضي إلى العاصمة مساء أمس."},
    {"id": 2, "published": "2018-10-03T09:30:00+03:00", "source": "وكالة",
     "text": "افتتحت البلدية حديقة عامة جديدة في 3 مارس 2019."},
    {"id": "n3", "published": "2018-10-04", "url": "https://example.com/3",
     "text": "أعلنت اللجنة أن الانتخابات ستجري في 20 نوفمبر المقبل."},
]  # fmt: skip
COLUMNS = ("id", "published", "title", "source", "url", "text")
# MAHATTAT_FUZZ=20 runs twenty times the examples (a longer hunt than the suite's).
SCALE = int(os.environ.get("MAHATTAT_FUZZ", "1"))
FAST = settings(
    max_examples=500 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
SLOW = settings(
    max_examples=120 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

# A mutation: (what, where in the file from 0 to 1, the bytes it puts there).
MUTATIONS = st.lists(
    st.tuples(
        st.sampled_from(["flip", "delete", "insert", "cut", "overwrite"]),
        st.floats(0, 1),
        st.binary(min_size=1, max_size=8),
    ),
    min_size=1,
    max_size=3,
)


def _mutated(data: bytes, mutations: list[tuple[str, float, bytes]]) -> bytes:
    out = bytearray(data)
    for what, where, chunk in mutations:
        at = min(int(len(out) * where), max(len(out) - 1, 0))
        if what == "flip" and out:
            out[at] ^= chunk[0] or 0xFF
        elif what == "delete":
            del out[at : at + len(chunk)]
        elif what == "insert":
            out[at:at] = chunk
        elif what == "overwrite":
            out[at : at + len(chunk)] = chunk
        elif what == "cut":
            del out[at:]
    return bytes(out)


@contextmanager
def _file(name: str, data: bytes) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:  # hypothesis reruns: a fresh one each time
        path = Path(folder) / name
        path.write_bytes(data)
        yield path


def _read(path: Path) -> list[RawArticle | BadRecord]:
    items = list(read([path]))
    for item in items:
        assert isinstance(item, RawArticle | BadRecord), item
        item.origin.encode("utf-8")  # printable, storable
        if isinstance(item, BadRecord):
            assert item.reason.strip() and "\n" not in item.reason, item
            item.reason.encode("utf-8")
        else:
            values = [item.text, item.published, item.id, item.title, item.source, item.url]
            for value in (v for v in values if v is not None):
                assert "\x00" not in value
                value.encode("utf-8")
            assert item.text.strip()
            parse_published(item.published)
    return items


def _whole_file(items: list, path: Path) -> bool:
    """One ``BadRecord`` for the file: it cannot be read as its format at all."""
    return len(items) == 1 and isinstance(items[0], BadRecord) and items[0].origin == str(path)


# --- the valid files -------------------------------------------------------------------


def _jsonl() -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS).encode()


def _csv() -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    writer.writerows([[r.get(c, "") for c in COLUMNS] for r in RECORDS])
    return buffer.getvalue().encode()


def _html(record: dict = RECORDS[0]) -> bytes:
    return (
        '<html lang="ar"><head><meta charset="utf-8">'
        f'<meta property="article:published_time" content="{record["published"]}">'
        f"<title>{record.get('title', '')}</title></head><body><article>"
        f"<p>{record['text']}</p><p>{record['text']}</p></article></body></html>"
    ).encode()


def _warc(gz: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for n, record in enumerate(RECORDS):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                f"https://example.com/{n}",
                "response",
                payload=io.BytesIO(_html(record)),
                http_headers=headers,
            )
        )
    return buffer.getvalue()


def _parquet(compression: str) -> bytes:
    table = pa.table({c: [None if c not in r else str(r[c]) for r in RECORDS] for c in COLUMNS})
    buffer = io.BytesIO()
    pq.write_table(table, buffer, row_group_size=2, compression=compression)
    return buffer.getvalue()


VALID: dict[str, Callable[[], bytes]] = {
    "a.jsonl": _jsonl,
    "a.jsonl.gz": lambda: gzip.compress(_jsonl(), mtime=0),
    "a.csv": _csv,
    "a.html": _html,
    "a.warc": lambda: _warc(False),
    "a.warc.gz": lambda: _warc(True),
    "a.parquet": lambda: _parquet("none"),
    "b.parquet": lambda: _parquet("snappy"),
}
CONTENT = {name: make() for name, make in VALID.items()}  # built once, mutated per example


def test_the_valid_files_give_every_record_as_an_article() -> None:
    for name, data in CONTENT.items():
        with _file(name, data) as path:
            items = _read(path)
        expected = 1 if name.endswith(".html") else len(RECORDS)
        assert [type(i) for i in items] == [RawArticle] * expected, name


# --- records in, by each format's own parser ---------------------------------------------


def _jsonl_lines(path: Path, data: bytes) -> tuple[list[int], bool]:
    """The non-blank lines that can be read, and whether the whole file can be."""
    gz = path.name.endswith(".gz")
    if gz and not data:
        return [], False  # not even a gzip header
    stream = gzip.GzipFile(fileobj=io.BytesIO(data)) if gz else io.BytesIO(data)
    lines: list[int] = []
    try:
        for n, raw in enumerate(stream, 1):
            if raw.strip():
                lines.append(n)
    except (OSError, EOFError, zlib.error):
        return lines, False
    return lines, True


def _check_jsonl(path: Path, data: bytes, items: list) -> None:
    lines, whole = _jsonl_lines(path, data)
    expected = [f"{path}:{n}" for n in lines]
    origins = [i.origin for i in items]
    if _whole_file(items, path):  # it looks like UTF-16: every line would be bad
        assert "UTF-16" in items[0].reason
    elif whole:
        assert origins == expected
    else:  # the lines before the damage, then where it is: nothing after can be read
        assert "breaks off" in items[-1].reason
        assert origins[:-1] == expected[: len(origins) - 1]


def _csv_rows(data: bytes) -> tuple[list[str], int] | None:
    """The header and the number of rows after it, as the csv module parses the file."""
    csv.field_size_limit(2**31 - 1)
    text = io.TextIOWrapper(io.BytesIO(data), "utf-8-sig", "surrogateescape", newline="")
    reader = csv.reader(text)
    header, rows = None, 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return (header or [], rows) if header is not None else None
        except csv.Error:
            rows += 1  # a row the parser refuses is still a record, reported bad
            continue
        if row and header is None:
            header = [name.strip() for name in row]
        elif row:
            rows += 1


def _check_csv(path: Path, data: bytes, items: list) -> None:
    parsed = _csv_rows(data)
    origins = [i.origin for i in items]
    assert len(set(origins)) == len(origins)
    if parsed is None:  # no header row: an empty file
        assert items == []
        return
    header, rows = parsed
    if "text" not in header or "published" not in header:
        assert len(items) == 1 and "CSV header" in items[0].reason
    else:
        assert len(items) == rows


def _warc_pages(data: bytes) -> tuple[int, bool]:
    """HTML responses warcio finds, and whether it read the file to its end."""
    pages = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            headers = record.http_headers
            if record.rec_type == "response" and headers is not None:
                mime = (headers.get_header("Content-Type") or "").split(";")[0].strip()
                pages += mime.lower() == "text/html" and headers.get_statuscode()[:1] == "2"
                with suppress(Exception):
                    record.content_stream().read()
    except Exception:
        return pages, False
    return pages, True


STOPPED = ("file breaks off here", "damaged WARC record")  # nothing after can be read


def _check_warc(path: Path, data: bytes, items: list) -> None:
    origins = [i.origin for i in items]
    assert len(set(origins)) == len(origins)
    assert all(o.startswith(f"{path}#record-") for o in origins)
    pages, whole = _warc_pages(data)
    last = items[-1] if items else None
    stopped = isinstance(last, BadRecord) and last.reason.startswith(STOPPED)
    assert stopped != whole  # the reader stops where warcio does, and says so
    rest = len(items) - stopped
    # one item a page warcio read; and a last record that is no page, when it is cut off
    assert pages <= rest <= pages + 1


def _check_html(path: Path, data: bytes, items: list) -> None:
    assert [i.origin for i in items] == [str(path)]  # one file, one article or one reason


def _check_parquet(path: Path, data: bytes, items: list) -> None:
    try:
        rows = pq.ParquetFile(io.BytesIO(data)).metadata.num_rows
    except Exception:
        assert _whole_file(items, path) and items[0].reason.startswith("not a Parquet file")
        return
    if _whole_file(items, path):  # the footer reads, but names no text or date column
        assert "Parquet" in items[0].reason
    elif rows <= MAX_LISTED and all(g <= MAX_LISTED for g in _group_rows(data)):
        assert [i.origin for i in items] == [f"{path}#row-{n}" for n in range(1, rows + 1)]


def _group_rows(data: bytes) -> list[int]:
    meta = pq.ParquetFile(io.BytesIO(data)).metadata
    return [meta.row_group(g).num_rows for g in range(meta.num_row_groups)]


CHECKS: dict[str, Callable[[Path, bytes, list], None]] = {
    "a.jsonl": _check_jsonl,
    "a.jsonl.gz": _check_jsonl,
    "a.csv": _check_csv,
    "a.html": _check_html,
    "a.warc": _check_warc,
    "a.warc.gz": _check_warc,
    "a.parquet": _check_parquet,
    "b.parquet": _check_parquet,
}


def _run(name: str, data: bytes) -> None:
    with _file(name, data) as path:
        items = _read(path)
        CHECKS[name](path, data, items)


# --- the fuzz runs ---------------------------------------------------------------------

CHEAP = ["a.jsonl", "a.jsonl.gz", "a.csv", "a.parquet", "b.parquet"]
COSTLY = ["a.html", "a.warc", "a.warc.gz"]  # each page goes through trafilatura


@FAST
@given(name=st.sampled_from(CHEAP), mutations=MUTATIONS)
# What the fuzz found, kept (the bytes of pyarrow 24's files): a row group's data shorter
# than its footer says, and a row group whose count in the footer is negative.
@example(name="a.parquet", mutations=[("flip", 0.24777385631250654, b"\x01")])
@example(name="b.parquet", mutations=[("flip", 0.6489814328362443, b"\x01")])
# and a WARC whose error message quotes the damaged bytes, newlines and all
@example(name="a.warc.gz", mutations=[("flip", 1.0, b"\x00")])
def test_mutated_files(name: str, mutations: list[tuple[str, float, bytes]]) -> None:
    _run(name, _mutated(CONTENT[name], mutations))


@FAST
@given(name=st.sampled_from(CHEAP), data=st.binary(max_size=200))
def test_random_bytes(name: str, data: bytes) -> None:
    _run(name, data)


@FAST
@given(name=st.sampled_from(CHEAP), head=st.integers(0, 4096), data=st.binary(max_size=64))
def test_valid_files_with_random_tails(name: str, head: int, data: bytes) -> None:
    _run(name, CONTENT[name][:head] + data)


@SLOW
@given(name=st.sampled_from(COSTLY), mutations=MUTATIONS)
def test_mutated_pages_and_archives(name: str, mutations: list[tuple[str, float, bytes]]) -> None:
    _run(name, _mutated(CONTENT[name], mutations))


@SLOW
@given(name=st.sampled_from(COSTLY), data=st.binary(max_size=200))
def test_random_pages_and_archives(name: str, data: bytes) -> None:
    _run(name, data)
