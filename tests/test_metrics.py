"""GET /metrics over real HTTP: Prometheus text that counts requests, events and pipeline time,
in one process (TestClient) and added up over the workers of `eventex serve --workers 2`."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

ARTICLE = {
    "text": "The defence ministers of Poland and Lithuania met in Vilnius on Monday. "
    "Their armies will hold a joint exercise in the spring.",
    "published_at": "2024-02-14",
}


def samples(metrics_text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of the exposition, keyed by name and sorted labels."""
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(metrics_text)
        for sample in family.samples
    }


def value(found: dict, name: str, **labels: str) -> float:
    return found.get((name, tuple(sorted(labels.items()))), 0.0)


def test_metrics_are_prometheus_text(sqlite_client):
    response = sqlite_client.get("/metrics")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    names = {family.name for family in text_string_to_metric_families(response.text)}
    assert {
        "eventex_http_requests",
        "eventex_http_request_duration_seconds",
        "eventex_events_extracted",
        "eventex_documents_extracted",
        "eventex_pipeline_duration_seconds",
        "eventex_extraction_queue_depth",
    } <= names


def test_an_extraction_is_counted_with_its_events_and_timings(sqlite_client):
    before = samples(sqlite_client.get("/metrics").text)

    result = sqlite_client.post("/v1/extract", json=ARTICLE).json()

    after = samples(sqlite_client.get("/metrics").text)
    route = {"method": "POST", "route": "/v1/extract"}
    assert value(after, "eventex_http_requests_total", status="200", **route) == (
        value(before, "eventex_http_requests_total", status="200", **route) + 1
    )
    assert value(after, "eventex_http_request_duration_seconds_count", **route) == (
        value(before, "eventex_http_request_duration_seconds_count", **route) + 1
    )
    assert value(after, "eventex_documents_extracted_total") == value(before, "eventex_documents_extracted_total") + 1
    assert value(after, "eventex_pipeline_duration_seconds_count") == (
        value(before, "eventex_pipeline_duration_seconds_count") + 1
    )
    assert value(after, "eventex_pipeline_duration_seconds_sum") > value(before, "eventex_pipeline_duration_seconds_sum")
    assert result["events"], "the article reports events"
    for event_type in ("meeting", "exercise", "agreement"):
        found = sum(1 for event in result["events"] if event["type"] == event_type)
        assert value(after, "eventex_events_extracted_total", type=event_type) == (
            value(before, "eventex_events_extracted_total", type=event_type) + found
        )


def test_a_batch_counts_each_document(sqlite_client):
    before = samples(sqlite_client.get("/metrics").text)

    sqlite_client.post("/v1/extract/batch", json={"documents": [ARTICLE] * 3})

    after = samples(sqlite_client.get("/metrics").text)
    assert value(after, "eventex_documents_extracted_total") == value(before, "eventex_documents_extracted_total") + 3


def test_requests_are_labelled_by_route_template_not_path(client):
    before = samples(client.get("/metrics").text)

    client.get("/v1/documents/12345")
    client.get("/v1/documents/67890")
    client.get("/no/such/page")

    after = samples(client.get("/metrics").text)
    document = {"method": "GET", "route": "/v1/documents/{document_id}", "status": "404"}
    unmatched = {"method": "GET", "route": "unmatched", "status": "404"}
    assert value(after, "eventex_http_requests_total", **document) == value(before, "eventex_http_requests_total", **document) + 2
    assert value(after, "eventex_http_requests_total", **unmatched) == value(before, "eventex_http_requests_total", **unmatched) + 1
    assert not any("12345" in str(labels) for _, labels in after)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def two_workers(tmp_path: Path, stop_server):
    """`eventex serve --workers 2` on a free loopback port; yields its base URL."""
    port = free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}/eventex.db"}
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)  # eventex serve makes its own
    log = open(tmp_path / "serve.log", "wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "service.cli", "serve", "--workers", "2", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert server.poll() is None, (tmp_path / "serve.log").read_text()
            assert time.monotonic() < deadline, "the workers did not get ready in 120 s"
            # /readyz answers from whichever worker is up; uvicorn logs each worker's startup.
            if (tmp_path / "serve.log").read_text(errors="replace").count("Application startup complete") == 2:
                try:
                    if httpx.get(f"{base_url}/readyz").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
            time.sleep(0.5)
        yield base_url
    finally:
        stop_server(server)
        log.close()


def test_two_workers_report_the_sum_of_their_counts(two_workers):
    probes, extractions = 40, 4

    def fresh_connection_get(_: int) -> int:
        return httpx.get(f"{two_workers}/livez", headers={"Connection": "close"}).status_code

    with ThreadPoolExecutor(8) as pool:
        assert set(pool.map(fresh_connection_get, range(probes))) == {200}
        posted = list(pool.map(lambda _: httpx.post(f"{two_workers}/v1/extract", json=ARTICLE, timeout=60), range(extractions)))
    assert {response.status_code for response in posted} == {200}

    # Whichever worker answers a scrape, it reports what both did.
    for _ in range(6):
        found = samples(httpx.get(f"{two_workers}/metrics", headers={"Connection": "close"}).text)
        assert value(found, "eventex_http_requests_total", method="GET", route="/livez", status="200") == probes
        assert value(found, "eventex_documents_extracted_total") == extractions
        assert value(found, "eventex_extraction_queue_depth") == 0
