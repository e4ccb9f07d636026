"""Pieces shared by the unlock and lock screens: their styles and the form plumbing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Static

from screener.i18n import _
from screener.ui.typing import TypingInput

if TYPE_CHECKING:
    from screener.security.kdf import KdfParams
    from screener.security.keyfile import DatabaseKey
    from screener.settings import Settings
    from screener.store.repository import Repository

UNLOCK_CSS = """
.unlock-box { width: 72; height: auto; border: round $accent; padding: 1 2; margin: 2 4; }
.unlock-title { text-style: bold; margin-bottom: 1; }
.unlock-error { color: $error; height: auto; }
.unlock-key { text-style: bold; color: $success; margin: 1 0; }
LockScreen { background: $background; }
"""


def open_store(settings: Settings, key: DatabaseKey) -> Repository:
    from screener.security.access import open_repository

    return open_repository(settings, key, exclusive=True)


class Form(Screen["Repository"]):
    """Shared plumbing: an error line and a busy state while the key is derived."""

    DEFAULT_CSS = UNLOCK_CSS

    def __init__(self, settings: Settings, kdf: KdfParams | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.kdf = kdf

    def show_error(self, text: str) -> None:
        self.query_one("#unlock-error", Static).update(text)
        self._busy(False)

    def _busy(self, busy: bool) -> None:
        for widget in self.query(Input):
            widget.disabled = busy
        if not busy:
            first = next(iter(self.query(Input)), None)
            if first is not None:
                first.focus()


def new_passphrase_fields() -> list[Widget]:
    """The new passphrase typed twice, and the line that says what is wrong with it."""
    return [
        TypingInput(password=True, id="passphrase", placeholder=_("New passphrase")),
        TypingInput(password=True, id="repeat", placeholder=_("Repeat the new passphrase")),
        Static("", id="unlock-error", classes="unlock-error"),
    ]


def new_passphrase_entered(
    screen: Screen[Any], field: Input, order: list[str], clear_repeat: bool = False
) -> str | None:
    """Enter in one of the fields ``order`` names: focus the next one; in the last, return the
    new passphrase once it is strong enough and typed the same twice (else say why, None)."""
    from screener.security.vault import WeakPassphraseError, check_new_passphrase

    if field.id != order[-1]:
        screen.query_one(f"#{order[order.index(field.id or '') + 1]}", Input).focus()
        return None
    new = screen.query_one("#passphrase", Input).value
    try:
        check_new_passphrase(new, screen.query_one("#repeat", Input).value)
    except WeakPassphraseError as error:
        if clear_repeat:
            screen.query_one("#repeat", Input).value = ""
        screen.query_one("#unlock-error", Static).update(str(error))
        return None
    return new
