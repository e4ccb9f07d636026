"""Moving an interview between laptops: a complete record of it (every column, answer, note,
flag, section time, the event history and the questionnaire snapshot it is pinned to), and the
import that restores it on another laptop so it can be continued and exports the same PDF.

Identity is the interview's UUID (schema 4): importing the same interview again replaces the
older version when the incoming one is newer (its events are added to the log, where the
replaced version's history stays) and changes nothing otherwise. Every check runs before the
first write, and the whole import is one transaction: bad input writes nothing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from screener import __version__
from screener.errors import BundleError
from screener.i18n import _
from screener.store import convert
from screener.store.connection import StoreConnection
from screener.store.database import row_class
from screener.store.items import shape_of
from screener.store.migrations import search_key
from screener.store.records import AnswerState, Status

FORMAT = "screener-transfer"
FORMAT_VERSION = 1
# Columns of the interview row carried in the record (id and the derived columns are local).
ROW_COLUMNS = (
    *convert.INFO_FIELDS,
    "uuid",
    "status",
    "questionnaire_id",
    "questionnaire_version",
    "questionnaire_hash",
    "created_at",
    "updated_at",
    "finalized_at",
    "exported_at",
    "position_section",
    "position_item",
    "elapsed_seconds",
    "consent_json",
)
_DERIVED = ("search_key", "answered_count", "total_count")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SnapshotRecord(_Strict):
    hash: str
    questionnaire_id: str
    version: str
    snapshot_json: str
    created_at: str


class AnswerRecord(_Strict):
    item: str
    state: AnswerState
    value_json: str
    other: str = ""
    updated_at: str


class NoteRecord(_Strict):
    item: str
    note: str
    flagged: bool
    updated_at: str


class TimeRecord(_Strict):
    section: str
    seconds: float


class EventRecord(_Strict):
    at: str
    actor: str
    kind: str
    item: str | None = None
    old_json: str
    new_json: str


class TransferRecord(_Strict):
    format: Literal["screener-transfer"]
    format_version: int
    screener_version: str
    exported_at: str
    interview: dict[str, Any]
    snapshot: SnapshotRecord
    answers: list[AnswerRecord]
    notes: list[NoteRecord]
    section_times: list[TimeRecord]
    events: list[EventRecord]
    digest: str


def _digest(data: dict[str, Any]) -> str:
    """SHA-256 of the record without its digest: finds a damaged or edited file."""
    body = {key: value for key, value in data.items() if key != "digest"}
    canonical = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def export_record(store: StoreConnection, interview_id: int) -> dict[str, Any]:
    """The complete record of one interview as a JSON-ready dict (format screener-transfer)."""
    with store._tx(write=False) as conn:
        row = store._row(conn, interview_id)
        cursor = conn.cursor()
        cursor.row_factory = row_class(conn)
        snapshot = cursor.execute(
            "SELECT hash, questionnaire_id, version, snapshot_json, created_at"
            " FROM questionnaire_snapshot WHERE hash = ?",
            (row["questionnaire_hash"],),
        ).fetchone()
        answers = conn.execute(
            "SELECT item, state, value_json, other, updated_at FROM answer"
            " WHERE interview_id = ? ORDER BY item",
            (interview_id,),
        ).fetchall()
        notes = conn.execute(
            "SELECT item, note, flagged, updated_at FROM item_note"
            " WHERE interview_id = ? ORDER BY item",
            (interview_id,),
        ).fetchall()
        times = conn.execute(
            "SELECT section, seconds FROM section_time WHERE interview_id = ? ORDER BY section",
            (interview_id,),
        ).fetchall()
        events = conn.execute(
            "SELECT at, actor, kind, item, old_json, new_json FROM event"
            " WHERE interview_id = ? ORDER BY id",
            (interview_id,),
        ).fetchall()
    record: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "screener_version": __version__,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "interview": {name: row[name] for name in ROW_COLUMNS},
        "snapshot": dict(zip(snapshot.keys(), tuple(snapshot), strict=True)),
        "answers": [
            dict(zip(("item", "state", "value_json", "other", "updated_at"), a, strict=True))
            for a in answers
        ],
        "notes": [
            {"item": n[0], "note": n[1], "flagged": bool(n[2]), "updated_at": n[3]} for n in notes
        ],
        "section_times": [{"section": t[0], "seconds": t[1]} for t in times],
        "events": [
            dict(zip(("at", "actor", "kind", "item", "old_json", "new_json"), e, strict=True))
            for e in events
        ],
    }
    record["digest"] = _digest(record)
    return record


def dumps(record: dict[str, Any]) -> bytes:
    return (json.dumps(record, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


@dataclass(frozen=True)
class ImportResult:
    interview_id: int
    action: Literal["added", "replaced", "unchanged"]

    def message(self) -> str:
        if self.action == "added":
            return _("Imported as interview {id}.").format(id=self.interview_id)
        if self.action == "replaced":
            return _("Interview {id} was replaced by the newer imported version.").format(
                id=self.interview_id
            )
        return _("Interview {id} is already up to date; nothing was changed.").format(
            id=self.interview_id
        )


def _fail(source: str, problems: list[str]) -> BundleError:
    lines = "\n".join(f"  - {problem}" for problem in problems)
    return BundleError(
        _("{file}: cannot be imported; nothing was written:\n{problems}").format(
            file=source, problems=lines
        )
    )


def validate(data: dict[str, Any], source: str) -> TransferRecord:
    """The record checked completely: format and version, digest, the questionnaire snapshot
    against its hash, and every answer, note and time against that questionnaire. Raises
    BundleError listing every problem."""
    if data.get("format") != FORMAT:
        if data.get("format") == "screener-interview":
            raise _fail(source, [_("this is a handover export; import needs a transfer file")])
        raise _fail(source, [_("not a Screener transfer file")])
    version = data.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise _fail(
            source, [_("made by a newer version of Screener (format {v})").format(v=version)]
        )
    if data.get("digest") != _digest(data):
        raise _fail(source, [_("the file was changed or damaged after it was written")])
    try:
        record = TransferRecord.model_validate(data)
    except ValidationError as error:
        raise _fail(
            source,
            ["{}: {}".format(".".join(str(p) for p in e["loc"]), e["msg"]) for e in error.errors()],
        ) from error
    problems = _check_content(record)
    if problems:
        raise _fail(source, problems)
    return record


def _check_content(record: TransferRecord) -> list[str]:
    from screener.questionnaire.model import Questionnaire

    problems: list[str] = []
    row = record.interview
    missing = [name for name in ROW_COLUMNS if name not in row]
    unknown = sorted(set(row) - set(ROW_COLUMNS))
    problems += [_("interview: missing field {name}").format(name=n) for n in missing]
    problems += [_("interview: unknown field {name}").format(name=n) for n in unknown]
    if problems:
        return problems
    if row["status"] not in {status.value for status in Status}:
        problems.append(_("interview: unknown status {value}").format(value=row["status"]))
    try:
        questionnaire = Questionnaire.model_validate_json(record.snapshot.snapshot_json)
    except ValidationError:
        return [*problems, _("the questionnaire snapshot is damaged")]
    if questionnaire.content_hash() != record.snapshot.hash or row["questionnaire_hash"] != (
        record.snapshot.hash
    ):
        return [*problems, _("the questionnaire snapshot does not match its hash")]
    shape = shape_of(json.loads(record.snapshot.snapshot_json))
    for answer in record.answers:
        if answer.item not in shape.answerable:
            problems.append(
                _("answer {item}: no such question in the questionnaire").format(item=answer.item)
            )
            continue
        try:
            json.loads(answer.value_json)
        except ValueError:
            problems.append(_("answer {item}: the value is damaged").format(item=answer.item))
    for note in record.notes:
        if note.item not in shape.items:
            problems.append(
                _("note {item}: no such item in the questionnaire").format(item=note.item)
            )
    return problems


def import_record(store: StoreConnection, data: dict[str, Any], source: str) -> ImportResult:
    """Restore the interview of a transfer record (see the module docstring)."""
    record = validate(data, source)
    row = record.interview
    shape = shape_of(json.loads(record.snapshot.snapshot_json))
    with store._tx() as conn:
        existing = conn.execute(
            "SELECT id, updated_at FROM interview WHERE uuid = ?", (row["uuid"],)
        ).fetchone()
        if existing is not None and existing[1] >= row["updated_at"]:
            return ImportResult(int(existing[0]), "unchanged")
        snap = record.snapshot
        conn.execute(
            "INSERT OR IGNORE INTO questionnaire_snapshot"
            " (hash, questionnaire_id, version, snapshot_json, created_at) VALUES (?, ?, ?, ?, ?)",
            (snap.hash, snap.questionnaire_id, snap.version, snap.snapshot_json, snap.created_at),
        )
        values = {
            **{name: row[name] for name in ROW_COLUMNS},
            "search_key": search_key(row["candidate_name"], row["case_id"], row["municipality"]),
            "answered_count": len(record.answers),
            "total_count": len(shape.answerable),
        }
        if existing is None:
            names = ", ".join(values)
            marks = ", ".join("?" for _ in values)
            cursor = conn.execute(
                f"INSERT INTO interview ({names}) VALUES ({marks})", tuple(values.values())
            )
            interview_id = int(cursor.lastrowid)
            known: set[tuple[Any, ...]] = set()
        else:
            interview_id = int(existing[0])
            assignments = ", ".join(f"{name} = ?" for name in values)
            conn.execute(
                f"UPDATE interview SET {assignments} WHERE id = ?",
                (*values.values(), interview_id),
            )
            for table in ("answer", "item_note", "section_time"):
                conn.execute(f"DELETE FROM {table} WHERE interview_id = ?", (interview_id,))
            known = {
                tuple(e)
                for e in conn.execute(
                    "SELECT at, actor, kind, item, old_json, new_json FROM event"
                    " WHERE interview_id = ?",
                    (interview_id,),
                )
            }
        _write_rows(conn, interview_id, record, known)
        if existing is not None:  # a first import carries the history exactly as it was
            store._log(
                conn,
                interview_id,
                "import_replaced",
                None,
                {"updated_at": existing[1]},
                {"uuid": row["uuid"], "updated_at": row["updated_at"]},
            )
    store._shapes.pop(interview_id, None)
    return ImportResult(interview_id, "added" if existing is None else "replaced")


def _write_rows(conn: Any, interview_id: int, record: TransferRecord, known: set[Any]) -> None:
    conn.executemany(
        "INSERT INTO answer (interview_id, item, state, value_json, other, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [
            (interview_id, a.item, a.state.value, a.value_json, a.other, a.updated_at)
            for a in record.answers
        ],
    )
    conn.executemany(
        "INSERT INTO item_note (interview_id, item, note, flagged, updated_at)"
        " VALUES (?, ?, ?, ?, ?)",
        [(interview_id, n.item, n.note, n.flagged, n.updated_at) for n in record.notes],
    )
    conn.executemany(
        "INSERT INTO section_time (interview_id, section, seconds) VALUES (?, ?, ?)",
        [(interview_id, t.section, t.seconds) for t in record.section_times],
    )
    conn.executemany(
        "INSERT INTO event (interview_id, at, actor, kind, item, old_json, new_json)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (interview_id, e.at, e.actor, e.kind, e.item, e.old_json, e.new_json)
            for e in record.events
            if (e.at, e.actor, e.kind, e.item, e.old_json, e.new_json) not in known
        ],
    )
