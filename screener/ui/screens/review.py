"""Review: what is missing, flagged, noted or not answered, each one key from being fixed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from screener.i18n import _
from screener.interview.review import review_rows
from screener.ui.command_table import bindings
from screener.ui.screens.base import ScreenerScreen
from screener.ui.screens.reading import read_interview
from screener.ui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from screener.store.records import Interview


class ReviewScreen(ScreenerScreen):
    """Dismisses with (section, item) of the chosen row, or None."""

    BINDINGS = bindings("review.go", "back")

    def __init__(self, interview_id: int) -> None:
        super().__init__()
        self.interview_id = interview_id
        self.targets: dict[str, tuple[str, str]] = {}
        self.interview: Interview | None = None  # None while it is read

    def compose(self) -> ComposeResult:
        with Vertical(id="review"):
            yield Static("", id="review-title", classes="screen-title", markup=False)
            yield Static("", id="review-help", classes="muted")
            yield OptionList(id="review-list")
        yield KeysFooter()

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        options.loading = True
        self.run_worker(self._read(), exclusive=True, group="read")

    async def _read(self) -> None:
        self.interview = await read_interview(self.sapp, self.interview_id)
        self.query_one(OptionList).loading = False
        self.refresh_texts()
        self.refresh_bindings()  # enter goes to a question now: the footer says so

    def refresh_texts(self) -> None:
        interview = self.interview
        if interview is None:
            return
        self.query_one("#review-title", Static).update(
            _("Review: {name}").format(name=interview.info.candidate_name)
        )
        self.query_one("#review-help", Static).update(
            _("Enter goes to the question. Nothing here blocks a draft; finalizing asks.")
        )
        options = self.query_one(OptionList)
        options.clear_options()
        self.targets.clear()
        for heading, rows in review_rows(interview):
            options.add_option(Option(f"{heading} ({len(rows)})", disabled=True))
            if not rows:
                options.add_option(Option("   " + _("Nothing here."), disabled=True))
            for section, item, text in rows:
                key = f"{heading}/{item}"
                self.targets[key] = (section, item)
                options.add_option(Option("   " + text, id=key))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        target = self.targets.get(event.option.id or "")
        if target:
            self.dismiss(target)

    def action_go(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            option = options.get_option_at_index(options.highlighted)
            target = self.targets.get(option.id or "")
            if target:
                self.dismiss(target)

    def action_back(self) -> None:
        self.dismiss(None)
