"""The service when its database fails: clear 503s in bounded time, nothing half-written, recovery.

PostgreSQL is reached through a small TCP proxy that the tests cut and restore, so the shared
server itself never stops. SQLite has no server to lose: its faults are a database file that
cannot be opened and a database locked by another writer.
"""
from __future__ import annotations

import selectors
import socket
import threading
import time
from contextlib import contextmanager

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event, func, make_url, select
from sqlalchemy.exc import OperationalError

from service.api import create_app
from service.settings import Settings
from service.storage import database
from service.storage.database import make_engine
from service.storage.models import Base, DocumentRecord, EventRecord, ParticipantRecord

PROBLEM = "application/problem+json"
REPORT = "Trade ministers from Kenya and Uganda met in Nairobi on Wednesday to discuss a customs deal."
REVISED = "Trade ministers from Kenya and Tanzania met in Mombasa on Thursday to discuss port fees."
# A request against a database that is down must fail within this (the PostgreSQL connect
# timeout is 5 s; the rest is margin for a busy 2-core CI machine).
BOUND_S = 12


class TcpProxy:
    """Forwards a loopback port to a server. ``cut()`` refuses and drops every connection, like a
    stopped server; ``blackhole()`` accepts connections and never answers, like a lost network;
    ``restore()`` forwards again, on the same port."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.mode = "forward"
        self.port = 0
        self._pairs: list[tuple[socket.socket, socket.socket | None]] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._listener = self._listen()
        self.port = self._listener.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _listen(self) -> socket.socket:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        return listener

    def cut(self) -> None:
        with self._lock:
            self.mode = "cut"
            self._listener.close()
            self._drop_connections()

    def blackhole(self) -> None:
        with self._lock:
            if self.mode == "cut":
                self._listener = self._listen()
            self.mode = "blackhole"
            self._drop_connections()

    def restore(self) -> None:
        with self._lock:
            if self.mode == "cut":
                self._listener = self._listen()
            self.mode = "forward"

    def close(self) -> None:
        self._stop.set()
        with self._lock:
            self.mode = "cut"
            self._listener.close()
            self._drop_connections()
        self._thread.join(5)

    def _drop_connections(self) -> None:
        for client, upstream in self._pairs:
            for sock in (client, upstream):
                if sock is not None:
                    try:
                        sock.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
                    sock.close()
        self._pairs.clear()

    def _serve(self) -> None:
        while not self._stop.is_set():
            with self._lock:
                listener, mode = self._listener, self.mode
            if mode == "cut":
                time.sleep(0.05)
                continue
            try:
                listener.settimeout(0.1)
                client, _ = listener.accept()
            except OSError:  # timeout, or the listener was closed by cut()
                continue
            with self._lock:
                if self.mode != "forward":
                    self._pairs.append((client, None))  # held open, never answered
                    continue
                upstream = socket.create_connection(self.target)
                self._pairs.append((client, upstream))
            threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()

    @staticmethod
    def _pump(client: socket.socket, upstream: socket.socket) -> None:
        selector = selectors.DefaultSelector()
        try:
            selector.register(client, selectors.EVENT_READ, upstream)
            selector.register(upstream, selectors.EVENT_READ, client)
            while True:
                for key, _ in selector.select(timeout=1):
                    data = key.fileobj.recv(65536)  # type: ignore[union-attr]
                    if not data:
                        return
                    key.data.sendall(data)
        except (OSError, ValueError):
            return
        finally:
            selector.close()


def count(client: TestClient, model) -> int:
    with client.app.state.session_factory() as session:
        return session.scalar(select(func.count()).select_from(model))


def persist(client: TestClient, text: str = REPORT, external_id: str = "wire-1"):
    return client.post("/v1/extract", json={"text": text, "persist": True, "external_id": external_id})


def assert_unavailable(response, took: float) -> None:
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == PROBLEM
    assert took < BOUND_S, f"took {took:.1f}s"


def timed(call):
    started = time.monotonic()
    response = call()
    return response, time.monotonic() - started


@pytest.fixture
def proxied_postgres(database_url, engine, extractor):
    """(client, proxy): the app reaching PostgreSQL only through a proxy the test controls."""
    url = make_url(database_url)
    proxy = TcpProxy((url.host or "127.0.0.1", url.port or 5432))
    proxied_url = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    try:
        with TestClient(create_app(Settings(DATABASE_URL=proxied_url), extractor=extractor)) as client:
            yield client, proxy
    finally:
        proxy.close()


ONLY_POSTGRES = pytest.mark.parametrize(
    "database_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)


@ONLY_POSTGRES
def test_postgres_stopped_then_back(proxied_postgres):
    client, proxy = proxied_postgres
    assert persist(client).status_code == 200
    assert client.get("/readyz").status_code == 200

    proxy.cut()
    assert_unavailable(*timed(lambda: client.get("/readyz")))
    assert_unavailable(*timed(lambda: persist(client, REVISED, "wire-2")))
    assert_unavailable(*timed(lambda: client.get("/v1/events")))
    # Extraction alone needs no database.
    extracted = client.post("/v1/extract", json={"text": REPORT})
    assert extracted.status_code == 200 and extracted.json()["events"]

    proxy.restore()  # no restart of the app
    assert client.get("/readyz").status_code == 200
    assert persist(client, REVISED, "wire-2").status_code == 200
    assert count(client, DocumentRecord) == 2


@ONLY_POSTGRES
def test_postgres_unreachable_network_fails_in_bounded_time(proxied_postgres):
    client, proxy = proxied_postgres
    assert persist(client).status_code == 200

    proxy.blackhole()  # connections are accepted and never answered
    assert_unavailable(*timed(lambda: client.get("/readyz")))
    assert_unavailable(*timed(lambda: persist(client, REVISED, "wire-2")))
    assert client.post("/v1/extract", json={"text": REPORT}).status_code == 200

    proxy.restore()
    assert client.get("/readyz").status_code == 200
    assert persist(client, REVISED, "wire-2").status_code == 200
    assert count(client, DocumentRecord) == 2


@contextmanager
def event_inserts_fail(engine):
    """Inside the block, every INSERT into events fails the way a dropped connection does."""

    def fail_events_insert(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("INSERT INTO EVENTS"):
            raise OperationalError(statement, parameters, ConnectionError("connection lost mid-transaction"))

    event.listen(engine, "before_cursor_execute", fail_events_insert)
    try:
        yield
    finally:
        event.remove(engine, "before_cursor_execute", fail_events_insert)


def test_a_failure_while_persisting_a_new_document_leaves_nothing(client):
    with event_inserts_fail(client.app.state.engine):
        response = persist(client)
    assert response.status_code == 503 and response.headers["content-type"] == PROBLEM
    assert count(client, DocumentRecord) == 0
    assert count(client, EventRecord) == 0


def test_a_failure_while_replacing_a_document_keeps_the_old_version(client):
    first = persist(client)
    assert first.status_code == 200
    document_id = first.json()["document"]["id"]
    before = client.get(f"/v1/documents/{document_id}").json()
    assert before["events"]
    participants_before = count(client, ParticipantRecord)

    with event_inserts_fail(client.app.state.engine):
        assert persist(client, REVISED).status_code == 503  # same external_id: a replacement

    after = client.get(f"/v1/documents/{document_id}").json()
    assert after == before
    assert count(client, ParticipantRecord) == participants_before
    # And the next attempt goes through.
    assert persist(client, REVISED).status_code == 200
    assert client.get(f"/v1/documents/{document_id}").json()["text"] == REVISED


def test_sqlite_file_unreachable_at_start_then_created_without_restart(tmp_path, extractor):
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data directory should be")
    url = f"sqlite:///{blocker}/eventex.db"
    with TestClient(create_app(Settings(DATABASE_URL=url), extractor=extractor)) as client:
        assert_unavailable(*timed(lambda: client.get("/readyz")))
        assert_unavailable(*timed(lambda: persist(client)))
        assert client.post("/v1/extract", json={"text": REPORT}).status_code == 200

        blocker.unlink()
        blocker.mkdir()
        Base.metadata.create_all(make_engine(url))  # what `eventex migrate` does
        assert client.get("/readyz").status_code == 200
        assert persist(client).status_code == 200
        assert count(client, DocumentRecord) == 1


def test_sqlite_locked_by_another_writer_gives_503_then_recovers(tmp_path, extractor, monkeypatch):
    # A short busy timeout keeps the test quick; the behaviour is the same with the real one.
    monkeypatch.setattr(database, "SQLITE_BUSY_TIMEOUT_MS", 1_000)
    url = f"sqlite:///{tmp_path}/eventex.db"
    Base.metadata.create_all(make_engine(url))
    with TestClient(create_app(Settings(DATABASE_URL=url), extractor=extractor)) as client:
        other_writer = make_engine(url).raw_connection()
        other_writer.execute("BEGIN EXCLUSIVE")
        try:
            response, took = timed(lambda: persist(client))
            assert_unavailable(response, took)
            assert took >= 0.9  # it waited for the lock before giving up
            assert client.post("/v1/extract", json={"text": REPORT}).status_code == 200
            assert client.get("/v1/events").status_code == 200  # readers are not blocked (WAL)
        finally:
            other_writer.rollback()
            other_writer.close()
        assert persist(client).status_code == 200
        assert count(client, DocumentRecord) == 1
