"""Run the Alembic migrations from any working directory, whatever the kind of install.

The scripts live in the repository's top-level ``migrations/`` folder, which pyproject.toml
installs as the package ``service.migrations``. They are located through that package, so an
editable install reads the repository's folder and a wheel (or the container) its own copy;
no alembic.ini is needed at run time.
"""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection

import service.migrations

SCRIPT_LOCATION = Path(service.migrations.__file__).resolve().parent


def alembic_config(connection: Connection | None = None) -> Config:
    """The Alembic config; with ``connection`` the migrations run on it instead of DATABASE_URL."""
    config = Config()
    # Option values go through ConfigParser interpolation, where a bare '%' is an error.
    config.set_main_option("script_location", str(SCRIPT_LOCATION).replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade(revision: str = "head", connection: Connection | None = None) -> None:
    command.upgrade(alembic_config(connection), revision)


def downgrade(revision: str, connection: Connection | None = None) -> None:
    command.downgrade(alembic_config(connection), revision)
