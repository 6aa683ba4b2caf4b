"""Bulk mode, run as a user would: `eventex extract --input ... --output ...` in a subprocess."""
from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from service.api.routes.extract import extract_response
from service.api.schemas import ExtractRequest
from service.storage.database import make_engine
from service.storage.models import DocumentRecord

ARTICLES = [
    {
        "external_id": "rail-1",
        "text": "Transport ministers of Kenya and Uganda met in Kampala on Thursday to plan a railway link.",
        "published_at": "2023-03-20",
    },
    {
        # The field names of a typical news dump: id and published.
        "id": 4711,
        "text": "Troops from Brazil and Argentina started a joint military exercise near the border on Monday.",
        "published": "2022-08-10 09:30:00Z",
        "section": "Americas",
    },
    {"text": "Farmers in the valley expect a good harvest this year.", "published_at": "2021-07-01"},
    {
        "text": "Sweden and Finland signed an agreement on shared air patrols in Stockholm last week.",
        "title": "Air patrols",
    },
]


def write_lines(path: Path, records: list) -> None:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")


def run_extract(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "service.cli", "extract", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


def read_results(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def articles_file(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    write_lines(path, ARTICLES)
    return path


def test_each_article_gets_the_api_response_in_input_order(tmp_path, articles_file, extractor):
    output = tmp_path / "events.jsonl"

    done = run_extract("--input", str(articles_file), "--output", str(output), "--processes", "1")

    assert done.returncode == 0, done.stderr
    assert "4 written" in done.stderr
    results = read_results(output)
    assert [r["document"]["external_id"] for r in results] == ["rail-1", "4711", None, None]
    assert results[1]["document"]["published_at"] == "2022-08-10"
    assert results[3]["document"]["title"] == "Air patrols"
    for article, result in zip(ARTICLES, results):
        expected = extract_response(extractor, ExtractRequest(text=article["text"], published_at=result["document"]["published_at"]))
        assert result["events"] == [e.model_dump(mode="json") for e in expected.events]
    assert [sorted({e["type"] for e in r["events"]}) for r in results] == [["meeting"], ["exercise"], [], ["agreement"]]


def test_a_stopped_run_resumes_without_repeating_documents(tmp_path, articles_file):
    output = tmp_path / "events.jsonl"
    assert run_extract("--input", str(articles_file), "--output", str(output), "--processes", "1").returncode == 0
    complete = output.read_text(encoding="utf-8").splitlines(keepends=True)
    # As if the first run had stopped while writing the third line.
    output.write_text(complete[0] + complete[1] + complete[2][:40], encoding="utf-8")

    resumed = run_extract("--input", str(articles_file), "--output", str(output), "--processes", "1")

    assert resumed.returncode == 0, resumed.stderr
    assert "2 written, 2 already in" in resumed.stderr
    assert output.read_text(encoding="utf-8").splitlines(keepends=True)[:2] == complete[:2]
    assert [r["document"]["content_sha256"] for r in read_results(output)] == [
        json.loads(line)["document"]["content_sha256"] for line in complete
    ]


def test_several_processes_give_the_same_results_in_the_same_order(tmp_path, articles_file):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    many = tmp_path / "many.jsonl"
    # Enough articles for every worker to get some (they take them in batches).
    write_lines(many, [{**a, "external_id": f"{n}-{i}"} for n in range(6) for i, a in enumerate(ARTICLES)])

    assert run_extract("--input", str(many), "--output", str(one), "--processes", "1").returncode == 0
    parallel = run_extract("--input", str(many), "--output", str(two), "--processes", "2")

    assert parallel.returncode == 0, parallel.stderr
    strip_timing = lambda r: {**r, "meta": {**r["meta"], "took_ms": None}}  # noqa: E731
    assert [strip_timing(r) for r in read_results(two)] == [strip_timing(r) for r in read_results(one)]
    assert len(read_results(two)) == 24


def test_invalid_lines_are_reported_by_number_and_the_others_extracted(tmp_path):
    articles = tmp_path / "articles.jsonl"
    articles.write_text(
        json.dumps(ARTICLES[0]) + "\n" + "{not json\n" + json.dumps({"text": ""}) + "\n" + json.dumps(ARTICLES[2]) + "\n",
        encoding="utf-8",
    )
    output = tmp_path / "events.jsonl"

    done = run_extract("--input", str(articles), "--output", str(output), "--processes", "1")

    assert done.returncode == 1
    assert f"{articles}:2:" in done.stderr
    assert f"{articles}:3: text:" in done.stderr
    assert "2 written" in done.stderr and "2 invalid" in done.stderr
    assert len(read_results(output)) == 2


def test_persist_stores_every_document(tmp_path, articles_file, database_url, engine):
    output = tmp_path / "events.jsonl"

    done = run_extract(
        "--input", str(articles_file), "--output", str(output), "--processes", "1", "--persist",
        env={"DATABASE_URL": database_url},
    )

    assert done.returncode == 0, done.stderr
    ids = [r["document"]["id"] for r in read_results(output)]
    assert all(isinstance(i, int) for i in ids) and len(set(ids)) == len(ARTICLES)
    with Session(make_engine(database_url)) as session:
        assert session.scalar(select(func.count()).select_from(DocumentRecord)) == len(ARTICLES)


def test_a_terminal_gets_a_progress_line_with_rate_and_eta(tmp_path, articles_file):
    output = tmp_path / "events.jsonl"
    controller, terminal = pty.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "service.cli", "extract", "--input", str(articles_file), "--output", str(output),
             "--processes", "1"],
            stdout=subprocess.DEVNULL,
            stderr=terminal,
        )
        assert process.wait(300) == 0
        os.close(terminal)
        shown = b""
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # the terminal is closed and drained
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(controller)
    text = shown.decode()
    assert "4/4 documents 100%" in text
    assert "docs/s" in text and "ETA" in text


def test_without_a_terminal_there_is_no_progress_line(tmp_path, articles_file):
    done = run_extract("--input", str(articles_file), "--output", str(tmp_path / "events.jsonl"), "--processes", "1")

    assert "ETA" not in done.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--input", "articles.jsonl"],  # no --output
        ["article.txt", "--output", "events.jsonl"],  # --output without --input
        ["--input", "missing.jsonl", "--output", "events.jsonl"],
        [],
    ],
)
def test_wrong_arguments_exit_2_with_a_message(tmp_path, args):
    (tmp_path / "articles.jsonl").write_text(json.dumps(ARTICLES[0]) + "\n")
    (tmp_path / "article.txt").write_text(ARTICLES[0]["text"])

    done = subprocess.run(
        [sys.executable, "-m", "service.cli", "extract", *args], capture_output=True, text=True, cwd=tmp_path, timeout=60,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
    )

    assert done.returncode == 2
    assert done.stderr.startswith("eventex extract:")


def test_an_output_file_of_something_else_is_left_alone(tmp_path, articles_file):
    output = tmp_path / "notes.jsonl"
    output.write_text('{"shopping": ["bread", "milk"]}\n', encoding="utf-8")

    done = run_extract("--input", str(articles_file), "--output", str(output))

    assert done.returncode == 2
    assert "is not a result of eventex extract" in done.stderr
    assert output.read_text(encoding="utf-8") == '{"shopping": ["bread", "milk"]}\n'
