"""One consent question answered yes or no, shown in text ("[x] Ja  [ ] Nej"), never by
colour alone, and with no default: until a key is pressed both boxes are empty."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widget import Widget

from screener.i18n import _


class ConsentChoice(Widget, can_focus=True):
    """``value`` is True (yes), False (no) or None (not answered yet)."""

    DEFAULT_CSS = """
    ConsentChoice {
        height: auto;
        padding: 0 1;
    }
    ConsentChoice:focus {
        background: $primary 20%;
    }
    """

    class Changed(Message):
        def __init__(self, choice: ConsentChoice) -> None:
            super().__init__()
            self.choice = choice

    def __init__(self, kind: str, value: bool | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="consent-choice")
        self.kind = kind
        self.value = value
        self.label = ""
        self.number = 0

    def render(self) -> Text:
        yes = "[x]" if self.value is True else "[ ]"
        no = "[x]" if self.value is False else "[ ]"
        text = Text(f"{self.number}. ", style="bold")
        text.append(self.label)
        text.append("\n   ")
        style = "reverse" if self.has_focus else ""
        text.append(f"{yes} " + _("Yes"), style=style if self.value is True else "")
        text.append("   ")
        text.append(f"{no} " + _("No"), style=style if self.value is False else "")
        if self.value is None:
            text.append("   " + _("(not answered yet: y or n)"), style="italic")
        elif self.has_focus:
            text.append("   " + _("y or n changes it"), style="dim")
        return text

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_key(self, event: events.Key) -> None:
        """y/j and n come as the screen's keys (``choose``); here only the toggles."""
        if event.key in ("left", "right", "space") and self.value is not None:
            event.stop()
            event.prevent_default()
            self.choose(not self.value)

    def choose(self, value: bool) -> None:
        if self.disabled:
            return
        self.value = value
        self.refresh(layout=True)
        self.post_message(self.Changed(self))
