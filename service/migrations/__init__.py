"""Alembic migrations, shipped inside the package so ``eventex migrate`` works once installed."""
