"""The record readers (``io.records``): each format in, RawArticle or BadRecord out."""

from __future__ import annotations

import csv
import gzip
import io
import itertools
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from mahattat.io.records import BadRecord, Fields, RawArticle, count, read

SENTENCE = "افتتحت البلدية حديقة عامة جديدة في وسط المدينة."
OTHER = "وصل الوفد الرياضي إلى العاصمة مساء أمس."


def _jsonl(path: Path, *lines: str | bytes | dict) -> Path:
    raw = b"".join(
        (line if isinstance(line, bytes) else _line(line).encode("utf-8")) + b"\n" for line in lines
    )
    if path.name.endswith(".gz"):
        raw = gzip.compress(raw)
    path.write_bytes(raw)
    return path


def _line(line: str | dict) -> str:
    return line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)


def _outcome(items: list) -> list[tuple[str, str]]:
    """(origin, reason) of each BadRecord, (origin, "ok") of each RawArticle."""
    return [(i.origin, "ok" if isinstance(i, RawArticle) else i.reason) for i in items]


def _page(body: str = f"<p>{SENTENCE}</p><p>{OTHER}</p>" * 3, head: str = "") -> str:
    return (
        '<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        f"<title>حديقة جديدة</title>{head}</head>"
        f'<body><nav><a href="/">الرئيسية</a></nav><article><h1>حديقة جديدة</h1>{body}'
        "</article><footer>جميع الحقوق محفوظة</footer></body></html>"
    )


DATED_HEAD = (
    '<meta property="article:published_time" content="2018-10-02T09:30:00+03:00">'
    '<meta property="article:modified_time" content="2019-01-05T10:00:00+03:00">'
    '<meta property="og:site_name" content="أخبار المدينة">'
    '<link rel="canonical" href="https://example.com/news/park">'
)


# --- JSONL -----------------------------------------------------------------------------


RECORD = {
    "id": "n-1",
    "title": "حديقة جديدة",
    "source": "أخبار المدينة",
    "url": "https://example.com/n-1",
    "published": "2018-10-02T09:30:00+03:00",
    "text": SENTENCE,
    "category": "محليات",
}


@pytest.mark.parametrize("name", ["a.jsonl", "a.jsonl.gz", "a.json.gz"])
def test_jsonl_gives_all_fields(tmp_path: Path, name: str) -> None:
    path = _jsonl(tmp_path / name, RECORD, {"text": OTHER, "published": "2018-10-03", "id": 7})
    first, second = read([path])
    assert first == RawArticle(
        text=SENTENCE,
        published="2018-10-02T09:30:00+03:00",
        origin=f"{path}:1",
        id="n-1",
        title="حديقة جديدة",
        source="أخبار المدينة",
        url="https://example.com/n-1",
    )
    assert second == RawArticle(OTHER, "2018-10-03", f"{path}:2", id="7")


def test_jsonl_field_names_are_configurable(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "a.jsonl", {"body": SENTENCE, "date": "2018-10-02Z", "key": "k"})
    (article,) = read([path], Fields(text="body", published="date", id="key"))
    assert (article.text, article.published, article.id) == (SENTENCE, "2018-10-02Z", "k")


def test_jsonl_bad_lines_are_reported_and_the_rest_comes_through(tmp_path: Path) -> None:
    good = {"text": SENTENCE, "published": "2018-10-02T09:30:00Z"}
    path = _jsonl(
        tmp_path / "a.jsonl",
        good,
        '{"text": "نص", "published": ',  # 2
        {"published": "2018-10-02"},  # 3
        {"text": "  \n ", "published": "2018-10-02"},  # 4
        {"text": SENTENCE, "published": None},  # 5
        {"text": SENTENCE, "published": "2 October 2018"},  # 6
        '{"text": "\xe9", "published": "2018-10-02"}'.encode("latin-1"),  # 7
        "",  # 8: blank, not a record
        "[1, 2]",  # 9
        {"text": SENTENCE, "published": 2018},  # 10
        good,  # 11
    )
    assert _outcome(list(read([path]))) == [
        (f"{path}:1", "ok"),
        (f"{path}:2", "invalid JSON"),
        (f"{path}:3", "no text"),
        (f"{path}:4", "no text"),
        (f"{path}:5", "no publication date"),
        (f"{path}:6", "bad publication date: 2 October 2018"),
        (f"{path}:7", "not UTF-8"),
        (f"{path}:9", "not a JSON object"),
        (f"{path}:10", "bad publication date: 2018"),
        (f"{path}:11", "ok"),
    ]


def test_text_without_arabic_is_not_bad(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "a.jsonl", {"text": "Only English here.", "published": "2018-10-02"})
    (article,) = read([path])
    assert isinstance(article, RawArticle)


def test_truncated_gzip_reports_where_it_breaks(tmp_path: Path) -> None:
    lines = [
        {"id": str(n), "text": f"{SENTENCE} {n * 7919}", "published": "2018-10-02"}
        for n in range(3000)
    ]
    path = _jsonl(tmp_path / "a.jsonl.gz", *lines)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    *good, last = read([path])
    assert good and all(isinstance(a, RawArticle) for a in good)
    assert [a.id for a in good] == [str(n) for n in range(len(good))]
    assert isinstance(last, BadRecord)
    assert last.origin == f"{path}:{len(good) + 1}"
    assert last.reason.startswith("file breaks off")


def test_a_gz_that_is_not_gzip_is_one_bad_record(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl.gz"
    path.write_text('{"text": "x"}\n', encoding="utf-8")
    (bad,) = read([path])
    assert isinstance(bad, BadRecord) and bad.origin == f"{path}:1"


# --- CSV -------------------------------------------------------------------------------


def _csv(path: Path, rows: list[list[str]]) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    path.write_bytes(buffer.getvalue().encode("utf-8"))
    return path


def test_csv_gives_fields_and_allows_large_and_multiline_fields(tmp_path: Path) -> None:
    long_text = (SENTENCE + " ") * 5000  # over the csv module's 128 KB default limit
    path = _csv(
        tmp_path / "a.csv",
        [
            ["id", "published", "title", "text"],
            ["1", "2018-10-02", "حديقة", f"{SENTENCE}\n{OTHER}"],  # lines 2-3
            ["2", "2018-10-03", "", long_text],
        ],
    )
    first, second = read([path])
    assert first == RawArticle(f"{SENTENCE}\n{OTHER}", "2018-10-02", f"{path}:2", "1", "حديقة")
    assert (second.origin, second.text, second.title) == (f"{path}:4", long_text, None)


def test_csv_bad_rows_and_configurable_columns(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(
        f"body,date\n{SENTENCE},2018-10-02\n\n{OTHER},\n".encode()
        + b"\xe9\xe8,2018-10-02\n"
        + f"{OTHER},2018-10-04\n".encode()
    )
    items = list(read([path], Fields(text="body", published="date")))
    assert _outcome(items) == [
        (f"{path}:2", "ok"),
        (f"{path}:4", "no publication date"),
        (f"{path}:5", "not UTF-8"),
        (f"{path}:6", "ok"),
    ]


def test_csv_without_the_text_column_says_so_once(tmp_path: Path) -> None:
    path = _csv(tmp_path / "a.csv", [["body", "published"], [SENTENCE, "2018-10-02"]])
    (bad,) = read([path])
    assert bad == BadRecord(f"{path}:1", "no column text in the CSV header")


# --- folders, .txt and .html -----------------------------------------------------------


def test_folder_reads_txt_and_html_recursively(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    cp1256 = tmp_path / "sub" / "news-2018-10-02.txt"
    cp1256.write_bytes(f"{SENTENCE}\n{OTHER}\n".encode("cp1256"))
    undated = tmp_path / "undated.txt"
    undated.write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "page.html").write_text(_page(head=DATED_HEAD), encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")  # not an article format
    items = list(read([tmp_path]))
    assert _outcome(items) == [
        (f"{tmp_path}/page.html", "ok"),
        (f"{cp1256}", "ok"),
        (f"{undated}", "no publication date"),
    ]
    assert items[1] == RawArticle(f"{SENTENCE}\n{OTHER}\n", "2018-10-02", str(cp1256))
    assert count([tmp_path]) == 3


def test_html_page_gives_main_text_title_and_original_date(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text(_page(head=DATED_HEAD), encoding="utf-8")
    (article,) = read([path])
    assert isinstance(article, RawArticle)
    assert SENTENCE in article.text and OTHER in article.text
    assert "الرئيسية" not in article.text  # navigation is not main text
    assert article.published == "2018-10-02"  # published, not modified
    assert article.title == "حديقة جديدة"
    assert article.url == "https://example.com/news/park"
    assert article.source == "أخبار المدينة"
    assert article.origin == str(path)


def test_html_without_date_or_text_is_bad(tmp_path: Path) -> None:
    undated = tmp_path / "undated.html"
    undated.write_text(_page(), encoding="utf-8")
    empty = tmp_path / "empty.html"  # a page its scripts would fill
    empty.write_text(
        f"<html><head>{DATED_HEAD}</head><body><div id='app'></div>"
        "<script>render()</script></body></html>",
        encoding="utf-8",
    )
    assert _outcome(list(read([undated, empty]))) == [
        (str(undated), "no publication date"),
        (str(empty), "no main text in HTML"),
    ]


# --- WARC ------------------------------------------------------------------------------


def _warc(path: Path, pages: dict[str, str]) -> Path:
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=path.name.endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for url, html in pages.items():
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.com")])
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            response = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(html.encode("utf-8")),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2024-05-01T12:00:00Z"},  # the crawl
            )
            writer.write_record(response)
    return path


@pytest.mark.parametrize("name", ["a.warc", "a.warc.gz"])
def test_warc_html_response_is_an_article(tmp_path: Path, name: str) -> None:
    path = _warc(tmp_path / name, {"https://example.com/park?ref=1": _page(head=DATED_HEAD)})
    (article,) = read([path])
    assert isinstance(article, RawArticle)
    assert article.origin == f"{path}#record-3"  # warcinfo, request, response
    assert article.url == "https://example.com/park?ref=1"  # WARC-Target-URI
    assert article.published == "2018-10-02"
    assert SENTENCE in article.text
    assert count([path]) is None


def test_warc_date_is_not_a_publication_date(tmp_path: Path) -> None:
    path = _warc(tmp_path / "a.warc.gz", {"https://example.com/x": _page()})
    assert list(read([path])) == [BadRecord(f"{path}#record-3", "no publication date")]


def test_truncated_warc_record_is_bad(tmp_path: Path) -> None:
    pages = {f"https://example.com/{n}": _page(head=DATED_HEAD) for n in range(2)}
    path = _warc(tmp_path / "a.warc.gz", pages)
    data = path.read_bytes()
    path.write_bytes(data[:-200])
    assert _outcome(list(read([path]))) == [
        (f"{path}#record-3", "ok"),
        (f"{path}#record-5", "record breaks off (file truncated)"),
    ]


def test_a_warc_cut_anywhere_never_raises(tmp_path: Path) -> None:
    pages = {f"https://example.com/{n}": _page(head=DATED_HEAD) for n in range(2)}
    data = _warc(tmp_path / "a.warc.gz", pages).read_bytes()
    responses = {f"{tmp_path}/cut.warc.gz#record-{n}" for n in (3, 5)}
    for end in range(0, len(data), max(len(data) // 40, 1)):  # warcio fails in many ways
        cut = tmp_path / "cut.warc.gz"
        cut.write_bytes(data[:end])
        items = list(read([cut]))
        ok = [i.origin for i in items if isinstance(i, RawArticle)]
        assert set(ok) <= responses and all(isinstance(i, RawArticle | BadRecord) for i in items)


# --- paths and counts ------------------------------------------------------------------


def test_missing_path_and_unknown_format_are_bad_records(tmp_path: Path) -> None:
    missing = tmp_path / "nope.jsonl"
    other = tmp_path / "a.pdf"
    other.write_bytes(b"%PDF-1.4")
    missing_bad, other_bad = read([missing, str(other)])
    assert missing_bad == BadRecord(str(missing), "no such file or folder")
    assert other_bad.origin == str(other) and other_bad.reason.startswith("unknown format")


def test_count_jsonl_lines(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "a.jsonl.gz", RECORD, RECORD, RECORD)
    plain = tmp_path / "b.jsonl"
    plain.write_text(_line(RECORD) + "\n" + _line(RECORD), encoding="utf-8")  # no final newline
    assert count([path]) == 3
    assert count([path, plain, tmp_path / "missing.jsonl"]) == 3 + 2 + 1


# --- the real corpus -------------------------------------------------------------------


def test_real_corpus_first_records(shared: Callable[[str], Path]) -> None:
    path = shared("corpora/ant-multisource-2018.jsonl.gz")
    items = list(itertools.islice(read([path]), 200))
    assert len(items) == 200 and all(isinstance(a, RawArticle) for a in items)
    with gzip.open(path, "rt", encoding="utf-8") as f:
        ids = [json.loads(line)["id"] for line in itertools.islice(f, 200)]
    assert [a.id for a in items] == ids
    assert items[0].origin == f"{path}:1"


# --- what no store or output can hold ------------------------------------------------


def test_nul_and_lone_surrogates_are_refused_in_any_field(tmp_path: Path) -> None:
    def line(**record: object) -> str:
        return json.dumps({"text": SENTENCE, "published": "2018-10-02", **record})  # \u escapes

    path = _jsonl(
        tmp_path / "a.jsonl",
        line(text="\ud800" + SENTENCE),
        line(text=SENTENCE + "\x00"),
        line(title="\udc80"),
        line(id="n\x00"),
        line(published="2018-10-02\ud83d"),
        line(source="\x00", url="https://example.com/\udfff"),
        line(text="\u202e" + SENTENCE + "\u200f\r"),  # bidi marks and a lone CR are text
    )
    assert _outcome(list(read([path]))) == [
        (f"{path}:1", "lone surrogate in text"),
        (f"{path}:2", "NUL character in text"),
        (f"{path}:3", "lone surrogate in title"),
        (f"{path}:4", "NUL character in id"),
        (f"{path}:5", "lone surrogate in publication date"),
        (f"{path}:6", "NUL character in source"),
        (f"{path}:7", "ok"),
    ]


def test_nul_is_refused_in_csv_and_text_files(tmp_path: Path) -> None:
    table = _csv(tmp_path / "a.csv", [["text", "published"], [f"{SENTENCE}\x00", "2018-10-02"]])
    utf16 = tmp_path / "news-2018-10-02.txt"
    utf16.write_bytes(f"{SENTENCE}\x00{OTHER}".encode("utf-16"))  # a BOM, then a U+0000
    assert _outcome(list(read([table, utf16]))) == [
        (f"{table}:2", "NUL character in text"),
        (str(utf16), f"{utf16.name} contains NUL characters: a binary file, not text"),
    ]


def test_json_that_python_cannot_build_is_invalid_json(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "a.jsonl",
        "[" * 100_000 + "]" * 100_000,  # RecursionError
        '{"text": "x", "published": "2018-10-02", "id": ' + "7" * 5000 + "}",  # ValueError
    )
    assert _outcome(list(read([path]))) == [
        (f"{path}:1", "invalid JSON"),
        (f"{path}:2", "invalid JSON"),
    ]


def test_utf16_jsonl_is_one_bad_record_for_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes((_line(RECORD) + "\n" + _line(RECORD) + "\n").encode("utf-16"))
    assert list(read([path])) == [BadRecord(str(path), "not UTF-8 (it looks like UTF-16)")]


def test_ids_titles_and_sources_of_other_types(tmp_path: Path) -> None:
    record = {"text": SENTENCE, "published": "2018-10-02"}
    path = _jsonl(
        tmp_path / "a.jsonl",
        {**record, "id": ["n-1"]},
        {**record, "id": True},
        {**record, "id": " ", "title": {"ar": "عنوان"}, "source": {"name": "وكالة"}, "url": 3},
    )
    items = list(read([path]))
    assert _outcome(items) == [
        (f"{path}:1", "bad id: list"),  # no id to tell it from another record: refused
        (f"{path}:2", "bad id: bool"),
        (f"{path}:3", "ok"),
    ]
    assert items[2] == RawArticle(SENTENCE, "2018-10-02", f"{path}:3", url="3")


def test_a_default_date_for_records_without_one(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "a.jsonl",
        {"text": SENTENCE},
        {"text": OTHER, "published": "2018-10-03"},
        {"text": OTHER, "published": "soon"},
    )
    table = _csv(tmp_path / "a.csv", [["text"], [SENTENCE]])  # no date column at all
    fields = Fields(published_default="2020-01-01")
    first, second, third, row = read([path, table], fields)
    assert first == RawArticle(SENTENCE, "2020-01-01", f"{path}:1", assumed_date=True)
    assert second == RawArticle(OTHER, "2018-10-03", f"{path}:2")
    assert third == BadRecord(f"{path}:3", "bad publication date: soon")
    assert row == RawArticle(SENTENCE, "2020-01-01", f"{table}:2", assumed_date=True)


def test_jsonl_whatever_the_name_and_on_stdin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _jsonl(tmp_path / "docs.txt", RECORD)
    (article,) = read([path], jsonl=True)
    assert isinstance(article, RawArticle) and article.origin == f"{path}:1"
    assert read([tmp_path], jsonl=True).__next__() == BadRecord(
        str(tmp_path), "a folder, not a JSONL file"
    )
    stdin = io.TextIOWrapper(io.BytesIO(path.read_bytes() * 2), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stdin)
    assert [a.origin for a in read(["-"])] == ["<stdin>:1", "<stdin>:2"]
    assert count(["-"]) is None and count([path], jsonl=True) == 1


def test_an_undecodable_file_name_gives_a_printable_origin(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/news-2018-10-02-\xff.txt"
    with open(raw, "wb") as f:
        f.write(SENTENCE.encode("utf-8"))
    (article,) = read([tmp_path])
    assert article == RawArticle(SENTENCE, "2018-10-02", f"{tmp_path}/news-2018-10-02-\\udcff.txt")


DATES = [
    "2018-10-02", "2018-10-02T09:30:00+03:00", "2018-10-02Z", "2018-10-02z",
    "2018-10-02T09:30Z", "2018-10-02T09:30:00.123456", " 2018-10-02 ", "20181002",
    "2018-W40-2", "2018-10", "2018-13-01", "10/02/2018", "2 October 2018", "Z", "2018-1o-02",
]  # fmt: skip


@pytest.mark.parametrize("value", DATES)
def test_a_date_is_read_exactly_when_the_pipeline_takes_it(tmp_path: Path, value: str) -> None:
    from mahattat.pipeline import parse_published

    path = _jsonl(tmp_path / "a.jsonl", {"text": SENTENCE, "published": value})
    (item,) = read([path])
    try:
        parse_published(value)
    except ValueError:
        assert item == BadRecord(f"{path}:1", f"bad publication date: {value.strip()}")
    else:
        assert isinstance(item, RawArticle) and item.published == value.strip()
