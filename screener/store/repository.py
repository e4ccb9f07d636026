"""The one way the rest of the program reads and writes interviews (screens never write SQL).

Every write is one short ``BEGIN IMMEDIATE`` transaction that changes the interview and appends
an event row (who, when, kind, item, old and new value) before the single commit; when a method
returns, the change is on disk. All texts pass through ``text.clean_text``. One connection
(StaticPool) is shared, guarded by a lock, so worker threads may call any method.
"""

from __future__ import annotations

import json
import math
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy import delete as sql_delete
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, col

from screener.errors import NotFoundError, ReadOnlyInterviewError
from screener.i18n import _
from screener.questionnaire.model import Questionnaire
from screener.store import convert, queries
from screener.store.database import open_engine, read_pragmas, translate
from screener.store.items import Shape, shape_of
from screener.store.migrations import migrate, search_key
from screener.store.records import (
    NON_RESPONSES,
    AnswerState,
    Consent,
    Event,
    Interview,
    InterviewInfo,
    InterviewSummary,
    Status,
)
from screener.store.tables import (
    AnswerRow,
    EventRow,
    InterviewRow,
    NoteRow,
    SectionTimeRow,
    SnapshotRow,
)
from screener.store.text import clean_text, clean_value


def _is_empty(value: Any) -> bool:
    return value is None or value == [] or (isinstance(value, str) and not value.strip())


class Repository:
    def __init__(self, db_path: Path, actor: str = "consultant") -> None:
        """Open (creating if absent) the database at ``db_path``; raises DatabaseError."""
        self.path = Path(db_path)
        self.actor = clean_text(actor)
        self._lock = threading.RLock()
        self._shapes: dict[int, Shape] = {}
        self._engine: Engine | None = None
        engine = open_engine(self.path)
        try:
            migrate(engine, self.path)
        except DBAPIError as error:
            engine.dispose()
            raise translate(error.orig, self.path) from error  # type: ignore[arg-type]
        except BaseException:
            engine.dispose()
            raise
        self._engine = engine

    # -- plumbing ---------------------------------------------------------------------------

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            if self._engine is None:
                return
            try:
                self._checkpoint()
            finally:
                self._engine.dispose()
                self._engine = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise RuntimeError("repository is closed")
        return self._engine

    def pragmas(self) -> dict[str, str | int]:
        """The durability settings read back from the live connection (for tests and support)."""
        with self._raw() as raw:
            return read_pragmas(raw)

    @contextmanager
    def _raw(self) -> Iterator[Any]:
        with self._lock, self.engine.connect() as conn:
            yield conn.connection.dbapi_connection

    def _checkpoint(self) -> None:
        """Fold the WAL into the main file (also wipes deleted data from the WAL)."""
        try:
            with self._raw() as raw:
                raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except Exception:  # a checkpoint is an optimisation, never a failure
            pass

    @contextmanager
    def _tx(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any exception."""
        with self._lock:
            try:
                with Session(self.engine, expire_on_commit=False) as session, session.begin():
                    yield session
            except DBAPIError as error:
                raise translate(error.orig, self.path) from error  # type: ignore[arg-type]

    @contextmanager
    def _change(
        self, interview_id: int, allow_final: bool = False
    ) -> Iterator[tuple[Session, InterviewRow]]:
        """A write to one interview; finalized interviews refuse unless ``allow_final``."""
        with self._tx() as session:
            row = self._row(session, interview_id)
            if not allow_final and row.status != Status.DRAFT:
                raise ReadOnlyInterviewError(
                    _("Interview {id} is finalized. Reopen it with a reason to change it.").format(
                        id=interview_id
                    )
                )
            yield session, row
            if session.new or session.dirty or session.deleted:
                row.updated_at = convert.now()
                session.add(row)

    def _row(self, session: Session, interview_id: int) -> InterviewRow:
        row = session.get(InterviewRow, interview_id)
        if row is None:
            raise NotFoundError(_("No interview with id {id}.").format(id=interview_id))
        return row

    def _log(
        self,
        session: Session,
        interview_id: int | None,
        kind: str,
        item: str | None = None,
        old: Any = None,
        new: Any = None,
    ) -> None:
        session.add(
            EventRow(
                interview_id=interview_id,
                at=convert.now(),
                actor=self.actor,
                kind=kind,
                item=item,
                old_json=convert.dumps(old),
                new_json=convert.dumps(new),
            )
        )

    def _shape(self, session: Session, row: InterviewRow) -> Shape:
        assert row.id is not None
        shape = self._shapes.get(row.id)
        if shape is None:
            snapshot = session.get(SnapshotRow, row.questionnaire_hash)
            assert snapshot is not None  # a foreign key guarantees it
            shape = shape_of(json.loads(snapshot.snapshot_json))
            self._shapes[row.id] = shape
        return shape

    def _check_item(self, session: Session, row: InterviewRow, item: str, answer: bool) -> None:
        shape = self._shape(session, row)
        if item not in (shape.answerable if answer else shape.items):
            raise ValueError(f"no such {'answerable ' if answer else ''}item: {item}")

    # -- interviews -------------------------------------------------------------------------

    def create_interview(self, info: InterviewInfo, questionnaire: Questionnaire) -> int:
        """Start an interview, pinning the questionnaire (id, version, hash and snapshot)."""
        data = convert.clean_info(info)
        snapshot_json = questionnaire.model_dump_json()
        digest = questionnaire.content_hash()
        shape = shape_of(json.loads(snapshot_json))
        stamp = convert.now()
        with self._tx() as session:
            if session.get(SnapshotRow, digest) is None:
                session.add(
                    SnapshotRow(
                        hash=digest,
                        questionnaire_id=questionnaire.id,
                        version=questionnaire.version,
                        snapshot_json=snapshot_json,
                        created_at=stamp,
                    )
                )
                session.flush()  # the interview row refers to it
            row = InterviewRow(
                **data,
                status=Status.DRAFT.value,
                questionnaire_id=questionnaire.id,
                questionnaire_version=questionnaire.version,
                questionnaire_hash=digest,
                created_at=stamp,
                updated_at=stamp,
                search_key=search_key(
                    data["candidate_name"], data["case_id"], data["municipality"]
                ),
                total_count=len(shape.answerable),
            )
            session.add(row)
            session.flush()
            assert row.id is not None
            new = {**data, "questionnaire": [questionnaire.id, questionnaire.version, digest]}
            self._log(session, row.id, "created", new=new)
            interview_id = row.id
        self._shapes[interview_id] = shape
        return interview_id

    def update_info(self, interview_id: int, info: InterviewInfo) -> None:
        data = convert.clean_info(info)
        with self._change(interview_id) as (session, row):
            old = {name: getattr(row, name) for name in data if getattr(row, name) != data[name]}
            if not old:
                return
            for name in old:
                setattr(row, name, data[name])
            row.search_key = search_key(row.candidate_name, row.case_id, row.municipality)
            self._log(session, interview_id, "info", old=old, new={n: data[n] for n in old})

    # -- answers ----------------------------------------------------------------------------

    def set_answer(self, interview_id: int, item: str, value: Any, other: str = "") -> None:
        """Store an answered value (a repeat's whole entry list); None or "" clears it."""
        value = clean_value(value)
        if _is_empty(value):
            self.clear_answer(interview_id, item)
            return
        self._put_answer(interview_id, item, AnswerState.ANSWERED, value, clean_text(other))

    def mark(self, interview_id: int, item: str, state: AnswerState) -> None:
        """Record don't know / declined / not applicable (ANSWERED is set via set_answer)."""
        state = AnswerState(state)
        if state not in NON_RESPONSES:
            raise ValueError("use set_answer for an answered value")
        self._put_answer(interview_id, item, state, None, "")

    def _put_answer(
        self, interview_id: int, item: str, state: AnswerState, value: Any, other: str
    ) -> None:
        value_json = convert.dumps(value)
        with self._change(interview_id) as (session, row):
            self._check_item(session, row, item, answer=True)
            answer = session.get(AnswerRow, (interview_id, item))
            old = convert.answer_payload(answer)
            if answer is None:
                answer = AnswerRow(
                    interview_id=interview_id, item=item, state=state.value, updated_at=""
                )
                row.answered_count += 1
            elif (answer.state, answer.value_json, answer.other) == (state, value_json, other):
                return  # nothing changed: no write, no event
            answer.state = state.value
            answer.value_json = value_json
            answer.other = other
            answer.updated_at = convert.now()
            session.add(answer)
            kind = "answer" if state is AnswerState.ANSWERED else "mark"
            self._log(session, interview_id, kind, item, old, convert.answer_payload(answer))

    def clear_answer(self, interview_id: int, item: str) -> None:
        with self._change(interview_id) as (session, row):
            self._check_item(session, row, item, answer=True)
            answer = session.get(AnswerRow, (interview_id, item))
            if answer is None:
                return
            old = convert.answer_payload(answer)
            session.delete(answer)
            row.answered_count = max(0, row.answered_count - 1)
            self._log(session, interview_id, "clear", item, old, None)

    # -- notes, flags, position, clock, consent ----------------------------------------------

    def set_note(self, interview_id: int, item: str, text: str) -> None:
        self._put_note(interview_id, item, note=clean_text(text))

    def set_flag(self, interview_id: int, item: str, flagged: bool) -> None:
        self._put_note(interview_id, item, flagged=bool(flagged))

    def _put_note(
        self, interview_id: int, item: str, note: str | None = None, flagged: bool | None = None
    ) -> None:
        with self._change(interview_id) as (session, row):
            self._check_item(session, row, item, answer=False)
            current = session.get(NoteRow, (interview_id, item))
            if current is None:
                current = NoteRow(interview_id=interview_id, item=item, updated_at="")
            old = {"note": current.note, "flagged": current.flagged}
            new = {
                "note": old["note"] if note is None else note,
                "flagged": old["flagged"] if flagged is None else flagged,
            }
            if new == old:
                return
            kind = "note" if note is not None else "flag"
            self._log(session, interview_id, kind, item, old, new)
            if not str(new["note"]).strip() and not new["flagged"]:
                if session.get(NoteRow, (interview_id, item)) is not None:
                    session.delete(current)
                return
            current.note = str(new["note"])
            current.flagged = bool(new["flagged"])
            current.updated_at = convert.now()
            session.add(current)

    def set_position(self, interview_id: int, section: str, item: str | None) -> None:
        with self._change(interview_id) as (session, row):
            shape = self._shape(session, row)
            if section not in shape.sections or (item is not None and item not in shape.items):
                raise ValueError(f"no such position: {section}/{item}")
            old = [row.position_section, row.position_item]
            if old == [section, item]:
                return
            row.position_section, row.position_item = section, item
            self._log(session, interview_id, "position", item, old, [section, item])

    def add_elapsed(self, interview_id: int, section: str, seconds: float) -> None:
        """Add time spent in ``section``; totals persist, so the clock survives a restart."""
        seconds = float(seconds)
        if not math.isfinite(seconds) or seconds < 0:
            raise ValueError("elapsed seconds must be a finite, non-negative number")
        if seconds == 0:
            return
        with self._change(interview_id) as (session, row):
            if section not in self._shape(session, row).sections:
                raise ValueError(f"no such section: {section}")
            timing = session.get(SectionTimeRow, (interview_id, section))
            if timing is None:
                timing = SectionTimeRow(interview_id=interview_id, section=section, seconds=0.0)
            old = timing.seconds
            timing.seconds += seconds
            row.elapsed_seconds += seconds
            session.add(timing)
            self._log(
                session, interview_id, "elapsed", None, {section: old}, {section: timing.seconds}
            )

    def record_consent(self, interview_id: int, consent: Consent) -> None:
        data = convert.consent_payload(consent)
        with self._change(interview_id) as (session, row):
            old = json.loads(row.consent_json) if row.consent_json else None
            row.consent_json = convert.dumps(data)
            self._log(session, interview_id, "consent", None, old, data)

    # -- life cycle -------------------------------------------------------------------------

    def finalize(self, interview_id: int) -> None:
        with self._change(interview_id) as (session, row):
            row.status = Status.FINALIZED.value
            row.finalized_at = convert.now()
            self._log(session, interview_id, "finalized", None, Status.DRAFT.value, row.status)

    def reopen(self, interview_id: int, reason: str) -> None:
        """Make a finalized interview a draft again; the reason goes into the event log."""
        reason = clean_text(reason).strip()
        if not reason:
            raise ValueError(_("A reason is needed to reopen an interview."))
        with self._change(interview_id, allow_final=True) as (session, row):
            if row.status == Status.DRAFT:
                return
            old = {"status": row.status, "finalized_at": row.finalized_at}
            row.status = Status.DRAFT.value
            row.finalized_at = None
            self._log(
                session,
                interview_id,
                "reopened",
                None,
                old,
                {"status": row.status, "reason": reason},
            )

    def mark_exported(self, interview_id: int) -> None:
        """Record an export. A finalized interview becomes EXPORTED; a draft stays a draft."""
        with self._change(interview_id, allow_final=True) as (session, row):
            old = {"status": row.status, "exported_at": row.exported_at}
            row.exported_at = convert.now()
            if row.status == Status.FINALIZED:
                row.status = Status.EXPORTED.value
            self._log(
                session,
                interview_id,
                "exported",
                None,
                old,
                {"status": row.status, "exported_at": row.exported_at},
            )

    def delete(self, interview_id: int) -> None:
        """Erase an interview with its answers, notes and events (any status: erasure after
        handover is a duty). Only a receipt without personal data stays in the log."""
        with self._tx() as session:
            self._row(session, interview_id)
            session.execute(sql_delete(InterviewRow).where(col(InterviewRow.id) == interview_id))
            self._log(session, None, "deleted", None, None, {"id": interview_id})
        self._shapes.pop(interview_id, None)
        self._checkpoint()

    # -- reading ----------------------------------------------------------------------------

    def list_interviews(
        self, search: str = "", limit: int = 200, offset: int = 0
    ) -> list[InterviewSummary]:
        """Newest first; matches every word of ``search`` in name, case id or municipality."""
        with self._tx() as session:
            return queries.summaries(session, search, limit, offset)

    def count_interviews(self, search: str = "") -> int:
        with self._tx() as session:
            return queries.count(session, search)

    def get(self, interview_id: int) -> Interview:
        """The whole interview, with the questionnaire rebuilt from its pinned snapshot."""
        with self._tx() as session:
            self._row(session, interview_id)
            return queries.interview(session, interview_id)

    def events(self, interview_id: int) -> list[Event]:
        with self._tx() as session:
            self._row(session, interview_id)
            return queries.events(session, interview_id)

    def backup(self, destination: Path) -> None:
        """A complete, consistent copy through SQLite's backup API (never a file copy).

        Written beside ``destination`` first and renamed into place, so a failed backup never
        leaves half a file; raises ExportError when the destination cannot be written.
        """
        from screener.store.backup import backup_connection

        with self._raw() as raw:
            backup_connection(raw, Path(destination), self.path)
