"""Which state a database is in (new, plain, encrypted) and the operations on its key: create
with a passphrase and a recovery key, unlock with either, change the passphrase, and encrypt an
old plain database in place.

Every function leaves the files as they were when it raises: a wrong passphrase changes
nothing; an interrupted encryption is finished or undone by ``finish_interrupted`` on the next
start.
"""

from __future__ import annotations

import contextlib
import enum
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from screener.errors import DatabaseError
from screener.i18n import _
from screener.security.kdf import KdfParams, weakness
from screener.security.keyfile import DatabaseKey, KeyFile, key_path, new_recovery_key
from screener.store.database import (
    DB_ERRORS,
    OWNER_FILE,
    SQLITE_HEADER,
    Connector,
    make_folder,
    tighten,
    translate,
)

if TYPE_CHECKING:
    from screener.store.connection import StoreConnection


class StoreState(enum.Enum):
    NEW = "new"  # no database yet: first start, set a passphrase
    PLAIN = "plain"  # an unencrypted database from an older version: offer to encrypt it
    ENCRYPTED = "encrypted"  # the key file is there: unlock


class WeakPassphraseError(DatabaseError):
    """A new passphrase below the minimum strength; the message says what to change."""


def _plain_copy(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".plain-erase")


def _encrypting(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".encrypting.part")


def store_state(db_path: Path) -> StoreState:
    """What the app has to do first. Raises DatabaseError for an encrypted file without its
    key file (it cannot be opened by anyone: restore the key file from the backup)."""
    finish_interrupted(db_path)
    if key_path(db_path).exists():
        return StoreState.ENCRYPTED
    if not db_path.exists() or db_path.stat().st_size == 0:
        return StoreState.NEW
    with db_path.open("rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    if head == SQLITE_HEADER:
        return StoreState.PLAIN
    raise DatabaseError(
        _("The key file of the encrypted database is missing: {path}").format(
            path=key_path(db_path)
        )
    )


def check_new_passphrase(passphrase: str, repeated: str | None = None) -> None:
    """WeakPassphraseError when too weak or when the two typings differ."""
    if repeated is not None and passphrase != repeated:
        raise WeakPassphraseError(_("The two passphrases are not the same."))
    problem = weakness(passphrase)
    if problem is not None:
        raise WeakPassphraseError(problem)


def create(
    db_path: Path, passphrase: str, params: KdfParams | None = None
) -> tuple[DatabaseKey, str]:
    """A new random database key wrapped under ``passphrase`` and a new recovery key; returns
    the key (to open the store) and the recovery key (to show once, never stored)."""
    check_new_passphrase(passphrase)
    if store_state(db_path) is not StoreState.NEW:
        raise DatabaseError(_("A database already exists: {path}").format(path=db_path))
    make_folder(db_path.parent)
    key = DatabaseKey.generate()
    recovery = new_recovery_key()
    KeyFile.new(key_path(db_path), key, passphrase, recovery, params or KdfParams()).write()
    return key, recovery


def unlock(db_path: Path, passphrase: str) -> DatabaseKey:
    """The database key; WrongPassphraseError (nothing changed) when it does not fit."""
    return _unlock(db_path, "passphrase", passphrase)


def unlock_with_recovery(db_path: Path, recovery: str) -> DatabaseKey:
    return _unlock(db_path, "recovery", recovery)


def _unlock(db_path: Path, slot: str, secret: str) -> DatabaseKey:
    keyfile = KeyFile.read(key_path(db_path))
    if keyfile.pending is None:
        return keyfile.unwrap(slot, secret)
    return _settle(db_path, keyfile, slot, secret)


def _opens(db_path: Path, key: DatabaseKey) -> bool:
    if not db_path.exists():
        return True
    try:
        Connector(db_path, readonly=True, key=key)().close()
    except DB_ERRORS:
        return False
    return True


def _settle(db_path: Path, keyfile: KeyFile, slot: str, secret: str) -> DatabaseKey:
    """After an interrupted key rotation: the key (old or new) that opens the database, found
    with ``secret``; the key file is then left with that key's slots only."""
    from screener.errors import WrongPassphraseError

    tried: list[WrongPassphraseError] = []
    for pending in (True, False):
        try:
            key = keyfile.unwrap(slot, secret, pending=pending)
        except WrongPassphraseError as error:
            tried.append(error)
            continue
        if _opens(db_path, key):
            slots = keyfile.pending if pending else keyfile.slots
            assert slots is not None
            KeyFile(keyfile.path, keyfile.params, slots).write()
            return key
    if len(tried) == 2:
        raise tried[1]
    raise WrongPassphraseError(
        _("A change of the key was interrupted: use the new passphrase or recovery key.")
    )


def _settled(db_path: Path) -> KeyFile:
    keyfile = KeyFile.read(key_path(db_path))
    if keyfile.pending is not None:
        raise DatabaseError(
            _("A change of the key was interrupted: unlock the database once, then try again.")
        )
    return keyfile


def change_passphrase(
    db_path: Path, secret: str, new_passphrase: str, *, with_recovery: bool = False
) -> DatabaseKey:
    """Re-wrap the database key under ``new_passphrase``; ``secret`` is the old passphrase or,
    with ``with_recovery``, the recovery key (a forgotten passphrase). The database file is not
    rewritten; the old passphrase stops working at once. Returns the key."""
    check_new_passphrase(new_passphrase)
    keyfile = _settled(db_path)
    key = keyfile.unwrap("recovery" if with_recovery else "passphrase", secret)
    keyfile.rewrap("passphrase", key, new_passphrase, keyfile.params).write()
    return key


def replace_recovery_key(db_path: Path, passphrase: str) -> str:
    """A new recovery key (the old one stops working); returns it to show once."""
    keyfile = _settled(db_path)
    key = keyfile.unwrap("passphrase", passphrase)
    recovery = new_recovery_key()
    keyfile.rewrap("recovery", key, recovery, keyfile.params).write()
    return recovery


def rotate_key(
    store: StoreConnection,
    passphrase: str,
    new_passphrase: str,
    announce: Callable[[str], None],
) -> DatabaseKey:
    """A new random database key for the open ``store`` (``PRAGMA rekey`` rewrites every page),
    a new passphrase and a new recovery key: a copy of the old key file together with the old
    passphrase no longer opens this database. ``announce`` gets the new recovery key before the
    database changes, so an interruption never leaves a key nobody has seen; ``unlock`` finishes
    or undoes an interrupted rotation."""
    check_new_passphrase(new_passphrase)
    db_path = store.path
    keyfile = _settled(db_path)
    old = keyfile.unwrap("passphrase", passphrase)
    if store.key != old:
        raise DatabaseError(
            _("The database is not open with this key: {path}").format(path=db_path)
        )
    new = DatabaseKey.generate()
    recovery = new_recovery_key()
    final = KeyFile.new(keyfile.path, new, new_passphrase, recovery, keyfile.params)
    KeyFile(keyfile.path, keyfile.params, keyfile.slots, final.slots).write()
    announce(recovery)
    store.rekey(new)
    final.write()
    return new


def verify(db_path: Path, key: DatabaseKey, passphrase: str) -> bool:
    """True if ``passphrase`` unlocks ``key`` (the lock screen's check; never raises on a
    wrong passphrase)."""
    from screener.errors import WrongPassphraseError

    try:
        return unlock(db_path, passphrase) == key
    except WrongPassphraseError:
        return False


def encrypt_plain(
    db_path: Path, passphrase: str, params: KdfParams | None = None
) -> tuple[DatabaseKey, str]:
    """Encrypt an old plain database in place: export into a new encrypted file, verify every
    table's row count and the schema version, swap atomically, then overwrite and remove the
    plain copy. Returns the key and the recovery key (to show once)."""
    from screener.store.lock import WriterLock

    check_new_passphrase(passphrase)
    if store_state(db_path) is not StoreState.PLAIN:
        raise DatabaseError(_("The database is not a plain database: {path}").format(path=db_path))
    lock = WriterLock(db_path)
    lock.acquire()
    try:
        key = DatabaseKey.generate()
        recovery = new_recovery_key()
        target = _encrypting(db_path)
        _remove(target)
        _export(db_path, target, key)
        KeyFile.new(key_path(db_path), key, passphrase, recovery, params or KdfParams()).write()
        plain = _plain_copy(db_path)
        os.replace(db_path, plain)
        os.replace(target, db_path)
        _erase(plain)
    finally:
        lock.release()
    return key, recovery


def _export(db_path: Path, target: Path, key: DatabaseKey) -> None:
    """``sqlcipher_export`` of the plain file into ``target`` and a check of the copy."""
    import sqlcipher3.dbapi2 as sqlcipher

    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_FILE)
    os.close(fd)
    source = sqlcipher.connect(str(db_path), isolation_level=None)
    try:
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        version = source.execute("PRAGMA user_version").fetchone()[0]
        tables = [
            row[0]
            for row in source.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        counts = {t: source.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
        source.execute(f"ATTACH DATABASE ? AS encrypted KEY {key.pragma()}", (str(target),))
        source.execute("SELECT sqlcipher_export('encrypted')")
        source.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        source.execute("DETACH DATABASE encrypted")
    except DB_ERRORS as error:
        _remove(target)
        raise translate(error, db_path) from error
    finally:
        source.close()
    check = Connector(target, key=key)()
    try:
        same = check.execute("PRAGMA quick_check").fetchone()[0] == "ok" and all(
            check.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] == n
            for t, n in counts.items()
        )
        same = same and check.execute("PRAGMA user_version").fetchone()[0] == version
        check.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        check.execute("PRAGMA journal_mode = DELETE")
    finally:
        check.close()
    if not same:
        _remove(target)
        raise DatabaseError(
            _(
                "The encrypted copy could not be verified; the database was not changed: {path}"
            ).format(path=db_path)
        )
    with open(target, "rb+") as handle:
        os.fsync(handle.fileno())
    tighten(target, OWNER_FILE)


def _erase(path: Path) -> None:
    """Overwrite a plain file (and its -wal/-shm) with zeros before removing it. On SSDs and
    copy-on-write file systems old blocks may survive: full-disk encryption covers that."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        part = path.with_name(path.name + suffix)
        if not part.exists():
            continue
        with contextlib.suppress(OSError):
            size = part.stat().st_size
            with open(part, "r+b") as handle:
                chunk = b"\0" * 65536
                left = size
                while left > 0:
                    handle.write(chunk[: min(left, len(chunk))])
                    left -= len(chunk)
                handle.flush()
                os.fsync(handle.fileno())
        _remove(part)


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            path.with_name(path.name + suffix).unlink()


def finish_interrupted(db_path: Path) -> None:
    """After a crash during ``encrypt_plain``: an encrypted database in place means erase the
    plain copy; none in place means put the plain one back (the upgrade is offered again)."""
    plain = _plain_copy(db_path)
    if _encrypting(db_path).exists() and not plain.exists() and key_path(db_path).exists():
        with db_path.open("rb") as handle:  # stopped before the swap: still plain
            if handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER:
                key_path(db_path).unlink()
    if plain.exists():
        if db_path.exists():
            _erase(plain)
        else:
            os.replace(plain, db_path)
            for side in ("-wal", "-shm"):
                old = plain.with_name(plain.name + side)
                if old.exists():
                    os.replace(old, db_path.with_name(db_path.name + side))
            with contextlib.suppress(OSError):
                key_path(db_path).unlink()
    _remove(_encrypting(db_path))
