"""Word tables on disk: word -> a few values, looked up in a file mapped into memory.

Word lists with hundreds of thousands of entries (wordfreq's Arabic frequencies, the NER
word clusters) cost a second or more to load into a ``dict`` at every start. A table
file is opened in a millisecond and read only where a lookup lands: keys are 64-bit
XXH3 hashes of the words' UTF-8, sorted; an index of where each value of the top 16
bits starts narrows a lookup to a few keys. Values are 16-bit codes, one per column,
decoded through each column's list of distinct values. Words cannot be listed back from
a table; the script that writes one says what it holds (``header["about"]``).

Layout (little-endian), each part padded to 8 bytes: ``MAGIC``, a 4-byte header length
and the JSON header; ``n`` sorted uint64 keys; ``BUCKETS + 1`` uint32 bucket starts;
``n * columns`` uint16 codes; then the distinct values of each column that holds floats, as
float64 (the header lists the other columns' values; thousands of floats parse faster
as binary than as JSON).
"""

from __future__ import annotations

import itertools
import json
import mmap
import struct
import sys
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import xxhash

MAGIC = b"mahattat words 2\n"
_LENGTH = struct.Struct("<I")
MAX_CODES = 1 << 16
SHIFT = 48  # a key's top 16 bits choose its bucket
BUCKETS = 1 << (64 - SHIFT)

Value = str | float | int


class TableError(Exception):
    """A file that is not a word table, or rows that cannot be one."""


def key(word: str) -> int:
    """A word's 64-bit key (collisions among 10^6 words: about 3 in 10^8; a table
    refuses to be written with one)."""
    return xxhash.xxh3_64_intdigest(word.encode("utf-8", "surrogatepass"))


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
    keys = [k for k, _ in keyed]
    starts = [bisect_left(keys, b << SHIFT) for b in range(BUCKETS)] + [len(keys)]
    codes = [code[c][v[c]] for _, v in keyed for c in range(width)]
    parts = [
        _padded(MAGIC + _LENGTH.pack(len(header)) + header),
        struct.pack(f"<{len(keys)}Q", *keys),
        _padded(struct.pack(f"<{len(starts)}I", *starts)),
        _padded(struct.pack(f"<{len(codes)}H", *codes)),
        *(struct.pack(f"<{len(d)}d", *d) for d, f in zip(decode, floats, strict=True) if f),
    ]
    Path(path).write_bytes(b"".join(parts))


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
        at = start + 8 * n
        self._keys: Any = view[start:at].cast("Q")
        self._starts: Any = view[at : at + 4 * (BUCKETS + 1)].cast("I")
        at += 4 * (BUCKETS + 1)
        at += -at % 8
        self._codes: Any = view[at : at + 2 * n * self.width].cast("H")
        at += 2 * n * self.width
        at += -at % 8
        self._values: list[Any] = []
        for listed in self.header["values"]:
            if isinstance(listed, dict):  # floats, stored after the codes
                count = listed["float64"]
                listed, at = view[at : at + 8 * count].cast("d"), at + 8 * count
            self._values.append(listed)
        if sys.byteorder != "little":  # the file is little-endian; mmap gives native order
            self._keys, self._starts = _swapped(self._keys, "Q"), _swapped(self._starts, "I")
            self._codes = _swapped(self._codes, "H")
            self._values = [
                _swapped(v, "d") if isinstance(v, memoryview) else v for v in self._values
            ]

    def __len__(self) -> int:
        return len(self._keys)

    def _index(self, word: str) -> int:
        k = key(word)
        b = k >> SHIFT
        hi = self._starts[b + 1]
        i = bisect_left(self._keys, k, self._starts[b], hi)
        return i if i < hi and self._keys[i] == k else -1

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
