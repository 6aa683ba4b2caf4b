"""Stored data changes only as asked: deletes are exact, replacements are whole, migrations keep rows."""
from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic.script import ScriptDirectory
from fastapi.testclient import TestClient
from sqlalchemy import event, func, select, text

from service.api import create_app
from service.extraction.models import Extraction
from service.settings import Settings
from service.storage.database import make_engine
from service.storage.migrations import alembic_config, downgrade, upgrade
from service.storage.models import DocumentRecord, EventRecord, ParticipantRecord

ARTICLES = {
    "east": "Foreign ministers of Japan and South Korea met in Tokyo on Tuesday and signed a fisheries agreement.",
    "north": "Sweden and Finland will hold a joint naval exercise in the Baltic Sea next month, officials said.",
    "south": "Leaders of Brazil and Argentina met in Brasilia on Friday to discuss a trade agreement.",
}


def persist(client: TestClient, key: str, text: str | None = None) -> dict:
    body = {"text": text or ARTICLES[key], "published_at": "2024-06-03", "persist": True, "external_id": key}
    response = client.post("/v1/extract", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def rows_of(client: TestClient, document_id: int) -> tuple[int, int]:
    """(events, participants) stored for one document."""
    with client.app.state.session_factory() as session:
        event_pks = select(EventRecord.id).where(EventRecord.document_id == document_id)
        return (
            session.scalar(select(func.count()).where(EventRecord.document_id == document_id)),
            session.scalar(select(func.count()).where(ParticipantRecord.event_pk.in_(event_pks))),
        )


def total_rows(client: TestClient) -> tuple[int, int, int]:
    with client.app.state.session_factory() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(model))
            for model in (DocumentRecord, EventRecord, ParticipantRecord)
        )


def test_delete_removes_the_document_and_its_events_and_nothing_else(client):
    stored = {key: persist(client, key)["document"]["id"] for key in ARTICLES}
    before = {key: client.get(f"/v1/documents/{document_id}").json() for key, document_id in stored.items()}
    rows_before = {key: rows_of(client, document_id) for key, document_id in stored.items()}
    assert all(events and participants for events, participants in rows_before.values())

    assert client.delete(f"/v1/documents/{stored['east']}").status_code == 204

    assert client.get(f"/v1/documents/{stored['east']}").status_code == 404
    assert rows_of(client, stored["east"]) == (0, 0)
    listed = {item["document_id"] for item in client.get("/v1/events", params={"limit": 500}).json()["items"]}
    assert listed == {stored["north"], stored["south"]}
    for key in ("north", "south"):
        assert client.get(f"/v1/documents/{stored[key]}").json() == before[key]
    kept = [rows_before["north"], rows_before["south"]]
    assert total_rows(client) == (2, sum(events for events, _ in kept), sum(people for _, people in kept))
    # Deleting again changes nothing more.
    assert client.delete(f"/v1/documents/{stored['east']}").status_code == 404
    assert total_rows(client) == (2, sum(events for events, _ in kept), sum(people for _, people in kept))


def test_reextracting_after_an_upgrade_replaces_the_events_at_once(client, database_url, extractor, wrap_extractor):
    def keep_only_the_first_event(items, batch_size=16):
        # A newer extractor whose output differs from the old one in a way the test can see.
        return [
            Extraction(events=result.events[:1], temporal_expressions=result.temporal_expressions)
            for result in extractor.extract_many(items, batch_size)
        ]

    upgraded_extractor = wrap_extractor(keep_only_the_first_event, extractor_version="99.0.0")
    old = persist(client, "east")
    document_id = old["document"]["id"]
    old_ids = sorted(event["id"] for event in old["events"])
    assert len(old_ids) >= 2
    old_stored = client.get(f"/v1/documents/{document_id}").json()

    seen_mid_replacement: list[list[str]] = []
    upgraded = TestClient(create_app(Settings(DATABASE_URL=database_url), extractor=upgraded_extractor))
    with upgraded:
        engine = upgraded.app.state.engine

        def look_from_outside(conn, cursor, statement, parameters, context, executemany):
            # Runs inside the replacing transaction, after the old events were deleted and before
            # the new ones go in: another connection must still see the whole old set.
            if statement.lstrip().upper().startswith("INSERT INTO EVENTS") and not seen_mid_replacement:
                with client.app.state.session_factory() as reader:
                    seen_mid_replacement.append(
                        sorted(reader.scalars(select(EventRecord.event_id).where(EventRecord.document_id == document_id)))
                    )

        event.listen(engine, "before_cursor_execute", look_from_outside)
        try:
            new = persist(upgraded, "east")
        finally:
            event.remove(engine, "before_cursor_execute", look_from_outside)

    assert seen_mid_replacement == [old_ids]
    assert new["document"]["id"] == document_id
    stored = client.get(f"/v1/documents/{document_id}").json()
    assert stored["extractor_version"] == "99.0.0"
    assert [event["id"] for event in stored["events"]] == [new["events"][0]["id"]]
    assert stored["created_at"] == old_stored["created_at"]
    assert stored["updated_at"] > old_stored["updated_at"]
    assert rows_of(client, document_id)[0] == 1
    assert total_rows(client)[1] == 1  # no orphaned events of the old extraction


def revisions_oldest_first() -> list[str]:
    return [script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()][::-1]


def fill_first_schema(connection) -> None:
    """One document with one event and one participant, in the tables as the first revision made them."""
    now = datetime.now(UTC)
    connection.execute(
        text(
            "INSERT INTO documents (id, dedup_key, content_sha256, language, text, extractor_version, created_at,"
            " updated_at) VALUES (1, 'ext:kept', :sha, 'en', 'Kept text.', 'old', :now, :now)"
        ),
        {"sha": "1" * 64, "now": now},
    )
    connection.execute(
        text(
            "INSERT INTO events (id, document_id, event_id, type, status, confidence, data)"
            " VALUES (1, 1, 'evt_kept', 'meeting', 'occurred', 0.5, :data)"
        ),
        {"data": '{"id": "evt_kept"}'},
    )
    connection.execute(
        text(
            "INSERT INTO event_participants (id, event_pk, name, name_lower, kind, country)"
            " VALUES (1, 1, 'Chile', 'chile', 'country', 'CHL')"
        )
    )
    connection.commit()


def kept_rows(connection) -> tuple:
    return (
        connection.execute(text("SELECT text FROM documents WHERE id = 1")).scalar(),
        connection.execute(text("SELECT event_id FROM events WHERE document_id = 1")).scalar(),
        connection.execute(text("SELECT name FROM event_participants WHERE event_pk = 1")).scalar(),
    )


@pytest.mark.parametrize(
    "empty_database_url", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)
def test_every_migration_step_up_and_down_keeps_rows_in_every_table(empty_database_url):
    """Rows written under the first schema survive each later step up, each step down to the
    first revision, and the way back up. (With one revision there are no steps yet: the rows
    must then still read back at head.)"""
    revisions = revisions_oldest_first()
    expected = ("Kept text.", "evt_kept", "Chile")
    engine = make_engine(empty_database_url)
    try:
        with engine.connect() as connection:
            upgrade(revisions[0], connection=connection)
            connection.commit()
            fill_first_schema(connection)
            for revision in revisions[1:]:
                upgrade(revision, connection=connection)
                connection.commit()
                assert kept_rows(connection) == expected, f"rows lost going up to {revision}"
            for revision in reversed(revisions[:-1]):
                downgrade(revision, connection=connection)
                connection.commit()
                assert kept_rows(connection) == expected, f"rows lost going down to {revision}"
            upgrade("head", connection=connection)
            connection.commit()
            assert kept_rows(connection) == expected
    finally:
        engine.dispose()
