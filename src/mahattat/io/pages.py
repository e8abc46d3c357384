"""Timelines as self-contained HTML pages that open offline anywhere (a mail attachment,
a shared drive): TimelineJS or vis-timeline with the library's JS and CSS inlined from
its npm package (``web/assets.py``), the timeline as JSON beside them. Right to left, an
Arabic title, and a Content-Security-Policy under which the page can fetch nothing and
run only its own scripts (by hash), whatever an article says.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import cache
from typing import Any

from .safe import encodable, html_text

TIMELINEJS = "@knight-lab/timelinejs"
VIS = "vis-timeline"
# A source map comment would send a browser's developer tools to a file that is not there.
_SOURCE_MAP = re.compile(r"/[/*][#@] sourceMappingURL=[^\s*]*(?:\s*\*/)?")
# TimelineJS's icon font, which its CSS asks for beside it: inlined as the one woff2.
_ICON_FONT = re.compile(r"src:\s*url\([^)]*tl-icons\.eot\);\s*src:[^;]*;")

# TimelineJS asks for its locale (``<script_path>/locale/ar.json``) over the network: the
# request is answered from the locale inlined in the page instead.
_TIMELINEJS_START = """(function () {
  "use strict";
  var locale = JSON.parse(document.getElementById("tl-locale").textContent);
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    if (/\\/locale\\/ar\\.json$/.test(String(url))) {
      args[1] = "data:application/json;charset=utf-8," + encodeURIComponent(JSON.stringify(locale));
    }
    return open.apply(this, args);
  };
  var data = JSON.parse(document.getElementById("tl-data").textContent);
  window.timeline = new TL.Timeline("timeline", data, {
    language: "ar", font: null, theme: null, script_path: "./", hash_bookmark: false,
    scale_factor: 1,
    ga_measurement_id: null, ga_property_id: null
  });
})();
"""

# vis-timeline draws its axis with moment's English month names: the page names them.
_VIS_START = """(function () {
  "use strict";
  var d = JSON.parse(document.getElementById("vis-data").textContent);
  var months = d.months;
  function when(date) { return new Date(date.valueOf()); }
  function minor(date, scale) {
    var t = when(date);
    if (scale === "year") return String(t.getFullYear());
    if (scale === "month") return months[t.getMonth()];
    if (scale === "day" || scale === "weekday" || scale === "week") return String(t.getDate());
    return t.getHours() + ":" + String(t.getMinutes()).padStart(2, "0");
  }
  function major(date, scale) {
    var t = when(date);
    if (scale === "year") return "";
    if (scale === "month") return String(t.getFullYear());
    if (scale === "day" || scale === "weekday" || scale === "week")
      return months[t.getMonth()] + " " + t.getFullYear();
    return t.getDate() + " " + months[t.getMonth()] + " " + t.getFullYear();
  }
  var options = Object.assign({}, d.options, {format: {minorLabels: minor, majorLabels: major}});
  var items = new vis.DataSet(d.items);
  var el = document.getElementById("timeline");
  window.timeline = d.groups
    ? new vis.Timeline(el, items, new vis.DataSet(d.groups), options)
    : new vis.Timeline(el, items, options);
})();
"""

_PAGE_STYLE = """html, body { margin: 0; font-family: "Noto Naskh Arabic", "Noto Sans Arabic",
  "Segoe UI", Tahoma, sans-serif; }
header { padding: 12px 24px; }
header h1 { margin: 0 0 4px; font-size: 1.4em; }
header p { margin: 0; color: #555; }
"""
_TIMELINEJS_STYLE = _PAGE_STYLE + "#timeline { height: 100vh; }\n"
# A group label wrapping right to left makes vis-timeline redraw forever: one line each.
_VIS_STYLE = """#timeline { margin: 0 24px 24px; }
.vis-labelset .vis-label .vis-inner { white-space: nowrap; }
.vis-item.vis-range .vis-item-overflow { overflow: visible; }
"""
# The files each page format inlines: what ``installed`` checks before any work is done.
NEEDS = {
    "timelinejs-html": [(TIMELINEJS, "dist/js/timeline.js"), (TIMELINEJS, "dist/css/timeline.css"),
                        (TIMELINEJS, "dist/js/locale/ar.json")],
    "vis-html": [(VIS, "standalone/umd/vis-timeline-graph2d.min.js"),
                 (VIS, "styles/vis-timeline-graph2d.min.css")],
}  # fmt: skip


def installed(fmt: str) -> None:
    """Raise ``AssetError`` ("run make setup (npm)") when the page format ``fmt`` would
    miss a file of its library."""
    from ..web.assets import asset_path

    for package, path in NEEDS.get(fmt, []):
        asset_path(package, path)


def script_json(data: Any) -> str:
    """JSON to put inside a ``<script type="application/json">``: ``<``, ``>`` and ``&``
    escaped, so that no text can close the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return encodable(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _inline(text: str, tag: str) -> str:
    """A library's file made safe to inline in a ``<tag>`` element."""
    text = _SOURCE_MAP.sub("", text)
    return re.sub(f"</({tag})", r"<\\/\1", text, flags=re.IGNORECASE)


@cache
def _library(package: str, path: str, tag: str) -> str:
    """A library file as inlined in a ``<tag>`` (read once a process: a server writes
    many pages)."""
    from ..web.assets import asset

    return _inline(asset(package, path), tag)


@cache
def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _page(title: str, styles: list[str], scripts: list[str], body: str, data: str) -> str:
    """The page: our ``body``, the data element, then ``scripts`` in order, only those
    allowed to run (by hash); styles inline (the libraries set styles as they draw)."""
    csp = "; ".join([
        "default-src 'none'",
        "script-src " + " ".join(_sha256(s) for s in scripts),
        "style-src 'unsafe-inline'",
        "img-src data:",
        "font-src data:",
        "connect-src data:",
        "base-uri 'none'",
        "form-action 'none'",
    ])  # fmt: skip
    head = [
        "<!doctype html>",
        '<html lang="ar" dir="rtl">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{html_text(title)}</title>",
        *(f"<style>{s}</style>" for s in styles),
        "</head>",
        "<body>",
        body,
        data,
        *(f"<script>{s}</script>" for s in scripts),
        "</body>",
        "</html>",
    ]
    return encodable("\n".join(head)) + "\n"


@cache
def _timelinejs_css() -> str:
    from ..web.assets import asset_bytes

    css = _library(TIMELINEJS, "dist/css/timeline.css", "style")
    font = base64.b64encode(asset_bytes(TIMELINEJS, "dist/css/icons/tl-icons.woff2")).decode()
    return _ICON_FONT.sub(f'src: url(data:font/woff2;base64,{font}) format("woff2");', css)


def timelinejs_page(data: dict[str, Any], title: str) -> str:
    """A TimelineJS3 page of ``data`` (a TimelineJS JSON): its Arabic locale inlined and
    asked for with ``language: "ar"``, so no request ever leaves the page."""
    library = _library(TIMELINEJS, "dist/js/timeline.js", "script")
    from ..datafile import load_json

    locale = json.loads(_library(TIMELINEJS, "dist/js/locale/ar.json", "script"))
    locale |= load_json("io/timelinejs-ar.json")  # what it leaves in English
    blocks = "\n".join([
        f'<script type="application/json" id="tl-locale">{script_json(locale)}</script>',
        f'<script type="application/json" id="tl-data">{script_json(data)}</script>',
    ])  # fmt: skip
    body = '<div id="timeline"></div>'
    styles = [_timelinejs_css(), _TIMELINEJS_STYLE]
    return _page(title, styles, [library, _TIMELINEJS_START], body, blocks)


def vis_page(data: dict[str, Any], title: str, about: str = "") -> str:
    """A vis-timeline page of ``data`` (``items``, ``options`` and perhaps ``groups``),
    under an ``<h1>`` of ``title`` and a line of ``about``."""
    from ..datafile import load_json

    library = _library(VIS, "standalone/umd/vis-timeline-graph2d.min.js", "script")
    css = _library(VIS, "styles/vis-timeline-graph2d.min.css", "style")
    months = [load_json("time/labels.json")["month"][str(m)] for m in range(1, 13)]
    blob = script_json({**data, "months": months})
    block = f'<script type="application/json" id="vis-data">{blob}</script>'
    about_line = f"<p>{html_text(about)}</p>" if about else ""
    body = f'<header><h1>{html_text(title)}</h1>{about_line}</header>\n<div id="timeline"></div>'
    return _page(title, [css, _PAGE_STYLE + _VIS_STYLE], [library, _VIS_START], body, block)
