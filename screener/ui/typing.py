"""Text fields whose editing keys keep their place among the letters typed around them, and
that tell their owner of an edit at once.

Textual inserts a printable key in the focused field at once, but runs a bound key (backspace,
delete, arrows, ctrl+k ...) only after the event has bubbled up to the app. When keys come
faster than that (a quick correction, an interpreter's pace on a busy laptop) the next letter
is inserted before the backspace runs: "tigrinja", backspace, backspace, "ya" became
"tigrinja" (Textual issue 6605). These fields run their own bindings where the key arrives,
in order, as the upstream fix proposes.

``on_edit`` is called when the text changes, before the field's ``Changed`` message is even
posted: the owner can hand the text to the session in the same step, so no frame ever shows a
new letter beside a "Saved" that was about the text before it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, TextArea


@functools.cache
def own_bindings(widget_class: type[Widget]) -> dict[str, Binding]:
    """The key bindings ``widget_class`` declares itself (with its bases'), by key. Read from
    the classes, not from the screen's binding chain: that chain is built for the focus as it
    was, and a key that arrives just after Enter moved the focus belongs to the new field."""
    found: dict[str, Binding] = {}
    for klass in reversed(widget_class.__mro__):
        for entry in klass.__dict__.get("BINDINGS", ()):
            binding = entry if isinstance(entry, Binding) else Binding(*entry)
            for key in binding.key.split(","):
                found[key.strip()] = binding
    return found


async def run_own_binding(widget: Widget, event: events.Key) -> None:
    """Run ``widget``'s own binding for ``event`` now, if it has one."""
    if event.is_printable:
        return  # inserted by the field itself, after this handler
    binding = own_bindings(type(widget)).get(event.key)
    if binding is None or binding.priority:
        return  # not the field's: it goes up to the screen and the app as usual
    event.stop()
    event.prevent_default()
    await widget.app.run_action(binding.action, widget)


class TypingInput(Input):
    on_edit: Callable[[], None] | None = None

    async def on_key(self, event: events.Key) -> None:
        await run_own_binding(self, event)

    def post_message(self, message: Message) -> bool:
        if isinstance(message, Input.Changed) and self.on_edit is not None:
            self.on_edit()
        return super().post_message(message)


class TypingArea(TextArea):
    on_edit: Callable[[], None] | None = None

    async def on_key(self, event: events.Key) -> None:
        await run_own_binding(self, event)

    def post_message(self, message: Message) -> bool:
        if isinstance(message, TextArea.Changed) and self.on_edit is not None:
            self.on_edit()  # typing, paste, undo and redo all end here
        return super().post_message(message)
