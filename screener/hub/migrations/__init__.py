"""Alembic migrations of the hub's tables (the same revisions on SQLite and PostgreSQL)."""
