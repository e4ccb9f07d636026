"""One writer per database: the app holds an exclusive SQLite lock on a small ``<db>.lock`` file
for as long as it runs, so a second copy of the app is told at once that the file is open
elsewhere (instead of both saving and the last writer silently winning). SQLite's own file
locking works the same on Windows, macOS and Linux, and the operating system drops the lock
when the process dies, so a crash never leaves the database locked out. Read-only command-line
tools do not take it and keep working beside the app."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from screener.errors import DatabaseInUseError
from screener.i18n import _


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def in_use_message(db_path: Path) -> str:
    return _(
        "The database is open in another Screener window or program: {path}. "
        "Close it there first (two copies would overwrite each other's answers)."
    ).format(path=db_path)


class WriterLock:
    """Held from ``acquire`` until ``release`` (or the end of the process)."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)
        self.path = lock_path(self.db_path)
        self._conn: sqlite3.Connection | None = None

    def acquire(self) -> None:
        """Take the lock at once or raise DatabaseInUseError (translated, names the file)."""
        if self._conn is not None:
            return
        conn = sqlite3.connect(self.path, timeout=0, isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA journal_mode = OFF")  # nothing to roll back: no journal file
            conn.execute("PRAGMA locking_mode = EXCLUSIVE")  # kept until the connection closes
            conn.execute("BEGIN EXCLUSIVE")
            conn.execute("COMMIT")
        except sqlite3.Error as error:
            conn.close()
            raise DatabaseInUseError(in_use_message(self.db_path)) from error
        with contextlib.suppress(OSError):
            self.path.chmod(0o600)
        self._conn = conn

    def release(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def is_locked(db_path: Path) -> bool:
    """True while another process (or connection) holds the writer lock of ``db_path``."""
    probe = WriterLock(db_path)
    if not probe.path.exists():
        return False
    try:
        probe.acquire()
    except DatabaseInUseError:
        return True
    probe.release()
    return False
