"""The benchmark's load generator over real loopback HTTP, against a stand-in server whose speed is known.

The stand-in answers like POST /v1/extract after holding one of its "workers" for a fixed time,
one request at a time per worker, each keep-alive connection staying with the worker that
accepted it (as uvicorn's workers do). What the generator reports can then be checked against
what the stand-in must have done. No eventex speed is asserted here.
"""
from __future__ import annotations

import itertools
import json
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.loadgen import Connections, Job, LoadGenerator, run  # noqa: E402

SERVICE_S = 0.05
BODY = json.dumps({"text": "Ministers met in Oslo.", "published_at": "2024-01-02"}).encode()


def stand_in(workers: int, status: int = 200, answer: bytes = b'{"events": []}'):
    locks = [threading.Lock() for _ in range(workers)]
    next_worker = itertools.cycle(range(workers))

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive

        def setup(self) -> None:
            super().setup()
            self.lock = locks[next(next_worker)]

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers["Content-Length"]))
            with self.lock:
                time.sleep(SERVICE_S)
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *_: object) -> None:
            pass

    return ThreadingHTTPServer(("127.0.0.1", 0), Handler)


@pytest.fixture
def serving(request) -> Iterator[int]:
    server = stand_in(*request.param)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("serving, expected_rate", [((1,), 1 / SERVICE_S), ((2,), 2 / SERVICE_S)], indirect=["serving"])
def test_the_saturated_rate_is_what_the_workers_sustain(serving, expected_rate):
    outcome = run(Job(serving, "/v1/extract", [BODY] * 40, clients=8), Connections())

    assert outcome.errors == 0 and outcome.problem is None
    assert len(outcome.latencies) == 40
    # From the first answer to the first one after the last request was sent: 40 - 8 answers.
    assert outcome.saturated_answers == 40 - 8
    assert outcome.saturated_seconds < outcome.seconds
    rate = outcome.saturated_answers / outcome.saturated_seconds
    assert 0.8 * expected_rate < rate <= 1.02 * expected_rate
    # Waiting on sockets costs the generator almost nothing beside what it waits for.
    assert outcome.cpu_seconds < 0.25 * outcome.seconds


@pytest.mark.parametrize("serving", [(1,)], indirect=True)
def test_too_short_a_stream_is_measured_whole(serving):
    outcome = run(Job(serving, "/v1/extract", [BODY] * 4, clients=8), Connections())

    assert (outcome.saturated_answers, outcome.saturated_seconds) == (4, outcome.seconds)


@pytest.mark.parametrize(
    "server, problem, errors",
    [
        (lambda: stand_in(1, status=500), None, 3),  # each answer counts by its status
        (lambda: stand_in(1, answer=b"<html>"), "the answer is not JSON", 1),
        (lambda: stand_in(1, answer=b'{"detail": "?"}'), "the answer has no 'events' list", 1),
    ],
)
def test_a_wrong_answer_is_an_error(server, problem, errors):
    stand = server()
    threading.Thread(target=stand.serve_forever, daemon=True).start()
    try:
        outcome = run(Job(stand.server_address[1], "/v1/extract", [BODY] * 3, clients=2), Connections())
    finally:
        stand.shutdown()
        stand.server_close()

    assert outcome.problem == problem
    assert outcome.errors == errors


@pytest.mark.parametrize("serving", [(2,)], indirect=True)
def test_the_generator_process_runs_jobs_and_reports_its_own_cpu(serving):
    with LoadGenerator() as generator:
        first = generator.run(Job(serving, "/v1/extract", [BODY] * 10, clients=4))
        again = generator.run(Job(serving, "/v1/extract", [BODY] * 10, clients=4))

    assert generator.process.exitcode == 0
    for outcome in (first, again):
        assert outcome.statuses == {200: 10}
        assert 0 < outcome.cpu_seconds < outcome.seconds
