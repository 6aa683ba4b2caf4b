"""The benchmark's HTTP load generator, in a process of its own.

bench/benchmark.py starts it once (``LoadGenerator``) and hands it jobs: request bodies already
encoded as bytes, a path, a number of clients. Each client is a thread with a keep-alive
``http.client`` connection of its own; it reads each answer's status and bytes and decodes only
the first answer of a job, to check that it is what the service answers. In its own process the
clients do not share the measuring process's interpreter lock, and the CPU time they take is
measured (``Outcome.cpu_seconds``) so that a reader sees what the generator cost the machine.
"""
from __future__ import annotations

import http.client
import json
import multiprocessing
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from multiprocessing.connection import Connection

REQUEST_TIMEOUT_S = 120
HEADERS = {"Content-Type": "application/json"}


@dataclass
class Job:
    port: int
    path: str
    bodies: list[bytes]
    clients: int = 1
    # What the first answer must carry: "events" for /v1/extract, "results" for the batch endpoint.
    expect_key: str = "events"


@dataclass
class Outcome:
    seconds: float  # from the first request sent to the last answer read
    # While every client still had a request to send, every one had a request in flight: the
    # service was held at the job's concurrency. After the last request is sent the job drains,
    # and a worker whose share of the last requests is done has nothing left to do. These two
    # count from the first answer (all workers started at once, none has an answer counted for
    # work begun earlier) to the first answer read after the last request was sent: the rate at
    # which a server holding `clients` requests answers. With too few requests for such a
    # stretch, they are the whole job's.
    saturated_seconds: float
    saturated_answers: int
    latencies: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    cpu_seconds: float = 0.0  # this process, all its threads, during the job
    problem: str | None = None  # what was wrong with a 200 answer sampled, if anything

    @property
    def errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status != 200) + (self.problem is not None)


class Connections:
    """Keep-alive connections by (port, client), kept from job to job."""

    def __init__(self) -> None:
        self.open: dict[tuple[int, int], http.client.HTTPConnection] = {}

    def post(self, port: int, client: int, path: str, body: bytes) -> tuple[int, bytes]:
        key = (port, client)
        reused = key in self.open
        try:
            return self._post(key, path, body)
        except (BrokenPipeError, ConnectionResetError, http.client.RemoteDisconnected):
            if not reused:
                raise
            # The server closed the idle connection (uvicorn does after 5 s): once more, anew.
            return self._post(key, path, body)

    def _post(self, key: tuple[int, int], path: str, body: bytes) -> tuple[int, bytes]:
        connection = self.open.get(key)
        if connection is None:
            connection = self.open[key] = http.client.HTTPConnection("127.0.0.1", key[0], timeout=REQUEST_TIMEOUT_S)
        try:
            connection.request("POST", path, body=body, headers=HEADERS)
            response = connection.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException):
            connection.close()
            del self.open[key]
            raise
        if response.will_close:
            connection.close()
            del self.open[key]
        return response.status, data

    def close(self) -> None:
        for connection in self.open.values():
            connection.close()
        self.open.clear()


def run(job: Job, connections: Connections) -> Outcome:
    pending = list(reversed(job.bodies))
    lock = threading.Lock()
    latencies: list[float] = []
    statuses: Counter = Counter()
    sample: list[tuple[int, bytes, bytes]] = []
    first: list[float] = []  # when the first answer came
    drain: list[float] = []  # when the first answer came after the last request was sent
    answered_before_drain = 0
    all_sent = False

    def client(number: int) -> None:
        nonlocal answered_before_drain, all_sent
        while True:
            with lock:
                if not pending:
                    return
                body = pending.pop()
                all_sent = not pending
            started = time.perf_counter()
            try:
                status, data = connections.post(job.port, number, job.path, body)
            except (OSError, http.client.HTTPException):
                status, data = 0, b""  # counted as an error, like any answer but 200
            done = time.perf_counter()
            with lock:
                latencies.append(done - started)
                statuses[status] += 1
                if not sample:
                    sample.append((status, body, data))
                    first.append(done)
                if not drain:
                    answered_before_drain += 1
                    if all_sent:
                        drain.append(done)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(job.clients)]
    cpu_before = time.process_time()
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ended = time.perf_counter()
    cpu_seconds = time.process_time() - cpu_before
    saturated_answers = answered_before_drain - 1
    if not drain or saturated_answers < 1:
        saturated_seconds, saturated_answers = ended - started, len(latencies)
    else:
        saturated_seconds = drain[0] - first[0]
    return Outcome(
        seconds=ended - started,
        saturated_seconds=saturated_seconds,
        saturated_answers=saturated_answers,
        latencies=latencies,
        statuses=statuses,
        cpu_seconds=cpu_seconds,
        problem=check(job, *sample[0]) if sample else None,
    )


def check(job: Job, status: int, body: bytes, data: bytes) -> str | None:
    """What is wrong with one answer, or None: the sample that stands for a job's correctness.

    An answer that is not 200 is an error already, counted by its status.
    """
    if status != 200:
        return None
    try:
        answer = json.loads(data)
        sent = json.loads(body)
    except ValueError:
        return "the answer is not JSON"
    if not isinstance(answer.get(job.expect_key), list):
        return f"the answer has no {job.expect_key!r} list"
    if job.expect_key == "results" and len(answer["results"]) != len(sent["documents"]):
        return "the batch answer has not one result per document"
    return None


def serve(jobs: Connection) -> None:
    """The generator process: run each job received, send back its outcome; stop on None."""
    connections = Connections()
    while (job := jobs.recv()) is not None:
        jobs.send(run(job, connections))
    connections.close()


class LoadGenerator:
    """The generator process, seen from the benchmark."""

    def __init__(self) -> None:
        # spawn: a fresh interpreter, without the benchmark's loaded pipelines in its memory.
        context = multiprocessing.get_context("spawn")
        self.jobs, theirs = context.Pipe()
        self.process = context.Process(target=serve, args=(theirs,), name="eventex-loadgen", daemon=True)
        self.process.start()
        theirs.close()

    def run(self, job: Job) -> Outcome:
        self.jobs.send(job)
        return self.jobs.recv()

    def close(self) -> None:
        try:
            self.jobs.send(None)
        except OSError:
            pass
        self.process.join(10)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()

    def __enter__(self) -> LoadGenerator:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
