"""The FastAPI application factory."""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI

from service import __version__
from service.api.body_limit import BodySizeLimitMiddleware
from service.api.deadline import RequestDeadlineMiddleware
from service.api.metrics import RequestMetricsMiddleware, forget_this_process
from service.api.metrics import router as metrics_router
from service.api.overload import ExtractionQueue
from service.api.problems import install_problem_handlers, problem_responses, use_problem_media_type
from service.api.routes import documents, events, extract, health
from service.api.security import install_cors, require_api_key
from service.extraction import Extractor
from service.settings import Settings, get_settings
from service.storage.database import make_engine, make_session_factory


def create_app(settings: Settings | None = None, *, extractor: Extractor | None = None) -> FastAPI:
    """Build the app. The lifespan loads one Extractor (unless one is given) and one engine.

    Passing ``extractor`` lets many apps share one loaded spaCy pipeline (tests).
    """
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.extractor = extractor or Extractor(settings.spacy_model)
        app.state.engine = make_engine(settings.database_url)
        app.state.session_factory = make_session_factory(app.state.engine)
        try:
            yield
        finally:
            app.state.engine.dispose()
            forget_this_process()

    app = FastAPI(
        title="eventex",
        version=__version__,
        summary="Meetings, military exercises and agreements reported in news articles",
        description="Errors are application/problem+json (RFC 9457).",
        lifespan=lifespan,
        # Operation ids become method names in generated clients: keep them short.
        generate_unique_id_function=lambda route: route.name,
    )
    app.state.settings = settings
    app.state.extraction_queue = ExtractionQueue(settings.max_queued_extractions, settings.overload_retry_after_s)
    install_problem_handlers(app)
    app.add_middleware(BodySizeLimitMiddleware, max_bytes=settings.max_text_bytes)
    install_cors(app, settings)
    # Outer to all but the metrics: the deadline covers everything below it, body reading included.
    app.add_middleware(RequestDeadlineMiddleware, seconds=settings.request_timeout_s)
    # Outside the deadline, so that its 504s are counted too.
    app.add_middleware(RequestMetricsMiddleware)
    app.include_router(health.router)  # probes stay open whatever the API keys
    app.include_router(metrics_router)  # as are the metrics, for the scraper
    for router in (extract.router, documents.router, events.router):
        app.include_router(router, dependencies=[Depends(require_api_key)], responses=problem_responses(401, 504))

    generate_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = use_problem_media_type(generate_openapi())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app
