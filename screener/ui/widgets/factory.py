"""The widget factory: the question widget that fits an item's kind.

Its own module, so ``questions`` (the kinds) and ``repeat`` (which builds the questions of an
entry with this same factory, handed to it) never import each other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from screener.ui.widgets.choice_question import ChoiceQuestion
from screener.ui.widgets.questions import (
    CHOICE_KINDS,
    INPUT_KINDS,
    LongTextQuestion,
    NoteItem,
    QuestionWidget,
    TextQuestion,
)
from screener.ui.widgets.repeat import RepeatQuestion

if TYPE_CHECKING:
    from screener.questionnaire.model import Item, Questionnaire


def make_question(
    item: Item, questionnaire: Questionnaire, entry_mode: bool = False
) -> QuestionWidget:
    """The widget that fits ``item``'s kind (repeats get ``RepeatQuestion``)."""
    kind = item.kind
    if kind == "repeat":
        return RepeatQuestion(item, questionnaire, entry_mode, make=make_question)
    if kind in INPUT_KINDS:
        return TextQuestion(item, questionnaire, entry_mode)
    if kind == "long_text":
        return LongTextQuestion(item, questionnaire, entry_mode)
    if kind in CHOICE_KINDS:
        return ChoiceQuestion(item, questionnaire, entry_mode)
    return NoteItem(item, questionnaire, entry_mode)
