"""Opening the SQLite file safely: one connection factory, the durability settings, and the
checks that refuse a damaged, foreign, locked or read-only file before anything is written.

``Connector`` is the only place that calls ``connect``. Given a ``DatabaseKey`` it opens the
file with SQLCipher (``sqlcipher3.dbapi2``, the same DB-API): the raw key is the first statement,
SQLCipher's own log is silenced (nothing may reach stderr under the TUI) and one read proves the
key before anything else runs. Without a key the file is plain SQLite (tests, tools); the app and
the CLI never open a plain file for work (``screener.security.access``). Errors of both drivers
are caught as ``DB_ERRORS`` and translated by ``translate``. Files are owner-only (0600, folder
0700 when the store creates it), tightened on open when they are wider.

The repository works on the one DB-API connection ``open_connection`` returns (typed by the
``DBConnection`` protocol: both drivers fit it); SQLAlchemy is imported only when something asks
for an engine on it (``engine_on``: the schema migration), so a start-up that only reads never
pays for importing it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Protocol, Self

import sqlcipher3.dbapi2 as sqlcipher

from screener.errors import DatabaseError
from screener.i18n import _

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from screener.security.keyfile import DatabaseKey


class DBCursor(Protocol):
    """What the store uses of a DB-API cursor (``sqlite3`` and ``sqlcipher3`` alike)."""

    row_factory: Any

    @property
    def lastrowid(self) -> Any: ...  # the new row's id after an INSERT

    def __iter__(self) -> Iterator[Any]: ...

    def execute(self, sql: str, parameters: Any = ..., /) -> Self: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


class DBConnection(Protocol):
    """What the store uses of a DB-API connection (``sqlite3`` and ``sqlcipher3`` alike)."""

    @property
    def in_transaction(self) -> bool: ...

    def execute(self, sql: str, parameters: Any = ..., /) -> DBCursor: ...

    def cursor(self) -> DBCursor: ...

    def close(self) -> None: ...


# Every error either driver raises (sqlcipher3's classes are not sqlite3's subclasses).
DB_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, sqlcipher.Error)
OWNER_FILE = 0o600
OWNER_FOLDER = 0o700
SIDE_FILES = ("-wal", "-shm", ".key", ".lock")

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
        key: DatabaseKey | None = None,
    ) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self.key = key
        self.module: Any = module or (sqlcipher if key is not None else sqlite3)
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
            if self.key is not None:
                conn.execute("PRAGMA cipher_log_level = NONE")
                conn.execute(f"PRAGMA key = {self.key.pragma()}")
                # The key is only checked when a page is read: read one now (wrong key: NOTADB).
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            # isolation_level=None: the driver never BEGINs on its own; the store issues
            # BEGIN IMMEDIATE itself so every change takes the write lock up front.
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


def row_class(conn: DBConnection) -> Any:
    """The driver's ``Row`` type (columns by name) for a cursor of ``conn``."""
    return sqlcipher.Row if isinstance(conn, sqlcipher.Connection) else sqlite3.Row


def tighten(path: Path, mode: int) -> None:
    """Owner-only permissions if ``path`` is wider (POSIX; Windows uses the profile's ACLs)."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        if stat.S_IMODE(path.stat().st_mode) & ~mode:
            path.chmod(mode)


def tighten_files(db_path: Path) -> None:
    """The database and every file beside it that belongs to it: 0600."""
    tighten(db_path, OWNER_FILE)
    for suffix in SIDE_FILES:
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            tighten(side, OWNER_FILE)


def make_folder(folder: Path) -> None:
    """Create the data folder owner-only (0700); an existing folder is left as it is (it may
    be one the user chose, shared with other files). Raises OSError."""
    if not folder.exists():
        folder.mkdir(parents=True, mode=OWNER_FOLDER)
        tighten(folder, OWNER_FOLDER)  # mkdir's mode is masked by the umask


def _create_owner_only(path: Path) -> None:
    """An empty database file created 0600 before SQLite sees it: SQLite gives the -wal and
    -shm it creates later the permissions of the database file."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_FILE))


def read_pragmas(conn: DBConnection) -> dict[str, str | int]:
    """The durability settings as the live connection reports them."""
    values: dict[str, str | int] = {}
    for name in REQUIRED_PRAGMAS:
        row = conn.execute(f"PRAGMA {name}").fetchone()
        value = row[0] if row else None
        values[name] = value.lower() if isinstance(value, str) else int(value or 0)
    return values


def verify_pragmas(conn: DBConnection) -> None:
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


def prepare_location(path: Path, key: DatabaseKey | None = None) -> None:
    """Check an existing file (without writing to it) or create the folder for a new one."""
    folder = path.parent
    if path.exists():
        if not path.is_file():
            raise DatabaseError(_("The database path is not a file: {path}").format(path=path))
        _check_header(path, encrypted=key is not None)
        if not is_writable(path):
            raise DatabaseError(_("The database file is read-only: {path}").format(path=path))
        if not is_writable(folder):
            raise DatabaseError(
                _("The folder of the database is read-only: {folder}").format(folder=folder)
            )
        check_integrity(path, key)
        return
    try:
        make_folder(folder)
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


def _check_header(path: Path, encrypted: bool = False) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise DatabaseError(
            _("Cannot read the database file {path}: {reason}").format(
                path=path, reason=error.strerror or type(error).__name__
            )
        ) from error
    if not head:  # an empty file is a valid, empty database
        return
    if encrypted and head == SQLITE_HEADER:
        raise DatabaseError(
            _("The database is not encrypted yet: {path}. Start Screener to encrypt it.").format(
                path=path
            )
        )
    if not encrypted and head != SQLITE_HEADER:
        raise DatabaseError(
            _("The database is encrypted or not a Screener database: {path}").format(path=path)
        )


def check_integrity(path: Path, key: DatabaseKey | None = None) -> None:
    """Run ``PRAGMA quick_check`` on a read-only connection and make sure the file is ours
    (a schema version, or no tables yet) before anything may write to it."""
    conn: sqlite3.Connection | None = None
    try:
        conn = Connector(path, readonly=True, busy_timeout_ms=LOCK_PROBE_TIMEOUT_MS, key=key)()
        rows = conn.execute("PRAGMA quick_check").fetchall()
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()
    except DB_ERRORS as error:
        if key is not None and getattr(error, "sqlite_errorname", "") == "SQLITE_NOTADB":
            raise DatabaseError(
                _(
                    "The key file does not belong to this database (or the file is damaged): "
                    "{path}. Nothing was changed."
                ).format(path=path)
            ) from error
        raise translate(error, path) from error
    finally:
        if conn is not None:
            conn.close()
    if [tuple(row) for row in rows] != [("ok",)]:
        raise DatabaseError(damaged(path))
    if version == 0 and tables[0] > 0:  # some other program's database: leave it alone
        raise DatabaseError(not_a_database(path))


def probe_write_lock(conn: DBConnection, path: Path) -> None:
    """Take and release the write lock once, so a database held by another program is found
    at start rather than at the first answer."""
    try:
        conn.execute(f"PRAGMA busy_timeout = {LOCK_PROBE_TIMEOUT_MS}")
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
    except DB_ERRORS as error:
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


def translate(error: Exception, path: Path) -> DatabaseError:
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


def open_connection(
    path: Path, module: ModuleType | None = None, key: DatabaseKey | None = None
) -> DBConnection:
    """Check the file, then open the one DB-API connection of a Repository (autocommit mode:
    the repository issues ``BEGIN IMMEDIATE`` itself), with the durability settings verified on
    the live connection and the write lock probed. Raises DatabaseError."""
    prepare_location(path, key)
    _create_owner_only(path)
    tighten_files(path)
    connector = Connector(path, module=module, key=key)
    errors = (*DB_ERRORS, connector.module.Error)
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
    tighten_files(path)  # the -wal and -shm SQLite has just created
    return conn


def _begin_immediate(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def engine_on(conn: DBConnection) -> Engine:
    """An SQLAlchemy engine over the already open connection ``conn`` (StaticPool: it is the
    only connection; every transaction ``BEGIN IMMEDIATE``). Disposing of the engine closes
    ``conn``. Imports SQLAlchemy, so only the schema migration and bulk tools ask for it.
    Errors never carry the statement's values (they may be a candidate's data)."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import StaticPool

    engine = create_engine(
        "sqlite://", creator=lambda: conn, poolclass=StaticPool, hide_parameters=True
    )
    event.listen(engine, "begin", _begin_immediate)
    return engine
