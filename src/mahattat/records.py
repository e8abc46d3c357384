"""Typed, immutable records: the output of every pipeline stage.

Every span is ``(start, end)`` in code points of the ORIGINAL text, end exclusive, so
``doc.text[x.start:x.end] == x.text`` always holds. Field names follow
``docs/output-contract.md``; ``as_dict`` gives the JSON shape.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True, slots=True)
class Repair:
    """A scraping defect fixed on the matching view (a glued word split in two)."""

    start: int
    end: int
    text: str
    replacement: str


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Timex:
    """A TIMEX3 temporal expression.

    ``anchor`` is ``"dct"`` when the value was computed from the publication date,
    the id of the timex it continues (``"t3"``) for narrative anchoring, or ``None``
    when the expression is absolute.
    """

    id: str
    start: int
    end: int
    text: str
    type: TimexType
    value: str
    mod: str | None = None
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    published: str
    id: str | None = None
    title: str | None = None
    timexes: tuple[Timex, ...] = ()
    repairs: tuple[Repair, ...] = ()
    sentences: tuple[Sentence, ...] = field(default=(), repr=False)

    def as_dict(self) -> dict[str, Any]:
        """The JSON object of ``output-contract.md`` (the text itself is left out)."""
        return {
            "id": self.id,
            "published": self.published,
            "title": self.title,
            "timexes": [asdict(t) for t in self.timexes],
            "repairs": [asdict(r) for r in self.repairs],
        }
