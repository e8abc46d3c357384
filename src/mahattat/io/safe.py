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
- **URLs**: only ``http://`` and ``https://`` ones go into HTML or Markdown.
"""

from __future__ import annotations

import csv
import html
import io
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

_SURROGATE = re.compile("[\ud800-\udfff]")
_FORMULA = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
_CR = re.compile(r"\r\n?")
_MD_BREAK = re.compile(r"\r\n?|[\n\v\f\x1c-\x1e\x85\u2028\u2029]")
_MD_SPECIAL = re.compile(r"[\\\[\]]")
_WEB_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f]+", re.IGNORECASE)


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
    """A header of ``fields`` and one line per row (missing fields empty), every cell
    through ``csv_cell``."""
    out = io.StringIO()
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
