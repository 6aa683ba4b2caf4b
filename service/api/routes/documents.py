"""Persisted documents: read one with its events, or delete it."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Response

from service.api.deps import SessionDep
from service.api.problems import problem_responses
from service.api.schemas import StoredDocument
from service.extraction.models import Event
from service.storage import documents

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
    return StoredDocument(
        id=record.id,
        external_id=record.external_id,
        url=record.url,
        title=record.title,
        source=record.source,
        language=record.language,
        content_sha256=record.content_sha256,
        published_at=record.published_at,
        text=record.text,
        extractor_version=record.extractor_version,
        created_at=record.created_at,
        updated_at=record.updated_at,
        events=[Event.model_validate(event.data) for event in record.events],
    )


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
