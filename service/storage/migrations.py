"""Run the Alembic migrations shipped in ``service/migrations``, from any working directory."""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection

ALEMBIC_INI = Path(__file__).resolve().parent.parent / "alembic.ini"


def alembic_config(connection: Connection | None = None) -> Config:
    """The Alembic config; with ``connection`` the migrations run on it instead of DATABASE_URL."""
    config = Config(str(ALEMBIC_INI))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade(revision: str = "head", connection: Connection | None = None) -> None:
    command.upgrade(alembic_config(connection), revision)


def downgrade(revision: str, connection: Connection | None = None) -> None:
    command.downgrade(alembic_config(connection), revision)
