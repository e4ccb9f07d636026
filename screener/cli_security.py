"""Command-line parts of data protection: how a command gets the passphrase, and the commands
``passphrase``, ``recovery-key``, ``encrypt``, ``bundle``, ``transfer``, ``import`` and
``erase``.

``cli.py`` only adds ``--passphrase-file`` to every command, calls ``add_commands`` and
``dispatch``. Each command returns its exit code; a wrong passphrase prints one clear line and
gives 1, with every file untouched.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from screener.errors import ScreenerError
from screener.i18n import _

if TYPE_CHECKING:
    from screener.settings import Settings
    from screener.store.repository import Repository

COMMANDS = ("passphrase", "recovery-key", "encrypt", "bundle", "transfer", "import", "erase")
# The --passphrase-file of this command line (set by ``cli.main``).
PASSPHRASE_FILE: ContextVar[Path | None] = ContextVar("passphrase_file", default=None)

AddCommand = Callable[[str, str], argparse.ArgumentParser]


@contextmanager
def passphrase_file(path: Path | None) -> Iterator[None]:
    """``--passphrase-file`` for the commands run inside the block (reset afterwards)."""
    token = PASSPHRASE_FILE.set(path)
    try:
        yield
    finally:
        PASSPHRASE_FILE.reset(token)


def add_passphrase_option(parser: argparse.ArgumentParser, suppress: bool) -> None:
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="FILE",
        default=argparse.SUPPRESS if suppress else None,
        help="read the database passphrase from FILE (env SCREENER_PASSPHRASE_FILE, "
        "SCREENER_PASSPHRASE); without it you are asked",
    )


def add_commands(add: AddCommand) -> None:
    change = add("passphrase", "change the passphrase of the database")
    change.add_argument("action", choices=["change"])
    change.add_argument(
        "--recovery", action="store_true", help="forgot it: use the recovery key instead"
    )
    change.add_argument(
        "--new-passphrase-file", type=Path, metavar="FILE", help="read the new passphrase here"
    )
    change.add_argument(
        "--new-key",
        action="store_true",
        help="also re-encrypt the database under a new key and make a new recovery key "
        "(when the old passphrase or a copy of the key file may have leaked)",
    )
    recovery = add("recovery-key", "make a new recovery key (the old one stops working)")
    recovery.add_argument("action", choices=["new"])
    add("encrypt", "encrypt an old unencrypted database in place")
    bundle = add("bundle", "write the encrypted handover bundle (PDF + zipped JSON)")
    bundle.add_argument("id", type=int, metavar="ID")
    bundle.add_argument("folder", type=Path, metavar="DIR")
    bundle.add_argument("--report-lang", choices=("da", "en"), default=None)
    bundle.add_argument("--password-file", type=Path, metavar="FILE")
    transfer = add("transfer", "write one interview completely, encrypted, for another laptop")
    transfer.add_argument("id", type=int, metavar="ID")
    transfer.add_argument("file", type=Path, metavar="FILE")
    transfer.add_argument("--password-file", type=Path, metavar="FILE")
    erase = add("erase", "erase an interview so that no byte of it is left in the files")
    erase.add_argument("id", type=int, metavar="ID")
    erase.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    imp = add("import", "import an interview from a transfer file (from `screener transfer`)")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument(
        "--password-file", type=Path, metavar="FILE", help="the file's password (else asked)"
    )


def _say(text: str, out: TextIO) -> None:
    print(text, file=out)


def _ask(text: str) -> str:
    import getpass

    if not sys.stdin.isatty():
        raise ScreenerError(_("No terminal to ask on: give the value in a file."))
    return getpass.getpass(text)


def open_repository(settings: Settings, *, exclusive: bool = False) -> Repository:
    """The encrypted store for a CLI command: unlock (or create / encrypt on first use, printing
    the recovery key once to stderr), then open. Raises ScreenerError."""
    from screener.security.access import obtain_key
    from screener.security.access import open_repository as open_with_key

    key = obtain_key(
        settings,
        passphrase_file=PASSPHRASE_FILE.get(),
        announce=lambda text: print(text, file=sys.stderr),
    )
    return open_with_key(settings, key, exclusive=exclusive)


def _new_passphrase(file: Path | None) -> str:
    from screener.security.access import read_passphrase_file
    from screener.security.vault import check_new_passphrase

    if file is not None:
        new = read_passphrase_file(file)
        check_new_passphrase(new)
        return new
    new = _ask(_("New passphrase: "))
    check_new_passphrase(new, _ask(_("Repeat the new passphrase: ")))
    return new


def dispatch(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    try:
        return _run(args, settings, out)
    except ScreenerError as error:
        print(f"screener: {error}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    from screener.security import vault
    from screener.security.access import given_passphrase, recovery_notice

    db = settings.db_path
    if args.command == "passphrase":
        new_file = args.new_passphrase_file
        if args.recovery:
            secret = _ask(_("Recovery key: "))
        else:
            secret = given_passphrase(PASSPHRASE_FILE.get()) or _ask(_("Passphrase: "))
        vault.store_state(db)
        if args.new_key and not args.recovery:
            from screener.security.access import open_repository as open_with_key

            key = vault.unlock(db, secret)
            new = _new_passphrase(new_file)
            with open_with_key(settings, key, exclusive=True) as repo:
                vault.rotate_key(repo, secret, new, lambda text: _say(recovery_notice(text), out))
            _say(_("The passphrase and the database key were changed."), out)
            return 0
        vault.change_passphrase(db, secret, _new_passphrase(new_file), with_recovery=args.recovery)
        _say(_("The passphrase was changed."), out)
        return 0
    if args.command == "recovery-key":
        secret = given_passphrase(PASSPHRASE_FILE.get()) or _ask(_("Passphrase: "))
        _say(recovery_notice(vault.replace_recovery_key(db, secret)), out)
        return 0
    if args.command == "encrypt":
        if vault.store_state(db) is not vault.StoreState.PLAIN:
            _say(_("The database is already encrypted (or does not exist yet)."), out)
            return 0
        new = given_passphrase(PASSPHRASE_FILE.get()) or _new_passphrase(None)
        _key, recovery = vault.encrypt_plain(db, new)
        _say(_("The database is encrypted now."), out)
        _say(recovery_notice(recovery), out)
        return 0
    if args.command == "bundle":
        return _bundle(args, settings, out)
    if args.command == "transfer":
        return _transfer(args, settings, out)
    if args.command == "import":
        return _import(args, settings, out)
    if args.command == "erase":
        return _erase(args, settings, out)
    return 2


def _bundle(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    return _write_bundle(settings, args.id, args.folder, args.report_lang, args.password_file, out)


def export_bundle(interview_id: int, folder: Path, settings: Settings, out: TextIO) -> int:
    """``screener export ID --bundle DIR``: the same as ``screener bundle ID DIR``."""
    try:
        return _write_bundle(settings, interview_id, folder, None, None, out)
    except ScreenerError as error:
        print(f"screener: {error}", file=sys.stderr)
        return 1


def _write_bundle(
    settings: Settings,
    interview_id: int,
    folder: Path,
    lang: str | None,
    password_file: Path | None,
    out: TextIO,
) -> int:
    from screener.bundle import write_bundle
    from screener.security.access import read_passphrase_file

    password = read_passphrase_file(password_file) if password_file else None
    with open_repository(settings) as repo:
        result = write_bundle(
            repo, interview_id, folder, lang or settings.language, password=password
        )
    _say(_("Report written to {path}").format(path=result.pdf), out)
    _say(_("Data written to {path}").format(path=result.archive), out)
    if password is None:
        _say(
            _(
                "Password for both files (give it by phone, never with the stick): {password}"
            ).format(password=result.password),
            out,
        )
    return 0


def _transfer(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    from screener.bundle import write_transfer
    from screener.security.access import read_passphrase_file

    given = read_passphrase_file(args.password_file) if args.password_file else None
    with open_repository(settings) as repo:
        password = write_transfer(repo, args.id, args.file, given)
    _say(_("Transfer file written to {path}").format(path=args.file), out)
    if given is None:
        _say(_("Password (give it by another channel): {password}").format(password=password), out)
    return 0


def _import(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    from screener.bundle import read_bundle_json
    from screener.security.access import read_passphrase_file
    from screener.store.transfer import import_record

    password = read_passphrase_file(args.password_file) if args.password_file else None
    if password is None and args.file.suffix.lower() == ".zip":
        password = _ask(_("Password of the file: "))
    data = read_bundle_json(args.file, password)
    with open_repository(settings, exclusive=True) as repo:
        result = import_record(repo, data, str(args.file))
    _say(result.message(), out)
    return 0


def _erase(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    if not args.yes:
        if not sys.stdin.isatty():
            raise ScreenerError(_("Erasing cannot be undone: add --yes to confirm."))
        answer = input(
            _("Erase interview {id} for good? Type its number to confirm: ").format(id=args.id)
        )
        if answer.strip() != str(args.id):
            _say(_("Nothing was erased."), out)
            return 1
    with open_repository(settings, exclusive=True) as repo:
        repo.delete(args.id)
        clean = repo.wipe()
    if clean:
        _say(_("Interview {id} was erased.").format(id=args.id), out)
    else:
        _say(
            _(
                "Interview {id} was erased; its old pages leave the write-ahead log when the "
                "program reading the database closes it."
            ).format(id=args.id),
            out,
        )
    return 0
