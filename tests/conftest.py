"""Shared fixtures: one spaCy pipeline per session, and real databases.

Every database fixture runs on SQLite (a temp file) and, when TEST_DATABASE_URL is set, on
PostgreSQL too, in a schema of its own so that parallel test runs sharing the server do not
collide. If TEST_DATABASE_URL is set but the server does not answer, the tests fail.
"""
from __future__ import annotations

import os
import signal
import subprocess
import uuid
from collections.abc import Callable, Iterator
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, delete, make_url, text
from sqlalchemy.orm import Session

from service.api import create_app
from service.extraction import Extractor
from service.extraction.models import CharRange, Event, EventDate, EventMention, Participant, TextSpan
from service.settings import Settings
from service.storage.database import make_engine, make_session_factory
from service.storage.models import Base, DocumentRecord

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor(Settings().spacy_model)


@pytest.fixture(scope="session")
def extract(extractor: Extractor):
    """The events of a text, as the real pipeline reads them; published on Friday 2024-05-17 unless said."""

    def run(text: str, published: date | None = date(2024, 5, 17)):
        return extractor.extract(text, published).events

    return run


def postgres_url_or_skip() -> str:
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        pytest.skip("TEST_DATABASE_URL is not set (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)")
    return url


@pytest.fixture
def empty_database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """URL of a database with no tables; parametrize indirectly with "sqlite" or "postgresql"."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'eventex.db'}"
        return
    with _postgres_schema(postgres_url_or_skip()) as url:
        yield url


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """URL of a database with the current schema, shared by the session's tests (see ``clean_db``)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'eventex.db'}"
        _create_schema(url)
        yield url
        return
    with _postgres_schema(postgres_url_or_skip()) as url:
        _create_schema(url)
        yield url


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    with Session(engine) as session:  # each test starts from empty tables
        session.execute(delete(DocumentRecord))  # events and participants go by cascade
        session.commit()
    yield engine
    engine.dispose()


@pytest.fixture
def db_session(engine: Engine) -> Iterator[Session]:
    with make_session_factory(engine)() as session:
        yield session


@pytest.fixture
def client(engine: Engine, database_url: str, extractor: Extractor) -> Iterator[TestClient]:
    """The app on a real, emptied database, with its lifespan running."""
    with TestClient(create_app(Settings(DATABASE_URL=database_url), extractor=extractor)) as test_client:
        yield test_client


@pytest.fixture
def sqlite_client(tmp_path: object, extractor: Extractor) -> Iterator[TestClient]:
    """The app for tests whose outcome does not depend on the database."""
    url = f"sqlite:///{tmp_path}/eventex.db"
    with TestClient(create_app(Settings(DATABASE_URL=url), extractor=extractor)) as test_client:
        yield test_client


def _create_schema(url: str) -> None:
    engine = make_engine(url)
    Base.metadata.create_all(engine)
    engine.dispose()


class _postgres_schema:
    """A fresh PostgreSQL schema for the duration of a ``with``; yields a URL that uses it."""

    def __init__(self, server_url: str) -> None:
        self.server_url = server_url
        self.schema = f"eventex_test_{uuid.uuid4().hex[:12]}"
        self.admin = create_engine(server_url)

    def __enter__(self) -> str:
        with self.admin.begin() as connection:  # raises (test fails) when the server is unreachable
            connection.execute(text(f'CREATE SCHEMA "{self.schema}"'))
        url = make_url(self.server_url).update_query_dict({"options": f"-csearch_path={self.schema}"})
        return url.render_as_string(hide_password=False)

    def __exit__(self, *_exc: object) -> None:
        with self.admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{self.schema}" CASCADE'))
        self.admin.dispose()


def build_event(
    text: str,
    trigger: str,
    *,
    event_id: str,
    type: str = "meeting",
    date_value: str | None = None,
    participants: tuple[tuple[str, str, str | None], ...] = (),
) -> Event:
    """A hand-made Event whose trigger is the first occurrence of ``trigger`` in ``text``.

    ``participants`` are (name, kind, alpha-3 country or None).
    """
    start = text.index(trigger)
    span = TextSpan(text=trigger, start=start, end=start + len(trigger))
    return Event(
        id=event_id,
        type=type,  # type: ignore[arg-type]
        status="occurred",
        trigger=span,
        mentions=[EventMention(trigger=span, sentence=CharRange(start=0, end=len(text)))],
        participants=[Participant(name=name, kind=kind, country=country) for name, kind, country in participants],  # type: ignore[arg-type]
        date=EventDate(text=date_value or "", value=date_value) if date_value else None,
        location=None,
        confidence=0.8,
    )


@pytest.fixture
def make_event() -> Callable[..., Event]:
    return build_event


class WrappedExtractor:
    """The real extractor with ``extract_many`` replaced, for injecting faults or changed output:
    ``extract`` goes through the replacement, and every other attribute (the pipeline, the
    versions) is the real extractor's unless given in ``attributes``."""

    def __init__(self, real: Extractor, extract_many: Callable[..., list], **attributes: object) -> None:
        self.real = real
        self.extract_many = extract_many
        self.__dict__.update(attributes)

    def __getattr__(self, name: str) -> object:
        return getattr(self.real, name)

    def extract(self, text: str, published_at: object = None) -> object:
        return self.extract_many([(text, published_at)])[0]


@pytest.fixture
def wrap_extractor(extractor: Extractor) -> Callable[..., WrappedExtractor]:
    """``wrap_extractor(extract_many, **attributes)``: the session's extractor, wrapped."""
    return lambda extract_many, **attributes: WrappedExtractor(extractor, extract_many, **attributes)


def _stop_server(server: subprocess.Popen) -> None:
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


@pytest.fixture(scope="session")
def stop_server() -> Callable[[subprocess.Popen], None]:
    """Stops an `eventex serve` process the way an operator would (SIGTERM), killing it only if it
    does not exit within 30 s."""
    return _stop_server
