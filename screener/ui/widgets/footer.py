"""A footer that is rebuilt only when the keys it shows change.

Textual's ``Footer`` builds all its keys again whenever the bindings may have changed, which is
at every focus change: moving between questions or sections did it several times per key press,
for the same keys.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class QuietFooter(Footer):
    _shown: tuple[object, ...] | None = None

    def compose(self) -> ComposeResult:
        self._shown = self._keys() if self._bindings_ready else None
        yield from super().compose()

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if self._shown is not None and self.is_attached and self._shown == self._keys():
            return  # the same keys: nothing to build
        super().bindings_changed(screen)

    def _keys(self) -> tuple[object, ...]:
        """Every active key with what the footer would show of it."""
        display = self.app.get_key_display
        return tuple(
            (key, display(binding), binding.description, binding.action, binding.show, enabled)
            for key, (_node, binding, enabled, _tip) in self.screen.active_bindings.items()
        )
