"""F1: every key of the screen in front of the consultant, including those the footer has no
room for. Textual's own editing keys (cursor movement in a text field) are left out: they are
the same everywhere and would bury the keys that matter."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from screener.i18n import N_, _
from screener.ui.translate import translate_bindings

MOVES = ("focus_next", "focus_previous")  # named once, in the line under the list
# Textual's own description of ctrl+p, listed so that it is translated with the others.
PALETTE = N_("palette")


def key_rows(screen: Screen[Any]) -> list[tuple[str, str]]:
    """(keys, what they do) for the screen's active bindings, ours only, one row per action."""
    app = screen.app
    rows: dict[tuple[int, str], tuple[list[str], str]] = {}
    for active in screen.active_bindings.values():
        node, binding = active.node, active.binding
        module = type(node).__module__
        ours = module.startswith("screener.") or node is app or node is screen
        movement = binding.action.rpartition(".")[2] in MOVES
        if movement or not (binding.description and ours and active.enabled):
            continue
        keys, _description = rows.setdefault((id(node), binding.action), ([], binding.description))
        shown = app.get_key_display(binding)
        if shown not in keys:
            keys.append(shown)
    return [(" / ".join(keys), description) for keys, description in rows.values()]


COLUMN_ROWS = 10  # more keys than this are shown in two columns, so a 24-line terminal holds them


def _column(rows: list[tuple[str, str]]) -> Text:
    width = max((len(keys) for keys, _what in rows), default=4)
    return Text("\n").join(
        Text.assemble((keys.rjust(width), "bold"), "  ", what) for keys, what in rows
    )


class KeysScreen(ModalScreen[None]):
    """Lists the keys of the screen below it; F1 or Escape closes it."""

    BINDINGS = [Binding("escape,f1", "close", "Close")]

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        half = (len(self.rows) + 1) // 2 if len(self.rows) > COLUMN_ROWS else len(self.rows)
        with Vertical(classes="dialog keys-dialog"):
            yield Static(_("Keys on this screen"), classes="dialog-title")
            with VerticalScroll(classes="keys-list"), Horizontal(classes="keys-columns"):
                yield Static(_column(self.rows[:half]), classes="keys-column", markup=False)
                if self.rows[half:]:
                    yield Static(_column(self.rows[half:]), classes="keys-column", markup=False)
            yield Static(
                _("Tab and shift+tab move between fields. F1 or Escape closes this list."),
                classes="muted",
            )

    def on_mount(self) -> None:
        translate_bindings(self)

    def action_close(self) -> None:
        self.dismiss(None)
