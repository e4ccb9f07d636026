"""The consultant's note on one question: several lines, kept as typed (every change goes to the
session); escape closes."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from screener.i18n import _
from screener.ui.command_table import bindings
from screener.ui.typing import TypingArea


class NoteDialog(ModalScreen[str]):
    """Returns the note as typed (empty removes it); nothing typed here is ever thrown away."""

    CSS_PATH = "../screens/interview.tcss"
    BINDINGS = bindings("done", "done_save")

    def __init__(
        self, question: str, text: str, on_keep: Callable[[str], None] | None = None
    ) -> None:
        super().__init__()
        self.on_keep = on_keep
        self.question = question
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="note-dialog"):
            yield Static(_("Note"), classes="dialog-title")
            yield Static(self.question, classes="dialog-text", markup=False)
            yield TypingArea(self.text, soft_wrap=True, id="note-text")
            yield Static(
                _("Escape: done (the note is kept). Empty the text to remove the note."),
                classes="dialog-help",
            )

    def on_mount(self) -> None:
        area = self.query_one("#note-text", TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @on(TextArea.Changed, "#note-text")
    def keep(self) -> None:
        if self.on_keep is not None:
            self.on_keep(self.query_one("#note-text", TextArea).text)

    def action_close(self) -> None:
        self.dismiss(self.query_one("#note-text", TextArea).text)
