"""Exports over HTTP: a timeline as the editor left it (``POST /api/export``) or as the
store gives it (``GET /api/timeline/export``), written by ``io/timeline.py``."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from mahattat.io.timeline import WRITERS

QUERY = "سوق الزيتون"


@pytest.fixture(scope="module")
def timeline(client: TestClient) -> dict[str, Any]:
    tl = client.get("/api/timeline", params={"q": QUERY, "dates": 5, "candidates": 2}).json()
    assert len(tl["entries"]) >= 2
    return tl


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def test_a_struck_line_is_not_exported(client: TestClient, timeline: dict[str, Any]) -> None:
    struck = timeline["entries"][0]["items"][0]["text"]
    edited = {**timeline, "entries": timeline["entries"][1:]}
    r = client.post("/api/export", params={"format": "csv"}, json=edited)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert r.headers["content-disposition"].startswith("attachment;")
    rows = _rows(r.text)
    kept = [it["text"] for e in edited["entries"] for it in e["items"]]
    assert len(rows) == len(kept) and struck not in r.text
    for row, text in zip(rows, kept, strict=True):
        assert text in row.values()


def test_a_picked_candidate_is_exported_in_place_of_the_line(
    client: TestClient, timeline: dict[str, Any]
) -> None:
    fire = next(e for e in timeline["entries"] if e["date"] == "2021-05-09")
    other = fire["items"][0]["candidates"][0]
    picked = {**fire, "items": [other]}
    edited = {**timeline, "entries": [picked]}
    md = client.post("/api/export", params={"format": "md"}, json=edited)
    assert md.status_code == 200 and md.headers["content-type"].startswith("text/markdown")
    assert other["text"] in md.text and fire["items"][0]["text"] not in md.text
    assert "9 أيار/مايو 2021" in md.text


@pytest.mark.parametrize(("fmt", "key"), [("timelinejs", "events"), ("vis", "items")])
def test_the_json_exports(client: TestClient, timeline: dict[str, Any], fmt: str, key: str) -> None:
    r = client.post("/api/export", params={"format": fmt}, json=timeline)
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    lines = sum(len(e["items"]) for e in timeline["entries"])
    assert len(r.json()[key]) == lines


def test_the_page_exports_run_sandboxed(client: TestClient, timeline: dict[str, Any]) -> None:
    pages = [f for f in WRITERS if f.endswith("-html")]
    if not pages:
        pytest.skip("no HTML page format among the timeline writers yet")
    for fmt in pages:
        r = client.post("/api/export", params={"format": fmt}, json=timeline)
        if r.status_code == 503:  # the page's npm packages are not installed
            assert "cannot write" in r.json()["error"]
            continue
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
        assert r.headers["content-security-policy"].startswith("sandbox allow-scripts;")


def test_a_formula_in_a_line_is_inert_in_the_csv(client: TestClient) -> None:
    body = {
        "query": "x",
        "entries": [
            {"date": "2021-05-09", "items": [{"text": '=HYPERLINK("http://evil.example")'}]},
            {"date": "2021-05-10", "items": [{"text": "@SUM(A1:A2)", "also": ["a1"]}]},
        ],
    }
    rows = _rows(client.post("/api/export", params={"format": "csv"}, json=body).text)
    cells = [v for row in rows for v in row.values()]
    assert '\'=HYPERLINK("http://evil.example")' in cells and "'@SUM(A1:A2)" in cells
    assert not any(c.startswith(("=", "@", "+")) for c in cells)


def test_the_timeline_of_the_store_as_a_file(client: TestClient) -> None:
    r = client.get("/api/timeline/export", params={"q": QUERY, "format": "md"})
    assert r.status_code == 200 and r.text.startswith("# سوق الزيتون")
    assert "filename*=UTF-8''" in r.headers["content-disposition"]
    j = client.get("/api/timeline/export", params={"q": QUERY, "format": "json"})
    assert json.loads(j.text)["query"] == QUERY


def test_an_unknown_format_is_400_listing_them(
    client: TestClient, timeline: dict[str, Any]
) -> None:
    for r in (
        client.post("/api/export", params={"format": "pdf"}, json=timeline),
        client.get("/api/timeline/export", params={"q": QUERY, "format": "pdf"}),
    ):
        assert r.status_code == 400
        assert "csv" in r.json()["error"] and "pdf" in r.json()["error"]
    missing = client.post("/api/export", json=timeline)
    assert missing.status_code == 400 and missing.json()["error"].startswith("format")


@pytest.mark.parametrize(
    "body",
    [
        [],
        {"entries": "none"},
        {"entries": [{"date": "2021-05-09"}]},
        {"entries": [{"date": 2021, "items": []}]},
        {"entries": [{"date": "2021-05-09", "items": [{"text": 5}]}]},
        {"entries": [{"date": "2021-05-09", "items": [{"text": "x", "also": [1, 2]}]}]},
        {"entries": [{"date": "2021-05-09", "items": [{"text": "x", "start": "0"}]}]},
        {"entries": [{"date": "XXXX-12-25", "items": [{"text": "x"}]}]},
        {"entries": [{"date": "2018-02-30", "items": [{"text": "x"}]}]},
        {"entries": [{"date": "PRESENT_REF", "items": [{"text": "x"}]}]},
        {"entries": [], "matched": -3},
        {"entries": [], "coverage": [{"day": 1}]},
    ],
)
def test_a_bad_timeline_body_is_422(client: TestClient, body: Any) -> None:
    r = client.post("/api/export", params={"format": "csv"}, json=body)
    assert r.status_code == 422
    assert r.json()["error"].startswith("body")
