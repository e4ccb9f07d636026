"""Alembic environment: runs on the connection ``migrations.migrate`` hands over in
``config.attributes``, inside the one transaction it has already begun."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

from screener.store import tables  # noqa: F401  (the import registers the tables)

context.configure(
    connection=context.config.attributes["connection"],
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite alters a table by copying it
)
with context.begin_transaction():
    context.run_migrations()
