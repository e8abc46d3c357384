"""The readers of ``mahattat ingest``: every archive format in, uniform records out.

``read(paths)`` yields a ``RawArticle`` for each usable article and a ``BadRecord`` for
each unusable one, and never raises for bad input: an ingest of 40k articles reports
what it skipped, and where, instead of stopping at the first bad line. Formats go by path:

- ``.jsonl``, ``.jsonl.gz``, ``.json.gz``: one JSON object a line, streamed line by line;
- ``.csv``, ``.csv.gz``: a header row names the columns;
- a folder: its ``.txt`` and ``.html``/``.htm`` files, recursively, in name order;
- ``.txt`` (publication date in the file name), ``.html``/``.htm``: one article a file;
- ``.warc``, ``.warc.gz``: the HTML responses in a web archive.

An origin says where a record came from: ``path:line`` (the line a JSONL/CSV record
starts on), ``path`` (one file), ``path#record-N`` (the N-th record of a WARC file).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import IO, Any

import trafilatura
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from mahattat.io.read import MAX_BYTES, InputError, decode


@dataclass(frozen=True, slots=True)
class RawArticle:
    text: str
    published: str  # ISO 8601 as found (date or datetime), validated parseable
    origin: str  # "path:line" (JSONL/CSV), "path" (file), "path#record-N" (WARC)
    id: str | None = None
    title: str | None = None
    source: str | None = None  # the outlet
    url: str | None = None


@dataclass(frozen=True, slots=True)
class BadRecord:
    origin: str  # same convention as RawArticle.origin, so a user can find the line
    reason: str  # one short line, e.g. "invalid JSON", "no text", "no publication date"


@dataclass(frozen=True, slots=True)
class Fields:
    """The names of the JSONL keys or CSV columns that hold each field."""

    text: str = "text"
    published: str = "published"
    id: str = "id"
    title: str = "title"
    source: str = "source"
    url: str = "url"


@dataclass(frozen=True, slots=True)
class Page:
    """An HTML page read but not yet extracted: ``article(page)`` does the costly part
    (trafilatura, htmldate), which ``ingest`` leaves to its worker processes."""

    html: str
    origin: str
    url: str | None = None


Item = RawArticle | BadRecord
_Reader = Callable[[Path, Fields], Iterator[Item | Page]]
_Row = tuple[str, list[str] | BadRecord]  # (origin, the row or why it is unreadable)

# A compressed stream that breaks off (truncated or corrupt .gz) raises one of these.
_STREAM_ERRORS = (OSError, EOFError, zlib.error)
# Article bodies can exceed the csv module's default 128 KB field limit.
_CSV_FIELD_LIMIT = 2**31 - 1  # the largest value a C long takes on every platform
_NAME_DATE = re.compile(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)")
_SURROGATE = re.compile("[\udc80-\udcff]")  # what errors="surrogateescape" makes of bad bytes
_HTML_TYPES = ("text/html", "application/xhtml+xml")
# htmldate, through trafilatura: the original date, not the "updated" one; no search of
# the running text, where any date the article mentions would pass for its own.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}


class _Bad(Exception):
    """Why one record is unusable; becomes a ``BadRecord``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# --- entry points ----------------------------------------------------------------------


def read(
    paths: Iterable[str | Path], fields: Fields = Fields(), *, pages: bool = False
) -> Iterator[Item | Page]:
    """Every article in PATHS as a ``RawArticle``, every unusable record as a ``BadRecord``;
    with ``pages``, HTML (files and WARC records) comes as ``Page``s still to extract."""
    for path in map(Path, paths):
        if not path.exists():
            yield BadRecord(str(path), "no such file or folder")
        elif path.is_dir():
            for file in _folder_files(path):
                yield from _reader(file, pages)(file, fields)
        else:
            yield from _reader(path, pages)(path, fields)


def article(page: Page) -> Item:
    """The article of a ``Page``: main text, title and publication date."""
    return _guard(page.origin, partial(_html_article, page.html, page.origin, page.url))


def count(paths: Iterable[str | Path], fields: Fields = Fields()) -> int | None:
    """A cheap estimate of how many items ``read`` yields, for a progress bar.

    Lines for JSONL/CSV, files for folders; ``None`` when a path's count is unknown (WARC).
    """
    total = 0
    for path in map(Path, paths):
        n = _count_one(path)
        if n is None:
            return None
        total += n
    return total


def _count_one(path: Path) -> int | None:
    if path.is_dir():
        return len(_folder_files(path))
    if not path.is_file():
        return 1  # one BadRecord
    kind = _kind(path)
    if kind == "jsonl":
        return _count_lines(path)
    if kind == "csv":
        return max(_count_lines(path) - 1, 0)  # the header; quoted newlines overcount
    return None if kind == "warc" else 1


def _count_lines(path: Path) -> int:
    lines, last = 0, b"\n"
    try:
        with _open(path) as f:
            for chunk in iter(partial(f.read, 1 << 20), b""):
                lines, last = lines + chunk.count(b"\n"), chunk[-1:]
    except _STREAM_ERRORS:
        pass  # an estimate: read() reports the damage, with its line
    return lines + (last != b"\n")


# --- dispatch --------------------------------------------------------------------------


_KINDS = (
    ((".jsonl", ".jsonl.gz", ".json.gz"), "jsonl"),
    ((".csv", ".csv.gz"), "csv"),
    ((".warc", ".warc.gz"), "warc"),
    ((".txt",), "txt"),
    ((".html", ".htm"), "html"),
)


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    return next((kind for suffixes, kind in _KINDS if name.endswith(suffixes)), None)


def _reader(path: Path, pages: bool = False) -> _Reader:
    readers: dict[str | None, _Reader] = {
        "jsonl": _read_jsonl,
        "csv": _read_csv,
        "warc": partial(_read_warc, pages=pages),
        "txt": _read_txt,
        "html": partial(_read_html, pages=pages),
    }
    return readers.get(_kind(path), _read_unknown)


def _read_unknown(path: Path, _fields: Fields) -> Iterator[Item]:
    yield BadRecord(str(path), "unknown format (not .jsonl[.gz], .csv, .txt, .html, .warc[.gz])")


def _open(path: Path) -> IO[bytes]:
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")


def _guard(origin: str, build: Callable[[], RawArticle]) -> Item:
    try:
        return build()
    except _Bad as e:
        return BadRecord(origin, e.reason)


# --- fields ----------------------------------------------------------------------------


def _article(origin: str, text: object, published: object, **meta: str | None) -> RawArticle:
    """A checked ``RawArticle``; ``_Bad`` when the text or the date is unusable."""
    if not isinstance(text, str) or not text.strip():
        raise _Bad("no text")
    return RawArticle(text=text, published=_published(published), origin=origin, **meta)


def _published(value: object) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise _Bad("no publication date")
    if not isinstance(value, str):
        raise _Bad(f"bad publication date: {value!r:.40}")
    value = value.strip()
    try:  # fromisoformat reads a trailing Z only from Python 3.11 on: be explicit
        datetime.fromisoformat(value[:-1] + "+00:00" if value[-1:] in "Zz" else value)
    except ValueError:
        raise _Bad(f"bad publication date: {value:.40}") from None
    return value


def _optional(value: object) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # numeric ids are common
    return value if isinstance(value, str) and value.strip() else None


def _from_mapping(record: Mapping[str, Any], fields: Fields, origin: str) -> RawArticle:
    return _article(
        origin,
        record.get(fields.text),
        record.get(fields.published),
        id=_optional(record.get(fields.id)),
        title=_optional(record.get(fields.title)),
        source=_optional(record.get(fields.source)),
        url=_optional(record.get(fields.url)),
    )


# --- JSONL -----------------------------------------------------------------------------


def _read_jsonl(path: Path, fields: Fields) -> Iterator[Item]:
    number = 0
    try:
        with _open(path) as stream:
            for number, raw in enumerate(stream, 1):
                if raw.strip():  # a blank line holds no record
                    origin = f"{path}:{number}"
                    yield _guard(origin, partial(_jsonl_article, raw, fields, origin))
    except _STREAM_ERRORS as e:
        yield BadRecord(f"{path}:{number + 1}", f"file breaks off here ({e})")


def _jsonl_article(raw: bytes, fields: Fields, origin: str) -> RawArticle:
    try:
        obj = json.loads(raw.decode("utf-8-sig"))  # -sig: a BOM on the first line
    except UnicodeDecodeError:
        raise _Bad("not UTF-8") from None
    except json.JSONDecodeError:
        raise _Bad("invalid JSON") from None
    if not isinstance(obj, dict):
        raise _Bad("not a JSON object")
    return _from_mapping(obj, fields, origin)


# --- CSV -------------------------------------------------------------------------------


def _read_csv(path: Path, fields: Fields) -> Iterator[Item]:
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    reader = None
    try:
        with _open(path) as binary, _csv_text(binary) as text:
            reader = csv.reader(text)
            yield from _csv_records(_csv_rows(reader, path), fields)
    except _STREAM_ERRORS as e:
        line = reader.line_num + 1 if reader is not None else 1
        yield BadRecord(f"{path}:{line}", f"file breaks off here ({e})")


def _csv_text(binary: IO[bytes]) -> io.TextIOWrapper:
    # surrogateescape: a row with bad bytes becomes one BadRecord instead of ending the file
    return io.TextIOWrapper(binary, encoding="utf-8-sig", errors="surrogateescape", newline="")


def _csv_rows(reader: Any, path: Path) -> Iterator[_Row]:
    """(origin, row) for each non-blank row, the origin naming the line it starts on."""
    while True:
        origin = f"{path}:{reader.line_num + 1}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            yield origin, BadRecord(origin, f"bad CSV: {e}")
            continue
        if row:
            yield origin, row


def _csv_records(rows: Iterator[_Row], fields: Fields) -> Iterator[Item]:
    header: list[str] | None = None
    for origin, row in rows:
        if isinstance(row, BadRecord):
            yield row
        elif header is None:
            header = [name.strip() for name in row]
            missing = [f for f in (fields.text, fields.published) if f not in header]
            if missing:  # every row would be bad: say it once
                yield BadRecord(origin, f"no column {', '.join(missing)} in the CSV header")
                return
        else:
            yield _guard(origin, partial(_csv_article, header, row, fields, origin))


def _csv_article(header: list[str], row: list[str], fields: Fields, origin: str) -> RawArticle:
    if any(_SURROGATE.search(value) for value in row):
        raise _Bad("not UTF-8")
    return _from_mapping(dict(zip(header, row, strict=False)), fields, origin)


# --- folders, .txt and .html files -----------------------------------------------------


def _folder_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if _kind(p) in ("txt", "html") and p.is_file())


def _read_txt(path: Path, _fields: Fields) -> Iterator[Item]:
    yield _guard(str(path), partial(_txt_article, path))


def _txt_article(path: Path) -> RawArticle:
    text = _decode(_file_bytes(path), path.name)
    date = _NAME_DATE.search(path.name)  # a .txt file has no metadata but its name
    if date is None:
        raise _Bad("no publication date")
    return _article(str(path), text, date[0])


def _read_html(path: Path, _fields: Fields, pages: bool = False) -> Iterator[Item | Page]:
    try:
        page = Page(_decode(_file_bytes(path), path.name), str(path))
    except _Bad as e:
        yield BadRecord(str(path), e.reason)
        return
    yield page if pages else article(page)


def _file_bytes(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_BYTES:  # no news article is this large
            raise _Bad(f"over {MAX_BYTES // 2**20} MB")
        return path.read_bytes()
    except OSError as e:
        raise _Bad(f"cannot read: {e.strerror or e}") from None


def _decode(data: bytes, name: str) -> str:
    try:
        return decode(data, name).text  # UTF-8, else windows-1256 and the like
    except InputError as e:
        raise _Bad(str(e)) from None


def _html_article(html: str, origin: str, url: str | None = None) -> RawArticle:
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params=_DATE_PARAMS,
    )
    if doc is None or not (getattr(doc, "text", None) or "").strip():
        raise _Bad("no main text in HTML")
    if not doc.date:
        raise _Bad("no publication date")
    return _article(
        origin,
        doc.text,
        doc.date,
        title=doc.title or None,
        source=doc.sitename or None,
        url=url or doc.url or None,  # trafilatura's is the canonical link, else og:url
    )


# --- WARC ------------------------------------------------------------------------------


def _read_warc(path: Path, _fields: Fields, pages: bool = False) -> Iterator[Item | Page]:
    number, record = 0, None
    try:
        with path.open("rb") as stream:
            for number, record in enumerate(ArchiveIterator(stream), 1):
                if _is_html_page(record):  # read it now: the iterator moves past it
                    origin = f"{path}#record-{number}"
                    try:
                        page = _warc_page(record, origin)
                    except _Bad as e:
                        yield BadRecord(origin, e.reason)
                    else:
                        yield page if pages else article(page)
                    record = None  # reported
    except (ArchiveLoadFailed, *_STREAM_ERRORS) as e:
        yield BadRecord(f"{path}#record-{number + 1}", f"file breaks off here ({e})")
        return
    if record is not None and _cut_off(record):  # a last record that is no page, cut off
        yield BadRecord(f"{path}#record-{number}", "record breaks off (file truncated)")


def _cut_off(record: Any) -> bool:
    # warcio ends a record that the file cuts off silently: bytes are still owed to it
    return getattr(record.raw_stream, "limit", 0) > 0


def _is_html_page(record: Any) -> bool:
    """A successful HTML response; requests, redirects, images and metadata are no articles."""
    headers = record.http_headers
    if record.rec_type != "response" or headers is None:
        return False
    mime = (headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return mime in _HTML_TYPES and str(headers.get_statuscode()).startswith("2")


def _warc_page(record: Any, origin: str) -> Page:
    try:
        data = record.content_stream().read(MAX_BYTES + 1)  # undoes chunking and gzip
    except (*_STREAM_ERRORS, ValueError) as e:
        raise _Bad(f"cannot read the HTTP body ({e})") from None
    if len(data) > MAX_BYTES:
        raise _Bad(f"over {MAX_BYTES // 2**20} MB")
    if _cut_off(record):
        raise _Bad("record breaks off (file truncated)")
    html = _decode(data, "the page")
    # WARC-Date is when the page was crawled, not published: the date comes from the page.
    return Page(html, origin, record.rec_headers.get_header("WARC-Target-URI"))
