"""The exported pages in a real browser: a corpus timeline and an article's chronology
written as ``timelinejs-html`` and ``vis-html`` files and opened from disk (``file://``)
in chromium, as a journalist opens an attachment. The Arabic entries are drawn (counted
and read back), right to left, with Arabic dates; the page asks for nothing but itself;
an article's ``<script>`` and ``"onmouseover=`` stay text. Screenshots in ``artifacts/``.
Sentences are our own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mahattat.io.chronology import split_headline
from mahattat.io.formats import WRITERS as DOC_WRITERS
from mahattat.io.timeline import WRITERS as TL_WRITERS
from mahattat.records import Document, Timeline, TimelineEntry, TimelineItem
from mahattat.web import assets

pytestmark = pytest.mark.skipif(
    not all((assets.MODULES / p).is_dir() for p in ("vis-timeline", "@knight-lab/timelinejs")),
    reason="the npm packages are not installed (make setup)",
)

HOSTILE = (
    '<script>window.pwned=1</script><img src=x onerror="window.pwned=2"> "onmouseover=alert(1)'
)
LINES = [
    ("2019-03-03", "wire", "أضرب عمال ميناء الحمراء عن العمل للمطالبة برفع الأجور"),
    ("2019-03-08", "skynews", "التقى وزير النقل ممثلي العمال دون أن يتوصل الطرفان إلى اتفاق"),
    ("2019-03-14", "alarabia", "أعلنت النقابة إنهاء الإضراب بعد اتفاق يرفع الأجور " + HOSTILE),
]
URL = "https://news.example/ar/%D8%A7%D9%84%D9%85%D9%8A%D9%86%D8%A7%D8%A1"
ARTICLE = (
    "أعلنت وزارة الصحة يوم 14 نيسان 2018 عن افتتاح مستشفى جديد في مدينة صفاقس، بعد أن بدأت "
    "أشغال البناء في صيف 2015. وقال الوزير إن المستشفى سيستقبل أول المرضى في أواخر 2018.\n"
    "وكانت الحكومة قد أعلنت المشروع في آذار 2014."
)


def timeline() -> Timeline:
    entries = tuple(
        TimelineEntry(day, 1.0, (TimelineItem(text, f"{source}-{n}", 0, len(text), URL, source,
                                              day, ("x-9",), "عنوان", ("BBC",)),))
        for n, (day, source, text) in enumerate(LINES)
    )  # fmt: skip
    return Timeline("ميناء الحمراء", "2019-03-01", "2019-03-31", 9, entries)


@pytest.fixture(scope="module")
def chronology() -> Document:
    from mahattat import extract

    doc = extract(ARTICLE, "2018-04-15", id="صفاقس")
    assert len(doc.events) >= 3
    return doc


@pytest.fixture
def opened(page: Any, tmp_path: Path) -> Iterator[Any]:
    """``open(name, text)``: the page written to a file and opened from disk; after the
    test, what it asked for is only itself and nothing of an article ran."""
    asked: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: asked.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    files: list[str] = []

    def open_(name: str, text: str) -> Any:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        files.append(path.as_uri())
        page.goto(path.as_uri())
        return page

    yield open_
    assert set(asked) <= set(files), asked  # no CDN, no locale, no font: nothing fetched
    assert errors == []
    assert page.evaluate("window.pwned") is None


def test_vis_page_draws_the_timeline(page: Any, opened: Any, artifacts: Path) -> None:
    opened("timeline-vis.html", TL_WRITERS["vis-html"](timeline()))
    page.wait_for_selector(".vis-item .vis-item-content", state="attached")
    boxes = page.locator(".vis-item.vis-box .vis-item-content")
    assert boxes.count() == len(LINES)
    drawn = boxes.all_inner_texts()
    assert sorted(drawn) == sorted(split_headline(t)[0] for _, _, t in LINES)  # HOSTILE as text
    assert page.locator(".vis-timeline.vis-rtl").count() == 1
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    x = {t: boxes.nth(i).bounding_box()["x"] for i, t in enumerate(drawn)}  # type: ignore[index]
    first, last = (split_headline(LINES[i][2])[0] for i in (0, -1))
    assert x[first] > x[last]  # right to left: the earliest on the right
    labels = page.locator(".vis-labelset .vis-label").all_inner_texts()
    assert [s.strip() for s in labels] == ["wire", "سكاي نيوز عربية", "العربية"]  # outlets
    axis = page.locator(".vis-time-axis.vis-foreground").inner_text()
    assert "آذار/مارس 2019" in axis  # the page names the months
    assert page.locator("h1").inner_text() == "الخط الزمني: ميناء الحمراء"
    page.screenshot(path=str(artifacts / "export-timeline-vis.png"))


def test_timelinejs_page_draws_the_timeline(page: Any, opened: Any, artifacts: Path) -> None:
    opened("timeline-tjs.html", TL_WRITERS["timelinejs-html"](timeline()))
    page.wait_for_selector(".tl-timemarker", state="attached")
    assert page.evaluate("[timeline.language.lang, timeline.language.direction]") == ["ar", "rtl"]
    assert page.locator(".tl-timemarker").count() == len(LINES)
    headlines = [h.strip() for h in page.locator(".tl-slide .tl-headline").all_inner_texts()]
    assert headlines[0] == "ميناء الحمراء"  # the title slide
    assert headlines[1:] == [split_headline(t)[0] for _, _, t in LINES]
    dates = page.locator(".tl-slide .tl-headline-date").all_inner_texts()
    assert [d.strip() for d in dates if d.strip()] == [
        "3 آذار/مارس 2019", "8 آذار/مارس 2019", "14 آذار/مارس 2019",
    ]  # fmt: skip
    page.wait_for_timeout(1200)  # TimelineJS's opening animation, for the screenshot
    page.screenshot(path=str(artifacts / "export-timeline-timelinejs-title.png"))
    page.locator(".tl-slidenav-next").first.click()
    page.wait_for_timeout(1200)  # the slide's animation
    slide = page.locator(".tl-slide").nth(1)
    assert "سكاي نيوز عربية" not in slide.inner_text()  # its own outlet: wire
    assert "الميناء" in slide.inner_text()  # the link shown decoded
    page.screenshot(path=str(artifacts / "export-timeline-timelinejs-slide.png"))


def test_chronology_pages_draw_every_event(
    page: Any, opened: Any, artifacts: Path, chronology: Document
) -> None:
    events = len(chronology.events)
    opened("chronology-vis.html", DOC_WRITERS["vis-html"](chronology))
    page.wait_for_selector(".vis-item .vis-item-content", state="attached")
    drawn = page.locator(".vis-item .vis-item-content").all_inner_texts()
    assert len(drawn) == events
    assert set(drawn) == {split_headline(ev.text)[0] for ev in chronology.events}
    assert page.locator(".vis-range").count() >= 2  # a year, a season, a month: ranges
    page.screenshot(path=str(artifacts / "export-chronology-vis.png"))

    opened("chronology-tjs.html", DOC_WRITERS["timelinejs-html"](chronology))
    page.wait_for_selector(".tl-timemarker", state="attached")
    assert page.locator(".tl-timemarker").count() == events
    dates = [d.strip() for d in page.locator(".tl-slide .tl-headline-date").all_inner_texts()]
    assert "صيف 2015" in dates and "14 نيسان/أبريل 2018" in dates
    title = page.locator(".tl-slide").first.inner_text()
    assert "صفاقس" in title and "نُشر في 15 نيسان/أبريل 2018" in title
    page.wait_for_timeout(1200)
    page.screenshot(path=str(artifacts / "export-chronology-timelinejs.png"))


def test_hostile_text_is_shown_as_text(page: Any, opened: Any) -> None:
    opened("hostile.html", TL_WRITERS["timelinejs-html"](timeline()))
    page.wait_for_selector(".tl-timemarker", state="attached")
    slide = page.locator(".tl-slide").nth(3)
    assert "<script>window.pwned=1</script>" in slide.inner_text()  # shown, not run
