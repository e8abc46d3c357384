"""The readers of ``mahattat ingest``: each format in, RawArticle or BadRecord out."""

from __future__ import annotations

import csv
import gzip
import io
import itertools
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from mahattat.ingest.readers import BadRecord, Fields, RawArticle, count, read

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
