"""The interview body both the interview and the assessment screens compose: the header with
the clock and the saved state, the sections (when shown), the title, the questions and the
guidance. It is built around a session that is already open (loaded off the UI thread).

Every keystroke goes to the interview's session (``screener.interview.session``), which stores
it at once and retries until it is on disk; the header says "not saved" until then. Where the
consultant is goes to the screen as ``PositionMoved`` (the interview stores it, the assessment
does not).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, TextArea

from screener.i18n import _, current_language
from screener.store.records import AnswerState
from screener.ui.command_table import bindings
from screener.ui.widgets.choices import ChoicePicker
from screener.ui.widgets.clock import Clock, HeaderBar, Line
from screener.ui.widgets.form import QuestionForm
from screener.ui.widgets.guide import GuidancePanel
from screener.ui.widgets.questions import QuestionWidget
from screener.ui.widgets.sidebar import SectionSidebar

if TYPE_CHECKING:
    from screener.interview.session import InterviewSession
    from screener.questionnaire.model import Section

STORE_EVERY_TICKS = 10  # seconds between clock writes: a crash loses at most this much time
SETTLE_TURNS = 8  # turns of the loop a focus change takes to reach the app (see open_section)


class InterviewBody(Vertical):
    """The questions of one section at a time, and the keys that act on a question."""

    BINDINGS = bindings(
        "interview.note",
        "interview.flag",
        "interview.dont_know",
        "interview.declined",
        "interview.not_applicable",
        "interview.pause",
        "interview.next",
        "interview.previous",
        "interview.advance",
        "interview.save",
    )

    class PositionMoved(Message):
        """The consultant is at ``item`` (None: the section has no question to focus)."""

        def __init__(self, section: str, item: str | None) -> None:
            super().__init__()
            self.section = section
            self.item = item

    def __init__(
        self,
        session: InterviewSession,
        clock: Clock,
        *,
        sections: list[Section] | None = None,
        heading: Callable[[int, str], str] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.st = session
        self.clock = clock
        self.sections = sections or session.questionnaire.sections
        self.sidebar = sections is None  # one section (the assessment) has no list of them
        self.heading = heading or (lambda number, title: f"{number}. {title}")
        self.section: Section | None = None
        self._ticks = 0

    def compose(self) -> ComposeResult:
        yield HeaderBar(id="iv-header")
        with Horizontal(id="iv-body"):
            if self.sidebar:
                yield SectionSidebar(id="iv-sidebar")
            with Vertical(id="iv-main"):
                yield Line("", id="iv-title", markup=False)
                form = QuestionForm(self.st, id="iv-form")
                form.on_commit = self.show_saved
                yield form
                yield GuidancePanel("", id="iv-guide")

    @property
    def form(self) -> QuestionForm:
        return self.query_one(QuestionForm)

    def on_mount(self) -> None:
        self.set_interval(1.0, self._tick)
        if self.sidebar:
            self.query_one(SectionSidebar).show_sections(self.st, None)

    def section_named(self, name: str | None) -> Section:
        return next((s for s in self.sections if s.name == name), self.sections[0])

    # -- texts -----------------------------------------------------------------------------------
    def refresh_texts(self) -> None:
        """Every text again, in the language now chosen."""
        if self.section is None:
            return
        if self.sidebar:
            self.query_one(SectionSidebar).show_sections(self.st, self.section.name)
        self.form.relabel()
        self._show_section_texts()

    def _show_section_texts(self, guide: bool = True) -> None:
        """What changes with the section: its title and guidance, the header."""
        assert self.section is not None
        q = self.st.questionnaire
        number = q.sections.index(self.section) + 1
        title = q.text(self.section.title, current_language())
        self.query_one("#iv-title", Line).show(self.heading(number, title))
        if guide:
            self.query_one(GuidancePanel).show_for(self.form.current, self.section)
        self.show_header()
        self.show_saved()

    # -- moving ----------------------------------------------------------------------------------
    async def open_section(
        self, section: Section, item: str | None = None, at_end: bool = False
    ) -> None:
        # One frame: the page, its texts and the focus are drawn together. The focus change
        # reaches the questions, the form and the screen as events, a turn of the loop for each
        # step up: they are let through inside the batch, so none of them comes after the frame
        # (a second repaint), and the screen is told to draw once the batch is over.
        with self.app.batch_update():
            await self._open_section(section, item, at_end)
            for _ in range(SETTLE_TURNS):
                await asyncio.sleep(0)
        self.screen.check_idle()

    async def _open_section(
        self, section: Section, item: str | None = None, at_end: bool = False
    ) -> None:
        self.store_time()
        if not self.st.read_only:
            self.clock.start(section.name)
        await self.form.show_section(section)
        self.section = section  # shown: its questions are all there
        if self.sidebar:
            self.query_one(SectionSidebar).show_current(section.name)
        self._show_section_texts(guide=False)
        if self.form.focus_question(item, at_end):
            # The hint now, in the same layout as the page (not a frame later, on Moved).
            focused = self.form.question_of(self.screen.focused)
            self.query_one(GuidancePanel).show_for(focused, section)
        else:
            self.query_one(GuidancePanel).show_for(None, section)
            if self.form.can_focus:
                self.form.focus()
            elif self.sidebar:
                self.query_one(SectionSidebar).focus()
            self.post_message(self.PositionMoved(section.name, None))

    async def jump(self, section: str, item: str | None) -> None:
        if self.section is not None and self.section.name == section:
            if not self.form.focus_question(item):
                self.form.focus_question(None)
            return
        await self.open_section(self.section_named(section), item)

    async def step_section(self, step: int) -> None:
        if self.section is None or self.section not in self.sections:
            return
        index = self.sections.index(self.section) + step
        if 0 <= index < len(self.sections):
            await self.open_section(self.sections[index])

    def action_step(self, forward: bool) -> None:
        """Up/down between questions; inside a long text or a list they move in it instead."""
        focused = self.screen.focused
        if isinstance(focused, TextArea) or (
            isinstance(focused, ChoicePicker) and not focused.horizontal
        ):
            raise SkipAction()
        if not isinstance(focused, Input | ChoicePicker) and focused is not self.form:
            raise SkipAction()  # the sidebar, a table: their own arrows
        self.form.action_step(forward)

    async def action_advance(self) -> None:
        """Enter on a one-line answer or a list: keep it and go to the next question, at once."""
        focused = self.screen.focused
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
            await self.step_section(1)

    @on(QuestionWidget.Advance)
    async def _advance(self, event: QuestionWidget.Advance) -> None:
        event.stop()
        if not self.form.step(True):
            await self.step_section(1)

    @on(OptionList.OptionSelected, "#iv-sidebar")
    async def _section_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            await self.open_section(self.section_named(event.option.id))

    @on(QuestionForm.Moved)
    def _moved(self, event: QuestionForm.Moved) -> None:
        self.query_one(GuidancePanel).show_for(event.question, self.section)
        if self.section is not None and event.question is not None:
            self.post_message(self.PositionMoved(self.section.name, event.question.item.name))

    def first_invalid(self) -> tuple[str, str] | None:
        """(section, item) of the first question holding a value that is not valid."""
        return self.form.first_invalid()

    # -- answers, marks, notes, flags ------------------------------------------------------------
    @on(QuestionForm.Changed)
    def _answer_changed(self, _event: QuestionForm.Changed) -> None:
        if self.section is not None and self.sidebar:
            self.query_one(SectionSidebar).show_sections(self.st, self.section.name)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("note", "flag", "mark", "pause", "save"):
            return not self.st.locked
        return True

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
            self.store_time()
        self.show_header()

    def store_time(self) -> None:
        """Hand the counted seconds to the session (leaving, another screen, a switch)."""
        section, seconds = self.clock.take()
        if section is not None and seconds > 0.5 and not self.st.read_only:
            self.st.add_elapsed(section, seconds)

    def show_header(self) -> None:
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

    def show_saved(self) -> None:
        """The session's own count: messages about it may have gone to another screen."""
        self.query_one(HeaderBar).saved = (self.st.pending_count, self.st.error is not None)

    def action_pause(self) -> None:
        self.store_time()
        paused = self.clock.toggle_pause()
        self.show_header()
        self.notify(_("Clock paused: F8 starts it again.") if paused else _("Clock running."))

    def action_save(self) -> None:
        self.store_time()
        if self.st.saved:
            self.notify(_("Everything typed is saved."))
        else:
            self.notify(_("Not everything is saved yet: it is retried until it is on disk."))

    def resume(self) -> None:
        """Shown again: the clock runs on and the saved state is read afresh."""
        if self.section is not None and not self.st.read_only:
            self.clock.start(self.section.name)
        self.show_saved()

    def stop_clock(self) -> None:
        self.clock.stop()
        self.store_time()

    async def reload(self) -> None:
        """Show the session again after it re-read the store (call once it has)."""
        if self.st.read_only:
            self.clock.stop()
            self.clock.take()  # a read-only interview's clock stands still
        elif self.section is not None:
            self.clock.start(self.section.name)
        self.form.reload()
        if self.sidebar and self.section is not None:
            self.query_one(SectionSidebar).show_sections(self.st, self.section.name)
        if self.section is not None:
            self._show_section_texts()
