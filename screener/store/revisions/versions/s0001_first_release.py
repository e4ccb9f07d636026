"""Schema 1, the first released schema (created before the store used Alembic).

No file is ever built through this revision: a new file is created from ``tables.py`` and
stamped with the head; a file of schema 1 is stamped with this revision and upgraded from it.
Its tables are recorded in ``tests/schemas/v1.sql``.

Revision ID: s0001
Revises:
"""

from __future__ import annotations

revision = "s0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    raise RuntimeError("schema 1 is never created by a migration; a new file is stamped")
