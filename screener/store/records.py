"""What the store hands out and takes in: plain dataclasses, free of SQL and of Textual."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # a type only: the home screen imports records without loading pydantic
    from screener.questionnaire.model import Questionnaire


class Status(StrEnum):
    DRAFT = "draft"
    FINALIZED = "finalized"
    EXPORTED = "exported"


class AnswerState(StrEnum):
    """An absent answer is "not asked"; these four are the states a stored answer can have."""

    ANSWERED = "answered"
    DONT_KNOW = "dont_know"
    DECLINED = "declined"
    NOT_APPLICABLE = "not_applicable"


NON_RESPONSES = (AnswerState.DONT_KNOW, AnswerState.DECLINED, AnswerState.NOT_APPLICABLE)
INTERPRETER_MODES = ("in_person", "phone", "video", "none")


@dataclass
class InterviewInfo:
    """The facts typed on the new-interview screen; all but the name may be filled in later."""

    candidate_name: str
    birth_date: date | None = None
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


@dataclass(frozen=True)
class Answer:
    """One question's stored answer.

    ``value`` is JSON-shaped: str for text, long_text, date (ISO), select_one and yes_no
    ('yes'/'no'); int for integer and scale; float for decimal; list[str] for select_multiple;
    list[dict[str, Any]] (child name -> value) for a repeat. ``other`` holds the "other, namely"
    text of a select. For a non-response ``value`` is None.
    """

    item: str
    state: AnswerState
    value: Any = None
    other: str = ""
    updated_at: datetime | None = None


CONSENT_KINDS = ("screening", "handover", "sensitive", "cv_postcard")


@dataclass(frozen=True)
class Consent:
    """What the candidate agreed to, each recorded explicitly: True (yes), False (no) or None
    (not asked yet). Nothing defaults to yes; each consent has its own effect (see
    docs/consent.md): no screening consent, no answers; no handover consent, no export; no
    sensitive consent, no sensitive chapter; no CV-postkort consent, no card."""

    screening: bool | None = None
    handover: bool | None = None
    language: str = ""
    interpreter: str = ""
    recorded_at: datetime | None = None
    sensitive: bool | None = None
    cv_postcard: bool | None = None

    @property
    def complete(self) -> bool:
        """Every consent has been answered yes or no."""
        return all(getattr(self, kind) is not None for kind in CONSENT_KINDS)

    @property
    def declined(self) -> bool:
        """The candidate said no to the screening: only the record of that is kept."""
        return self.screening is False


@dataclass(frozen=True)
class Event:
    at: datetime
    actor: str
    kind: str
    item: str | None
    old: Any
    new: Any


@dataclass(frozen=True)
class InterviewSummary:
    """A row of the home screen's table."""

    id: int
    candidate_name: str
    created_at: datetime
    updated_at: datetime
    status: Status
    municipality: str
    answered: int
    total: int
    declined: bool = False  # said no to the screening: only the record of that is kept


@dataclass
class Interview:
    """A whole interview read back, with the questionnaire it was started with."""

    id: int
    info: InterviewInfo
    status: Status
    created_at: datetime
    updated_at: datetime
    finalized_at: datetime | None
    questionnaire: Questionnaire
    questionnaire_hash: str
    answers: dict[str, Answer] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    consent: Consent | None = None
    position: tuple[str, str | None] | None = None  # (section name, item name)
    elapsed_seconds: float = 0.0
    section_seconds: dict[str, float] = field(default_factory=dict)
    event_count: int = 0
    exported_at: datetime | None = None  # last export (JSON or PDF), None if never
    uuid: str = ""  # stable across laptops and the hub (set by the store)
    # The consultant's edits of the candidate's papers (CV-postkort, kompetencekort) by field
    # key, e.g. "cv.job.da"; a field not here is built from the answers.
    papers: dict[str, str] = field(default_factory=dict)

    def values(self) -> dict[str, Any]:
        """Answered values by item name, as conditions and the report read them."""
        return {
            name: answer.value
            for name, answer in self.answers.items()
            if answer.state is AnswerState.ANSWERED
        }
