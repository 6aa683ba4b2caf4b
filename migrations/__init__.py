"""Alembic migrations. pyproject.toml installs this folder as ``service.migrations``, so that
``eventex migrate`` finds the scripts by import in any install (editable, wheel, container)."""
