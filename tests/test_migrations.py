"""The Alembic migrations build exactly the ORM schema, keep rows, and undo cleanly."""
from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from service.storage.database import make_engine
from service.storage.migrations import alembic_config, downgrade, upgrade
from service.storage.models import Base


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
