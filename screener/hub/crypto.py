"""The embedded hub's encryption: an SQLCipher file whose key comes from the hub's passphrase
through argon2id, as on the laptop.

The key is derived once per engine and handed to SQLCipher as a raw key together with the
file's salt (the first 16 bytes of an SQLCipher file), so opening another pooled connection
costs no second derivation. A wrong passphrase is found when the first page is read.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from screener.hub.engine import HubError
from screener.i18n import _
from screener.security.kdf import SALT_BYTES, KdfParams, derive

# argon2id, RFC 9106's second recommended option (64 MiB, 3 passes): the laptop's derivation
# with the hub's own cost (a hub opens its file once per engine, not at every unlock).
HUB_KDF = KdfParams(time_cost=3, memory_kib=64 * 1024, parallelism=4)


def cipher_module() -> ModuleType:
    """SQLCipher's DB-API module (a core dependency: the laptop's store uses it too)."""
    import sqlcipher3.dbapi2 as module  # type: ignore[import-untyped]

    return module  # type: ignore[no-any-return]


@functools.lru_cache(maxsize=8)
def derive_key(passphrase: str, salt: bytes) -> bytes:
    return derive(passphrase, salt, HUB_KDF)


def salt_of(path: Path) -> bytes:
    """The salt of an existing file, or a new random one for a file not written yet."""
    try:
        with path.open("rb") as handle:
            head = handle.read(SALT_BYTES)
    except FileNotFoundError:
        head = b""
    return head if len(head) == SALT_BYTES else os.urandom(SALT_BYTES)


def key_pragma(path: Path, passphrase: str) -> str:
    salt = salt_of(path)
    return "PRAGMA key = \"x'" + derive_key(passphrase, salt).hex() + salt.hex() + "'\""


def connector(path: Path, passphrase: str) -> Callable[[], Any]:
    """A ``creator`` for SQLAlchemy: one keyed, checked SQLCipher connection per call."""
    module = cipher_module()
    pragma: list[str] = []

    def connect() -> Any:
        if not pragma:
            pragma.append(key_pragma(path, passphrase))
        conn = module.connect(str(path), check_same_thread=False, isolation_level=None)
        try:
            conn.execute(pragma[0])
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except module.DatabaseError as error:
            conn.close()
            raise HubError(
                _("Wrong passphrase, or not a hub database: {path}").format(path=path)
            ) from error
        if os.name == "posix":
            os.chmod(path, 0o600)  # owner only, as on the laptop
        return conn

    return connect
