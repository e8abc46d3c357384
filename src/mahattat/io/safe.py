"""What every writer does to text it did not write itself (article text, titles, queries,
URLs): keep the output encodable, and keep formulas and markup in it inert.

- **UTF-8**: a lone surrogate (``"\\ud800"``, which a JSON escape in the input can give)
  has no UTF-8 encoding; every writer replaces it with U+FFFD (``encodable``).
- **CSV** (OWASP, CSV injection): a cell whose first character after any whitespace and
  format marks (U+200F...) is ``= + - @`` (or their full-width forms) gets a leading
  ``'``, so that a spreadsheet shows it as text instead of computing it. A CR or CRLF
  inside a cell becomes LF: the ``csv`` module quotes a cell holding LF, the line
  terminator, but not one holding a lone CR, which readers then take for the end of a
  record.
- **HTML** (TimelineJS ``headline``/``text``, vis-timeline ``content``/``title``): text
  is escaped, ``& < > " '`` included.
- **Markdown**: ``& < >`` become entities, ``\\ [ ]`` are backslash-escaped and line
  breaks become spaces, so that text opens no HTML, link or image and stays on its line
  (``*`` and ``_`` stay: emphasis is harmless, and hashtags are full of ``_``).
- **URLs**: only ``http://`` and ``https://`` ones go into HTML or Markdown; people read
  them decoded (``shown_url``: ``%D8%A8`` as ``ب``), but never a control, format mark
  (U+202E...) or space decoded, which could hide or reorder what the link says.
- **Bidi**: text of another direction beside Arabic (an outlet, an article id, a URL) is
  wrapped in FSI ... PDI (U+2068, U+2069, ``isolate``), so that it cannot reorder the
  line around it.
- **Excel** reads a CSV as UTF-8 only after a byte order mark: every CSV starts with
  U+FEFF (``csv_table``; Python reads it back with ``encoding="utf-8-sig"``).
"""

from __future__ import annotations

import csv
import html
import io
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from urllib.parse import quote, unquote

_SURROGATE = re.compile("[\ud800-\udfff]")
_FORMULA = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
_CR = re.compile(r"\r\n?")
_MD_BREAK = re.compile(r"\r\n?|[\n\v\f\x1c-\x1e\x85\u2028\u2029]")
_MD_SPECIAL = re.compile(r"[\\\[\]]")
_WEB_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f]+", re.IGNORECASE)
BOM = "\ufeff"
FSI, PDI = "\u2068", "\u2069"


def encodable(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


def csv_cell(value: object) -> str:
    """A CSV cell: None as empty, CR and CRLF as LF, a formula neutralised."""
    text = _CR.sub("\n", encodable("" if value is None else str(value)))
    return "'" + text if _first_visible(text) in _FORMULA else text


def _first_visible(text: str) -> str:
    for ch in text:
        if not (ch.isspace() or unicodedata.category(ch) == "Cf"):
            return ch
    return ""


def csv_table(fields: Sequence[str], rows: Iterable[Mapping[str, object]]) -> str:
    """A byte order mark, a header of ``fields`` and one line per row (missing fields
    empty), every cell through ``csv_cell``."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    writer.writerows([csv_cell(row.get(f)) for f in fields] for row in rows)
    return out.getvalue()


def html_text(text: str) -> str:
    return html.escape(text, quote=True)


def md_text(text: str) -> str:
    """``text`` as one line of inert Markdown."""
    text = _MD_SPECIAL.sub(r"\\\g<0>", html.escape(text, quote=False))
    return _MD_BREAK.sub(" ", text)


def web_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) URL (no ``javascript:``, ``data:``...), else None."""
    return url if url is not None and _WEB_URL.fullmatch(url) else None


def shown_url(url: str | None) -> str | None:
    """``web_url(url)`` as people read it: percent-escapes decoded (UTF-8), except those
    of a control, a format mark, a separator or a space, which stay escaped."""
    web = web_url(url)
    if web is None:
        return None
    decoded = unquote(web, errors="surrogateescape")  # a byte that is no UTF-8: U+DCxx
    return "".join(_keep_escaped(ch) for ch in decoded)


def _keep_escaped(ch: str) -> str:
    if "\udc80" <= ch <= "\udcff":
        return f"%{ord(ch) - 0xDC00:02X}"
    return quote(ch, safe="") if unicodedata.category(ch)[0] in "CZ" else ch


def isolate(text: str) -> str:
    """``text`` as a bidi isolate (FSI ... PDI): its direction is its own first strong
    letter's, and it does not reorder what stands around it."""
    return f"{FSI}{text}{PDI}" if text else ""
