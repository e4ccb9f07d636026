"""The screens before the app: first start (choose a passphrase twice, see the recovery key
once), unlock at every start, and the recovery key when the passphrase is forgotten; plus the
small app that runs them before the main app is built."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, Static

from screener.errors import ScreenerError
from screener.i18n import _
from screener.ui.command_table import bindings
from screener.ui.screens.unlock.common import (
    UNLOCK_CSS,
    Form,
    new_passphrase_entered,
    new_passphrase_fields,
    open_store,
)
from screener.ui.typing import TypingInput
from screener.ui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from screener.security.kdf import KdfParams
    from screener.settings import Settings
    from screener.store.repository import Repository


class UnlockScreen(Form):
    """Every start: the passphrase opens the database; F3 switches to the recovery key."""

    BINDINGS = bindings("unlock.recovery")

    def compose(self) -> ComposeResult:
        with Vertical(classes="unlock-box"):
            yield Static(_("Screener is locked"), classes="unlock-title")
            yield Static(_("Type your passphrase and press Enter."))
            yield TypingInput(password=True, id="passphrase", placeholder=_("Passphrase"))
            yield Static("", id="unlock-error", classes="unlock-error")
            yield Static(_("Forgot the passphrase? Press F3 to use the recovery key."))
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#passphrase", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value:  # enter on an empty field is not a wrong passphrase
            self.show_error(_("Type your passphrase and press Enter."))
            return
        self._busy(True)
        self.query_one("#unlock-error", Static).update(_("Unlocking…"))
        self._unlock(event.value)

    @work(thread=True, exclusive=True)
    def _unlock(self, passphrase: str) -> None:
        from screener.security import vault

        try:
            repo = open_store(self.settings, vault.unlock(self.settings.db_path, passphrase))
        except ScreenerError as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self.dismiss, repo)

    def _failed(self, text: str) -> None:
        self.query_one("#passphrase", Input).value = ""
        self.show_error(text)

    def action_recovery(self) -> None:
        def recovered(repo: Repository | None) -> None:
            if repo is not None:
                self.dismiss(repo)

        self.app.push_screen(RecoveryScreen(self.settings, self.kdf), recovered)


class SetPassphraseScreen(Form):
    """First start (or an old plain database): choose a passphrase, typed twice."""

    def __init__(self, settings: Settings, kdf: KdfParams | None = None, upgrade: bool = False):
        super().__init__(settings, kdf)
        self.upgrade = upgrade

    def compose(self) -> ComposeResult:
        with Vertical(classes="unlock-box"):
            if self.upgrade:
                yield Static(_("Encrypt the database"), classes="unlock-title")
                yield Static(
                    _(
                        "The interviews on this computer are not encrypted yet. Choose a "
                        "passphrase: the database is encrypted now and the unencrypted file "
                        "is erased."
                    )
                )
            else:
                yield Static(_("Welcome to Screener"), classes="unlock-title")
                yield Static(
                    _(
                        "The interviews are stored encrypted. Choose a passphrase of at least "
                        "12 characters (a short sentence is easy to remember)."
                    )
                )
            yield from new_passphrase_fields()
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#passphrase", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        first = new_passphrase_entered(
            self, event.input, ["passphrase", "repeat"], clear_repeat=True
        )
        if first is None:
            return
        self._busy(True)
        self.query_one("#unlock-error", Static).update(_("Encrypting…"))
        self._create(first)

    @work(thread=True, exclusive=True)
    def _create(self, passphrase: str) -> None:
        from screener.security import vault

        try:
            if self.upgrade:
                key, recovery = vault.encrypt_plain(self.settings.db_path, passphrase, self.kdf)
            else:
                key, recovery = vault.create(self.settings.db_path, passphrase, self.kdf)
            repo = open_store(self.settings, key)
        except ScreenerError as error:
            self.app.call_from_thread(self.show_error, str(error))
            return
        self.app.call_from_thread(self._show_recovery, repo, recovery)

    def _show_recovery(self, repo: Repository, recovery: str) -> None:
        def done(_result: None) -> None:
            self.dismiss(repo)

        self.app.push_screen(RecoveryKeyScreen(recovery), done)


class RecoveryKeyScreen(ModalScreen[None]):
    """The recovery key, shown once: the only way in if the passphrase is forgotten."""

    DEFAULT_CSS = UNLOCK_CSS

    def __init__(self, recovery: str) -> None:
        super().__init__()
        self.recovery = recovery

    def compose(self) -> ComposeResult:
        with Vertical(classes="unlock-box"):
            yield Static(_("Your recovery key"), classes="unlock-title")
            yield Static(
                _(
                    "Write it down now and keep it locked away, apart from the laptop. It opens "
                    "the interviews if the passphrase is forgotten. It is shown only this once."
                )
            )
            yield Static(self.recovery, id="recovery-key", classes="unlock-key", markup=False)
            yield Button(_("I have written it down"), id="written", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#written", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)


class RecoveryScreen(Form):  # dismissed with None by Escape: back to the unlock screen
    """Forgot the passphrase: the recovery key and a new passphrase (twice)."""

    BINDINGS = bindings("back")

    def compose(self) -> ComposeResult:
        with Vertical(classes="unlock-box"):
            yield Static(_("Open with the recovery key"), classes="unlock-title")
            yield TypingInput(id="recovery", placeholder=_("Recovery key (XXXX-XXXX-…)"))
            yield from new_passphrase_fields()
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#recovery", Input).focus()

    def action_back(self) -> None:
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        new = new_passphrase_entered(self, event.input, ["recovery", "passphrase", "repeat"])
        if new is None:
            return
        self._busy(True)
        self._reset(self.query_one("#recovery", Input).value, new)

    @work(thread=True, exclusive=True)
    def _reset(self, recovery: str, new: str) -> None:
        from screener.security import vault

        try:
            key = vault.change_passphrase(self.settings.db_path, recovery, new, with_recovery=True)
            repo = open_store(self.settings, key)
        except ScreenerError as error:
            self.app.call_from_thread(self.show_error, str(error))
            return
        self.app.call_from_thread(self.dismiss, repo)


def start_screen(settings: Settings, kdf: KdfParams | None = None) -> Screen[Repository]:
    """The screen the app starts with: set a passphrase (new), encrypt (old plain file) or
    unlock. Raises DatabaseError for a file that cannot be used at all."""
    from screener.security.vault import StoreState, store_state

    state = store_state(settings.db_path)
    if state is StoreState.ENCRYPTED:
        return UnlockScreen(settings, kdf)
    return SetPassphraseScreen(settings, kdf, upgrade=state is StoreState.PLAIN)


class UnlockApp(App["Repository | None"]):
    """A small app of its own that runs before the main app and returns the opened store."""

    BINDINGS = bindings("quit", "next_field", "previous_field")
    # Nothing to find before the store is open: Textual's palette would only offer its own
    # (English) commands.
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, settings: Settings, kdf: KdfParams | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.kdf = kdf
        self.title = "Screener"

    def on_mount(self) -> None:
        self.theme = "textual-dark"
        self.push_screen(start_screen(self.settings, self.kdf), self.exit)


def unlock_store(settings: Settings) -> Repository | None:
    """The opened, encrypted Repository (single-writer lock held), or None if the user quit.
    A passphrase given by ``SCREENER_PASSPHRASE_FILE``/``SCREENER_PASSPHRASE`` (scripts,
    tests in tmux) skips the unlock screen of an encrypted store; a wrong one raises
    WrongPassphraseError. A new or plain store always shows its screen: the recovery key must be
    seen."""
    from screener.security.access import given_passphrase, obtain_key, open_repository
    from screener.security.vault import StoreState, store_state

    encrypted = store_state(settings.db_path) is StoreState.ENCRYPTED
    if encrypted and given_passphrase() is not None:
        return open_repository(settings, obtain_key(settings), exclusive=True)
    return UnlockApp(settings).run()
