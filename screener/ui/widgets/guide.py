"""The guidance panel: the hint of the focused question (or its section's guidance) and the
keys that fit the kind of question."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from screener.i18n import N_, _, current_language
from screener.questionnaire.model import text_in

if TYPE_CHECKING:
    from screener.questionnaire.model import Section
    from screener.ui.widgets.questions import QuestionWidget

KIND_KEYS = {
    "select_one": N_("number: choose · ↑↓ move in the list · space choose · enter/tab next"),
    "select_multiple": N_("number or space: tick/untick · ↑↓ move in the list · enter/tab next"),
    "yes_no": N_("y/n: yes/no · ←→ choose · enter next"),
    "scale": N_("the number on the scale, or ←→: choose · enter next"),
    "long_text": N_("Type freely · tab next question"),
    "date": N_("DD-MM-YYYY or YYYY-MM-DD · enter next"),
    "integer": N_("A whole number · enter next"),
    "decimal": N_("A number, e.g. 12,5 · enter next"),
    "text": N_("enter next"),
    "repeat": N_("ctrl+n add · enter edit · ctrl+↑/↓ move · delete remove"),
}


class GuidancePanel(Static):
    """The hint for the focused question (or the section's guidance) and the keys that fit it."""

    _shown: list[tuple[str, str]] | None = None

    def show_for(self, question: QuestionWidget | None, section: Section | None) -> None:
        # Textual content, not a Rich text: drawn in a fraction of the time, at every switch.
        lang = current_language()
        pieces: list[tuple[str, str]] = []
        if question is not None and question.hint:
            pieces.append((question.hint, ""))
        elif section is not None and section.guidance:
            pieces.append((text_in(section.guidance, lang), "italic"))
        keys = KIND_KEYS.get(question.item.kind, "") if question is not None else ""
        if keys:
            if pieces:
                pieces.append(("\n", ""))
            pieces.append((_(keys), "dim"))
        # The interview's panel has a fixed height: a new hint is a repaint, never a layout.
        # The entry form's fits its text: laid out again, and hidden when there is none.
        height = self.styles.height
        fits_text = height is None or height.is_auto
        if pieces != self._shown:
            self._shown = pieces
            self.update(Content.assemble(*pieces), layout=fits_text)
        if fits_text:
            self.display = bool(pieces)
