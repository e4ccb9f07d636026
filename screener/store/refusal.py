"""What is left of an interview the candidate said no to: the record of the refusal only.

The consent screen promises it ("only the record that they declined is kept: name, date,
consultant"): the facts typed on the new-interview form (birth date, origin, case, interpreter,
place, municipality) leave the interview row and the earlier log entries that carried them.
"""

from __future__ import annotations

import json

from screener.store import convert
from screener.store.database import DBConnection
from screener.store.migrations import search_key

# The form's facts, as stored when nothing is known.
DROPPED = {
    "birth_date": None,
    "nationality": "",
    "case_id": "",
    "interpreter_language": "",
    "interpreter_name": "",
    "place": "",
    "municipality": "",
}
_FACT_EVENTS = ("created", "info")  # the log entries that carry the form's facts


def keep_only_the_refusal(conn: DBConnection, interview_id: int) -> None:
    """Drop the form's facts of ``interview_id`` inside the caller's transaction."""
    row = conn.execute(
        "SELECT candidate_name FROM interview WHERE id = ?", (interview_id,)
    ).fetchone()
    assignments = ", ".join(f"{column} = ?" for column in DROPPED)
    conn.execute(
        f"UPDATE interview SET {assignments}, search_key = ? WHERE id = ?",
        (*DROPPED.values(), search_key(row[0], "", ""), interview_id),
    )
    events = conn.execute(
        "SELECT id, old_json, new_json FROM event WHERE interview_id = ? AND kind IN (?, ?)",
        (interview_id, *_FACT_EVENTS),
    ).fetchall()
    for event_id, old_json, new_json in events:
        conn.execute(
            "UPDATE event SET old_json = ?, new_json = ? WHERE id = ?",
            (_without_facts(old_json), _without_facts(new_json), event_id),
        )


def _without_facts(payload: str) -> str:
    value = json.loads(payload)
    if not isinstance(value, dict):
        return payload
    return convert.dumps({key: item for key, item in value.items() if key not in DROPPED})
