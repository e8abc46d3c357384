"""A small self-written archive (a market fire told by three outlets, a football final,
and an article carrying markup that must stay text) served by ``create_app``."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from mahattat.ingest.run import ingest
from mahattat.server import ServerSettings, create_app

HOSTILE = (
    "أعلنت البلدية في 12 مايو 2021 إعادة فتح سوق الزيتون <script>window.pwned=1</script> "
    'بعد الحريق "onmouseover="alert(1)" وسط ترحيب التجار.'
)
DOCS = [
    ("a1", "2021-05-10", "wire", "حريق في سوق الزيتون",
     "اندلع حريق كبير في سوق الزيتون القديم في 9 مايو 2021 وأتى على عشرات المحلات التجارية."),
    ("b1", "2021-05-10", "daily", "النار تلتهم سوق الزيتون",
     "اندلع حريق كبير في سوق الزيتون القديم في 9 مايو 2021 وأتى على عشرات المحلات التجارية."
     " وقال شهود إن ألسنة اللهب ارتفعت فوق سوق الزيتون حتى ساعات الفجر الأولى."),
    ("c1", "2021-05-10", "radio", "الدفاع المدني يخمد الحريق",
     "أعلن الدفاع المدني في 9 مايو 2021 أن فرقه أخمدت حريق سوق الزيتون بعد ست ساعات من العمل."
     " وزار وزير الداخلية سمير الخطيب موقع الحريق في المساء."),
    ("a2", "2021-05-20", "wire", "عودة التجار",
     "أعادت البلدية في 19 مايو 2021 فتح سوق الزيتون أمام التجار بعد ترميم الأجزاء المتضررة."),
    ("x1", "2021-05-13", "daily", "<b>سوق</b>", HOSTILE),
    ("f1", "2021-06-02", "radio", "نهائي الكأس",
     "فاز النادي الأهلي بكأس البطولة في 1 يونيو 2021 بعد مباراة نهائية مثيرة أمام ضيفه."),
]  # fmt: skip
QUERY = "سوق الزيتون"


@pytest.fixture(scope="session")
def texts() -> dict[str, str]:
    """Each article's text by its id."""
    return {d[0]: d[4] for d in DOCS}


@pytest.fixture(scope="session")
def hostile() -> str:
    return HOSTILE


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("serve")
    src = folder / "in.jsonl"
    lines = [
        json.dumps({"id": i, "published": p, "source": s, "title": t, "text": x,
                    "url": f"https://example.org/{s}/{i}"}, ensure_ascii=False)
        for i, p, s, t, x in DOCS
    ]  # fmt: skip
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ingest([src], folder / "news.db", jobs=1)
    return folder / "news.db"


@pytest.fixture(scope="session")
def client(store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store_path)) as c:
        yield c


@pytest.fixture
def bare(tmp_path: Path) -> Iterator[TestClient]:
    """A server given a store that does not exist yet."""
    with TestClient(create_app(tmp_path / "news.db")) as c:
        yield c


AppWith = Callable[..., TestClient]


@pytest.fixture(scope="session")
def app_with() -> AppWith:
    """``app_with(store_path, **settings)``: a client of an app with other settings."""

    def make(store_path: Path | None, **overrides: object) -> TestClient:
        return TestClient(create_app(store_path, settings=ServerSettings.load(**overrides)))

    return make
