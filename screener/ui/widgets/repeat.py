"""Repeat groups (jobs, languages, educations): a table of entries and a form for one entry.

Keys on the table: ctrl+n adds, enter edits, ctrl+up/ctrl+down move, delete removes (asks
first). The entry form is a modal; every field is stored as it is typed (a new entry joins the
list with its first keystroke), and escape closes it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from screener.i18n import _, current_language
from screener.interview.values import is_empty
from screener.ui.command_table import bindings
from screener.ui.messages import SaveStateChanged
from screener.ui.widgets import rules
from screener.ui.widgets.cell import Cell
from screener.ui.widgets.clock import SavedLine
from screener.ui.widgets.guide import GuidancePanel
from screener.ui.widgets.questions import QuestionWidget

if TYPE_CHECKING:
    from screener.questionnaire.model import Item, Questionnaire

MAX_CELL = 28

MakeQuestion = Callable[["Item", "Questionnaire", bool], QuestionWidget]


class EntryTable(DataTable[str | Cell]):
    BINDINGS = bindings(
        "entries.add", "entries.edit", "entries.up", "entries.down", "entries.remove"
    )

    class Asked(Message):
        """A key on the table: its repeat question acts on the entry at ``row``."""

        def __init__(self, what: str, row: int, step: int = 0) -> None:
            super().__init__()
            self.what = what
            self.row = row
            self.step = step

    def action_add_entry(self) -> None:
        self.post_message(self.Asked("add", self.cursor_row))

    def action_edit_entry(self) -> None:
        self.post_message(self.Asked("edit", self.cursor_row))

    def action_move_entry(self, step: int) -> None:
        self.post_message(self.Asked("move", self.cursor_row, step))

    def action_remove_entry(self) -> None:
        self.post_message(self.Asked("remove", self.cursor_row))


class RepeatQuestion(QuestionWidget):
    """The value is the whole list of entries (child name -> value); every change saves it."""

    def __init__(
        self,
        item: Item,
        questionnaire: Questionnaire,
        entry_mode: bool = False,
        *,
        make: MakeQuestion,
    ) -> None:
        super().__init__(item, questionnaire, entry_mode)
        self.make = make  # the widget factory, for the questions of one entry
        self.entries: list[dict[str, Any]] = []
        self._filled_width = -1  # the width the table was last filled for
        self.values_for_logic: dict[str, Any] = {}
        # Set by the form: checks and stores the whole entry list (no walking up the DOM),
        # and tells (writes still on their way to the disk, the last one failed).
        self.commit_entries: Callable[[QuestionWidget], None] | None = None
        self.save_state: Callable[[], tuple[int, bool]] | None = None

    def compose_control(self) -> ComposeResult:
        yield EntryTable(cursor_type="row", zebra_stripes=True, classes="q-table")
        yield Static("", classes="q-repeat-help", markup=False)

    @property
    def control(self) -> EntryTable:
        return self.query_one(".q-table", EntryTable)

    @property
    def columns(self) -> list[Item]:
        children = rules.flatten(self.item.items)
        return [c for c in children if c.answerable and c.kind != "repeat"][:4]

    def relabel(self) -> None:
        super().relabel()
        self._fill()

    def on_resize(self) -> None:
        if self.size.width != self._filled_width:  # not when only shown again (a switch)
            self._fill()

    def show_value(self, value: Any, other: str) -> None:
        self.entries = [dict(e) for e in value] if isinstance(value, list) else []
        self._fill()

    def raw(self) -> list[dict[str, Any]]:
        return [dict(entry) for entry in self.entries]

    def _fill(self, row: int | None = None) -> None:
        from screener.report.answers import format_value

        lang = current_language()
        table = self.control
        keep = table.cursor_row if row is None else row
        table.clear(columns=True)
        columns = self.columns
        # Columns share the width so the table never needs a horizontal scrollbar.
        self._filled_width = self.size.width
        room = (self.size.width or self.app.size.width - 40) - 6
        cell = max(8, min(MAX_CELL, room // max(len(columns), 1) - 2))
        table.add_column("#", width=2)
        for child in columns:
            table.add_column(Text(_cut(self.text(child.label), cell)), width=cell)
        q = self.questionnaire
        for index, entry in enumerate(self.entries):
            values = [format_value(q, child, entry.get(child.name), lang) for child in columns]
            cells = [Cell(_cut(value, cell)) for value in values]
            table.add_row(str(index + 1), *cells)
        if not self.entries:  # an empty row; the line under the table says so, uncut
            table.add_row("", *[""] * len(columns))
        keys = _("ctrl+n add · enter edit · ctrl+↑/↓ move · delete remove")
        if not self.entries:
            keys = _("No entries yet: ctrl+n adds one") + "\n" + keys
        self.query_one(".q-repeat-help", Static).update(keys)
        table.move_cursor(row=max(0, min(keep, len(self.entries) - 1)))
        table.styles.height = max(len(self.entries), 1) + 1

    # -- editing ---------------------------------------------------------------------------------
    @on(EntryTable.Asked)
    def _asked(self, event: EntryTable.Asked) -> None:
        event.stop()
        if event.what == "add" or (event.what == "edit" and not self.entries):
            self.add_entry()  # enter on an empty table starts the first entry
        elif event.what == "edit":
            self.edit_entry(event.row)
        elif event.what == "move":
            self.move_entry(event.row, event.step)
        elif event.what == "remove":
            self.remove_entry(event.row)

    def add_entry(self) -> None:
        if not self.disabled:
            self._open(len(self.entries), {})

    def edit_entry(self, row: int) -> None:
        if 0 <= row < len(self.entries) and not self.disabled:
            self._open(row, dict(self.entries[row]))

    def _open(self, row: int, entry: dict[str, Any]) -> None:
        title = f"{self.text(self.item.label)} · {row + 1}"  # as the report numbers them

        def keep(result: dict[str, Any]) -> None:
            """Every field as it is typed: the entry is stored at once, not when closed."""
            if self._keep(row, result):
                if self.commit_entries is not None:
                    self.commit_entries(self)  # to the session first, the table after
                self.call_after_refresh(self._fill, row)

        def done(result: dict[str, Any] | None) -> None:
            if result is not None and self._keep(row, result):
                self._fill(row)
                self.edited(final=True)
            self.control.focus()

        values = self.values_for_logic
        dialog = EntryDialog(self.item, self.questionnaire, entry, values, title, keep, self.make)
        dialog.save_state = self.save_state
        self.app.push_screen(dialog, done)

    def _keep(self, row: int, result: dict[str, Any]) -> bool:
        filled = any(not is_empty(v) for v in result.values())
        if row < len(self.entries):
            if filled:
                self.entries[row] = result
            else:
                del self.entries[row]  # emptied again: no blank entry is kept
            return True
        if filled:
            self.entries.append(result)
            return True
        return False  # a new entry left empty is not kept

    def move_entry(self, row: int, step: int) -> None:
        target = row + step
        if self.disabled or not (0 <= row < len(self.entries) and 0 <= target < len(self.entries)):
            return
        entries = self.entries
        entries[row], entries[target] = entries[target], entries[row]
        self._fill(target)
        self.edited(final=True)

    def remove_entry(self, row: int) -> None:
        if self.disabled or not 0 <= row < len(self.entries):
            return
        from screener.ui.dialogs import ConfirmDialog

        question = _('Remove entry {number} of "{label}"?').format(
            number=row + 1, label=self.text(self.item.label)
        )

        def done(yes: bool | None) -> None:
            if yes:
                del self.entries[row]
                self._fill(row)
                self.edited(final=True)
            self.control.focus()

        self.app.push_screen(ConfirmDialog(question, _("Remove")), done)


class EntryDialog(ModalScreen[dict[str, Any] | None]):
    """The questions of one entry; escape (or ctrl+s) closes and keeps everything typed."""

    CSS_PATH = "../screens/interview.tcss"
    BINDINGS = bindings("done", "done_save")

    def __init__(
        self,
        item: Item,
        questionnaire: Questionnaire,
        entry: dict[str, Any],
        values: dict[str, Any],
        title: str,
        on_keep: Callable[[dict[str, Any]], None],
        make: MakeQuestion,
    ) -> None:
        super().__init__()
        self.on_keep = on_keep
        self.make = make
        self.item = item
        self.questionnaire = questionnaire
        self.entry = entry
        self.values = values
        self.title_text = title
        self._warned = False
        # The dialog covers the header: its own line says whether what is typed is on disk.
        self.save_state: Callable[[], tuple[int, bool]] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="entry-dialog"):
            with Horizontal(classes="entry-title-row"):
                yield Static(self.title_text, classes="dialog-title", markup=False)
                yield SavedLine("", classes="entry-saved", markup=False)
            with VerticalScroll(classes="entry-form"):
                for child in rules.flatten(self.item.items):
                    question = self.make(child, self.questionnaire, True)
                    question.commit = self._take_edit  # at once, as in the interview
                    yield question
            yield GuidancePanel("", classes="entry-guide")
            yield Static(_("Escape: done (everything typed is kept)"), classes="dialog-help")

    def on_mount(self) -> None:
        self._show_saved()
        for question in self.query(QuestionWidget):
            value = self.entry.get(question.item.name)
            if value is not None:
                question.load(value)
        self._apply_relevance()
        first = next((q for q in self.query(QuestionWidget) if q.control and q.display), None)
        if first is not None:
            first.focus_control()

    def _apply_relevance(self) -> None:
        shown = rules.visible_in_entry(self.item, self.values, self.entry)
        for question in self.query(QuestionWidget):
            question.display = question.item.name in shown

    def _take_edit(self, question: QuestionWidget, _final: bool) -> None:
        """An edit, in the same step as the key: the entry goes to the session at once, and
        the saved line says so before the text is drawn."""
        if self._commit(question):
            self.on_keep(dict(self.entry))
        self._show_saved()
        self._apply_relevance()

    def _show_saved(self, state: tuple[int, bool] | None = None) -> None:
        line = self.query_one(SavedLine)
        state = state or (self.save_state() if self.save_state is not None else None)
        line.display = state is not None
        if state is not None:
            line.show_state(*state)

    def on_save_state_changed(self, message: SaveStateChanged) -> None:
        if self.save_state is not None:
            self._show_saved((message.pending, message.failed is not None))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        question = next(
            (n for n in event.widget.ancestors_with_self if isinstance(n, QuestionWidget)), None
        )
        self.query_one(GuidancePanel).show_for(question, None)

    def on_language_changed(self, _message: object) -> None:
        for question in self.query(QuestionWidget):
            question.relabel()

    @on(QuestionWidget.Advance)
    def _advance(self, event: QuestionWidget.Advance) -> None:
        event.stop()
        self.focus_next()

    def _commit(self, question: QuestionWidget) -> bool:
        value, error = rules.check(question.item, question.raw(), self.values, self.questionnaire)
        question.show_error(error)
        if error:
            return False
        if value is None:
            self.entry.pop(question.item.name, None)
        else:
            self.entry[question.item.name] = value
        return True

    def action_close(self) -> None:
        invalid = [q for q in self.query(QuestionWidget) if q.control and not self._commit(q)]
        if invalid and not self._warned:
            self._warned = True
            self.notify(
                _("A value is not valid and is not kept. Fix it, or press Escape again."),
                severity="warning",
            )
            invalid[0].focus_control()
            return
        self.dismiss(self.entry)


def _cut(text: str, width: int = MAX_CELL) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
