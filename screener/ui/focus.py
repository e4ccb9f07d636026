"""Focus moves when the key is read: keys typed ahead of the screen (a fast typist, a burst
from the terminal) land in the field the consultant moved to, never in the one they left.

Tab and shift+tab are priority bindings of every app: Textual's own are handled only after
the keys queued before them reached the old field."""

from __future__ import annotations

from textual.binding import Binding

FOCUS_BINDINGS = [
    Binding("tab", "focus_next", "Next field", show=False, priority=True),
    Binding("shift+tab", "focus_previous", "Previous field", show=False, priority=True),
]
