"""Input decoding and output formats for the command line and batch use.

Names load on first use (PEP 562), so that a command importing one writer module
(``io.timeline``) does not load the others, nor the input decoders.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .formats import WRITERS, Writer
    from .read import Decoded, InputError, decode, read_text

__all__ = ["WRITERS", "Decoded", "InputError", "Writer", "decode", "read_text"]

_HOMES = {
    "WRITERS": "formats",
    "Writer": "formats",
    "Decoded": "read",
    "InputError": "read",
    "decode": "read",
    "read_text": "read",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'mahattat.io' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{_HOMES[name]}", __name__), name)
    globals()[name] = value
    return value
