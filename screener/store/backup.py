"""Backups through SQLite's backup API: a plain file copy of a WAL database can miss every
recent commit (they live in the -wal file), the backup API never does."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from screener.errors import ExportError
from screener.files import describe_os_error
from screener.i18n import _


def backup_connection(source: Any, destination: Path, source_path: Path) -> None:
    """Copy the open database ``source`` into a new self-contained file at ``destination``."""
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
        target = sqlite3.connect(tmp_name, isolation_level=None)
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
        os.replace(tmp_name, destination)
        tmp_name = None
    except OSError as error:
        raise ExportError(describe_os_error(error, folder)) from error
    except sqlite3.Error as error:
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
