"""Temporal expressions: find them on the normalized view, give each a TIMEX3 value.

``tag(view, dct, sentences)`` (``tagger.py``) runs the rules of
``data/time/rules/*.toml`` near their anchor words (``windows.py``), reads each match
(``registry.py``) and anchors its value (``anchor.py``). ``values.py`` reads TIMEX3
values back for the later stages; importing it loads no rule.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import exports

if TYPE_CHECKING:
    from .tagger import find, is_chronology, tag

__all__ = ["find", "is_chronology", "tag"]


# the tagger loads when first used, not when ``time.values`` is imported
__getattr__ = exports(__name__, {name: "tagger" for name in __all__})
