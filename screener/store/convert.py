"""Between rows and records: timestamps, JSON payloads, info fields. No SQL here.

Rows are what the DB-API returns: the interview row as a mapping by column name
(``sqlite3.Row``), an answer as a plain tuple in the column order given below.
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from datetime import UTC, date, datetime
from typing import Any

from screener.store.records import Answer, AnswerState, Consent, InterviewInfo
from screener.store.text import clean_text

# An answer row as the repository reads it for its event log: (state, value_json, other).
AnswerValue = tuple[str, str, str]
# An answer row as ``answer_of`` reads it: (item, state, value_json, other, updated_at).
AnswerRecord = tuple[str, str, str, str, str]

INFO_FIELDS = tuple(field.name for field in fields(InterviewInfo))


def now() -> str:
    """UTC, ISO-8601 with microseconds: sorts as text and keeps its time zone."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def to_datetime(value: str | None) -> datetime | None:
    """A stored timestamp as an aware datetime in the computer's local time zone."""
    return datetime.fromisoformat(value).astimezone() if value else None


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def clean_info(info: InterviewInfo) -> dict[str, Any]:
    """The info as stored: every text cleaned, the birth date as ISO text."""
    from screener.store.records import INTERPRETER_MODES

    data: dict[str, Any] = {}
    for name in INFO_FIELDS:
        value = getattr(info, name)
        if name == "birth_date":
            data[name] = value.isoformat() if isinstance(value, date) else None
        else:
            data[name] = clean_text(str(value or ""))
    if data["interpreter_mode"] not in INTERPRETER_MODES:
        raise ValueError(f"unknown interpreter mode: {data['interpreter_mode']}")
    return data


def info_of(row: Any) -> InterviewInfo:
    """The info fields of an interview row (``sqlite3.Row`` or any mapping by column name)."""
    data = {name: row[name] for name in INFO_FIELDS}
    data["birth_date"] = date.fromisoformat(row["birth_date"]) if row["birth_date"] else None
    return InterviewInfo(**data)


def answer_payload(row: AnswerValue | None) -> dict[str, Any] | None:
    """What the event log records as an answer's old or new value."""
    if row is None:
        return None
    state, value_json, other = row
    return {"state": state, "value": json.loads(value_json), "other": other}


def answer_of(row: AnswerRecord) -> Answer:
    item, state, value_json, other, updated_at = row
    return Answer(
        item=item,
        state=AnswerState(state),
        value=json.loads(value_json),
        other=other,
        updated_at=to_datetime(updated_at),
    )


def consent_payload(consent: Consent, stamp: str) -> dict[str, Any]:
    """``stamp`` (the store's clock) is the time of recording unless the consent names one."""
    data = asdict(consent)
    data["language"] = clean_text(consent.language)
    data["interpreter"] = clean_text(consent.interpreter)
    recorded = consent.recorded_at or datetime.fromisoformat(stamp)
    if recorded.tzinfo is None:
        recorded = recorded.astimezone()
    data["recorded_at"] = recorded.astimezone(UTC).isoformat(timespec="microseconds")
    return data


def consent_of(text: str | None) -> Consent | None:
    if not text:
        return None
    data = json.loads(text)
    return Consent(
        screening=_tristate(data.get("screening")),
        handover=_tristate(data.get("handover")),
        sensitive=_tristate(data.get("sensitive")),
        cv_postcard=_tristate(data.get("cv_postcard")),
        language=str(data.get("language", "")),
        interpreter=str(data.get("interpreter", "")),
        recorded_at=to_datetime(data.get("recorded_at")),
    )


def _tristate(value: Any) -> bool | None:
    return None if value is None else bool(value)
