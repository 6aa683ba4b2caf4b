"""`eventex serve` starts its workers with one math-library thread each, unless the operator said otherwise.

N workers on N cores each holding a BLAS/OpenMP pool sized to the machine would run N x cores
threads; the variables must be in the workers' environment before numpy loads, so they are
read where a user would look: /proc/<worker>/environ of a real `eventex serve --workers 2`.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="reads /proc")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def worker_pids(server_pid: int) -> list[int]:
    """uvicorn's worker processes: children of the server started by multiprocessing's spawn."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if parent == server_pid and b"spawn_main" in command:
            found.append(int(entry.name))
    return found


def environment_of(pid: int) -> dict[str, str]:
    entries = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    return dict(entry.decode().split("=", 1) for entry in entries if b"=" in entry)


def test_workers_get_one_math_thread_each_and_an_operator_setting_is_kept(tmp_path, stop_server):
    port = free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}/eventex.db", "OPENBLAS_NUM_THREADS": "2"}
    for variable in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS", "PROMETHEUS_MULTIPROC_DIR"):
        env.pop(variable, None)
    log_path = tmp_path / "serve.log"
    with open(log_path, "wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "service.cli", "serve", "--workers", "2", "--port", str(port)],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 120
            while log_path.read_text(errors="replace").count("Application startup complete") < 2:
                assert server.poll() is None, log_path.read_text()
                assert time.monotonic() < deadline, "the workers did not start in 120 s"
                time.sleep(0.5)
            assert httpx.get(f"http://127.0.0.1:{port}/livez").status_code == 200

            workers = worker_pids(server.pid)
            assert len(workers) == 2
            for pid in workers:
                environment = environment_of(pid)
                assert environment["OMP_NUM_THREADS"] == "1"
                assert environment["MKL_NUM_THREADS"] == "1"
                assert environment["BLIS_NUM_THREADS"] == "1"
                assert environment["OPENBLAS_NUM_THREADS"] == "2", "the operator's value is kept"
        finally:
            stop_server(server)
