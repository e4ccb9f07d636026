"""Read-only queries of the repository, each run inside a transaction the repository opens.

The home list reads only the interview table (denormalised counts and search key, no
snapshots), ordered by an indexed column.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select as sql_select
from sqlmodel import Session, col, func, select

from screener.questionnaire.model import Questionnaire
from screener.store import convert
from screener.store.records import Event, Interview, InterviewSummary, Status
from screener.store.tables import (
    AnswerRow,
    EventRow,
    InterviewRow,
    NoteRow,
    SectionTimeRow,
    SnapshotRow,
)
from screener.store.text import clean_text, fold


def _search(statement: Any, search: str) -> Any:
    """Every word of ``search`` must occur in the name, case id or municipality."""
    for term in fold(clean_text(search)).split():
        escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        statement = statement.where(col(InterviewRow.search_key).like(f"%{escaped}%", escape="\\"))
    return statement


def summaries(session: Session, search: str, limit: int, offset: int) -> list[InterviewSummary]:
    statement: Any = sql_select(
        col(InterviewRow.id),
        col(InterviewRow.candidate_name),
        col(InterviewRow.created_at),
        col(InterviewRow.updated_at),
        col(InterviewRow.status),
        col(InterviewRow.municipality),
        col(InterviewRow.answered_count),
        col(InterviewRow.total_count),
    )
    statement = (
        _search(statement, search)
        .order_by(col(InterviewRow.created_at).desc(), col(InterviewRow.id).desc())
        .limit(max(0, limit))
        .offset(max(0, offset))
    )
    return [
        InterviewSummary(
            id=row[0],
            candidate_name=row[1],
            created_at=convert.to_datetime(row[2]),  # type: ignore[arg-type]
            updated_at=convert.to_datetime(row[3]),  # type: ignore[arg-type]
            status=Status(row[4]),
            municipality=row[5],
            answered=row[6],
            total=row[7],
        )
        for row in session.execute(statement).all()
    ]


def count(session: Session, search: str) -> int:
    statement = _search(select(func.count()).select_from(InterviewRow), search)
    return int(session.exec(statement).one())


def interview(session: Session, interview_id: int) -> Interview:
    row = session.get(InterviewRow, interview_id)
    assert row is not None
    snapshot = session.get(SnapshotRow, row.questionnaire_hash)
    assert snapshot is not None  # a foreign key guarantees it
    answers = session.exec(
        select(AnswerRow).where(col(AnswerRow.interview_id) == interview_id)
    ).all()
    notes = session.exec(select(NoteRow).where(col(NoteRow.interview_id) == interview_id)).all()
    timings = session.exec(
        select(SectionTimeRow).where(col(SectionTimeRow.interview_id) == interview_id)
    ).all()
    event_count = session.exec(
        select(func.count()).select_from(EventRow).where(col(EventRow.interview_id) == interview_id)
    ).one()
    position = (
        (row.position_section, row.position_item) if row.position_section is not None else None
    )
    return Interview(
        id=interview_id,
        info=convert.info_of(row),
        status=Status(row.status),
        created_at=convert.to_datetime(row.created_at),  # type: ignore[arg-type]
        updated_at=convert.to_datetime(row.updated_at),  # type: ignore[arg-type]
        finalized_at=convert.to_datetime(row.finalized_at),
        exported_at=convert.to_datetime(row.exported_at),
        # Always from the pinned snapshot, never from the questionnaire file.
        questionnaire=Questionnaire.model_validate_json(snapshot.snapshot_json),
        questionnaire_hash=row.questionnaire_hash,
        answers={answer.item: convert.answer_of(answer) for answer in answers},
        notes={note.item: note.note for note in notes if note.note},
        flags={note.item for note in notes if note.flagged},
        consent=convert.consent_of(row.consent_json),
        position=position,
        elapsed_seconds=row.elapsed_seconds,
        section_seconds={timing.section: timing.seconds for timing in timings},
        event_count=int(event_count),
    )


def events(session: Session, interview_id: int) -> list[Event]:
    rows = session.exec(
        select(EventRow)
        .where(col(EventRow.interview_id) == interview_id)
        .order_by(col(EventRow.id))
    ).all()
    return [
        Event(
            at=convert.to_datetime(row.at),  # type: ignore[arg-type]
            actor=row.actor,
            kind=row.kind,
            item=row.item,
            old=json.loads(row.old_json),
            new=json.loads(row.new_json),
        )
        for row in rows
    ]
