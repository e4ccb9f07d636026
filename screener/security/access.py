"""How the app and the command line get from Settings to an open, encrypted Repository.

A passphrase reaches a command, in this order: ``--passphrase-file FILE``, the environment
(``SCREENER_PASSPHRASE_FILE``, then ``SCREENER_PASSPHRASE``), else a prompt on the terminal
(``getpass``: not echoed). The same order as restic's ``--password-file`` /
``RESTIC_PASSWORD_FILE`` / ``RESTIC_PASSWORD``. A passphrase is never logged or printed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from screener.errors import DatabaseError
from screener.i18n import _
from screener.security import vault
from screener.security.kdf import KdfParams
from screener.security.keyfile import DatabaseKey
from screener.security.vault import StoreState

if TYPE_CHECKING:
    from screener.settings import Settings
    from screener.store.repository import Repository

ENV_FILE = "SCREENER_PASSPHRASE_FILE"
ENV_TEXT = "SCREENER_PASSPHRASE"

Prompt = Callable[[str], str]


def read_passphrase_file(path: Path) -> str:
    """The first line of ``path`` (restic's rule: a trailing newline is not part of it)."""
    try:
        text = Path(path).expanduser().read_text(encoding="utf-8")
    except OSError as error:
        raise DatabaseError(
            _("Cannot read the passphrase file {path}: {reason}").format(
                path=path, reason=error.strerror or type(error).__name__
            )
        ) from error
    return text.splitlines()[0] if text else ""


def given_passphrase(
    passphrase_file: Path | None = None, environ: Mapping[str, str] | None = None
) -> str | None:
    """A passphrase given without a prompt, or None."""
    env = os.environ if environ is None else environ
    if passphrase_file is not None:
        return read_passphrase_file(passphrase_file)
    if env.get(ENV_FILE):
        return read_passphrase_file(Path(env[ENV_FILE]))
    if env.get(ENV_TEXT):
        return env[ENV_TEXT]
    return None


def _terminal_prompt(text: str) -> str:
    import getpass

    if not sys.stdin.isatty():
        raise DatabaseError(
            _(
                "The database is encrypted: give the passphrase with --passphrase-file FILE or "
                "SCREENER_PASSPHRASE_FILE (no terminal to ask on)."
            )
        )
    return getpass.getpass(text)


def obtain_key(
    settings: Settings,
    *,
    passphrase_file: Path | None = None,
    environ: Mapping[str, str] | None = None,
    prompt: Prompt | None = None,
    announce: Callable[[str], None] | None = None,
    kdf: KdfParams | None = None,
) -> DatabaseKey:
    """The key of ``settings.db_path``, creating a new encrypted store or encrypting an old
    plain one when needed (the new recovery key goes to ``announce``, once). Raises
    DatabaseError (WrongPassphraseError: nothing changed)."""
    ask = prompt or _terminal_prompt
    db = settings.db_path
    state = vault.store_state(db)
    given = given_passphrase(passphrase_file, environ)
    if state is StoreState.ENCRYPTED:
        return vault.unlock(db, given if given is not None else ask(_("Passphrase: ")))
    if state is StoreState.PLAIN and given is not None:
        # Never as a side effect of a scripted command: the upgrade is asked for by name.
        raise DatabaseError(
            _(
                "The database is not encrypted yet: {path}. Encrypt it with `screener encrypt` "
                "or by starting the app."
            ).format(path=db)
        )
    if given is None:
        given = ask(_("New passphrase: "))
        vault.check_new_passphrase(given, ask(_("Repeat the new passphrase: ")))
    if state is StoreState.NEW:
        key, recovery = vault.create(db, given, kdf)
    else:
        key, recovery = vault.encrypt_plain(db, given, kdf)
    if announce is not None:
        announce(recovery_notice(recovery))
    return key


def recovery_notice(recovery: str) -> str:
    return _(
        "Recovery key (write it down and keep it locked away; it opens the database if the "
        "passphrase is forgotten; it is shown only this once):\n    {key}"
    ).format(key=recovery)


def open_repository(settings: Settings, key: DatabaseKey, *, exclusive: bool = False) -> Repository:
    """The Repository on the encrypted database; ``exclusive`` takes the single-writer lock
    (the app: a second copy gets DatabaseInUseError)."""
    from screener.files import remove_stale_parts
    from screener.settings import default_data_dir, default_documents_dir
    from screener.store.database import OWNER_FOLDER, tighten
    from screener.store.repository import Repository

    folder = settings.db_path.parent
    if folder.exists() and folder.resolve() == default_data_dir().resolve():
        tighten(folder, OWNER_FOLDER)  # Screener's own folder; a folder the user chose is theirs

    # Half-written files of an export or backup that was interrupted (killed, USB pulled).
    remove_stale_parts(settings.db_path.parent)
    remove_stale_parts(settings.export_dir or default_documents_dir())
    return Repository(settings.db_path, settings.actor, key=key, exclusive=exclusive)
