"""The repository's write statements: fixed SQL on the DB-API connection, no ORM between a
keystroke and the disk (a test prepares each against the tables ``tables.py`` declares)."""

from __future__ import annotations

from screener.store import convert

# The columns a new interview row is written with, in this order.
NEW_INTERVIEW_COLUMNS = (
    *convert.INFO_FIELDS,
    "status",
    "questionnaire_id",
    "questionnaire_version",
    "questionnaire_hash",
    "created_at",
    "updated_at",
    "elapsed_seconds",
    "search_key",
    "answered_count",
    "total_count",
)
INSERT_INTERVIEW = (
    f"INSERT INTO interview ({', '.join(NEW_INTERVIEW_COLUMNS)})"
    f" VALUES ({', '.join('?' for _ in NEW_INTERVIEW_COLUMNS)})"
)
SELECT_ANSWER = "SELECT state, value_json, other FROM answer WHERE interview_id = ? AND item = ?"
UPSERT_ANSWER = (
    "INSERT INTO answer (interview_id, item, state, value_json, other, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (interview_id, item) DO UPDATE SET"
    " state = excluded.state, value_json = excluded.value_json, other = excluded.other,"
    " updated_at = excluded.updated_at"
)
UPSERT_NOTE = (
    "INSERT INTO item_note (interview_id, item, note, flagged, updated_at) VALUES (?, ?, ?, ?, ?)"
    " ON CONFLICT (interview_id, item) DO UPDATE SET note = excluded.note,"
    " flagged = excluded.flagged, updated_at = excluded.updated_at"
)
UPSERT_TIME = (
    "INSERT INTO section_time (interview_id, section, seconds) VALUES (?, ?, ?)"
    " ON CONFLICT (interview_id, section) DO UPDATE SET seconds = excluded.seconds"
)
UPSERT_PAPER = (
    "INSERT INTO paper_text (interview_id, field, value, updated_at) VALUES (?, ?, ?, ?)"
    " ON CONFLICT (interview_id, field) DO UPDATE SET value = excluded.value,"
    " updated_at = excluded.updated_at"
)
