"""Backups through SQLite's backup API: a plain file copy of a WAL database can miss every
recent commit (they live in the -wal file), the backup API never does.

An encrypted database is copied page by page into a file under the same key (SQLCipher's backup
works between two connections with one key) and its key file is copied beside the backup as
``<backup>.key``: the backup opens with the same passphrase or recovery key, and without both
files it opens with nothing."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from screener.errors import ExportError
from screener.files import describe_os_error
from screener.i18n import _
from screener.store.database import DB_ERRORS, OWNER_FILE, Connector

if TYPE_CHECKING:
    from screener.security.keyfile import DatabaseKey


def backup_connection(
    source: Any, destination: Path, source_path: Path, key: DatabaseKey | None = None
) -> None:
    """Copy the open database ``source`` into a new self-contained file at ``destination``
    (encrypted under ``key`` when given, with the key file beside it)."""
    folder = destination.parent if str(destination.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(_("Folder does not exist: {folder}").format(folder=folder))
    with contextlib.suppress(OSError):
        if destination.resolve() == source_path.resolve():
            raise ExportError(_("A backup cannot overwrite the database itself."))
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".screener-backup-", suffix=".part", dir=folder)
        os.close(fd)
        os.chmod(tmp_name, OWNER_FILE)
        if key is None:
            target = sqlite3.connect(tmp_name, isolation_level=None)
        else:
            target = Connector(Path(tmp_name), key=key).module.connect(
                tmp_name, isolation_level=None
            )
            target.execute("PRAGMA cipher_log_level = NONE")
            target.execute(f"PRAGMA key = {key.pragma()}")
        try:
            source.backup(target)
            # One file, no -wal beside it: the copy may travel on a USB stick.
            target.execute("PRAGMA journal_mode = DELETE")
            ok = target.execute("PRAGMA quick_check").fetchone()
        finally:
            target.close()
        if ok != ("ok",):
            raise ExportError(_("The backup could not be verified; nothing was written."))
        with open(tmp_name, "rb+") as handle:
            os.fsync(handle.fileno())
        if key is not None:
            from screener.security.keyfile import KeyFile, key_path

            KeyFile.read(key_path(source_path)).write(key_path(destination))
        os.replace(tmp_name, destination)
        tmp_name = None
    except OSError as error:
        raise ExportError(describe_os_error(error, folder)) from error
    except DB_ERRORS as error:
        raise ExportError(
            _("Cannot write the backup to {folder}: {reason}").format(
                folder=folder, reason=getattr(error, "sqlite_errorname", "") or "?"
            )
        ) from error
    finally:
        if tmp_name is not None:
            for suffix in ("", "-journal", "-wal", "-shm"):
                with contextlib.suppress(OSError):
                    os.remove(tmp_name + suffix)
