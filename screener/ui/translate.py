"""Run-time language switching for the UI: the message screens listen to.

Nothing is rewritten on a switch: key descriptions are message ids in the command table,
translated whenever the footer, F1 or the palette shows them."""

from __future__ import annotations

from textual.message import Message


class LanguageChanged(Message):
    """Posted to every screen after the language changed, so each re-renders its own texts."""
