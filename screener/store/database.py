"""Opening the SQLite file safely: one connection factory, the durability settings, and the
checks that refuse a damaged, foreign, locked or read-only file before anything is written.

``Connector`` is the only place that calls ``connect``, so SQLCipher (``sqlcipher3.dbapi2``,
same DB-API) can replace ``sqlite3`` later by passing another ``module`` without touching any
caller. The repository works on the one DB-API connection ``open_connection`` returns; SQLAlchemy
is imported only when something asks for an engine on it (``engine_on``: bulk tools), so a
start-up that only reads never pays for importing it.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from screener.errors import DatabaseError
from screener.i18n import _

if TYPE_CHECKING:
    from sqlalchemy import Engine

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
LOCK_PROBE_TIMEOUT_MS = 1000

# What every write connection must have in effect (value as PRAGMA reads it back).
REQUIRED_PRAGMAS: dict[str, str | int] = {
    "journal_mode": "wal",  # readers never block the writer; a crash never corrupts
    "synchronous": 2,  # FULL: WAL+NORMAL may lose the last commits on power loss
    "foreign_keys": 1,
    "busy_timeout": BUSY_TIMEOUT_MS,
    "secure_delete": 1,  # a deleted interview leaves no readable bytes behind
}


class Connector:
    """Builds one configured DB-API connection each time it is called."""

    def __init__(
        self,
        path: Path,
        *,
        readonly: bool = False,
        module: ModuleType | None = None,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    ) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self.module: Any = module or sqlite3
        self.busy_timeout_ms = busy_timeout_ms

    def __call__(self) -> sqlite3.Connection:
        timeout = self.busy_timeout_ms / 1000
        if self.readonly:
            uri = self.path.resolve().as_uri() + "?mode=ro"
            conn = self.module.connect(
                uri, uri=True, timeout=timeout, check_same_thread=False, isolation_level=None
            )
        else:
            conn = self.module.connect(
                str(self.path), timeout=timeout, check_same_thread=False, isolation_level=None
            )
        try:
            # isolation_level=None: the driver never BEGINs on its own; SQLAlchemy's "begin"
            # event issues BEGIN IMMEDIATE so every change takes the write lock up front.
            conn.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout_ms)}")
            if self.readonly:
                conn.execute("PRAGMA query_only = ON")
            else:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = FULL")
                conn.execute("PRAGMA foreign_keys = ON")
                conn.execute("PRAGMA secure_delete = ON")
        except BaseException:
            conn.close()
            raise
        return conn  # type: ignore[no-any-return]


def read_pragmas(conn: Any) -> dict[str, str | int]:
    """The durability settings as the live connection reports them."""
    values: dict[str, str | int] = {}
    for name in REQUIRED_PRAGMAS:
        row = conn.execute(f"PRAGMA {name}").fetchone()
        value = row[0] if row else None
        values[name] = value.lower() if isinstance(value, str) else int(value or 0)
    return values


def verify_pragmas(conn: Any) -> None:
    """Raise DatabaseError unless every durability setting is really in effect."""
    actual = read_pragmas(conn)
    wrong = [name for name, wanted in REQUIRED_PRAGMAS.items() if actual[name] != wanted]
    if wrong:
        raise DatabaseError(
            _("The database cannot be used safely: settings not in effect: {names}").format(
                names=", ".join(wrong)
            )
        )


def is_writable(path: Path) -> bool:
    """False for a file or folder marked read-only, even when running as administrator/root."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return bool(mode & stat.S_IWUSR) and os.access(path, os.W_OK)


def prepare_location(path: Path) -> None:
    """Check an existing file (without writing to it) or create the folder for a new one."""
    folder = path.parent
    if path.exists():
        if not path.is_file():
            raise DatabaseError(_("The database path is not a file: {path}").format(path=path))
        _check_header(path)
        if not is_writable(path):
            raise DatabaseError(_("The database file is read-only: {path}").format(path=path))
        if not is_writable(folder):
            raise DatabaseError(
                _("The folder of the database is read-only: {folder}").format(folder=folder)
            )
        check_integrity(path)
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseError(
            _("Cannot create the database folder {folder}: {reason}").format(
                folder=folder, reason=error.strerror or type(error).__name__
            )
        ) from error
    if not is_writable(folder):
        raise DatabaseError(
            _("The folder of the database is read-only: {folder}").format(folder=folder)
        )


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise DatabaseError(
            _("Cannot read the database file {path}: {reason}").format(
                path=path, reason=error.strerror or type(error).__name__
            )
        ) from error
    if head and head != SQLITE_HEADER:  # an empty file is a valid, empty database
        raise DatabaseError(not_a_database(path))


def check_integrity(path: Path) -> None:
    """Run ``PRAGMA quick_check`` on a read-only connection and make sure the file is ours
    (a schema version, or no tables yet) before anything may write to it."""
    conn: sqlite3.Connection | None = None
    try:
        conn = Connector(path, readonly=True, busy_timeout_ms=LOCK_PROBE_TIMEOUT_MS)()
        rows = conn.execute("PRAGMA quick_check").fetchall()
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()
    except sqlite3.Error as error:
        raise translate(error, path) from error
    finally:
        if conn is not None:
            conn.close()
    if [tuple(row) for row in rows] != [("ok",)]:
        raise DatabaseError(damaged(path))
    if version == 0 and tables[0] > 0:  # some other program's database: leave it alone
        raise DatabaseError(not_a_database(path))


def probe_write_lock(conn: Any, path: Path) -> None:
    """Take and release the write lock once, so a database held by another program is found
    at start rather than at the first answer."""
    try:
        conn.execute(f"PRAGMA busy_timeout = {LOCK_PROBE_TIMEOUT_MS}")
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
    except sqlite3.Error as error:
        raise translate(error, path) from error
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def not_a_database(path: Path) -> str:
    return _("The file is not a Screener database: {path}").format(path=path)


def damaged(path: Path) -> str:
    return _(
        "The database file is damaged: {path}. Nothing was changed. "
        "Restore it from a backup or ask for help."
    ).format(path=path)


def translate(error: sqlite3.Error, path: Path) -> DatabaseError:
    """A clear message for an SQLite error (no SQL, no values, only the file's path)."""
    name = getattr(error, "sqlite_errorname", "") or ""
    if name.startswith("SQLITE_NOTADB"):
        return DatabaseError(not_a_database(path))
    if name.startswith("SQLITE_CORRUPT"):
        return DatabaseError(damaged(path))
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return DatabaseError(
            _("The database is in use by another program: {path}. Close it and try again.").format(
                path=path
            )
        )
    if name.startswith("SQLITE_READONLY"):
        return DatabaseError(_("The database file is read-only: {path}").format(path=path))
    if name.startswith("SQLITE_FULL"):
        return DatabaseError(_("The disk is full: {path}").format(path=path))
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_IOERR")):
        return DatabaseError(_("Cannot open the database file: {path}").format(path=path))
    return DatabaseError(
        _("The database cannot be used: {path} ({reason})").format(path=path, reason=name or "?")
    )


def open_connection(path: Path, module: ModuleType | None = None) -> Any:
    """Check the file, then open the one DB-API connection of a Repository (autocommit mode:
    the repository issues ``BEGIN IMMEDIATE`` itself), with the durability settings verified on
    the live connection and the write lock probed. Raises DatabaseError."""
    prepare_location(path)
    connector = Connector(path, module=module)
    errors = (sqlite3.Error, connector.module.Error)
    try:
        conn = connector()
    except errors as error:
        raise translate(error, path) from error
    try:
        verify_pragmas(conn)
        probe_write_lock(conn, path)
    except errors as error:
        conn.close()
        raise translate(error, path) from error
    except BaseException:
        conn.close()
        raise
    return conn


def _begin_immediate(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def engine_on(conn: Any) -> Engine:
    """An SQLAlchemy engine over the already open connection ``conn`` (StaticPool: it is the
    only connection; every transaction ``BEGIN IMMEDIATE``). Disposing of the engine closes
    ``conn``. Imports SQLAlchemy, so only bulk tools and tests should ask for it."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import StaticPool

    engine = create_engine("sqlite://", creator=lambda: conn, poolclass=StaticPool)
    event.listen(engine, "begin", _begin_immediate)
    return engine
