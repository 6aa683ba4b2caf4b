"""Load benchmark: `eventex serve --workers 2` on loopback, 50 concurrent clients for 60 s.

    .venv/bin/python bench/load.py                     # SQLite in a temporary directory
    .venv/bin/python bench/load.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/test
    .venv/bin/python bench/load.py --duration 20 --clients 10 --json result.json

Each client loops until the time is up, sending one request at a time:
  40 %  POST /v1/extract with persist=true and a unique external_id (an article of a few sentences)
  30 %  POST /v1/extract without persisting
  20 %  GET /v1/events (a page of 20)
  10 %  GET /v1/documents/{id} of a document persisted earlier
It counts the answers by status: 503 with Retry-After is the service's deliberate backpressure
(its extraction queue is full) and is not a failure; every other 5xx, and every transport error,
is. Afterwards it reads the database directly: every persist the service acknowledged (200) must
be there, with its events. It samples the memory (RSS) of the server's processes every second.

Only 127.0.0.1 is ever contacted; requests are bounded by the duration and a per-request timeout.
The server is started here and stopped at the end. Exit status 1 when there was a failure or a
lost document.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from sqlalchemy import create_engine, func, select

REPO = Path(__file__).resolve().parent.parent
EVENTEX = Path(sys.executable).parent / "eventex"
REQUEST_TIMEOUT_S = 60

# Made-up news, varied enough that persisted documents differ and produce events.
COUNTRIES = ["Kenya", "Uganda", "Peru", "Chile", "Japan", "Egypt", "Norway", "Poland", "Ghana", "Vietnam"]
CITIES = ["Nairobi", "Lima", "Tokyo", "Cairo", "Oslo", "Warsaw", "Accra", "Hanoi"]
SENTENCES = [
    "The foreign ministers of {a} and {b} met in {city} on {day} to discuss border trade.",
    "{a} and {b} signed an agreement on fisheries after two days of talks.",
    "Troops from {a} and {b} will hold a joint military exercise near {city} next month.",
    "Officials said the two governments had not yet agreed on the cost of the new railway.",
    "Analysts in {city} expect the talks to continue later this year.",
    "The president of {a} is due to visit {b} in the spring, a spokesperson said on {day}.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def article(rng: random.Random) -> str:
    a, b = rng.sample(COUNTRIES, 2)
    sentences = [
        rng.choice(SENTENCES).format(a=a, b=b, city=rng.choice(CITIES), day=rng.choice(DAYS))
        for _ in range(rng.randint(4, 12))
    ]
    return " ".join(sentences)


@dataclass
class Tally:
    statuses: Counter = field(default_factory=Counter)
    by_kind: Counter = field(default_factory=Counter)
    backpressure: int = 0
    failures: list[str] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)
    acknowledged: dict[str, int] = field(default_factory=dict)  # external_id -> events in the answer
    document_ids: list[int] = field(default_factory=list)
    persist_attempts: set[str] = field(default_factory=set)


async def client_loop(number: int, base_url: str, until: float, tally: Tally) -> None:
    rng = random.Random(number)
    async with httpx.AsyncClient(base_url=base_url, timeout=REQUEST_TIMEOUT_S) as http:
        sequence = 0
        while time.monotonic() < until:
            roll = rng.random()
            sequence += 1
            external_id = None
            if roll < 0.4:
                kind = "persist"
                external_id = f"load-{number}-{sequence}"
                tally.persist_attempts.add(external_id)
                request = http.post(
                    "/v1/extract",
                    json={"text": article(rng), "published_at": "2024-05-06", "persist": True, "external_id": external_id},
                )
            elif roll < 0.7:
                kind = "extract"
                request = http.post("/v1/extract", json={"text": article(rng), "published_at": "2024-05-06"})
            elif roll < 0.9 or not tally.document_ids:
                kind = "list"
                request = http.get("/v1/events", params={"limit": 20, "country": rng.choice(["KEN", "PER", "JPN"])})
            else:
                kind = "document"
                request = http.get(f"/v1/documents/{rng.choice(tally.document_ids)}")
            started = time.monotonic()
            try:
                response = await request
            except httpx.HTTPError as error:
                tally.failures.append(f"{kind}: {type(error).__name__}: {error}")
                continue
            tally.by_kind[kind] += 1
            tally.statuses[response.status_code] += 1
            if response.status_code == 503 and "retry-after" in response.headers:
                tally.backpressure += 1
                await asyncio.sleep(float(response.headers["retry-after"]) * rng.uniform(0.5, 1.0))
                continue
            if response.status_code >= 500 or response.status_code not in (200, 404):
                tally.failures.append(f"{kind}: HTTP {response.status_code}: {response.text[:200]}")
                continue
            tally.latencies_ms.append((time.monotonic() - started) * 1000)
            if kind == "persist":
                body = response.json()
                tally.acknowledged[external_id] = len(body["events"])  # type: ignore[index]
                tally.document_ids.append(body["document"]["id"])


def server_processes(root_pid: int) -> list[int]:
    """The server's process and its descendants (uvicorn's worker processes)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, queue = [], [root_pid]
    while queue:
        pid = queue.pop()
        found.append(pid)
        queue.extend(children.get(pid, []))
    return found


def rss_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


async def sample_memory(root_pid: int, until: float, samples: list[dict[int, float]]) -> None:
    while time.monotonic() < until:
        samples.append({pid: rss_mib(pid) for pid in server_processes(root_pid)})
        await asyncio.sleep(1)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_ready(base_url: str, server: subprocess.Popen, timeout_s: float = 180) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited with status {server.returncode}")
        try:
            if httpx.get(f"{base_url}/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit("the server did not become ready")


def count_stored(database_url: str, external_ids: list[str]) -> tuple[set[str], dict[str, int]]:
    """Which of these external_ids are stored, and how many events each has."""
    from service.storage.models import DocumentRecord, EventRecord

    engine = create_engine(database_url)
    stored: set[str] = set()
    events: dict[str, int] = {}
    with engine.connect() as connection:
        for start in range(0, len(external_ids), 500):
            chunk = external_ids[start:start + 500]
            rows = connection.execute(
                select(DocumentRecord.external_id, func.count(EventRecord.id))
                .outerjoin(EventRecord, EventRecord.document_id == DocumentRecord.id)
                .where(DocumentRecord.external_id.in_(chunk))
                .group_by(DocumentRecord.external_id)
            )
            for external_id, count in rows:
                stored.add(external_id)
                events[external_id] = count
    engine.dispose()
    return stored, events


async def run_clients(base_url: str, clients: int, duration_s: float, root_pid: int) -> tuple[Tally, list, float]:
    tally = Tally()
    samples: list[dict[int, float]] = []
    started = time.monotonic()
    until = started + duration_s
    await asyncio.gather(
        sample_memory(root_pid, until, samples),
        *(client_loop(number, base_url, until, tally) for number in range(clients)),
    )
    return tally, samples, time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=float, default=60, help="seconds of load (default 60)")
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients (default 50)")
    parser.add_argument("--workers", type=int, default=2, help="server worker processes (default 2)")
    parser.add_argument("--database-url", help="default: SQLite in a temporary directory")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="eventex-load-") as scratch:
        database_url = args.database_url or f"sqlite:///{scratch}/eventex.db"
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        env = {**os.environ, "DATABASE_URL": database_url}
        subprocess.run([str(EVENTEX), "migrate"], env=env, check=True)
        server_log = open(Path(scratch) / "server.log", "w")  # one access line per request: kept out of the way
        server = subprocess.Popen(
            [str(EVENTEX), "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(args.workers)],
            env=env,
            stdout=server_log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            try:
                wait_until_ready(base_url, server)
            except SystemExit:
                print((Path(scratch) / "server.log").read_text()[-3000:], file=sys.stderr)
                raise
            idle_mib = sum(rss_mib(pid) for pid in server_processes(server.pid))
            tally, samples, took = asyncio.run(run_clients(base_url, args.clients, args.duration, server.pid))
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
            server_log.close()

        acknowledged = sorted(tally.acknowledged)
        stored, stored_events = count_stored(database_url, sorted(tally.persist_attempts))
        lost = [key for key in acknowledged if key not in stored]
        wrong_events = [key for key in acknowledged if key in stored and stored_events[key] != tally.acknowledged[key]]
        totals = [sum(sample.values()) for sample in samples] or [0.0]
        latencies = sorted(tally.latencies_ms) or [0.0]
        figures = {
            "duration_s": round(took, 1),
            "clients": args.clients,
            "workers": args.workers,
            "database": database_url.split(":", 1)[0],
            "requests": sum(tally.statuses.values()) + len([f for f in tally.failures if "HTTP" not in f]),
            "by_kind": dict(tally.by_kind),
            "statuses": {str(status): count for status, count in sorted(tally.statuses.items())},
            "backpressure_503": tally.backpressure,
            "failures": len(tally.failures),
            "failure_examples": tally.failures[:5],
            "persists_acknowledged": len(acknowledged),
            "persists_stored_of_all_attempted": len(stored),
            "acknowledged_but_missing": len(lost),
            "stored_with_other_event_count": len(wrong_events),
            "answered_per_s": round(len(tally.latencies_ms) / took, 1),
            "latency_ms": {
                "p50": round(statistics.median(latencies), 1),
                "p95": round(latencies[int(0.95 * (len(latencies) - 1))], 1),
                "max": round(latencies[-1], 1),
            },
            "server_rss_mib": {
                "idle": round(idle_mib, 1),
                "peak": round(max(totals), 1),
                "end": round(totals[-1], 1),
                # Growth that flattens out is warm-up; growth that goes on to the end may be a leak.
                "at_each_quarter": [round(totals[min(len(totals) - 1, len(totals) * q // 4)], 1) for q in (1, 2, 3, 4)],
                "processes": len(samples[-1]) if samples else 0,
            },
        }
    print(json.dumps(figures, indent=2))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
    return 1 if tally.failures or lost or wrong_events else 0


if __name__ == "__main__":
    sys.exit(main())
