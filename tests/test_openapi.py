"""The committed openapi.yaml is what the app serves, and every schema in it is typed."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from service.api import create_app
from service.settings import Settings

SPEC_FILE = Path(__file__).resolve().parent.parent / "openapi.yaml"


@pytest.fixture(scope="module")
def served_spec() -> dict:
    return create_app(Settings()).openapi()


def test_committed_spec_matches_the_app(served_spec):
    committed = yaml.safe_load(SPEC_FILE.read_text(encoding="utf-8"))
    assert committed == served_spec, "openapi.yaml is stale: run `eventex openapi > openapi.yaml`"


def test_the_spec_is_served_over_http(sqlite_client, served_spec):
    assert sqlite_client.get("/openapi.json").json() == served_spec


def untyped_schemas(node, path="#"):
    """Paths of schemas that say nothing about their content: {}, or an object without properties."""
    if isinstance(node, dict):
        is_schema_position = path.endswith(("/schema", "/items", "/additionalProperties")) or "/schemas/" in path
        if is_schema_position and not node:
            yield path
        if node.get("type") == "object" and "properties" not in node and not isinstance(node.get("additionalProperties"), dict):
            yield path
        if node.get("additionalProperties") is True:
            yield path
        for key, value in node.items():
            yield from untyped_schemas(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from untyped_schemas(value, f"{path}/{index}")


def test_no_schema_is_a_bare_object(served_spec):
    assert list(untyped_schemas(served_spec)) == []


def test_every_response_has_a_named_schema(served_spec):
    for path, operations in served_spec["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                if status == "204":
                    assert "content" not in response, f"{method} {path} 204 declares a body"
                    continue
                (media_type, content), = response["content"].items()
                expected = "application/json" if status.startswith("2") else "application/problem+json"
                assert media_type == expected, f"{method} {path} {status}"
                assert "$ref" in content["schema"], f"{method} {path} {status} has an inline schema"
                if status.startswith(("4", "5")):
                    assert content["schema"]["$ref"] == "#/components/schemas/Problem"


def test_events_use_the_core_event_model(served_spec):
    schemas = served_spec["components"]["schemas"]
    assert schemas["ExtractResponse"]["properties"]["events"]["items"] == {"$ref": "#/components/schemas/Event"}
    assert set(schemas["Event"]["properties"]) >= {"id", "type", "participants", "date", "trigger", "mentions"}
