"""The page in a real browser: the app (``create_app``) served by uvicorn on a free
127.0.0.1 port over a small self-written store; chromium loads the page, extracts texts,
builds a timeline, strikes a line and exports what is left, and shows an article holding
markup as plain text. Screenshots of each view go to ``artifacts/``."""

from __future__ import annotations

import csv
import io
import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT.parent / "shared" / "examples" / "iraq-us-2020-09-09.txt"

BRIDGE = "جسر الوادي الأخضر"
XSS_TITLE = '<script>window.__xss = 1</script> مهرجان التمور "onmouseover="window.__xss = 2'
XSS_TEXT = (
    "افتتحت البلدية مهرجان التمور في 4 مايو 2021 بمشاركة مئة منتج. "
    '<script>window.__xss = 3</script> كتب زائر: "onmouseover="window.__xss = 4" '
    '<img src=x onerror="window.__xss = 5"> ثم عاد الزوار إلى بيوتهم.'
)
DOCS = [
    ("a1", "2021-04-02", "wire", "وضع محافظ المدينة كريم السعدي حجر الأساس لجسر الوادي الأخضر في "
     "1 أبريل 2021 بتكلفة تبلغ ثلاثين مليون دينار."),
    ("a2", "2021-04-02", "daily", "بدأت أعمال بناء جسر الوادي الأخضر في 1 أبريل 2021 بعد سنوات "
     "من الانتظار، وحضر الحفل مئات من سكان الضفتين."),
    ("a3", "2021-04-03", "radio", "قال مهندسون إن جسر الوادي الأخضر سيختصر الطريق بين ضفتي "
     "النهر إلى عشر دقائق."),
    ("a4", "2021-06-11", "wire", "توقفت أعمال جسر الوادي الأخضر في 10 يونيو 2021 بسبب خلاف "
     "مالي مع الشركة المنفذة."),
    ("a5", "2021-06-12", "daily", "أعلنت البلدية في 10 يونيو 2021 تعليق العمل في جسر الوادي "
     "الأخضر حتى تسوية مستحقات المقاول كاملة."),
    ("a6", "2021-09-21", "radio", "افتتح رئيس الحكومة جسر الوادي الأخضر في 20 سبتمبر 2021 "
     "أمام حركة السيارات."),
    ("a7", "2021-09-22", "wire", "عبرت أول الحافلات جسر الوادي الأخضر بعد افتتاحه في 20 سبتمبر "
     "2021 وسط احتفال شعبي كبير على الضفتين."),
    ("x1", "2021-05-05", "daily", XSS_TEXT),
    # one name, two spellings
    ("t1", "2021-02-01", "wire", "غادر دونالد ترامب البيت الأبيض بعد أربع سنوات في الحكم."),
    ("t2", "2021-02-03", "daily", "قال دونالد ترمب إنه سيبقى ناشطا في الحياة السياسية."),
    ("t3", "2021-02-08", "radio", "يواجه دونالد ترمب محاكمة ثانية أمام مجلس الشيوخ."),
]  # fmt: skip
TITLES = {
    "a1": "حجر الأساس لجسر الوادي الأخضر", "a2": "بدء بناء الجسر", "a3": "جسر يختصر الطريق",
    "a4": "توقف الأشغال", "a5": "البلدية تعلق العمل", "a6": "افتتاح الجسر",
    "a7": "أول الحافلات على الجسر", "x1": XSS_TITLE,
}  # fmt: skip
URL = "https://example.org/" + quote("أخبار") + "/{}"  # shown decoded on the page

# A short text of our own for the extract view: two dates, a person, a quantity.
SHORT = (
    "أعلن وزير الزراعة سامي الحداد في 3 مارس 2019 توزيع 500 طن من البذور على المزارعين، "
    "بعد أن ضرب الجفاف المنطقة في صيف 2018."
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from mahattat.ingest.run import ingest

    folder = tmp_path_factory.mktemp("page")
    src = folder / "in.jsonl"
    rows = [
        {"id": i, "published": p, "source": s, "text": t, "title": TITLES.get(i),
         "url": URL.format(i)}
        for i, p, s, t in DOCS
    ]  # fmt: skip
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    ingest([src], folder / "news.db", jobs=1)
    return folder / "news.db"


def _serve(db: Path | None) -> Iterator[str]:
    """The app on a free port in a thread, until the test is done."""
    uvicorn = pytest.importorskip("uvicorn")
    try:
        from mahattat.server import create_app
    except ImportError as e:  # the server is another part of the work
        pytest.skip(f"no mahattat.server.create_app: {e}")
    port = _free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the app did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def base(store_path: Path) -> Iterator[str]:
    yield from _serve(store_path)


@pytest.fixture(scope="module")
def bare() -> Iterator[str]:
    yield from _serve(None)


class Watch:
    """What the page says on its console, and the errors it throws."""

    def __init__(self, page: Any) -> None:
        self.errors: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))


def _open(page: Any, url: str) -> Watch:
    watch = Watch(page)
    page.goto(url)
    page.wait_for_selector("body[data-ready]")
    page.wait_for_function("() => document.getElementById('status').textContent.includes('أرشيف')")
    return watch


def _extract(page: Any, text: str, published: str) -> None:
    page.fill("#extract-text", text)
    page.fill("#extract-published", published)
    page.click("#extract-form button[type=submit]")
    page.wait_for_selector("#extract-chronology li")


def _marks(page: Any, kind: str) -> list[dict[str, Any]]:
    return list(
        page.eval_on_selector_all(
            f"#extract-doc mark.{kind}:not(.split)",
            "ms => ms.map(m => ({text: m.textContent, title: m.title, id: m.dataset.id,"
            " start: Number(m.dataset.start), end: Number(m.dataset.end)}))",
        )
    )


def test_a_pasted_text_is_marked_and_its_chronology_drawn(
    page: Any, base: str, artifacts: Path
) -> None:
    watch = _open(page, base)
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    _extract(page, SHORT, "2019-03-05")
    timexes = _marks(page, "timex")
    assert [t["text"] for t in timexes] == ["3 مارس 2019", "صيف 2018"]
    assert timexes[0]["title"] == "تاريخ: 3 آذار/مارس 2019 (2019-03-03)"
    assert "صيف 2018" in timexes[1]["title"] and "2018-SU" in timexes[1]["title"]
    for m in timexes + _marks(page, "entity") + _marks(page, "quantity"):
        assert SHORT[m["start"] : m["end"]] == m["text"]  # offsets into the original text
    (person,) = [m for m in _marks(page, "entity") if m["text"] == "سامي الحداد"]
    assert person["title"] == "شخص"
    assert [m["text"] for m in _marks(page, "quantity")] == ["500 طن"]
    dates = page.locator("#extract-chronology li .date").all_inner_texts()
    assert dates[-1] == "3 آذار/مارس 2019" and "2019-03-03" not in " ".join(dates)
    page.locator("#extract-chronology li").last.click()  # marks its words in the text
    assert page.locator("#extract-doc .event.focus").count() >= 1
    assert page.locator("#extract-exports button.export").count() == 6
    page.screenshot(path=str(artifacts / "page-extract-short.png"), full_page=True)
    assert watch.errors == []


def test_the_canonical_example(page: Any, base: str, artifacts: Path) -> None:
    if not EXAMPLE.exists():
        pytest.skip(f"no {EXAMPLE} (the shared data is not here)")
    text = EXAMPLE.read_text(encoding="utf-8")
    watch = _open(page, base)
    _extract(page, text, "2020-09-09")
    body = {"text": text, "published": "2020-09-09"}
    answer = page.request.post(f"{base}/api/extract", data=body)
    doc = answer.json()
    timexes = _marks(page, "timex")
    assert len(timexes) == len(doc["timexes"]) > 20
    assert len(_marks(page, "entity")) == len(doc["entities"])
    assert len(_marks(page, "quantity")) == len(doc["quantities"])
    for m in timexes:
        assert text[m["start"] : m["end"]] == m["text"]
    invasion = next(m for m in timexes if m["text"] == "20 مارس 2003")
    assert invasion["title"] == "تاريخ: 20 آذار/مارس 2003 (2003-03-20)"
    entries = page.locator("#extract-chronology li.event-entry")
    assert entries.count() == len(doc["events"])
    dates = entries.locator(".date").all_inner_texts()
    assert "20 آذار/مارس 2003" in dates and not any(d[:4].isdigit() and "-" in d for d in dates)
    page.screenshot(path=str(artifacts / "page-extract.png"), full_page=True)
    assert watch.errors == []


def _build(page: Any, query: str, *, mode: str = "days", per_date: int = 1) -> None:
    page.click("#tab-topic")
    page.fill("#topic-q", query)
    page.fill("#topic-per-date", str(per_date))
    page.check(f"input[name=topic-mode][value={mode}]")
    page.click("#topic-form button[type=submit]")
    page.wait_for_selector("#topic-entries li.entry")


def _download(page: Any, fmt: str, box: str = "#topic-exports") -> str:
    with page.expect_download() as info:
        page.click(f"{box} button[data-format='{fmt}']")
    path = info.value.path()
    return Path(path).read_text(encoding="utf-8-sig")


def test_a_topic_is_trimmed_and_what_is_left_exported(
    page: Any, base: str, artifacts: Path
) -> None:
    watch = _open(page, base)
    _build(page, BRIDGE)
    dates = page.locator("#topic-entries li.entry h3").all_inner_texts()
    assert dates == [  # the engineers' words (a3) are dated by their publication day
        "1 نيسان/أبريل 2021", "3 نيسان/أبريل 2021", "10 حزيران/يونيو 2021", "20 أيلول/سبتمبر 2021",
    ]  # fmt: skip
    bars = page.locator("#topic-chart svg rect.bar")
    assert bars.count() > 100  # one bar a day from the first match to the last
    assert page.locator("#topic-chart svg rect.bar.peak").count() == 3
    assert page.locator("#topic-chart svg circle.marked").count() == 4  # the timeline's days
    lines = page.locator("#topic-entries .item .line").all_inner_texts()
    struck = lines[1]
    page.locator("#topic-entries .item .strike").nth(1).click()
    assert page.locator("#topic-entries .item.struck .line").inner_text() == struck
    page.screenshot(path=str(artifacts / "page-topic.png"), full_page=True)
    rows = list(csv.reader(io.StringIO(_download(page, "csv"))))
    exported = " ".join(" ".join(r) for r in rows[1:])
    assert len(rows) == 1 + 3  # a header and the three lines left
    assert struck[:40] not in exported
    assert all(line[:40] in exported for line in lines if line != struck)
    assert "20 أيلول/سبتمبر 2021" in exported
    assert watch.errors == []


def test_another_line_is_picked_for_a_date(page: Any, base: str) -> None:
    watch = _open(page, base)
    _build(page, BRIDGE)
    entry = page.locator("#topic-entries li.entry").first
    before = entry.locator(".item .line").inner_text()
    menu = entry.locator("select.candidates")
    assert menu.count() == 1
    options = menu.locator("option").all_inner_texts()[1:]
    assert options and all(o != before for o in options)
    menu.select_option(index=1)
    entry = page.locator("#topic-entries li.entry").first
    after = entry.locator(".item .line").inner_text()
    assert after != before and BRIDGE in after
    markdown = _download(page, "md")
    assert after[:30] in markdown and before[:30] not in markdown
    assert watch.errors == []


def test_a_line_is_shown_in_its_article(page: Any, base: str, artifacts: Path) -> None:
    watch = _open(page, base)
    _build(page, BRIDGE)
    line = page.locator("#topic-entries .item .line").last.inner_text()
    page.locator("#topic-entries .item .context").last.click()
    page.wait_for_selector("#article-view mark.line")
    assert page.locator("#view-archive").is_visible()
    assert page.locator("#article-doc mark.line").inner_text() == line
    assert page.locator("#article-meta .date").inner_text().endswith("2021")
    assert page.locator("#article-meta a.url").inner_text().startswith("https://example.org/أخبار/")
    dates = page.locator("#article-chronology li.event-entry .date").all_inner_texts()
    assert "20 أيلول/سبتمبر 2021" in dates  # the article's own chronology beside it
    page.locator("#article-chronology li.event-entry").first.click()
    assert page.locator("#article-doc .event.focus").count() >= 1
    page.screenshot(path=str(artifacts / "page-article.png"), full_page=True)
    page.click("#article-back")  # back where the editor came from
    assert page.locator("#view-topic").is_visible()
    assert watch.errors == []


def test_markup_in_an_article_is_shown_as_text(page: Any, base: str, artifacts: Path) -> None:
    watch = _open(page, base)
    page.click("#tab-archive")
    page.fill("#search-q", "مهرجان التمور")
    page.click("#search-form button[type=submit]")
    page.wait_for_selector("#search-hits li.hit")
    hit = page.locator("#search-hits li.hit").first
    assert hit.locator(".title-link").inner_text() == XSS_TITLE
    hit.locator(".title-link").click()
    page.wait_for_selector("#article-doc mark")
    assert page.locator("#article-title").inner_text() == XSS_TITLE
    assert page.locator("#article-doc").inner_text() == XSS_TEXT
    assert page.locator("#article-view script, #article-view img").count() == 0
    page.locator("#article-doc").hover()
    page.locator("#article-title").hover()
    page.screenshot(path=str(artifacts / "page-archive-markup.png"), full_page=True)
    # the same markup pasted into the extract view
    page.click("#tab-extract")
    _extract(page, XSS_TEXT, "2021-05-05")
    page.locator("#extract-doc").hover()
    assert page.locator("#extract-doc").inner_text() == XSS_TEXT
    assert page.evaluate("window.__xss") is None
    assert page.locator("main script, main img, [onmouseover], [onerror]").count() == 0
    assert watch.errors == []


def test_the_archive_search_and_its_filters(page: Any, base: str, artifacts: Path) -> None:
    watch = _open(page, base)
    page.click("#tab-archive")
    sources = page.locator("#search-source option").all_inner_texts()
    assert sources[0] == "كل المصادر" and sorted(sources[1:]) == ["daily", "radio", "wire"]
    page.fill("#search-q", BRIDGE)
    page.select_option("#search-source", "wire")
    page.click("#search-form button[type=submit]")
    page.wait_for_selector("#search-hits li.hit")
    docs = page.eval_on_selector_all("#search-hits li.hit", "hs => hs.map(h => h.dataset.doc)")
    assert sorted(docs) == ["a1", "a4", "a7"]
    assert re.match("[3٣] مقالات تطابق البحث", page.locator("#search-summary").inner_text())
    meta = page.locator("#search-hits li.hit .meta").first.inner_text()
    assert "2021" in meta and "-0" not in meta  # a readable date, not 2021-04-02
    page.fill("#search-to", "2021-05-01")
    assert page.locator("output[for=search-to]").inner_text() == "1 أيار/مايو 2021"
    page.click("#search-form button[type=submit]")
    page.wait_for_function("() => document.querySelectorAll('#search-hits li.hit').length === 1")
    page.fill("#search-from", "2021-04")  # months, as the CLI takes them
    page.fill("#search-to", "2021-06")
    assert page.locator("output[for=search-to]").inner_text() == "حزيران/يونيو 2021"
    page.click("#search-form button[type=submit]")
    page.wait_for_function("() => document.querySelectorAll('#search-hits li.hit').length === 2")
    docs = page.eval_on_selector_all("#search-hits li.hit", "hs => hs.map(h => h.dataset.doc)")
    assert sorted(docs) == ["a1", "a4"]
    page.screenshot(path=str(artifacts / "page-archive.png"), full_page=True)
    page.fill("#search-from", "")
    page.fill("#search-to", "")
    page.select_option("#search-source", "")
    page.fill("#search-entity", "كريم السعدي")  # only the articles naming him
    page.click("#search-form button[type=submit]")
    page.wait_for_function("() => document.querySelectorAll('#search-hits li.hit').length === 1")
    assert page.locator("#search-hits li.hit").get_attribute("data-doc") == "a1"
    page.locator("#search-hits .title-link").click()
    page.wait_for_selector("#article-doc mark.entity")
    person = page.locator("#article-doc mark.entity.PER")
    assert person.inner_text() == "كريم السعدي" and person.get_attribute("title") == "شخص"
    assert watch.errors == []


def test_without_a_store_the_page_says_how_to_ingest(
    page: Any, bare: str, artifacts: Path
) -> None:
    watch = Watch(page)
    page.goto(bare)
    page.wait_for_selector("body[data-store=no]")
    page.click("#tab-archive")
    hint = page.locator("#view-archive [data-needs-store]")
    assert hint.is_visible() and "ingest" in hint.inner_text()
    assert page.locator("#search-q").is_disabled()
    page.screenshot(path=str(artifacts / "page-no-store.png"))
    page.click("#tab-extract")
    _extract(page, SHORT, "2019-03-05")
    assert page.locator("#extract-doc mark.timex").count() == 2
    assert watch.errors == []


def test_the_page_s_month_names_are_the_server_s(page: Any, base: str) -> None:
    names = json.loads((ROOT / "src/mahattat/data/time/labels.json").read_text("utf-8"))["month"]
    _open(page, base)
    months = page.evaluate("import('/static/js/dates.js').then(m => m.MONTHS)")
    assert months == [names[str(m)] for m in range(1, 13)]


def test_the_milestones_of_a_topic(page: Any, base: str, artifacts: Path) -> None:
    watch = _open(page, base)
    _build(page, BRIDGE, mode="milestones")
    assert page.locator("#topic-heading").inner_text() == "المحطات الكبرى"
    labels = page.locator("#topic-entries li.entry h3").all_inner_texts()
    assert "20 أيلول/سبتمبر 2021" in labels
    assert not any(re.search(r"\d{4}-\d{2}", label) for label in labels)  # never a bare value
    cited = page.locator("#topic-entries li.entry .cited").first.inner_text()
    assert cited.startswith("تذكره ")
    page.screenshot(path=str(artifacts / "page-milestones.png"), full_page=True)
    assert watch.errors == []


def test_a_txt_file_is_read_in_the_browser(page: Any, base: str, tmp_path: Path) -> None:
    watch = _open(page, base)
    article = tmp_path / "بيان الوزارة.txt"
    article.write_text(SHORT, encoding="utf-8")
    page.set_input_files("#extract-file", str(article))
    page.wait_for_function("() => document.getElementById('extract-text').value.length > 0")
    assert page.input_value("#extract-text") == SHORT
    assert page.input_value("#extract-title") == "بيان الوزارة"
    page.fill("#extract-published", "2019-03-05")
    page.click("#extract-form button[type=submit]")
    page.wait_for_selector("#extract-doc mark.timex")
    assert page.locator("#extract-doc mark.timex").count() == 2
    assert watch.errors == []


def test_a_bad_query_is_one_clear_line(page: Any, base: str) -> None:
    watch = _open(page, base)
    page.click("#tab-archive")
    page.fill("#search-q", "-جسر")
    page.click("#search-form button[type=submit]")
    error = page.locator("#search-error")
    error.wait_for()
    assert "only excludes" in error.inner_text() and "\n" not in error.inner_text()
    # the browser logs the 400 answer itself; nothing else goes wrong
    assert all("400" in e for e in watch.errors)


def test_a_chronology_is_exported(page: Any, base: str) -> None:
    watch = _open(page, base)
    _extract(page, SHORT, "2019-03-05")
    lines = page.locator("#extract-chronology li .line").all_inner_texts()
    rows = list(csv.DictReader(io.StringIO(_download(page, "csv", "#extract-exports"))))
    assert sorted(r["line"] if "line" in r else r["text"] for r in rows) == sorted(lines)
    markdown = _download(page, "md", "#extract-exports")
    assert "3 آذار/مارس 2019" in markdown and "صيف 2018" in markdown
    assert watch.errors == []


def test_a_bar_of_the_chart_opens_its_articles(page: Any, base: str) -> None:
    watch = _open(page, base)
    _build(page, BRIDGE)
    peak = page.locator("#topic-chart rect.bar[data-articles='2']")
    assert peak.get_attribute("data-day") == "2021-04-02"
    assert peak.locator("title").text_content() == "2 نيسان/أبريل 2021: مقالتان"
    peak.click(force=True)  # a thin bar: the click lands on it, not on what it overlaps
    page.wait_for_selector("#search-hits li.hit")
    assert page.locator("#view-archive").is_visible()
    docs = page.eval_on_selector_all("#search-hits li.hit", "hs => hs.map(h => h.dataset.doc)")
    assert sorted(docs) == ["a1", "a2"]
    assert page.input_value("#search-from") == page.input_value("#search-to") == "2021-04-02"
    assert page.locator("output[for=search-from]").inner_text() == "2 نيسان/أبريل 2021"
    assert watch.errors == []


def test_what_is_left_opens_in_timelinejs_and_vis(
    page: Any, base: str, artifacts: Path, tmp_path: Path
) -> None:
    web = ROOT / "src" / "mahattat" / "web" / "node_modules"
    for package in ("vis-timeline", "@knight-lab/timelinejs"):
        if not (web / package).is_dir():
            pytest.skip(f"{package} is not installed in {web} (run make setup: npm)")
    watch = _open(page, base)
    _build(page, BRIDGE)
    lines = page.locator("#topic-entries .item .line").all_inner_texts()
    page.locator("#topic-entries .item .strike").first.click()
    kept = lines[1:]
    pages = {}
    for fmt in ("timelinejs-html", "vis-html"):
        pages[fmt] = tmp_path / f"{fmt}.html"
        pages[fmt].write_text(_download(page, fmt), encoding="utf-8")
    assert watch.errors == []
    opened = page.context.new_page()
    opened.goto(pages["vis-html"].as_uri())
    opened.wait_for_selector(".vis-item-content")
    drawn = opened.locator(".vis-item-content").all_inner_texts()
    assert len(drawn) == len(kept) and all(d.strip() for d in drawn)
    assert not any(lines[0][:30] in d for d in drawn)  # the struck line is gone
    opened.screenshot(path=str(artifacts / "page-export-vis.png"))
    opened.goto(pages["timelinejs-html"].as_uri())
    opened.wait_for_selector(".tl-timemarker", state="attached")
    markers = opened.locator(".tl-timemarker-text").all_text_contents()
    assert len(markers) == len(kept)
    slides = " ".join(opened.locator(".tl-slide").all_text_contents())
    assert lines[0][:30] not in slides and all(k[:30] in slides for k in kept)
    assert "نيسان/أبريل 2021" in slides or "أيلول/سبتمبر 2021" in slides
    opened.wait_for_timeout(1500)  # TimelineJS slides its navigation in: shoot it at rest
    opened.screenshot(path=str(artifacts / "page-export-timelinejs.png"))


SPANS_JS = """([text, spans]) => import('/static/js/spans.js').then(m => {
  const box = document.createElement('div');
  box.append(m.annotated(text, spans));
  return {text: box.textContent, marks: [...box.querySelectorAll('mark')].map(e =>
    [e.dataset.id, e.textContent, e.classList.contains('split'), e.parentElement === box]),
    events: [...box.querySelectorAll('span.event')].map(e => e.textContent)};
})"""


def test_spans_nest_split_and_count_code_points(page: Any, base: str) -> None:
    _open(page, base)
    text = "😀 زار الوفد مدينة حلب القديمة في 2 مايو 2022."  # an astral emoji: 2 UTF-16 units
    at = text.index
    spans = [
        {"start": at("مدينة"), "end": at(" في"), "kind": "entity", "id": "e1"},
        {"start": at("حلب"), "end": at(" القديمة"), "kind": "entity", "id": "e2"},  # inside e1
        {"start": at("2 مايو"), "end": at("."), "kind": "timex", "id": "t1"},
        {"start": at("في 2"), "end": at(" 2022"), "kind": "quantity", "id": "q1"},  # t1 crosses
        {"start": 5, "end": 99, "kind": "timex", "id": "bad"},  # beyond the text: left out
        # an event's words ending inside e1 and e2: widened to hold them whole
        {"start": at("الوفد"), "end": at("حلب") + 1, "kind": "event", "tag": "span", "wide": True},
    ]
    got = page.evaluate(SPANS_JS, [text, spans])
    assert got["text"] == text  # every character once, in order
    assert got["marks"] == [
        ["e1", "مدينة حلب القديمة", False, False],  # inside the event
        ["e2", "حلب", False, False],
        ["q1", "في 2 مايو", False, True],  # the first to start stays whole
        ["t1", "2 مايو", True, False],  # the part of t1 inside it
        ["t1", " 2022", True, True],  # and the rest, after it
    ]
    assert got["events"] == ["الوفد مدينة حلب القديمة"]


def test_other_spellings_are_offered_and_added(page: Any, base: str) -> None:
    watch = _open(page, base)
    page.click("#tab-archive")
    page.fill("#search-q", "ترامب")
    page.click("#search-form button[type=submit]")
    page.wait_for_selector("#search-hits li.hit")
    assert page.locator("#search-hits li.hit").count() == 1
    note = page.locator("#search-variants-note")
    assert note.is_visible() and "ترمب (مقالتان)" in note.inner_text()
    note.locator("button.add-variants").click()
    page.wait_for_function("() => document.querySelectorAll('#search-hits li.hit').length === 3")
    assert page.is_checked("#search-variants")
    assert page.locator("#search-variants-note").inner_text().startswith("مع التهجئات الأخرى")
    assert watch.errors == []


def test_durations_and_sets_read_as_words(page: Any, base: str) -> None:
    watch = _open(page, base)
    text = "استمر الحصار ثلاثة أشهر، وتعقد اللجنة اجتماعا كل أسبوع، وانتظر الركاب ساعتين ونصف."
    _extract(page, text, "2021-01-01")
    titles = {m["text"]: m["title"] for m in _marks(page, "timex")}
    assert titles["ثلاثة أشهر"] == "مدة: 3 أشهر (P3M)"
    assert titles["كل أسبوع"] == "تكرار: كل أسبوع (P1W)"
    assert titles["ساعتين ونصف"] == "مدة: ساعتان و30 دقيقة (PT2H30M)"
    assert watch.errors == []
