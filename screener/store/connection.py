"""The repository's connection and transactions: one shared DB-API connection guarded by a lock,
one ``BEGIN IMMEDIATE`` transaction per change with its event row, committed before the method
returns. ``Repository`` builds its public API on this; nothing else uses it directly."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from screener.errors import ConsentError, NotFoundError, ReadOnlyInterviewError
from screener.i18n import _
from screener.store import convert
from screener.store.database import (
    BUSY_TIMEOUT_MS,
    DB_ERRORS,
    DBConnection,
    engine_on,
    make_folder,
    open_connection,
    read_pragmas,
    row_class,
    translate,
)
from screener.store.items import Shape, shape_of
from screener.store.migrations import migrate
from screener.store.records import Status
from screener.store.text import clean_text

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from screener.security.keyfile import DatabaseKey

# Waits between tries to empty the WAL after an erasure (a reader may hold an old snapshot).
_WIPE_RETRIES_S = (0.0, 0.05, 0.1, 0.2, 0.4)
_WIPE_BUSY_MS = 50

_INSERT_EVENT = (
    "INSERT INTO event (interview_id, at, actor, kind, item, old_json, new_json)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_LAST_EVENT = (
    "SELECT id, kind, item, actor, at FROM event WHERE interview_id = ? ORDER BY id DESC LIMIT 1"
)
_MERGE_EVENT = "UPDATE event SET at = ?, new_json = ? WHERE id = ?"
TYPING_MERGE_SECONDS = 60.0  # answer writes of one item closer than this are one log entry
# Columns a change may set on the interview row (besides updated_at, which every change sets).
_ROW_COLUMNS = frozenset(
    {
        *convert.INFO_FIELDS,
        "search_key",
        "answered_count",
        "status",
        "finalized_at",
        "exported_at",
        "position_section",
        "position_item",
        "elapsed_seconds",
        "consent_json",
    }
)


class _Change:
    """One write to one interview, inside the repository's transaction: ``row`` is the
    interview row as read when it began; ``log`` appends an event, ``set`` changes columns of
    the interview row. At the end, an interview that changed gets its ``updated_at`` (and the
    columns set) in one UPDATE before the commit."""

    __slots__ = ("conn", "dirty", "interview_id", "repo", "row", "values")

    def __init__(self, repo: StoreConnection, conn: DBConnection, row: Any) -> None:
        self.repo = repo
        self.conn = conn
        self.row = row
        self.interview_id: int = row["id"]
        self.values: dict[str, Any] = {}
        self.dirty = False

    def __getitem__(self, column: str) -> Any:
        """A column of the interview row, with this change's own updates applied."""
        return self.values[column] if column in self.values else self.row[column]

    def set(self, **columns: Any) -> None:
        unknown = set(columns) - _ROW_COLUMNS
        if unknown:
            raise ValueError(f"not a column a change may set: {sorted(unknown)}")
        self.values.update(columns)
        self.dirty = True

    def log(self, kind: str, item: str | None = None, old: Any = None, new: Any = None) -> None:
        self.repo._log(self.conn, self.interview_id, kind, item, old, new)
        self.dirty = True

    def log_merged(
        self, kind: str, item: str, old: Any, new: Any, within: float | None = None
    ) -> None:
        """A change that goes on (an answer typed on, the clock of a section): merged into the
        last event when that is the same kind of change to the same item by the same actor
        (less than ``within`` seconds ago, if given), from the value before the first to the
        value after the last. A long text typed at the interpreter's pace, stored at every
        pause, is then one entry instead of one per pause with the whole text; a section's
        clock, stored every ten seconds, one entry per stay."""
        last = self.conn.execute(_LAST_EVENT, (self.interview_id,)).fetchone()
        now = self.repo.now()
        if last is not None and tuple(last[1:4]) == (kind, item, self.repo.actor):
            since = datetime.fromisoformat(now) - datetime.fromisoformat(last[4])
            if within is None or since.total_seconds() < within:
                self.conn.execute(_MERGE_EVENT, (now, convert.dumps(new), last[0]))
                self.dirty = True
                return
        self.log(kind, item, old, new)

    def finish(self) -> None:
        if not self.dirty:
            return
        values = {**self.values, "updated_at": self.repo.now()}
        assignments = ", ".join(f"{column} = ?" for column in values)
        self.conn.execute(
            f"UPDATE interview SET {assignments} WHERE id = ?",
            (*values.values(), self.interview_id),
        )


@contextmanager
def _short_busy_wait(conn: DBConnection) -> Iterator[None]:
    """A checkpoint or VACUUM that a reader blocks fails at once instead of after 5 s."""
    conn.execute(f"PRAGMA busy_timeout = {_WIPE_BUSY_MS}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


class StoreConnection:
    """Opening, closing and the transactions of the store; ``Repository`` adds the API."""

    def __init__(
        self,
        db_path: Path,
        actor: str = "consultant",
        *,
        key: DatabaseKey | None = None,
        exclusive: bool = False,
        clock: Callable[[], str] = convert.now,
    ) -> None:
        """Open (creating if absent) the database at ``db_path``; raises DatabaseError.

        ``key`` opens an encrypted (SQLCipher) file; ``exclusive`` takes the single-writer lock
        first (the app does; DatabaseInUseError when another copy holds it); ``clock`` gives
        the stored timestamps (tests pass a fixed one)."""
        from screener.store.lock import WriterLock

        self.path = Path(db_path)
        self.actor = clean_text(actor)
        self.now = clock
        self.encrypted = key is not None
        self._key = key
        self.wipe_pending = False  # erased data may still be in the WAL (a reader held it)
        self._lock = threading.RLock()
        self._shapes: dict[int, Shape] = {}
        self._conn: DBConnection | None = None
        self._engine: Engine | None = None
        self._writer_lock = WriterLock(self.path) if exclusive else None
        if self._writer_lock is not None:
            try:
                make_folder(self.path.parent)
            except OSError:
                pass  # prepare_location reports it with the folder's name
            else:
                self._writer_lock.acquire()
        try:
            conn = open_connection(self.path, key=key)
            try:
                migrate(conn, self.path)
            except DB_ERRORS as error:
                conn.close()
                raise translate(error, self.path) from error
            except BaseException:
                conn.close()
                raise
        except BaseException:
            if self._writer_lock is not None:
                self._writer_lock.release()
            raise
        self._conn = conn

    # -- plumbing ---------------------------------------------------------------------------

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            if self._conn is None:
                return
            try:
                self._checkpoint()
            finally:
                if self._engine is not None:
                    self._engine.dispose()  # closes the shared connection too
                    self._engine = None
                with suppress(*DB_ERRORS):
                    self._conn.close()
                self._conn = None
                if self._writer_lock is not None:
                    self._writer_lock.release()

    @property
    def _connection(self) -> DBConnection:
        if self._conn is None:
            raise RuntimeError("repository is closed")
        return self._conn

    @property
    def engine(self) -> Engine:
        """An SQLAlchemy engine on the repository's one connection, built (and SQLAlchemy
        imported) on first use. For bulk tools only: it bypasses the repository's lock, so no
        other thread may use the repository while it runs."""
        with self._lock:
            if self._engine is None:
                self._engine = engine_on(self._connection)
            return self._engine

    @property
    def key(self) -> DatabaseKey | None:
        """The key this store was opened with (for the lock screen's check); None if plain."""
        return self._key

    def pragmas(self) -> dict[str, str | int]:
        """The durability settings read back from the live connection (for tests and support)."""
        with self._raw() as raw:
            return read_pragmas(raw)

    @contextmanager
    def _raw(self) -> Iterator[DBConnection]:
        with self._lock:
            yield self._connection

    def _checkpoint(self) -> bool:
        """Fold the WAL into the main file and truncate it (this also wipes erased data from
        the WAL). Retried briefly while a reader holds an older snapshot (without waiting on
        SQLite's busy timeout each time); if it still cannot finish, ``wipe_pending`` stays True
        and the next erasure or ``close`` tries again. Returns True when the WAL is empty."""
        for pause in _WIPE_RETRIES_S:
            if pause:
                time.sleep(pause)
            try:
                with self._raw() as raw, _short_busy_wait(raw):
                    busy = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            except Exception:  # never a failure of the change itself: reported as pending
                continue
            if not busy:
                self.wipe_pending = False
                return True
        self.wipe_pending = True
        return False

    def rekey(self, key: DatabaseKey) -> None:
        """Re-encrypt every page under ``key`` (SQLCipher ``PRAGMA rekey``, one transaction).
        The WAL is emptied before and after, so no page stays under the old key."""
        if self._key is None:
            raise ValueError("a plain database has no key to change")
        with self._lock:
            self._checkpoint()
            try:
                self._connection.execute(f"PRAGMA rekey = {key.pragma()}")
            except DB_ERRORS as error:
                raise translate(error, self.path) from error
            self._key = key
            self._checkpoint()

    def wipe(self) -> bool:
        """After an erasure: rebuild the file without its free pages (VACUUM) and empty the
        WAL, so no byte of erased data is left in the database, -wal or -shm. Returns False
        (and ``wipe_pending`` stays True) while another connection's snapshot keeps old pages
        in the WAL; call again later (``close`` does)."""
        try:
            with self._raw() as raw, _short_busy_wait(raw):
                raw.execute("VACUUM")
        except DB_ERRORS:
            pass  # a reader keeps VACUUM out; the checkpoint below reports it as pending
        return self._checkpoint()

    @contextmanager
    def _tx(self, write: bool = True) -> Iterator[DBConnection]:
        """One transaction on the connection: committed when the block ends (also on an early
        ``return``), rolled back on any exception. Writes take the write lock up front
        (``BEGIN IMMEDIATE``); reads get one consistent snapshot (deferred ``BEGIN``)."""
        with self._lock:
            conn = self._connection
            try:
                conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
                try:
                    yield conn
                except BaseException:
                    self._rollback(conn)
                    raise
                try:
                    conn.execute("COMMIT")
                except BaseException:
                    self._rollback(conn)
                    raise
            except DB_ERRORS as error:
                raise translate(error, self.path) from error

    @staticmethod
    def _rollback(conn: DBConnection) -> None:
        if conn.in_transaction:
            with suppress(*DB_ERRORS):
                conn.execute("ROLLBACK")

    @contextmanager
    def _change(self, interview_id: int, allow_final: bool = False) -> Iterator[_Change]:
        """A write to one interview; finalized interviews refuse unless ``allow_final``."""
        with self._tx() as conn:
            change = _Change(self, conn, self._row(conn, interview_id))
            if not allow_final and change.row["status"] != Status.DRAFT:
                raise ReadOnlyInterviewError(
                    _("Interview {id} is finalized. Reopen it with a reason to change it.").format(
                        id=interview_id
                    )
                )
            yield change
            change.finish()

    def _row(self, conn: DBConnection, interview_id: int) -> Any:
        """The interview row as the driver's ``Row`` (columns by name); NotFoundError if none."""
        cursor = conn.cursor()
        cursor.row_factory = row_class(conn)
        row = cursor.execute("SELECT * FROM interview WHERE id = ?", (interview_id,)).fetchone()
        if row is None:
            raise NotFoundError(_("No interview with id {id}.").format(id=interview_id))
        return row

    def _log(
        self,
        conn: DBConnection,
        interview_id: int | None,
        kind: str,
        item: str | None = None,
        old: Any = None,
        new: Any = None,
    ) -> None:
        conn.execute(
            _INSERT_EVENT,
            (
                interview_id,
                self.now(),
                self.actor,
                kind,
                item,
                convert.dumps(old),
                convert.dumps(new),
            ),
        )

    def _shape(self, change: _Change) -> Shape:
        shape = self._shapes.get(change.interview_id)
        if shape is None:
            snapshot = change.conn.execute(
                "SELECT snapshot_json FROM questionnaire_snapshot WHERE hash = ?",
                (change.row["questionnaire_hash"],),
            ).fetchone()
            assert snapshot is not None  # a foreign key guarantees it
            shape = shape_of(json.loads(snapshot[0]))
            self._shapes[change.interview_id] = shape
        return shape

    def _check_item(self, change: _Change, item: str, answer: bool) -> None:
        """The item exists, and the candidate consented to the screening: without that
        consent nothing about the candidate is recorded (no answer, note or flag)."""
        consent = convert.consent_of(change["consent_json"])
        if consent is None or consent.screening is not True:
            raise ConsentError(
                _("Nothing can be recorded before the candidate has consented to the screening.")
            )
        shape = self._shape(change)
        if item not in (shape.answerable if answer else shape.items):
            raise ValueError(f"no such {'answerable ' if answer else ''}item: {item}")
