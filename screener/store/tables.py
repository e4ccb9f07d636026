"""The SQLModel tables: the one declaration of the store's schema. Callers get records, never rows.

A new database file is created from these (``create``); an older file is brought to the same
schema by the Alembic revisions in ``revisions/versions`` (``migrations.migrate``), and
``tests/test_schema_drift.py`` proves both give the same schema. The repository reads and writes
with plain SQL on its DB-API connection (its column names are checked against these tables by
a test), so this module and SQLAlchemy are imported only when a file is created or upgraded.
To change the schema: change a table here and add a revision (see ``revisions/__init__.py``).

Timestamps are UTC ISO-8601 strings with microseconds, so they sort as text and never lose their
time zone. Values and event payloads are JSON text.
"""

from __future__ import annotations

from sqlalchemy import DDL, Connection, Index, event
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
    # Set by a trigger at insert (``UUID_TRIGGER``), so no writer has to know it.
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


# A random (version 4) UUID in its usual text form, computed by SQLite for each row.
UUID_SQL = (
    "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||"
    " substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||"
    " substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"
)
UUID_TRIGGER = (
    "CREATE TRIGGER tr_interview_uuid AFTER INSERT ON interview WHEN NEW.uuid = ''"
    f" BEGIN UPDATE interview SET uuid = {UUID_SQL} WHERE id = NEW.id; END"
)
# Part of the declaration: created with the interview table (SQLite only; the receiving side
# on PostgreSQL gives its UUIDs at import). ``DDL`` formats with %, hence the doubling.
event.listen(
    SQLModel.metadata.tables["interview"],
    "after_create",
    DDL(UUID_TRIGGER.replace("%", "%%")).execute_if(dialect="sqlite"),  # type: ignore[no-untyped-call]
)

# Every table of the store.
TABLES = (SnapshotRow, InterviewRow, AnswerRow, NoteRow, SectionTimeRow, EventRow, PaperTextRow)


def create(connection: Connection) -> None:
    """Create the current schema in an empty database (inside the caller's transaction)."""
    names = [row.__tablename__ for row in TABLES]
    SQLModel.metadata.create_all(
        connection, tables=[SQLModel.metadata.tables[name] for name in names], checkfirst=False
    )
