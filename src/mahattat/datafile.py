"""The package's data files (``src/mahattat/data/``), read one way everywhere."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def load_json(relpath: str) -> dict[str, Any]:
    """``data/<relpath>`` without its top-level comment keys (``_doc``, ``_about``...)."""
    path = resources.files("mahattat").joinpath("data", relpath)
    raw = json.loads(path.read_text("utf-8"))
    return {k: v for k, v in raw.items() if not k.startswith("_")}
