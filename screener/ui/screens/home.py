"""The first screen: the interviews on this laptop, searchable, one key from each action."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Input, Static

from screener.i18n import _, current_language, format_date, format_number
from screener.store.records import InterviewSummary, Status
from screener.ui.screens.base import ScreenerScreen

# Rows fetched at a time: a screenful and more. Moving the cursor near the end fetches the next
# page, so every interview stays reachable while a search keystroke repaints only a short table.
PAGE_SIZE = 60
MORE_WHEN_LEFT = 10  # fetch the next page when the cursor is this close to the last row


def status_text(status: Status) -> str:
    return {
        Status.DRAFT: _("Draft"),
        Status.FINALIZED: _("Finalized"),
        Status.EXPORTED: _("Exported"),
    }[status]


@lru_cache(maxsize=2048)
def short_date(day: date, lang: str) -> str:
    """Cached: Babel formatting costs about 0.1 ms a row, paid again on every keystroke."""
    return format_date(day, lang, fmt="short")


class HomeScreen(ScreenerScreen):
    BINDINGS = [
        Binding("n", "new", "New"),
        Binding("enter", "open", "Open", show=True),
        Binding("e", "export", "Export"),
        Binding("d", "delete", "Delete"),
        Binding("slash", "search", "Search"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.summaries: list[InterviewSummary] = []
        self.total = 0
        self._loading_more = False

    def compose(self) -> ComposeResult:
        with Vertical(id="home"):
            yield Static("", id="home-title", classes="screen-title")
            yield Input(id="search")
            yield Static("", id="home-empty", classes="empty-state")
            yield DataTable(id="interviews", cursor_type="row", zebra_stripes=True)
            yield Static("", id="home-count", classes="muted")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()

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
            progress = f"{summary.answered}/{summary.total}" if summary.total else ""
            table.add_row(
                summary.candidate_name,
                short_date(summary.created_at.date(), lang),
                status_text(summary.status),
                summary.municipality,
                progress,
                key=str(summary.id),
            )

    def _fill_table(self) -> None:
        table = self.query_one(DataTable)
        selected = self.selected()
        table.clear(columns=True)
        table.add_columns(_("Name"), _("Date"), _("Status"), _("Municipality"), _("Progress"))
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
        from screener.ui.screens.new_interview import NewInterviewScreen

        self.app.push_screen(NewInterviewScreen())

    def action_open(self) -> None:
        summary = self.selected()
        if summary is None:
            return
        from screener.ui.screens.interview import InterviewScreen

        self.app.push_screen(InterviewScreen(summary.id))

    def action_export(self) -> None:
        summary = self.selected()
        if summary is None:
            return
        from screener.ui.screens.export import ExportScreen

        self.app.push_screen(ExportScreen(summary.id))

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
                self.sapp.repo.delete(summary.id)
                self.notify(_("Interview deleted."))
                self.reload()

        self.app.push_screen(ConfirmDialog(question, yes=_("Delete")), done)
