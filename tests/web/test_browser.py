"""The browser itself: a right-to-left Arabic page is drawn, and a screenshot is kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def test_an_arabic_page_is_drawn_right_to_left(page: Any, artifacts: Path) -> None:
    page.set_content(
        '<html lang="ar" dir="rtl"><body><p id="p">مرحبا بالعالم</p></body></html>'
    )
    box = page.locator("#p").bounding_box()
    assert page.locator("#p").inner_text() == "مرحبا بالعالم"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert box is not None and box["width"] > 0
    page.screenshot(path=str(artifacts / "browser-check.png"))
