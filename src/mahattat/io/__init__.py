"""Input decoding and output formats for the command line and batch use."""

from .formats import WRITERS, Writer
from .read import Decoded, InputError, decode, read_text

__all__ = ["WRITERS", "Decoded", "InputError", "Writer", "decode", "read_text"]
