"""The query parameters as the CLI reads its options: a date range of years, months or
days, a query in its language with the other spellings of its words."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from typing import Any

from ..store import Query, QueryError, Store, parse_query
from ..store.variants import by_word
from .errors import ApiError

_GRAIN = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2]))?")


def period(value: str | None, name: str) -> str | None:
    """A year (``2003``), a month (``2003-03``) or a day; 400 naming ``name`` otherwise."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    if _GRAIN.fullmatch(value):
        return value
    with contextlib.suppress(ValueError):
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    raise ApiError(400, f"{name}: not a year, month or day: {value!r} (e.g. 2003, 2003-03"
                        " or 2003-03-20)")  # fmt: skip


def span(start: str | None, end: str | None) -> tuple[str | None, str | None]:
    """``from`` and ``to`` checked, as given (years, months or days)."""
    first, last = period(start, "from"), period(end, "to")
    if first and last and first[: len(last)] > last[: len(first)]:
        raise ApiError(400, f"from {first} is after to {last}")
    return first, last


def days(start: str | None, end: str | None) -> tuple[str | None, str | None]:
    """``from`` and ``to`` as the first and last day they cover (publication days)."""
    from ..cli import _as_days

    return _as_days(*span(start, end))


def query(store: Store, text: str, variants: bool) -> tuple[Query, list[dict[str, Any]]]:
    """The parsed query, with the other spellings of its words when asked, and those
    spellings the store holds either way (``{"word", "spelling", "articles"}``)."""
    if not text.strip():
        raise ApiError(400, "q: empty query (Arabic words to find)")
    try:
        q = parse_query(text)
        found = store.variants(q)
    except QueryError as e:
        raise ApiError(400, f"q: {e}") from None
    listed = [{"word": v.word, "spelling": v.term, "articles": v.articles} for v in found]
    if variants and found:
        q = q.with_alternatives(by_word(found))
    return q, listed
