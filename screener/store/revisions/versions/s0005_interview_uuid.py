"""Schema 5: a stable UUID per interview (kept through transfer and import between laptops),
given to every existing interview, and by a trigger to every new one.

Revision ID: s0005
Revises: s0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from screener.store.tables import UUID_SQL, UUID_TRIGGER

revision = "s0005"
down_revision = "s0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("interview", sa.Column("uuid", sa.String(), nullable=False, server_default=""))
    run = op.get_bind().exec_driver_sql
    run(f"UPDATE interview SET uuid = {UUID_SQL}")
    op.create_index("ix_interview_uuid", "interview", ["uuid"], unique=True)
    # The trigger as ``tables.py`` declares it now: a later change to it drops and re-creates it.
    run(UUID_TRIGGER)
