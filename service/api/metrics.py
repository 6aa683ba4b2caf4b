"""Prometheus metrics of the service and the ``GET /metrics`` route that exposes them.

With several worker processes (``eventex serve --workers N``) each worker has its own counters.
prometheus-client then keeps them in files under ``PROMETHEUS_MULTIPROC_DIR``, and ``/metrics``,
whichever worker answers it, adds up the files of all workers. The variable must be set before
this module is imported (``eventex serve`` does it); without it the counters live in memory.
"""
from __future__ import annotations

import os
import time

from fastapi import APIRouter
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client import generate_latest, multiprocess
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.extraction.models import Event

MULTIPROC_DIR_VARIABLE = "PROMETHEUS_MULTIPROC_DIR"

# Article extraction takes 0.05–2 s; these buckets resolve that range and the fast routes below it.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)

HTTP_REQUESTS = Counter(
    "eventex_http_requests_total", "HTTP requests answered", ["method", "route", "status"]
)
HTTP_LATENCY = Histogram(
    "eventex_http_request_duration_seconds",
    "Time from receiving a request to the end of its response",
    ["method", "route"],
    buckets=LATENCY_BUCKETS,
)
PIPELINE_TIME = Histogram(
    "eventex_pipeline_duration_seconds",
    "Time spent in the NLP pipeline per call (one article, or one batch)",
    buckets=LATENCY_BUCKETS,
)
DOCUMENTS = Counter("eventex_documents_extracted_total", "Articles run through the NLP pipeline")
EVENTS = Counter("eventex_events_extracted_total", "Events found in articles", ["type"])
QUEUE_DEPTH = Gauge(
    "eventex_extraction_queue_depth",
    "Extraction requests admitted and not finished (running or waiting for the pipeline)",
    multiprocess_mode="livesum",
)
OVERLOAD_REJECTIONS = Counter(
    "eventex_overload_rejections_total", "Extraction requests answered 503 because the queue was full"
)

router = APIRouter(tags=["health"])


# Left out of the OpenAPI document: it is for the Prometheus scraper, not for API clients.
@router.get("/metrics", include_in_schema=False)
def metrics() -> Response:
    return Response(generate_latest(_registry()), media_type=CONTENT_TYPE_LATEST)


def _registry() -> CollectorRegistry:
    if os.environ.get(MULTIPROC_DIR_VARIABLE):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return registry
    return REGISTRY


def record_extraction(events: list[Event], seconds: float, documents: int = 1) -> None:
    PIPELINE_TIME.observe(seconds)
    DOCUMENTS.inc(documents)
    for event in events:
        EVENTS.labels(type=event.type).inc()


def forget_this_process() -> None:
    """On a worker's shutdown: drop its live gauges (the queue depth) from the shared files."""
    if os.environ.get(MULTIPROC_DIR_VARIABLE):
        multiprocess.mark_process_dead(os.getpid())


class RequestMetricsMiddleware:
    """Pure ASGI middleware: counts responses and times them by route template.

    The route template ("/v1/documents/{document_id}"), not the path, labels a request, so the
    number of series stays bounded; requests that match no route are labelled "unmatched".
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_and_note_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_and_note_status)
        finally:
            # The router stores the matched route in the scope it was given, which is this one.
            route = getattr(scope.get("route"), "path", "unmatched")
            method = scope.get("method", "")
            HTTP_REQUESTS.labels(method=method, route=route, status=str(status)).inc()
            HTTP_LATENCY.labels(method=method, route=route).observe(time.perf_counter() - started)
