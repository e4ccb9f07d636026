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
    _shown: frozenset[object] | None = None

    def compose(self) -> ComposeResult:
        self._shown = self._keys() if self._bindings_ready else None
        yield from super().compose()

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if self._shown is not None and self.is_attached and self._shown == self._keys():
            return  # the same keys (in whatever order the focus chain lists them)
        super().bindings_changed(screen)

    def _keys(self) -> frozenset[object]:
        """The keys the footer shows (and the palette's), with their texts and state."""
        display = self.app.get_key_display
        palette = self.app.COMMAND_PALETTE_BINDING
        return frozenset(
            (key, display(binding), binding.description, binding.action, enabled)
            for key, (_node, binding, enabled, _tip) in self.screen.active_bindings.items()
            if binding.show or key == palette
        )
