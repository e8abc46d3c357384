"""Reading the user's input: bytes from a file or stdin, decoded to text, or JSONL lines.

Every problem with the input is an ``InputError`` whose message is one line naming the
input, so the CLI can print it without a traceback. Articles in JSONL, CSV, HTML or WARC
(``extract --jsonl``, ``ingest``) are read by ``io.records``; ``iter_jsonl`` and
``doc_fields`` here read the JSON lines of gold files (``eval``).
"""

from __future__ import annotations

import codecs
import contextlib
import gzip
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, cast

import regex

# A news article is a few kilobytes; 10 MB is a corpus pasted into one file, which would
# take the tagger minutes. Refuse it with a pointer to --jsonl, which streams one
# document a line and has no total limit.
MAX_BYTES = 10 * 1024 * 1024

# Encodings Arabic text is found in besides UTF-8, tried first: on short texts the
# unrestricted detector prefers look-alike code pages (cp1006) over windows-1256.
_ARABIC_CODECS = ["utf_16_le", "utf_16_be", "cp1256", "iso8859_6"]
_BOMS = [
    (codecs.BOM_UTF8, "utf_8_sig"),
    (codecs.BOM_UTF32_LE, "utf_32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf_32"),
    (codecs.BOM_UTF16_LE, "utf_16"),
    (codecs.BOM_UTF16_BE, "utf_16"),
]
_NAMES = {
    "utf_8_sig": "UTF-8 with a byte-order mark",
    "utf_16": "UTF-16",
    "utf_16_le": "UTF-16LE",
    "utf_16_be": "UTF-16BE",
    "utf_32": "UTF-32",
    "cp1256": "windows-1256",
    "iso8859_6": "ISO-8859-6",
}
_ARABIC = regex.compile(r"\p{Script=Arabic}")


class InputError(Exception):
    """A problem with the user's input; ``str(e)`` is one line that names the input."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    name: str
    encoding: str  # Python codec name

    @property
    def note(self) -> str | None:
        """What to tell the user when the input was not plain UTF-8."""
        if self.encoding == "utf_8":
            return None
        return f"decoded {self.name} as {_NAMES.get(self.encoding, self.encoding)}"

    @property
    def has_arabic(self) -> bool:
        return has_arabic(self.text)


def has_arabic(text: str) -> bool:
    return _ARABIC.search(text) is not None


def display_name(source: str) -> str:
    return "<stdin>" if source == "-" else source


def read_bytes(source: str) -> bytes:
    """The bytes of FILE, or of stdin for ``-``, refusing what cannot be an article."""
    if source == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
    else:
        path = _checked_path(source)
        if path.is_file() and path.stat().st_size > MAX_BYTES:  # refuse before reading
            raise _too_large(source)
        data = _read_path(path)
    if len(data) > MAX_BYTES:  # stdin and pipes (``<(zcat ...)``) have no size to stat
        raise _too_large(source)
    return data


def _too_large(source: str) -> InputError:
    return InputError(
        f"{display_name(source)} is over {MAX_BYTES // 2**20} MB, too large for one "
        "document; split it, or give one document per line with --jsonl"
    )


def _checked_path(source: str) -> Path:
    path = Path(source)
    if path.is_dir():
        raise InputError(f"{source} is a directory, not a text file")
    if not path.exists():
        raise InputError(f"{source}: no such file")
    return path


def _read_path(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            return f.read(MAX_BYTES + 1)
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror or e}") from None


def decode(data: bytes, name: str) -> Decoded:
    """Bytes to text: a BOM decides, else strict UTF-8, else a detected encoding.

    No newline translation and no other change: output offsets index this exact text.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return Decoded(_no_nul(_strict(data, codec, name), name), name, codec)
    if b"\x00" not in data:  # NULs are valid UTF-8 but mean UTF-16 or binary
        try:
            return Decoded(data.decode("utf-8"), name, "utf_8")
        except UnicodeDecodeError:
            pass
    return _detect(data, name)


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        raise InputError(f"{name} starts like {_NAMES[codec]} but is not: {e.reason}") from None


def _no_nul(text: str, name: str) -> str:
    # Text never holds U+0000; io.records refuses such a record for the same reason.
    if "\x00" in text:
        raise InputError(f"{name} contains NUL characters: a binary file, not text")
    return text


def _detect(data: bytes, name: str) -> Decoded:
    import charset_normalizer  # 20 ms to import: only for input that is not UTF-8

    best = (
        charset_normalizer.from_bytes(data, cp_isolation=_ARABIC_CODECS).best()
        or charset_normalizer.from_bytes(data).best()
    )
    if best is not None:
        text = str(best)
        if "\x00" not in text:
            return Decoded(text, name, best.encoding)
    if data.startswith(b"\x1f\x8b"):
        raise InputError(f"{name} is gzip-compressed: unpack it (--jsonl reads .jsonl.gz as is)")
    if b"\x00" in data:
        raise InputError(f"{name} looks like a binary file (it contains NUL bytes), not text")
    raise InputError(f"{name} is not text in UTF-8, UTF-16 or windows-1256 (cannot decode it)")


def read_text(source: str) -> Decoded:
    """FILE (or ``-``) as text; ``InputError`` when missing, binary, empty or too large."""
    name = display_name(source)
    data = read_bytes(source)
    if not data:
        raise InputError(f"{name} is empty")
    decoded = decode(data, name)
    if not decoded.text.strip():
        raise InputError(f"{name} contains only whitespace")
    return decoded


# --- JSONL ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank JSONL line: its object, or why it is unusable."""

    number: int
    record: dict[str, Any] | None = None
    error: str | None = None


def _open_jsonl(source: str) -> contextlib.AbstractContextManager[IO[bytes]]:
    if source == "-":
        return contextlib.nullcontext(sys.stdin.buffer)
    path = _checked_path(source)
    # The project's corpora are .jsonl.gz: read them without unpacking first.
    return cast(IO[bytes], gzip.open(path, "rb")) if path.suffix == ".gz" else path.open("rb")


def iter_jsonl(source: str) -> Iterator[Line]:
    """The non-blank lines of JSONL FILE (``.gz`` too) or stdin, one ``Line`` each.

    A line's content never raises (it becomes ``Line.error``); input that is not UTF-8
    JSONL at all, or a stream that breaks off (a truncated .gz), raises ``InputError``.
    """
    name, number = display_name(source), 0
    with _open_jsonl(source) as stream:
        try:
            _check_utf8_head(stream, name)
            for number, raw in enumerate(stream, 1):
                if number == 1 and raw.startswith(codecs.BOM_UTF8):
                    raw = raw[len(codecs.BOM_UTF8) :]
                if raw.strip():  # a blank line holds no record: nothing is dropped
                    yield _parse_line(number, raw)
        except (OSError, EOFError) as e:
            raise InputError(f"{name}: cannot read past line {number} ({e})") from None


def _check_utf8_head(stream: IO[bytes], name: str) -> None:
    head = stream.peek(4)[:4] if hasattr(stream, "peek") else b""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head:
        raise InputError(f"{name}: JSONL input must be UTF-8 (this looks like UTF-16)")


def _parse_line(number: int, raw: bytes) -> Line:
    if len(raw) > MAX_BYTES:
        return Line(number, error=f"over {MAX_BYTES // 2**20} MB")
    try:
        obj = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return Line(number, error="not valid UTF-8")
    except json.JSONDecodeError as e:
        return Line(number, error=f"not valid JSON ({e.msg} at column {e.colno})")
    if not isinstance(obj, dict):
        return Line(number, error=f"expected a JSON object, got {type(obj).__name__}")
    return Line(number, record=obj)
