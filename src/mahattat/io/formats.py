"""Output formats: each writer is a plain function ``Document -> str``.

``WRITERS`` maps a ``--format`` name to its writer; a new format is one function and one
entry here. The writers of a corpus timeline are in ``timeline.py``. Every output can be
encoded as UTF-8 (``safe.encodable``); rich is imported by the table writer only.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from .chronology import (
    rows,
    to_csv,
    to_markdown,
    to_timelinejs,
    to_timelinejs_page,
    to_vis,
    to_vis_page,
)
from .safe import encodable

if TYPE_CHECKING:
    from rich.table import Table
    from rich.text import Text

    from ..records import Document, Timex

Writer = Callable[["Document"], str]

# Characters XML 1.0 forbids (scraped text has stray form feeds and the like).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# A parser reads a raw CR (or CRLF) as LF: written as a reference, it comes back as CR.
_XML_ENTITIES = {"\r": "&#13;"}
_RAW_BREAKS = str.maketrans({c: f"\\u{ord(c):04x}" for c in "\x85\u2028\u2029"})


def to_json(doc: Document) -> str:
    return encodable(json.dumps(doc.as_dict(), ensure_ascii=False, indent=2))


def to_jsonl(doc: Document) -> str:
    line = json.dumps(doc.as_dict(), ensure_ascii=False, separators=(",", ":"))
    # JSON leaves U+0085/U+2028/U+2029 raw; readers that split on Unicode line breaks
    # (str.splitlines) would cut here.
    return encodable(line.translate(_RAW_BREAKS))


# --- TimeML --------------------------------------------------------------------------


def _xml_text(text: str) -> str:
    # xml.sax.saxutils loads urllib, http and ssl (20 ms): only when TimeML is written
    from xml.sax.saxutils import escape

    return escape(_XML_ILLEGAL.sub(" ", text), _XML_ENTITIES)


def _timex_attrs(t: Timex) -> str:
    from xml.sax.saxutils import quoteattr

    attrs = {"tid": t.id, "type": t.type, "value": t.value, "mod": t.mod, "comment": t.note}
    if t.anchor:  # TIMEX3 anchors on another timex; the DCT is t0
        anchor = "t0" if t.anchor == "dct" else t.anchor
        attrs |= {"temporalFunction": "true", "anchorTimeID": anchor}
    return " ".join(f"{k}={quoteattr(v)}" for k, v in attrs.items() if v is not None)


def _inline_timexes(doc: Document) -> str:
    parts, pos = [], 0
    for t in sorted(doc.timexes, key=lambda t: (t.start, -t.end)):
        if t.start < pos:
            continue  # TIMEX3 tags cannot nest or cross: keep the outer, earlier one
        parts.append(_xml_text(doc.text[pos : t.start]))
        parts.append(f"<TIMEX3 {_timex_attrs(t)}>{_xml_text(doc.text[t.start : t.end])}</TIMEX3>")
        pos = t.end
    parts.append(_xml_text(doc.text[pos:]))
    return "".join(parts)


def to_timeml(doc: Document) -> str:
    """TempEval-3 style TimeML: DCT, then the original text with inline TIMEX3 tags."""
    from xml.sax.saxutils import quoteattr

    dct = quoteattr(doc.published)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<TimeML>"]
    if doc.id is not None:
        lines.append(f"<DOCID>{_xml_text(doc.id)}</DOCID>")
    lines.append(
        f'<DCT><TIMEX3 tid="t0" type="DATE" value={dct} functionInDocument="CREATION_TIME">'
        f"{_xml_text(doc.published)}</TIMEX3></DCT>"
    )
    if doc.title is not None:
        lines.append(f"<TITLE>{_xml_text(doc.title)}</TITLE>")
    lines += [f"<TEXT>{_inline_timexes(doc)}</TEXT>", "</TimeML>"]
    return "\n".join(lines)


# --- table ---------------------------------------------------------------------------


def _repairs_line(doc: Document) -> Text:
    from rich.text import Text

    if not doc.repairs:
        return Text("repairs: none")
    items = [f"{r.text} → {r.replacement} ({r.start}-{r.end})" for r in doc.repairs]
    return Text(f"repairs ({len(items)}): " + "; ".join(items))


def _chronology_table(doc: Document) -> Table:
    from rich.table import Table
    from rich.text import Text

    title = f"chronology · {len(doc.events)} events"
    cols = ("date", "date_ar", "event", "who", "where", "how many")
    table = Table(*cols, title=title, title_justify="left")
    for row in rows(doc):
        # Text(), not str: a cell string would be parsed as rich markup ("[...]").
        table.add_row(*(Text(row[c]) for c in cols))
    return table


def to_table(doc: Document, width: int = 120) -> str:
    """The chronology as a dated table, the timexes, then one line listing the repairs."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from ..time.values import label

    title = f"{doc.id or 'document'} · published {doc.published} · {len(doc.timexes)} timexes"
    cols = ("id", "text", "type", "value", "date_ar", "mod", "anchor", "note")
    table = Table(*cols, title=title, title_justify="left")
    for t in doc.timexes:
        date = label(t.value, t.mod, every=t.type == "SET")
        cells = (t.id, t.text, t.type, t.value, date, t.mod or "", t.anchor or "", t.note or "")
        table.add_row(*(Text(c) for c in cells))
    console = Console(file=io.StringIO(), width=width, color_system=None, record=True)
    if doc.events:
        console.print(_chronology_table(doc))
    console.print(table)
    console.print(_repairs_line(doc), soft_wrap=True)  # one line, however long
    return encodable("\n".join(line.rstrip() for line in console.export_text().splitlines()))


WRITERS: dict[str, Writer] = {
    "json": to_json,
    "jsonl": to_jsonl,
    "timeml": to_timeml,
    "table": to_table,
    "md": to_markdown,
    "csv": to_csv,
    "timelinejs": to_timelinejs,
    "vis": to_vis,
    "timelinejs-html": to_timelinejs_page,
    "vis-html": to_vis_page,
}
