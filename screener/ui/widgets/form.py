"""The questions of the shown section: every keystroke goes to the interview session, which
coalesces and stores it at once (no pause needed); skip logic applied live.

Hidden questions are hidden, not removed, so focus and typed text survive an answer that hides
and shows them again. An invalid value stays on screen with its error and is not stored.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import events
from textual.containers import Vertical, VerticalScroll
from textual.message import Message

from screener import quiet_gc
from screener.i18n import _, current_language
from screener.questionnaire.effort import with_suggestions
from screener.store.records import AnswerState
from screener.ui.command_table import bindings
from screener.ui.widgets import rules
from screener.ui.widgets.factory import make_question
from screener.ui.widgets.questions import QuestionWidget
from screener.ui.widgets.repeat import RepeatQuestion

if TYPE_CHECKING:
    from screener.interview.session import InterviewSession
    from screener.questionnaire.model import Section


class SectionPage(VerticalScroll, can_focus=False, inherit_bindings=False):
    """The questions of one section, mounted on the first visit and kept. Each page scrolls on
    its own: showing another one changes no size outside it, so a switch is laid out once."""

    def __init__(self, section: Section) -> None:
        super().__init__(classes="section-page")
        self.section = section
        self.language = ""
        self.stale = True  # the values must be (re)loaded from the state when shown

    def on_resize(self) -> None:
        """Laid out (shown the first time, or at a new width): the focused question on this
        page into view again. A jump's scroll can run before a new page has its places (the
        screen runs its callbacks when idle, a switch's batch holds the layout back)."""
        focused = self.screen.focused
        if focused is None or self not in focused.ancestors:
            return
        question = next(
            (q for q in focused.ancestors_with_self if isinstance(q, QuestionWidget)), None
        )
        if question is not None:
            self.call_after_refresh(question.scroll_visible, animate=False)


class QuestionForm(Vertical, can_focus=False, inherit_bindings=False):
    """Up/down go to the previous/next question (scroll when read-only); page keys scroll."""

    BINDINGS = bindings("form.next", "form.previous", "form.page_down", "form.page_up")

    class Changed(Message):
        """A stored answer changed (the sidebar and header recount)."""

        def __init__(self, item: str) -> None:
            super().__init__()
            self.item = item

    class Moved(Message):
        """Focus went to another question (the guidance panel and the position follow)."""

        def __init__(self, question: QuestionWidget | None) -> None:
            super().__init__()
            self.question = question

    def __init__(self, state: InterviewSession, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.state = state
        self.section: Section | None = None
        self.current: QuestionWidget | None = None
        self._pages: dict[str, SectionPage] = {}
        self.on_commit: Callable[[], None] | None = None  # the body shows the saved state

    def on_unmount(self) -> None:
        """The pages go: back in the collector's view so they can be freed; what lives on is
        frozen again once they are gone (as the app does at start)."""
        gc.unfreeze()
        self.app.set_timer(2.0, _refreeze)

    # -- building --------------------------------------------------------------------------------
    @property
    def page(self) -> SectionPage | None:
        return self._pages.get(self.section.name) if self.section is not None else None

    @property
    def questions(self) -> list[QuestionWidget]:
        page = self.page
        return list(page.query_children(QuestionWidget)) if page is not None else []

    def question(self, name: str) -> QuestionWidget | None:
        return next((q for q in self.questions if q.item.name == name), None)

    async def show_section(self, section: Section) -> None:
        """Show ``section``; a section seen before is shown again as it was left (fast, and
        text that was not valid yet is still there)."""
        self.current = None
        if self.page is not None:
            self.page.display = False
        self.section = section
        page = self._pages.get(section.name) or await self.build_page(section)
        page.display = True
        if page.stale:
            page.stale = False
            for question in self.questions:
                self._load(question)
        if page.language != current_language():
            self.relabel()
        self.apply_relevance()
        self.set_read_only(self.state.locked)
        page.scroll_home(animate=False)

    async def build_page(self, section: Section) -> SectionPage:
        """The page of ``section``, mounted hidden (once per section)."""
        page = self._pages.get(section.name)
        if page is not None:
            return page
        page = SectionPage(section)
        page.display = False
        self._pages[section.name] = page
        await self.mount(page)
        items = rules.flatten(section.items)
        questions = [make_question(item, self.state.questionnaire) for item in items]
        width = self.question_width()
        for question in questions:
            question.width_hint = width
            question.commit = self.take_edit
            if isinstance(question, RepeatQuestion):
                question.commit_entries = self.commit
                question.save_state = self.save_state
        await page.mount_all(questions)
        page.language = current_language()
        page.stale = True
        # The page lives as long as the form: out of the collector's view, a full collection
        # (which would scan every page built so far) no longer stalls a switch by ~100 ms.
        quiet_gc.freeze()
        return page

    def save_state(self) -> tuple[int, bool]:
        """(writes still on their way to the disk, the last one failed)."""
        return self.state.pending_count, self.state.error is not None

    def question_width(self) -> int:
        """The width of a question's content on the pages laid out so far (0 before the first)."""
        for page in self._pages.values():
            for question in page.query_children(QuestionWidget):
                if question.content_size.width:
                    return question.content_size.width
        return 0

    def _load(self, question: QuestionWidget) -> None:
        answer = self.state.answer(question.item.name)
        if answer is not None and answer.value is not None:
            question.load(answer.value, answer.other)
        elif answer is not None and answer.other:
            question.load(None, answer.other)
        self.show_status(question)

    def reload(self) -> None:
        """Show the state's values again (after the store was reloaded)."""
        for page in self._pages.values():
            page.stale = True
        if self.page is not None:
            self.page.stale = False
            for question in self.questions:
                question.load(None, "")
                self._load(question)
        self.apply_relevance()
        self.set_read_only(self.state.locked)

    def set_read_only(self, read_only: bool) -> None:
        for question in self.questions:
            if question.control is not None:
                question.control.disabled = read_only
            for other in question.query(".q-other"):
                other.disabled = read_only
        self.can_focus = read_only  # so the arrows still scroll a read-only interview

    def show_status(self, question: QuestionWidget) -> None:
        name = question.item.name
        answer = self.state.answer(name)
        question.show_status(
            answer.state if answer else None,
            self.state.notes.get(name, ""),
            name in self.state.flags,
        )

    def relabel(self) -> None:
        """New language: the shown section now, the others when they are shown again."""
        if self.page is not None:
            self.page.language = current_language()
        for question in self.questions:
            question.relabel()
            self.show_status(question)
            if question.has_class("-invalid"):
                self.commit(question)  # the error in the new language

    def apply_relevance(self) -> None:
        if self.section is None:
            return
        values = self.state.values()
        shown = rules.visible_names(self.section, values)
        for question in self.questions:
            question.display = question.item.name in shown
            if isinstance(question, RepeatQuestion):
                question.values_for_logic = values

    # -- saving ----------------------------------------------------------------------------------
    def take_edit(self, question: QuestionWidget, final: bool) -> None:
        """An edit, handed over by the question in the same step as the key that made it;
        the header is told at once, so the frame that shows the edit says "Saving"."""
        # Any page of this form, not only the one shown: a key typed just before enter moved
        # on to the next section still belongs to (and is stored for) its own question.
        page = question.parent
        if self.state.locked or not isinstance(page, SectionPage) or page.parent is not self:
            return
        self.commit(question, final=final)
        if self.on_commit is not None:
            self.on_commit()

    def commit(self, question: QuestionWidget, final: bool = True) -> None:
        """Check and store what ``question`` holds, at every keystroke. An invalid value is
        shown with its error and never stored; the value stored before it is cleared, so the
        disk never holds something other than what the screen shows as valid.

        While typing (not ``final``) a new error waits until the field is left, so a date
        half typed is not called wrong; an error already shown updates at once.
        """
        item = question.item
        raw = question.raw()
        value, error = rules.check(item, raw, self.state.values(), self.state.questionnaire)
        if error is None or final or question.has_class("-invalid"):
            question.show_error(error)
        if error:
            value = None
        if self.state.set_answer(item.name, value, "" if error else question.other_text()):
            self.show_status(question)
            if item.role == "typology" and isinstance(value, str):
                self.suggest_efforts(value)
            self.apply_relevance()
            self.post_message(self.Changed(item.name))

    def suggest_efforts(self, typology: str) -> None:
        """Add the chosen typology's typical effort elements to those already picked.

        Only adds: the consultant's own picks stay, and a notice says what was added.
        """
        q = self.state.questionnaire
        efforts = q.by_role("effort_elements")
        # Those that fit the candidate's status, profile and consent (no CV postcard after a no).
        merged, added = with_suggestions(q, typology, self.state.values(), self.state.consent)
        if efforts is None or not added:
            return
        widget = self.question(efforts.name)
        if widget is not None:
            widget.load(merged, widget.other_text())
        answer = self.state.answer(efforts.name)
        self.state.set_answer(efforts.name, merged, answer.other if answer else "")
        if widget is not None:
            self.show_status(widget)
        if len(added) <= 3:
            lang = current_language()
            what = ", ".join(q.choice_label(efforts, v, lang) for v in added)
        else:
            what = _("{count} elements").format(count=len(added))
        self.notify(
            _(
                "Added the typical effort elements of this typology: {what}. "
                "Earlier choices are kept; untick what does not fit."
            ).format(what=what),
            timeout=8,
            markup=False,
        )

    # -- marks, flags and notes of the focused question --------------------------------------
    def _target(self) -> QuestionWidget | None:
        question = self.current
        if question is None or not question.item.answerable or not question.is_attached:
            self.notify(_("Move to a question first."), severity="warning")
            return None
        return question

    def mark(self, state: AnswerState) -> None:
        """Don't know / declined / not applicable; the same key again undoes it."""
        question = self._target()
        if question is None:
            return
        if self.state.toggle_mark(question.item.name, state) is not None:
            question.load(None, "")  # the stored value gave way to the mark
            question.show_error(None)
        self.show_status(question)
        self.apply_relevance()
        self.post_message(self.Changed(question.item.name))

    def flag(self) -> None:
        question = self._target()
        if question is not None:
            self.state.toggle_flag(question.item.name)
            self.show_status(question)
            self.post_message(self.Changed(question.item.name))

    def note(self) -> None:
        from screener.ui.widgets.note import NoteDialog

        question = self._target()
        if question is None:
            return
        name = question.item.name

        def keep(text: str) -> None:
            self.state.set_note(name, text)

        def done(text: str | None) -> None:
            if text is not None:
                keep(text)
            if question.is_attached:
                self.show_status(question)
                question.focus_control()

        label = question.text(question.item.label)
        dialog = NoteDialog(label, self.state.notes.get(name, ""), keep)
        self.app.push_screen(dialog, done)

    # -- focus -----------------------------------------------------------------------------------
    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        node = event.widget
        question = next(
            (n for n in node.ancestors_with_self if isinstance(n, QuestionWidget)), None
        )
        if question is not None and question is not self.current:
            self.current = question
            self.post_message(self.Moved(question))

    def question_of(self, node: object) -> QuestionWidget | None:
        """The question of this form that holds ``node`` (a focused control), if any."""
        if node is None or not hasattr(node, "ancestors_with_self"):
            return None
        for ancestor in node.ancestors_with_self:
            if isinstance(ancestor, QuestionWidget):
                return ancestor if ancestor.parent is self.page else None
        return None

    def first_invalid(self) -> tuple[str, str] | None:
        """(section, item) of the first question, on any page, whose value is not valid."""
        for name, page in self._pages.items():
            for question in page.query_children(QuestionWidget):
                if question.has_class("-invalid"):
                    return name, question.item.name
        return None

    def focusable_questions(self) -> list[QuestionWidget]:
        return [
            q
            for q in self.questions
            if q.display and q.control is not None and not q.control.disabled
        ]

    def focus_question(self, name: str | None, at_end: bool = False) -> bool:
        questions = self.focusable_questions()
        if not questions:
            return False
        target = next((q for q in questions if q.item.name == name), None)
        if target is None:
            target = questions[-1] if at_end else questions[0]
        target.focus_control()
        self.reveal(target)
        return True

    def action_step(self, forward: bool) -> None:
        if self.state.locked:
            if self.page is not None:
                self.page.scroll_relative(y=3 if forward else -3, animate=False)
        else:
            self.step(forward)

    def action_scroll_page_down(self) -> None:
        if self.page is not None:
            self.page.scroll_page_down(animate=False)

    def action_scroll_page_up(self) -> None:
        if self.page is not None:
            self.page.scroll_page_up(animate=False)

    def reveal(self, question: QuestionWidget) -> None:
        """Bring the whole question (label included) into view once focus has scrolled: the
        screen scrolls the focused control on its own queue; this comes after that, always."""
        self.screen.call_later(self.call_after_refresh, question.scroll_visible, animate=False)

    def step(self, forward: bool) -> bool:
        """Focus the next (previous) question; False at the end (start) of the section."""
        questions = self.focusable_questions()
        if not questions:
            return False
        # Where focus is now: the focus event that sets ``current`` may still be queued.
        current = self.question_of(self.screen.focused) or self.current
        if current not in questions:
            questions[0 if forward else -1].focus_control()
            self.reveal(questions[0 if forward else -1])
            return True
        index = questions.index(current) + (1 if forward else -1)  # type: ignore[arg-type]
        if not 0 <= index < len(questions):
            return False
        questions[index].focus_control()
        self.reveal(questions[index])
        return True


def _refreeze() -> None:
    """Free the pages of a form that is gone, then keep what lives on out of the collector's
    view again (one full collection, on a screen that has just changed)."""
    gc.collect()
    gc.freeze()
