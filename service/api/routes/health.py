"""Liveness and readiness probes (unversioned)."""
from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from sqlalchemy.exc import SQLAlchemyError

from service.api.problems import problem_responses
from service.api.schemas import HealthStatus
from service.storage.database import ping

router = APIRouter(tags=["health"])


@router.get("/livez", response_model=HealthStatus, summary="The process answers")
def livez() -> HealthStatus:
    return HealthStatus()


@router.get(
    "/readyz",
    response_model=HealthStatus,
    summary="The pipeline is loaded and the database answers",
    responses=problem_responses(503),
)
def readyz(request: Request) -> HealthStatus:
    if getattr(request.app.state, "extractor", None) is None:
        raise HTTPException(503, detail="the NLP pipeline is not loaded")
    try:
        ping(request.app.state.engine)
    except SQLAlchemyError:
        raise HTTPException(503, detail="the database is unavailable") from None
    return HealthStatus()
