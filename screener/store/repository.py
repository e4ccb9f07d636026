"""The one way the rest of the program reads and writes interviews (screens never write SQL).

Each public method is one change or one read; how a change becomes one durable transaction
with its event row is ``connection.StoreConnection``. All texts pass through
``text.clean_text``. The statements are fixed SQL on the DB-API connection: an answer save is
BEGIN, two primary-key reads (the interview, the old answer), three writes (answer, event,
interview's ``updated_at``/count) and COMMIT, with no ORM between a keystroke and the disk.
The tables are declared in ``tables.py``; a test prepares every statement here against them.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from screener.i18n import _
from screener.interview.values import is_empty
from screener.store import convert, queries, statements
from screener.store.connection import TYPING_MERGE_SECONDS, StoreConnection
from screener.store.items import shape_of
from screener.store.migrations import search_key
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
from screener.store.refusal import keep_only_the_refusal
from screener.store.text import clean_text, clean_value

if TYPE_CHECKING:
    from screener.questionnaire.model import Questionnaire

# A paper field key: dotted lower-case words, e.g. "cv.job.da".
_PAPER_FIELD = re.compile(r"[a-z][a-z0-9_]{0,30}(\.[a-z][a-z0-9_]{0,30}){0,3}")


class Repository(StoreConnection):
    # -- interviews -------------------------------------------------------------------------

    def create_interview(
        self, info: InterviewInfo, questionnaire: Questionnaire, consent: Consent | None = None
    ) -> int:
        """Start an interview, pinning the questionnaire (id, version, hash and snapshot); a
        consent recorded up front goes into the same transaction and the event log."""
        data = convert.clean_info(info)
        snapshot_json = questionnaire.model_dump_json()
        digest = questionnaire.content_hash()
        shape = shape_of(json.loads(snapshot_json))
        stamp = self.now()
        with self._tx() as conn:
            known = conn.execute(
                "SELECT 1 FROM questionnaire_snapshot WHERE hash = ?", (digest,)
            ).fetchone()
            if known is None:
                conn.execute(
                    "INSERT INTO questionnaire_snapshot"
                    " (hash, questionnaire_id, version, snapshot_json, created_at)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (digest, questionnaire.id, questionnaire.version, snapshot_json, stamp),
                )
            row = {
                **data,
                "status": Status.DRAFT.value,
                "questionnaire_id": questionnaire.id,
                "questionnaire_version": questionnaire.version,
                "questionnaire_hash": digest,
                "created_at": stamp,
                "updated_at": stamp,
                "elapsed_seconds": 0.0,
                "search_key": search_key(
                    data["candidate_name"], data["case_id"], data["municipality"]
                ),
                "answered_count": 0,
                "total_count": len(shape.answerable),
            }
            cursor = conn.execute(
                statements.INSERT_INTERVIEW,
                tuple(row[name] for name in statements.NEW_INTERVIEW_COLUMNS),
            )
            interview_id = int(cursor.lastrowid)
            new = {**data, "questionnaire": [questionnaire.id, questionnaire.version, digest]}
            self._log(conn, interview_id, "created", new=new)
            if consent is not None:
                data_consent = convert.consent_payload(consent, stamp)
                conn.execute(
                    "UPDATE interview SET consent_json = ? WHERE id = ?",
                    (convert.dumps(data_consent), interview_id),
                )
                self._log(conn, interview_id, "consent", new=data_consent)
                if consent.declined:
                    keep_only_the_refusal(conn, interview_id)
        self._shapes[interview_id] = shape
        return interview_id

    def update_info(self, interview_id: int, info: InterviewInfo) -> None:
        data = convert.clean_info(info)
        with self._change(interview_id) as change:
            old = {name: change[name] for name in data if change[name] != data[name]}
            if not old:
                return
            change.set(**{name: data[name] for name in old})
            change.set(
                search_key=search_key(
                    change["candidate_name"], change["case_id"], change["municipality"]
                )
            )
            change.log("info", old=old, new={n: data[n] for n in old})

    # -- answers ----------------------------------------------------------------------------

    def set_answer(self, interview_id: int, item: str, value: Any, other: str = "") -> None:
        """Store an answered value (a repeat's whole entry list); None or "" clears it."""
        value = clean_value(value)
        if is_empty(value):
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
        new = (state.value, value_json, other)
        with self._change(interview_id) as change:
            self._check_item(change, item, answer=True)
            conn = change.conn
            found = conn.execute(statements.SELECT_ANSWER, (interview_id, item)).fetchone()
            if found is None:
                change.set(answered_count=change["answered_count"] + 1)
            elif tuple(found) == new:
                return  # nothing changed: no write, no event
            conn.execute(statements.UPSERT_ANSWER, (interview_id, item, *new, self.now()))
            old = convert.answer_payload(None if found is None else tuple(found))
            if state is AnswerState.ANSWERED:
                change.log_merged(
                    "answer", item, old, convert.answer_payload(new), TYPING_MERGE_SECONDS
                )
            else:
                change.log("mark", item, old, convert.answer_payload(new))

    def clear_answer(self, interview_id: int, item: str) -> None:
        with self._change(interview_id) as change:
            self._check_item(change, item, answer=True)
            conn = change.conn
            found = conn.execute(statements.SELECT_ANSWER, (interview_id, item)).fetchone()
            if found is None:
                return
            old = convert.answer_payload(tuple(found))
            conn.execute(
                "DELETE FROM answer WHERE interview_id = ? AND item = ?", (interview_id, item)
            )
            change.set(answered_count=max(0, change["answered_count"] - 1))
            change.log("clear", item, old, None)

    # -- notes, flags, position, clock, consent ----------------------------------------------

    def set_note(self, interview_id: int, item: str, text: str) -> None:
        self._put_note(interview_id, item, note=clean_text(text))

    def set_flag(self, interview_id: int, item: str, flagged: bool) -> None:
        self._put_note(interview_id, item, flagged=bool(flagged))

    def _put_note(
        self, interview_id: int, item: str, note: str | None = None, flagged: bool | None = None
    ) -> None:
        with self._change(interview_id) as change:
            self._check_item(change, item, answer=False)
            conn = change.conn
            found = conn.execute(
                "SELECT note, flagged FROM item_note WHERE interview_id = ? AND item = ?",
                (interview_id, item),
            ).fetchone()
            old = {"note": "", "flagged": False}
            if found is not None:
                old = {"note": found[0], "flagged": bool(found[1])}
            new = {
                "note": old["note"] if note is None else note,
                "flagged": old["flagged"] if flagged is None else flagged,
            }
            if new == old:
                return
            kind = "note" if note is not None else "flag"
            change.log(kind, item, old, new)
            if not str(new["note"]).strip() and not new["flagged"]:
                if found is not None:
                    conn.execute(
                        "DELETE FROM item_note WHERE interview_id = ? AND item = ?",
                        (interview_id, item),
                    )
                return
            conn.execute(
                statements.UPSERT_NOTE,
                (interview_id, item, str(new["note"]), bool(new["flagged"]), self.now()),
            )

    def set_position(self, interview_id: int, section: str, item: str | None) -> None:
        with self._change(interview_id) as change:
            shape = self._shape(change)
            if section not in shape.sections or (item is not None and item not in shape.items):
                raise ValueError(f"no such position: {section}/{item}")
            old = [change["position_section"], change["position_item"]]
            if old == [section, item]:
                return
            change.set(position_section=section, position_item=item)
            change.log("position", item, old, [section, item])

    def add_elapsed(self, interview_id: int, section: str, seconds: float) -> None:
        """Add time spent in ``section``; totals persist, so the clock survives a restart."""
        seconds = float(seconds)
        if not math.isfinite(seconds) or seconds < 0:
            raise ValueError("elapsed seconds must be a finite, non-negative number")
        if seconds == 0:
            return
        with self._change(interview_id) as change:
            if section not in self._shape(change).sections:
                raise ValueError(f"no such section: {section}")
            conn = change.conn
            found = conn.execute(
                "SELECT seconds FROM section_time WHERE interview_id = ? AND section = ?",
                (interview_id, section),
            ).fetchone()
            old = 0.0 if found is None else float(found[0])
            total = old + seconds
            conn.execute(statements.UPSERT_TIME, (interview_id, section, total))
            change.set(elapsed_seconds=float(change["elapsed_seconds"]) + seconds)
            change.log_merged("elapsed", section, {section: old}, {section: total})

    def record_consent(self, interview_id: int, consent: Consent) -> None:
        """Record (or change) the consents; every change is an event. Allowed on a finalized
        interview too: a withdrawal must take effect on every later export."""
        data = convert.consent_payload(consent, self.now())
        with self._change(interview_id, allow_final=True) as change:
            old = json.loads(change["consent_json"]) if change["consent_json"] else None
            if old is not None and {k: v for k, v in old.items() if k != "recorded_at"} == {
                k: v for k, v in data.items() if k != "recorded_at"
            }:
                return
            change.set(consent_json=convert.dumps(data))
            change.log("consent", None, old, data)
            if consent.declined and not (old or {}).get("screening"):
                keep_only_the_refusal(change.conn, interview_id)  # nothing was ever answered

    def set_paper_text(self, interview_id: int, field: str, value: str | None) -> None:
        """Store the consultant's text for one field of the candidate's papers, logged like an
        answer. ``None`` removes the edit (the field is built from the answers again); ""
        keeps the field empty on purpose. Allowed after finalizing: the papers are made then."""
        if not _PAPER_FIELD.fullmatch(field):
            raise ValueError(f"not a paper field: {field!r}")
        new = None if value is None else clean_text(value)
        with self._change(interview_id, allow_final=True) as change:
            conn = change.conn
            found = conn.execute(
                "SELECT value FROM paper_text WHERE interview_id = ? AND field = ?",
                (interview_id, field),
            ).fetchone()
            old = None if found is None else str(found[0])
            if old == new:
                return
            if new is None:
                conn.execute(
                    "DELETE FROM paper_text WHERE interview_id = ? AND field = ?",
                    (interview_id, field),
                )
            else:
                conn.execute(statements.UPSERT_PAPER, (interview_id, field, new, self.now()))
            change.log("paper", field, old, new)

    # -- life cycle -------------------------------------------------------------------------

    def finalize(self, interview_id: int) -> None:
        with self._change(interview_id) as change:
            change.set(status=Status.FINALIZED.value, finalized_at=self.now())
            change.log("finalized", None, Status.DRAFT.value, Status.FINALIZED.value)

    def reopen(self, interview_id: int, reason: str) -> None:
        """Make a finalized interview a draft again; the reason goes into the event log."""
        reason = clean_text(reason).strip()
        if not reason:
            raise ValueError(_("A reason is needed to reopen an interview."))
        with self._change(interview_id, allow_final=True) as change:
            if change["status"] == Status.DRAFT:
                return
            old = {"status": change["status"], "finalized_at": change["finalized_at"]}
            change.set(status=Status.DRAFT.value, finalized_at=None)
            change.log("reopened", None, old, {"status": Status.DRAFT.value, "reason": reason})

    def mark_exported(self, interview_id: int) -> None:
        """Record an export. A finalized interview becomes EXPORTED; a draft stays a draft."""
        with self._change(interview_id, allow_final=True) as change:
            old = {"status": change["status"], "exported_at": change["exported_at"]}
            change.set(exported_at=self.now())
            if change["status"] == Status.FINALIZED:
                change.set(status=Status.EXPORTED.value)
            change.log(
                "exported",
                None,
                old,
                {"status": change["status"], "exported_at": change["exported_at"]},
            )

    def delete(self, interview_id: int) -> None:
        """Erase an interview with its answers, notes and events (any status: erasure after
        handover is a duty). Only a receipt without personal data stays in the log."""
        with self._tx() as conn:
            self._row(conn, interview_id)
            # Foreign keys (ON DELETE CASCADE) take its answers, notes, times and events along.
            conn.execute("DELETE FROM interview WHERE id = ?", (interview_id,))
            self._log(conn, None, "deleted", None, None, {"id": interview_id})
        self._shapes.pop(interview_id, None)
        self._checkpoint()

    # -- reading ----------------------------------------------------------------------------

    def list_interviews(
        self, search: str = "", limit: int = 200, offset: int = 0
    ) -> list[InterviewSummary]:
        """Newest first; matches every word of ``search`` in name, case id or municipality."""
        with self._tx(write=False) as conn:
            return queries.summaries(conn, search, limit, offset)

    def count_interviews(self, search: str = "") -> int:
        with self._tx(write=False) as conn:
            return queries.count(conn, search)

    def get(self, interview_id: int) -> Interview:
        """The whole interview, with the questionnaire rebuilt from its pinned snapshot.

        Damaged content (bit rot in a stored text or snapshot) gives the damaged-file message,
        never a traceback that would print the stored text."""
        from pydantic import ValidationError

        from screener.errors import DatabaseError
        from screener.store.database import damaged

        with self._tx(write=False) as conn:
            row = self._row(conn, interview_id)
            try:
                return queries.interview(conn, row)
            except (ValueError, ValidationError, KeyError, TypeError) as error:
                raise DatabaseError(damaged(self.path)) from error

    def events(self, interview_id: int) -> list[Event]:
        with self._tx(write=False) as conn:
            self._row(conn, interview_id)
            return queries.events(conn, interview_id)

    def backup(self, destination: Path) -> None:
        """A complete, consistent copy through SQLite's backup API (never a file copy).

        Written beside ``destination`` first and renamed into place, so a failed backup never
        leaves half a file; raises ExportError when the destination cannot be written.
        """
        from screener.store.backup import backup_connection

        with self._raw() as raw:
            backup_connection(raw, Path(destination), self.path, key=self._key)
