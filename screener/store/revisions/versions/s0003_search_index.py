"""Schema 3: an index on the search key, so counting the matches of a search keystroke reads the
small index instead of every interview row.

Revision ID: s0003
Revises: s0002
"""

from __future__ import annotations

from alembic import op

revision = "s0003"
down_revision = "s0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_interview_search", "interview", ["search_key"])
