"""The list of sections with their progress."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from screener.i18n import current_language
from screener.ui.widgets import rules

if TYPE_CHECKING:
    from screener.interview.session import InterviewSession


class SectionSidebar(OptionList):
    """Enter (or a click) opens the highlighted section."""

    state: InterviewSession | None = None
    current: str | None = None
    # A switch moves the highlight: only the two rows it leaves and reaches are drawn again.
    highlighted: reactive[int | None] = reactive(None, repaint=False)

    def _watch_highlighted(self, old: int | None, new: int | None) -> None:
        if self.virtual_size.height != self.option_count:
            self.refresh()  # not one line per section (never so far): draw it all
            return
        for index in (old, new):
            if index is not None:
                self.refresh_line(index)

    def on_resize(self) -> None:
        if self.state is not None:
            self.show_sections(self.state, self.current)

    def watch_show_vertical_scrollbar(self) -> None:
        """The rows fill the width left by the scrollbar: drawn again when it comes or goes
        (one shown for a moment while the screen was laid out left two columns empty)."""
        self.on_resize()

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
        if not self.show_current(current) and keep is not None:
            self.highlighted = keep

    def show_current(self, current: str | None) -> bool:
        """Highlight the section shown (a switch changes no counts: nothing is rebuilt)."""
        self.current = current
        if self.state is None:
            return False
        names = [s.name for s in self.state.questionnaire.sections]
        if current not in names:
            return False
        self.highlighted = names.index(current)
        return True
