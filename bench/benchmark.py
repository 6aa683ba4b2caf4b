#!/usr/bin/env python3
"""Throughput, latency and memory of eventex beside the bare spaCy pipeline, measured in one run.

    .venv/bin/python bench/benchmark.py [--docs 40] [--rounds 2] [--memory-requests 5000]
                                        [--postgres-url URL] [--port 8810] [--max-seconds 1800] [--quick]

Documents: the articles of ../shared/corpus/voa-stories.jsonl (the first --docs of them) and, for
latency, the ~770-word seed article of ../shared/samples. The shared folder is ../shared beside
the repository, or EVENTEX_SHARED.

The baseline is the bare pipeline: ``spacy.load(model)`` with the same components, without the
eventex components, run with ``nlp.pipe`` over the same texts in this process, one document per
call ("per document") and in batches ("batched"), each call in a memory zone as the service does:
later calls do not find the words of earlier ones cached, as a service meeting new articles would not.
The machine may be shared with other work, so the modes take turns: the modes that take one
document at a time run on each document one after the other, and the batched modes on each chunk
of --chunk documents, in an order that rotates from turn to turn. A ratio thus
compares work done seconds apart, not minutes. Batched modes send one chunk as one batch.
Besides docs/s (wall clock), docs per CPU-second of whoever does the work (this process, or the
server's processes) is shown: it is what a ratio would be on an idle machine, give or take.

Modes: the extraction library (``Extractor.extract`` per document, ``extract_many`` batched);
HTTP POST /v1/extract on `eventex serve` with one worker (one client, then 8 clients) and with two
workers (8 clients); POST /v1/extract/batch; persistence on (SQLite, and PostgreSQL in a schema of
its own that is dropped at the end); latency p50/p95/p99 for the seed article with one client and
with 8; resident memory of a one-worker server after the first 100 and after --memory-requests
varied requests.

HTTP requests come from a load generator in a process of its own (bench/loadgen.py: bodies
encoded beforehand, keep-alive connections, answers not decoded but for one per pass), whose CPU
time is printed. The 8-client modes measure what a server keeps up with: each pass is the whole
corpus sent as one stream, one worker and two taking turns (1, 2, 2, 1 in each round), and the
"saturated" rate counts the answers while all 8 clients still had requests to send, leaving out
the stream's end, when a worker that has answered its share of the last requests waits idle. For
these modes the benchmark also accounts for the machine's cores: the workers running and waiting
for a core (from /proc/<pid>/task/*/schedstat), the generator, every other process, idle.

Servers listen on 127.0.0.1 only (ports --port and up), every loop is bounded in requests, and
--max-seconds bounds the whole run (a phase cut short says so).
Exit status: 0 all targets met, 1 a target missed, 2 a material or a server is missing.
"""
from __future__ import annotations

import argparse
import http.client
import json
import math
import os
import platform
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))

from bench.loadgen import Job, LoadGenerator  # noqa: E402

SHARED_DIR = Path(os.environ.get("EVENTEX_SHARED", REPOSITORY.parent / "shared"))
CORPUS = SHARED_DIR / "corpus" / "voa-stories.jsonl"
SEED_ARTICLE = SHARED_DIR / "samples" / "iran-azerbaijan.txt"
SEED_PUBLISHED_AT = "2022-01-27"
DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"

# Concurrent clients for the one- and two-worker throughput passes: enough that neither of two
# workers runs out of requests when the connections happen to fall unevenly on them.
CLIENTS = 8
LATENCY_CLIENTS = 8
SERVER_START_S = 180
REQUEST_TIMEOUT_S = 120

TARGETS = {  # name: (minimum ratio, what it compares)
    "library": (0.85, "library per document / bare per document"),
    "http_one_worker": (0.80, "HTTP 1 worker, 1 client / bare per document"),
    "two_workers": (1.80, "saturated docs/s, HTTP 2 workers / 1 worker, 8 clients each"),
    "batch_endpoint": (0.90, "POST /v1/extract/batch / bare batched"),
    "persist_sqlite": (0.75, "HTTP persist SQLite / bare per document"),
    "persist_postgresql": (0.75, "HTTP persist PostgreSQL / bare per document"),
}
MEMORY_TARGET = 1.10


class MissingMaterial(Exception):
    pass


# --------------------------------------------------------------------------- documents


@dataclass
class Document:
    text: str
    published_at: str | None

    @property
    def words(self) -> int:
        return len(self.text.split())

    def body(self, **extra: object) -> dict:
        return {"text": self.text, "published_at": self.published_at, **extra}


def corpus_documents(limit: int) -> list[Document]:
    if not CORPUS.is_file():
        raise MissingMaterial(f"{CORPUS} not found (set EVENTEX_SHARED)")
    documents = []
    with open(CORPUS, encoding="utf-8") as lines:
        for line in lines:
            story = json.loads(line)
            documents.append(Document(story["text"], story["published"][:10]))
    return documents[:limit]


def seed_document() -> Document:
    if not SEED_ARTICLE.is_file():
        raise MissingMaterial(f"{SEED_ARTICLE} not found (set EVENTEX_SHARED)")
    return Document(SEED_ARTICLE.read_text(encoding="utf-8"), SEED_PUBLISHED_AT)


def varied_documents(corpus: list[Document], count: int, seed: int = 5) -> Iterator[Document]:
    """Short texts that keep bringing new words: corpus sentences, and made-up names and words.

    Vocabulary growth is what makes a spaCy process grow without memory zones, so most texts
    carry words the pipeline has never seen.
    """
    rng = random.Random(seed)
    sentences = [s.strip() + "." for d in corpus for s in d.text.split(". ") if 20 < len(s) < 400]
    syllables = ["ka", "lo", "mer", "vin", "dra", "su", "tek", "ol", "zan", "bri", "qua", "fen", "rho", "ix"]
    countries = ["Peru", "Ghana", "Norway", "Japan", "Chile", "Kenya", "Poland", "Vietnam", "Egypt", "Canada"]

    def made_up(capital: bool) -> str:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) + str(rng.randint(0, 999))
        return word.capitalize() if capital else word

    for n in range(count):
        if n % 3 == 0:
            text = " ".join(rng.sample(sentences, 2))
        else:
            a, b = rng.sample(countries, 2)
            text = (
                f"{made_up(True)} {made_up(True)}, the {made_up(False)} minister of {a}, met "
                f"{made_up(True)} of {b} in {made_up(True)} on {rng.randint(1, 28)} March {rng.randint(1990, 2030)}. "
                f"They signed a {made_up(False)} agreement and discussed the {made_up(False)} "
                f"{made_up(False)} exercise planned near {made_up(True)}."
            )
        yield Document(text, f"{rng.randint(1995, 2030)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}")


# --------------------------------------------------------------------------- servers on loopback


@dataclass
class Server:
    name: str
    port: int
    process: subprocess.Popen
    workers: int
    log: Path

    @property
    def pids(self) -> list[int]:
        """The processes that hold a pipeline: the server itself, or its workers."""
        if self.workers == 1:
            return [self.process.pid]
        return children_of(self.process.pid)

    def rss_bytes(self) -> list[int]:
        return [resident_bytes(pid) for pid in self.pids]

    def cpu_seconds(self) -> float:
        return sum(process_cpu_seconds(pid) for pid in self.pids)


def process_cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def own_cpu_seconds() -> float:
    return time.process_time()


def thread_schedstats(pids: list[int]) -> dict[tuple[int, int], tuple[int, int]]:
    """Nanoseconds each thread of these processes has run, and waited runnable for a core."""
    found = {}
    for pid in pids:
        for task in Path(f"/proc/{pid}/task").iterdir():
            try:
                ran, waited, _ = (task / "schedstat").read_text().split()
            except (OSError, ValueError):
                continue  # the thread ended meanwhile
            found[pid, int(task.name)] = (int(ran), int(waited))
    return found


def machine_cpu_seconds() -> tuple[float, float]:
    """CPU-seconds the machine's cores were busy (any process, and the kernel), and stolen by the host."""
    ticks = [int(n) for n in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = ticks[:8]
    tick = os.sysconf("SC_CLK_TCK")
    return (user + nice + system + irq + softirq) / tick, steal / tick


@dataclass
class CoreAccount:
    """Where the cores went during concurrent passes on one server: its workers running, its
    workers waiting for a core, the load generator, every other process, and nothing."""

    workers: int
    seconds: float = 0.0
    ran: list[float] = field(default_factory=list)  # per worker
    waited: float = 0.0
    generator: float = 0.0
    machine_busy: float = 0.0
    stolen: float = 0.0

    def measure(self, srv: Server, work: Callable[[], Measured]) -> Measured:
        pids = srv.pids
        before, (busy, stolen) = thread_schedstats(pids), machine_cpu_seconds()
        started = time.perf_counter()
        measured = work()
        self.seconds += time.perf_counter() - started
        busy_after, stolen_after = machine_cpu_seconds()
        self.machine_busy += busy_after - busy
        self.stolen += stolen_after - stolen
        self.generator += measured.client_cpu_seconds
        if not self.ran:
            self.ran = [0.0] * len(pids)
        # Threads that ended during the pass had been idle for seconds (the thread pool retires
        # idle threads), so leaving them out loses nothing; threads born during it started at 0.
        for (pid, tid), (ran, waited) in thread_schedstats(pids).items():
            ran_before, waited_before = before.get((pid, tid), (0, 0))
            self.ran[pids.index(pid)] += (ran - ran_before) / 1e9
            self.waited += (waited - waited_before) / 1e9
        return measured

    def describe(self) -> str:
        if not self.seconds:
            return "not measured"
        cores = lambda seconds: seconds / self.seconds  # noqa: E731
        ran = sum(self.ran)
        others = self.machine_busy - ran - self.generator
        idle = (os.cpu_count() or 1) * self.seconds - self.machine_busy - self.stolen
        each = " + ".join(f"{cores(r):.2f}" for r in self.ran)
        return (
            f"{os.cpu_count()} cores x {self.seconds:.0f} s: worker{'s' if self.workers > 1 else ''} ran "
            f"{cores(ran):.2f} cores ({each}) and waited runnable {cores(self.waited):.2f}; "
            f"load generator {cores(self.generator):.3f} ({self.generator:.1f} CPU-s); other processes and "
            f"the kernel {cores(others):.2f}; stolen by the host {cores(self.stolen):.2f}; cores idle {cores(idle):.2f}"
        )


def children_of(pid: int) -> list[int]:
    children = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            # uvicorn's workers, not the helpers multiprocessing starts beside them.
            if int(fields[1]) == pid and b"spawn_main" in (entry / "cmdline").read_bytes():
                children.append(int(entry.name))
    return sorted(children)


def resident_bytes(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def run_cli(args: list[str], env: dict[str, str]) -> None:
    done = subprocess.run([sys.executable, "-m", "service.cli", *args], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"eventex {' '.join(args)} failed: {done.stderr.strip()}")


@contextmanager
def server(name: str, port: int, workers: int, database_url: str, logs: Path) -> Iterator[Server]:
    env = {**os.environ, "DATABASE_URL": database_url, "PYTHONPATH": str(REPOSITORY)}
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    run_cli(["migrate"], env)
    log = open(logs / f"{name}.log", "wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "service.cli", "serve", "--port", str(port), "--workers", str(workers)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=logs,
    )
    try:
        yield Server(name, port, process, workers, logs / f"{name}.log")
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def wait_ready(servers: list[Server]) -> None:
    deadline = time.monotonic() + SERVER_START_S
    for srv in servers:
        while True:
            if srv.process.poll() is not None:
                raise RuntimeError(f"server {srv.name} exited with {srv.process.returncode} (see its log)")
            if time.monotonic() > deadline:
                raise RuntimeError(f"server {srv.name} not ready after {SERVER_START_S} s")
            # Every worker must have loaded its pipeline: /readyz answers from any one of them, but
            # uvicorn logs the end of each worker's startup (the lifespan that loads the pipeline).
            if srv.log.read_text(errors="replace").count("Application startup complete") >= srv.workers:
                try:
                    if Client(srv.port).request("GET", "/readyz")[0] == 200:
                        break
                except OSError:
                    pass
            time.sleep(0.5)


class Client:
    """One keep-alive HTTP connection to a loopback port (readiness checks and the memory phase)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.connection: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, body: dict | None = None) -> tuple[int, bytes]:
        reused = self.connection is not None
        try:
            return self._request(method, path, body)
        except (BrokenPipeError, ConnectionResetError, http.client.RemoteDisconnected):
            if not reused:
                raise
            # The server closed the idle keep-alive connection (uvicorn does after 5 s): once more, anew.
            return self._request(method, path, body)

    def _request(self, method: str, path: str, body: dict | None) -> tuple[int, bytes]:
        if self.connection is None:
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT_S)
        headers = {"Content-Type": "application/json"}
        payload = json.dumps(body).encode() if body is not None else None
        try:
            self.connection.request(method, path, body=payload, headers=headers)
            response = self.connection.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException):
            self.connection.close()
            self.connection = None
            raise
        if response.will_close:
            self.connection.close()
            self.connection = None
        return response.status, data


# --------------------------------------------------------------------------- passes


@dataclass
class Measured:
    """One pass of one mode: its wall seconds and failed requests, and for HTTP what the load
    generator saw (its own CPU, and the part of the pass during which every client was busy)."""

    seconds: float
    errors: int = 0
    client_cpu_seconds: float = 0.0
    saturated_seconds: float = 0.0
    saturated_documents: int = 0


@dataclass
class Tally:
    """Documents and seconds added up over the rounds of one mode."""

    documents: int = 0
    words: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    errors: int = 0
    client_cpu_seconds: float = 0.0
    saturated_documents: int = 0
    saturated_seconds: float = 0.0

    def add(self, documents: list[Document], measured: Measured, cpu_seconds: float) -> None:
        self.documents += len(documents)
        self.words += sum(d.words for d in documents)
        self.seconds += measured.seconds
        self.cpu_seconds += cpu_seconds
        self.errors += measured.errors
        self.client_cpu_seconds += measured.client_cpu_seconds
        self.saturated_documents += measured.saturated_documents
        self.saturated_seconds += measured.saturated_seconds

    @property
    def docs_per_cpu_s(self) -> float:
        return self.documents / self.cpu_seconds if self.cpu_seconds else 0.0

    @property
    def docs_per_s(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    @property
    def saturated_docs_per_s(self) -> float:
        return self.saturated_documents / self.saturated_seconds if self.saturated_seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def library_pass(extractor, documents: list[Document], *, batched: bool = False) -> Measured:
    items = [(d.text, date.fromisoformat(d.published_at) if d.published_at else None) for d in documents]
    started = time.perf_counter()
    if batched:
        extractor.extract_many(items, len(items))
    else:
        for text, published_at in items:
            extractor.extract(text, published_at)
    return Measured(time.perf_counter() - started)


def bare_pass(nlp, documents: list[Document], batch_size: int) -> Measured:
    started = time.perf_counter()
    with nlp.memory_zone():  # each pass meets its words anew, as the service does
        for _ in nlp.pipe((d.text for d in documents), batch_size=batch_size):
            pass
    return Measured(time.perf_counter() - started)


def encoded(body: dict) -> bytes:
    return json.dumps(body).encode()


def extract_bodies(documents: list[Document], *, persist: bool = False) -> list[bytes]:
    """POST /v1/extract bodies; persisted ones with an external id of their own, so none is a repeat."""
    extra = lambda: {"persist": True, "external_id": f"bench-{uuid.uuid4().hex}"} if persist else {}  # noqa: E731
    return [encoded(d.body(**extra())) for d in documents]


def http_pass(generator: LoadGenerator, job: Job) -> Measured:
    outcome = generator.run(job)
    if outcome.problem:
        print(f"benchmark: POST {job.path} on port {job.port} answered 200 but {outcome.problem}", file=sys.stderr)
    return Measured(
        outcome.seconds,
        outcome.errors,
        outcome.cpu_seconds,
        outcome.saturated_seconds,
        outcome.saturated_answers,  # one document each: only /v1/extract passes read this
    )


def percentile(values: list[float], p: float) -> float:
    """The nearest-rank percentile: the smallest value with at least p % of the values at or below it."""
    ordered = sorted(values)
    return ordered[min(len(ordered), max(1, math.ceil(p / 100 * len(ordered)))) - 1]


# --------------------------------------------------------------------------- the run


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def say(self, line: str = "") -> None:
        print(line, flush=True)
        self.lines.append(line)

    def target(
        self, name: str, bound: float, what: str, *, ratio: float, cpu_ratio: float | None = None, at_most: bool = False
    ) -> None:
        met = ratio <= bound if at_most else ratio >= bound
        sign = "<=" if at_most else ">="
        cpu = f"; per CPU-second {cpu_ratio:.2f}" if cpu_ratio is not None else ""
        self.say(f"TARGET {name:<20} {ratio:5.2f} {sign} {bound:.2f}  {'met' if met else 'MISSED'}  ({what}{cpu})")
        if not met:
            self.missed.append(name)


def machine_description() -> str:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
        platform.processor(),
    )
    memory = int(Path("/proc/meminfo").read_text().split()[1]) // 2**20
    import spacy

    return (
        f"machine: {os.cpu_count()} cores ({cpu}), {memory} GiB, Python {platform.python_version()}, "
        f"spaCy {spacy.__version__}; load average at start {os.getloadavg()[0]:.2f}"
    )


def main(argv: list[str] | None = None) -> int:
    options = _arguments(argv)
    # The bare pipeline and the library run here under the workers' conditions (see the function).
    from service.cli import one_math_thread_per_process

    one_math_thread_per_process()
    report = Report()
    deadline = time.monotonic() + options.max_seconds
    try:
        corpus = corpus_documents(options.docs)
        seed = seed_document()
    except MissingMaterial as exc:
        print(f"benchmark: {exc}", file=sys.stderr)
        return 2

    import spacy

    from service.extraction import Extractor
    from service.settings import Settings

    model = Settings().spacy_model
    report.say(machine_description())
    words = sum(d.words for d in corpus)
    report.say(f"documents: {len(corpus)} corpus articles ({words} words, {words / len(corpus):.0f} per article), "
               f"chunks of {options.chunk}, {options.rounds} rounds; latency article: {seed.words} words; model {model}")

    bare = spacy.load(model)
    extractor = Extractor(model)
    # The same components, so the ratio is the cost of the eventex rules alone.
    assert [n for n in extractor.nlp.pipe_names if not n.startswith("eventex_")] == bare.pipe_names
    with bare.memory_zone():  # warm up both, without leaving the corpus words cached
        for document in corpus[:3]:
            bare(document.text)
            extractor.extract(document.text)

    with ExitStack() as stack:
        logs = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="eventex-bench-")))
        postgres_url = stack.enter_context(postgres_schema(options.postgres_url)) if options.postgres_url else None
        sqlite_url = f"sqlite:///{logs}/throughput.db"
        port = options.port
        one = stack.enter_context(server("one-worker", port, 1, sqlite_url, logs))
        two = stack.enter_context(server("two-workers", port + 1, 2, f"sqlite:///{logs}/two.db", logs))
        sqlite = stack.enter_context(server("persist-sqlite", port + 2, 1, f"sqlite:///{logs}/persist.db", logs))
        servers = [one, two, sqlite]
        if postgres_url:
            servers.append(stack.enter_context(server("persist-postgresql", port + 3, 1, postgres_url, logs)))
        wait_ready(servers)

        generator = stack.enter_context(LoadGenerator())

        # Each mode: a function of a list of documents that measures one pass, and whose CPU it
        # uses. Modes that take one document at a time alternate document by document; batched
        # modes chunk by chunk. HTTP requests come from the load generator's process.
        def one_by_one(srv: Server, *, persist: bool = False) -> Callable[[list[Document]], Measured]:
            return lambda docs: http_pass(generator, Job(srv.port, "/v1/extract", extract_bodies(docs, persist=persist)))

        Mode = tuple[Callable[[list[Document]], Measured], Callable[[], float]]
        single: dict[str, Mode] = {
            "bare per document": (lambda docs: bare_pass(bare, docs, 1), own_cpu_seconds),
            "library per document": (lambda docs: library_pass(extractor, docs), own_cpu_seconds),
            "HTTP 1 worker, 1 client": (one_by_one(one), one.cpu_seconds),
            "HTTP persist SQLite": (one_by_one(sqlite, persist=True), sqlite.cpu_seconds),
        }
        if postgres_url:
            pg = servers[3]
            single["HTTP persist PostgreSQL"] = (one_by_one(pg, persist=True), pg.cpu_seconds)
        batch_job = lambda chunk: Job(  # noqa: E731
            one.port, "/v1/extract/batch", [encoded({"documents": [d.body() for d in chunk]})], expect_key="results"
        )
        chunked: dict[str, Mode] = {
            "bare batched": (lambda chunk: bare_pass(bare, chunk, len(chunk)), own_cpu_seconds),
            "library batched": (lambda chunk: library_pass(extractor, chunk, batched=True), own_cpu_seconds),
            "HTTP batch endpoint": (lambda chunk: http_pass(generator, batch_job(chunk)), one.cpu_seconds),
        }
        # The concurrent modes measure how many requests a server keeps up with: each pass sends the
        # whole corpus as one stream from CLIENTS keep-alive connections, not chunk by chunk, since
        # at the end of each stream the last requests leave the workers idle one after the other.
        concurrent: dict[str, tuple[Server, CoreAccount]] = {
            f"HTTP 1 worker, {CLIENTS} clients": (one, CoreAccount(1)),
            f"HTTP 2 workers, {CLIENTS} clients": (two, CoreAccount(2)),
        }
        tallies = {name: Tally() for name in [*single, *chunked, *concurrent]}

        def run(modes: dict[str, Mode], order: list[str], documents: list[Document]) -> list[str]:
            for name in order:
                work, cpu = modes[name]
                cpu_before = cpu()
                measured = work(documents)
                tallies[name].add(documents, measured, cpu() - cpu_before)
            return order[1:] + order[:1]  # the next turn starts with the next mode

        def run_concurrent(name: str) -> None:
            srv, account = concurrent[name]
            cpu_before = srv.cpu_seconds()
            job = Job(srv.port, "/v1/extract", extract_bodies(corpus), clients=CLIENTS)
            measured = account.measure(srv, lambda: http_pass(generator, job))
            tallies[name].add(corpus, measured, srv.cpu_seconds() - cpu_before)

        chunks = [corpus[start : start + options.chunk] for start in range(0, len(corpus), options.chunk)]
        single_order, chunk_order = list(single), list(chunked)
        for round_number in range(options.rounds):
            if time.monotonic() > deadline:
                report.say(f"(time limit: stopped after {round_number} rounds)")
                break
            for chunk in chunks:
                for document in chunk:
                    single_order = run(single, single_order, [document])
                chunk_order = run(chunked, chunk_order, chunk)
            # One worker, two, two, one: a load that rises or falls steadily during the round
            # weighs on both alike.
            for name in [*concurrent, *reversed(concurrent)]:
                run_concurrent(name)
        report.say()
        report.say(
            f"{'mode':<28} {'docs/s':>7} {'words/s':>8} {'docs/CPU-s':>10} {'errors':>6} {'saturated docs/s':>16} {'client CPU-s':>12}"
        )
        for name, tally in tallies.items():
            saturated = f"{tally.saturated_docs_per_s:16.2f}" if name in concurrent else " " * 16
            client = f"{tally.client_cpu_seconds:12.2f}" if tally.client_cpu_seconds else ""
            report.say(
                f"{name:<28} {tally.docs_per_s:7.2f} {tally.words_per_s:8.0f} {tally.docs_per_cpu_s:10.2f} "
                f"{tally.errors:6d} {saturated} {client}".rstrip()
            )
        report.say()
        for name, (_, account) in concurrent.items():
            report.say(f"{name}: {account.describe()}")

        def ratio(mode: str, baseline: str) -> dict:
            return {
                "ratio": tallies[mode].docs_per_s / tallies[baseline].docs_per_s,
                "cpu_ratio": tallies[mode].docs_per_cpu_s / tallies[baseline].docs_per_cpu_s,
            }

        report.say()
        report.target("library", *TARGETS["library"], **ratio("library per document", "bare per document"))
        library_batched = ratio("library batched", "bare batched")
        report.say(
            f"       (library batched / bare batched: {library_batched['ratio']:.2f}; "
            f"per CPU-second {library_batched['cpu_ratio']:.2f})"
        )
        report.target("http_one_worker", *TARGETS["http_one_worker"], **ratio("HTTP 1 worker, 1 client", "bare per document"))
        one_name, two_name = concurrent
        report.target(
            "two_workers",
            *TARGETS["two_workers"],
            ratio=tallies[two_name].saturated_docs_per_s / tallies[one_name].saturated_docs_per_s,
        )
        report.say(
            f"       (whole streams, their last requests included: {tallies[two_name].docs_per_s / tallies[one_name].docs_per_s:.2f}; "
            f"per CPU-second {tallies[two_name].docs_per_cpu_s / tallies[one_name].docs_per_cpu_s:.2f})"
        )
        report.target("batch_endpoint", *TARGETS["batch_endpoint"], **ratio("HTTP batch endpoint", "bare batched"))
        report.target("persist_sqlite", *TARGETS["persist_sqlite"], **ratio("HTTP persist SQLite", "bare per document"))
        if postgres_url:
            report.target(
                "persist_postgresql", *TARGETS["persist_postgresql"], **ratio("HTTP persist PostgreSQL", "bare per document")
            )
        else:
            report.say("TARGET persist_postgresql   not measured (--postgres-url '' given)")
        if any(t.errors for t in tallies.values()):
            report.missed.append("errors")

        # Latency of the ~770-word article.
        report.say()
        cases = [
            ("1 client, 1 worker", one, 1),
            (f"{LATENCY_CLIENTS} clients, 1 worker", one, LATENCY_CLIENTS),
            (f"{LATENCY_CLIENTS} clients, 2 workers", two, LATENCY_CLIENTS),
        ]
        for label, srv, clients in cases:
            if time.monotonic() > deadline:
                report.say(f"latency {label}: not measured (time limit)")
                continue
            outcome = generator.run(Job(srv.port, "/v1/extract", extract_bodies([seed] * options.latency_requests), clients))
            found = outcome.latencies
            report.say(
                f"latency {label:<21} p50 {percentile(found, 50) * 1000:6.0f} ms  p95 {percentile(found, 95) * 1000:6.0f} ms  "
                f"p99 {percentile(found, 99) * 1000:6.0f} ms  ({len(found)} requests, {outcome.errors} errors)"
            )
        worker_rss = [rss / 2**20 for srv in servers for rss in srv.rss_bytes()]
        report.say(f"resident memory per worker after these runs: {min(worker_rss):.0f}–{max(worker_rss):.0f} MiB")

    # Memory: a fresh one-worker server, varied requests.
    report.say()
    with ExitStack() as stack:
        logs = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="eventex-bench-")))
        memory_server = stack.enter_context(server("memory", options.port + 4, 1, f"sqlite:///{logs}/memory.db", logs))
        wait_ready([memory_server])
        measure_memory(report, memory_server, corpus, options.memory_requests, deadline)

    report.say(f"load average at the end: {os.getloadavg()[0]:.2f}")
    report.say("all targets met" if not report.missed else f"targets missed: {', '.join(report.missed)}")
    return 1 if report.missed else 0


def measure_memory(report: Report, srv: Server, corpus: list[Document], requests: int, deadline: float) -> None:
    documents = iter(varied_documents(corpus, requests))
    lock = threading.Lock()
    sent = errors = 0
    marks: dict[int, float] = {}
    checkpoints = sorted({100, requests} | set(range(1000, requests, 1000)))

    def client_loop() -> None:
        nonlocal sent, errors
        client = Client(srv.port)
        while time.monotonic() < deadline:
            with lock:
                document = next(documents, None)
                if document is None:
                    return
            status, _ = client.request("POST", "/v1/extract", document.body())
            with lock:
                sent += 1
                errors += status != 200
                if sent in checkpoints:
                    marks[sent] = resident_bytes(srv.process.pid) / 2**20

    # Two clients keep the worker busy while one waits for its answer.
    threads = [threading.Thread(target=client_loop) for _ in range(2)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    took = time.perf_counter() - started
    curve = ", ".join(f"{n}: {mib:.0f}" for n, mib in sorted(marks.items()))
    report.say(f"memory: {sent} varied requests in {took:.0f} s ({errors} errors); resident MiB after n requests: {curve}")
    if sent < requests or 100 not in marks:
        report.say(f"TARGET memory               not measured: {sent} of {requests} requests within the time limit")
        report.missed.append("memory")
        return
    report.target(
        "memory", MEMORY_TARGET, f"resident after {requests} / after 100 requests", ratio=marks[requests] / marks[100], at_most=True
    )


@contextmanager
def postgres_schema(server_url: str) -> Iterator[str]:
    """A schema of our own on the server for the run, dropped at the end; yields a URL that uses it."""
    from sqlalchemy import create_engine, make_url, text

    schema = f"eventex_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server_url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = make_url(server_url).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=48, help="corpus articles measured (default 48)")
    parser.add_argument("--chunk", type=int, default=16, help="articles per chunk and per batch (default 16)")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of every pass (default 2)")
    parser.add_argument("--latency-requests", type=int, default=64, help="requests per latency case (default 64)")
    parser.add_argument("--memory-requests", type=int, default=5000, help="varied requests for memory (default 5000)")
    parser.add_argument("--postgres-url", default=DEFAULT_POSTGRES_URL, help="PostgreSQL server ('' to skip)")
    parser.add_argument("--port", type=int, default=8810, help="first loopback port (uses 5 from there)")
    parser.add_argument("--max-seconds", type=float, default=1800, help="bound on the whole run (default 1800)")
    parser.add_argument("--quick", action="store_true", help="a short run to try the script: 8 docs, 1 round, 500 requests")
    options = parser.parse_args(argv)
    if options.quick:
        options.docs, options.chunk, options.rounds = 8, 4, 1
        options.latency_requests, options.memory_requests = 16, 500
    return options


if __name__ == "__main__":
    sys.exit(main())
