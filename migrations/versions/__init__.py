"""Migration scripts (Alembic skips this file). A package, so installs include the scripts."""
