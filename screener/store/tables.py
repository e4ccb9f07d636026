"""The SQLModel tables: the declaration of the current schema. Callers get records, never rows.

A new database file is created from these (``migrations.schema_ddl``); the repository itself
reads and writes with plain SQL on its DB-API connection, so this module (and SQLAlchemy) is
imported only when a file is created or a bulk tool asks for ``Repository.engine``. A change
here needs a step in ``migrations.STEPS``.

Timestamps are UTC ISO-8601 strings with microseconds, so they sort as text and never lose their
time zone. Values and event payloads are JSON text.
"""

from __future__ import annotations

from sqlalchemy import Index
from sqlmodel import Field, SQLModel


class SnapshotRow(SQLModel, table=True):
    """A questionnaire exactly as an interview was started with it, shared by content hash."""

    __tablename__ = "questionnaire_snapshot"

    hash: str = Field(primary_key=True)
    questionnaire_id: str
    version: str
    snapshot_json: str
    created_at: str


class InterviewRow(SQLModel, table=True):
    __tablename__ = "interview"
    # AUTOINCREMENT: the id of a deleted interview is never given to another one, so an id in an
    # exported file keeps meaning one person.
    # ix_interview_search (schema 3): the home search counts its matches by scanning this small
    # covering index instead of the whole table (a tenth of the pages with 10,000 interviews).
    __table_args__ = (
        Index("ix_interview_created", "created_at"),
        Index("ix_interview_search", "search_key"),
        Index("ix_interview_uuid", "uuid", unique=True),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    status: str = "draft"
    candidate_name: str = ""
    birth_date: str | None = None
    nationality: str = ""
    case_id: str = ""
    consultant: str = ""
    interpreter_language: str = ""
    interpreter_name: str = ""
    interpreter_mode: str = "in_person"
    place: str = ""
    municipality: str = ""
    ui_language: str = "da"
    report_language: str = "da"
    questionnaire_id: str
    questionnaire_version: str
    questionnaire_hash: str = Field(foreign_key="questionnaire_snapshot.hash")
    created_at: str
    updated_at: str
    finalized_at: str | None = None
    exported_at: str | None = None
    position_section: str | None = None
    position_item: str | None = None
    elapsed_seconds: float = 0.0
    consent_json: str | None = None
    # Added in schema 2: kept up to date on every write so the home list reads no other table.
    search_key: str = ""
    answered_count: int = 0
    total_count: int = 0
    # Added in schema 4: the interview's identity across laptops (export, transfer, import).
    # Set by a trigger at insert (``migrations.UUID_TRIGGER``), so no writer has to know it.
    uuid: str = Field(default="", sa_column_kwargs={"server_default": ""})


class AnswerRow(SQLModel, table=True):
    __tablename__ = "answer"

    interview_id: int = Field(foreign_key="interview.id", primary_key=True, ondelete="CASCADE")
    item: str = Field(primary_key=True)
    state: str
    value_json: str = "null"
    other: str = ""
    updated_at: str


class NoteRow(SQLModel, table=True):
    """A consultant's note and follow-up flag on one question (either may be empty)."""

    __tablename__ = "item_note"

    interview_id: int = Field(foreign_key="interview.id", primary_key=True, ondelete="CASCADE")
    item: str = Field(primary_key=True)
    note: str = ""
    flagged: bool = False
    updated_at: str


class SectionTimeRow(SQLModel, table=True):
    __tablename__ = "section_time"

    interview_id: int = Field(foreign_key="interview.id", primary_key=True, ondelete="CASCADE")
    section: str = Field(primary_key=True)
    seconds: float = 0.0


class PaperTextRow(SQLModel, table=True):
    """The consultant's edit of one text of the candidate's papers (schema 4), e.g.
    ``cv.job.da``; a field without a row shows the text built from the answers."""

    __tablename__ = "paper_text"

    interview_id: int = Field(foreign_key="interview.id", primary_key=True, ondelete="CASCADE")
    field: str = Field(primary_key=True)
    value: str = ""
    updated_at: str


class EventRow(SQLModel, table=True):
    """Append-only log: who changed what, when, from which value to which."""

    __tablename__ = "event"
    __table_args__ = (Index("ix_event_interview", "interview_id", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    interview_id: int | None = Field(default=None, foreign_key="interview.id", ondelete="CASCADE")
    at: str
    actor: str
    kind: str
    item: str | None = None
    old_json: str = "null"
    new_json: str = "null"
