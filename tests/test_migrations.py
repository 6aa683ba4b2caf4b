"""The Alembic migrations build exactly the ORM schema, keep rows, and undo cleanly; they are
installed with the package and usable with the plain ``alembic`` command from the repository."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tomllib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from service.storage.database import make_engine
from service.storage.migrations import alembic_config, downgrade, upgrade
from service.storage.models import Base

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("empty_database_url", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True)
def test_migrations_up_and_down(empty_database_url):
    engine = make_engine(empty_database_url)
    revisions = [script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()]
    revisions.reverse()  # oldest first
    try:
        with engine.connect() as connection:
            for step, revision in enumerate(revisions):
                upgrade(revision, connection=connection)
                if step == 0:
                    connection.execute(
                        text(
                            "INSERT INTO documents (dedup_key, content_sha256, language, text, extractor_version,"
                            " created_at, updated_at) VALUES ('ext:kept', :sha, 'en', 'A kept row.', 'old', :now, :now)"
                        ),
                        {"sha": "0" * 64, "now": datetime.now(UTC)},
                    )
                    connection.commit()
                kept = connection.execute(text("SELECT text FROM documents WHERE dedup_key = 'ext:kept'")).scalar()
                assert kept == "A kept row.", f"row lost at revision {revision}"

            differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
            assert differences == []

            downgrade("base", connection=connection)
            connection.commit()
            assert set(inspect(connection).get_table_names()) == {"alembic_version"}

            upgrade("head", connection=connection)
            connection.commit()
            assert {"documents", "events", "event_participants"} <= set(inspect(connection).get_table_names())
    finally:
        engine.dispose()


def table_names(sqlite_file: Path) -> set[str]:
    with sqlite3.connect(sqlite_file) as connection:
        return {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_alembic_command_upgrades_from_the_repository_root(tmp_path):
    database = tmp_path / "eventex.db"
    alembic = Path(sys.executable).parent / "alembic"

    result = subprocess.run(
        [str(alembic), "upgrade", "head"], cwd=REPO, capture_output=True, text=True, timeout=120,
        env={**os.environ, "DATABASE_URL": f"sqlite:///{database}"},
    )

    assert result.returncode == 0, result.stderr
    assert {"documents", "events", "event_participants", "alembic_version"} <= table_names(database)


def test_a_new_revision_follows_the_latest_one_and_applies(tmp_path):
    # A copy, so that the generated script does not land in the repository.
    shutil.copy(REPO / "alembic.ini", tmp_path / "alembic.ini")
    shutil.copytree(REPO / "migrations", tmp_path / "migrations", ignore=shutil.ignore_patterns("__pycache__"))
    config = Config(str(tmp_path / "alembic.ini"))
    latest = ScriptDirectory.from_config(config).get_current_head()

    new = command.revision(config, message="add a notes column")

    assert new.down_revision == latest
    assert Path(new.path).parent == tmp_path / "migrations" / "versions"
    engine = make_engine(f"sqlite:///{tmp_path / 'eventex.db'}")
    try:
        with engine.connect() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            connection.commit()
            assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == new.revision
    finally:
        engine.dispose()


def test_every_package_is_listed_for_installation():
    """pyproject.toml lists packages by hand (to map migrations/ to service.migrations): a package
    missing there works in the editable install of the tests but is absent from wheels and images."""
    setuptools = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    folders = {"service": REPO / "service", "service.migrations": REPO / "migrations"}
    on_disk = {
        ".".join([name, *init.parent.relative_to(folder).parts])
        for name, folder in folders.items()
        for init in folder.rglob("__init__.py")
    }

    assert set(setuptools["packages"]) == on_disk
    assert setuptools["package-dir"] == {"service.migrations": "migrations"}
