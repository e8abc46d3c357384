"""Word tables on disk: word -> a few values, looked up in a file mapped into memory.

Word lists with hundreds of thousands of entries (wordfreq's Arabic frequencies, the NER
word clusters) cost a second or more to load into a ``dict`` at every start. A table
file is opened in a millisecond and read only where a lookup lands: keys are 64-bit
BLAKE2b hashes of the words' UTF-8 (sorted, binary-searched), values are 16-bit codes,
one per column, decoded through each column's list of distinct values. Words cannot be
listed back from a table; the script that writes one says what it holds
(``header["about"]``).

Layout: ``MAGIC``, a 4-byte little-endian header length, the JSON header, zero padding
to a multiple of 8, ``n`` sorted uint64 keys, ``n * columns`` uint16 codes, padding, then
the distinct values of each column that holds floats as float64 (the header lists the
other columns' values; thousands of floats parse faster as binary than as JSON).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import mmap
import struct
import sys
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

MAGIC = b"mahattat words 1\n"
_LENGTH = struct.Struct("<I")
MAX_CODES = 1 << 16

Value = str | float | int


class TableError(Exception):
    """A file that is not a word table, or rows that cannot be one."""


def key(word: str) -> int:
    """A word's 64-bit key (collisions among 10^6 words: about 3 in 10^8)."""
    digest = hashlib.blake2b(word.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little")


def write(
    path: str | Path, rows: Mapping[str, Sequence[Value]], columns: Sequence[str], about: str
) -> None:
    """Write ``rows`` (word -> one value per column) as a table file, byte for byte the
    same for the same rows."""
    width = len(columns)
    keyed = sorted((key(w), tuple(v)) for w, v in rows.items())
    if any(a[0] == b[0] for a, b in itertools.pairwise(keyed)):
        raise TableError("two words share a key: change the hash")
    if any(len(v) != width for _, v in keyed):
        raise TableError(f"every row needs {width} values")
    decode = [sorted({v[c] for _, v in keyed}, key=_order) for c in range(width)]
    if any(len(d) > MAX_CODES for d in decode):
        raise TableError(f"a column has more than {MAX_CODES} distinct values")
    code = [{v: i for i, v in enumerate(d)} for d in decode]
    floats = [all(isinstance(v, float) for v in d) for d in decode]
    listed = [{"float64": len(d)} if f else d for d, f in zip(decode, floats, strict=True)]
    header = json.dumps(
        {"about": about, "n": len(keyed), "columns": list(columns), "values": listed},
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")
    head = _padded(MAGIC + _LENGTH.pack(len(header)) + header)
    keys = struct.pack(f"<{len(keyed)}Q", *(k for k, _ in keyed))
    codes = _padded(
        struct.pack(
            f"<{len(keyed) * width}H", *(code[c][v[c]] for _, v in keyed for c in range(width))
        )
    )
    tables = b"".join(
        struct.pack(f"<{len(d)}d", *d) for d, f in zip(decode, floats, strict=True) if f
    )
    Path(path).write_bytes(head + keys + codes + tables)


def _padded(data: bytes) -> bytes:
    return data + b"\0" * (-len(data) % 8)


def _order(v: Value) -> tuple[str, Value]:
    return (type(v).__name__, v)  # deterministic across mixed types


class WordTable:
    """A table file opened for lookups: ``table.get(word)`` -> its values or None."""

    def __init__(self, path: str | Path) -> None:
        with open(path, "rb") as f:
            self._map = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        try:
            self.header, start = _header(self._map)
        except (TableError, ValueError, struct.error) as e:
            raise TableError(f"{path}: not a word table ({e})") from None
        n, self.width = self.header["n"], len(self.header["columns"])
        view = memoryview(self._map)
        self._keys = view[start : start + 8 * n].cast("Q")
        end = start + 8 * n + 2 * n * self.width
        self._codes = view[start + 8 * n : end].cast("H")
        self._values: list[Any] = []
        at = end + (-end % 8)
        for listed in self.header["values"]:
            if isinstance(listed, dict):  # floats, stored after the codes
                count = listed["float64"]
                listed, at = view[at : at + 8 * count].cast("d"), at + 8 * count
            self._values.append(listed)
        if sys.byteorder != "little":  # the file is little-endian; mmap gives native order
            self._keys, self._codes = _swapped(self._keys, "Q"), _swapped(self._codes, "H")
            self._values = [
                _swapped(v, "d") if isinstance(v, memoryview) else v for v in self._values
            ]

    def __len__(self) -> int:
        return len(self._keys)

    def _index(self, word: str) -> int:
        k = key(word)
        i = bisect_left(self._keys, k)
        return i if i < len(self._keys) and self._keys[i] == k else -1

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._index(word) >= 0

    def get(self, word: str) -> tuple[Any, ...] | None:
        """The word's values, one per column, or None when the table lacks it."""
        i = self._index(word)
        if i < 0:
            return None
        w = self.width
        return tuple(self._values[c][self._codes[i * w + c]] for c in range(w))

    def first(self, word: str, default: Any = None) -> Any:
        """The word's value in the first column (or ``default``)."""
        i = self._index(word)
        return default if i < 0 else self._values[0][self._codes[i * self.width]]


def _header(data: mmap.mmap) -> tuple[dict[str, Any], int]:
    if data[: len(MAGIC)] != MAGIC:
        raise TableError("wrong magic")
    (length,) = _LENGTH.unpack_from(data, len(MAGIC))
    body = len(MAGIC) + _LENGTH.size
    header = json.loads(data[body : body + length].decode("utf-8"))
    start = body + length
    return header, start + (-start % 8)


def _swapped(view: memoryview, fmt: str) -> Any:
    from array import array

    out = array(fmt, view)
    out.byteswap()
    return out


def main(argv: Sequence[str]) -> int:
    """``python -m mahattat.text.wordtable TABLE [WORD...]``: the header, or the values."""
    table = WordTable(argv[0])
    if len(argv) == 1:
        head = {k: v for k, v in table.header.items() if k != "values"}
        head["distinct values"] = [len(v) for v in table._values]
        print(json.dumps(head, ensure_ascii=False, indent=1))
    for word in argv[1:]:
        print(word, table.get(word))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
