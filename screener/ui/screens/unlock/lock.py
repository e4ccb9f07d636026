"""While the app runs: the lock screen (auto-lock after idle time), the helper that locks, and
changing the passphrase."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from screener.errors import ScreenerError
from screener.i18n import _
from screener.ui.command_table import bindings
from screener.ui.screens.unlock.common import (
    UNLOCK_CSS,
    new_passphrase_entered,
    new_passphrase_fields,
)
from screener.ui.typing import TypingInput
from screener.ui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from screener.security.keyfile import DatabaseKey


class LockScreen(ModalScreen[None]):
    """Auto-lock: covers the whole screen (no personal data shows) until the passphrase is
    typed again. Typed answers are not touched: the screens underneath stay as they were."""

    DEFAULT_CSS = UNLOCK_CSS
    BINDINGS = bindings("lock.ignore")

    def __init__(self, db_path: Path, key: DatabaseKey) -> None:
        super().__init__()
        self.db_path = db_path
        self.key = key

    def compose(self) -> ComposeResult:
        with Vertical(classes="unlock-box"):
            yield Static(_("Screener is locked"), classes="unlock-title")
            yield Static(_("Type your passphrase and press Enter."))
            yield TypingInput(password=True, id="passphrase", placeholder=_("Passphrase"))
            yield Static("", id="unlock-error", classes="unlock-error")

    def on_mount(self) -> None:
        self.query_one("#passphrase", Input).focus()

    def action_ignore(self) -> None:
        """Escape does not unlock."""

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value:  # enter on an empty field is not a wrong passphrase
            self.query_one("#unlock-error", Static).update(
                _("Type your passphrase and press Enter.")
            )
            return
        event.input.disabled = True
        self._check(event.value)

    @work(thread=True, exclusive=True)
    def _check(self, passphrase: str) -> None:
        from screener.security import vault

        try:
            ok = vault.verify(self.db_path, self.key, passphrase)
        except ScreenerError:
            ok = False
        self.app.call_from_thread(self._checked, ok)

    def _checked(self, ok: bool) -> None:
        if ok:
            self.dismiss(None)
            return
        field = self.query_one("#passphrase", Input)
        field.value = ""
        field.disabled = False
        field.focus()
        self.query_one("#unlock-error", Static).update(
            _("The passphrase is not right. Nothing was changed.")
        )


class ChangePassphraseScreen(ModalScreen[bool]):
    """Change the passphrase from the app (re-wraps the database key; the database is not
    rewritten). Dismissed with True when changed, False on Escape."""

    DEFAULT_CSS = UNLOCK_CSS
    BINDINGS = bindings("cancel")

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.db_path = db_path

    def compose(self) -> ComposeResult:
        with Vertical(classes="unlock-box"):
            yield Static(_("Change the passphrase"), classes="unlock-title")
            yield TypingInput(password=True, id="current", placeholder=_("Current passphrase"))
            yield from new_passphrase_fields()
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#current", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        new = new_passphrase_entered(self, event.input, ["current", "passphrase", "repeat"])
        if new is None:
            return
        for field in self.query(Input):
            field.disabled = True
        self._change(self.query_one("#current", Input).value, new)

    @work(thread=True, exclusive=True)
    def _change(self, current: str, new: str) -> None:
        from screener.security import vault

        try:
            vault.change_passphrase(self.db_path, current, new)
        except ScreenerError as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self.dismiss, True)

    def _failed(self, text: str) -> None:
        for field in self.query(Input):
            field.disabled = False
        self.query_one("#current", Input).value = ""
        self.query_one("#current", Input).focus()
        self.query_one("#unlock-error", Static).update(text)


class AutoLock:
    """Locks the app after ``after_s`` seconds without a key press or mouse click.

    The app calls ``touch()`` on every input event (e.g. in ``App.on_event`` for ``events.Key``
    and ``events.MouseDown``) and ``start()`` once mounted. Locking pushes ``LockScreen`` over
    whatever is open: the screens underneath keep their state, so nothing typed is lost;
    ``on_lock`` runs first (flush pending saves there). ``clock`` is for tests.
    """

    def __init__(
        self,
        app: App[object],
        db_path: Path,
        key: DatabaseKey,
        after_s: float,
        on_lock: Callable[[], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.app = app
        self.db_path = db_path
        self.key = key
        self.after_s = after_s
        self.on_lock = on_lock
        self.clock = clock
        self.last = clock()
        self.locked = False

    def touch(self) -> None:
        self.last = self.clock()

    def start(self, every_s: float = 5.0) -> None:
        if self.after_s > 0:
            self.app.set_interval(every_s, self.check)

    def check(self) -> None:
        """Lock now if idle long enough (called by the interval timer)."""
        if self.locked or self.after_s <= 0 or self.clock() - self.last < self.after_s:
            return
        self.lock()

    def lock(self) -> None:
        if self.locked:
            return
        if self.on_lock is not None:
            self.on_lock()
        self.locked = True
        self.app.push_screen(LockScreen(self.db_path, self.key), self._unlocked)

    def _unlocked(self, _result: None) -> None:
        self.locked = False
        self.touch()
