"""Compiled regular expressions (and other costly tables), kept across runs.

``regex`` parses a pattern in Python: the rules of the time stage, alternations of
hundreds of month and number words, take a second to compile at every start, which a
user meets as the wall time of a one-line ``mahattat extract``. A compiled ``regex``
pattern pickles without being parsed again, so ``compiled`` keeps each one on disk
(a file per pattern, named by a hash of the pattern, under a folder named by the
``regex`` version) and reads it back on later runs, the way Python keeps ``__pycache__``.

``kept`` does the same for any table built from data files (the NER gazetteer), keyed
by a digest of what it is built from.

The folder is ``$MAHATTAT_CACHE`` if set (``off`` disables the disk), else
``$XDG_CACHE_HOME/mahattat`` or ``~/.cache/mahattat``. A folder that cannot be written,
or a file that cannot be read back, only costs the compile: output never depends on it.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

import regex
import xxhash

_memory: dict[tuple[str, int], regex.Pattern[str]] = {}
T = TypeVar("T")


@cache
def cache_dir() -> Path | None:
    """Where compiled patterns are kept, or None when the disk cache is off."""
    setting = os.environ.get("MAHATTAT_CACHE")
    if setting == "off":
        return None
    if setting:
        root = Path(setting)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
        root = Path(base) / "mahattat"
    return root / f"regex-{regex.__version__}"


def compiled(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, from memory, else from disk, else compiled and
    kept in both."""
    found = _memory.get((pattern, flags))
    if found is None:
        found = _load(pattern, flags)
        _memory[(pattern, flags)] = found
    return found


def _path(pattern: str, flags: int) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    digest = xxhash.xxh3_128_hexdigest(f"{flags}:{pattern}".encode("utf-8", "surrogatepass"))
    return folder / f"{digest}.pickle"


def _load(pattern: str, flags: int) -> regex.Pattern[str]:
    path = _path(pattern, flags)
    if path is not None:
        with contextlib.suppress(OSError, pickle.UnpicklingError, EOFError, ValueError):
            kept = pickle.loads(path.read_bytes())
            if isinstance(kept, regex.Pattern) and kept.pattern == pattern:
                return kept
    made = regex.compile(pattern, flags)
    if path is not None:
        _store(path, made)
    return made


def kept(name: str, key: bytes, build: Callable[[], T], kind: type[T]) -> T:
    """``build()``, or what it returned on an earlier run for the same ``key`` (a digest
    of everything it is built from: data files, the building code)."""
    folder = cache_dir()
    path = None if folder is None else folder / f"{name}-{xxhash.xxh3_128_hexdigest(key)}.pickle"
    if path is not None:
        with contextlib.suppress(OSError, pickle.UnpicklingError, EOFError, ValueError):
            found = pickle.loads(path.read_bytes())
            if isinstance(found, kind):
                return found
    made = build()
    if path is not None:
        _store(path, made)
    return made


def _store(path: Path, made: object) -> None:
    """Write atomically (a temporary file renamed), so that concurrent runs never read a
    half-written file; a failure is silent: the cache is an optimisation."""
    with contextlib.suppress(OSError, pickle.PicklingError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(made, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
