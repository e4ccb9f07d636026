"""The one way the rest of the program reads and writes interviews (screens never write SQL).

INTERFACE SKELETON: signatures are fixed; the store issue fills in the bodies.
Every write is one short transaction that also appends an event row.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from screener.questionnaire.model import Questionnaire
from screener.store.records import (
    AnswerState,
    Consent,
    Event,
    Interview,
    InterviewInfo,
    InterviewSummary,
)


class Repository:
    def __init__(self, db_path: Path, actor: str = "consultant") -> None:
        """Open (creating if absent) the database at ``db_path``; raises DatabaseError."""
        raise NotImplementedError

    def close(self) -> None: ...

    def create_interview(self, info: InterviewInfo, questionnaire: Questionnaire) -> int: ...

    def update_info(self, interview_id: int, info: InterviewInfo) -> None: ...

    def set_answer(self, interview_id: int, item: str, value: Any, other: str = "") -> None:
        """Store an answered value (a repeat's whole entry list); None or "" clears it."""

    def clear_answer(self, interview_id: int, item: str) -> None: ...

    def mark(self, interview_id: int, item: str, state: AnswerState) -> None:
        """Record don't know / declined / not applicable (ANSWERED is set via set_answer)."""

    def set_note(self, interview_id: int, item: str, text: str) -> None: ...

    def set_flag(self, interview_id: int, item: str, flagged: bool) -> None: ...

    def set_position(self, interview_id: int, section: str, item: str | None) -> None: ...

    def add_elapsed(self, interview_id: int, section: str, seconds: float) -> None: ...

    def record_consent(self, interview_id: int, consent: Consent) -> None: ...

    def finalize(self, interview_id: int) -> None: ...

    def reopen(self, interview_id: int, reason: str) -> None: ...

    def mark_exported(self, interview_id: int) -> None: ...

    def delete(self, interview_id: int) -> None: ...

    def list_interviews(
        self, search: str = "", limit: int = 200, offset: int = 0
    ) -> list[InterviewSummary]: ...

    def count_interviews(self, search: str = "") -> int: ...

    def get(self, interview_id: int) -> Interview: ...

    def events(self, interview_id: int) -> list[Event]: ...

    def backup(self, destination: Path) -> None: ...
