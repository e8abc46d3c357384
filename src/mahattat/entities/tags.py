"""IOB2 tag sequences."""

from __future__ import annotations

from collections.abc import Sequence


def chunks(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entities of IOB2 tags as ``(start, end, label)`` token spans (end exclusive), in
    text order (a set would make whatever counts them depend on the hash seed), read as
    ``conlleval`` does: ``B-X`` opens one, ``I-X`` continues an open ``X`` or opens one."""
    out: list[tuple[int, int, str]] = []
    start, end, label = -1, -1, ""
    for i in [i for i, t in enumerate(tags) if t != "O"]:  # most words are O
        prefix, _, kind = tags[i].partition("-")
        if prefix == "I" and i == end and kind == label:
            end += 1
            continue
        if start >= 0:
            out.append((start, end, label))
        start, end, label = i, i + 1, kind
    if start >= 0:
        out.append((start, end, label))
    return out
