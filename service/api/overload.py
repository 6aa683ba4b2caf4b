"""Overload protection: a worker admits a bounded number of extraction requests, and says 503 beyond.

A worker has one spaCy pipeline and runs one extraction at a time on it (the Extractor's lock);
the others wait their turn. Without a bound, a burst would pile up waiting requests whose
latency grows without limit until callers time out. With it, a request that would wait behind
``max_waiting`` others is answered at once with 503 and ``Retry-After``, and the caller (or the
load balancer) can try another replica or come back later.
"""
from __future__ import annotations

from collections.abc import AsyncIterator

from fastapi import HTTPException, Request

from service.api.metrics import OVERLOAD_REJECTIONS, QUEUE_DEPTH


class ExtractionQueue:
    """Counts the extraction requests a worker has admitted: one running, up to ``max_waiting`` waiting.

    Only touched from the event loop (see ``admit_extraction``), so it needs no lock.
    """

    def __init__(self, max_waiting: int, retry_after_s: int) -> None:
        self.capacity = 1 + max_waiting
        self.retry_after_s = retry_after_s
        self.admitted = 0

    def try_enter(self) -> bool:
        if self.admitted >= self.capacity:
            return False
        self.admitted += 1
        QUEUE_DEPTH.inc()
        return True

    def leave(self) -> None:
        self.admitted -= 1
        QUEUE_DEPTH.dec()


async def admit_extraction(request: Request) -> AsyncIterator[None]:
    """Dependency of the extraction routes: hold a place in the queue for the request's duration.

    An async dependency runs on the event loop, not in the thread pool where the waiting
    requests sit, so the check answers at once however many requests are waiting.
    """
    queue: ExtractionQueue = request.app.state.extraction_queue
    if not queue.try_enter():
        OVERLOAD_REJECTIONS.inc()
        raise HTTPException(
            503,
            detail=f"the service is busy ({queue.admitted} extraction requests running or waiting); retry later",
            headers={"Retry-After": str(queue.retry_after_s)},
        )
    try:
        yield
    finally:
        queue.leave()
