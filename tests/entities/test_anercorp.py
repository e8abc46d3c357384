"""The shipped model on ANERcorp test (CAMeL split), when ../shared is here."""

from __future__ import annotations

import pytest

from mahattat.entities.train import ANERCORP
from mahattat.eval.ner import evaluate

TEST = ANERCORP / "test.txt"
# The shipped model's level (73.55 micro F1, see ``mahattat.entities.train``) less half a
# point, kept at 73.2 (set for a 73.7 model); the project's bar is 0.80, not reached by
# this CRF. This guards against regressions.
MIN_MICRO_F1 = 0.732


@pytest.mark.skipif(not TEST.is_file(), reason=f"{TEST} is not here")
def test_micro_f1() -> None:
    result = evaluate(TEST)
    assert result["tokens"] == 25008
    assert result["scores"]["micro"]["f1"] >= MIN_MICRO_F1
    assert result["scores"]["LOC"]["f1"] >= 0.85
