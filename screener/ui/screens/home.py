"""The first screen: the interviews on this laptop, searchable, one key from each action."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Input, Static

from screener.i18n import _, current_language, format_date, format_number
from screener.interview.values import status_text
from screener.store.records import InterviewSummary
from screener.ui.command_table import bindings
from screener.ui.messages import OpenConsent, OpenInterview, OpenScreen
from screener.ui.screens.base import ScreenerScreen
from screener.ui.typing import TypingInput
from screener.ui.widgets.cell import Cell
from screener.ui.widgets.footer import KeysFooter

# Rows fetched at a time: a screenful and more. Moving the cursor near the end fetches the next
# page, so every interview stays reachable while a search keystroke repaints only a short table.
PAGE_SIZE = 60
MORE_WHEN_LEFT = 10  # fetch the next page when the cursor is this close to the last row
SHOWN_PROBLEMS = 5  # of a broken questionnaire's problems; `screener check` lists all


@lru_cache(maxsize=2048)
def short_date(day: date, lang: str) -> str:
    """Cached: Babel formatting costs about 0.1 ms a row, paid again on every keystroke."""
    return format_date(day, lang, fmt="short")


class HomeScreen(ScreenerScreen):
    AUTO_FOCUS = "#interviews"  # straight to the table: no detour through the search box
    BINDINGS = bindings(
        "home.new", "home.open", "home.export", "home.delete", "home.search", "home.quit"
    )

    def __init__(self) -> None:
        super().__init__()
        self.summaries: list[InterviewSummary] = []
        self.total = 0
        self._loading_more = False

    def compose(self) -> ComposeResult:
        with Vertical(id="home"):
            yield Static("", id="home-title", classes="screen-title")
            yield TypingInput(id="search")
            yield Static("", id="home-empty", classes="empty-state")
            yield DataTable(id="interviews", cursor_type="row", zebra_stripes=True)
            yield Static("", id="home-count", classes="muted", markup=False)
        yield KeysFooter()

    def on_screen_resume(self) -> None:
        """Also sent right after mounting, so this is the one place the list is (re)loaded."""
        self.reload()

    def refresh_texts(self) -> None:
        self.query_one("#home-title", Static).update(_("Screening interviews on this computer"))
        self.query_one("#search", Input).placeholder = _(
            "Type to search by name, case or municipality"
        )
        self.query_one("#home-empty", Static).update(
            _(
                "No interviews yet.\n\nPress n to start a new interview: you fill in the "
                "candidate, the interpreter and the consent, then the questions follow.\n"
                "Every answer is saved the moment it is typed.\n\n"
                "To look at a finished example first, run: screener demo"
            )
        )
        self._fill_table()

    def reload(self) -> None:
        self._load(self.query_one("#search", Input).value)

    @work(thread=True, exclusive=True, group="home-load")
    def _load(self, search: str, offset: int = 0) -> None:
        repo = self.sapp.repo
        summaries = repo.list_interviews(search=search, limit=PAGE_SIZE, offset=offset)
        # Format the dates here, off the UI thread: the first Babel call of a process loads the
        # locale data (about 25 ms), which would otherwise delay the first rows.
        lang = current_language()
        for summary in summaries:
            short_date(summary.created_at.date(), lang)
        if len(summaries) < PAGE_SIZE:  # the last page: no need to count
            total = offset + len(summaries)
        else:
            total = repo.count_interviews(search=search)
        self.app.call_from_thread(self._show, search, summaries, total, offset)

    def _show(
        self, search: str, summaries: list[InterviewSummary], total: int, offset: int
    ) -> None:
        self._loading_more = False
        if search != self.query_one("#search", Input).value:
            return  # an answer to an older keystroke: the newer one is on its way
        self.total = total
        if offset == 0:
            self.summaries = summaries
            self._fill_table()
        elif offset == len(self.summaries):
            self.summaries += summaries
            self._add_rows(summaries)
            self._show_count()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        left = len(self.summaries) - event.cursor_row
        if left <= MORE_WHEN_LEFT and self.total > len(self.summaries) and not self._loading_more:
            self._loading_more = True
            self._load(self.query_one("#search", Input).value, len(self.summaries))

    def _add_rows(self, summaries: list[InterviewSummary]) -> None:
        table = self.query_one(DataTable)
        lang = current_language()
        for summary in summaries:
            shown = summary.total and not summary.declined
            progress = f"{summary.answered}/{summary.total}" if shown else ""
            table.add_row(
                Cell(summary.candidate_name),
                Cell(short_date(summary.created_at.date(), lang)),
                Cell(status_text(summary.status, summary.declined)),
                Cell(summary.municipality),
                Cell(progress),
                key=str(summary.id),
            )

    def _fill_table(self) -> None:
        table = self.query_one(DataTable)
        selected = self.selected()
        table.clear(columns=True)
        labels = (_("Name"), _("Date"), _("Status"), _("Municipality"), _("Progress"))
        table.add_columns(*(Text(label) for label in labels))
        self._add_rows(self.summaries)
        if selected is not None:
            ids = [s.id for s in self.summaries]
            if selected.id in ids:
                table.move_cursor(row=ids.index(selected.id))
        searching = bool(self.query_one("#search", Input).value)
        empty = not self.summaries and not searching
        self.query_one("#home-empty").display = empty
        table.display = not empty
        self._show_count()

    def _show_count(self) -> None:
        searching = bool(self.query_one("#search", Input).value)
        count = self.query_one("#home-count", Static)
        if self.total > len(self.summaries):
            count.update(
                _("Showing {shown} of {total}: type to narrow the list").format(
                    shown=format_number(len(self.summaries)), total=format_number(self.total)
                )
            )
        elif searching and not self.summaries:
            count.update(_("No interview matches the search."))
        else:
            count.update("")

    def selected(self) -> InterviewSummary | None:
        table = self.query_one(DataTable)
        if not self.summaries or table.cursor_row is None:
            return None
        if 0 <= table.cursor_row < len(self.summaries):
            return self.summaries[table.cursor_row]
        return None

    def on_input_changed(self, event: Input.Changed) -> None:
        self._load(event.value)

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.query_one(DataTable).focus()

    def on_key(self, event: events.Key) -> None:
        """Type to search: a letter typed on the table starts the search with that letter."""
        table = self.query_one(DataTable)
        search = self.query_one("#search", Input)
        if self.focused is search and event.key in ("down", "escape"):
            table.focus()
            event.stop()
            return
        if self.focused is not table or not event.is_printable or event.character is None:
            return
        if event.character in "/nedq":
            return
        search.focus()
        search.insert_text_at_cursor(event.character)
        event.stop()

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_new(self) -> None:
        from screener.errors import QuestionnaireError
        from screener.ui.screens.new_interview import NewInterviewScreen

        try:
            self.sapp.questionnaire  # noqa: B018 - loads it, or says why it cannot
        except QuestionnaireError as error:
            shown = [str(problem) for problem in error.problems[:SHOWN_PROBLEMS]]
            hidden = len(error.problems) - SHOWN_PROBLEMS
            if hidden > 0:
                shown.append(_("... and {count} more").format(count=hidden))
            self.notify(
                _(
                    "The questionnaire file cannot be used, so a new interview cannot start. "
                    "Interviews already here open as usual. Problems:"
                )
                + "\n"
                + "\n".join(shown),
                severity="error",
                timeout=60,
            )
            return
        self.app.push_screen(NewInterviewScreen())

    def action_open(self) -> None:
        summary = self.selected()
        if summary is None:
            return
        if summary.declined:  # nothing to ask: the recorded no, which the candidate may change
            self.post_message(OpenConsent(summary.id, first=True))
        else:
            self.post_message(OpenInterview(summary.id))

    def action_export(self) -> None:
        summary = self.selected()
        if summary is None:
            return
        self.post_message(OpenScreen("export", summary.id))

    def action_delete(self) -> None:
        summary = self.selected()
        if summary is None:
            return
        from screener.ui.dialogs import ConfirmDialog

        question = _(
            "Delete the interview with {name} for good? All answers and notes are erased."
        ).format(name=summary.candidate_name)

        def done(confirmed: Any) -> None:
            if confirmed:
                self._delete(summary.id)

        self.app.push_screen(ConfirmDialog(question, yes=_("Delete")), done)

    @work(thread=True, group="home-delete")
    def _delete(self, interview_id: int) -> None:
        """Erase off the UI thread (it waits for the file while another write holds it)."""
        from screener.errors import ScreenerError

        try:
            self.sapp.repo.delete(interview_id)
        except ScreenerError as error:
            message = _("The interview was not deleted: {error}").format(error=error)
            self.app.call_from_thread(self.notify, message, severity="error", markup=False)
            return
        self.app.call_from_thread(self._deleted)

    def _deleted(self) -> None:
        self.notify(_("Interview deleted."))
        self.reload()
