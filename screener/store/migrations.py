"""Bringing a store file to the schema ``tables.py`` declares, in one transaction on the
store's own DB-API connection (so an encrypted file is migrated under its key).

A new file is created from ``tables.py`` and stamped with the head revision; an older one is
upgraded by the Alembic revisions in ``revisions/versions``. ``PRAGMA user_version`` mirrors the
revision's number (``sNNNN`` is schema N; files of schema 1 to 5 have only that number and are
stamped with their revision first), and an older Screener refuses a file with a higher number.
A file already current is recognised with two plain reads: start-up never imports Alembic or
SQLAlchemy for it. If any step fails, the transaction is rolled back and nothing changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from screener.errors import DatabaseError
from screener.i18n import _
from screener.store.database import DB_ERRORS, DBConnection
from screener.store.text import fold

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Connection

# The newest revision in ``revisions/versions`` (a test checks that they agree).
HEAD = "s0006"
SCHEMA_VERSION = int(HEAD[1:])
VERSION_TABLE = "alembic_version"


def search_key(name: str, case_id: str, municipality: str) -> str:
    """What the home screen's search matches against (case-insensitive beyond ASCII)."""
    return "\x1f".join(fold(part) for part in (name, case_id, municipality))


def user_version(conn: DBConnection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0] or 0)


def _revision(conn: DBConnection) -> str | None:
    """The Alembic revision stamped in the file, None when it has none (schema 5 or older)."""
    try:
        row = conn.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
    except DB_ERRORS:
        return None
    return None if row is None else str(row[0])


def migrate(conn: DBConnection, path: Path) -> int:
    """Create or upgrade the schema on the DB-API connection ``conn`` (autocommit mode) in one
    ``BEGIN IMMEDIATE`` transaction; returns the version found before (0 for a new file).

    A file already at the head is only read (no transaction, nothing written)."""
    found = user_version(conn)
    if found == SCHEMA_VERSION and _revision(conn) == HEAD:
        return found
    _refuse_newer(found, path)
    return _upgrade(conn, path)


def _refuse_newer(found: int, path: Path) -> None:
    if found > SCHEMA_VERSION:
        raise DatabaseError(
            _("The database was made by a newer version of Screener: {path}").format(path=path)
        )


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "revisions"))
    return config


def _upgrade(conn: DBConnection, path: Path) -> int:
    """The slow path: Alembic on an SQLAlchemy engine over ``conn``. Foreign keys are off for
    the transaction (SQLite changes them only outside one), so a table can be copied without
    its children's rows being deleted; they are checked before the commit."""
    from alembic import command
    from sqlalchemy.exc import DBAPIError

    from screener.store import tables
    from screener.store.database import damaged, engine_on, not_a_database, translate

    engine = engine_on(conn)  # not disposed: that would close ``conn``
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        with engine.begin() as connection:  # BEGIN IMMEDIATE
            found = user_version(conn)  # again, now that the write lock is held
            _refuse_newer(found, path)
            config = _config()
            config.attributes["connection"] = connection
            if found == 0:
                if _has_tables(connection):
                    raise DatabaseError(not_a_database(path))
                tables.create(connection)
                command.stamp(config, HEAD)
            else:
                if _revision(conn) is None:
                    command.stamp(config, f"s{found:04d}")
                command.upgrade(config, HEAD)
            connection.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
            if connection.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                raise DatabaseError(damaged(path))
    except DBAPIError as error:
        if isinstance(error.orig, DB_ERRORS):
            raise translate(error.orig, path) from error
        raise
    finally:
        conn.execute("PRAGMA foreign_keys = ON")
    return found


def _has_tables(connection: Connection) -> bool:
    count = connection.exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
    ).scalar()
    return bool(count)
