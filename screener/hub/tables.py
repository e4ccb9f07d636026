"""The hub's tables: one SQLModel declaration for SQLite and PostgreSQL alike.

Timestamps are UTC ISO-8601 strings (they sort as text on both engines, as in the laptop store).
Candidates are keyed by ``uid`` (the interview's identity across laptops, see ``parse.py``); the
detail tables refer to it, so an import can write every row without asking for generated ids.
A change here needs a new alembic revision in ``migrations/versions`` (a test compares the
migrated schema with these models on both engines).
"""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Index, MetaData, String, Text
from sqlmodel import Field, SQLModel

# The hub's own metadata, apart from the laptop store's tables in SQLModel.metadata.
HUB_METADATA = MetaData()

# Words and language names are searched by prefix as a range (``>= w`` and ``< w`` + 1); that
# needs byte order, which SQLite has and PostgreSQL gets from the "C" collation (a Danish
# collation sorts "aa" after "z").
BYTE_ORDER = String().with_variant(String(collation="C"), "postgresql")


class HubModel(SQLModel):
    metadata = HUB_METADATA


class CandidateRow(HubModel, table=True):
    """The current version of one imported interview, with the columns search and figures use."""

    __tablename__ = "hub_candidate"
    __table_args__ = (
        Index("ix_hub_candidate_created", "created_at", "id"),
        Index("ix_hub_candidate_municipality", "municipality_key", "created_at"),
        Index("ix_hub_candidate_typology", "typology"),
    )

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(unique=True)
    updated_at: str
    event_count: int = 0
    source_id: int = 0  # the interview's id on the laptop it came from
    status: str = ""
    candidate_name: str = ""
    case_id: str = ""
    birth_date: str | None = None
    nationality: str = ""
    municipality: str = ""
    municipality_key: str = ""  # folded, for grouping and filtering
    consultant: str = ""
    organisation: str = ""
    created_at: str
    finalized_at: str | None = None
    imported_at: str
    screening_status: str = ""  # asylant / boligplaceret as answered in the interview
    typology: str = ""
    typology_label: str = ""
    danish_level: str = ""
    english_level: str = ""
    trades: str = ""  # job titles and wishes, for display
    questionnaire_id: str = ""
    questionnaire_version: str = ""
    questionnaire_hash: str = ""
    data_json: str = Field(sa_column=Column(Text, nullable=False))


class BranchRow(HubModel, table=True):
    """A branch the candidate wishes to work in (``wish``) or has worked in (``work``)."""

    __tablename__ = "hub_branch"
    __table_args__ = (Index("ix_hub_branch_branch", "branch"),)

    candidate_uid: str = Field(
        foreign_key="hub_candidate.uid", primary_key=True, ondelete="CASCADE"
    )
    branch: str = Field(primary_key=True)
    kind: str = Field(primary_key=True)


class WordRow(HubModel, table=True):
    """One word of a candidate's name, case number, trades and typology (folded), found by its
    start: a search reads a few index entries instead of scanning every candidate. The key
    answers "does this candidate have a word starting with ..." in one probe; the index on the
    word finds the candidates of a rare word."""

    __tablename__ = "hub_word"
    __table_args__ = (Index("ix_hub_word_word", "word", "candidate_uid"),)

    candidate_uid: str = Field(
        sa_column=Column(
            String,
            ForeignKey("hub_candidate.uid", ondelete="CASCADE"),
            primary_key=True,
        )
    )
    word: str = Field(sa_column=Column(BYTE_ORDER, primary_key=True))


class LanguageRow(HubModel, table=True):
    """A language the candidate speaks, with the self-rated speaking level (1-5, 0 unknown)."""

    __tablename__ = "hub_language"
    __table_args__ = (Index("ix_hub_language_name", "language", "level"),)

    candidate_uid: str = Field(
        foreign_key="hub_candidate.uid", primary_key=True, ondelete="CASCADE"
    )
    language: str = Field(sa_column=Column(BYTE_ORDER, primary_key=True))  # folded, as typed
    level: int = 0


class VersionRow(HubModel, table=True):
    """An earlier version of an interview, kept when a newer export replaced it."""

    __tablename__ = "hub_version"
    __table_args__ = (Index("ix_hub_version_uid", "candidate_uid"),)

    id: int | None = Field(default=None, primary_key=True)
    candidate_uid: str
    updated_at: str
    event_count: int = 0
    imported_at: str
    replaced_at: str
    data_json: str = Field(sa_column=Column(Text, nullable=False))


class FollowUpRow(HubModel, table=True):
    """What happened after the screening: placement, active effort, outcomes at 3 and 6 months
    (and later). ``None`` means not recorded yet."""

    __tablename__ = "hub_followup"

    candidate_uid: str = Field(
        foreign_key="hub_candidate.uid", primary_key=True, ondelete="CASCADE"
    )
    placed_municipality: str = ""
    placed_on: str | None = None
    active_effort: bool | None = None
    outcome_3: str | None = None
    outcome_6: str | None = None
    outcome_later: str | None = None
    updated_at: str
    actor: str = ""


class AuditRow(HubModel, table=True):
    """Who imported or exported what, and when; never names or case numbers, only counts and
    interview uids."""

    __tablename__ = "hub_audit"

    id: int | None = Field(default=None, primary_key=True)
    at: str
    actor: str
    action: str
    detail_json: str = Field(default="{}", sa_column=Column(Text, nullable=False))
