"""Persisted documents and events through HTTP, on SQLite and (when configured) PostgreSQL."""
from __future__ import annotations

import hashlib
from datetime import date

import pytest
from sqlalchemy import func, select

from service.storage import documents
from service.storage.models import DocumentRecord, EventRecord

REPORT = (
    "Negotiators from Uruguay and Paraguay met in Montevideo in October 2022 to discuss river "
    "transport. In 2023 the two navies held a joint exercise, and in the first week of March 2023 "
    "ministers of both countries signed a port agreement."
)
PROBLEM = "application/problem+json"


def count(client, model) -> int:
    with client.app.state.session_factory() as session:
        return session.scalar(select(func.count()).select_from(model))


def store(db_session, make_event, *, external_id: str, prefix: str = "r"):
    """Persist REPORT with three hand-made events through the storage layer."""
    events = [
        make_event(REPORT, "met", event_id=f"{prefix}-meeting", date_value="2022-10",
                   participants=(("Uruguay", "country", "URY"), ("Paraguay", "country", "PRY"))),
        make_event(REPORT, "exercise", event_id=f"{prefix}-exercise", type="exercise", date_value="2023",
                   participants=(("Uruguayan Navy", "organization", "URY"),)),
        make_event(REPORT, "agreement", event_id=f"{prefix}-agreement", type="agreement", date_value="2023-W09",
                   participants=(("Paraguay", "country", "PRY"), ("Lucía Benítez", "person", None))),
    ]
    return documents.persist(
        db_session=db_session, text=REPORT, content_sha256=hashlib.sha256(REPORT.encode()).hexdigest(),
        published_at=date(2023, 3, 10), events=events, extractor_version="test", external_id=external_id,
    )


def listed(client, **params) -> list[str]:
    response = client.get("/v1/events", params=params)
    assert response.status_code == 200, response.text
    return [item["event"]["id"] for item in response.json()["items"]]


def test_persist_then_read_the_document_and_its_events(client):
    response = client.post(
        "/v1/extract",
        json={"text": REPORT, "published_at": "2023-03-10", "persist": True, "external_id": "rv-1", "source": "desk"},
    )
    assert response.status_code == 200, response.text
    result = response.json()
    document_id = result["document"]["id"]
    assert isinstance(document_id, int)

    stored = client.get(f"/v1/documents/{document_id}").json()
    assert stored["id"] == document_id
    assert stored["text"] == REPORT
    assert stored["external_id"] == "rv-1" and stored["source"] == "desk"
    assert stored["content_sha256"] == result["document"]["content_sha256"]
    assert stored["published_at"] == "2023-03-10"
    assert stored["events"] == result["events"]
    for event in result["events"]:
        assert client.get(f"/v1/events/{event['id']}").json() == {"document_id": document_id, "event": event}


def test_persisting_again_replaces_instead_of_duplicating(client):
    first = client.post("/v1/extract", json={"text": REPORT, "persist": True, "external_id": "rv-2", "title": "v1"})
    again = client.post("/v1/extract", json={"text": REPORT + " More.", "persist": True, "external_id": "rv-2", "title": "v2"})
    no_id = client.post("/v1/extract", json={"text": REPORT, "persist": True, "published_at": "2023-03-10"})
    no_id_again = client.post("/v1/extract", json={"text": REPORT, "persist": True, "published_at": "2023-03-10"})

    assert again.json()["document"]["id"] == first.json()["document"]["id"]
    assert no_id_again.json()["document"]["id"] == no_id.json()["document"]["id"]
    assert no_id.json()["document"]["id"] != first.json()["document"]["id"]
    assert count(client, DocumentRecord) == 2
    stored = client.get(f"/v1/documents/{first.json()['document']['id']}").json()
    assert (stored["title"], stored["text"]) == ("v2", REPORT + " More.")
    assert count(client, EventRecord) == len(again.json()["events"]) + len(no_id_again.json()["events"])


def test_event_list_filters(client, db_session, make_event):
    store(db_session, make_event, external_id="rv-3")

    assert listed(client, type="exercise") == ["r-exercise"]
    assert sorted(listed(client, country="PRY")) == ["r-agreement", "r-meeting"]
    assert listed(client, participant="BENÍTEZ") == ["r-agreement"]
    # 2023-W09 runs from Monday 27 February to Sunday 5 March 2023.
    assert sorted(listed(client, date_from="2023-03-05", date_to="2023-03-31")) == ["r-agreement", "r-exercise"]
    assert listed(client, date_from="2022-10-31", date_to="2022-10-31") == ["r-meeting"]
    assert listed(client, date_to="2022-09-30") == []


def test_pagination_walks_every_event_once(client, db_session, make_event):
    for n in range(7):
        store(db_session, make_event, external_id=f"page-{n}", prefix=f"p{n}")

    seen, cursor = [], None
    while True:
        params = {"limit": 4} | ({"cursor": cursor} if cursor else {})
        page = client.get("/v1/events", params=params).json()
        assert len(page["items"]) <= 4
        seen += [(item["document_id"], item["event"]["id"]) for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == 21 and len(set(seen)) == 21
    one_page = client.get("/v1/events", params={"limit": 500}).json()
    assert seen == [(item["document_id"], item["event"]["id"]) for item in one_page["items"]]
    assert one_page["next_cursor"] is None
    # Ordered by first day: the week of 27 February 2023 comes after the year 2023 starts.
    assert [event_id.split("-")[1] for _, event_id in seen[:7]] == ["meeting"] * 7


@pytest.mark.parametrize(
    "params",
    [{"limit": 501}, {"limit": 0}, {"country": "Uruguay"}, {"type": "protest"}, {"cursor": "bm9wZQ"},
     {"date_from": "2023-05-01", "date_to": "2023-04-01"}, {"date_from": "March 2023"}],
)
def test_bad_list_parameters_are_422(client, params):
    response = client.get("/v1/events", params=params)
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM


def test_delete_removes_only_that_document(client, db_session, make_event):
    kept = store(db_session, make_event, external_id="keep", prefix="k")
    gone = store(db_session, make_event, external_id="drop", prefix="d")

    response = client.delete(f"/v1/documents/{gone.id}")
    assert response.status_code == 204 and response.content == b""
    assert client.get(f"/v1/documents/{gone.id}").status_code == 404
    assert client.get("/v1/events/d-meeting").status_code == 404
    assert sorted(listed(client)) == ["k-agreement", "k-exercise", "k-meeting"]
    assert client.get(f"/v1/documents/{kept.id}").status_code == 200
    assert client.delete(f"/v1/documents/{gone.id}").status_code == 404


@pytest.mark.parametrize(
    ("path", "status"),
    [("/v1/documents/424242", 404), ("/v1/events/no-such-event", 404), ("/v1/documents/abc", 422),
     ("/v1/documents/0", 422), ("/v1/documents/99999999999999999999", 422), ("/v1/events/%00", 404)],
)
def test_unknown_or_malformed_ids(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert response.headers["content-type"] == PROBLEM
    assert client.delete(path.replace("/v1/events/", "/v1/documents/")).status_code in (404, 422)
