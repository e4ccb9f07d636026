"""Text fields whose editing keys keep their place among the letters typed around them.

Textual inserts a printable key in the focused field at once, but runs a bound key (backspace,
delete, arrows, ctrl+k ...) only after the event has bubbled up to the app. When keys come
faster than that (a quick correction, an interpreter's pace on a busy laptop) the next letter
is inserted before the backspace runs: "tigrinja", backspace, backspace, "ya" became
"tigrinja" (Textual issue 6605). These fields run their own bindings where the key arrives,
in order, as the upstream fix proposes.
"""

from __future__ import annotations

from textual import events
from textual.widget import Widget
from textual.widgets import Input, TextArea


async def run_own_binding(widget: Widget, event: events.Key) -> None:
    """Run ``widget``'s own binding for ``event`` now, if it has one that is active."""
    if event.is_printable:
        return  # inserted by the field itself, before this handler
    active = widget.screen.active_bindings.get(event.key)
    if active is None or active.node is not widget or active.binding.priority:
        return  # a priority key already ran; another widget's key goes the usual way
    event.stop()
    event.prevent_default()
    if active.enabled:
        await widget.app.run_action(active.binding.action, widget)


class TypingInput(Input):
    async def on_key(self, event: events.Key) -> None:
        await run_own_binding(self, event)


class TypingArea(TextArea):
    async def on_key(self, event: events.Key) -> None:
        await run_own_binding(self, event)
