"""Messages the app sends to its screens."""

from __future__ import annotations

from textual.message import Message


class SaveStateChanged(Message):
    """How many writes are still on their way to the disk, and whether the last one failed."""

    def __init__(self, pending: int, failed: BaseException | None) -> None:
        super().__init__()
        self.pending = pending
        self.failed = failed
