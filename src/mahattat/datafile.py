"""The package's data files (``src/mahattat/data/``), read one way everywhere."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def load_json(relpath: str) -> dict[str, Any]:
    """``data/<relpath>`` without its top-level comment keys (``_doc``, ``_about``...)."""
    raw = json.loads(read_bytes(relpath))
    return {k: v for k, v in raw.items() if not k.startswith("_")}


def read_bytes(relpath: str) -> bytes:
    """The bytes of ``data/<relpath>``."""
    return resources.files("mahattat").joinpath("data", relpath).read_bytes()
