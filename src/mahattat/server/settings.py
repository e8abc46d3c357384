"""The server's limits: ``data/server/settings.json``, each overridable from the command
line (``mahattat serve --max-body-mb --time-limit --cors-origin``)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ..datafile import load_json


@dataclass(frozen=True, slots=True)
class ServerSettings:
    max_body_bytes: int
    time_limit: float  # seconds a request's pipeline or store work may take (504 after)
    time_limit_grace: float  # then its SQLite reads are interrupted, to free the thread
    max_search: int
    max_offset: int
    max_candidates: int
    busy_workers: int  # pipeline requests at a time (0: one per core)
    hint: str
    cors_origins: tuple[str, ...] = field(default=())  # none: no CORS header at all
    # the Host names a request may carry (none: any); a server on 127.0.0.1 answers only
    # its own names, so that a page whose domain re-resolves to 127.0.0.1 (DNS rebinding)
    # cannot read it
    hosts: tuple[str, ...] = field(default=())

    @classmethod
    def load(cls, **overrides: Any) -> ServerSettings:
        """The shipped settings, with ``overrides`` (field names) that are not None."""
        raw = load_json("server/settings.json")
        raw["max_body_bytes"] = int(raw.pop("max_body_mb") * 1024 * 1024)
        base = cls(**raw)
        return replace(base, **{k: v for k, v in overrides.items() if v is not None})
