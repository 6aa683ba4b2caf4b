"""Answer 504 when a request takes longer than a deadline, instead of leaving the caller waiting."""
from __future__ import annotations

import asyncio
import logging

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.api.problems import problem_response

log = logging.getLogger(__name__)


class RequestDeadlineMiddleware:
    """Pure ASGI middleware: a request without a response after ``seconds`` gets a 504 problem.

    The work itself cannot be stopped: spaCy runs in a worker thread, and a thread cannot be
    interrupted. It finishes in the background and its late answer is dropped. A persist that was
    under way may therefore still be committed after the 504; persisting the same document again
    replaces it, so a client can simply retry.
    A response that has already started is left to finish: its status line is out.
    """

    def __init__(self, app: ASGIApp, seconds: float) -> None:
        self.app = app
        self.seconds = seconds
        # Tasks that outlived their deadline, kept referenced until they end (asyncio holds weak refs).
        self._abandoned: set[asyncio.Task[None]] = set()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        response_started = False
        timed_out = False

        async def send_unless_timed_out(message: Message) -> None:
            nonlocal response_started
            if timed_out:
                return
            if message["type"] == "http.response.start":
                response_started = True
            await send(message)

        task = asyncio.ensure_future(self.app(scope, receive, send_unless_timed_out))
        done, _ = await asyncio.wait({task}, timeout=self.seconds)
        if task in done or response_started:
            await task
            return

        timed_out = True
        self._abandoned.add(task)
        task.add_done_callback(self._forget)
        task.cancel()
        log.warning("%s %s: no response after %ss, answered 504", scope.get("method"), scope.get("path"), self.seconds)
        response = problem_response(
            504, f"the request took longer than {self.seconds:g} seconds", instance=scope.get("path")
        )
        await response(scope, receive, send)

    def _forget(self, task: asyncio.Task[None]) -> None:
        self._abandoned.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.warning("a request that timed out failed afterwards: %r", task.exception())
