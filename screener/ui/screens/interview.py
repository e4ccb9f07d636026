"""The interview screen: the interview body (``InterviewBody``) with the list of sections, and
the keys that lead to the other screens of an interview.

The interview is read on a worker thread (``BodyScreen``); the position and the clock are
stored as the consultant moves, so reopening returns to the same question and time.
"""

from __future__ import annotations

import asyncio

from textual import on

from screener.ui.command_table import bindings
from screener.ui.messages import OpenConsent, OpenScreen
from screener.ui.screens.body_screen import BodyScreen
from screener.ui.widgets.body import InterviewBody
from screener.ui.widgets.sidebar import SectionSidebar

NARROW = 100  # below this terminal width the sidebar gets narrower


class InterviewScreen(BodyScreen):
    # The question keys (F3-F8, up/down/enter, ctrl+s) are the body's: the assessment has them too.
    BINDINGS = bindings(
        "interview.sections",
        "interview.review",
        "interview.assessment",
        "interview.finalize",
        "interview.reopen",
        "interview.export",
        "interview.next_section",
        "interview.previous_section",
        "interview.leave",
    )

    def __init__(
        self, interview_id: int, section: str | None = None, item: str | None = None
    ) -> None:
        super().__init__(interview_id)
        self.start_at = (section, item)
        self._position: tuple[str, str | None] | None = None

    async def opened(self, body: InterviewBody) -> None:
        self._set_width_class(self.app.size.width)
        section, item = self.start_at
        if section is None and self.st.interview.position is not None:
            section, item = self.st.interview.position
        await body.open_section(body.section_named(section), item)
        consent = self.st.consent
        if not self.st.read_only and (consent is None or not consent.complete):
            self.post_message(OpenConsent(self.interview_id))

    def on_resize(self) -> None:
        self._set_width_class(self.app.size.width)

    def _set_width_class(self, width: int) -> None:
        if self._body is not None:
            self._body.set_class(width < NARROW, "-narrow")

    # -- moving ----------------------------------------------------------------------------------
    async def action_next_section(self) -> None:
        await self.body.step_section(1)

    async def action_previous_section(self) -> None:
        await self.body.step_section(-1)

    @on(InterviewBody.PositionMoved)
    def _record_position(self, event: InterviewBody.PositionMoved) -> None:
        position = (event.section, event.item)
        if self._position != position and not self.st.read_only:
            self._position = position
            self.st.set_position(event.section, event.item)

    # -- other screens ---------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.state is None:
            return super().check_action(action, parameters)
        read_only = self.st.read_only
        if action == "finalize":
            return not read_only
        if action in ("reopen", "export"):
            return read_only
        return True

    def action_toggle_sidebar(self) -> None:
        sidebar = self.query_one(SectionSidebar)
        sidebar.display = not sidebar.display
        if sidebar.display:
            sidebar.focus()
        elif not self.form.focus_question(self._position[1] if self._position else None):
            self.form.focus()

    def leave(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    def action_review(self) -> None:
        self._open("review")

    def action_assessment(self) -> None:
        self._open("assessment")

    def action_finalize(self) -> None:
        self._open("finalize")

    def action_export(self) -> None:
        self._open("export")

    def _open(self, kind: str) -> None:
        """Another screen over this one; the app decides how (it routes on the message)."""
        self.save_now()
        self.post_message(OpenScreen(kind, self.interview_id, self._returned))

    def _returned(self, kind: str, result: object) -> None:
        if kind == "review" and isinstance(result, tuple):
            self.jump_to(*result)  # the consultant chose a question in the review
        elif kind == "assessment" or (kind == "finalize" and result):
            self.reload()

    def action_reopen(self) -> None:
        from screener.ui.dialogs import ReopenDialog

        def done(reason: str | None) -> None:
            if reason:
                self.run_worker(self._reopen(reason), exclusive=True, group="life")

        self.app.push_screen(ReopenDialog(), done)

    async def _reopen(self, reason: str) -> None:
        await asyncio.wrap_future(self.st.reopen(reason))
        self.reload()

    def reload(self) -> None:
        """Read the interview again (after finalize, reopen, consent or another screen's edits);
        the database is read on a worker thread, never on the UI thread."""
        if self.state is None:
            return  # still loading: it is read afresh anyway
        self.save_now()
        self.run_worker(self._reload(), exclusive=True, group="reload")

    async def _reload(self) -> None:
        await asyncio.to_thread(self.st.reload)
        await self.body.reload()
        self.refresh_bindings()
        if self.st.read_only:
            self.form.focus()
        else:
            self.form.focus_question(self._position[1] if self._position else None)
