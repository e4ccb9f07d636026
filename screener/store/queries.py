"""Read-only queries of the repository, each run on its DB-API connection inside a transaction
the repository opens (the connection is in autocommit mode, so a single statement is atomic).

Plain SQL on the connection the repository holds: the home list must be readable before any
ORM is imported, and these are the statements a start-up and every keystroke pay for. The home
list reads only the interview table (denormalised counts and search key, no snapshots),
ordered by an indexed column.
"""

from __future__ import annotations

import json
from typing import Any

from screener.store import convert
from screener.store.database import DBConnection
from screener.store.records import Event, Interview, InterviewSummary, Status
from screener.store.text import clean_text, fold

SUMMARY_COLUMNS = (
    "id, candidate_name, created_at, updated_at, status, municipality, answered_count, total_count,"
    " json_extract(consent_json, '$.screening') IS 0"  # 1: the candidate said no
)
# ix_interview_created is (created_at, rowid) and id is the rowid: no sort step, and with a
# LIMIT the scan stops as soon as a page is full.
NEWEST_FIRST = "ORDER BY created_at DESC, id DESC"


def _search(search: str) -> tuple[str, list[str]]:
    """A WHERE clause: every word of ``search`` must occur in the name, case id or
    municipality (the folded ``search_key``); and its parameters."""
    terms = fold(clean_text(search)).split()
    if not terms:
        return "", []
    patterns = []
    for term in terms:
        escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        patterns.append(f"%{escaped}%")
    where = " AND ".join("search_key LIKE ? ESCAPE '\\'" for _ in terms)
    return f"WHERE {where}", patterns


def summaries(conn: DBConnection, search: str, limit: int, offset: int) -> list[InterviewSummary]:
    where, params = _search(search)
    rows = conn.execute(
        f"SELECT {SUMMARY_COLUMNS} FROM interview {where} {NEWEST_FIRST} LIMIT ? OFFSET ?",
        (*params, max(0, limit), max(0, offset)),
    ).fetchall()
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
            declined=bool(row[8]),
        )
        for row in rows
    ]


def count(conn: DBConnection, search: str) -> int:
    where, params = _search(search)
    return int(conn.execute(f"SELECT count(*) FROM interview {where}", params).fetchone()[0])


def interview(conn: DBConnection, row: Any) -> Interview:
    """The whole interview whose row (``sqlite3.Row``) has been read in this transaction."""
    from screener.questionnaire.model import Questionnaire

    interview_id = row["id"]
    snapshot = conn.execute(
        "SELECT snapshot_json FROM questionnaire_snapshot WHERE hash = ?",
        (row["questionnaire_hash"],),
    ).fetchone()
    assert snapshot is not None  # a foreign key guarantees it
    answers = conn.execute(
        "SELECT item, state, value_json, other, updated_at FROM answer WHERE interview_id = ?",
        (interview_id,),
    ).fetchall()
    notes = conn.execute(
        "SELECT item, note, flagged FROM item_note WHERE interview_id = ?", (interview_id,)
    ).fetchall()
    timings = conn.execute(
        "SELECT section, seconds FROM section_time WHERE interview_id = ?", (interview_id,)
    ).fetchall()
    papers = conn.execute(
        "SELECT field, value FROM paper_text WHERE interview_id = ?", (interview_id,)
    ).fetchall()
    event_count = conn.execute(
        "SELECT count(*) FROM event WHERE interview_id = ?", (interview_id,)
    ).fetchone()[0]
    position = (
        (row["position_section"], row["position_item"])
        if row["position_section"] is not None
        else None
    )
    return Interview(
        id=interview_id,
        info=convert.info_of(row),
        status=Status(row["status"]),
        created_at=convert.to_datetime(row["created_at"]),  # type: ignore[arg-type]
        updated_at=convert.to_datetime(row["updated_at"]),  # type: ignore[arg-type]
        finalized_at=convert.to_datetime(row["finalized_at"]),
        exported_at=convert.to_datetime(row["exported_at"]),
        # Always from the pinned snapshot, never from the questionnaire file.
        questionnaire=Questionnaire.model_validate_json(snapshot[0]),
        questionnaire_hash=row["questionnaire_hash"],
        answers={answer[0]: convert.answer_of(tuple(answer)) for answer in answers},
        notes={item: note for item, note, _flagged in notes if note},
        flags={item for item, _note, flagged in notes if flagged},
        consent=convert.consent_of(row["consent_json"]),
        position=position,
        elapsed_seconds=float(row["elapsed_seconds"]),
        section_seconds={section: float(seconds) for section, seconds in timings},
        event_count=int(event_count),
        papers={name: value for name, value in papers},
        uuid=str(row["uuid"] or ""),
    )


def events(conn: DBConnection, interview_id: int) -> list[Event]:
    rows = conn.execute(
        "SELECT at, actor, kind, item, old_json, new_json FROM event WHERE interview_id = ?"
        " ORDER BY id",
        (interview_id,),
    ).fetchall()
    return [
        Event(
            at=convert.to_datetime(at),  # type: ignore[arg-type]
            actor=actor,
            kind=kind,
            item=item,
            old=json.loads(old_json),
            new=json.loads(new_json),
        )
        for at, actor, kind, item, old_json, new_json in rows
    ]
