"""What the interview and the assessment screens share: the interview is read on a worker
thread, never on the UI thread, and the body (``InterviewBody``) is built once it is there.

Until then the screen shows a loading indicator and nothing is focused. Keys typed meanwhile
are kept, in order, and handed to the app again once the first question has focus, so a fast
consultant loses nothing and no key lands on the wrong screen or field. A jump (the palette, the
review) does the same while the page it goes to is built: the keys typed after the jump's Enter
belong to the question jumped to, not to the one still focused until the page is there.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import LoadingIndicator

from screener.i18n import _
from screener.ui.messages import SaveStateChanged
from screener.ui.screens.base import ScreenerScreen
from screener.ui.widgets.body import InterviewBody
from screener.ui.widgets.clock import Clock
from screener.ui.widgets.footer import KeysFooter
from screener.ui.widgets.palette import QuestionJumps, jump_targets

if TYPE_CHECKING:
    from screener.interview.session import InterviewSession
    from screener.questionnaire.model import Section
    from screener.ui.widgets.form import QuestionForm


class BodyScreen(ScreenerScreen):
    """Subclasses say which sections the body shows and where it starts."""

    CSS_PATH = "interview.tcss"
    COMMANDS = {QuestionJumps}  # ctrl+p finds the sections and questions the body shows
    # Textual repaints the whole screen when the focus moves; the widgets whose look depends on
    # the focus repaint themselves, so here a move only costs what it changes.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def __init__(self, interview_id: int) -> None:
        super().__init__()
        self.interview_id = interview_id
        self.state: InterviewSession | None = None
        self.clock = Clock(now=lambda: self.sapp.clock())  # the app's clock, once mounted
        self._body: InterviewBody | None = None
        self._typed: list[events.Key] = []  # keys that came before the body was there
        self._replayed: list[events.Key] = []  # those keys, handed to the app again
        self._ready = False  # the body is there and every key typed before it is handled
        self._failed = False
        self._leave_warned = False

    def compose(self) -> ComposeResult:
        yield LoadingIndicator(id="iv-loading")
        yield KeysFooter(compact=True)

    def on_mount(self) -> None:
        self.run_worker(self._load(), exclusive=True, group="open")

    async def _load(self) -> None:
        session = await asyncio.to_thread(self.sapp.open_session, self.interview_id)
        # In the app's queue, behind the keys that came before it: those reach on_key first.
        self.app.call_later(self._show, session)

    async def _show(self, session: InterviewSession) -> None:
        if not self.is_attached:
            return
        self.state = session
        body = self._body = self.make_body(session)
        await self.query_one("#iv-loading").remove()
        await self.mount(body, before=self.query_one(KeysFooter))
        await self.opened(body)
        self.refresh_bindings()
        await self._replay()  # now, before any key still queued in the app
        # A key already on its way to this screen arrives before this callback.
        self.call_later(self._settle)

    async def _replay(self) -> None:
        while self._typed:
            typed = self._typed.pop(0)
            key = events.Key(typed.key, typed.character)
            self._replayed.append(key)
            await self.app.on_event(key)

    async def _settle(self) -> None:
        await self._replay()
        self._ready = True
        self._replayed.clear()

    def keep_key(self, event: events.Key) -> bool:
        """Called by the app before a key goes anywhere: True when it is kept for later (the
        body is not there yet, or a jump is under way)."""
        if self._ready or any(event is key for key in self._replayed):
            return False
        self._typed.append(event)
        return True

    def jump_to(self, section: str, item: str | None) -> None:
        """Open ``section`` and focus ``item`` (the palette, review and tests use this); keys
        typed meanwhile wait for the question jumped to."""
        if self._body is None:
            return
        self._ready = False

        async def jump() -> None:
            try:
                await self.body.jump(section, item)
            finally:
                await self._replay()
                self.call_later(self._settle)

        self.call_later(jump)

    def jump_targets(self) -> list[tuple[str, str, str, str | None]]:
        if self._body is None:
            return []
        return jump_targets(self.st, self.body.sections)

    def make_body(self, session: InterviewSession) -> InterviewBody:
        return InterviewBody(session, self.clock, id="iv-main-body")

    async def opened(self, body: InterviewBody) -> None:
        """The body is mounted: open its first section."""
        await body.open_section(self.first_section(body))

    def first_section(self, body: InterviewBody) -> Section:
        return body.sections[0]

    @property
    def ready(self) -> bool:
        """The body is shown and every key typed before it is handled."""
        return self._ready

    @property
    def body(self) -> InterviewBody:
        assert self._body is not None
        return self._body

    @property
    def st(self) -> InterviewSession:
        assert self.state is not None
        return self.state

    @property
    def section(self) -> Section | None:
        return self._body.section if self._body is not None else None

    @property
    def form(self) -> QuestionForm:
        return self.body.form

    def refresh_texts(self) -> None:
        if self._body is not None and self._body.is_mounted:
            self.body.refresh_texts()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.state is None:
            return action == "leave"  # keys before the interview is there wait for it
        return True

    def action_leave(self) -> None:
        """Back, saving first. Text that is not valid yet cannot be saved: the first escape
        shows it; a second escape leaves without it."""
        self.save_now()
        invalid = self.body.first_invalid() if self._body is not None else None
        if invalid is not None and not self._leave_warned:
            self._leave_warned = True
            self.notify(
                _("A value is not valid and is not saved. Fix it, or press Escape again."),
                severity="warning",
            )
            self.call_later(self.body.jump, *invalid)
            return
        self.leave()

    def leave(self) -> None:
        """Where escape goes: the screen below."""
        self.dismiss(None)

    # -- saved state and time --------------------------------------------------------------------
    def on_save_state_changed(self, message: SaveStateChanged) -> None:
        failed = message.failed is not None
        if failed and not self._failed:
            self.notify(
                _("Could not save to the database. What you typed stays on the screen."),
                severity="error",
                timeout=15,
            )
        self._failed = failed
        if self._body is not None:
            self.body.show_saved()

    def save_now(self) -> None:
        """Store the clock now (leaving, another screen); answers are stored as typed."""
        if self._body is not None:
            self.body.store_time()

    def on_screen_suspend(self) -> None:
        """Dialogs, review and export over this screen keep the clock running; another screen
        with a body counts its own time, so this one stops meanwhile."""
        self.save_now()
        above = self.app.screen
        if isinstance(above, BodyScreen) and above is not self and self._body is not None:
            self.body.stop_clock()

    def on_screen_resume(self) -> None:
        if self._body is not None:
            self.body.resume()

    def on_unmount(self) -> None:
        self.save_now()
