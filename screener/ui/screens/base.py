"""What every Screener screen shares: the typed app, re-rendering on a language switch."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual import events, on
from textual.screen import Screen

from screener.ui.translate import LanguageChanged

if TYPE_CHECKING:
    from screener.ui.app import ScreenerApp


class ScreenerScreen(Screen[Any]):
    @property
    def sapp(self) -> ScreenerApp:
        """The app, typed, for the repository, saver, questionnaire and settings."""
        return cast("ScreenerApp", self.app)

    @on(events.Mount)
    def _texts_on_mount(self) -> None:
        self.refresh_texts()

    def on_language_changed(self, _message: LanguageChanged) -> None:
        self.refresh_texts()
        self.refresh_bindings()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if not self.sapp.settings.cursor_blink and hasattr(event.widget, "cursor_blink"):
            event.widget.cursor_blink = False

    def refresh_texts(self) -> None:
        """Set every visible text from ``_()`` and the questionnaire; called again on a switch."""
