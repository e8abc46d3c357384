"""mahattat: Arabic news into dated event timelines.

``from mahattat import extract`` is the Python API; names load on first use, so that
importing the package (or running a command that needs no pipeline) costs nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .pipeline import extract
    from .records import Document, Repair, Sentence, Timex

__all__ = ["Document", "Repair", "Sentence", "Timex", "extract"]
__version__ = "0.1.0"

_HOMES = {
    "extract": "pipeline",
    "Document": "records",
    "Repair": "records",
    "Sentence": "records",
    "Timex": "records",
}


def __getattr__(name: str) -> Any:
    """PEP 562: the public names, imported when first asked for."""
    if name not in _HOMES:
        raise AttributeError(f"module 'mahattat' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{_HOMES[name]}", __name__), name)
    globals()[name] = value
    return value
