"""Temporal expressions: find them on the normalized view, give each a TIMEX3 value.

``tag(view, dct, sentences)`` (``tagger.py``) runs the rules of
``data/time/rules/*.toml`` near their anchor words (``windows.py``), reads each match
(``registry.py``) and anchors its value (``anchor.py``). ``values.py`` reads TIMEX3
values back for the later stages; importing it loads no rule.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .tagger import find, is_chronology, tag

__all__ = ["find", "is_chronology", "tag"]


def __getattr__(name: str) -> Any:
    """PEP 562: the tagger loads when first used, not when ``time.values`` is imported."""
    if name not in __all__:
        raise AttributeError(f"module 'mahattat.time' has no attribute {name!r}")
    from . import tagger

    return getattr(tagger, name)
