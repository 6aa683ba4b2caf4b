"""Engine and session factory: one engine per process, chosen by ``DATABASE_URL``."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.orm import Session, sessionmaker

# How long a SQLite writer waits for another writer before giving up.
SQLITE_BUSY_TIMEOUT_MS = 30_000
POSTGRES_CONNECT_TIMEOUT_S = 5
# Execution option that marks a session's connection as about to write (see _on_begin).
WRITE_TRANSACTION = "eventex_write_transaction"


def make_engine(database_url: str) -> Engine:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(database_url)
    return create_engine(
        database_url,
        pool_pre_ping=True,
        # TCP keepalives: a pooled connection whose server vanished fails in about a minute
        # instead of hanging until the operating system gives up on it.
        connect_args={
            "connect_timeout": POSTGRES_CONNECT_TIMEOUT_S,
            "keepalives": 1,
            "keepalives_idle": 30,
            "keepalives_interval": 10,
            "keepalives_count": 3,
        },
    )


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    # Rows are read after commit to build responses: keep them loaded.
    return sessionmaker(bind=engine, expire_on_commit=False)


def ping(engine: Engine) -> None:
    """Raise ``sqlalchemy.exc.OperationalError`` unless the database answers ``SELECT 1``."""
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))


def _sqlite_engine(database_url: str) -> Engine:
    database = make_url(database_url).database
    if database and database != ":memory:":
        try:
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass  # connecting will fail with OperationalError, which the API reports as 503
    engine = create_engine(database_url, connect_args={"check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy emit BEGIN itself (see _on_begin) instead of pysqlite's implicit one.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:  # type: ignore[no-untyped-def]
        # A transaction that will write takes the write lock up front: a deferred one that
        # reads first and writes later fails at once with "database is locked" (the busy
        # timeout does not apply to upgrading a read lock) when another writer got there first.
        if connection.get_execution_options().get(WRITE_TRANSACTION):
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.exec_driver_sql("BEGIN")

    return engine


def begin_write(db_session: Session) -> None:
    """Start the session's transaction as a writing one (``BEGIN IMMEDIATE`` on SQLite).

    A transaction the session already has open (say, from an earlier read) is committed first:
    its BEGIN cannot be changed any more.
    """
    if db_session.in_transaction():
        db_session.commit()
    db_session.connection(execution_options={WRITE_TRANSACTION: True})
