"""Every endpoint of the API on the small archive of ``conftest.py``: what it answers, and
the error of each bad parameter."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

QUERY = "سوق الزيتون"  # five articles of conftest.py's six


def test_status_names_the_store_and_its_outlets(client: TestClient) -> None:
    s = client.get("/api/status").json()
    assert s["store"] == "news.db"  # its name, never a path of the server's disk
    assert s["articles"] == 6
    assert sorted(s["sources"]) == ["daily", "radio", "wire"]
    assert s["hint"] is None and s["version"]


def test_without_a_store_the_status_says_how_to_ingest(bare: TestClient) -> None:
    s = bare.get("/api/status").json()
    assert s["store"] is None and s["articles"] is None and s["sources"] == []
    assert "mahattat ingest" in s["hint"] and "news.db" in s["hint"]


@pytest.mark.parametrize(
    "path",
    ["/api/search?q=سوق", "/api/coverage?q=سوق", "/api/timeline?q=سوق", "/api/articles/a1",
     "/api/timeline/export?q=سوق&format=csv"],
)  # fmt: skip
def test_without_a_store_the_archive_answers_404_with_the_hint(bare: TestClient, path: str) -> None:
    r = bare.get(path)
    assert r.status_code == 404
    assert "mahattat ingest" in r.json()["error"]


def test_without_a_store_a_text_is_still_extracted(bare: TestClient, texts: dict[str, str]) -> None:
    r = bare.post("/api/extract", json={"text": texts["a1"], "published": "2021-05-10"})
    assert r.status_code == 200
    assert [t["value"] for t in r.json()["timexes"]] == ["2021-05-09"]


def test_extract_gives_the_document_json_with_readable_dates(
    client: TestClient, texts: dict[str, str]
) -> None:
    text = texts["c1"]
    r = client.post("/api/extract", json={"text": text, "published": "2021-05-10",
                                          "title": "الحريق"})  # fmt: skip
    doc = r.json()
    assert r.status_code == 200 and doc["published"] == "2021-05-10" and doc["title"] == "الحريق"
    (t,) = [t for t in doc["timexes"] if t["value"] == "2021-05-09"]
    assert text[t["start"] : t["end"]] == t["text"] == "9 مايو 2021"
    assert doc["labels"][t["id"]] == "9 أيار/مايو 2021"
    assert doc["events"] and all(doc["labels"][v["id"]] for v in doc["events"])
    assert {"سمير الخطيب"} <= {e["text"] for e in doc["entities"] if e["label"] == "PER"}
    assert doc["text"] == text


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ({"text": "نص", "published": "yesterday"}, "published"),
        ({"text": "   ", "published": "2021-05-10"}, "text"),
        ({"published": "2021-05-10"}, "text"),
        ({"text": 5, "published": "2021-05-10"}, "text"),
    ],
)
def test_a_bad_extract_body_is_422_naming_the_field(
    client: TestClient, body: dict, says: str
) -> None:
    r = client.post("/api/extract", json=body)
    assert r.status_code == 422
    assert r.json()["error"].startswith(says)


def test_a_lone_surrogate_becomes_a_replacement_character(client: TestClient) -> None:
    raw = '{"text": "زار الوزير \\ud800 المدينة في 3 مارس 2019", "published": "2019-03-04"}'
    r = client.post("/api/extract", content=raw.encode(),
                    headers={"content-type": "application/json"})  # fmt: skip
    assert r.status_code == 200
    doc = r.json()
    assert "\ufffd" in doc["text"] and len(doc["text"]) == len(
        "زار الوزير x المدينة في 3 مارس 2019"
    )
    (t,) = doc["timexes"]
    assert doc["text"][t["start"] : t["end"]] == "3 مارس 2019"


def test_a_body_that_is_not_json_is_422(client: TestClient) -> None:
    r = client.post("/api/extract", content=b"{not json",
                    headers={"content-type": "application/json"})  # fmt: skip
    assert r.status_code == 422 and "error" in r.json()


def test_search_ranks_pages_and_counts(client: TestClient) -> None:
    r = client.get("/api/search", params={"q": QUERY, "limit": 2})
    found = r.json()
    assert found["query"] == QUERY and found["matched"] == 5  # the final does not match
    assert len(found["hits"]) == 2
    hit = found["hits"][0]
    assert set(hit) == {"doc_id", "published", "published_ar", "source", "title", "url",
                        "snippet"}  # fmt: skip
    assert hit["published_ar"].endswith("أيار/مايو 2021")
    rest = client.get("/api/search", params={"q": QUERY, "limit": 10, "offset": 2}).json()
    ids = [h["doc_id"] for h in found["hits"] + rest["hits"]]
    assert sorted(ids) == ["a1", "a2", "b1", "c1", "x1"]


def test_search_filters_by_days_outlet_and_entity(client: TestClient) -> None:
    def ids(**params: str) -> set[str]:
        r = client.get("/api/search", params={"q": QUERY, **params})
        return {h["doc_id"] for h in r.json()["hits"]}

    assert ids(**{"from": "2021-05-11"}) == {"a2", "x1"}
    assert ids(to="2021-05-10") == {"a1", "b1", "c1"}
    assert ids(**{"from": "2021-05", "to": "2021-05"}) == {"a1", "a2", "b1", "c1", "x1"}
    assert ids(source="wire") == {"a1", "a2"}
    assert ids(entity="سمير الخطيب") == {"c1"}
    assert ids(entity="لا أحد") == set()


@pytest.mark.parametrize(
    ("params", "says"),
    [
        ({"q": QUERY, "limit": "many"}, "limit"),
        ({"q": QUERY, "limit": 0}, "limit"),
        ({"q": QUERY, "limit": 5000}, "limit"),
        ({"q": QUERY, "offset": -1}, "offset"),
        ({"q": QUERY, "from": "May 2021"}, "from"),
        ({"q": QUERY, "from": "2021-06", "to": "2021-05"}, "from"),
        ({"q": '"سوق'}, "q"),
        ({"q": "  "}, "q"),
        ({}, "q"),
    ],
)
def test_a_bad_search_parameter_is_400_naming_it(
    client: TestClient, params: dict, says: str
) -> None:
    r = client.get("/api/search", params=params)
    assert r.status_code == 400
    assert r.json()["error"].startswith(says)


def test_coverage_counts_matching_articles_per_day(client: TestClient) -> None:
    c = client.get("/api/coverage", params={"q": QUERY}).json()
    assert c["matched"] == 5
    assert c["coverage"] == [
        {"day": "2021-05-10", "articles": 3},
        {"day": "2021-05-13", "articles": 1},
        {"day": "2021-05-20", "articles": 1},
    ]


def test_the_day_timeline_is_the_clis_json(client: TestClient, texts: dict[str, str]) -> None:
    tl = client.get("/api/timeline", params={"q": QUERY, "dates": 5}).json()
    assert tl["mode"] == "days" and tl["matched"] == 5
    dates = [e["date"] for e in tl["entries"]]
    assert "2021-05-09" in dates and dates == sorted(dates)
    fire = tl["entries"][dates.index("2021-05-09")]
    assert fire["label"] == "9 أيار/مايو 2021"
    for e in tl["entries"]:
        for it in e["items"]:
            assert texts[it["doc_id"]][it["start"] : it["end"]] == it["text"]
            assert it["candidates"] == []  # none asked for


def test_candidates_offer_other_lines_of_a_date(client: TestClient) -> None:
    tl = client.get("/api/timeline", params={"q": QUERY, "dates": 5, "candidates": 2}).json()
    fire = next(e for e in tl["entries"] if e["date"] == "2021-05-09")
    (item,) = fire["items"]
    assert [c["doc_id"] for c in item["candidates"]] == ["c1"]
    assert item["candidates"][0]["text"] != item["text"]


def test_the_milestones_mode(client: TestClient) -> None:
    tl = client.get("/api/timeline", params={"q": QUERY, "mode": "milestones"}).json()
    assert tl["mode"] == "milestones"
    first = {e["date"]: e for e in tl["entries"]}["2021-05-09"]
    assert first["cited_by"]["articles"] >= 2 and first["label"] == "9 أيار/مايو 2021"


@pytest.mark.parametrize(
    ("params", "says"),
    [
        ({"mode": "weeks"}, "mode"),
        ({"method": "milestones"}, "method"),
        ({"mode": "milestones", "method": "datewise"}, "method"),
        ({"dates": 0}, "dates"),
        ({"dates": 100000}, "dates"),
        ({"per_date": 99}, "per_date"),
        ({"candidates": 50}, "candidates"),
        ({"to": "2021-13"}, "to"),
    ],
)
def test_a_bad_timeline_parameter_is_400_naming_it(
    client: TestClient, params: dict, says: str
) -> None:
    r = client.get("/api/timeline", params={"q": QUERY, **params})
    assert r.status_code == 400
    assert r.json()["error"].startswith(says)


def test_an_article_with_its_text_and_offsets(client: TestClient, texts: dict[str, str]) -> None:
    a = client.get("/api/articles/c1").json()
    assert a["doc_id"] == "c1" and a["text"] == texts["c1"] and a["source"] == "radio"
    assert a["published_ar"] == "10 أيار/مايو 2021"
    assert a["url"] == "https://example.org/radio/c1"
    for key in ("timexes", "entities", "events"):
        assert a[key]
        for x in a[key]:
            assert 0 <= x["start"] < x["end"] <= len(a["text"])
    (t,) = [t for t in a["timexes"] if t["value"] == "2021-05-09"]
    assert a["labels"][t["id"]] == "9 أيار/مايو 2021"
    names = {a["text"][e["start"] : e["end"]] for e in a["entities"]}
    assert "سمير الخطيب" in names
    assert all(isinstance(v["negated"], bool) for v in a["events"])


def test_an_unknown_article_is_404(client: TestClient) -> None:
    r = client.get("/api/articles/nope")
    assert r.status_code == 404 and "nope" in r.json()["error"]


def test_markup_in_an_article_comes_back_as_json_text(client: TestClient, hostile: str) -> None:
    r = client.get("/api/articles/x1")
    assert r.headers["content-type"] == "application/json"
    a = r.json()
    assert a["text"] == hostile and a["title"] == "<b>سوق</b>"  # as written: the page escapes
    hit = client.get("/api/search", params={"q": "ترحيب التجار"}).json()["hits"][0]
    assert "<script>" in hit["snippet"] and '"onmouseover=' in hit["snippet"]


def test_the_api_is_documented_without_a_cdn(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path in ("/api/status", "/api/extract", "/api/search", "/api/coverage", "/api/timeline",
                 "/api/timeline/export", "/api/articles/{doc_id}", "/api/export"):  # fmt: skip
        assert path in schema["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "text/html" in docs.headers["content-type"]
    assert "cdn" not in docs.text.lower() and "//" not in docs.text.replace("http://", "")
