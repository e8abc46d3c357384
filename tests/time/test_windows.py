"""The windowed scan (rules run only near their anchor words) finds exactly what scanning
every rule over the whole text finds."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from mahattat.text.normalize import normalize
from mahattat.text.repair import find_repairs
from mahattat.time import find

CORPUS = resources.files("mahattat") / "data" / "time" / "corpus"


def _view_text(text: str) -> str:
    points, _ = find_repairs(normalize(text))
    return normalize(text, points).text


def _spans(text: str, exhaustive: bool) -> list[tuple[int, int]]:
    return [(s, e) for s, e, _ in find(text, exhaustive=exhaustive)]


def _corpus_texts() -> list[str]:
    out = []
    for path in CORPUS.iterdir():
        if path.name.endswith(".jsonl"):
            out += [json.loads(x)["text"] for x in path.read_text("utf-8").splitlines() if x]
    return out


def test_windows_agree_on_the_example_corpus() -> None:
    texts = _corpus_texts()
    # all examples at once: anchors of one sentence sit next to another's expressions
    joined = _view_text(" ".join(texts))
    assert _spans(joined, False) == _spans(joined, True)
    for text in texts:
        view = _view_text(text)
        assert _spans(view, False) == _spans(view, True), text


def test_windows_agree_on_real_news(shared: Callable[[str], Path]) -> None:
    path = shared("corpora/ant-jawharafm-2014-2017.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for _, line in zip(range(150), f, strict=False)]
    for text in filter(None, texts):
        view = _view_text(text)
        assert _spans(view, False) == _spans(view, True)


def _anchor_positions_token_by_token(text: str) -> dict[str, list[int]]:
    """The reference: every ``\\w+`` token of the text, one after the other."""
    import re

    from mahattat.time.windows import _DIGIT_JOIN, _token_classes

    found: dict[str, list[int]] = {}
    for m in re.finditer(r"\w+", text):
        tok, start, end = m.group(), m.start(), m.end()
        if tok[0].isdigit():
            classes = ["DIGIT"] + ["DIGIT4"] * (len(tok) == 4)
            if end + 1 < len(text) and text[end] in _DIGIT_JOIN and text[end + 1].isdigit():
                classes.append("DIGIT_SEP")
        else:
            classes = list(_token_classes(tok))
        for cls in classes:
            found.setdefault(cls, []).append(start)
    return found


def test_anchor_positions_are_those_of_a_token_by_token_scan(
    shared: Callable[[str], Path],
) -> None:
    from mahattat.time.windows import anchor_positions

    texts = [_view_text(t) for t in _corpus_texts()]
    path = shared("corpora/ant-multisource-2018.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        texts += [
            _view_text(json.loads(line)["text"] or "")
            for _, line in zip(range(300), f, strict=False)
        ]
    texts += ["2018 ٢٠١٨ ²3 1:2 3/ وللعام للعام_2 عام عام العام"]
    for text in texts:
        got = {k: sorted(v) for k, v in anchor_positions(text).items()}
        want = {k: sorted(v) for k, v in _anchor_positions_token_by_token(text).items()}
        assert got == want
