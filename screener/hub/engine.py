"""The hub's database from an SQLAlchemy URL: SQLite (the embedded default) or PostgreSQL.

Credentials for PostgreSQL come from the URL, ``PGPASSFILE`` or the ``PG*`` environment, which
libpq reads itself; the hub never stores them. Error messages show the URL without a password.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from screener.errors import ScreenerError
from screener.i18n import _

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.engine import URL

ENV_URL = "SCREENER_HUB_URL"
ENV_PASSPHRASE = "SCREENER_HUB_PASSPHRASE"


class HubError(ScreenerError):
    """The hub cannot do what was asked (no driver, no server, unknown candidate ...)."""


def default_url(environ: Mapping[str, str] | None = None) -> str:
    """``SCREENER_HUB_URL`` or an SQLite file next to the laptop database."""
    from screener.settings import default_data_dir

    env = os.environ if environ is None else environ
    return env.get(ENV_URL) or "sqlite:///" + (default_data_dir() / "hub.sqlite3").as_posix()


def read_passphrase(path: Path | None, environ: Mapping[str, str] | None = None) -> str | None:
    """The hub's passphrase: the first line of ``path``, else ``SCREENER_HUB_PASSPHRASE``."""
    if path is not None:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise HubError(_("Cannot read the passphrase file {path}").format(path=path)) from error
        return lines[0] if lines and lines[0] else None
    env = os.environ if environ is None else environ
    return env.get(ENV_PASSPHRASE) or None


def is_sqlite(url: str) -> bool:
    return parse_url(url).get_backend_name() == "sqlite"


def parse_url(url: str) -> URL:
    """The URL with psycopg 3 as the PostgreSQL driver; HubError for anything else."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise HubError(_("Not a database URL: {url}").format(url=url)) from error
    backend = parsed.get_backend_name()
    if backend == "postgresql":
        _require_psycopg()
        return parsed.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        return parsed.set(drivername="sqlite")
    raise HubError(
        _("The hub works with sqlite:/// and postgresql:// URLs, not {backend}.").format(
            backend=backend
        )
    )


def _require_psycopg() -> None:
    try:
        import psycopg  # noqa: F401
    except ImportError as error:
        raise HubError(
            _(
                "A hub on PostgreSQL needs the psycopg driver. "
                "Install it with: pip install 'screener[hub]'"
            )
        ) from error


def shown(url: URL) -> str:
    """The URL as it may appear in a message or on screen (password hidden)."""
    return url.render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # As on the laptop: a crash never corrupts, foreign keys hold, deleted data is overwritten.
    dbapi_connection.isolation_level = None  # SQLAlchemy's "begin" event starts transactions
    cursor = dbapi_connection.cursor()
    for pragma in (
        "journal_mode = WAL",
        "synchronous = FULL",
        "foreign_keys = ON",
        "secure_delete = ON",
        "busy_timeout = 5000",
    ):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def create_hub_engine(url: str, passphrase: str | None = None) -> Engine:
    """An engine for ``url``. An SQLite hub is an encrypted file (SQLCipher), as on the
    laptop, and needs the hub's passphrase; its folder is created (owner only)."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import QueuePool

    parsed = parse_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(parsed, pool_pre_ping=True)
    if not parsed.database or parsed.database == ":memory:":
        raise HubError(_("An SQLite hub needs a file: sqlite:///PATH"))
    if not passphrase:
        raise HubError(
            _(
                "The hub database is encrypted: give its passphrase with --passphrase-file "
                "FILE or SCREENER_HUB_PASSPHRASE."
            )
        )
    path = Path(parsed.database).expanduser()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        raise HubError(
            _("Cannot create the database folder {folder}: {reason}").format(
                folder=path.parent, reason=error.strerror or type(error).__name__
            )
        ) from error
    from screener.hub.crypto import cipher_module, connector

    engine = create_engine(
        "sqlite://",
        module=cipher_module(),
        creator=connector(path, passphrase),
        poolclass=QueuePool,
        pool_size=4,
    )
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def connect_error(error: Exception, url: URL) -> HubError:
    """A clear message for a database that cannot be reached (no SQL, no password)."""
    reason = str(getattr(error, "orig", None) or error).strip().splitlines()
    first = reason[0] if reason else type(error).__name__
    return HubError(
        _("Cannot use the hub database {url}: {reason}").format(url=shown(url), reason=first)
    )
