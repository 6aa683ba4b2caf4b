"""Persistence: SQLAlchemy tables and plain service functions. Free of HTTP."""
