"""Messages the app sends to its screens."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, runtime_checkable

from textual import events
from textual.message import Message


@runtime_checkable
class KeyKeeper(Protocol):
    """A screen that may keep keys for later (while what they are meant for is built)."""

    def keep_key(self, event: events.Key) -> bool:
        """True when the key is kept; the screen hands it to the app again, in order."""
        ...


class SaveStateChanged(Message):
    """How many writes are still on their way to the disk, and whether the last one failed."""

    def __init__(self, pending: int, failed: BaseException | None) -> None:
        super().__init__()
        self.pending = pending
        self.failed = failed


class OpenInterview(Message):
    """Show an interview (at a section and question, or where it was left)."""

    def __init__(self, interview_id: int, section: str | None = None, item: str | None = None):
        super().__init__()
        self.interview_id = interview_id
        self.section = section
        self.item = item


class OpenConsent(Message):
    """Record or change the consents of an interview; ``first``: a new interview, which goes
    on to its first question once the screening consent is given."""

    def __init__(
        self, interview_id: int, first: bool = False, prefill: dict[str, Any] | None = None
    ) -> None:
        super().__init__()
        self.interview_id = interview_id
        self.first = first
        self.prefill = prefill or {}


class OpenHome(Message):
    """Back to the list of interviews; ``forget``: an interview whose session can close (it
    was declined or erased)."""

    def __init__(self, forget: int | None = None) -> None:
        super().__init__()
        self.forget = forget


class OpenPapers(Message):
    """Review, edit and print the candidate's papers (``paper``: "cv" or "card")."""

    def __init__(self, interview_id: int, paper: str = "cv") -> None:
        super().__init__()
        self.interview_id = interview_id
        self.paper = paper


class OpenScreen(Message):
    """Show the review, assessment, finalize or export screen of an interview over the current
    one; ``done(kind, result)`` gets what that screen returns."""

    def __init__(
        self, kind: str, interview_id: int, done: Callable[[str, object], None] | None = None
    ) -> None:
        super().__init__()
        self.kind = kind
        self.interview_id = interview_id
        self.done = done
