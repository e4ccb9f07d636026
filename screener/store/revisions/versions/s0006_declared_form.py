"""Schema 6: every table in the form ``tables.py`` creates, so an upgraded file and a new one
have the same schema (``tests/test_schema_drift.py``).

Files upgraded from schema 1 had ``DEFAULT ''``/``DEFAULT 0`` on ``search_key``,
``answered_count`` and ``total_count`` (SQLite adds a NOT NULL column only with a default); a
new file had none. None is right: these columns are derived, and a writer that forgot one
should fail rather than store an interview the search never finds. The other tables differ
only in how their SQL was written (references inline, not as table constraints); they are
copied too, so the next revision meets one schema, whatever the file's history.

Revision ID: s0006
Revises: s0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from screener.store.revisions.rebuild import rebuild

revision = "s0006"
down_revision = "s0005"
branch_labels = None
depends_on = None


def _text(
    name: str,
    nullable: bool = False,
    primary_key: bool = False,
    server_default: str | None = None,
    foreign_key: str | None = None,
) -> sa.Column[str]:
    references = [sa.ForeignKey(foreign_key)] if foreign_key else []
    return sa.Column(
        name,
        sa.String(),
        *references,
        nullable=nullable,
        primary_key=primary_key,
        server_default=server_default,
    )


def _parent(nullable: bool = False, primary_key: bool = True) -> sa.Column[int]:
    reference = sa.ForeignKey("interview.id", ondelete="CASCADE")
    return sa.Column(
        "interview_id", sa.Integer(), reference, nullable=nullable, primary_key=primary_key
    )


def _tables() -> list[sa.Table]:
    """The tables of schema 6, frozen here (``tables.py`` moves on, this revision does not)."""
    meta = sa.MetaData()
    snapshot = sa.Table(
        "questionnaire_snapshot",
        meta,
        _text("hash", primary_key=True),
        *(_text(name) for name in ("questionnaire_id", "version", "snapshot_json", "created_at")),
    )
    interview = sa.Table(
        "interview",
        meta,
        sa.Column("id", sa.Integer(), primary_key=True),
        *(_text(name) for name in ("status", "candidate_name")),
        _text("birth_date", nullable=True),
        *(
            _text(name)
            for name in (
                "nationality",
                "case_id",
                "consultant",
                "interpreter_language",
                "interpreter_name",
                "interpreter_mode",
                "place",
                "municipality",
                "ui_language",
                "report_language",
                "questionnaire_id",
                "questionnaire_version",
            )
        ),
        _text("questionnaire_hash", foreign_key="questionnaire_snapshot.hash"),
        *(_text(name) for name in ("created_at", "updated_at")),
        *(
            _text(name, nullable=True)
            for name in ("finalized_at", "exported_at", "position_section", "position_item")
        ),
        sa.Column("elapsed_seconds", sa.Float(), nullable=False),
        _text("consent_json", nullable=True),
        _text("search_key"),
        sa.Column("answered_count", sa.Integer(), nullable=False),
        sa.Column("total_count", sa.Integer(), nullable=False),
        _text("uuid", server_default=""),
        sa.Index("ix_interview_created", "created_at"),
        sa.Index("ix_interview_search", "search_key"),
        sa.Index("ix_interview_uuid", "uuid", unique=True),
        sqlite_autoincrement=True,
    )
    answer = sa.Table(
        "answer",
        meta,
        _parent(),
        _text("item", primary_key=True),
        *(_text(name) for name in ("state", "value_json", "other", "updated_at")),
    )
    note = sa.Table(
        "item_note",
        meta,
        _parent(),
        _text("item", primary_key=True),
        _text("note"),
        sa.Column("flagged", sa.Boolean(), nullable=False),
        _text("updated_at"),
    )
    section_time = sa.Table(
        "section_time",
        meta,
        _parent(),
        _text("section", primary_key=True),
        sa.Column("seconds", sa.Float(), nullable=False),
    )
    event = sa.Table(
        "event",
        meta,
        sa.Column("id", sa.Integer(), primary_key=True),
        _parent(nullable=True, primary_key=False),
        *(_text(name) for name in ("at", "actor", "kind")),
        _text("item", nullable=True),
        *(_text(name) for name in ("old_json", "new_json")),
        sa.Index("ix_event_interview", "interview_id", "id"),
    )
    paper = sa.Table(
        "paper_text",
        meta,
        _parent(),
        _text("field", primary_key=True),
        *(_text(name) for name in ("value", "updated_at")),
    )
    return [snapshot, interview, answer, note, section_time, event, paper]


def upgrade() -> None:
    rebuild(op.get_bind(), _tables())
