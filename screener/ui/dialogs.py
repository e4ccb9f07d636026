"""Small modal dialogs: confirm, ask for a line of text (reopen reason, notes)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from screener.i18n import _
from screener.ui.command_table import bindings
from screener.ui.typing import TypingInput


class ConfirmDialog(ModalScreen[bool]):
    """Asks a yes/no question; the question names what is at stake (e.g. the person)."""

    BINDINGS = bindings("confirm.yes", "confirm.no", "confirm.cancel")

    def __init__(self, question: str, yes: str | None = None) -> None:
        super().__init__()
        self.question = question
        self.yes = yes or _("Yes")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-text", markup=False)
            with Horizontal(classes="dialog-buttons"):
                # TRANSLATORS: the key that answers yes (the dialog takes both y and j)
                yes_key, no_key = _("y"), _("n")
                yield Button(Content(f"{self.yes} ({yes_key})"), id="yes", variant="error")
                yield Button(Content(_("No") + f" ({no_key})"), id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class TextDialog(ModalScreen[str | None]):
    """Asks for one line of text; escape cancels, enter confirms. An empty answer is refused
    when ``required``."""

    BINDINGS = bindings("cancel")

    def __init__(self, title: str, prompt: str, value: str = "", required: bool = True) -> None:
        super().__init__()
        self.title_text = title
        self.prompt = prompt
        self.value = value
        self.required = required

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.prompt, classes="dialog-text", markup=False)
            yield TypingInput(value=self.value, id="dialog-input")
            yield Static("", id="dialog-error", classes="field-error", markup=False)
            yield Static(_("Enter to confirm, Escape to cancel"), classes="dialog-help")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if self.required and not text:
            self.query_one("#dialog-error", Static).update(_("Please write something first."))
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ReopenDialog(TextDialog):
    """A finalized interview is reopened only with a reason, which is logged."""

    def __init__(self) -> None:
        super().__init__(
            _("Reopen interview"),
            _("Why is the finalized interview being changed? The reason is logged."),
        )
