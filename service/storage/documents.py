"""Store, fetch and delete documents with the events extracted from them."""
from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import delete as sql_delete
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from service.extraction.models import Event
from service.storage.database import begin_write
from service.extraction.date_ranges import date_range
from service.storage.models import DocumentRecord, EventRecord, ParticipantRecord, storable

# A concurrent writer can insert the same document between our lookup and our insert; the
# unique dedup_key then rejects ours and we replace theirs instead. Twice is plenty.
PERSIST_ATTEMPTS = 3


def dedup_key(*, external_id: str | None, content_sha256: str, published_at: date | None) -> str:
    if external_id is not None:
        return f"ext:{external_id}"
    return f"sha:{content_sha256}:{published_at.isoformat() if published_at else ''}"


def persist(
    *,
    db_session: Session,
    text: str,
    content_sha256: str,
    published_at: date | None,
    events: list[Event],
    extractor_version: str,
    language: str = "en",
    external_id: str | None = None,
    url: str | None = None,
    title: str | None = None,
    source: str | None = None,
) -> DocumentRecord:
    """Insert the document and its events, or replace an earlier extraction of the same document.

    Same document = same external_id, or, without one, the same content_sha256 and published_at.
    The replacement happens in one committed transaction and keeps the document's id.
    """
    key = dedup_key(external_id=external_id, content_sha256=content_sha256, published_at=published_at)
    fields = {
        "dedup_key": key,
        "external_id": external_id,
        "content_sha256": content_sha256,
        "published_at": published_at,
        "url": url,
        "title": title,
        "source": source,
        "language": language,
        "text": storable(text),
        "extractor_version": extractor_version,
    }
    for attempt in range(1, PERSIST_ATTEMPTS + 1):
        try:
            document = _insert_or_replace(db_session, key, fields, events)
            db_session.commit()
            return document
        except IntegrityError:
            db_session.rollback()
            if attempt == PERSIST_ATTEMPTS:
                raise
    raise AssertionError("unreachable")


def get(*, db_session: Session, document_id: int) -> DocumentRecord | None:
    return db_session.scalars(
        select(DocumentRecord).where(DocumentRecord.id == document_id).options(selectinload(DocumentRecord.events))
    ).one_or_none()


def delete(*, db_session: Session, document_id: int) -> bool:
    """Remove the document and (by cascade) its events; False when there was no such document."""
    begin_write(db_session)
    deleted = db_session.execute(sql_delete(DocumentRecord).where(DocumentRecord.id == document_id)).rowcount
    db_session.commit()
    return bool(deleted)


def _insert_or_replace(
    db_session: Session, key: str, fields: dict[str, Any], events: list[Event]
) -> DocumentRecord:
    begin_write(db_session)
    now = datetime.now(UTC)
    # FOR UPDATE: a concurrent replace of the same document waits for ours to commit, so it
    # deletes our events rather than missing them and leaving both sets behind.
    document = db_session.scalars(
        select(DocumentRecord).where(DocumentRecord.dedup_key == key).with_for_update()
    ).one_or_none()
    if document is None:
        document = DocumentRecord(**fields, created_at=now, updated_at=now)
        db_session.add(document)
    else:
        old_events = select(EventRecord.id).where(EventRecord.document_id == document.id)
        # Participants first, explicitly, so that the session forgets them as well as the rows.
        db_session.execute(sql_delete(ParticipantRecord).where(ParticipantRecord.event_pk.in_(old_events)))
        db_session.execute(sql_delete(EventRecord).where(EventRecord.document_id == document.id))
        for name, value in fields.items():
            setattr(document, name, value)
        document.updated_at = now
    db_session.flush()
    db_session.add_all(_event_record(document.id, event) for event in events)
    db_session.flush()
    db_session.expire(document, ["events"])
    return document


def _event_record(document_id: int, event: Event) -> EventRecord:
    date_value = event.date.value if event.date else None
    date_start, date_end = date_range(date_value)
    return EventRecord(
        document_id=document_id,
        event_id=storable(event.id),
        type=event.type,
        status=event.status,
        date_value=storable(date_value) if date_value else None,
        date_start=date_start,
        date_end=date_end,
        confidence=event.confidence,
        data=storable(event.model_dump(mode="json")),
        participants=[
            ParticipantRecord(
                name=storable(participant.name),
                name_lower=storable(participant.name.lower()),
                kind=participant.kind,
                country=participant.country,
            )
            for participant in event.participants
        ],
    )
