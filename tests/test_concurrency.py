"""Concurrent persists: one document stays one document, and none is lost or refused.

Runs on SQLite and on PostgreSQL (TEST_DATABASE_URL). On SQLite the service takes the write
lock at the start of each writing transaction (BEGIN IMMEDIATE, WAL, 30 s busy timeout; see
service/storage/database.py), so concurrent writers queue instead of failing with
"database is locked".
"""
from __future__ import annotations

import hashlib
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from service.api import create_app
from service.settings import Settings
from service.storage import documents
from service.storage.database import make_session_factory
from service.storage.models import DocumentRecord, EventRecord, ParticipantRecord

WRITERS = 20
REPORT = (
    "Defence chiefs of Poland and Lithuania met in Vilnius on Monday. Their armies will hold a "
    "joint exercise near the border in May, and the two governments signed a supply agreement."
)


def counts(session_factory) -> tuple[int, int, int]:
    with session_factory() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(model))
            for model in (DocumentRecord, EventRecord, ParticipantRecord)
        )


@pytest.fixture
def roomy_client(engine, database_url, extractor):
    """The app on an emptied database, with room for every concurrent request in its queue
    (the default queue answers 503 to the surplus on purpose; that is tested elsewhere)."""
    settings = Settings(DATABASE_URL=database_url, max_queued_extractions=WRITERS * 2)
    with TestClient(create_app(settings, extractor=extractor)) as client:
        yield client


def post_all(client: TestClient, bodies: list[dict]) -> list:
    start = threading.Barrier(len(bodies))

    def send(body):
        start.wait()
        return client.post("/v1/extract", json=body)

    with ThreadPoolExecutor(len(bodies)) as pool:
        return list(pool.map(send, bodies))


def test_twenty_concurrent_persists_of_one_document_leave_one_document(roomy_client):
    body = {"text": REPORT, "published_at": "2024-04-10", "persist": True}
    responses = post_all(roomy_client, [body] * WRITERS)

    assert [response.status_code for response in responses] == [200] * WRITERS, responses[0].text
    ids = {response.json()["document"]["id"] for response in responses}
    assert len(ids) == 1
    events = responses[0].json()["events"]
    assert events
    participants = sum(len(event["participants"]) for event in events)
    assert counts(roomy_client.app.state.session_factory) == (1, len(events), participants)
    stored = roomy_client.get(f"/v1/documents/{ids.pop()}").json()
    assert [event["id"] for event in stored["events"]] == [event["id"] for event in events]


def test_concurrent_persists_of_different_documents_all_land(roomy_client):
    bodies = [
        {"text": REPORT, "published_at": "2024-04-10", "persist": True, "external_id": f"desk-{n}"}
        for n in range(WRITERS)
    ]
    responses = post_all(roomy_client, bodies)

    assert [response.status_code for response in responses] == [200] * WRITERS, responses[0].text
    assert len({response.json()["document"]["id"] for response in responses}) == WRITERS
    events_each = len(responses[0].json()["events"])
    documents_, events, _ = counts(roomy_client.app.state.session_factory)
    assert (documents_, events) == (WRITERS, WRITERS * events_each)


def test_writers_racing_in_the_storage_layer_replace_rather_than_duplicate(engine, make_event):
    """The same race without the extractor's lock in between, so the writes truly overlap."""
    session_factory = make_session_factory(engine)
    start = threading.Barrier(WRITERS)
    sha = hashlib.sha256(REPORT.encode()).hexdigest()

    def write(n: int) -> int:
        events = [
            make_event(REPORT, "met", event_id=f"meeting-{n}", participants=(("Poland", "country", "POL"),)),
            make_event(REPORT, "agreement", event_id=f"agreement-{n}", type="agreement"),
        ]
        with session_factory() as session:
            start.wait()
            return documents.persist(
                db_session=session, text=REPORT, content_sha256=sha, published_at=date(2024, 4, 10),
                events=events, extractor_version=f"writer-{n}",
            ).id

    with ThreadPoolExecutor(WRITERS) as pool:
        ids = set(pool.map(write, range(WRITERS)))

    assert len(ids) == 1
    assert counts(session_factory) == (1, 2, 1)
    with session_factory() as session:
        document = session.scalars(select(DocumentRecord)).one()
        # The events are those of the writer whose version the document carries: one whole set.
        writer = document.extractor_version.removeprefix("writer-")
        assert sorted(event.event_id for event in document.events) == [f"agreement-{writer}", f"meeting-{writer}"]
