"""Persisted documents: read one with its events, or delete it."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Response

from service.api.deps import SessionDep
from service.api.problems import problem_responses
from service.api.schemas import StoredDocument
from service.extraction.models import Event
from service.storage import documents
from service.storage.models import DocumentRecord

router = APIRouter(prefix="/v1/documents", tags=["documents"])

DocumentId = Annotated[int, Path(ge=1, le=2**31 - 1, description="storage id from a persisted extraction")]


@router.get(
    "/{document_id}",
    response_model=StoredDocument,
    summary="A persisted document with its events",
    responses=problem_responses(404, 422, 503),
)
def get_document(document_id: DocumentId, db_session: SessionDep) -> StoredDocument:
    record = documents.get(db_session=db_session, document_id=document_id)
    if record is None:
        raise HTTPException(404, detail=f"no document with id {document_id}")
    return stored_document(record)


def stored_document(record: DocumentRecord) -> StoredDocument:
    """The API view of a stored document: every field but the events is the record's column of
    the same name (a field the record lacks fails loudly); the events are their stored JSON."""
    columns = {name: getattr(record, name) for name in StoredDocument.model_fields if name != "events"}
    return StoredDocument(**columns, events=[Event.model_validate(event.data) for event in record.events])


@router.delete(
    "/{document_id}",
    status_code=204,
    response_class=Response,
    summary="Delete a document and its events",
    responses=problem_responses(404, 422, 503),
)
def delete_document(document_id: DocumentId, db_session: SessionDep) -> Response:
    if not documents.delete(db_session=db_session, document_id=document_id):
        raise HTTPException(404, detail=f"no document with id {document_id}")
    return Response(status_code=204)
