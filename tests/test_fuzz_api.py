"""Fuzz every operation of openapi.yaml with schemathesis against the app, its lifespan started.

Each operation gets FUZZ_EXAMPLES valid requests and as many invalid ones (wrong types,
missing fields, values outside the documented ranges). Every response must be documented in
openapi.yaml (status, media type, body schema) and none may be a 5xx: the database is up and
the service is idle, so a 503 here would be a bug too. Set EVENTEX_FUZZ_EXAMPLES to fuzz
longer locally, and EVENTEX_FUZZ_RANDOM=1 to send new requests rather than the same ones.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.python import asgi
from schemathesis.specs.openapi.checks import positive_data_acceptance

from service.api import create_app
from service.settings import Settings
from service.storage.database import make_engine
from service.storage.models import Base

# The fuzzed app requires this key, so that schemathesis also checks that requests without a
# key, or with a wrong one, are refused.
API_KEY = "fuzzing-key-5e0f"
SPEC_FILE = Path(__file__).resolve().parent.parent / "openapi.yaml"
FUZZ_EXAMPLES = int(os.environ.get("EVENTEX_FUZZ_EXAMPLES", "300"))


@pytest.fixture(scope="module")
def fuzzed_app(tmp_path_factory, extractor):
    url = f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'eventex.db'}"
    Base.metadata.create_all(make_engine(url))
    app = create_app(Settings(DATABASE_URL=url, api_keys=API_KEY), extractor=extractor)
    yield app
    # schemathesis started the lifespan on the first request and keeps it for the process: stop it.
    assert app.state.extractor is extractor, "the lifespan never ran"
    asgi.shutdown_lifespans()


@pytest.fixture(scope="module")
def api_schema(fuzzed_app):
    # The committed file, not the app's own /openapi.json: it is what clients are generated from
    # (tests/test_openapi.py checks that the two agree).
    schema = schemathesis.openapi.from_path(SPEC_FILE)
    schema.app = fuzzed_app
    return schema


# Loaded at import only to list the operations: one test per operation and generation mode.
# (schemathesis.pytest.from_fixture does not work with pytest 9: it reads a removed attribute.)
SPEC = schemathesis.openapi.from_path(SPEC_FILE)
OPERATIONS = [result.ok() for result in SPEC.get_all_operations()]
CASES = [pytest.param(operation.label, GenerationMode.POSITIVE, id=f"{operation.label}-valid") for operation in OPERATIONS]
# Only an operation that takes input can be sent invalid input.
CASES += [
    pytest.param(operation.label, GenerationMode.NEGATIVE, id=f"{operation.label}-invalid")
    for operation in OPERATIONS
    if operation.definition.raw.get("parameters") or operation.definition.raw.get("requestBody")
]


def refusal_is_expected(case) -> bool:
    """A schema-valid request that the service rightly refuses for a reason the schema cannot state."""
    query = case.query or {}
    # A cursor is opaque: only the ones the service handed out are valid.
    if "cursor" in query:
        return True
    # The range of dates must not be reversed.
    return "date_from" in query and "date_to" in query and str(query["date_from"]) > str(query["date_to"])


@pytest.mark.parametrize("label, mode", CASES)
def test_every_operation_answers_as_documented(api_schema, label, mode):
    operation = api_schema.find_operation_by_label(label)
    sent = 0

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=FUZZ_EXAMPLES,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        # The same requests on every run, so that the suite gives one answer; set
        # EVENTEX_FUZZ_RANDOM=1 to explore new ones (schemathesis then also reports requests whose
        # invalid value serializes into a valid one, such as a list ["false"] sent as participant=false).
        derandomize=not os.environ.get("EVENTEX_FUZZ_RANDOM"),
        database=None,
    )
    def answers_as_documented(case):
        nonlocal sent
        sent += 1
        case.call_and_validate(
            headers={"X-API-Key": API_KEY, "Authorization": f"Bearer {API_KEY}"},
            excluded_checks=[positive_data_acceptance] if refusal_is_expected(case) else None,
        )

    answers_as_documented()
    print(f"{label} {mode.value}: {sent} requests")  # shown with -rP; the figures in docs/reliability.md


def test_every_documented_operation_is_fuzzed():
    labels = {operation.label for operation in OPERATIONS}
    assert {"POST /v1/extract", "GET /v1/events", "DELETE /v1/documents/{document_id}", "GET /readyz"} <= labels
    assert len(CASES) > len(OPERATIONS)  # invalid input too
