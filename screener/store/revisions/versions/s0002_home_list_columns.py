"""Schema 2: denormalised columns for the home list (search key, answered and total counts),
filled in for every existing interview, so the list reads no other table.

Revision ID: s0002
Revises: s0001
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from screener.store.items import shape_of
from screener.store.migrations import search_key

revision = "s0002"
down_revision = "s0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # SQLite adds a NOT NULL column only with a default; s0006 takes these defaults away again.
    op.add_column(
        "interview", sa.Column("search_key", sa.String(), nullable=False, server_default="")
    )
    for name in ("answered_count", "total_count"):
        op.add_column(
            "interview", sa.Column(name, sa.Integer(), nullable=False, server_default="0")
        )
    run = op.get_bind().exec_driver_sql
    run(
        "UPDATE interview SET answered_count ="
        " (SELECT count(*) FROM answer WHERE answer.interview_id = interview.id)"
    )
    rows = run(
        "SELECT i.id, i.candidate_name, i.case_id, i.municipality, s.snapshot_json"
        " FROM interview i JOIN questionnaire_snapshot s ON s.hash = i.questionnaire_hash"
    ).all()
    for interview_id, name, case_id, municipality, snapshot in rows:
        total = len(shape_of(json.loads(snapshot)).answerable)
        run(
            "UPDATE interview SET search_key = ?, total_count = ? WHERE id = ?",
            (search_key(name, case_id, municipality), total, interview_id),
        )
