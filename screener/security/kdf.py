"""Key derivation (argon2id) and the strength rule for new passphrases.

The parameters travel in the key file beside the database, so a laptop can raise them later
without locking out an old file. ``KdfParams.FAST`` exists for tests only: they pass it
explicitly, nothing patches module globals.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from screener.i18n import _

KEY_BYTES = 32
SALT_BYTES = 16
MIN_LENGTH = 12
MIN_DISTINCT = 6


@dataclass(frozen=True)
class KdfParams:
    """argon2id cost: the default takes ~0.3-0.4 s on an idle 2-core laptop (``unlock_s`` in
    the benchmarks). 64 MiB rather than more: the peak memory of the app includes it once."""

    time_cost: int = 12
    memory_kib: int = 64 * 1024
    parallelism: int = 4

    FAST: ClassVar[KdfParams]

    def as_json(self) -> dict[str, int | str]:
        return {
            "name": "argon2id",
            "time_cost": self.time_cost,
            "memory_kib": self.memory_kib,
            "parallelism": self.parallelism,
        }


KdfParams.FAST = KdfParams(time_cost=1, memory_kib=64, parallelism=1)


def derive(secret: str, salt: bytes, params: KdfParams) -> bytes:
    """32 bytes from ``secret`` (NFC-normalised, so the same passphrase typed on another
    keyboard layout gives the same key)."""
    import unicodedata

    from argon2.low_level import Type, hash_secret_raw

    data = unicodedata.normalize("NFC", secret).encode("utf-8")
    return hash_secret_raw(
        data,
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def weakness(passphrase: str) -> str | None:
    """Why ``passphrase`` is too weak for a new database, or None when it is good enough."""
    text = passphrase.strip()
    if len(text) < MIN_LENGTH:
        return _("Use at least {n} characters (a short sentence is easy to remember).").format(
            n=MIN_LENGTH
        )
    if len(set(text.lower())) < MIN_DISTINCT:
        return _("Use more different characters.")
    return None
