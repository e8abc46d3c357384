"""Loading gold timexes and predictions for ``mahattat eval timex``.

Gold comes in two shapes:

- one annotated document (``examples/*.gold.json``): ``{"document": "x.txt",
  "publication_date": ..., "timexes": [...]}`` with ``x.txt`` beside it;
- JSONL of ``{"id", "dct", "timexes"}``, the texts in a separate JSONL of
  ``{"id", "text", "published"}`` (``--docs``), needed only to run the tagger.

Predictions are mahattat's own JSON (one document) or JSONL output.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..io.read import InputError, iter_jsonl, read_text

Record = dict[str, Any]
_NO_DATE = "1970-01-01"  # stands for a missing date while reading --docs


@dataclass(frozen=True, slots=True)
class GoldDoc:
    id: str | None
    dct: str | None
    timexes: tuple[Record, ...]
    text: str | None = None  # what the tagger reads when no predictions are given
    text_path: Path | None = None  # where the text was expected, for error messages


def _records(source: str) -> list[tuple[int, Record]]:
    """The JSON objects of a file, with line numbers: JSONL, else one whole JSON value.

    JSONL is streamed (a ``--docs`` file of many articles has no size limit); a file that
    is not JSONL, such as a pretty-printed ``.gold.json``, is parsed whole.
    """
    lines = list(iter_jsonl(source))
    bad = next((line for line in lines if line.record is None), None)
    if not lines:
        raise InputError(f"{source} holds no JSON objects")
    if bad is None:
        return [(line.number, line.record) for line in lines if line.record is not None]
    try:
        whole = json.loads(Path(source).read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise InputError(f"{source} line {bad.number}: {bad.error}") from None
    items = whole if isinstance(whole, list) else [whole]
    if not items or not all(isinstance(item, dict) for item in items):
        raise InputError(f"{source}: expected JSON objects")
    return list(enumerate(items, 1))


def _timexes(source: str, number: int, record: Record) -> tuple[Record, ...]:
    timexes = record.get("timexes")
    if not isinstance(timexes, list):
        raise InputError(f'{source} line {number}: no "timexes" list')
    for t in timexes:
        if not isinstance(t, dict) or not {"start", "end", "value"} <= t.keys():
            raise InputError(f"{source} line {number}: a timex lacks start, end or value")
    return tuple(timexes)


def load_gold(source: str, docs: str | None = None) -> list[GoldDoc]:
    """Gold documents from either shape, with their texts where they can be found."""
    records = _records(source)
    if len(records) == 1 and "document" in records[0][1]:
        return [_annotated_document(source, records[0][1])]
    gold = [
        GoldDoc(_id(r), r.get("dct") or r.get("published"), _timexes(source, n, r))
        for n, r in records
    ]
    return _with_texts(gold, docs) if docs else gold


def _id(record: Record) -> str | None:
    value = record.get("id")
    return None if value is None else str(value)


def _annotated_document(source: str, record: Record) -> GoldDoc:
    path = Path(source).parent / str(record["document"])
    text = read_text(str(path)).text if path.is_file() else None
    timexes = _timexes(source, 1, record)
    return GoldDoc(
        id=record.get("id") or path.stem,
        dct=record.get("publication_date") or record.get("dct"),
        timexes=timexes,
        text=text,
        text_path=path,
    )


def _with_texts(gold: list[GoldDoc], docs: str) -> list[GoldDoc]:
    """The texts of ``--docs``, read as every article is (``io.records``)."""
    from ..io.records import BadRecord, Fields, read

    texts: dict[str | None, Record] = {}
    # a document may leave its date to the gold file: mark the ones that do
    for r in read([docs], Fields(published_default=_NO_DATE), jsonl=True):
        if isinstance(r, BadRecord):
            raise InputError(f"{r.origin}: {r.reason}")
        texts[r.id] = {"text": r.text, "published": None if r.assumed_date else r.published}
    out = []
    for g in gold:
        found = texts.get(g.id, {})
        out.append(replace(g, text=found.get("text"), dct=g.dct or found.get("published")))
    return out


def text_mismatches(doc: GoldDoc) -> list[Record]:
    """Gold timexes whose ``text`` is not the document's text at their offsets."""
    if doc.text is None:
        return []
    return [t for t in doc.timexes if "text" in t and doc.text[t["start"] : t["end"]] != t["text"]]


def load_predictions(source: str) -> list[Record]:
    """mahattat JSON or JSONL output: one record per document."""
    records = [r for _, r in _records(source)]
    for r in records:
        if not isinstance(r.get("timexes"), list):
            raise InputError(f'{source}: a document has no "timexes" list (not mahattat output?)')
    return records


def pair(gold: list[GoldDoc], preds: list[Record]) -> tuple[list[tuple[GoldDoc, list]], list[str]]:
    """Each gold document with its predicted timexes, by id, and warnings on what did not pair.

    A lone gold document and a lone prediction pair whatever their ids (``extract`` output
    has no id unless ``--id`` was given).
    """
    if len(gold) == 1 and len(preds) == 1:
        return [(gold[0], preds[0]["timexes"])], []
    by_id = {_id(p): p for p in preds}
    warnings = []
    pairs = []
    for g in gold:
        p = by_id.pop(g.id, None)
        if p is None:
            warnings.append(f"no prediction for document {g.id}: scored as finding nothing")
        pairs.append((g, p["timexes"] if p else []))
    warnings += [f"prediction for {i} has no gold document: ignored" for i in by_id]
    return pairs, warnings


def tag(
    golds: list[GoldDoc], on_doc: Callable[[int], None] | None = None
) -> tuple[list[tuple[GoldDoc, list[Record]]], list[str]]:
    """Run the pipeline on each gold document's text: ``(gold, predicted timexes)`` pairs,
    and a message for each document it failed on (scored as finding nothing there).
    ``on_doc(n)`` is told how many documents are done."""
    from ..pipeline import extract

    pairs, failures = [], []
    for n, g in enumerate(golds, 1):
        if g.text is None:
            where = g.text_path or "--docs"
            raise InputError(f"no text for gold document {g.id} (looked in {where})")
        if g.dct is None:
            raise InputError(f"no publication date for gold document {g.id}")
        try:
            timexes = extract(g.text, g.dct, id=g.id, time_only=True).as_dict()["timexes"]
        except Exception as e:  # score the rest; say which document broke
            failures.append(f"tagging failed on {g.id} ({type(e).__name__}: {e})")
            timexes = []
        pairs.append((g, timexes))
        if on_doc:
            on_doc(n)
    return pairs, failures
