"""POST /v1/extract: events in one article, optionally persisted."""
from __future__ import annotations

import hashlib
import time

from fastapi import APIRouter, Depends, HTTPException

from service.api.deps import ExtractorDep, SessionDep, require_json
from service.api.problems import problem_responses
from service.api.schemas import DocumentInfo, ExtractionMeta, ExtractRequest, ExtractResponse, anchor_date
from service.extraction import Extractor
from service.storage import documents

router = APIRouter(prefix="/v1", tags=["extraction"])


def extract_response(extractor: Extractor, request: ExtractRequest) -> ExtractResponse:
    """Run the extractor on one article and shape the result as the API answers it."""
    published_at = anchor_date(request.published_at)
    started = time.perf_counter()
    extraction = extractor.extract(request.text, published_at)
    took_ms = (time.perf_counter() - started) * 1000
    document = DocumentInfo(
        id=None,
        content_sha256=hashlib.sha256(request.text.encode("utf-8")).hexdigest(),
        published_at=published_at,
        **request.model_dump(include={"url", "title", "source", "external_id", "language"}),
    )
    return ExtractResponse(
        document=document,
        events=extraction.events,
        temporal_expressions=extraction.temporal_expressions,
        meta=ExtractionMeta(
            pipeline=extractor.pipeline_name,
            pipeline_version=extractor.pipeline_version,
            extractor_version=extractor.extractor_version,
            took_ms=round(took_ms, 3),
        ),
    )


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
    dependencies=[Depends(require_json)],
    responses=problem_responses(400, 413, 415, 422, 503),
)
def extract(body: ExtractRequest, extractor: ExtractorDep, db_session: SessionDep) -> ExtractResponse:
    # A sync endpoint: FastAPI runs it in its threadpool, so CPU-bound spaCy stays off the event loop.
    require_within_pipeline_limit(extractor, body.text)
    response = extract_response(extractor, body)
    if not body.persist:
        return response
    stored = documents.persist(
        db_session=db_session,
        text=body.text,
        content_sha256=response.document.content_sha256,
        published_at=response.document.published_at,
        events=response.events,
        extractor_version=response.meta.extractor_version,
        language=body.language,
        external_id=body.external_id,
        url=body.url,
        title=body.title,
        source=body.source,
    )
    return response.model_copy(update={"document": response.document.model_copy(update={"id": stored.id})})
