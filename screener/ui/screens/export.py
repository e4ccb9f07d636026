"""Export: the handover PDF and the JSON, into any folder, in Danish or English."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Static

from screener.errors import ScreenerError
from screener.i18n import _
from screener.settings import default_documents_dir
from screener.ui.command_table import bindings
from screener.ui.screens.base import ScreenerScreen
from screener.ui.typing import TypingInput
from screener.ui.widgets.choices import ChoicePicker, LanguagePicker
from screener.ui.widgets.footer import KeysFooter


class ExportScreen(ScreenerScreen):
    BINDINGS = bindings("export.write", "back")

    def __init__(self, interview_id: int) -> None:
        super().__init__()
        self.interview_id = interview_id
        self.candidate_name = ""  # known once the worker has read the interview

    def compose(self) -> ComposeResult:
        folder = self.sapp.settings.export_dir or default_documents_dir()
        with Vertical(id="export"):
            yield Static("", id="export-title", classes="screen-title", markup=False)
            with Horizontal(classes="form-row"):
                yield Label("", id="label-folder", classes="form-label")
                yield TypingInput(str(folder), id="export-folder", compact=True)
            with Horizontal(classes="form-row"):
                yield Label("", id="label-lang", classes="form-label")
                yield LanguagePicker(id="export-lang")
            yield Static("", id="export-result", markup=False)
            yield Static("", id="export-help", classes="muted")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#export-folder", Input).focus()
        self._read_interview()

    @work(thread=True, exclusive=True, group="export-read")
    def _read_interview(self) -> None:
        """The name and report language, read off the UI thread."""
        info = self.sapp.repo.get(self.interview_id).info
        self.app.call_from_thread(self._show_interview, info.candidate_name, info.report_language)

    def _show_interview(self, name: str, report_language: str | None) -> None:
        if not self.is_mounted:
            return
        self.candidate_name = name
        choice = self.query_one("#export-lang", LanguagePicker)
        if choice.value == "da":  # not changed yet by the consultant: the interview's own
            choice.value = report_language or "da"
        self.refresh_texts()

    def refresh_texts(self) -> None:
        self.query_one("#export-title", Static).update(
            _("Export the handover report for {name}").format(name=self.candidate_name)
            if self.candidate_name
            else ""
        )
        self.query_one("#label-folder", Label).update(_("Folder"))
        self.query_one("#label-lang", Label).update(_("Report language"))
        self.query_one("#export-help", Static).update(
            _(
                "Type any folder, e.g. the USB stick; ←→ choose the language. "
                "Ctrl+S writes the PDF and the JSON."
            )
        )

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.action_export()

    @on(ChoicePicker.Submitted, "#export-lang")
    def _language_submitted(self) -> None:
        self.action_export()

    def action_export(self) -> None:
        folder = Path(self.query_one("#export-folder", Input).value.strip() or ".")
        lang = self.query_one("#export-lang", LanguagePicker).value
        self.query_one("#export-result", Static).update(_("Writing ..."))
        self._export(folder, lang)

    @work(thread=True, exclusive=True, group="export")
    def _export(self, folder: Path, lang: str) -> None:
        from screener.exporting import export_interview

        session = self.sapp.sessions.get(self.interview_id)
        if session is not None and not session.flush():
            message = _("Nothing was written: not everything typed is saved yet.")
            self.app.call_from_thread(self._show, message, True)
            return
        try:
            result = export_interview(self.sapp.repo, self.interview_id, folder, lang)
        except ScreenerError as error:
            message = _("Nothing was written: {error}").format(error=error)
            self.app.call_from_thread(self._show, message, True)
            return
        message = _("Written:\n  {pdf}\n  {json}").format(pdf=result.pdf, json=result.json)
        message += "".join("\n" + warning for warning in result.warnings)
        self.app.call_from_thread(self._show, message, False)

    def _show(self, message: str, failed: bool) -> None:
        result = self.query_one("#export-result", Static)
        result.update(message)
        result.set_class(failed, "field-error")
        if not failed:
            self.notify(_("Report exported."))

    def action_back(self) -> None:
        self.dismiss()
