"""Input decoding and output formats for the command line and batch use.

Names load on first use (PEP 562), so that a command importing one writer module
(``io.timeline``) does not load the others, nor the input decoders.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import exports

if TYPE_CHECKING:
    from .formats import WRITERS, Writer
    from .read import Decoded, InputError, decode, read_text

__all__ = ["WRITERS", "Decoded", "InputError", "Writer", "decode", "read_text"]

__getattr__ = exports(
    __name__,
    {
        "WRITERS": "formats",
        "Writer": "formats",
        "Decoded": "read",
        "InputError": "read",
        "decode": "read",
        "read_text": "read",
    },
)
