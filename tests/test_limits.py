"""Limits the service enforces, each answered with a problem+json of the right status.

Some of these run against a real uvicorn server on a loopback port: what a test client does
with a chunked body or a late response is not necessarily what an HTTP server does.
"""
from __future__ import annotations

import http.client
import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from service.api import create_app
from service.settings import Settings
from service.storage.database import make_engine
from service.storage.models import Base

PROBLEM = "application/problem+json"
SENTENCE = "The foreign ministers of Ghana and Togo met in Accra on Thursday."


@contextmanager
def serving(app: FastAPI) -> Iterator[tuple[str, int]]:
    """Run ``app`` under uvicorn on a free loopback port, in a thread, for the ``with`` block."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield "127.0.0.1", port
    finally:
        server.should_exit = True
        thread.join(30)
        listener.close()


def post(address: tuple[str, int], path: str, body, *, chunked: bool = False, timeout: float = 60):
    """POST over a fresh connection; returns (status, headers, parsed JSON body)."""
    connection = http.client.HTTPConnection(*address, timeout=timeout)
    try:
        headers = {"Content-Type": "application/json"}
        if chunked:
            headers["Transfer-Encoding"] = "chunked"
        connection.request("POST", path, body=body, headers=headers, encode_chunked=chunked)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), json.loads(response.read() or b"null")
    finally:
        connection.close()


def database_url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path}/eventex.db"
    Base.metadata.create_all(make_engine(url))
    return url


def test_a_chunked_body_over_the_limit_is_413_from_a_real_server(tmp_path, extractor):
    settings = Settings(DATABASE_URL=database_url(tmp_path), max_text_bytes=5_000)
    body = json.dumps({"text": "word " * 4_000}).encode()

    def pieces():
        for start in range(0, len(body), 1_000):
            yield body[start:start + 1_000]

    with serving(create_app(settings, extractor=extractor)) as address:
        status, headers, problem = post(address, "/v1/extract", pieces(), chunked=True)
        assert status == 413
        assert headers["content-type"] == PROBLEM
        assert "5000 bytes" in problem["detail"]
        # A body within the limit, also chunked, goes through.
        small = json.dumps({"text": SENTENCE}).encode()
        status, _, result = post(address, "/v1/extract", iter([small[:20], small[20:]]), chunked=True)
        assert status == 200 and result["events"]


def test_the_default_body_limit_keeps_texts_within_what_spacy_accepts(extractor):
    # A JSON body of N bytes cannot carry a text of more than N characters.
    assert Settings().max_text_bytes <= extractor.nlp.max_length


def test_a_text_longer_than_spacy_accepts_is_422_not_500(tmp_path, extractor):
    limit = extractor.nlp.max_length
    settings = Settings(DATABASE_URL=database_url(tmp_path), max_text_bytes=limit + 1_000)
    with TestClient(create_app(settings, extractor=extractor)) as client:
        started = time.monotonic()
        response = client.post("/v1/extract", json={"text": "x" * (limit + 1)})
        assert response.status_code == 422
        assert response.headers["content-type"] == PROBLEM
        assert str(limit) in response.json()["detail"]
        assert time.monotonic() - started < 10  # refused before the pipeline runs


class SlowExtractor:
    """The real extractor, made to take ``delay`` seconds longer, the way an enormous text would."""

    def __init__(self, real, delay: float) -> None:
        self.real, self.delay = real, delay
        self.finished = threading.Event()

    def __getattr__(self, name):
        return getattr(self.real, name)

    def extract(self, text, published_at=None):
        return self.extract_many([(text, published_at)])[0]

    def extract_many(self, items, batch_size=16):
        time.sleep(self.delay)
        try:
            return self.real.extract_many(items, batch_size)
        finally:
            self.finished.set()


@pytest.mark.parametrize("persist", [False, True])
def test_a_request_past_its_deadline_is_answered_504_in_time(tmp_path, extractor, persist):
    settings = Settings(DATABASE_URL=database_url(tmp_path), request_timeout_s=0.5)
    slow = SlowExtractor(extractor, delay=3)
    app = create_app(settings, extractor=slow)
    with serving(app) as address:
        started = time.monotonic()
        status, headers, problem = post(address, "/v1/extract", json.dumps({"text": SENTENCE, "persist": persist}))
        took = time.monotonic() - started
        assert status == 504
        assert headers["content-type"] == PROBLEM
        assert problem["status"] == 504 and "0.5 seconds" in problem["detail"]
        assert took < 2.5, f"the 504 came after {took:.1f}s"

        # The server still answers; the abandoned work ends in the background.
        connection = http.client.HTTPConnection(*address, timeout=10)
        connection.request("GET", "/livez")
        assert connection.getresponse().status == 200
        connection.close()
        # ... and it does end: nothing is left running to be counted in a later test's metrics.
        assert slow.finished.wait(30), "the abandoned extraction never finished"
        time.sleep(0.5)  # the route counts it in the metrics right after the extractor returns


def test_a_request_within_its_deadline_is_untouched(tmp_path, extractor):
    settings = Settings(DATABASE_URL=database_url(tmp_path), request_timeout_s=20)
    with serving(create_app(settings, extractor=SlowExtractor(extractor, delay=0.5))) as address:
        status, _, result = post(address, "/v1/extract", json.dumps({"text": SENTENCE}))
        assert status == 200 and result["events"]


def test_a_batch_over_its_size_limit_is_422_and_one_at_the_limit_passes(tmp_path, extractor):
    from service.api.schemas import MAX_BATCH_DOCUMENTS

    settings = Settings(DATABASE_URL=database_url(tmp_path))
    article = {"text": "Envoys of Laos and Vietnam met on Monday."}
    with TestClient(create_app(settings, extractor=extractor)) as client:
        too_many = client.post("/v1/extract/batch", json={"documents": [article] * (MAX_BATCH_DOCUMENTS + 1)})
        assert too_many.status_code == 422
        assert too_many.headers["content-type"] == PROBLEM
        assert too_many.json()["errors"][0]["loc"] == ["body", "documents"]
        at_limit = client.post("/v1/extract/batch", json={"documents": [article] * MAX_BATCH_DOCUMENTS})
        assert at_limit.status_code == 200
        assert len(at_limit.json()["results"]) == MAX_BATCH_DOCUMENTS


def test_a_filter_given_twice_is_422_not_silently_the_last_one(tmp_path, extractor):
    settings = Settings(DATABASE_URL=database_url(tmp_path))
    with TestClient(create_app(settings, extractor=extractor)) as client:
        response = client.get("/v1/events", params=[("country", "PER"), ("country", "CHL"), ("limit", "5")])
        assert response.status_code == 422
        assert response.headers["content-type"] == PROBLEM
        assert "country" in response.json()["detail"]
        # Parameters the API does not take are none of its business, repeated or not.
        assert client.get("/v1/events", params=[("utm_source", "a"), ("utm_source", "b")]).status_code == 200


@pytest.mark.parametrize("value", ["1700000000", "-3.0e-72", "2024-5-6", "٢٠٢٤-٠٥-٠٦", "2024-02-30"])
def test_a_date_filter_must_be_an_iso_date(tmp_path, extractor, value):
    settings = Settings(DATABASE_URL=database_url(tmp_path))
    with TestClient(create_app(settings, extractor=extractor)) as client:
        response = client.get("/v1/events", params={"date_from": value})
        assert response.status_code == 422, f"{value!r} was taken as a date"
        assert response.json()["errors"][0]["loc"] == ["query", "date_from"]
        assert client.get("/v1/events", params={"date_from": "2024-05-06"}).status_code == 200
