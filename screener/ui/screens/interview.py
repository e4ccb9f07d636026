"""The interview screen: sections with progress, the questions of one section, the clock.

Every keystroke goes to the interview's session (``screener.interview.session``), which stores
it at once and retries until it is on disk; the header says "not saved" until then. The position
and the clock are stored too, so reopening returns to the same question and time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, OptionList, Static, TextArea

from screener.i18n import _, current_language
from screener.store.records import AnswerState
from screener.ui.command_table import bindings
from screener.ui.messages import OpenConsent, OpenScreen, SaveStateChanged
from screener.ui.screens.base import ScreenerScreen
from screener.ui.widgets.choices import ChoicePicker
from screener.ui.widgets.clock import Clock, HeaderBar
from screener.ui.widgets.footer import KeysFooter
from screener.ui.widgets.form import QuestionForm
from screener.ui.widgets.palette import QuestionJumps, jump_targets
from screener.ui.widgets.questions import QuestionWidget
from screener.ui.widgets.sidebar import GuidancePanel, SectionSidebar

if TYPE_CHECKING:
    from screener.interview.session import InterviewSession
    from screener.questionnaire.model import Section

STORE_EVERY_TICKS = 10  # seconds between clock writes: a crash loses at most this much time
NARROW = 100  # below this terminal width the sidebar gets narrower


class InterviewScreen(ScreenerScreen):
    CSS_PATH = "interview.tcss"
    COMMANDS = {QuestionJumps}
    BINDINGS = bindings(
        "interview.note",
        "interview.flag",
        "interview.dont_know",
        "interview.declined",
        "interview.not_applicable",
        "interview.pause",
        "interview.sections",
        "interview.next",
        "interview.previous",
        "interview.advance",
        "interview.review",
        "interview.assessment",
        "interview.finalize",
        "interview.reopen",
        "interview.export",
        "interview.next_section",
        "interview.previous_section",
        "interview.save",
        "interview.leave",
    )
    SIDEBAR = True

    def __init__(
        self, interview_id: int, section: str | None = None, item: str | None = None
    ) -> None:
        super().__init__()
        self.interview_id = interview_id
        self.start_at = (section, item)
        self.state: InterviewSession | None = None
        self.section: Section | None = None
        self.clock = Clock(now=lambda: self.sapp.clock())  # the app's clock, once mounted
        self._ticks = 0
        self._pending = 0
        self._failed = False
        self._position: tuple[str, str | None] | None = None
        self._leave_warned = False

    # -- building --------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        self.state = self.sapp.open_session(self.interview_id)
        yield HeaderBar(id="iv-header")
        with Horizontal(id="iv-body"):
            yield SectionSidebar(id="iv-sidebar")
            with Vertical(id="iv-main"):
                yield Static("", id="iv-title", markup=False)
                yield QuestionForm(self.state, id="iv-form")
                yield GuidancePanel("", id="iv-guide")
        yield KeysFooter(compact=True)

    @property
    def form(self) -> QuestionForm:
        return self.query_one(QuestionForm)

    @property
    def st(self) -> InterviewSession:
        assert self.state is not None
        return self.state

    async def on_mount(self) -> None:
        self.query_one(SectionSidebar).display = self.SIDEBAR
        self._set_width_class(self.app.size.width)
        section, item = self.start_at
        if section is None and self.st.interview.position is not None:
            section, item = self.st.interview.position
        await self._open_section(self._section_named(section), item)
        self.set_interval(1.0, self._tick)
        self._show_header()
        self._show_saved()
        consent = self.st.consent
        if not self.st.read_only and (consent is None or not consent.complete):
            self.post_message(OpenConsent(self.interview_id))

    def _section_named(self, name: str | None) -> Section:
        sections = self.st.questionnaire.sections
        return next((s for s in sections if s.name == name), sections[0])

    def refresh_texts(self) -> None:
        if self.section is None:
            return
        lang = current_language()
        q = self.st.questionnaire
        number = q.sections.index(self.section) + 1
        self.query_one("#iv-title", Static).update(f"{number}. {q.text(self.section.title, lang)}")
        self.query_one(SectionSidebar).show_sections(self.st, self.section.name)
        self.form.relabel()
        self.query_one(GuidancePanel).show_for(self.form.current, self.section)
        self._show_header()
        self._show_saved()

    def on_resize(self) -> None:
        self._set_width_class(self.app.size.width)

    def _set_width_class(self, width: int) -> None:
        self.set_class(width < NARROW, "-narrow")

    # -- moving ----------------------------------------------------------------------------------
    async def _open_section(
        self, section: Section, item: str | None = None, at_end: bool = False
    ) -> None:
        self._store_time()
        self.section = section
        if not self.st.read_only:
            self.clock.start(section.name)
        await self.form.show_section(section)
        self.refresh_texts()
        if not self.form.focus_question(item, at_end):
            self.form.focus() if self.form.can_focus else self.query_one(SectionSidebar).focus()
            self._record_position(section.name, None)

    def jump_to(self, section: str, item: str | None) -> None:
        """Open ``section`` and focus ``item`` (the palette, review and tests use this)."""
        self.call_later(self._jump, section, item)

    async def _jump(self, section: str, item: str | None) -> None:
        if self.section is not None and self.section.name == section:
            if not self.form.focus_question(item):
                self.form.focus_question(None)
            return
        await self._open_section(self._section_named(section), item)

    def jump_targets(self) -> list[tuple[str, str, str, str | None]]:
        return jump_targets(self.st)

    async def _step_section(self, step: int) -> None:
        if self.section is None:
            return
        sections = self.st.questionnaire.sections
        index = sections.index(self.section) + step
        if 0 <= index < len(sections):
            await self._open_section(sections[index], at_end=False)

    async def action_next_section(self) -> None:
        await self._step_section(1)

    async def action_previous_section(self) -> None:
        await self._step_section(-1)

    def action_step(self, forward: bool) -> None:
        """Up/down between questions; inside a long text or a list they move in it instead."""
        focused = self.focused
        if isinstance(focused, TextArea) or (
            isinstance(focused, ChoicePicker) and not focused.horizontal
        ):
            raise SkipAction()
        if not isinstance(focused, Input | ChoicePicker) and focused is not self.form:
            raise SkipAction()  # the sidebar, a table: their own arrows
        self.form.action_step(forward)

    async def action_advance(self) -> None:
        """Enter on a one-line answer or a list: keep it and go to the next question, at once."""
        focused = self.focused
        question = self.form.question_of(focused)
        if question is None or isinstance(focused, TextArea):
            raise SkipAction()
        if isinstance(focused, ChoicePicker):
            focused.press_enter()
        elif isinstance(focused, Input):
            self.form.commit(question, final=True)
        else:
            raise SkipAction()
        if not self.form.step(True):
            await self._step_section(1)

    @on(QuestionWidget.Advance)
    async def _advance(self, event: QuestionWidget.Advance) -> None:
        event.stop()
        if not self.form.step(True):
            await self._step_section(1)

    @on(OptionList.OptionSelected, "#iv-sidebar")
    async def _section_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            await self._open_section(self._section_named(event.option.id))

    @on(QuestionForm.Moved)
    def _moved(self, event: QuestionForm.Moved) -> None:
        self.query_one(GuidancePanel).show_for(event.question, self.section)
        if self.section is not None and event.question is not None:
            self._record_position(self.section.name, event.question.item.name)

    def _record_position(self, section: str, item: str | None) -> None:
        if self._position != (section, item) and not self.st.read_only:
            self._position = (section, item)
            self.st.set_position(section, item)

    # -- answers, marks, notes, flags ------------------------------------------------------------
    @on(QuestionForm.Changed)
    def _answer_changed(self, _event: QuestionForm.Changed) -> None:
        if self.section is not None:
            self.query_one(SectionSidebar).show_sections(self.st, self.section.name)

    def action_mark(self, state: str) -> None:
        self.form.mark(AnswerState(state))

    def action_flag(self) -> None:
        self.form.flag()

    def action_note(self) -> None:
        self.form.note()

    # -- clock and saved state -------------------------------------------------------------------
    def _tick(self) -> None:
        self._ticks += 1
        if self._ticks % STORE_EVERY_TICKS == 0:
            self._store_time()
        self._show_header()

    def _store_time(self) -> None:
        section, seconds = self.clock.take()
        if section is not None and seconds > 0.5 and not self.st.read_only:
            self.st.add_elapsed(section, seconds)

    def _show_header(self) -> None:
        if self.section is None:
            return
        unstored = self.clock.unstored()
        interview = self.st.interview
        self.query_one(HeaderBar).show(
            interview.info.candidate_name,
            interview.elapsed_seconds + unstored,
            interview.section_seconds.get(self.section.name, 0.0) + unstored,
            self.section.minutes,
            self.clock.paused,
            self.st.read_only,
        )

    def _show_saved(self) -> None:
        self.query_one(HeaderBar).show_saved(self._pending, self._failed)

    def on_save_state_changed(self, message: SaveStateChanged) -> None:
        failed = message.failed is not None
        if failed and not self._failed:
            self.notify(
                _("Could not save to the database. What you typed stays on the screen."),
                severity="error",
                timeout=15,
            )
        self._pending, self._failed = message.pending, failed
        self._show_saved()

    def action_pause(self) -> None:
        self._store_time()
        paused = self.clock.toggle_pause()
        self._show_header()
        self.notify(_("Clock paused: F8 starts it again.") if paused else _("Clock running."))

    def save_now(self) -> None:
        """Store the clock now (leaving, another screen); answers are stored as typed."""
        self._store_time()

    def action_save(self) -> None:
        self.save_now()
        if self.st.saved:
            self.notify(_("Everything typed is saved."))
        else:
            self.notify(_("Not everything is saved yet: it is retried until it is on disk."))

    def on_screen_suspend(self) -> None:
        """Dialogs, review and export over this screen keep the clock running; the assessment
        screen counts its own time, so this one stops meanwhile."""
        self.save_now()
        if isinstance(self.app.screen, InterviewScreen) and self.app.screen is not self:
            self.clock.stop()
            self._store_time()

    def on_screen_resume(self) -> None:
        if self.section is not None and self.state is not None and not self.st.read_only:
            self.clock.start(self.section.name)
        # Save-state messages went to the screen on top meanwhile: read the session itself.
        self._pending, self._failed = self.st.pending_count, self.st.error is not None
        if self.section is not None:
            self._show_saved()

    def on_unmount(self) -> None:
        self._store_time()

    # -- other screens ---------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.state is None:
            return True
        read_only = self.st.read_only
        if action in ("note", "flag", "mark", "pause", "save"):
            return not self.st.locked
        if action == "finalize":
            return not read_only
        if action in ("reopen", "export"):
            return read_only
        if action in ("next_section", "previous_section", "toggle_sidebar"):
            return self.SIDEBAR
        return True

    def action_toggle_sidebar(self) -> None:
        sidebar = self.query_one(SectionSidebar)
        sidebar.display = not sidebar.display
        if sidebar.display:
            sidebar.focus()
        elif not self.form.focus_question(self._position[1] if self._position else None):
            self.form.focus()

    def action_leave(self) -> None:
        """Back (home), saving first. Text that is not valid yet cannot be saved: the first
        escape shows it; a second escape leaves without it."""
        self.save_now()
        invalid = [q for q in self.query(QuestionWidget) if q.has_class("-invalid")]
        if invalid and not self._leave_warned:
            self._leave_warned = True
            self.notify(
                _("A value is not valid and is not saved. Fix it, or press Escape again."),
                severity="warning",
            )
            page = invalid[0].parent
            section = getattr(page, "section", None)
            if section is not None:
                self.jump_to(section.name, invalid[0].item.name)
            return
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
        import asyncio

        await asyncio.wrap_future(self.st.reopen(reason))
        self.reload()

    def reload(self) -> None:
        """Read the interview again (after finalize, reopen, consent or another screen's edits);
        the database is read on a worker thread, never on the UI thread."""
        self.save_now()
        self.run_worker(self._reload(), exclusive=True, group="reload")

    async def _reload(self) -> None:
        import asyncio

        await asyncio.to_thread(self.st.reload)
        if self.st.read_only:
            self.clock.stop()
            self.clock.take()  # a read-only interview's clock stands still
        elif self.section is not None:
            self.clock.start(self.section.name)
        self.form.reload()
        self.refresh_texts()
        self.refresh_bindings()
        if self.st.read_only:
            self.form.focus()
        else:
            self.form.focus_question(self._position[1] if self._position else None)
