"""Alembic environment: runs on the connection the hub hands over in ``config.attributes``."""

from __future__ import annotations

from alembic import context

from screener.hub.tables import HUB_METADATA

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=HUB_METADATA,
    render_as_batch=True,  # SQLite alters a table by copying it
    version_table="hub_alembic_version",
)
with context.begin_transaction():
    context.run_migrations()
