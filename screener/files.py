"""Writing export files so that a pulled USB stick or a full disk never leaves half a file."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from screener.errors import ExportError
from screener.i18n import _


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` completely or not at all.

    A temporary file in the same folder is written, flushed and fsynced, then renamed over
    ``path`` (``os.replace`` is atomic on one file system). On failure the temporary file is
    removed and ExportError names the folder and the reason.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(_("Folder does not exist: {folder}").format(folder=folder))
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".screener-", suffix=".part", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
        tmp_name = None
        _fsync_folder(folder)
    except OSError as error:
        raise ExportError(describe_os_error(error, folder)) from error
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.remove(tmp_name)


PART_PATTERNS = (".screener-*.part", ".screener-*.part-*", "*.key.part")


def remove_stale_parts(folder: Path) -> int:
    """Remove the half-written temporary files an interrupted export, backup or key change
    left in ``folder`` (they are never needed again); returns how many were removed. Called at
    start, for the data folder and the export folder."""
    removed = 0
    try:
        candidates = [path for pattern in PART_PATTERNS for path in Path(folder).glob(pattern)]
    except OSError:
        return 0
    for path in candidates:
        with contextlib.suppress(OSError):
            if path.is_file():
                path.unlink()
                removed += 1
    return removed


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows cannot open folders, which is fine."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def describe_os_error(error: OSError, folder: Path) -> str:
    if error.errno in (errno.EACCES, errno.EPERM):
        return _("Cannot write to {folder}: permission denied").format(folder=folder)
    if error.errno == errno.EROFS:
        return _("Cannot write to {folder}: the disk is read-only").format(folder=folder)
    if error.errno == errno.ENOSPC:
        return _("Cannot write to {folder}: the disk is full").format(folder=folder)
    if error.errno == errno.ENOENT:
        return _("Folder does not exist: {folder}").format(folder=folder)
    if error.errno == errno.EISDIR:
        return _("Cannot write to {folder}: a folder has that name").format(folder=folder)
    return _("Cannot write to {folder}: {reason}").format(
        folder=folder, reason=error.strerror or type(error).__name__
    )
