"""The ``eventex`` console script, run as a user would: in a subprocess."""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
EVENTEX = Path(sys.executable).parent / "eventex"
ARTICLE = "Trade ministers from Vietnam and Thailand met in Hanoi on Friday to discuss rice exports.\n"


def eventex(*args: str, cwd: Path, env: dict[str, str] | None = None, stdin: str | None = None):
    assert EVENTEX.exists(), f"console script missing: install the project (pip install -e .) into {sys.prefix}"
    return subprocess.run(
        [str(EVENTEX), *args], cwd=cwd, input=stdin, capture_output=True, text=True, timeout=300,
        env={**os.environ, **(env or {})},
    )


def test_openapi_prints_the_committed_spec(tmp_path):
    result = eventex("openapi", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert yaml.safe_load(result.stdout) == yaml.safe_load((REPO / "openapi.yaml").read_text(encoding="utf-8"))


def test_extract_prints_the_api_response_for_a_file(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")

    result = eventex("extract", str(article), "--published-at", "2024-05-18", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    response = json.loads(result.stdout)
    assert set(response) == {"document", "events", "temporal_expressions", "meta"}
    assert response["document"]["content_sha256"] == hashlib.sha256(ARTICLE.encode()).hexdigest()
    assert response["document"]["published_at"] == "2024-05-18"


def test_extract_reads_standard_input(tmp_path):
    result = eventex("extract", "-", cwd=tmp_path, stdin=ARTICLE)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["document"]["content_sha256"] == hashlib.sha256(ARTICLE.encode()).hexdigest()


def test_extract_rejects_a_bad_date(tmp_path):
    result = eventex("extract", "-", "--published-at", "yesterday", cwd=tmp_path, stdin=ARTICLE)
    assert result.returncode == 2
    assert "published_at" in result.stderr


def test_migrate_creates_the_schema_from_any_directory(tmp_path):
    database = tmp_path / "nested" / "dir" / "eventex.db"
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    env = {"DATABASE_URL": f"sqlite:///{database}"}

    first = eventex("migrate", cwd=elsewhere, env=env)
    again = eventex("migrate", cwd=elsewhere, env=env)

    assert first.returncode == 0, first.stderr
    assert again.returncode == 0, again.stderr
    with sqlite3.connect(database) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"documents", "events", "event_participants", "alembic_version"} <= tables


@pytest.mark.parametrize("args", [[], ["frobnicate"], ["extract"]])
def test_usage_errors_exit_2(tmp_path, args):
    assert eventex(*args, cwd=tmp_path).returncode == 2


def test_migrate_reports_an_unreachable_database_briefly(tmp_path):
    result = eventex("migrate", cwd=tmp_path, env={"DATABASE_URL": "postgresql+psycopg://postgres@127.0.0.1:9/none"})
    assert result.returncode == 1
    assert "cannot use the database" in result.stderr
    assert "Traceback" not in result.stderr
