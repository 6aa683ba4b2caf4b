"""Persisted events: a filtered, paginated list, or one by id."""
from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from pydantic import BeforeValidator

from service.api.deps import SessionDep
from service.api.problems import problem_responses
from service.api.schemas import EventPage, StoredEvent
from service.extraction.models import Event, EventType
from service.storage import events
from service.storage.models import EventRecord

router = APIRouter(prefix="/v1/events", tags=["events"])

MAX_PAGE_SIZE = 500


def _iso_date(value: object) -> object:
    # pydantic would also read a number as a Unix timestamp ("1700000000" -> 2023-11-14).
    if isinstance(value, str) and not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        raise ValueError("must be an ISO 8601 date such as 2024-05-06")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date)]


def each_filter_once(request: Request) -> None:
    """422 for a query parameter of the route given twice, which would otherwise silently keep only
    the last value. Parameters the route does not take are ignored, repeated or not."""
    names = [parameter.alias for parameter in request.scope["route"].dependant.query_params]
    repeated = [name for name in names if len(request.query_params.getlist(name)) > 1]
    if repeated:
        raise HTTPException(422, detail=f"give each query parameter once; repeated: {', '.join(repeated)}")


def _stored(record: EventRecord) -> StoredEvent:
    return StoredEvent(document_id=record.document_id, event=Event.model_validate(record.data))


@router.get(
    "",
    response_model=EventPage,
    summary="Persisted events matching all the given filters",
    description="Ordered by date_start ascending (undated events last), then by storage order. "
    "Follow `next_cursor` until it is null; each event appears on exactly one page.",
    responses=problem_responses(422, 503),
    dependencies=[Depends(each_filter_once)],
)
def list_events(
    db_session: SessionDep,
    type: Annotated[EventType | None, Query(description="meeting, exercise or agreement")] = None,
    country: Annotated[
        str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3 code of any participant")
    ] = None,
    participant: Annotated[
        str | None, Query(min_length=1, max_length=200, description="case-insensitive part of a participant's name")
    ] = None,
    date_from: Annotated[
        IsoDate | None, Query(description="events whose date overlaps [date_from, date_to]; undated ones are excluded")
    ] = None,
    date_to: Annotated[IsoDate | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 50,
    cursor: Annotated[str | None, Query(max_length=200, description="next_cursor of the previous page")] = None,
) -> EventPage:
    if date_from is not None and date_to is not None and date_from > date_to:
        raise HTTPException(422, detail="date_from is after date_to")
    filters = events.EventFilters(
        type=type, country=country, participant=participant, date_from=date_from, date_to=date_to
    )
    try:
        page = events.list_page(db_session=db_session, filters=filters, limit=limit, cursor=cursor)
    except events.InvalidCursor as exc:
        raise HTTPException(422, detail=str(exc)) from None
    return EventPage(items=[_stored(record) for record in page.items], next_cursor=page.next_cursor)


@router.get(
    "/{event_id}",
    response_model=StoredEvent,
    summary="The most recently persisted event with this id",
    responses=problem_responses(404, 422, 503),
)
def get_event(event_id: Annotated[str, Path(max_length=200)], db_session: SessionDep) -> StoredEvent:
    record = events.get(db_session=db_session, event_id=event_id)
    if record is None:
        raise HTTPException(404, detail=f"no event with id {event_id!r}")
    return _stored(record)
