"""The server's defences: strict headers on every answer, JSON errors, the body limit,
the time limit, CORS off unless configured, no file from a request's path."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from mahattat.server.guard import CSP
from mahattat.server.routes import pages

AppWith = Callable[..., TestClient]

STRICT = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}


def test_the_csp_is_the_strict_one() -> None:
    assert CSP == (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    )


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/api/status", 200),
        ("GET", "/docs", 200),
        ("GET", "/openapi.json", 200),
        ("GET", "/api/articles/none", 404),
        ("GET", "/no/such/page", 404),
        ("PUT", "/api/extract", 405),
        ("GET", "/api/search?q=سوق&limit=x", 400),
        ("POST", "/api/extract", 422),
    ],
)
def test_every_answer_carries_the_strict_headers(
    client: TestClient, method: str, path: str, status: int
) -> None:
    r = client.request(method, path)
    assert r.status_code == status
    for key, value in STRICT.items():
        assert r.headers[key] == value
    if status != 200:
        assert r.headers["content-type"] == "application/json"
        assert set(r.json()) == {"error"} and "\n" not in r.json()["error"]


def test_a_body_declared_too_large_is_refused_before_it_is_read(
    app_with: AppWith, store_path: Path
) -> None:
    with app_with(store_path, max_body_bytes=1000) as c:
        r = c.post("/api/extract", content=b"{" + b" " * 2000 + b"}",
                   headers={"content-type": "application/json"})  # fmt: skip
        assert r.status_code == 413
        assert "too large" in r.json()["error"]
        assert r.headers["content-security-policy"] == CSP


def test_a_chunked_body_is_cut_once_it_passes_the_limit(
    app_with: AppWith, store_path: Path
) -> None:
    sent: list[int] = []

    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(100):
            sent.append(1)
            yield "نص ".encode() * 100
        yield b'", "published": "2021-05-10"}'

    with app_with(store_path, max_body_bytes=5000) as c:
        r = c.post("/api/extract", content=chunks(), headers={"content-type": "application/json"})
        assert r.status_code == 413
        assert "content-length" not in {k.lower() for k in r.request.headers}


def test_a_body_within_the_limit_is_served(app_with: AppWith, store_path: Path) -> None:
    with app_with(store_path, max_body_bytes=5000) as c:
        r = c.post("/api/extract", json={"text": "زار الوزير المدينة في 3 مارس 2019.",
                                         "published": "2019-03-04"})  # fmt: skip
        assert r.status_code == 200


def test_a_request_past_the_time_limit_is_504_and_the_server_answers_on(
    app_with: AppWith, store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mahattat.pipeline

    release = threading.Event()

    def stuck(*args: object, **kwargs: object) -> None:
        release.wait(30)  # a request that would take long: nothing here ends it

    monkeypatch.setattr(mahattat.pipeline, "extract", stuck)
    try:
        with app_with(store_path, time_limit=0.2) as c:
            r = c.post("/api/extract", json={"text": "نص", "published": "2021-05-10"})
            assert r.status_code == 504
            assert "time limit" in r.json()["error"]
            assert c.get("/api/status").status_code == 200
            assert c.get("/api/search", params={"q": "سوق"}).status_code == 200
    finally:
        release.set()


def test_cors_is_off_unless_an_origin_is_given(
    app_with: AppWith, store_path: Path, client: TestClient
) -> None:
    origin = {"origin": "https://newsroom.example"}
    r = client.get("/api/status", headers=origin)
    assert "access-control-allow-origin" not in r.headers
    pre = client.options(
        "/api/extract", headers={**origin, "access-control-request-method": "POST"}
    )
    assert "access-control-allow-origin" not in pre.headers
    with app_with(store_path, cors_origins=("https://newsroom.example",)) as c:
        r = c.get("/api/status", headers=origin)
        assert r.headers["access-control-allow-origin"] == "https://newsroom.example"
        other = c.get("/api/status", headers={"origin": "https://elsewhere.example"})
        assert "access-control-allow-origin" not in other.headers


@pytest.fixture
def web(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A page folder with a page, one listed npm package and one not listed."""
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "index.html").write_text("<!doctype html><p>صفحة</p>", "utf-8")
    (tmp_path / "static" / "app.js").write_text("export const x = 1;\n", "utf-8")
    for name in ("listed", "@scope/pkg", "unlisted"):
        (tmp_path / "node_modules" / name).mkdir(parents=True)
        (tmp_path / "node_modules" / name / "lib.js").write_text("var v = 1;\n", "utf-8")
    (tmp_path / "package.json").write_text(
        '{"dependencies": {"listed": "^1.0.0", "@scope/pkg": "^2.0.0"}}', "utf-8"
    )
    (tmp_path / "secret.txt").write_text("not for the web", "utf-8")
    monkeypatch.setattr(pages, "WEB", tmp_path)
    return tmp_path


def test_the_page_and_the_listed_packages_are_served(
    app_with: AppWith, web: Path, store_path: Path
) -> None:
    with app_with(store_path) as c:
        page = c.get("/")
        assert page.status_code == 200 and "صفحة" in page.text
        assert page.headers["content-security-policy"] == CSP
        assert c.get("/static/app.js").status_code == 200
        assert c.get("/vendor/listed/lib.js").text == "var v = 1;\n"
        assert c.get("/vendor/@scope/pkg/lib.js").status_code == 200
        assert c.get("/vendor/unlisted/lib.js").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/vendor/listed/../../secret.txt",
        "/vendor/listed/%2e%2e/%2e%2e/secret.txt",
        "/static/..%2f..%2fsecret.txt",
        "/static/%2e%2e/package.json",
        "/vendor/listed/..%2f..%2fpackage.json",
        "/static//etc/passwd",
    ],
)
def test_no_file_outside_the_served_folders(
    app_with: AppWith, web: Path, store_path: Path, path: str
) -> None:
    with app_with(store_path) as c:
        r = c.get(path)
        assert r.status_code == 404
        assert "not for the web" not in r.text and "dependencies" not in r.text


def test_without_the_page_the_root_says_so_as_json(
    app_with: AppWith, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pages, "WEB", tmp_path)
    with app_with(None) as c:
        r = c.get("/")
        assert r.status_code == 404 and "not installed" in r.json()["error"]
        docs = c.get("/docs")  # no swagger-ui-dist: the plain list of the schema
        assert docs.status_code == 200 and "/api/timeline" in docs.text


def test_an_unexpected_error_is_a_json_500(
    app_with: AppWith, store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mahattat.pipeline

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(mahattat.pipeline, "extract", broken)
    with TestClient(app_with(store_path).app, raise_server_exceptions=False) as c:
        r = c.post("/api/extract", json={"text": "نص", "published": "2021-05-10"})
        assert r.status_code == 500
        assert r.json() == {"error": "internal error (RuntimeError)"}
        assert r.headers["content-security-policy"] == CSP


def test_a_local_server_answers_only_its_own_names(app_with: AppWith, store_path: Path) -> None:
    local = ("127.0.0.1", "localhost", "[::1]")
    with app_with(store_path, hosts=local) as c:
        for host in ("127.0.0.1:8000", "localhost", "[::1]:8000", "LOCALHOST:80"):
            assert c.get("/api/status", headers={"host": host}).status_code == 200
        r = c.get("/api/status", headers={"host": "rebound.example:8000"})
        assert r.status_code == 400 and "unknown host" in r.json()["error"]
        assert r.headers["content-security-policy"] == CSP


def test_a_file_that_is_not_a_store_is_503(app_with: AppWith, tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    path.write_bytes(b"not a database at all" * 100)
    with app_with(path) as c:
        r = c.get("/api/search", params={"q": "سوق"})
        assert r.status_code == 503 and "not a SQLite file" in r.json()["error"]
        assert (
            c.post("/api/extract", json={"text": "نص", "published": "2021-05-10"}).status_code
            == 200
        )
