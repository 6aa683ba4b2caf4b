"""API keys, CORS, what error responses may reveal, and where the running service writes."""
from __future__ import annotations

import hmac
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from service.api import create_app
from service.api.security import key_matches
from service.settings import Settings
from service.storage.database import make_engine
from service.storage.models import Base

REPO = Path(__file__).resolve().parent.parent
PROBLEM = "application/problem+json"
SENTENCE = "Delegates from Chile and Peru met in Lima on Friday to discuss fishing rights."
KEYS = "first-key-7d1c, second-key-93ab"


@pytest.fixture
def make_client(tmp_path, extractor):
    """Start the app with some settings changed; every client is closed at the end of the test."""
    clients = []

    def make(*, extractor_override=None, raise_server_exceptions=True, **changes) -> TestClient:
        settings = Settings(DATABASE_URL=f"sqlite:///{tmp_path}/eventex.db", **changes)
        if not clients:
            Base.metadata.create_all(make_engine(settings.database_url))
        app = create_app(settings, extractor=extractor_override or extractor)
        client = TestClient(app, raise_server_exceptions=raise_server_exceptions)
        clients.append(client.__enter__())
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


def v1_operations(client: TestClient) -> list[tuple[str, str]]:
    """(method, concrete path) of every /v1 operation the app documents, so new routes are covered too."""
    operations = []
    for path, methods in client.get("/openapi.json").json()["paths"].items():
        if path.startswith("/v1/"):
            concrete = path.replace("{document_id}", "1").replace("{event_id}", "evt_1")
            operations += [(method.upper(), concrete) for method in methods]
    return operations


def assert_unauthorized(response) -> None:
    assert response.status_code == 401, response.text
    assert response.headers["content-type"] == PROBLEM
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert response.json()["status"] == 401


def test_without_configured_keys_the_api_is_open(make_client):
    client = make_client()
    assert client.post("/v1/extract", json={"text": SENTENCE}).status_code == 200


def test_with_keys_every_v1_operation_needs_one(make_client):
    client = make_client(api_keys=KEYS)
    operations = v1_operations(client)
    assert ("POST", "/v1/extract") in operations and ("DELETE", "/v1/documents/1") in operations
    for method, path in operations:
        response = client.request(method, path, json={"text": SENTENCE} if method == "POST" else None)
        assert_unauthorized(response)


def test_a_wrong_key_is_refused_in_either_header(make_client):
    client = make_client(api_keys=KEYS)
    assert_unauthorized(client.get("/v1/events", headers={"Authorization": "Bearer first-key-7d1"}))
    assert_unauthorized(client.get("/v1/events", headers={"X-API-Key": "first-key-7d1cX"}))
    assert_unauthorized(client.get("/v1/events", headers={"Authorization": "Basic Zmlyc3Qta2V5LTdkMWM="}))
    # A right key does not excuse a wrong one sent alongside it.
    assert_unauthorized(
        client.get("/v1/events", headers={"X-API-Key": "first-key-7d1c", "Authorization": "Bearer guess"})
    )


def test_a_configured_key_opens_the_api_in_either_header(make_client):
    client = make_client(api_keys=KEYS)
    assert client.get("/v1/events", headers={"Authorization": "Bearer first-key-7d1c"}).status_code == 200
    assert client.get("/v1/events", headers={"X-API-Key": "second-key-93ab"}).status_code == 200
    extracted = client.post("/v1/extract", json={"text": SENTENCE}, headers={"X-API-Key": "second-key-93ab"})
    assert extracted.status_code == 200 and extracted.json()["events"]


def test_probes_and_the_spec_stay_open_when_keys_are_set(make_client):
    client = make_client(api_keys=KEYS)
    assert client.get("/livez").status_code == 200
    assert client.get("/readyz").status_code == 200
    assert client.get("/openapi.json").status_code == 200


def test_keys_come_from_the_environment_and_stay_out_of_the_settings_repr(monkeypatch):
    monkeypatch.setenv("EVENTEX_API_KEYS", " alpha-1 ,beta-2,, ")
    settings = Settings()
    assert settings.api_key_set == ("alpha-1", "beta-2")
    assert "alpha-1" not in repr(settings)


def test_key_comparison_checks_every_key_in_constant_time(monkeypatch):
    compared = []
    real_compare = hmac.compare_digest

    def recording_compare(a, b):
        compared.append(b)
        return real_compare(a, b)

    monkeypatch.setattr("service.api.security.hmac.compare_digest", recording_compare)
    assert key_matches("one", ("one", "two", "three"))
    assert len(compared) == 3  # no early exit after the match
    assert not key_matches("\ud800", ("one",))  # a lone surrogate in a header is just a wrong key


def test_the_spec_declares_both_ways_of_sending_a_key(make_client):
    spec = make_client().get("/openapi.json").json()
    schemes = spec["components"]["securitySchemes"]
    assert schemes["BearerKey"] == {**schemes["BearerKey"], "type": "http", "scheme": "bearer"}
    assert schemes["ApiKeyHeader"]["in"] == "header" and schemes["ApiKeyHeader"]["name"] == "X-API-Key"
    assert spec["paths"]["/v1/extract"]["post"]["security"] == [{"BearerKey": []}, {"ApiKeyHeader": []}]
    assert "401" in spec["paths"]["/v1/events"]["get"]["responses"]
    assert "security" not in spec["paths"]["/readyz"]["get"]


def test_cors_is_off_unless_configured(make_client):
    client = make_client()
    preflight = client.options(
        "/v1/extract", headers={"Origin": "https://news.example", "Access-Control-Request-Method": "POST"}
    )
    assert "access-control-allow-origin" not in preflight.headers
    simple = client.get("/v1/events", headers={"Origin": "https://news.example"})
    assert "access-control-allow-origin" not in simple.headers


def test_cors_allows_only_the_configured_origins(make_client):
    client = make_client(cors_origins="https://news.example, https://desk.example")
    allowed = client.options(
        "/v1/extract",
        headers={
            "Origin": "https://desk.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type, x-api-key",
        },
    )
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == "https://desk.example"
    other = client.get("/v1/events", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in other.headers


LEAKS = ("Traceback", 'File "', "/opt/", "/tmp", str(REPO), "SELECT", "INSERT", "sqlite", "psycopg", "password")


def assert_reveals_nothing(response) -> None:
    assert response.headers["content-type"] == PROBLEM, response.text
    for leak in LEAKS:
        assert leak not in response.text, f"{leak!r} in {response.status_code} body: {response.text}"


def test_an_unexpected_error_is_a_bare_500(make_client, wrap_extractor):
    def explode(items, batch_size=16):
        # Fails the way a bug deep inside would: with a message full of internals.
        raise RuntimeError('File "/opt/venv/lib/secret.py", line 3: SELECT password FROM users')

    client = make_client(extractor_override=wrap_extractor(explode), raise_server_exceptions=False)
    response = client.post("/v1/extract", json={"text": SENTENCE})
    assert response.status_code == 500
    assert_reveals_nothing(response)


def test_database_and_input_errors_reveal_no_internals(tmp_path, extractor):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    settings = Settings(DATABASE_URL=f"sqlite:///{blocker}/eventex.db")
    with TestClient(create_app(settings, extractor=extractor)) as client:
        responses = [
            client.get("/readyz"),
            client.post("/v1/extract", json={"text": SENTENCE, "persist": True}),
            client.get("/v1/events", params={"cursor": "bm90IGEgY3Vyc29y"}),
            client.post("/v1/extract", content=b'{"text": "broken', headers={"Content-Type": "application/json"}),
            client.post("/v1/extract", content=b"\xff\xfe", headers={"Content-Type": "application/json"}),
            client.get("/v1/documents/not-a-number"),
        ]
    assert [response.status_code for response in responses] == [503, 503, 422, 422, 422, 422]
    for response in responses:
        assert_reveals_nothing(response)


def test_the_image_runs_as_an_unprivileged_user_without_writing_bytecode():
    dockerfile = (REPO / "Dockerfile").read_text()
    final_stage = dockerfile.rsplit("\nFROM ", 1)[1]
    users = [line.split()[1] for line in final_stage.splitlines() if line.startswith("USER ")]
    assert users and users[-1] not in ("root", "0")
    assert "PYTHONDONTWRITEBYTECODE=1" in final_stage


# Runs in a fresh interpreter: an audit hook sees every file opened for writing, every directory
# made and every file removed or renamed by Python code, and every SQLite database opened.
WRITE_AUDIT = textwrap.dedent(
    """
    import json, os, sys

    written = []

    def audit(event, args):
        if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
            mode, flags = args[1], args[2]
            if (mode and any(c in mode for c in "wax+")) or (flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)):
                written.append(os.fsdecode(args[0]))
        elif event in ("os.mkdir", "os.remove", "os.rename", "os.rmdir", "shutil.rmtree"):
            written.append(os.fsdecode(args[0]))
        elif event == "sqlite3.connect":
            written.append(os.fsdecode(args[0]))

    sys.addaudithook(audit)

    from fastapi.testclient import TestClient
    from service.api import create_app
    from service.cli import main as eventex
    from service.settings import Settings

    assert eventex(["migrate"]) == 0  # as the container does before serving
    with TestClient(create_app(Settings())) as client:
        body = {"text": sys.argv[1], "published_at": "2024-05-03", "persist": True}
        assert client.post("/v1/extract", json=body).status_code == 200
        assert client.get("/v1/events").status_code == 200
    print(json.dumps(written))
    """
)


def test_the_service_writes_only_into_its_data_directory(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    env = {
        **os.environ,
        "PYTHONDONTWRITEBYTECODE": "1",
        "HOME": str(data),
        "DATABASE_URL": f"sqlite:///{data}/eventex.db",
    }
    result = subprocess.run(
        [sys.executable, "-c", WRITE_AUDIT, SENTENCE], env=env, cwd=data, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
    written = json.loads(result.stdout.strip().splitlines()[-1])
    assert written, "the audit hook saw nothing: it is not watching"
    outside = [path for path in written if not os.path.abspath(path).startswith(str(data))]
    assert outside == []
