"""Exports as the tools newsrooms open them (issue 11): a CSV Excel reads (BOM, the
editor's columns), Markdown with Arabic dates and outlet names, TimelineJS with Arabic
titles and headlines that do not repeat the body, vis-timeline right to left with no
empty groups and years drawn to 31 December, source lines as bidi isolates, URLs
decoded, and the self-contained pages. Sentences are our own."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mahattat.cli import app
from mahattat.io import pages
from mahattat.io.chronology import split_headline
from mahattat.io.formats import WRITERS as DOC_WRITERS
from mahattat.io.safe import isolate, shown_url
from mahattat.io.timeline import WRITERS as TL_WRITERS
from mahattat.records import Document, Event, Timeline, TimelineEntry, TimelineItem
from mahattat.time.values import last_day
from mahattat.web import assets

FSI, PDI = "\u2068", "\u2069"
LONG = (
    "أعلن وزير النقل في مؤتمر صحفي بالعاصمة، مساء الثلاثاء، أن الحكومة ستعيد فتح الميناء "
    "أمام السفن التجارية بعد أسبوعين من الإغلاق الذي شل حركة التصدير في البلاد"
)
SHORT = "أضرب عمال الميناء عن العمل"
URL = "https://news.example/ar/%D8%A7%D9%84%D9%85%D9%8A%D9%86%D8%A7%D8%A1-2019"
SHOWN = "https://news.example/ar/الميناء-2019"


def timeline() -> Timeline:
    first = TimelineItem(LONG, "SK-1", 5, 5 + len(LONG), URL, "skynews", "2019-03-04",
                         ("AL-2", "FR-3", "SK-4"), "الحكومة تعيد فتح الميناء",
                         ("alarabia", "france24", "skynews"))  # fmt: skip
    second = TimelineItem("=SUM(A1) " + SHORT, "BB-5", 0, 29, None, "BBC", "2019-03-14")
    entries = (
        TimelineEntry("2019-03-03", 2.0, (first,)),
        TimelineEntry("2019-03-14", 1.0, (second,)),
    )
    return Timeline("ميناء الحمراء", None, None, 12, entries)


def milestones() -> Timeline:
    year = TimelineItem(SHORT, "a1", 0, len(SHORT), None, "wire", "2012-05-01")
    month = TimelineItem(LONG, "b1", 0, len(LONG), None, "wire", "2016-02-10")
    entries = (
        TimelineEntry("2011", 3.0, (year,), None, 4, 2, ("a1", "a2")),
        TimelineEntry("2016-02", 2.0, (month,), "END", 2, 1, ("b1",)),
    )
    return Timeline("سد النهضة", None, None, 6, entries, mode="milestones")


# --- headlines -------------------------------------------------------------------------


def test_a_short_line_is_its_headline_whole() -> None:
    assert split_headline(SHORT) == (SHORT, "")


def test_a_long_line_is_split_never_said_twice() -> None:
    head, rest = split_headline(LONG)
    assert head == "أعلن وزير النقل في مؤتمر صحفي بالعاصمة، مساء الثلاثاء، …"  # a clause's end
    assert rest.startswith("… أن الحكومة")
    words = head.removesuffix(" …").split() + rest.removeprefix("… ").split()
    assert words == LONG.split()


# --- URLs and bidi ---------------------------------------------------------------------


def test_urls_are_shown_decoded_but_never_hide_a_control() -> None:
    assert shown_url(URL) == SHOWN
    assert shown_url("https://x.example/a%20b%E2%80%AEc%0A%FFd") == (
        "https://x.example/a%20b%E2%80%AEc%0A%FFd"  # space, RLO, LF, a byte that is no UTF-8
    )
    assert shown_url("javascript:alert(1)") is None


def test_isolate() -> None:
    assert isolate("CN-1") == f"{FSI}CN-1{PDI}"
    assert isolate("") == ""


# --- CSV -------------------------------------------------------------------------------


def test_timeline_csv_opens_in_excel_with_the_editors_columns() -> None:
    data = TL_WRITERS["csv"](timeline()).encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads UTF-8, not cp1256
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert list(rows[0])[:7] == ["date", "date_ar", "text", "outlet", "title", "url",
                                 "also_outlets"]  # fmt: skip
    first, second = rows
    assert (first["date"], first["date_ar"]) == ("2019-03-03", "3 آذار/مارس 2019")
    assert (first["text"], first["outlet"]) == (LONG, "سكاي نيوز عربية")
    assert (first["title"], first["url"]) == ("الحكومة تعيد فتح الميناء", SHOWN)
    assert first["also_outlets"] == "العربية، فرانس 24"  # other outlets: not its own
    machine = (first["doc_id"], first["source"], first["also"])
    assert machine == ("SK-1", "skynews", "AL-2;FR-3;SK-4")
    assert second["text"] == "'=SUM(A1) " + SHORT  # a formula stays text
    assert (second["outlet"], second["url"], second["also_outlets"]) == ("بي بي سي عربي", "", "")


# --- Markdown --------------------------------------------------------------------------


def test_timeline_markdown_has_arabic_dates_and_outlet_names() -> None:
    md = TL_WRITERS["md"](timeline())
    lines = md.splitlines()
    assert lines[0] == "# ميناء الحمراء"
    assert "المقالات المطابقة: 12، من 3 آذار/مارس 2019 إلى 14 آذار/مارس 2019." in md
    assert "## 3 آذار/مارس 2019 (2019-03-03)" in lines
    where = " · ".join(isolate(x) for x in ["سكاي نيوز عربية", "الحكومة تعيد فتح الميناء",
                                           "SK-1", SHOWN])  # fmt: skip
    assert f"  *{where}*  " in lines
    assert f"  وردت أيضا في: {isolate('العربية')}، {isolate('فرانس 24')}" in lines


def test_milestone_markdown_says_how_widely_in_arabic() -> None:
    md = TL_WRITERS["md"](milestones())
    assert "## أواخر شباط/فبراير 2016 (2016-02)" in md
    assert f"*المقالات: 4، وسائل الإعلام: 2 ({isolate('a1')}، {isolate('a2')})*" in md


# --- TimelineJS ------------------------------------------------------------------------


def test_timelinejs_has_arabic_titles_and_no_repeated_headline() -> None:
    tjs = json.loads(TL_WRITERS["timelinejs"](timeline()))
    assert tjs["title"]["text"]["headline"] == "ميناء الحمراء"
    assert tjs["title"]["text"]["text"].startswith("المقالات المطابقة: 12")
    first, second = tjs["events"]
    assert first["display_date"] == "3 آذار/مارس 2019"
    head, rest = split_headline(LONG)
    assert first["text"]["headline"] == head
    body = first["text"]["text"].split("<br>")
    assert body[0] == rest and head.removesuffix(" …") not in first["text"]["text"]
    assert body[1].startswith(f"<i>{isolate('سكاي نيوز عربية')}")
    assert second["text"]["headline"] == "=SUM(A1) " + SHORT
    assert SHORT not in second["text"]["text"]  # the headline is the whole line: said once


def test_chronology_timelinejs_title_is_arabic() -> None:
    doc = Document("نص", "2020-02-01", events=(Event("v1", "2019", None, None, 0, 1, LONG),))
    tjs = json.loads(DOC_WRITERS["timelinejs"](doc))
    assert tjs["title"]["text"] == {"headline": "التسلسل الزمني",
                                    "text": "نُشر في 1 شباط/فبراير 2020"}  # fmt: skip
    (event,) = tjs["events"]
    assert (event["text"]["headline"], event["text"]["text"]) == split_headline(LONG)


# --- vis-timeline ----------------------------------------------------------------------


def test_vis_is_right_to_left_with_one_group_per_outlet() -> None:
    vis = json.loads(TL_WRITERS["vis"](timeline()))
    assert vis["options"]["rtl"] is True
    assert vis["groups"] == [{"id": 0, "content": "سكاي نيوز عربية"},
                             {"id": 1, "content": "بي بي سي عربي"}]  # fmt: skip
    assert [i["group"] for i in vis["items"]] == [0, 1]
    assert vis["items"][0]["content"] == split_headline(LONG)[0]
    assert (vis["options"]["start"], vis["options"]["end"]) == ("2019-03-02", "2019-03-16")


def test_vis_never_has_empty_groups() -> None:
    tl = Timeline.of({dt.date(2019, 3, 3): ["سطر مكتوب باليد"]}, "مرجع")
    vis = json.loads(TL_WRITERS["vis"](tl))
    assert "groups" not in vis and "group" not in vis["items"][0]  # no outlet: no groups
    doc = Document("نص", "2020-02-01", events=(Event("v1", "2019-05-02", None, None, 0, 1, SHORT),))
    assert "groups" not in json.loads(DOC_WRITERS["vis"](doc))  # no section: no groups


def test_vis_draws_a_year_to_31_december_and_a_month_to_its_last_day() -> None:
    items = json.loads(TL_WRITERS["vis"](milestones()))["items"]
    assert items[0] | {"title": ""} == {
        "id": "a1:0", "content": SHORT, "title": "", "start": "2011-01-01",
        "end": "2011-12-31T23:59:59", "type": "range", "group": 0,
    }  # fmt: skip
    assert (items[1]["start"], items[1]["end"]) == ("2016-02-01", "2016-02-29T23:59:59")


@pytest.mark.parametrize(
    ("value", "last"),
    [("2018", "2018-12-31"), ("2018-02", "2018-02-28"), ("2016-02", "2016-02-29"),
     ("2018-Q3", "2018-09-30"), ("2018-H1", "2018-06-30"), ("2018-WI", "2019-02-28"),
     ("2018-SU", "2018-08-31"), ("2018-W03", "2018-01-21"), ("2018-04-14", "2018-04-14")],
)  # fmt: skip
def test_last_day(value: str, last: str) -> None:
    assert last_day(value).isoformat() == last


# --- self-contained pages --------------------------------------------------------------


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._open: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._open = dict(attrs)
            self.scripts.append((self._open, ""))

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._open = None


def parsed(page: str) -> _Page:
    p = _Page()
    p.feed(page)
    p.close()
    return p


needs_npm = pytest.mark.skipif(
    not (assets.MODULES / pages.VIS).is_dir() or not (assets.MODULES / pages.TIMELINEJS).is_dir(),
    reason="the npm packages are not installed (make setup)",
)
HOSTILE = '</script><script>window.pwned=1</script> "onmouseover=alert(1) خبر'


@needs_npm
@pytest.mark.parametrize("fmt", ["timelinejs-html", "vis-html"])
def test_pages_are_self_contained_and_fetch_nothing(fmt: str) -> None:
    item = TimelineItem(HOSTILE, "x1", 0, 9, "https://news.example/a", "wire", "2019-03-03")
    tl = Timeline("<b>ميناء</b>", None, None, 1, (TimelineEntry("2019-03-03", 1.0, (item,)),))
    page = TL_WRITERS[fmt](tl)
    p = parsed(page)
    assert p.tags[0] == ("html", {"lang": "ar", "dir": "rtl"})
    assert "<title>الخط الزمني: &lt;b&gt;ميناء&lt;/b&gt;</title>" in page
    assert not any(k in ("src", "href") for _, attrs in p.tags for k in attrs)  # all inline
    (csp,) = [a["content"] for t, a in p.tags if a.get("http-equiv") == "Content-Security-Policy"]
    assert csp is not None and csp.startswith("default-src 'none'")
    code = [text for attrs, text in p.scripts if "type" not in attrs]
    assert len(code) == 2  # the library, then ours: each allowed by its hash, nothing else
    assert all(pages._sha256(text) in csp for text in code)
    assert len(re.findall("'sha256-", csp)) == 2
    assert page.count("</script>") == len(p.scripts)  # the article's closes nothing
    data = [json.loads(text) for attrs, text in p.scripts if attrs.get("type")]
    if fmt == "timelinejs-html":
        locale, tjs = data
        assert 'language: "ar"' in code[1] and locale["lang"] == "ar"  # the locale, inlined
        assert tjs["events"][0]["text"]["headline"] == html.escape(HOSTILE)
    else:
        assert data[0]["items"][0]["content"] == html.escape(HOSTILE)


@needs_npm
def test_chronology_pages() -> None:
    event = Event("v1", "2019", None, None, 0, 1, LONG, section="البناء")
    doc = Document("نص", "2020-02-01", title="افتتاح المستشفى", events=(event,))
    for fmt in ("timelinejs-html", "vis-html"):
        page = DOC_WRITERS[fmt](doc)
        assert "<title>افتتاح المستشفى</title>" in page and 'dir="rtl"' in page


def test_assets_stay_in_their_packages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(assets.AssetError, match="not one of the page's npm packages"):
        assets.asset_path("left-pad", "index.js")
    with pytest.raises(assets.AssetError, match="is not a file of vis-timeline"):
        assets.asset_path("vis-timeline", "../../package.json")
    with pytest.raises(assets.AssetError, match="is not a file of vis-timeline"):
        assets.asset_path("vis-timeline", "/etc/passwd")
    monkeypatch.setattr(assets, "MODULES", tmp_path)
    with pytest.raises(assets.AssetError, match=r"run make setup \(npm\)"):
        assets.asset("vis-timeline", "styles/vis-timeline-graph2d.min.css")


def test_a_page_format_without_its_packages_is_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(assets, "MODULES", tmp_path)
    article = tmp_path / "a.txt"
    article.write_text("افتتح الوزير الجسر في 3 مارس 2019.", encoding="utf-8")
    args = ["extract", str(article), "--published", "2019-03-04", "--format", "vis-html"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"error: vis-timeline is not installed in {tmp_path}: run make setup (npm)"
    ]
