"""POST /v1/extract through real HTTP requests: shapes, dates, validation, size limits."""
from __future__ import annotations

import asyncio
import hashlib
import json

import pytest
from fastapi.testclient import TestClient

from service.api import create_app
from service.api.body_limit import BodySizeLimitMiddleware
from service.settings import Settings

ARTICLE = (
    "Officials from Kenya and Tanzania held two days of talks in Arusha last week on a shared "
    "railway. The delegations agreed to meet again in March, a ministry spokesperson said."
)
PROBLEM = "application/problem+json"


def extract(client: TestClient, **body):
    return client.post("/v1/extract", json={"text": ARTICLE, **body})


def assert_problem(response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    problem = response.json()
    assert problem["status"] == status
    assert problem["title"] and problem["detail"]
    return problem


def spans_of(result: dict):
    """Every (text, start, end) quoted from the submitted text in a response."""
    for event in result["events"]:
        yield event["trigger"]
        for mention in event["mentions"]:
            yield mention["trigger"]
        for participant in event["participants"]:
            yield from participant["mentions"]
    yield from result["temporal_expressions"]


def test_extract_returns_document_events_and_meta(sqlite_client, extractor):
    response = extract(sqlite_client, published_at="2023-02-10", title="Rail talks", url="https://example.org/a")

    assert response.status_code == 200
    result = response.json()
    assert set(result) == {"document", "events", "temporal_expressions", "meta"}
    document = result["document"]
    assert document["content_sha256"] == hashlib.sha256(ARTICLE.encode("utf-8")).hexdigest()
    assert document["id"] is None  # not persisted
    assert document["published_at"] == "2023-02-10"
    assert (document["title"], document["url"], document["language"]) == ("Rail talks", "https://example.org/a", "en")
    assert result["meta"]["pipeline"] == extractor.pipeline_name
    assert result["meta"]["pipeline_version"] == extractor.pipeline_version
    assert result["meta"]["extractor_version"] == extractor.extractor_version
    assert result["meta"]["took_ms"] >= 0
    for span in spans_of(result):
        assert ARTICLE[span["start"]:span["end"]] == span["text"]


def test_a_datetime_anchors_on_its_own_local_day(sqlite_client):
    late_evening_in_new_york = extract(sqlite_client, published_at="2023-02-10T23:30:00-05:00")
    early_morning_in_tokyo = extract(sqlite_client, published_at="2023-02-11T01:15:00+09:00")

    assert late_evening_in_new_york.json()["document"]["published_at"] == "2023-02-10"
    assert early_morning_in_tokyo.json()["document"]["published_at"] == "2023-02-11"


@pytest.mark.parametrize("value", ["2023-02-10T23:30:00", "10/02/2023", "2023-02-30", 1676000000, True])
def test_published_at_must_be_a_date_or_a_zoned_datetime(sqlite_client, value):
    problem = assert_problem(extract(sqlite_client, published_at=value), 422)
    assert problem["errors"][0]["loc"][:2] == ["body", "published_at"]


@pytest.mark.parametrize("published_at", ["9999-12-31", "9999-12-28", "0001-01-01", "0001-01-05"])
def test_a_publication_date_at_the_calendars_ends_gives_an_answer(sqlite_client, published_at):
    # "next week" from 9999-12-31 or "last month" from 0001-01-01 lies past the calendar: no date, no 500
    text = (
        "Ghana and Togo held talks this week and will meet again next week. Last month they signed a deal, "
        "a day later they held drills, and two weeks later they met in December."
    )
    response = sqlite_client.post("/v1/extract", json={"text": text, "published_at": published_at})
    assert response.status_code == 200, response.text
    assert response.json()["events"]


def test_only_english_is_accepted(sqlite_client):
    problem = assert_problem(extract(sqlite_client, language="de"), 422)
    assert "English" in problem["detail"]
    assert extract(sqlite_client, language="en-GB").status_code == 200


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_blank_text_is_rejected(sqlite_client, text):
    problem = assert_problem(sqlite_client.post("/v1/extract", json={"text": text}), 422)
    assert problem["errors"][0]["loc"] == ["body", "text"]


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"text": 42},
        {"text": ["a", "list"]},
        {"text": ARTICLE, "persist": "perhaps"},
        {"text": ARTICLE, "unknown_field": 1},
        {"text": ARTICLE, "external_id": ""},
        {"text": ARTICLE, "title": "x" * 5000},
        ["not", "an", "object"],
        "just a string",
    ],
)
def test_wrong_shapes_are_422_problems(sqlite_client, body):
    problem = assert_problem(sqlite_client.post("/v1/extract", json=body), 422)
    assert problem["errors"]


@pytest.mark.parametrize(
    "raw",
    [
        b'{"text": "unterminated',
        b'{"text": "a", }',
        b"\xff\xfe\x00garbage",
        b'{"text": "caf\xe9 in Paris"}',  # Latin-1, not UTF-8
        b'{"text": ' + b"9" * 5000 + b"}",  # more digits than Python converts
        b'{"text": 1e999999}',
        b'{"text": "\\ud800 lone surrogate"}',
        b"[" * 5000 + b"]" * 5000,
    ],
)
def test_unparseable_bodies_are_client_errors_not_500(sqlite_client, raw):
    response = sqlite_client.post("/v1/extract", content=raw, headers={"Content-Type": "application/json"})
    assert response.status_code in (400, 422), response.text
    assert_problem(response, response.status_code)


def test_nul_characters_are_ordinary_text(sqlite_client):
    text = "Delegates\x00 from Ghana met\x00 counterparts from Togo."
    response = sqlite_client.post("/v1/extract", json={"text": text})
    assert response.status_code == 200
    assert response.json()["document"]["content_sha256"] == hashlib.sha256(text.encode()).hexdigest()


@pytest.mark.parametrize("content_type", [None, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data"])
def test_non_json_bodies_are_415(sqlite_client, content_type):
    headers = {"Content-Type": content_type} if content_type else {}
    response = sqlite_client.post("/v1/extract", content=json.dumps({"text": ARTICLE}), headers=headers)
    assert_problem(response, 415)


def test_json_with_charset_is_accepted(sqlite_client):
    response = sqlite_client.post(
        "/v1/extract", content=json.dumps({"text": ARTICLE}), headers={"Content-Type": "application/json; charset=utf-8"}
    )
    assert response.status_code == 200


@pytest.fixture
def small_limit_client(tmp_path, extractor):
    settings = Settings(DATABASE_URL=f"sqlite:///{tmp_path}/eventex.db", max_text_bytes=2000)
    with TestClient(create_app(settings, extractor=extractor)) as client:
        yield client


def body_of_size(size: int) -> bytes:
    envelope = json.dumps({"text": ""}).encode()
    return json.dumps({"text": "a" * (size - len(envelope))}).encode()


def test_bodies_up_to_the_limit_pass(small_limit_client):
    body = body_of_size(2000)
    assert len(body) == 2000
    response = small_limit_client.post("/v1/extract", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 200


def test_a_declared_oversize_body_is_413(small_limit_client):
    response = small_limit_client.post(
        "/v1/extract", content=body_of_size(2001), headers={"Content-Type": "application/json"}
    )
    problem = assert_problem(response, 413)
    assert "2000" in problem["detail"]


def test_a_chunked_oversize_body_is_413(small_limit_client):
    def chunks():
        body = body_of_size(5000)
        for start in range(0, len(body), 700):
            yield body[start:start + 700]

    response = small_limit_client.post("/v1/extract", content=chunks(), headers={"Content-Type": "application/json"})
    assert "content-length" not in response.request.headers  # really sent chunked
    assert_problem(response, 413)


def test_an_understated_content_length_does_not_get_past_the_limit():
    """Speak ASGI directly: HTTP clients will not send a body longer than its Content-Length."""
    reached_app = False

    async def app(scope, receive, send):
        nonlocal reached_app
        reached_app = True

    body = [b"x" * 600, b"x" * 600]
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": body.pop(0), "more_body": bool(body)}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/v1/extract", "headers": [(b"content-length", b"10")]}
    asyncio.run(BodySizeLimitMiddleware(app, max_bytes=1000)(scope, receive, send))

    assert not reached_app
    assert sent[0]["status"] == 413


def test_unknown_routes_and_methods_are_problems(sqlite_client):
    assert_problem(sqlite_client.get("/v1/nothing-here"), 404)
    problem = assert_problem(sqlite_client.get("/v1/extract"), 405)
    assert problem["instance"] == "/v1/extract"


def test_a_plain_meeting_sentence_yields_a_meeting_of_both_countries(sqlite_client):
    response = sqlite_client.post(
        "/v1/extract",
        json={"text": "The defence ministers of France and Germany met in Paris on Monday.", "published_at": "2024-03-06"},
    )
    meetings = [event for event in response.json()["events"] if event["type"] == "meeting"]
    assert meetings
    countries = {participant["country"] for participant in meetings[0]["participants"]}
    assert {"FRA", "DEU"} <= countries


def test_a_story_datelined_at_a_capital_that_names_no_country_is_read(client: TestClient):
    # The dateline's country was weighed against the countries the story names; with none named,
    # that weighing failed and the request got a 500.
    text = "HAVANA, May 14 (Wire) - President Luis Vargas met the envoy in the capital on Tuesday."
    response = client.post("/v1/extract", json={"text": text, "published_at": "2024-05-17"})
    assert response.status_code == 200, response.text
    (meeting,) = response.json()["events"]
    assert meeting["type"] == "meeting" and meeting["date"]["value"] == "2024-05-14"
