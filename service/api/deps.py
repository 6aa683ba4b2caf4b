"""FastAPI dependencies: the per-process extractor and settings, a database session per request."""
from __future__ import annotations

import email.message
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from sqlalchemy.orm import Session

from service.extraction import Extractor
from service.settings import Settings


def get_settings_from_app(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def get_extractor(request: Request) -> Extractor:
    return request.app.state.extractor  # type: ignore[no-any-return]


def get_db(request: Request) -> Iterator[Session]:
    # The session connects lazily: a request that never queries never touches the database.
    with request.app.state.session_factory() as session:
        yield session


SettingsDep = Annotated[Settings, Depends(get_settings_from_app)]
ExtractorDep = Annotated[Extractor, Depends(get_extractor)]
SessionDep = Annotated[Session, Depends(get_db)]


def require_json(request: Request) -> None:
    """415 unless the body is declared as JSON (application/json or application/*+json)."""
    declared = request.headers.get("content-type", "")
    message = email.message.Message()
    message["content-type"] = declared
    subtype = message.get_content_subtype()
    if not declared or message.get_content_maintype() != "application" or not (
        subtype == "json" or subtype.endswith("+json")
    ):
        raise HTTPException(415, detail="the request body must be JSON (Content-Type: application/json)")
