"""The key line at the bottom of every screen, in the active language.

One widget that draws one line, instead of Textual's Footer (a widget per key, all composed
again for every bindings signal: about 12 ms each, five times before the home screen's first
rows). It reads the screen's bindings through the public API, looks their words up in the
command table, and repaints only when what it shows changed.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from textual import events
from textual.content import Content
from textual.screen import Screen
from textual.style import Style
from textual.widget import Widget

from screener.ui.command_table import active_commands, words_of

LAST_RANK = 9  # keys without a command in the table (Textual's own: a dropdown's escape) go last
SEPARATOR = "▏"


class Key(NamedTuple):
    """One key as shown: everything the line depends on, so equal tuples draw the same."""

    key: str
    shown: str
    text: str
    rank: int
    enabled: bool


class KeysFooter(Widget, can_focus=False):
    """Shows what fits of the screen's footer keys (by rank), the palette key at the right."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"keys-footer--key", "keys-footer--description", "keys-footer--separator"}
    DEFAULT_CSS = """
    KeysFooter {
        dock: bottom;
        height: 1;
        text-wrap: nowrap;
        text-overflow: clip;
        color: $footer-foreground;
        background: $footer-background;
        .keys-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .keys-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .keys-footer--separator {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self, compact: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.compact = compact
        self.keys: tuple[Key, ...] = ()
        self.palette: Key | None = None
        self.spans: list[tuple[int, int, Key]] = []  # where each key was drawn, for clicks
        self._update_pending = False

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._update()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[Any]) -> None:
        # Several signals arrive in one go (focus, screen stack): read the bindings once after.
        if screen is self.screen and not self._update_pending:
            self._update_pending = True
            self.call_after_refresh(self._update)

    def _update(self) -> None:
        self._update_pending = False
        if not self.is_attached:
            return
        keys, palette = self.read_keys()
        if (keys, palette) != (self.keys, self.palette):
            self.keys, self.palette = keys, palette
            self.refresh()

    def read_keys(self) -> tuple[tuple[Key, ...], Key | None]:
        """The footer keys of the screen now (one per action), and the palette key."""
        app = self.app
        keys: list[Key] = []
        actions: set[str] = set()
        palette: Key | None = None
        for key, (_node, binding, enabled, _tooltip), command in active_commands(self.screen):
            text = words_of(binding, command)
            rank = command.footer if command is not None else LAST_RANK
            shown = Key(key, app.get_key_display(binding), text, rank, enabled)
            if key == app.COMMAND_PALETTE_BINDING and app.ENABLE_COMMAND_PALETTE:
                palette = shown
            elif binding.show and binding.action not in actions:
                actions.add(binding.action)
                keys.append(shown)
        return tuple(keys), palette

    # Textual content, not a Rich text: the line is drawn again whenever the keys change, which
    # is at most section switches and moves between kinds of question.
    def render(self) -> Content:
        width = self.size.width
        key_style = self.get_visual_style("keys-footer--key")
        text_style = self.get_visual_style("keys-footer--description")
        line = Content("")
        right = Content("")
        if self.palette is not None:
            separator = self.get_visual_style("keys-footer--separator")
            right = Content.assemble(
                (SEPARATOR, separator),
                self._piece(self.palette, key_style, text_style, compact=True),
                (" ", text_style),
            )
        shown = self._fitting(width - right.cell_length)
        self.spans = []
        for key in self.keys:
            if key not in shown:
                continue
            if self.compact and line:
                line += " "
            piece = self._piece(key, key_style, text_style)
            self.spans.append((line.cell_length, line.cell_length + piece.cell_length, key))
            line += piece
        if self.palette is not None and width > right.cell_length:
            line = line.pad_right(width - right.cell_length - line.cell_length)
            start = line.cell_length
            self.spans.append((start + len(SEPARATOR), start + right.cell_length, self.palette))
            line += right
        return line

    def _piece(
        self, key: Key, key_style: Style | str, text_style: Style | str, compact: bool = False
    ) -> Content:
        if compact or self.compact:
            piece = Content.assemble((key.shown, key_style), (" " + key.text, text_style))
        else:
            piece = Content.assemble((f" {key.shown} ", key_style), (key.text + " ", text_style))
        return piece if key.enabled else piece.stylize("dim")

    def _fitting(self, room: int) -> set[Key]:
        """The keys that fit in ``room`` cells: rank 1 first, then 2, ...; the first key that
        does not fit ends it, so a less important key never shows while a more important one is
        hidden."""
        chosen: set[Key] = set()
        used = 0
        for key in sorted(self.keys, key=lambda k: k.rank):  # stable: screen order within a rank
            width = self._piece(key, "", "").cell_length + (1 if self.compact else 0)
            if used + width > room + (1 if self.compact else 0):
                break
            used += width
            chosen.add(key)
        return chosen

    def on_click(self, event: events.Click) -> None:
        """A click on a key presses it (a disabled one rings the bell), as in Textual's footer."""
        for start, end, key in self.spans:
            if start <= event.x < end:
                if key.enabled:
                    self.app.simulate_key(key.key)
                else:
                    self.app.bell()
                return
