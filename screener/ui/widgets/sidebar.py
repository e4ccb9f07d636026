"""The list of sections with their progress, and the guidance panel for the focused question."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from screener.i18n import N_, _, current_language
from screener.questionnaire.model import text_in
from screener.ui.widgets import rules

if TYPE_CHECKING:
    from screener.interview.session import InterviewSession
    from screener.questionnaire.model import Section
    from screener.ui.widgets.questions import QuestionWidget

KIND_KEYS = {
    "select_one": N_("number: choose · ↑↓ move in the list · space choose · enter/tab next"),
    "select_multiple": N_("number or space: tick/untick · ↑↓ move in the list · enter/tab next"),
    "yes_no": N_("y/n: yes/no · ←→ choose · enter next"),
    "scale": N_("the number on the scale, or ←→: choose · enter next"),
    "long_text": N_("Type freely · tab next question"),
    "date": N_("DD-MM-YYYY or YYYY-MM-DD · enter next"),
    "integer": N_("A whole number · enter next"),
    "decimal": N_("A number, e.g. 12,5 · enter next"),
    "text": N_("enter next"),
    "repeat": N_("ctrl+n add · enter edit · ctrl+↑/↓ move · delete remove"),
}


class SectionSidebar(OptionList):
    """Enter (or a click) opens the highlighted section."""

    state: InterviewSession | None = None
    current: str | None = None

    def on_resize(self) -> None:
        if self.state is not None:
            self.show_sections(self.state, self.current)

    def show_sections(self, state: InterviewSession, current: str | None) -> None:
        self.state, self.current = state, current
        lang = current_language()
        q = state.questionnaire
        width = (self.scrollable_content_region.width or 30) - 1
        prompts: list[Option] = []
        for number, section in enumerate(q.sections, start=1):
            answered, visible, complete = rules.progress(section, state)
            flags = state.section_flags(section)
            tail = Text(f" {answered}/{visible}", style="dim")
            if flags:
                tail.append(f" ⚑{flags}", style="bold yellow")
            title = f"{number:>2} {q.text(section.title, lang)}"
            room = max(width - 2 - tail.cell_len, 6)
            if len(title) > room:
                title = title[: room - 1] + "…"
            line = Text("✓ " if complete and visible else "  ", style="green")
            line.append(title.ljust(room))
            prompts.append(Option(line + tail, id=section.name))
        keep = self.highlighted
        self.set_options(prompts)
        names = [s.name for s in q.sections]
        if current in names:
            self.highlighted = names.index(current)
        elif keep is not None:
            self.highlighted = keep


class GuidancePanel(Static):
    """The hint for the focused question (or the section's guidance) and the keys that fit it."""

    def show_for(self, question: QuestionWidget | None, section: Section | None) -> None:
        lang = current_language()
        text = Text()
        if question is not None and question.hint:
            text.append(question.hint)
        elif section is not None and section.guidance:
            text.append(text_in(section.guidance, lang), style="italic")
        keys = KIND_KEYS.get(question.item.kind, "") if question is not None else ""
        if keys:
            if text:
                text.append("\n")
            text.append(_(keys), style="dim")
        self.update(text)
        self.display = bool(text)
