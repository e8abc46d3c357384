"""Decoding bytes to text, and reading JSONL lines."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from mahattat.io.read import InputError, decode, iter_jsonl

SHORT = "قال أمس"  # short texts fool unrestricted detection (cp1006)
LONGER = "أعلنت الحكومة يوم الثلاثاء أن الوفد سيصل في 8 أيلول/سبتمبر 2020 إلى بغداد.\n"


@pytest.mark.parametrize("text", [SHORT, LONGER])
@pytest.mark.parametrize("codec", ["utf-8", "cp1256", "utf-16", "utf-16-le", "utf-16-be"])
def test_round_trip(text: str, codec: str) -> None:
    assert decode(text.encode(codec), "x").text == text


def test_plain_utf8_has_no_note_and_keeps_crlf() -> None:
    decoded = decode("سطر\r\nثان".encode(), "x")
    assert decoded.text == "سطر\r\nثان"  # offsets index the exact text: no newline changes
    assert decoded.note is None and decoded.has_arabic


def test_utf8_bom_is_removed_and_said() -> None:
    decoded = decode(b"\xef\xbb\xbf" + SHORT.encode(), "x")
    assert decoded.text == SHORT
    assert decoded.note == "decoded x as UTF-8 with a byte-order mark"


def test_latin_text_without_arabic() -> None:
    decoded = decode("Le ministre a parlé à Paris.".encode("latin-1"), "x")
    assert decoded.text == "Le ministre a parlé à Paris." and not decoded.has_arabic


@pytest.mark.parametrize(
    "data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, b"\x00" * 64, bytes(range(256)) * 3]
)
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="binary"):
        decode(data, "x")


def test_bad_bom_is_refused() -> None:
    with pytest.raises(InputError, match="UTF-16"):
        decode(b"\xff\xfe\x00\xd8", "x")  # a BOM, then a lone surrogate


def test_iter_jsonl_numbers_lines_and_skips_blank_ones(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"text": "a"}\n\n  \n[1]\n{"text": \n')
    lines = list(iter_jsonl(str(path)))
    assert [line.number for line in lines] == [1, 4, 5]
    assert lines[0].record == {"text": "a"}
    assert "object" in lines[1].error and "JSON" in lines[2].error


def test_iter_jsonl_reads_gzip_and_reports_a_truncated_one(tmp_path: Path) -> None:
    data = gzip.compress(b"".join(b'{"id": %d, "text": "x"}\n' % i for i in range(2000)))
    path = tmp_path / "docs.jsonl.gz"
    path.write_bytes(data)
    assert [line.record["id"] for line in iter_jsonl(str(path))] == list(range(2000))
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match="cannot read past line"):
        list(iter_jsonl(str(path)))


def test_gzip_text_gets_a_hint() -> None:
    with pytest.raises(InputError, match="gzip"):
        decode(gzip.compress("قال أمس".encode() * 50), "x.txt.gz")


