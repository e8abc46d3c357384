"""Every reader on hostile files: lone surrogates, lone CR, NUL, bidi marks, bad UTF-8,
truncation. No exception escapes, and every record is accounted for: read as an article
(one that can be stored and printed) or reported as a ``BadRecord`` with its origin."""

from __future__ import annotations

import csv
import gzip
import io
import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from mahattat.io.records import BadRecord, RawArticle, read
from mahattat.pipeline import parse_published

NASTY = ["\ud800", "\udfff", "\udc80", "\r", "\x00", "\u200f", "\u202e", "\ufeff", "\n", '"']
PIECES = st.one_of(
    st.sampled_from(NASTY),
    st.sampled_from(["وصل الوفد أمس", "في 3 مارس 2019", " ", ",", "\\"]),
    st.text(max_size=6),
)
TEXT = st.lists(PIECES, max_size=6).map("".join)
DATE = st.one_of(
    st.none(), st.sampled_from(["2018-10-02", "2018-10-02T09:30:00Z", "soon", ""]), TEXT
)
RECORD = st.fixed_dictionaries(
    {"text": TEXT, "published": DATE},
    optional={"id": st.one_of(TEXT, st.integers(), st.lists(st.integers())), "title": TEXT},
)
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@contextmanager
def _folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:  # hypothesis reruns: a fresh one each time
        yield Path(name)


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # a lone surrogate becomes bad UTF-8


def _cut(data: bytes, cut: float | None) -> bytes:
    return data if cut is None else data[: int(len(data) * cut)]


def _check(items: list[object]) -> list[str]:
    """Each item is an article that can be stored and printed, or a reason; the origins."""
    for item in items:
        assert isinstance(item, RawArticle | BadRecord), item
        if isinstance(item, RawArticle):
            values = [item.text, item.published, item.id, item.title, item.source, item.url]
            for value in (v for v in values if v is not None):
                assert "\x00" not in value
                value.encode("utf-8")  # no lone surrogate
            assert item.text.strip()
            parse_published(item.published)
        (item.origin + getattr(item, "reason", "")).encode("utf-8")
    return [item.origin for item in items]  # type: ignore[attr-defined]


def _broke_off(items: list[object]) -> bool:
    last = items[-1] if items else None
    return isinstance(last, BadRecord) and "breaks off" in last.reason


# --- JSONL -----------------------------------------------------------------------------

LINE = st.one_of(
    RECORD.map(lambda r: json.dumps(r).encode()),  # \ud800 escaped: valid JSON
    RECORD.map(lambda r: _utf8(json.dumps(r, ensure_ascii=False))),  # raw: bad UTF-8
    st.binary(max_size=24),
)


@FAST
@given(
    lines=st.lists(LINE, max_size=8),
    gz=st.booleans(),
    cut=st.one_of(st.none(), st.floats(0, 1)),
)
def test_jsonl(lines: list[bytes], gz: bool, cut: float | None) -> None:
    data = b"\n".join(line.replace(b"\n", b"\r") for line in lines) + b"\n"
    with _folder() as folder:
        path = folder / ("a.jsonl.gz" if gz else "a.jsonl")
        path.write_bytes(_cut(gzip.compress(data), cut) if gz else _cut(data, cut))
        items = list(read([path]))
    origins = _check(items)
    data = data if gz else _cut(data, cut)
    expected = [f"{path}:{n}" for n, raw in enumerate(io.BytesIO(data), 1) if raw.strip()]
    if origins == [str(path)]:  # the whole file refused: it starts like UTF-16
        assert data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:4]
    elif _broke_off(items):  # a cut .gz: the lines before the cut, then where it broke
        assert gz and origins[:-1] == expected[: len(origins) - 1]
    else:
        assert origins == expected


# --- CSV -------------------------------------------------------------------------------


@FAST
@given(
    rows=st.lists(st.tuples(TEXT, DATE.map(lambda d: d or ""), TEXT), max_size=6),
    cut=st.one_of(st.none(), st.floats(0, 1)),
)
def test_csv(rows: list[tuple[str, str, str]], cut: float | None) -> None:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([("text", "published", "title"), *rows])
    with _folder() as folder:
        path = folder / "a.csv"
        path.write_bytes(_cut(_utf8(buffer.getvalue()), cut))
        items = list(read([path]))
    origins = _check(items)
    assert len(set(origins)) == len(origins)
    if cut is None:
        assert len(items) == len(rows)  # one item a row, whatever its bytes


# --- HTML files and WARC records -------------------------------------------------------


def _html(text: str, dated: bool) -> str:
    meta = '<meta property="article:published_time" content="2019-05-06">' if dated else ""
    return (
        f'<html lang="ar"><head><meta charset="utf-8">{meta}</head><body><article>'
        f"<p>{text}</p><p>{text} وصل الوفد أمس إلى المدينة.</p></article></body></html>"
    )


PAGES = st.lists(st.tuples(TEXT, st.booleans()), min_size=1, max_size=2)


@SLOW
@given(pages=PAGES, cut=st.one_of(st.none(), st.floats(0, 1)))
def test_html_files(pages: list[tuple[str, bool]], cut: float | None) -> None:
    with _folder() as folder:
        paths = [folder / f"{n}.html" for n in range(len(pages))]
        for path, (text, dated) in zip(paths, pages, strict=True):
            path.write_bytes(_cut(_utf8(_html(text, dated)), cut))
        items = list(read([folder]))
    assert _check(items) == [str(p) for p in paths]  # one item a file


@SLOW
@given(pages=PAGES, gz=st.booleans(), cut=st.one_of(st.none(), st.floats(0, 1)))
def test_warc(pages: list[tuple[str, bool]], gz: bool, cut: float | None) -> None:
    with _folder() as folder:
        path = folder / ("a.warc.gz" if gz else "a.warc")
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=gz)
        for n, (text, dated) in enumerate(pages):
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1"
            )
            payload = io.BytesIO(_utf8(_html(text, dated)))
            record = writer.create_warc_record(
                f"https://example.com/{n}", "response", payload=payload, http_headers=headers
            )
            writer.write_record(record)
        path.write_bytes(_cut(buffer.getvalue(), cut))
        items = list(read([path]))
    origins = _check(items)
    expected = [f"{path}#record-{n}" for n in range(1, len(pages) + 1)]
    if cut is None:
        assert origins == expected  # one item a response
    else:  # records cut away entirely are no longer in the file: the rest are accounted
        assert len(set(origins)) == len(origins) and set(origins) <= {
            *expected,
            f"{path}#record-{len(pages) + 1}",  # where the file broke off
        }
