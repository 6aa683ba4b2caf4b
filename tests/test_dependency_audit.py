""".ci/audit_dependencies.py, run as CI runs it, against an index on loopback serving JSON in the
shape of the package index's JSON API (the real one is only reachable in part from CI; see
docs/reliability.md). These tests show that a known vulnerability fails the audit, that an
acceptance needs a reason, and that a partial or impossible audit is not passed off as a full one.
"""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / ".ci" / "audit_dependencies.py"

FLAW = {"id": "PYSEC-2099-1", "aliases": ["GHSA-aaaa-bbbb-cccc", "CVE-2099-1"], "fixed_in": ["2.0.1"],
        "link": "https://example.invalid/PYSEC-2099-1", "withdrawn": None}
FLAW_AS_GHSA = {**FLAW, "id": "GHSA-aaaa-bbbb-cccc", "aliases": ["PYSEC-2099-1", "CVE-2099-1"]}


def project(version: str, *vulnerabilities: dict) -> dict:
    return {"info": {"version": version}, "vulnerabilities": list(vulnerabilities)}


@pytest.fixture
def index() -> Iterator[dict[str, dict]]:
    """Documents served under http://127.0.0.1:PORT/pypi; the dict's "url" entry names the base."""
    documents: dict = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            document = documents.get(self.path.removeprefix("/pypi"))
            body = json.dumps(document).encode() if document is not None else b"{}"
            self.send_response(200 if document is not None else 404)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    documents["url"] = f"http://127.0.0.1:{server.server_address[1]}/pypi"
    yield documents
    server.shutdown()
    server.server_close()


def run_audit(tmp_path: Path, index_url: str, pins: str, accepted: str = "") -> subprocess.CompletedProcess:
    (tmp_path / "installed.txt").write_text(pins, encoding="utf-8")
    (tmp_path / "accepted.txt").write_text(accepted, encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path / "installed.txt"), str(tmp_path / "accepted.txt"),
         "--index", index_url, "--deadline", "20"],
        capture_output=True, text=True, timeout=60,
    )


def test_a_known_vulnerability_fails_the_audit_once_per_flaw(index, tmp_path):
    index["/lib-one/json"] = project("2.0.0", FLAW, FLAW_AS_GHSA)
    index["/safe/json"] = project("1.0")

    result = run_audit(tmp_path, index["url"], "Lib_One==2.0.0\nsafe==1.0\n")

    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.count("VULNERABLE:") == 1
    assert "VULNERABLE: Lib_One 2.0.0: PYSEC-2099-1" in result.stdout
    assert "2 packages audited, 0 partly audited, 0 not audited of 2: 1 known vulnerabilities" in result.stdout


def test_an_accepted_vulnerability_passes_only_with_a_reason(index, tmp_path):
    index["/lib-one/json"] = project("2.0.0", FLAW, FLAW_AS_GHSA)

    with_reason = run_audit(tmp_path, index["url"], "lib-one==2.0.0\n", "CVE-2099-1 lib-one  eventex never calls it\n")
    assert with_reason.returncode == 0, with_reason.stdout
    assert "accepted: lib-one 2.0.0: PYSEC-2099-1: eventex never calls it" in with_reason.stdout

    without_reason = run_audit(tmp_path, index["url"], "lib-one==2.0.0\n", "CVE-2099-1 lib-one\n")
    assert without_reason.returncode == 1
    assert "needs a reason" in without_reason.stdout


def test_an_older_pin_is_audited_by_release_where_the_index_answers_and_partly_otherwise(index, tmp_path):
    index["/by-release/json"] = project("3.0")
    index["/by-release/2.0/json"] = project("2.0", FLAW)
    index["/latest-only/json"] = project("3.0")

    result = run_audit(tmp_path, index["url"], "by-release==2.0\nlatest-only==2.0\n")

    assert result.returncode == 1
    assert "VULNERABLE: by-release 2.0: PYSEC-2099-1" in result.stdout
    assert "partly audited, 1 package older than their latest release" in result.stdout
    assert "latest-only 2.0 (latest 3.0; could be upgraded)" in result.stdout
    assert "1 packages audited, 1 partly audited, 0 not audited of 2" in result.stdout


def test_a_partly_audited_pin_says_what_holds_it_back(index, tmp_path):
    # What the audited environment itself holds: the installed spaCy caps thinc below 8.4.
    index["/thinc/json"] = project("99.0")
    index["/needs-new-python/json"] = {**project("5.0"), "info": {"version": "5.0", "requires_python": ">=3.99"}}

    result = run_audit(tmp_path, index["url"], "thinc==8.3.14\nneeds-new-python==4.0\n")

    assert result.returncode == 0, result.stdout
    assert "thinc 8.3.14 (latest 99.0; held back: spacy requires thinc<8.4.0" in result.stdout
    assert "needs-new-python 4.0 (latest 5.0; 5.0 needs Python >=3.99)" in result.stdout


def test_withdrawn_advisories_and_packages_missing_from_the_index(index, tmp_path):
    index["/lib-one/json"] = project("2.0.0", {**FLAW, "withdrawn": "2099-02-01T00:00:00"})

    result = run_audit(tmp_path, index["url"], "lib-one==2.0.0\nprivate-thing==1.0\n")

    assert result.returncode == 0, result.stdout
    assert "not audited, 1 package: private-thing 1.0 (not on the index)" in result.stdout
    assert "1 packages audited, 0 partly audited, 1 not audited of 2: 0 known vulnerabilities" in result.stdout


def test_no_index_reachable_says_not_audited(tmp_path):
    with socket.socket() as unused:  # a port that was free a moment ago: connections are refused
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]

    result = run_audit(tmp_path, f"http://127.0.0.1:{port}/pypi", "lib-one==2.0.0\n")

    assert result.returncode == 0, result.stdout
    assert "NOT AUDITED" in result.stdout
    assert "packages audited" not in result.stdout
