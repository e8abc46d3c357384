"""mahattat: Arabic news into dated event timelines.

``from mahattat import extract`` is the Python API; names load on first use, so that
importing the package (or running a command that needs no pipeline) costs nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lazy import exports

if TYPE_CHECKING:
    from .pipeline import extract
    from .records import Document, Repair, Sentence, Timex

__all__ = ["Document", "Repair", "Sentence", "Timex", "extract"]
__version__ = "0.1.0"

__getattr__ = exports(
    __name__,
    {
        "extract": "pipeline",
        "Document": "records",
        "Repair": "records",
        "Sentence": "records",
        "Timex": "records",
    },
)
