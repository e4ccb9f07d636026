"""The hub's first schema.

Revision ID: h0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0001"
down_revision = None
branch_labels = None
depends_on = None

S = sa.String()
BYTE_ORDER = sa.String().with_variant(sa.String(collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "hub_candidate",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", S, nullable=False),
        sa.Column("updated_at", S, nullable=False),
        sa.Column("event_count", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("status", S, nullable=False),
        sa.Column("candidate_name", S, nullable=False),
        sa.Column("case_id", S, nullable=False),
        sa.Column("birth_date", S, nullable=True),
        sa.Column("nationality", S, nullable=False),
        sa.Column("municipality", S, nullable=False),
        sa.Column("municipality_key", S, nullable=False),
        sa.Column("consultant", S, nullable=False),
        sa.Column("organisation", S, nullable=False),
        sa.Column("created_at", S, nullable=False),
        sa.Column("finalized_at", S, nullable=True),
        sa.Column("imported_at", S, nullable=False),
        sa.Column("screening_status", S, nullable=False),
        sa.Column("typology", S, nullable=False),
        sa.Column("typology_label", S, nullable=False),
        sa.Column("danish_level", S, nullable=False),
        sa.Column("english_level", S, nullable=False),
        sa.Column("trades", S, nullable=False),
        sa.Column("questionnaire_id", S, nullable=False),
        sa.Column("questionnaire_version", S, nullable=False),
        sa.Column("questionnaire_hash", S, nullable=False),
        sa.Column("data_json", sa.Text(), nullable=False),
        sa.UniqueConstraint("uid"),
    )
    op.create_index("ix_hub_candidate_created", "hub_candidate", ["created_at", "id"])
    op.create_index(
        "ix_hub_candidate_municipality", "hub_candidate", ["municipality_key", "created_at"]
    )
    op.create_index("ix_hub_candidate_typology", "hub_candidate", ["typology"])
    op.create_table(
        "hub_branch",
        sa.Column("candidate_uid", S, nullable=False),
        sa.Column("branch", S, nullable=False),
        sa.Column("kind", S, nullable=False),
        sa.ForeignKeyConstraint(["candidate_uid"], ["hub_candidate.uid"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("candidate_uid", "branch", "kind"),
    )
    op.create_index("ix_hub_branch_branch", "hub_branch", ["branch"])
    op.create_table(
        "hub_word",
        sa.Column("candidate_uid", S, nullable=False),
        sa.Column("word", BYTE_ORDER, nullable=False),
        sa.ForeignKeyConstraint(["candidate_uid"], ["hub_candidate.uid"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("candidate_uid", "word"),
    )
    op.create_index("ix_hub_word_word", "hub_word", ["word", "candidate_uid"])
    op.create_table(
        "hub_language",
        sa.Column("candidate_uid", S, nullable=False),
        sa.Column("language", BYTE_ORDER, nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["candidate_uid"], ["hub_candidate.uid"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("candidate_uid", "language"),
    )
    op.create_index("ix_hub_language_name", "hub_language", ["language", "level"])
    op.create_table(
        "hub_version",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("candidate_uid", S, nullable=False),
        sa.Column("updated_at", S, nullable=False),
        sa.Column("event_count", sa.Integer(), nullable=False),
        sa.Column("imported_at", S, nullable=False),
        sa.Column("replaced_at", S, nullable=False),
        sa.Column("data_json", sa.Text(), nullable=False),
    )
    op.create_index("ix_hub_version_uid", "hub_version", ["candidate_uid"])
    op.create_table(
        "hub_followup",
        sa.Column("candidate_uid", S, nullable=False),
        sa.Column("placed_municipality", S, nullable=False),
        sa.Column("placed_on", S, nullable=True),
        sa.Column("active_effort", sa.Boolean(), nullable=True),
        sa.Column("outcome_3", S, nullable=True),
        sa.Column("outcome_6", S, nullable=True),
        sa.Column("outcome_later", S, nullable=True),
        sa.Column("updated_at", S, nullable=False),
        sa.Column("actor", S, nullable=False),
        sa.ForeignKeyConstraint(["candidate_uid"], ["hub_candidate.uid"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("candidate_uid"),
    )
    op.create_table(
        "hub_audit",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", S, nullable=False),
        sa.Column("actor", S, nullable=False),
        sa.Column("action", S, nullable=False),
        sa.Column("detail_json", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    for table in (
        "hub_audit",
        "hub_followup",
        "hub_version",
        "hub_language",
        "hub_word",
        "hub_branch",
        "hub_candidate",
    ):
        op.drop_table(table)
