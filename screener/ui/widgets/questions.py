"""One widget per question kind: a label, the control for the kind, an error and a status line
(the choice kinds are in ``choice_question``, repeats in ``repeat``).

The widgets only show and collect; saving, validation and skip logic live in ``QuestionForm``.
An edit (``final`` when the field is left or a choice is made, else a keystroke) goes to the
form's ``commit`` in the same step as the key, so no frame shows it beside a stale "Saved"; a
question without one (outside a form) posts ``QuestionWidget.Edited`` instead.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Static, TextArea

from screener.i18n import N_, _, current_language
from screener.interview.values import state_text
from screener.store.records import NON_RESPONSES, AnswerState
from screener.ui.typing import TypingArea, TypingInput

if TYPE_CHECKING:
    from textual.css.styles import RulesMap

    from screener.questionnaire.model import Item, Questionnaire

INPUT_KINDS = ("text", "integer", "decimal", "date")
CHOICE_KINDS = ("select_one", "select_multiple", "yes_no", "scale")


class QuestionWidget(Vertical):
    """The frame every question shares; subclasses supply ``compose_control``."""

    class Edited(Message):
        def __init__(self, question: QuestionWidget, final: bool) -> None:
            super().__init__()
            self.question = question
            self.final = final

    class Advance(Message):
        """The consultant finished this question (enter): move on."""

        def __init__(self, question: QuestionWidget) -> None:
            super().__init__()
            self.question = question

    def __init__(self, item: Item, questionnaire: Questionnaire, entry_mode: bool = False) -> None:
        super().__init__(classes=f"question kind-{item.kind}", id=f"q-{item.name}")
        self.item = item
        self.questionnaire = questionnaire
        self.entry_mode = entry_mode  # inside a repeat entry form: no marks, notes or flags
        self._loading = False
        # Set by the interview's form: an edit is handed over at once, in the same step as the
        # key (no frame shows it before the session has it). Without it, ``Edited`` is posted.
        self.commit: Callable[[QuestionWidget, bool], None] | None = None

    # -- composition -----------------------------------------------------------------------------
    # The label is drawn by the question itself, above its children (the first of them starts
    # as many lines down as the label takes): a widget per label made every section switch
    # slower, since each switch waits on every widget of every page built so far.
    COMPONENT_CLASSES = {"question--label", "question--focus", "question--focus-invalid"}
    label = ""
    # The width the question will have, when the form knows it (every page has the same): the
    # label then takes its lines before the first layout, not in a second layout after it.
    width_hint = 0

    def compose(self) -> ComposeResult:
        yield from self.compose_control()
        # The error and status lines are added when there is something to say: most questions
        # never need them, and every widget makes each section switch slower.

    def render(self) -> Content:
        return Content.assemble((self.label, self.get_visual_style("question--label")))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if self.children:
            return super().get_content_height(container, viewport, width)
        return self._label_lines(width)  # a note: the label is all there is

    def _label_lines(self, width: int) -> int:
        if not width:
            return 1  # not laid out yet: most labels take one line
        # Wrapped as Textual wraps it when drawn (its styles are the rules it reads).
        return self.render().get_height(cast("RulesMap", self.styles), width)

    def on_resize(self) -> None:
        self._place_label()

    def _place_label(self) -> None:
        """Start the children below the label at the width the question has now."""
        first = next(iter(self.children), None)
        if first is None:
            return
        lines = self._label_lines(self.content_size.width or self.width_hint)
        margin = first.styles.margin
        if margin.top != lines:
            first.styles.margin = (lines, margin.right, margin.bottom, margin.left)
            # Taller now: the focused question on this page, brought into view a moment ago
            # (a jump to a question on a page just built), may have moved below the visible rows.
            focused = self.screen.focused if self.is_attached else None
            if focused is not None and self.parent in focused.ancestors:
                shown = next(
                    (q for q in focused.ancestors_with_self if isinstance(q, QuestionWidget)), None
                )
                if shown is not None:
                    self.call_after_refresh(shown.scroll_visible, animate=False)

    def compose_control(self) -> ComposeResult:
        yield from ()

    @property
    def control(self) -> Widget | None:
        """The focusable part (None for a note)."""
        return None

    def on_mount(self) -> None:
        self.relabel()

    def relabel(self) -> None:
        """Set the label (and choice texts) in the current language; values are untouched."""
        label = self.text(self.item.label)
        if self.item.required and self.item.answerable:
            label += " *"
        if label != self.label:
            self.label = label
            self._place_label()
            self.refresh(layout=not self.children)

    def text(self, texts: dict[str, str]) -> str:
        return self.questionnaire.text(texts, current_language())

    @property
    def hint(self) -> str:
        return self.text(self.item.hint) if self.item.hint else ""

    # -- value -----------------------------------------------------------------------------------
    def load(self, value: Any, other: str = "") -> None:
        """Show a stored value without reporting it as an edit."""
        self._loading = True
        try:
            self.show_value(value, other)
        finally:
            self.call_after_refresh(self._loaded)

    def _loaded(self) -> None:
        self._loading = False

    def show_value(self, value: Any, other: str) -> None: ...

    def raw(self) -> Any:
        """What the control holds now (text as typed, or the picked values)."""
        return None

    def other_text(self) -> str:
        return ""

    def edited(self, final: bool) -> None:
        if self._loading:
            return
        if self.commit is not None:
            self.commit(self, final)
        else:
            self.post_message(self.Edited(self, final))

    def _typed(self) -> None:
        self.edited(final=False)

    # -- feedback --------------------------------------------------------------------------------
    def show_error(self, message: str | None) -> None:
        self._show_line("q-error", message or "")
        if self.has_class("-invalid") != bool(message):
            self.set_class(bool(message), "-invalid")
            self.show_focus()  # the bar turns red (or back)

    def show_status(self, state: AnswerState | None, note: str, flagged: bool) -> None:
        parts: list[str] = []
        if state in NON_RESPONSES:
            parts.append("■ " + state_text(state))  # type: ignore[arg-type]
        if flagged:
            parts.append("⚑ " + _("Follow up"))
        if note:
            first = note.splitlines()[0]
            parts.append("✎ " + (first[:60] + "…" if len(first) > 60 else first))
        self._show_line("q-status", "   ".join(parts))
        self.set_class(state in NON_RESPONSES, "-marked")

    def _show_line(self, kind: str, text: str) -> None:
        """The error ("q-error") or status ("q-status") line under the control, added the
        first time it has text; the error line comes first."""
        line = next(iter(self.query_children(f".{kind}").results(Static)), None)
        if line is None:
            if not text:
                return
            line = Static(text, classes=kind, markup=False)
            status = next(iter(self.query_children(".q-status")), None)
            self.mount(line, before=status if kind == "q-error" else None)
            self._place_label()  # a question with no control (a note) has a first child now
        elif str(line.content) != text:
            line.update(text)
        line.display = bool(text)

    def focus_control(self) -> None:
        """Focus now, not after the queued events (``Widget.focus`` defers): a key typed ahead
        goes to the question the consultant moved to."""
        if self.control is not None and self.is_attached:
            left = self.screen.focused
            self.screen.set_focus(self.control)
            # The bars now, in the frame that shows the move (their focus events come later).
            self.show_focus()
            for question in left.ancestors if left is not None else []:
                if isinstance(question, QuestionWidget) and question is not self:
                    question.show_focus()
                    break

    # The focus bar: the colours come from the component classes, set as the question's own
    # styles. A ``:focus-within`` rule would restyle the question and all its children on every
    # move (some milliseconds each time); this is a repaint of the one question.
    def on_descendant_focus(self, _event: events.DescendantFocus) -> None:
        self.show_focus()

    def on_descendant_blur(self, _event: events.DescendantBlur) -> None:
        self.edited(final=True)
        self.show_focus()

    def show_focus(self) -> None:
        styles = self.styles
        if self.is_attached and self.has_focus_within:
            look = self.get_component_styles(
                "question--focus-invalid" if self.has_class("-invalid") else "question--focus"
            )
            styles.outline_left = ("wide", look.color)  # each repaints only when it changes
            styles.background = look.background
        elif styles.inline.has_rule("outline_left"):
            styles.clear_rule("outline_left")
            styles.clear_rule("background")
            self.refresh()


class NoteItem(QuestionWidget):
    """Guidance or a script to read out: text only, nothing to answer."""


class TextQuestion(QuestionWidget):
    """text, integer, decimal and date in one line; enter moves to the next question."""

    PLACEHOLDERS = {"date": N_("DD-MM-YYYY"), "integer": "0", "decimal": "0,0"}

    def compose_control(self) -> ComposeResult:
        field = TypingInput(
            placeholder=self._placeholder(),
            compact=True,
            select_on_focus=False,  # typing into a filled field must not wipe the answer
            classes="q-input",
        )
        field.on_edit = self._typed
        yield field

    @property
    def control(self) -> Input:
        return self.query_one(".q-input", Input)

    def _placeholder(self) -> str:
        text = self.PLACEHOLDERS.get(self.item.kind, "")
        return _(text) if text else ""

    def relabel(self) -> None:
        super().relabel()
        self.control.placeholder = self._placeholder()

    def show_value(self, value: Any, other: str) -> None:
        self.control.value = _display(self.item.kind, value)
        self.control.cursor_position = len(self.control.value)  # typing goes on at the end

    def raw(self) -> str:
        return self.control.value

    @on(Input.Changed, ".q-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()  # handed over already (``on_edit``)

    @on(Input.Submitted, ".q-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.edited(final=True)
        self.post_message(self.Advance(self))


class LongTextQuestion(QuestionWidget):
    """Free text over several lines; tab leaves it (tab is not typed into the text)."""

    def compose_control(self) -> ComposeResult:
        area = TypingArea(soft_wrap=True, tab_behavior="focus", compact=True, classes="q-textarea")
        area.on_edit = self._typed
        yield area

    @property
    def control(self) -> TextArea:
        return self.query_one(".q-textarea", TextArea)

    def show_value(self, value: Any, other: str) -> None:
        self.control.load_text("" if value is None else str(value))
        self.control.move_cursor(self.control.document.end)  # typing goes on at the end

    def raw(self) -> str:
        return self.control.text

    @on(TextArea.Changed, ".q-textarea")
    def _changed(self, event: TextArea.Changed) -> None:
        event.stop()  # handed over already (``on_edit``)


def _display(kind: str, value: Any) -> str:
    """A stored value as the consultant types it (dates as DD-MM-YYYY, decimals with a comma
    in Danish)."""
    if value is None:
        return ""
    if kind == "date" and isinstance(value, str):
        try:
            return date.fromisoformat(value).strftime("%d-%m-%Y")
        except ValueError:
            return value
    if kind == "decimal" and isinstance(value, float) and current_language() == "da":
        return f"{value:g}".replace(".", ",")
    return str(value)
