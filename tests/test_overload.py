"""Overload protection over real HTTP (a live uvicorn server): a full queue answers 503 with Retry-After.

The pipeline is held busy by a gate, so the test decides when extractions may finish and does not
depend on how fast the machine is.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import httpx
import pytest
import uvicorn

from service.api import create_app
from service.extraction import Extractor
from service.settings import Settings

ARTICLE = {"text": "Ministers from Laos and Vietnam met in Hanoi on Tuesday.", "published_at": "2023-05-12"}
WAIT_S = 30


class GatedExtractor:
    """The real extractor, except that each extraction first waits for the gate to open."""

    def __init__(self, extractor: Extractor) -> None:
        self.real = extractor
        self.gate = threading.Event()
        self.nlp = extractor.nlp
        self.pipeline_name = extractor.pipeline_name
        self.pipeline_version = extractor.pipeline_version
        self.extractor_version = extractor.extractor_version

    def extract_many(self, items, batch_size: int = 16):
        assert self.gate.wait(WAIT_S), "the test never opened the gate"
        return self.real.extract_many(items, batch_size)


@contextmanager
def live_server(app) -> Iterator[str]:
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + WAIT_S
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(WAIT_S)


@pytest.fixture
def gated(extractor: Extractor) -> GatedExtractor:
    return GatedExtractor(extractor)


def queue_depth(base_url: str) -> float:
    for line in httpx.get(f"{base_url}/metrics").text.splitlines():
        if line.startswith("eventex_extraction_queue_depth "):
            return float(line.split()[1])
    raise AssertionError("/metrics has no eventex_extraction_queue_depth")


def wait_for_depth(base_url: str, depth: int) -> None:
    deadline = time.monotonic() + WAIT_S
    while queue_depth(base_url) != depth:
        assert time.monotonic() < deadline, f"the queue never reached {depth}"
        time.sleep(0.02)


def test_a_full_queue_answers_503_at_once_and_admits_again_when_drained(tmp_path, gated):
    settings = Settings(
        DATABASE_URL=f"sqlite:///{tmp_path}/eventex.db", max_queued_extractions=2, overload_retry_after_s=7
    )
    with live_server(create_app(settings, extractor=gated)) as base_url, ThreadPoolExecutor(3) as pool:
        # One running (held at the gate) and two waiting: the queue is full.
        admitted = [pool.submit(httpx.post, f"{base_url}/v1/extract", json=ARTICLE, timeout=WAIT_S) for _ in range(3)]
        wait_for_depth(base_url, 3)

        refused = httpx.post(f"{base_url}/v1/extract", json=ARTICLE, timeout=WAIT_S)
        refused_batch = httpx.post(f"{base_url}/v1/extract/batch", json={"documents": [ARTICLE]}, timeout=WAIT_S)

        assert not any(future.done() for future in admitted), "the refusals did not wait for the pipeline"
        for response in (refused, refused_batch):
            assert response.status_code == 503
            assert response.headers["content-type"] == "application/problem+json"
            assert response.headers["retry-after"] == "7"
            assert "busy" in response.json()["detail"]
        # Requests that need no extraction are still answered.
        assert httpx.get(f"{base_url}/livez").status_code == 200

        gated.gate.set()
        assert [future.result().status_code for future in admitted] == [200, 200, 200]
        wait_for_depth(base_url, 0)
        assert httpx.post(f"{base_url}/v1/extract", json=ARTICLE, timeout=WAIT_S).status_code == 200


def test_with_no_waiting_room_only_one_extraction_is_admitted(tmp_path, gated):
    settings = Settings(DATABASE_URL=f"sqlite:///{tmp_path}/eventex.db", max_queued_extractions=0)
    with live_server(create_app(settings, extractor=gated)) as base_url, ThreadPoolExecutor(1) as pool:
        running = pool.submit(httpx.post, f"{base_url}/v1/extract/batch", json={"documents": [ARTICLE] * 3}, timeout=WAIT_S)
        wait_for_depth(base_url, 1)

        refused = httpx.post(f"{base_url}/v1/extract", json=ARTICLE, timeout=WAIT_S)

        assert refused.status_code == 503
        assert refused.headers["retry-after"] == "1"  # the default
        gated.gate.set()
        assert running.result().status_code == 200
        assert len(running.result().json()["results"]) == 3


def test_rejections_are_counted_in_the_metrics(tmp_path, gated):
    settings = Settings(DATABASE_URL=f"sqlite:///{tmp_path}/eventex.db", max_queued_extractions=0)
    with live_server(create_app(settings, extractor=gated)) as base_url, ThreadPoolExecutor(1) as pool:
        def rejections() -> float:
            lines = httpx.get(f"{base_url}/metrics").text.splitlines()
            return next(float(l.split()[1]) for l in lines if l.startswith("eventex_overload_rejections_total "))

        before = rejections()
        running = pool.submit(httpx.post, f"{base_url}/v1/extract", json=ARTICLE, timeout=WAIT_S)
        wait_for_depth(base_url, 1)
        statuses = [httpx.post(f"{base_url}/v1/extract", json=ARTICLE, timeout=WAIT_S).status_code for _ in range(2)]
        gated.gate.set()

        assert statuses == [503, 503]
        assert running.result().status_code == 200
        assert rejections() == before + 2
