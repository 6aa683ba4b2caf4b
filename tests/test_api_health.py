"""Probes, and how the API behaves when the database cannot be reached."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from service.api import create_app
from service.settings import Settings

SENTENCE = "Diplomats from Norway and Iceland met in Oslo on Tuesday."


def test_live_and_ready(client):
    assert client.get("/livez").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json() == {"status": "ok"}


@pytest.fixture(params=["sqlite-under-a-file", "postgresql-closed-port"])
def unreachable_database_url(request, tmp_path):
    if request.param == "sqlite-under-a-file":
        blocker = tmp_path / "not-a-directory"
        blocker.write_text("a file where a directory should be")
        return f"sqlite:///{blocker}/eventex.db"
    return "postgresql+psycopg://postgres@127.0.0.1:9/eventex"  # port 9 (discard): nothing listens


@pytest.fixture
def client_without_database(unreachable_database_url, extractor):
    with TestClient(create_app(Settings(DATABASE_URL=unreachable_database_url), extractor=extractor)) as client:
        yield client


def assert_unavailable(response) -> None:
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    detail = response.json()["detail"]
    assert "SELECT" not in detail and "/" not in detail and "Traceback" not in detail


def test_not_ready_without_a_database(client_without_database):
    assert client_without_database.get("/livez").status_code == 200
    assert_unavailable(client_without_database.get("/readyz"))


def test_extraction_works_without_a_database_until_asked_to_persist(client_without_database):
    assert client_without_database.post("/v1/extract", json={"text": SENTENCE}).status_code == 200
    assert_unavailable(client_without_database.post("/v1/extract", json={"text": SENTENCE, "persist": True}))
    assert_unavailable(client_without_database.get("/v1/events"))
    assert_unavailable(client_without_database.get("/v1/documents/1"))
    assert_unavailable(client_without_database.delete("/v1/documents/1"))
