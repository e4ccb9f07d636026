"""F1: every key of the screen in front of the consultant, including those the footer has no
room for. Only the command table's keys are listed: Textual's own editing keys (cursor movement
in a text field) are the same everywhere and would bury the keys that matter."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from screener.i18n import _
from screener.ui.command_table import Command, active_commands, bindings


def key_rows(screen: Screen[Any]) -> list[tuple[str, Command]]:
    """(keys, command) for the screen's enabled commands, one row per command (one for all
    keys that run the same app action, such as q and ctrl+q on the home screen)."""
    app = screen.app
    rows: dict[str, tuple[list[str], Command]] = {}
    for _key, active, command in active_commands(screen):
        if command is None or not (command.listed and command.description and active.enabled):
            continue
        same = command.action if command.action.startswith("app.") else command.id
        keys, _command = rows.setdefault(same, ([], command))
        shown = app.get_key_display(active.binding)
        if shown not in keys:
            keys.append(shown)
    return [(" / ".join(keys), command) for keys, command in rows.values()]


COLUMN_ROWS = 10  # more keys than this are shown in two columns, so a 24-line terminal holds them


def _column(rows: list[tuple[str, str]]) -> Text:
    width = max((len(keys) for keys, _what in rows), default=4)
    return Text("\n").join(
        Text.assemble((keys.rjust(width), "bold"), "  ", what) for keys, what in rows
    )


class KeysScreen(ModalScreen[None]):
    """Lists the keys of the screen below it; F1 or Escape closes it."""

    BINDINGS = bindings("keys.close")

    def __init__(self, rows: list[tuple[str, Command]]) -> None:
        super().__init__()
        self.rows = rows

    def lines(self) -> list[tuple[str, str]]:
        """(keys, what they do) in the active language."""
        return [(keys, command.text()) for keys, command in self.rows]

    def compose(self) -> ComposeResult:
        lines = self.lines()
        half = (len(lines) + 1) // 2 if len(lines) > COLUMN_ROWS else len(lines)
        with Vertical(classes="dialog keys-dialog"):
            yield Static(_("Keys on this screen"), classes="dialog-title")
            with VerticalScroll(classes="keys-list"), Horizontal(classes="keys-columns"):
                yield Static(_column(lines[:half]), classes="keys-column", markup=False)
                if lines[half:]:
                    yield Static(_column(lines[half:]), classes="keys-column", markup=False)
            yield Static(
                _("Tab and shift+tab move between fields. F1 or Escape closes this list."),
                classes="muted",
            )

    def action_close(self) -> None:
        self.dismiss(None)
