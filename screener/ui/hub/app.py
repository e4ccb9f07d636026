"""A small Textual app over a hub database: incoming candidates, search, one candidate's
follow-up, and the figures by group. It only reads; every query runs on a worker thread."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.coordinate import Coordinate
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from screener.i18n import _, format_date
from screener.settings import Settings
from screener.ui.command_table import bindings
from screener.ui.typing import TypingInput
from screener.ui.widgets.cell import Cell
from screener.ui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from screener.hub.search import Summary

GROUPINGS = ("all", "typology", "organisation")


class HubScreen(Screen[None]):
    BINDINGS = bindings("hub.figures", "hub.group", "hub.pdf", "hub.clear", "quit")

    def __init__(self, engine: Engine, title: str, settings: Settings) -> None:
        super().__init__()
        self.engine = engine
        self.hub_title = title
        self.settings = settings
        self.grouping = 0
        self.rows: dict[str, Summary] = {}

    def compose(self) -> ComposeResult:
        yield Static(self.hub_title, id="hub-title", markup=False)
        yield TypingInput(
            placeholder=_("Search name, case number, municipality, trade, language or typology"),
            id="hub-search",
        )
        with Horizontal(id="hub-body"):
            yield DataTable(id="hub-candidates", cursor_type="row", zebra_stripes=True)
            yield Static("", id="hub-detail", markup=False)
        yield DataTable(id="hub-figures", cursor_type="none")
        yield Static("", id="hub-status", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        table = self.query_one("#hub-candidates", DataTable)
        table.add_columns(
            _("ID"), _("Name"), _("Case"), _("Municipality"), _("Date"), _("Typology")
        )
        self.load_candidates("")
        self.load_figures()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.load_candidates(event.value)

    def action_clear(self) -> None:
        self.query_one("#hub-search", Input).value = ""

    def action_toggle_figures(self) -> None:
        self.toggle_class("figures")

    def action_next_grouping(self) -> None:
        self.grouping = (self.grouping + 1) % len(GROUPINGS)
        self.add_class("figures")
        self.load_figures()

    @work(thread=True, exclusive=True, group="candidates")
    def load_candidates(self, text: str) -> None:
        from screener.hub.search import Query, search

        found = search(self.engine, Query(text=text, limit=500))
        self.app.call_from_thread(self.show_candidates, found)

    def show_candidates(self, found: list[Summary]) -> None:
        table = self.query_one("#hub-candidates", DataTable)
        table.clear()
        self.rows = {}
        for item in found:
            key = str(item.id)
            self.rows[key] = item
            table.add_row(
                str(item.id),
                Cell(item.candidate_name),
                Cell(item.case_id),
                Cell(item.municipality),
                item.created_at[:10],
                Cell(item.typology_label),
                key=key,
            )
        self.query_one("#hub-status", Static).update(
            _("{count} candidates shown").format(count=len(found))
        )
        if not found:
            self.query_one("#hub-detail", Static).update(_("No candidates found."))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None and event.row_key.value in self.rows:
            self.load_detail(self.rows[event.row_key.value])

    @work(thread=True, exclusive=True, group="detail")
    def load_detail(self, item: Summary) -> None:
        from screener.hub import followup

        state = followup.read(self.engine, item.id)
        self.app.call_from_thread(self.show_detail, item, state)

    def show_detail(self, item: Summary, state: Any) -> None:
        from datetime import date

        from screener.hub.followup import OUTCOMES

        lines = [item.candidate_name, item.case_id, ""]
        lines.append(_("Municipality: {name}").format(name=item.municipality or "-"))
        lines.append(_("Organisation: {name}").format(name=item.organisation or "-"))
        lines.append(
            _("Screened: {date}").format(
                date=format_date(date.fromisoformat(item.created_at[:10]), fmt="medium")
            )
        )
        lines.append(_("Typology: {name}").format(name=item.typology_label or "-"))
        lines.append(_("Trades: {text}").format(text=item.trades or "-"))
        lines.append("")
        lines.append(_("Placed: {name}").format(name=state.placed_municipality or "-"))
        effort = {True: _("yes"), False: _("no"), None: "-"}[state.active_effort]
        lines.append(_("Active effort: {value}").format(value=effort))
        for months, label in ((3, _("3 months")), (6, _("6 months")), (12, _("Later"))):
            code = (state.outcomes or {}).get(months)
            lines.append(label + ": " + (_(OUTCOMES[code]) if code else "-"))
        self.query_one("#hub-detail", Static).update("\n".join(lines))

    @work(thread=True, exclusive=True, group="figures")
    def load_figures(self) -> None:
        from screener.hub import figures

        rows = figures.table(figures.compute(self.engine, GROUPINGS[self.grouping]))
        self.app.call_from_thread(self.show_figures, rows)

    def show_figures(self, rows: list[list[str]]) -> None:
        table = self.query_one("#hub-figures", DataTable)
        table.clear(columns=True)
        table.add_columns(*(Text(header) for header in rows[0]))
        for row in rows[1:]:
            table.add_row(*(Cell(value) for value in row))

    def action_pdf(self) -> None:
        table = self.query_one("#hub-candidates", DataTable)
        if not self.rows or table.cursor_row < 0:
            return
        key = table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key.value
        if key is not None:
            self.write_pdf(int(key))

    @work(thread=True, exclusive=True, group="pdf")
    def write_pdf(self, candidate_id: int) -> None:
        from screener.errors import ScreenerError
        from screener.files import atomic_write
        from screener.hub import pdf
        from screener.hub.search import get_candidate
        from screener.settings import default_documents_dir

        lang = self.settings.language
        folder = self.settings.export_dir or default_documents_dir()
        target = folder / f"hub-{candidate_id}-{lang}.pdf"
        with contextlib.suppress(OSError):  # atomic_write names a missing or read-only folder
            folder.mkdir(parents=True, exist_ok=True)
        try:
            stored = get_candidate(self.engine, candidate_id)
            atomic_write(target, pdf.render(stored.data, self.settings.questionnaire_dir, lang))
        except ScreenerError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error")
            return
        message = _("PDF written to {path}").format(path=target)
        self.app.call_from_thread(self.notify, message)


class HubApp(App[None]):
    CSS_PATH = "hub.tcss"
    TITLE = "Screener hub"
    BINDINGS = bindings("palette")  # the table's words for ctrl+p in the footer

    def __init__(self, engine: Engine, title: str, settings: Settings) -> None:
        super().__init__()
        self.engine = engine
        self.hub_title = title
        self.settings = settings

    def on_mount(self) -> None:
        self.push_screen(HubScreen(self.engine, self.hub_title, self.settings))


def build_hub_app(url: str, settings: Settings, passphrase: str | None = None) -> HubApp:
    from screener.hub.db import open_hub
    from screener.hub.engine import parse_url, shown
    from screener.i18n import set_language

    set_language(settings.language)
    engine = open_hub(url, passphrase=passphrase)
    title = _("Hub: {url}").format(url=shown(parse_url(url)))
    return HubApp(engine, title, settings)


def run_hub_app(url: str, settings: Settings, passphrase: str | None = None) -> int:
    app = build_hub_app(url, settings, passphrase)
    try:
        app.run()
    finally:
        app.engine.dispose()
    return 0
