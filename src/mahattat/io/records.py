"""Records in: every archive format read into uniform records, for ``mahattat ingest``,
``mahattat extract --jsonl`` and any batch layer above them.

``read(paths, fields)`` yields a ``RawArticle`` for each usable article and a ``BadRecord``
for each unusable one, and never raises for bad input: an ingest of 40k articles reports
what it skipped, and where, instead of stopping at the first bad line. Formats go by path
(``jsonl=True`` reads every path as JSONL):

- ``-``: JSONL on stdin;
- ``.jsonl``, ``.jsonl.gz``, ``.json.gz``: one JSON object a line, streamed line by line;
- ``.csv``, ``.csv.gz``: a header row names the columns;
- ``.parquet``: one article a row, columns named as JSONL keys (``io.parquet``);
- a folder: its ``.txt``, ``.html``/``.htm`` and ``.parquet`` files, recursively, in name
  order; a folder that ``mahattat batch`` wrote (``_batch.json``, ``_done/``) is refused
  here: ``ingest`` stores its rows as they are, without extracting again;
- ``.txt`` (publication date in the file name), ``.html``/``.htm``: one article a file;
- ``.warc``, ``.warc.gz``: the HTML responses in a web archive.

Every record is checked the same way, whatever its format: a non-blank text; an ISO 8601
publication date (or ``Fields.published_default``); an id that is a string or an integer;
and no NUL character or lone surrogate (JSON's ``"\\ud800"``) in any field read. Such a
record is refused: it cannot be encoded as UTF-8 (stored, hashed, printed), and a NUL is
never news text but the mark of a binary or UTF-16 file, which ``io.read.decode`` refuses
for the same reason.

An origin says where a record came from: ``path:line`` (the line a JSONL/CSV record
starts on), ``path`` (one file, or a whole file that cannot be read), ``path#record-N``
(the N-th record of a WARC file), ``path#row-N`` (the N-th row of a Parquet file);
``source_name(path)`` is the ``path`` part.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import gzip
import io
import json
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO, Any, Literal, cast, overload

from .read import MAX_BYTES, InputError, decode

STDIN = "-"


@dataclass(frozen=True, slots=True)
class RawArticle:
    text: str
    published: str  # ISO 8601 as found (date or datetime), validated parseable
    origin: str  # "path:line" (JSONL/CSV), "path" (file), "path#record-N" (WARC)
    id: str | None = None
    title: str | None = None
    source: str | None = None  # the outlet
    url: str | None = None
    assumed_date: bool = False  # ``published`` is Fields.published_default: it had none


@dataclass(frozen=True, slots=True)
class BadRecord:
    origin: str  # same convention as RawArticle.origin, so a user can find the line
    reason: str  # one short line, e.g. "invalid JSON", "no text", "no publication date"


@dataclass(frozen=True, slots=True)
class Fields:
    """The names of the JSONL keys or CSV columns that hold each field, and the date of
    a JSONL, CSV or .txt record that has none (``None``: such a record is bad)."""

    text: str = "text"
    published: str = "published"
    id: str = "id"
    title: str = "title"
    source: str = "source"
    url: str = "url"
    published_default: str | None = None


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
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")  # what errors="surrogateescape" makes of bad bytes
_SURROGATE = re.compile("[\ud800-\udfff]")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
# htmldate, through trafilatura: the original date, not the "updated" one; no search of
# the running text, where any date the article mentions would pass for its own.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}
_BATCH_OUTPUT = "a batch output, already extracted: mahattat ingest stores it as it is"
_TOO_LARGE = f"over {MAX_BYTES // 2**20} MB"


class _Bad(Exception):
    """Why one record is unusable; becomes a ``BadRecord``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# --- entry points ----------------------------------------------------------------------


@overload
def read(
    paths: Iterable[str | Path],
    fields: Fields = ...,
    *,
    pages: Literal[False] = False,
    jsonl: bool = False,
) -> Iterator[Item]: ...
@overload
def read(
    paths: Iterable[str | Path], fields: Fields = ..., *, pages: bool, jsonl: bool = False
) -> Iterator[Item | Page]: ...
def read(
    paths: Iterable[str | Path],
    fields: Fields = Fields(),
    *,
    pages: bool = False,
    jsonl: bool = False,
) -> Iterator[Item | Page]:
    """Every article in PATHS as a ``RawArticle``, every unusable record as a ``BadRecord``,
    in input order; with ``pages``, HTML (files and WARC records) comes as ``Page``s still
    to extract; with ``jsonl``, every path is read as JSONL whatever its name."""
    for path in paths:
        if str(path) == STDIN:
            yield from _jsonl_lines(sys.stdin.buffer, source_name(STDIN), fields)
            continue
        path = Path(path)
        if not path.exists():
            yield BadRecord(source_name(path), "no such file or folder")
        elif path.is_dir():
            if jsonl:
                yield BadRecord(source_name(path), "a folder, not a JSONL file")
                continue
            if is_batch_output(path):
                yield BadRecord(source_name(path), _BATCH_OUTPUT)
                continue
            for file in _folder_files(path):
                yield from _reader(file, pages)(file, fields)
        else:
            yield from (_read_jsonl if jsonl else _reader(path, pages))(path, fields)


def article(page: Page) -> Item:
    """The article of a ``Page``: main text, title and publication date."""
    return _guard(page.origin, partial(_html_article, page.html, page.origin, page.url))


def source_name(path: str | Path) -> str:
    """How origins name PATH: ``<stdin>`` for ``-``; an undecodable file name escaped, so
    that an origin can always be printed and stored."""
    if str(path) == STDIN:
        return "<stdin>"
    return str(path).encode("utf-8", "backslashreplace").decode("utf-8")


def count(paths: Iterable[str | Path], *, jsonl: bool = False) -> int | None:
    """A cheap estimate of how many items ``read`` yields, for a progress bar.

    Lines for JSONL/CSV, rows for Parquet (by its footer), files for folders; ``None``
    when a path's count is unknown (WARC, stdin).
    """
    total = 0
    for path in paths:
        n = None if str(path) == STDIN else _count_one(Path(path), jsonl)
        if n is None:
            return None
        total += n
    return total


def _count_one(path: Path, jsonl: bool) -> int | None:
    if path.is_dir():
        if jsonl or is_batch_output(path):
            return 1
        return sum(_count_one(file, jsonl) or 1 for file in _folder_files(path))
    if not path.is_file():
        return 1  # one BadRecord
    kind = "jsonl" if jsonl else _kind(path)
    if kind == "parquet":
        from .parquet import count_rows

        return count_rows(path)
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
    ((".parquet",), "parquet"),
)
_FOLDER_KINDS = ("txt", "html", "parquet")


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
        "parquet": _read_parquet,
    }
    return readers.get(_kind(path), _read_unknown)


def _read_unknown(path: Path, _fields: Fields) -> Iterator[Item]:
    yield BadRecord(
        source_name(path),
        "unknown format (not .jsonl[.gz], .csv, .txt, .html, .warc[.gz], .parquet)",
    )


def _read_parquet(path: Path, fields: Fields) -> Iterator[Item]:
    from .parquet import read_parquet  # here: only a Parquet file pays for pyarrow

    yield from read_parquet(path, fields)


def _open(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        if path.stat().st_size == 0:  # gzip reads it as empty: it is cut off before its header
            raise EOFError("an empty file, not even a gzip header")
        return cast(IO[bytes], gzip.open(path, "rb"))  # a GzipFile is binary IO
    return path.open("rb")


def _opened(path: Path) -> IO[bytes] | BadRecord:
    """``_open(path)``, or why it cannot be read."""
    try:
        return _open(path)
    except EOFError as e:
        return BadRecord(f"{source_name(path)}:1", f"file breaks off here ({said(e)})")
    except OSError as e:
        return BadRecord(source_name(path), f"cannot read: {said(e.strerror or e)}")


def said(error: object, limit: int = 160) -> str:
    """An error's message as part of a one-line reason: a library may quote the damaged
    bytes themselves (warcio does), newlines and control characters included."""
    text = " ".join(str(error).split())
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _guard(origin: str, build: Callable[[], RawArticle]) -> Item:
    try:
        return build()
    except _Bad as e:
        return BadRecord(origin, e.reason)


# --- fields ----------------------------------------------------------------------------


def _article(
    origin: str,
    text: object,
    published: object,
    default: str | None = None,
    **meta: object,
) -> RawArticle:
    """A checked ``RawArticle``; ``_Bad`` when a field is unusable."""
    if not isinstance(text, str) or not text.strip():
        raise _Bad("no text")
    _check_chars("text", text)
    date, assumed = _published(published, default)
    values = {name: _optional(name, value) for name, value in meta.items()}
    return RawArticle(text=text, published=date, origin=origin, assumed_date=assumed, **values)


def _check_chars(name: str, value: str) -> None:
    if "\x00" in value:
        raise _Bad(f"NUL character in {name}")
    if _SURROGATE.search(value):
        raise _Bad(f"lone surrogate in {name}")


def _published(value: object, default: str | None) -> tuple[str, bool]:
    """The date as found, and whether it is the default; ``_Bad`` when unusable."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if default is None:
            raise _Bad("no publication date")
        return default, True
    if not isinstance(value, str):
        raise _Bad(f"bad publication date: {value!r:.40}")
    _check_chars("publication date", value)
    value = value.strip()
    try:
        _iso_date(value)
    except ValueError:
        raise _Bad(f"bad publication date: {value:.40}") from None
    return value, False


def _iso_date(value: str) -> dt.date:
    # pipeline.parse_published's own test, without importing the pipeline: what passes
    # here never fails there (tests/io/test_records.py holds them equal).
    return dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()


def _optional(name: str, value: object) -> str | None:
    """An id, title, source or url: a string or an integer. Another type is no id (the
    record is bad: it could not be told from others) and no title, source or url (these
    are often objects, such as NewsAPI's ``"source": {"name": ...}``)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # numeric ids are common
    if isinstance(value, str):
        _check_chars(name, value)
        return value if value.strip() else None
    if value is not None and name == "id":
        raise _Bad(f"bad id: {type(value).__name__}")
    return None


def _from_mapping(record: Mapping[str, Any], fields: Fields, origin: str) -> RawArticle:
    return _article(
        origin,
        record.get(fields.text),
        record.get(fields.published),
        fields.published_default,
        id=record.get(fields.id),
        title=record.get(fields.title),
        source=record.get(fields.source),
        url=record.get(fields.url),
    )


# --- JSONL -----------------------------------------------------------------------------


def _read_jsonl(path: Path, fields: Fields) -> Iterator[Item]:
    stream = _opened(path)
    if isinstance(stream, BadRecord):
        yield stream
        return
    with stream:
        yield from _jsonl_lines(stream, source_name(path), fields)


def _jsonl_lines(stream: IO[bytes], name: str, fields: Fields) -> Iterator[Item]:
    number = 0
    try:
        if _looks_utf16(stream):  # every line would be bad: say it once, for the file
            yield BadRecord(name, "not UTF-8 (it looks like UTF-16)")
            return
        for number, raw in enumerate(stream, 1):
            if raw.strip():  # a blank line holds no record
                origin = f"{name}:{number}"
                yield _guard(origin, partial(_jsonl_article, raw, fields, origin))
    except _STREAM_ERRORS as e:
        yield BadRecord(f"{name}:{number + 1}", f"file breaks off here ({said(e)})")


def _looks_utf16(stream: IO[bytes]) -> bool:
    peek = getattr(stream, "peek", None)  # buffered files, gzip and stdin have it
    head = peek(4)[:4] if peek is not None else b""
    return head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head


def _jsonl_article(raw: bytes, fields: Fields, origin: str) -> RawArticle:
    if len(raw) > MAX_BYTES:
        raise _Bad(_TOO_LARGE)
    try:
        obj = json.loads(raw.decode("utf-8-sig"))  # -sig: a BOM on the first line
    except UnicodeDecodeError:
        raise _Bad("not UTF-8") from None
    except (ValueError, RecursionError):  # also a 5000-digit number, [[[...]]] nested deep
        raise _Bad("invalid JSON") from None
    if not isinstance(obj, dict):
        raise _Bad("not a JSON object")
    return _from_mapping(obj, fields, origin)


# --- CSV -------------------------------------------------------------------------------


def _read_csv(path: Path, fields: Fields) -> Iterator[Item]:
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    name, reader, binary = source_name(path), None, _opened(path)
    if isinstance(binary, BadRecord):
        yield binary
        return
    try:
        with binary, _csv_text(binary) as text:
            reader = csv.reader(text)
            yield from _csv_records(_csv_rows(reader, name), fields)
    except _STREAM_ERRORS as e:
        line = reader.line_num + 1 if reader is not None else 1
        yield BadRecord(f"{name}:{line}", f"file breaks off here ({said(e)})")


def _csv_text(binary: IO[bytes]) -> io.TextIOWrapper:
    # surrogateescape: a row with bad bytes becomes one BadRecord instead of ending the file
    return io.TextIOWrapper(binary, encoding="utf-8-sig", errors="surrogateescape", newline="")


def _csv_rows(reader: Any, name: str) -> Iterator[_Row]:
    """(origin, row) for each non-blank row, the origin naming the line it starts on."""
    while True:
        origin = f"{name}:{reader.line_num + 1}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            yield origin, BadRecord(origin, f"bad CSV: {said(e)}")
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
            if fields.published_default is not None and fields.published in missing:
                missing.remove(fields.published)  # every row takes the default
            if missing:  # every row would be bad: say it once
                yield BadRecord(origin, f"no column {', '.join(missing)} in the CSV header")
                return
        else:
            yield _guard(origin, partial(_csv_article, header, row, fields, origin))


def _csv_article(header: list[str], row: list[str], fields: Fields, origin: str) -> RawArticle:
    if any(_ESCAPED_BYTE.search(value) for value in row):
        raise _Bad("not UTF-8")
    return _from_mapping(dict(zip(header, row, strict=False)), fields, origin)


# --- folders, .txt and .html files -----------------------------------------------------


def _folder_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if _kind(p) in _FOLDER_KINDS and p.is_file())


def is_batch_output(path: Path) -> bool:
    """Whether PATH is a folder that ``mahattat batch`` wrote: its settings, written before
    any Parquet file, or its markers (``batch.schema.SETTINGS``, ``DONE``: named here
    without importing pyarrow)."""
    return (path / "_batch.json").is_file() or (path / "_done").is_dir()


def _read_txt(path: Path, fields: Fields) -> Iterator[Item]:
    yield _guard(source_name(path), partial(_txt_article, path, fields))


def _txt_article(path: Path, fields: Fields) -> RawArticle:
    text = _decode(_file_bytes(path), source_name(path.name))
    date = _NAME_DATE.search(path.name)  # a .txt file has no metadata but its name
    return _article(source_name(path), text, date[0] if date else None, fields.published_default)


def _read_html(path: Path, _fields: Fields, pages: bool = False) -> Iterator[Item | Page]:
    name = source_name(path)
    try:
        page = Page(_decode(_file_bytes(path), source_name(path.name)), name)
    except _Bad as e:
        yield BadRecord(name, e.reason)
        return
    yield page if pages else article(page)


def _file_bytes(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_BYTES:  # no news article is this large
            raise _Bad(_TOO_LARGE)
        return path.read_bytes()
    except OSError as e:
        raise _Bad(f"cannot read: {said(e.strerror or e)}") from None


def _decode(data: bytes, name: str) -> str:
    try:
        return decode(data, name).text  # UTF-8, else windows-1256 and the like
    except InputError as e:
        raise _Bad(str(e)) from None


def _html_article(html: str, origin: str, url: str | None = None) -> RawArticle:
    doc = _bare_extraction(html, url)
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


def _bare_extraction(html: str, url: str | None) -> Any:
    import trafilatura  # here: reading JSONL or CSV never pays for loading it

    try:
        return trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as e:  # a third-party parser on any page: one page, not the run
        raise _Bad(f"cannot extract the HTML ({type(e).__name__}: {said(e)})") from None


# --- WARC ------------------------------------------------------------------------------


def _read_warc(path: Path, _fields: Fields, pages: bool = False) -> Iterator[Item | Page]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    name, number, record = source_name(path), 0, None
    try:
        stream = path.open("rb")
    except OSError as e:
        yield BadRecord(name, f"cannot read: {said(e.strerror or e)}")
        return
    try:
        with stream:
            for number, record in enumerate(ArchiveIterator(stream), 1):
                if _is_html_page(record):  # read it now: the iterator moves past it
                    yield from _warc_item(record, f"{name}#record-{number}", pages)
                    record = None  # reported
    except (ArchiveLoadFailed, *_STREAM_ERRORS) as e:
        yield BadRecord(f"{name}#record-{number + 1}", f"file breaks off here ({said(e)})")
        return
    except Exception as e:  # warcio fails in its own ways on a record cut in its headers
        reason = f"damaged WARC record ({type(e).__name__}: {said(e)})"
        yield BadRecord(f"{name}#record-{number + 1}", reason)
        return
    if record is not None and _cut_off(record):  # a last record that is no page, cut off
        yield BadRecord(f"{name}#record-{number}", "record breaks off (file truncated)")


def _warc_item(record: Any, origin: str, pages: bool) -> Iterator[Item | Page]:
    try:
        page = _warc_page(record, origin)
    except _Bad as e:
        yield BadRecord(origin, e.reason)
    else:
        yield page if pages else article(page)


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
        raise _Bad(f"cannot read the HTTP body ({said(e)})") from None
    if len(data) > MAX_BYTES:
        raise _Bad(_TOO_LARGE)
    if _cut_off(record):
        raise _Bad("record breaks off (file truncated)")
    html = _decode(data, "the page")
    # WARC-Date is when the page was crawled, not published: the date comes from the page.
    return Page(html, origin, record.rec_headers.get_header("WARC-Target-URI"))
