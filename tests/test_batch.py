"""POST /v1/extract/batch through real HTTP requests: same results as one request each, limits, persistence."""
from __future__ import annotations

import pytest

from service.api.schemas import MAX_BATCH_DOCUMENTS

PROBLEM = "application/problem+json"

ARTICLES = [
    (
        "The foreign ministers of Peru and Chile met in Lima on Friday to discuss fishing rights. "
        "They agreed to set up a joint commission.",
        "2022-06-13",
    ),
    (
        "Warships from Norway and Denmark began a week-long naval exercise in the North Sea on Monday.",
        "2021-09-27",
    ),
    ("The city council voted to repair the old bridge before winter.", None),
]


def body(text: str, published_at: str | None, **extra) -> dict:
    return {"text": text, "published_at": published_at, **extra}


def test_each_result_is_what_a_single_request_returns(sqlite_client):
    response = sqlite_client.post("/v1/extract/batch", json={"documents": [body(*a) for a in ARTICLES]})

    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert len(results) == len(ARTICLES)
    for (text, published_at), result in zip(ARTICLES, results):
        single = sqlite_client.post("/v1/extract", json=body(text, published_at)).json()
        assert result["events"] == single["events"]
        assert result["temporal_expressions"] == single["temporal_expressions"]
        assert result["document"] == single["document"]
        assert result["meta"].keys() == single["meta"].keys()
    # The articles with events come back with them, in request order.
    assert {e["type"] for e in results[0]["events"]} >= {"meeting"}
    assert {e["type"] for e in results[1]["events"]} == {"exercise"}
    assert results[2]["events"] == []


def test_metadata_of_each_document_is_echoed(sqlite_client):
    documents = [body(*ARTICLES[0], external_id="a-1", title="Fishing talks"), body(*ARTICLES[1], source="wire")]

    results = sqlite_client.post("/v1/extract/batch", json={"documents": documents}).json()["results"]

    assert results[0]["document"]["external_id"] == "a-1"
    assert results[0]["document"]["title"] == "Fishing talks"
    assert results[1]["document"]["source"] == "wire"
    assert results[1]["document"]["published_at"] == "2021-09-27"


def test_too_many_documents_is_a_422_problem(sqlite_client):
    documents = [body("Leaders met.", None)] * (MAX_BATCH_DOCUMENTS + 1)

    response = sqlite_client.post("/v1/extract/batch", json={"documents": documents})

    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["errors"][0]["loc"][:2] == ["body", "documents"]


def test_the_largest_batch_is_accepted(sqlite_client):
    documents = [body(f"Delegates from Ghana and Togo met for round {n} of talks.", "2020-01-01") for n in range(64)]

    response = sqlite_client.post("/v1/extract/batch", json={"documents": documents})

    assert response.status_code == 200
    assert len(response.json()["results"]) == MAX_BATCH_DOCUMENTS


@pytest.mark.parametrize(
    "payload, where",
    [
        ({"documents": []}, ["body", "documents"]),
        ({"documents": [{"text": "Leaders met."}, {"text": "   "}]}, ["body", "documents", 1, "text"]),
        ({"documents": [{"text": "Leaders met.", "published_at": "yesterday"}]}, ["body", "documents", 0, "published_at"]),
        ({"articles": [{"text": "Leaders met."}]}, ["body", "documents"]),
    ],
)
def test_invalid_batches_are_422_problems_that_say_where(sqlite_client, payload, where):
    response = sqlite_client.post("/v1/extract/batch", json=payload)

    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    assert where in [issue["loc"] for issue in response.json()["errors"]]


def test_a_batch_larger_than_the_body_limit_is_413(sqlite_client):
    limit = sqlite_client.app.state.settings.max_text_bytes
    documents = [body("x" * (limit // 2), None)] * 3

    response = sqlite_client.post("/v1/extract/batch", json={"documents": documents})

    assert response.status_code == 413
    assert response.headers["content-type"] == PROBLEM


def test_only_documents_marked_persist_are_stored(client):
    documents = [body(*ARTICLES[0], persist=True, external_id="kept"), body(*ARTICLES[1])]

    results = client.post("/v1/extract/batch", json={"documents": documents}).json()["results"]

    stored_id = results[0]["document"]["id"]
    assert isinstance(stored_id, int)
    assert results[1]["document"]["id"] is None
    stored = client.get(f"/v1/documents/{stored_id}").json()
    assert stored["external_id"] == "kept"
    assert [e["id"] for e in stored["events"]] == [e["id"] for e in results[0]["events"]]
    listed = client.get("/v1/events", params={"type": "exercise"}).json()["items"]
    assert listed == []
