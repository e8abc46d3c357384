"""The API's documentation in a real browser: ``/docs`` draws Swagger UI from the
installed npm package under the server's strict Content-Security-Policy, nothing from a
CDN (every request the page makes stays on 127.0.0.1)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mahattat.server.routes import pages


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    uvicorn = pytest.importorskip("uvicorn")
    from mahattat.server import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(None), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the app did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


def test_swagger_ui_is_drawn_from_the_package(page: Any, base: str, artifacts: Path) -> None:
    bundle = pages.WEB / "node_modules" / pages.SWAGGER / "swagger-ui-bundle.js"
    if not bundle.is_file():
        pytest.skip("swagger-ui-dist is not installed (make setup runs npm ci)")
    violations: list[str] = []
    errors: list[str] = []
    hosts: set[str] = set()
    page.on("console", lambda m: violations.append(m.text) if "Content Security" in m.text
            else None)  # fmt: skip
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: hosts.add(r.url.split("/")[2]))
    page.goto(f"{base}/docs")
    page.wait_for_selector(".opblock", timeout=20_000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert {"/api/extract", "/api/timeline", "/api/search"} <= {p.strip() for p in paths}
    page.screenshot(path=str(artifacts / "docs.png"), full_page=False)
    assert hosts == {base.split("/")[2]}
    assert errors == [] and violations == []
