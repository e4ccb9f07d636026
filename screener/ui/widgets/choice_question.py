"""The question for select_one, select_multiple, yes_no and scale: a ``ChoicePicker`` (the
numbered list, or one line for yes/no and scales), the scale's ends, and the "other, namely"
field when the item offers it."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Static

from screener.i18n import _, current_language
from screener.questionnaire.model import NO, YES
from screener.ui.typing import TypingInput
from screener.ui.widgets.choices import ChoicePicker, Option
from screener.ui.widgets.questions import QuestionWidget
from screener.ui.widgets.rules import OTHER


class ChoiceQuestion(QuestionWidget):
    """select_one, select_multiple, yes_no and scale; "other, namely" when the item offers it."""

    def compose_control(self) -> ComposeResult:
        kind = self.item.kind
        if kind == "scale":
            yield Static("", classes="q-scale-ends", markup=False)
        picker = ChoicePicker(
            self.options(),
            multiple=kind == "select_multiple",
            horizontal=kind in ("scale", "yes_no"),
            classes="q-picker",
        )
        picker.on_edit = self._picked
        yield picker
        if self.item.other:
            other = TypingInput(
                placeholder=_("Other, namely"),
                compact=True,
                select_on_focus=False,
                classes="q-other",
            )
            other.on_edit = self._typed
            yield other

    @property
    def control(self) -> ChoicePicker:
        return self.query_one(".q-picker", ChoicePicker)

    def options(self) -> list[Option]:
        kind = self.item.kind
        lang = current_language()
        if kind == "yes_no":
            # The key in the label is the one of the language shown (j in Danish); both work.
            yes_key, no_key = _("y"), _("n")
            return [
                Option(YES, _("Yes") + f" [{yes_key}]", key="yj"),
                Option(NO, _("No") + f" [{no_key}]", key="n"),
            ]
        if kind == "scale":
            low, high = self.item.scale_range
            return [Option(str(n), str(n)) for n in range(low, high + 1)]
        q = self.questionnaire
        options = [
            Option(
                c.value, q.text(c.label, lang), q.text(c.description, lang) if c.description else ""
            )
            for c in q.choice_list(self.item)
        ]
        if self.item.other and OTHER not in {o.value for o in options}:
            options.append(Option(OTHER, _("Other, namely")))
        return options

    def relabel(self) -> None:
        super().relabel()
        self.control.set_options(self.options())
        if self.item.kind == "scale":
            low, high = self.item.scale_range
            ends = _("{low} = {low_text}   {high} = {high_text}").format(
                low=low,
                low_text=self.text(self.item.low),
                high=high,
                high_text=self.text(self.item.high),
            )
            self.query_one(".q-scale-ends", Static).update(ends)
        if self.item.other:
            self.query_one(".q-other", Input).placeholder = _("Other, namely")

    def show_value(self, value: Any, other: str) -> None:
        if value is None or value == "":
            picked: list[str] = []
        elif isinstance(value, list):
            picked = [str(v) for v in value]
        else:
            picked = [str(value)]
        self.control.set_picked(picked)
        if self.item.other:
            self.query_one(".q-other", Input).value = other
        self._show_other()

    def _show_other(self) -> None:
        if self.item.other:
            self.query_one(".q-other", Input).display = OTHER in self.control.picked

    def raw(self) -> Any:
        picked = self.control.picked
        if self.item.kind == "select_multiple":
            return list(picked)
        if not picked:
            return None
        return int(picked[0]) if self.item.kind == "scale" else picked[0]

    def other_text(self) -> str:
        if not self.item.other or OTHER not in self.control.picked:
            return ""
        return self.query_one(".q-other", Input).value.strip()

    def _picked(self) -> None:
        self._show_other()
        self.edited(final=True)

    @on(ChoicePicker.Changed)
    def _changed(self, event: ChoicePicker.Changed) -> None:
        event.stop()  # handed over already (``on_edit``)

    @on(ChoicePicker.Submitted)
    def _submitted(self, event: ChoicePicker.Submitted) -> None:
        event.stop()
        self.post_message(self.Advance(self))

    @on(Input.Changed, ".q-other")
    def _other_changed(self, event: Input.Changed) -> None:
        event.stop()  # handed over already (``on_edit``)

    @on(Input.Submitted, ".q-other")
    def _other_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.edited(final=True)
        self.post_message(self.Advance(self))
