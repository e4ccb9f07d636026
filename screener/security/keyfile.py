"""The key file beside the database (``<db>.key``): KDF parameters, salts and the database key
wrapped twice (AES-256-GCM), once under the passphrase and once under the recovery key.

The database itself is encrypted with a random 256-bit key handed to SQLCipher as a raw key.
Changing the passphrase re-wraps that key (the database is not rewritten); either secret alone
unwraps it. The file holds nothing personal and nothing usable without a secret, but without it
the database cannot be opened: it belongs in every backup.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from pathlib import Path
from typing import Any

from screener.errors import DatabaseError, WrongPassphraseError
from screener.i18n import _
from screener.security.kdf import KEY_BYTES, SALT_BYTES, KdfParams, derive

FORMAT = "screener-key"
VERSION = 1
RECOVERY_BYTES = 20  # 160 bits, 32 base32 characters
SLOTS = ("passphrase", "recovery")


class DatabaseKey:
    """The raw SQLCipher key. Never printed: ``repr`` and ``str`` hide it."""

    __slots__ = ("_raw",)

    def __init__(self, raw: bytes) -> None:
        if len(raw) != KEY_BYTES:
            raise ValueError("a database key has 32 bytes")
        self._raw = raw

    @classmethod
    def generate(cls) -> DatabaseKey:
        return cls(secrets.token_bytes(KEY_BYTES))

    @property
    def raw(self) -> bytes:
        return self._raw

    def pragma(self) -> str:
        """The value for ``PRAGMA key`` / ``rekey``: a raw key, so SQLCipher skips its own KDF."""
        return f"\"x'{self._raw.hex()}'\""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DatabaseKey) and secrets.compare_digest(self._raw, other._raw)

    def __hash__(self) -> int:
        return hash(self._raw)

    def __repr__(self) -> str:
        return "DatabaseKey(<hidden>)"

    __str__ = __repr__


def key_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".key")


def new_recovery_key() -> str:
    """32 letters and digits in groups of four, easy to write down and type back."""
    text = base64.b32encode(secrets.token_bytes(RECOVERY_BYTES)).decode("ascii")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def normalise_recovery(text: str) -> str:
    """Accept what a person types back: any case, spaces or dashes, O for 0 and I/L for 1."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.replace("0", "O").replace("1", "I").replace("8", "B")
    return "-".join(cleaned[i : i + 4] for i in range(0, len(cleaned), 4))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def _wrap(key: DatabaseKey, secret: str, slot: str, params: KdfParams) -> dict[str, str]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt = secrets.token_bytes(SALT_BYTES)
    nonce = secrets.token_bytes(12)
    kek = derive(secret, salt, params)
    wrapped = AESGCM(kek).encrypt(nonce, key.raw, f"{FORMAT}:{VERSION}:{slot}".encode())
    return {"salt": _b64(salt), "nonce": _b64(nonce), "wrapped": _b64(wrapped)}


class KeyFile:
    """The parsed key file; ``unwrap`` opens a slot with its secret."""

    def __init__(
        self,
        path: Path,
        params: KdfParams,
        slots: dict[str, dict[str, str]],
        pending: dict[str, dict[str, str]] | None = None,
    ) -> None:
        self.path = path
        self.params = params
        self.slots = slots
        # The slots of a new database key while a key rotation runs (see vault.rotate_key).
        self.pending = pending

    @classmethod
    def new(
        cls, path: Path, key: DatabaseKey, passphrase: str, recovery: str, params: KdfParams
    ) -> KeyFile:
        slots = {
            "passphrase": _wrap(key, passphrase, "passphrase", params),
            "recovery": _wrap(key, normalise_recovery(recovery), "recovery", params),
        }
        return cls(path, params, slots)

    @classmethod
    def read(cls, path: Path) -> KeyFile:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as error:
            raise DatabaseError(
                _("The key file of the encrypted database is missing: {path}").format(path=path)
            ) from error
        except (OSError, ValueError) as error:
            raise DatabaseError(
                _("The key file of the database is damaged: {path}").format(path=path)
            ) from error
        try:
            if data.get("format") != FORMAT or data.get("version") != VERSION:
                raise ValueError("format")
            kdf = data["kdf"]
            if kdf.get("name") != "argon2id":
                raise ValueError("kdf")
            params = KdfParams(
                time_cost=int(kdf["time_cost"]),
                memory_kib=int(kdf["memory_kib"]),
                parallelism=int(kdf["parallelism"]),
            )
            slots = {name: dict(data["slots"][name]) for name in SLOTS}
            pending = None
            if data.get("pending") is not None:
                pending = {name: dict(data["pending"][name]) for name in SLOTS}
            for slot in [*slots.values(), *(pending or {}).values()]:
                for part in ("salt", "nonce", "wrapped"):
                    _unb64(slot[part])
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise DatabaseError(
                _("The key file of the database is damaged: {path}").format(path=path)
            ) from error
        return cls(path, params, slots, pending)

    def unwrap(self, slot: str, secret: str, pending: bool = False) -> DatabaseKey:
        """The database key, or WrongPassphraseError (AES-GCM checks the secret);
        ``pending``: the new key of an interrupted rotation."""
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        if pending and self.pending is None:
            raise ValueError("no pending key")
        entry = (self.pending if pending and self.pending else self.slots)[slot]
        if slot == "recovery":
            secret = normalise_recovery(secret)
        kek = derive(secret, _unb64(entry["salt"]), self.params)
        try:
            raw = AESGCM(kek).decrypt(
                _unb64(entry["nonce"]),
                _unb64(entry["wrapped"]),
                f"{FORMAT}:{VERSION}:{slot}".encode(),
            )
        except InvalidTag as error:
            if slot == "recovery":
                message = _("The recovery key is not right. Nothing was changed.")
            else:
                message = _("The passphrase is not right. Nothing was changed.")
            raise WrongPassphraseError(message) from error
        return DatabaseKey(raw)

    def rewrap(self, slot: str, key: DatabaseKey, secret: str, params: KdfParams) -> KeyFile:
        """A copy with ``slot`` wrapped under a new secret (both slots then use ``params``;
        the other slot keeps its old parameters only if they are equal)."""
        if params != self.params:
            raise ValueError("change the KDF parameters with a full KeyFile.new")
        secret = normalise_recovery(secret) if slot == "recovery" else secret
        slots = {**self.slots, slot: _wrap(key, secret, slot, params)}
        return KeyFile(self.path, self.params, slots)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "kdf": self.params.as_json(),
            "slots": self.slots,
        }
        if self.pending is not None:
            data["pending"] = self.pending
        return data

    def write(self, path: Path | None = None) -> None:
        """Atomically, owner-only (0600), fsynced: a crash leaves the old or the new file."""
        target = path or self.path
        tmp = target.with_name(target.name + ".part")
        data = (json.dumps(self.to_json(), indent=2) + "\n").encode("utf-8")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
