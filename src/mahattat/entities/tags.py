"""IOB2 tag sequences."""

from __future__ import annotations

from collections.abc import Sequence


def chunks(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """Entities of IOB2 tags as ``(start, end, label)`` token spans (end exclusive), read
    as ``conlleval`` does: ``B-X`` opens one, ``I-X`` continues an open ``X`` or opens one."""
    out: set[tuple[int, int, str]] = set()
    start, end, label = -1, -1, ""
    for i in [i for i, t in enumerate(tags) if t != "O"]:  # most words are O
        prefix, _, kind = tags[i].partition("-")
        if prefix == "I" and i == end and kind == label:
            end += 1
            continue
        if start >= 0:
            out.add((start, end, label))
        start, end, label = i, i + 1, kind
    if start >= 0:
        out.add((start, end, label))
    return out
