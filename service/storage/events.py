"""Look up persisted events: by id, or a filtered page in a stable order."""
from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.orm import Session

from service.storage.models import EventRecord, ParticipantRecord, storable


class InvalidCursor(ValueError):
    """The cursor was not one this service handed out."""


@dataclass(frozen=True)
class EventFilters:
    type: str | None = None
    country: str | None = None
    participant: str | None = None
    date_from: date | None = None
    date_to: date | None = None


@dataclass(frozen=True)
class EventPage:
    items: list[EventRecord]
    next_cursor: str | None


def get(*, db_session: Session, event_id: str) -> EventRecord | None:
    """The most recently persisted event with this extractor id (ids repeat across documents)."""
    return db_session.scalars(
        select(EventRecord).where(EventRecord.event_id == storable(event_id)).order_by(EventRecord.id.desc()).limit(1)
    ).one_or_none()


def list_page(*, db_session: Session, filters: EventFilters, limit: int, cursor: str | None = None) -> EventPage:
    """Events matching every given filter, ordered by (date_start ascending, undated last; id).

    A month, week, season or year overlaps [date_from, date_to] if any of its days does;
    date filters exclude undated events.
    """
    query = _filtered(select(EventRecord), filters)
    if cursor is not None:
        query = query.where(_after(*decode_cursor(cursor)))
    query = query.order_by(EventRecord.date_start.is_(None), EventRecord.date_start, EventRecord.id)
    rows = list(db_session.scalars(query.limit(limit + 1)))
    if len(rows) <= limit:
        return EventPage(items=rows, next_cursor=None)
    last = rows[limit - 1]
    return EventPage(items=rows[:limit], next_cursor=encode_cursor(last.date_start, last.id))


def _filtered(query: Select[tuple[EventRecord]], filters: EventFilters) -> Select[tuple[EventRecord]]:
    if filters.type is not None:
        query = query.where(EventRecord.type == filters.type)
    if filters.country is not None:
        query = query.where(
            EventRecord.participants.any(ParticipantRecord.country == filters.country.upper())
        )
    if filters.participant is not None:
        query = query.where(
            EventRecord.participants.any(
                ParticipantRecord.name_lower.contains(storable(filters.participant.lower()), autoescape=True)
            )
        )
    if filters.date_from is not None:
        query = query.where(EventRecord.date_end >= filters.date_from)
    if filters.date_to is not None:
        query = query.where(EventRecord.date_start <= filters.date_to)
    return query


def _after(date_start: date | None, event_pk: int):  # type: ignore[no-untyped-def]
    """Rows that come after (date_start, event_pk) in the list order."""
    if date_start is None:
        return and_(EventRecord.date_start.is_(None), EventRecord.id > event_pk)
    return or_(
        EventRecord.date_start > date_start,
        and_(EventRecord.date_start == date_start, EventRecord.id > event_pk),
        EventRecord.date_start.is_(None),
    )


def encode_cursor(date_start: date | None, event_pk: int) -> str:
    payload = json.dumps([date_start.isoformat() if date_start else None, event_pk]).encode()
    return base64.urlsafe_b64encode(payload).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[date | None, int]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        day, event_pk = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        if not isinstance(event_pk, int) or isinstance(event_pk, bool) or not 0 <= event_pk < 2**31:
            raise InvalidCursor("bad cursor")
        return (date.fromisoformat(day) if day is not None else None), event_pk
    except (ValueError, TypeError, UnicodeEncodeError, binascii.Error) as exc:
        raise InvalidCursor("the cursor is not valid; start again without one") from exc
