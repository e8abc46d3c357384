"""Exports of hostile article text (issue 12 part A): spreadsheet formulas, lone carriage
returns, markup, script URLs and lone surrogates, in the document chronology writers
(``io/formats.py``) and the timeline writers (``io/timeline.py``). Texts are our own."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from mahattat.io.formats import WRITERS as DOC_WRITERS
from mahattat.io.timeline import WRITERS as TL_WRITERS
from mahattat.records import Document, Event, Timeline, TimelineEntry, TimelineItem

SCRIPT = '<script>alert(1)</script> "onmouseover=alert(1) & بيان'
SCRIPT_HTML = "&lt;script&gt;alert(1)&lt;/script&gt; &quot;onmouseover=alert(1) &amp; بيان"
SCRIPT_MD = '&lt;script&gt;alert(1)&lt;/script&gt; "onmouseover=alert(1) &amp; بيان'


def doc(*texts: str, title: str | None = None) -> Document:
    """A document whose events (in this order, one day apart) have these texts."""
    events = tuple(
        Event(f"v{i}", f"2020-01-{i + 10}", None, None, 0, 1, t) for i, t in enumerate(texts)
    )
    return Document(text="نص", published="2020-02-01", id="d1", title=title, events=events)


WEB = "https://news.example/a"


def timeline(*texts: str, url: str | None = WEB, query: str = "ميناء") -> Timeline:
    items = tuple(
        TimelineItem(t, f"a{i}", 0, len(t), url, "wire", "2020-01-02") for i, t in enumerate(texts)
    )
    return Timeline(query, None, None, len(texts), (TimelineEntry("2020-01-02", 1.0, items),))


DAY = "2 كانون الثاني/يناير 2020"  # how the timeline's entry date reads
# where a line comes from: outlet, article id, link, each a bidi isolate (FSI ... PDI)
WHERE = "\u2068wire\u2069 · \u2068a0\u2069 · \u2068https://news.example/a\u2069"
NO_LINK = "\u2068wire\u2069 · \u2068a0\u2069"


def csv_rows(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff")  # the BOM Excel needs to read UTF-8
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


# --- CSV -------------------------------------------------------------------------------

FORMULAS = [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+1+1", "'+1+1"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    (" \t=1+1", "' \t=1+1"),
    ("\u200f=1+1", "'\u200f=1+1"),  # behind a right-to-left mark
    ("سعر = 5", "سعر = 5"),  # not at the start: no formula
    ("2019-03-04", "2019-03-04"),
]


@pytest.mark.parametrize(("text", "cell"), FORMULAS)
def test_chronology_csv_neutralises_formulas(text: str, cell: str) -> None:
    rows = csv_rows(DOC_WRITERS["csv"](doc(text)))
    assert rows[1][rows[0].index("text")] == cell


@pytest.mark.parametrize(("text", "cell"), FORMULAS)
def test_timeline_csv_neutralises_formulas(text: str, cell: str) -> None:
    rows = csv_rows(TL_WRITERS["csv"](timeline(text)))
    assert rows[1][rows[0].index("text")] == cell


def test_a_lone_carriage_return_never_splits_a_csv_record() -> None:
    texts = ("سطر أول\rسطر ثان", "سطر\r\nآخر")
    for out in (DOC_WRITERS["csv"](doc(*texts)), TL_WRITERS["csv"](timeline(*texts))):
        assert "\r" not in out  # no reader, Excel included, can end a record there
        rows = csv_rows(out)
        column = rows[0].index("text")
        assert [r[column] for r in rows[1:]] == ["سطر أول\nسطر ثان", "سطر\nآخر"]


# --- HTML and Markdown -----------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.tags


def test_chronology_timelinejs_and_vis_escape_article_text() -> None:
    d = doc(SCRIPT, title="<b>عنوان</b>")
    tjs = json.loads(DOC_WRITERS["timelinejs"](d))
    (event,) = tjs["events"]
    assert event["text"] == {"headline": SCRIPT_HTML, "text": ""}  # said once
    assert tjs["title"]["text"]["headline"] == "&lt;b&gt;عنوان&lt;/b&gt;"
    (item,) = json.loads(DOC_WRITERS["vis"](d))["items"]
    assert item["content"] == SCRIPT_HTML
    assert item["title"] == f"10 كانون الثاني/يناير 2020: {SCRIPT_HTML}"  # readable date first
    for field in (*event["text"].values(), item["content"], item["title"]):
        assert tags(field) == []


def test_chronology_markdown_escapes_article_text() -> None:
    out = DOC_WRITERS["md"](doc(SCRIPT, "[انقر](javascript:alert(1))", title="<i>عنوان</i>"))
    assert "<" not in out
    assert out.splitlines()[0] == "# &lt;i&gt;عنوان&lt;/i&gt;"
    rows = [line for line in out.splitlines() if line.startswith("| 2020")]
    assert rows == [
        f"| 2020-01-10 | 10 كانون الثاني/يناير 2020 | {SCRIPT_MD} |  |  |  |",
        "| 2020-01-11 | 11 كانون الثاني/يناير 2020 | \\[انقر\\](javascript:alert(1)) |  |  |  |",
    ]


def test_timeline_timelinejs_and_vis_escape_article_text() -> None:
    tl = timeline(SCRIPT, query="<img src=x onerror=alert(1)>")
    tjs = json.loads(TL_WRITERS["timelinejs"](tl))
    (event,) = tjs["events"]
    assert event["text"]["headline"] == SCRIPT_HTML
    assert event["text"]["text"] == f"<i>{WHERE}</i>"  # the line is the headline
    assert tags(event["text"]["text"]) == [("i", [])]  # ours only
    assert tjs["title"]["text"]["headline"] == "&lt;img src=x onerror=alert(1)&gt;"
    (item,) = json.loads(TL_WRITERS["vis"](tl))["items"]
    assert item["content"] == SCRIPT_HTML
    assert item["title"] == f"{DAY}: {SCRIPT_HTML} ({WHERE})"
    assert tags(item["content"]) == tags(item["title"]) == []


def test_timeline_markdown_escapes_article_text() -> None:
    out = TL_WRITERS["md"](timeline(SCRIPT, "سطر\rثان <a href=x>", query="<ميناء>"))
    assert "<" not in out
    lines = out.splitlines()
    assert lines[0] == "# &lt;ميناء&gt;"
    assert [line for line in lines if line.startswith("- ")] == [
        f"- {SCRIPT_MD}  ",
        "- سطر ثان &lt;a href=x&gt;  ",
    ]


SCRIPT_URLS = ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "data:,x"]


@pytest.mark.parametrize("url", SCRIPT_URLS)
def test_only_web_urls_reach_html_and_markdown(url: str) -> None:
    tl = timeline("خبر عادي", url=url)
    md = TL_WRITERS["md"](tl)
    tjs = json.loads(TL_WRITERS["timelinejs"](tl))["events"][0]["text"]["text"]
    vis = json.loads(TL_WRITERS["vis"](tl))["items"][0]["title"]
    assert f"*{NO_LINK}*" in md
    assert tjs == f"<i>{NO_LINK}</i>"
    assert vis == f"{DAY}: خبر عادي ({NO_LINK})"
    for out in (md, tjs, vis):
        assert "alert" not in out and "data:" not in out


def test_web_urls_are_kept() -> None:
    tl = timeline("خبر عادي", url="HTTP://news.example/a?b=1")
    assert f"*{NO_LINK} · \u2068HTTP://news.example/a?b=1\u2069*" in TL_WRITERS["md"](tl)


# --- encodings and line breaks ---------------------------------------------------------


def test_lone_surrogates_become_replacement_characters() -> None:
    d, tl = doc("قبل\ud800بعد", title="\udfff"), timeline("قبل\ud800بعد")
    for writer, arg in [*((w, d) for w in DOC_WRITERS.values()),
                        *((w, tl) for w in TL_WRITERS.values())]:  # fmt: skip
        out = writer(arg)  # type: ignore[operator]
        out.encode("utf-8")
        assert "\ud800" not in out
    assert json.loads(DOC_WRITERS["json"](d))["title"] == "\ufffd"
    assert json.loads(TL_WRITERS["json"](tl))["entries"][0]["items"][0]["text"] == "قبل\ufffdبعد"
    header, row = csv_rows(TL_WRITERS["csv"](tl))
    assert row[header.index("text")] == "قبل\ufffdبعد"


def test_timeml_gives_back_carriage_returns() -> None:
    text = "سطر\rثان\r\nثالث"
    root = ET.fromstring(DOC_WRITERS["timeml"](Document(text, "2020-02-01")).encode("utf-8"))
    assert "".join(root.find("TEXT").itertext()) == text  # type: ignore[union-attr]


def test_jsonl_is_one_line_with_a_next_line_character() -> None:
    d = Document("نص", "2020-02-01", title="سطر\x85ثان")
    (line,) = DOC_WRITERS["jsonl"](d).splitlines()
    assert json.loads(line)["title"] == "سطر\x85ثان"
