"""mahattat: Arabic news into dated event timelines."""

from .pipeline import extract
from .records import Document, Repair, Sentence, Timex

__all__ = ["Document", "Repair", "Sentence", "Timex", "extract"]
__version__ = "0.1.0"
