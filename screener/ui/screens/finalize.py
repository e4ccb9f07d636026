"""Finalize: one look at what is still missing, then the interview becomes read-only."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from screener.errors import ScreenerError
from screener.i18n import _
from screener.interview.review import review_rows
from screener.ui.command_table import bindings
from screener.ui.screens.base import ScreenerScreen
from screener.ui.screens.reading import read_interview
from screener.ui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from screener.store.records import Interview


class FinalizeScreen(ScreenerScreen):
    """Dismisses with True when the interview was finalized."""

    BINDINGS = bindings("finalize.finalize", "back")

    def __init__(self, interview_id: int) -> None:
        super().__init__()
        self.interview_id = interview_id
        self.interview: Interview | None = None  # None while it is read

    def compose(self) -> ComposeResult:
        with Vertical(id="finalize"):
            yield Static("", id="finalize-title", classes="screen-title", markup=False)
            yield Static("", id="finalize-body", markup=False)
            yield Static("", id="finalize-help", classes="muted")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#finalize").loading = True
        self.run_worker(self._read(), exclusive=True, group="read")

    async def _read(self) -> None:
        self.interview = await read_interview(self.sapp, self.interview_id)
        self.query_one("#finalize").loading = False
        self.refresh_texts()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.interview is not None or action == "back"  # first see what is missing

    def refresh_texts(self) -> None:
        interview = self.interview
        if interview is None:
            return
        self.query_one("#finalize-title", Static).update(
            _("Finalize the interview with {name}").format(name=interview.info.candidate_name)
        )
        lines: list[str] = []
        for heading, rows in review_rows(interview)[:2]:
            lines.append(f"{heading}: {len(rows)}")
            lines.extend(f"  - {text}" for _section, _item, text in rows[:12])
            if len(rows) > 12:
                lines.append("  " + _("... and {count} more").format(count=len(rows) - 12))
        if interview.consent is None or not interview.consent.handover:
            lines.append("")
            lines.append(_("Consent to hand the result to the municipality is not recorded."))
        self.query_one("#finalize-body", Static).update("\n".join(lines))
        self.query_one("#finalize-help", Static).update(
            _(
                "After finalizing, the interview is read-only until it is reopened with a "
                "reason. Ctrl+S finalizes, Escape goes back."
            )
        )

    @work(exclusive=True, group="finalize")
    async def action_finalize(self) -> None:
        """Finalize after every write entered before it (the session's order), off the UI
        thread; "finalized" is said only once it is on disk."""
        session = self.sapp.open_session(self.interview_id)
        try:
            await asyncio.wrap_future(session.finalize())
        except ScreenerError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.notify(_("The interview is finalized."))
        self.dismiss(True)

    def action_back(self) -> None:
        self.dismiss(False)
