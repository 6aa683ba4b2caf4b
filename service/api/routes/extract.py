"""POST /v1/extract and /v1/extract/batch: events in one article or in several, optionally persisted."""
from __future__ import annotations

import hashlib
import time

from fastapi import APIRouter, Depends, HTTPException
from sqlalchemy.orm import Session

from service.api.deps import ExtractorDep, SessionDep, require_json
from service.api.metrics import record_extraction
from service.api.overload import admit_extraction
from service.api.problems import problem_responses
from service.api.schemas import (
    MAX_BATCH_DOCUMENTS,
    BatchExtractRequest,
    BatchExtractResponse,
    DocumentInfo,
    ExtractionMeta,
    ExtractRequest,
    ExtractResponse,
    anchor_date,
)
from service.extraction import Extractor
from service.storage import documents

router = APIRouter(prefix="/v1", tags=["extraction"])


def extract_response(extractor: Extractor, request: ExtractRequest) -> ExtractResponse:
    """Run the extractor on one article and shape the result as the API answers it."""
    return extract_responses(extractor, [request])[0]


def extract_responses(extractor: Extractor, requests: list[ExtractRequest]) -> list[ExtractResponse]:
    """Run the extractor on articles in one ``nlp.pipe`` batch, one response each, in order.

    ``took_ms`` of each is the batch's time shared equally: a batch's documents are parsed together.
    """
    anchors = [anchor_date(request.published_at) for request in requests]
    started = time.perf_counter()
    extractions = extractor.extract_many(zip((request.text for request in requests), anchors))
    took_s = time.perf_counter() - started
    record_extraction([event for extraction in extractions for event in extraction.events], took_s, len(requests))
    meta = ExtractionMeta(
        pipeline=extractor.pipeline_name,
        pipeline_version=extractor.pipeline_version,
        extractor_version=extractor.extractor_version,
        took_ms=round(took_s * 1000 / max(len(requests), 1), 3),
    )
    responses = []
    for request, published_at, extraction in zip(requests, anchors, extractions):
        document = DocumentInfo(
            id=None,
            content_sha256=hashlib.sha256(request.text.encode("utf-8")).hexdigest(),
            published_at=published_at,
            **request.model_dump(include={"url", "title", "source", "external_id", "language"}),
        )
        responses.append(
            ExtractResponse(
                document=document,
                events=extraction.events,
                temporal_expressions=extraction.temporal_expressions,
                meta=meta,
            )
        )
    return responses


def persist_response(db_session: Session, request: ExtractRequest, response: ExtractResponse) -> ExtractResponse:
    """Store the document and its events; the response, with the document's storage id."""
    stored = documents.persist(
        db_session=db_session,
        text=request.text,
        content_sha256=response.document.content_sha256,
        published_at=response.document.published_at,
        events=response.events,
        extractor_version=response.meta.extractor_version,
        language=request.language,
        external_id=request.external_id,
        url=request.url,
        title=request.title,
        source=request.source,
    )
    return response.model_copy(update={"document": response.document.model_copy(update={"id": stored.id})})


def require_within_pipeline_limit(extractor: Extractor, text: str) -> None:
    """422 for a text longer than spaCy accepts (``nlp.max_length``), which it would refuse with an error.

    The body size limit normally keeps texts shorter, but it is configured separately.
    """
    limit = extractor.nlp.max_length
    if len(text) > limit:
        raise HTTPException(422, detail=f"text is {len(text)} characters long; the limit is {limit}")


@router.post(
    "/extract",
    response_model=ExtractResponse,
    summary="Extract the events an article reports",
    dependencies=[Depends(admit_extraction), Depends(require_json)],
    responses=problem_responses(400, 413, 415, 422, 503),
)
def extract(body: ExtractRequest, extractor: ExtractorDep, db_session: SessionDep) -> ExtractResponse:
    # A sync endpoint: FastAPI runs it in its threadpool, so CPU-bound spaCy stays off the event loop.
    require_within_pipeline_limit(extractor, body.text)
    response = extract_response(extractor, body)
    return persist_response(db_session, body, response) if body.persist else response


@router.post(
    "/extract/batch",
    response_model=BatchExtractResponse,
    summary=f"Extract the events of up to {MAX_BATCH_DOCUMENTS} articles at once",
    description="The articles are parsed together (spaCy's nlp.pipe), which costs less per article than "
    "one request each. Each result has the shape of a POST /v1/extract response, in the order of "
    "`documents`; each document's own `persist` says whether it is stored.",
    dependencies=[Depends(admit_extraction), Depends(require_json)],
    responses=problem_responses(400, 413, 415, 422, 503),
)
def extract_batch(body: BatchExtractRequest, extractor: ExtractorDep, db_session: SessionDep) -> BatchExtractResponse:
    for request in body.documents:
        require_within_pipeline_limit(extractor, request.text)
    responses = extract_responses(extractor, body.documents)
    return BatchExtractResponse(
        results=[
            persist_response(db_session, request, response) if request.persist else response
            for request, response in zip(body.documents, responses)
        ]
    )
